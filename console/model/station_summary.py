"""Recent behaviour of a station: rain sums and the level trend (from the backend)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class StationSummary:
    """Rain sums in mm (rain gauges) and the change over the last hour in the station's
    unit (level gauges: the trend arrow). None where not applicable or unknown."""

    station_id: str
    acc_1h: float | None = None
    acc_3h: float | None = None
    acc_24h: float | None = None
    change_1h: float | None = None
