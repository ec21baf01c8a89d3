"""The selected vessel's full track for a chosen window, with local-time ticks.

Layer only (no pixels): holds the fetched `Track` (map coordinates) and computes tick
positions every `tick_minutes` of Vietnam time (aligned to local midnight) by
interpolation. A tick's label is 'HH:MM'; it carries the date ('dd/mm HH:MM') when the
track crosses midnight: on the first label, and on the first label of each new day
(`label_ticks`), so "03:00" is never read as the wrong night.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication

from console.geo.crs import lonlat_to_map
from console.model.vessel import Track
from console.timefmt import UTC_OFFSET_S, local
from layers.base import LegendEntry, MapLayer

_tr = QCoreApplication.translate


class TrackLayer(MapLayer):
    color = "#e65100"

    def __init__(self, tick_minutes: float = 120.0) -> None:
        super().__init__("selected_track", _tr("TrackLayer", "Selected vessel track"))
        self.tick_minutes = tick_minutes
        self.track: Track | None = None
        self.x = np.empty(0)
        self.y = np.empty(0)

    def set_track(self, track: Track | None) -> None:
        self.track = track
        if track is None or not track.t:
            self.x, self.y = np.empty(0), np.empty(0)
        else:
            self.x, self.y = lonlat_to_map(np.asarray(track.lon), np.asarray(track.lat))
        self.changed.emit()

    def has_data(self) -> bool:
        return len(self.x) > 0

    def extent(self) -> tuple[float, float, float, float] | None:
        if not len(self.x):
            return None
        return float(self.x.min()), float(self.y.min()), float(self.x.max()), float(self.y.max())

    def ticks(self) -> tuple[np.ndarray, np.ndarray, list[str]]:
        """Positions and local-time labels at whole multiples of `tick_minutes`."""
        tx, ty, times = self.tick_times()
        return tx, ty, self.label_ticks(times)

    def tick_times(self) -> tuple[np.ndarray, np.ndarray, list[float]]:
        """Tick positions and their UTC times, every `tick_minutes` of local time."""
        if self.track is None or len(self.track.t) < 2:
            return np.empty(0), np.empty(0), []
        t = np.asarray(self.track.t)
        step = self.tick_minutes * 60.0
        first = np.ceil((t[0] + UTC_OFFSET_S) / step) * step - UTC_OFFSET_S
        times = np.arange(first, t[-1] + 1e-6, step)
        if len(times) == 0:
            return np.empty(0), np.empty(0), []
        tx = np.interp(times, t, self.x)
        ty = np.interp(times, t, self.y)
        return tx, ty, times.tolist()

    def label_ticks(self, times: list[float]) -> list[str]:
        """Labels for the ticks shown: the date goes with the time on the first one and
        whenever the local day changed since the previous one, if the track spans more
        than one local day."""
        if self.track is None or not self.track.t:
            return []
        days = {local(self.track.t[0]).date(), local(self.track.t[-1]).date()}
        dated = len(days) > 1
        labels, previous = [], None
        for v in times:
            when = local(v)
            new_day = previous is None or when.date() != previous
            labels.append(when.strftime("%d/%m %H:%M" if dated and new_day else "%H:%M"))
            previous = when.date()
        return labels

    def legend(self) -> list[LegendEntry]:
        return [
            LegendEntry(_tr("TrackLayer", "Track (ticks in local time)"), line_color=self.color)
        ]
