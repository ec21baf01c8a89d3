"""The archive's state at any time T, computed with vectorised lookups.

Built once from `ArchiveData` (worker thread or start-up): per-vessel fixes stay in one
array sorted by (vessel, t) with map coordinates precomputed, and a combined key
`vessel_index * span + (t - t0)` makes "the latest fix of every vessel at T" a single
`np.searchsorted` over all vessels. Tails are the last K fixes up to T, gathered with
one fancy index. Stations, incidents, cameras and alerts are small: per-item
searchsorted / bisect.

Pure (no Qt); safe to call from any thread, but normally called on the GUI thread.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, replace

import numpy as np

from console.archive.reader import ArchiveData
from console.geo.crs import lonlat_to_map
from console.model.camera import Camera
from console.model.incident import Incident
from console.model.station import Station
from console.model.vessel import Vessel
from console.rules.alerts import Alert


@dataclass(frozen=True)
class VesselFrame:
    """Vessel state at T. `fix` is the index into the fix arrays per vessel (-1: no fix
    yet); tails are (n, K) arrays oldest..newest with leading NaN."""

    time: float
    fix: np.ndarray
    tail_t: np.ndarray
    tail_x: np.ndarray
    tail_y: np.ndarray


class ReplayState:
    def __init__(self, data: ArchiveData, tail_length: int = 12) -> None:
        self.data = data
        self.tail_length = tail_length
        self.start, self.end = data.time_range()
        n = len(data.vessels)
        self.vessel_ids = [v.id for v in data.vessels]
        fv, ft = data.fix_vessel, data.fix_t
        self._t0 = float(ft.min()) if len(ft) else 0.0
        self._span = (float(ft.max()) - self._t0 + 1.0) * 2.0 if len(ft) else 1.0
        self._keys = fv * self._span + (ft - self._t0)
        self.seg_start = np.searchsorted(fv, np.arange(n), "left")
        self.fix_x, self.fix_y = lonlat_to_map(data.fix_lon, data.fix_lat)
        self._vessel_query_base = np.arange(n) * self._span
        self.station_ids = [s.id for s in data.stations]
        self._inc_times = {
            k: [v.updated_at for v in vs] for k, vs in data.incident_versions.items()
        }
        self._cam_times = {k: [c.last_seen for c in cs] for k, cs in data.camera_states.items()}
        self.alert_times = np.array([r[6] for r in data.alerts], dtype=np.float64)

    # --- vessels --------------------------------------------------------------------------

    def vessel_frame(self, t: float) -> VesselFrame:
        q = self._vessel_query_base + (t - self._t0)
        pos = np.searchsorted(self._keys, q, "right") - 1
        fix = np.where(pos >= self.seg_start, pos, -1)
        k = self.tail_length
        idx = fix[:, None] - (k - 1) + np.arange(k)[None, :]
        valid = (idx >= self.seg_start[:, None]) & (fix[:, None] >= 0)
        safe = np.clip(idx, 0, max(len(self._keys) - 1, 0))
        if len(self._keys) == 0:
            empty = np.full((len(fix), k), np.nan)
            return VesselFrame(t, fix, empty, empty.copy(), empty.copy())
        tail_t = np.where(valid, self.data.fix_t[safe], np.nan)
        tail_x = np.where(valid, self.fix_x[safe], np.nan)
        tail_y = np.where(valid, self.fix_y[safe], np.nan)
        return VesselFrame(t, fix, tail_t, tail_x, tail_y)

    def vessel_at(self, row: int, fix: int) -> Vessel:
        """The vessel record as it was at fix index `fix` (identity from the archive)."""
        d = self.data
        base = d.vessels[row]
        return replace(
            base,
            status=str(d.fix_status[fix]),
            lon=float(d.fix_lon[fix]),
            lat=float(d.fix_lat[fix]),
            fix_time=float(d.fix_t[fix]),
            speed_kn=float(d.fix_speed[fix]),
            course_deg=float(d.fix_course[fix]),
        )

    # --- stations, incidents, cameras -----------------------------------------------------

    def stations_at(self, t: float) -> list[Station]:
        """Every station with its latest reading at or before T (None before the first)."""
        out = []
        for s in self.data.stations:
            ts, vs = self.data.obs.get(s.id, (np.empty(0), np.empty(0)))
            i = int(np.searchsorted(ts, t, "right")) - 1
            if i >= 0:
                value = float(vs[i])
                out.append(
                    replace(
                        s, latest_time=float(ts[i]), latest_value=None if np.isnan(value) else value
                    )
                )
            else:
                out.append(replace(s, latest_time=None, latest_value=None))
        return out

    def incidents_at(self, t: float) -> list[Incident | None]:
        """Per recorded incident, its latest version at T, or None if not yet reported."""
        out: list[Incident | None] = []
        for key, versions in self.data.incident_versions.items():
            i = bisect.bisect_right(self._inc_times[key], t) - 1
            out.append(versions[i] if i >= 0 and versions[i].reported_at <= t else None)
        return out

    def cameras_at(self, t: float) -> list[Camera]:
        out = []
        for key, states in self.data.camera_states.items():
            i = bisect.bisect_right(self._cam_times[key], t) - 1
            out.append(states[max(i, 0)])
        return out

    def alerts_at(self, t: float) -> list[Alert]:
        """Alerts raised at or before T as the inbox holds them (new objects each call:
        the inbox mutates its own); cleared only if cleared by T."""
        n = int(np.searchsorted(self.alert_times, t, "right"))
        out = []
        for r in self.data.alerts[:n]:
            cleared = r[7] if r[7] is not None and r[7] <= t else None
            out.append(
                Alert(
                    *r[:7],
                    item_id=r[8],
                    lon=r[9],
                    lat=r[10],
                    updated_at=cleared or r[6],
                    active=cleared is None,
                    cleared_at=cleared,
                )
            )
        return out

    def next_alert(self, t: float, forward: bool = True) -> float | None:
        """Time of the next (or previous) alert after (before) T, if any."""
        times = self.alert_times
        if forward:
            i = int(np.searchsorted(times, t, "right"))
            return float(times[i]) if i < len(times) else None
        i = int(np.searchsorted(times, t, "left")) - 1
        return float(times[i]) if i >= 0 else None
