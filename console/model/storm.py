"""A storm bulletin as the console holds it: the observed track, the forecast positions
with their uncertainty radii, and the danger zone the bulletin publishes (a box of
parallels and meridians for the next 24 hours). Times are epoch seconds UTC."""

from __future__ import annotations

from dataclasses import dataclass

from console.model.lonlat_box import LonLatBox


@dataclass(frozen=True, slots=True)
class StormPoint:
    t: float
    lon: float
    lat: float
    wind_level: int  # Beaufort level near the centre
    gust_level: int
    r6_km: float  # radius of level-6 winds
    cone_km: float = 0.0  # forecast points: radius of the uncertainty cone


DangerBox = LonLatBox  # the bulletin's danger zone: a box of meridians and parallels


@dataclass(frozen=True, slots=True)
class StormBulletin:
    name: str
    number: int
    issued_at: float
    observed: tuple[StormPoint, ...]
    forecast: tuple[StormPoint, ...]
    danger_zone: DangerBox | None
    danger_hours: float
    source: str  # a citation, or "simulated"

    @property
    def centre(self) -> StormPoint:
        """The last observed position: where the storm is, as of this bulletin."""
        return self.observed[-1]

    @property
    def simulated(self) -> bool:
        return self.source == "simulated"
