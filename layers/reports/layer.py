"""Manual position reports of dark vessels (the captain's radio / phone report, Decree
37/2024): amber diamonds, the latest report of each vessel larger, so the map shows
where a silent vessel said it was, apart from its last VMS fix; and, for the selected
vessel, the path from its last fix through its reports with their times."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from PySide6.QtCore import QCoreApplication

from console import bulletin
from console.live.clock import SourceClock
from console.model.decisions import PositionReport
from console.model.vessel import Track
from console.stores.records import RecordStore
from console.symbology import MANUAL_REPORT, MANUAL_REPORT_EARLIER
from console.timefmt import format_age, format_local, local
from layers.base import LegendEntry, PointStyle
from layers.records import RecordPointLayer
from layers.vessels.track import TrackLayer

_tr = QCoreApplication.translate
EARLIER, LATEST = 0, 1


def channel_label(channel: str) -> str:
    return {
        "radio": _tr("ReportLayer", "radio"),
        "phone": _tr("ReportLayer", "phone"),
        "other": _tr("ReportLayer", "other means"),
    }.get(channel, channel)


class ReportLayer(RecordPointLayer):
    def __init__(self, store: RecordStore[PositionReport], clock: SourceClock,
                 latest: Callable[[str], PositionReport | None],
                 vessel_title: Callable[[str], str]) -> None:
        super().__init__("reports", _tr("ReportLayer", "Manual position reports"), store)
        self.clock = clock
        self._latest = latest
        self._vessel_title = vessel_title
        self.styles = (
            PointStyle(_tr("ReportLayer", "Earlier report"), "d", 9,
                       MANUAL_REPORT_EARLIER.fill, MANUAL_REPORT_EARLIER.outline, 1.0),
            PointStyle(_tr("ReportLayer", "Latest report of the vessel"), "d", 15,
                       MANUAL_REPORT.fill, MANUAL_REPORT.outline, 2.0, z=1),
        )

    def classify(self, r: PositionReport) -> int:
        latest = self._latest(r.vessel_id)
        return LATEST if latest is not None and latest.id == r.id else EARLIER

    def describe_record(self, r: PositionReport) -> tuple[str, list[tuple[str, str]]]:
        title = _tr("ReportLayer", "Reported position: %1").replace(
            "%1", self._vessel_title(r.vessel_id))
        rows = [
            (_tr("ReportLayer", "Reported at"), format_local(r.reported_at)),
            (_tr("ReportLayer", "Age"), format_age(self.clock.now() - r.reported_at)),
            (_tr("ReportLayer", "Position"),
             f"{bulletin.number(r.lat, 4)}° N, {bulletin.number(r.lon, 4)}° E"),
            (_tr("ReportLayer", "Channel"), channel_label(r.channel)),
            (_tr("ReportLayer", "Recorded by"), f"{r.recorded_by}, {format_local(r.recorded_at)}"),
        ]
        if r.note:
            rows.append((_tr("ReportLayer", "Note"), r.note))
        return title, rows


class ReportTrackLayer(TrackLayer):
    """The selected vessel's path from its last VMS fix through its manual reports, in
    the reports' colour, each point labelled with its local time (drawn by the track
    renderer: one curve, dots, labels)."""

    color = MANUAL_REPORT.outline

    def __init__(self) -> None:
        super().__init__()
        self.layer_id = "report_track"
        self.title = _tr("ReportLayer", "Selected vessel: last fix and manual reports")

    def set_path(self, vessel_id: str, fix: tuple[float, float, float] | None,
                 reports: list[PositionReport]) -> None:
        """`fix` = (t, lon, lat) of the last VMS fix; nothing drawn without a report."""
        points = ([fix] if fix is not None else []) + [
            (r.reported_at, r.lon, r.lat) for r in reports]
        if not reports:
            self.set_track(None)
            return
        points.sort()
        t, lon, lat = (tuple(c) for c in zip(*points, strict=True))
        zeros = tuple(0.0 for _ in t)
        self.set_track(Track(vessel_id, t, lon, lat, zeros, zeros))

    def tick_times(self) -> tuple[np.ndarray, np.ndarray, list[float]]:
        """A tick at the last fix and at every report, at its own time (not on the clock's
        even hours: each point is a position someone gave)."""
        if self.track is None:
            return np.empty(0), np.empty(0), []
        return self.x, self.y, list(self.track.t)

    def label_ticks(self, times: list[float]) -> list[str]:
        return [local(t).strftime("%d/%m %H:%M") for t in times]

    def legend(self) -> list[LegendEntry]:
        return [LegendEntry(_tr("ReportLayer", "Last fix → manual reports"),
                            line_color=self.color)]
