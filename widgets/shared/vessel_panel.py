"""The vessel's manual position reports in the inspector (every vessel; it matters for a
dark one): each report with when, where, channel and who recorded it, the ones this
console has not yet delivered (⏳), when the next report is due (Decree 37/2024: every
6 h once the VMS is silent), and "Record position report…" (disabled, with the reason,
for a role that may not).

Listens to the shared reports, the outbox and the identity; `dispose()` disconnects.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from console import bulletin
from console.app import ConsoleApp
from console.model.freshness import VmsState
from console.timefmt import format_age, format_local
from layers.reports.layer import channel_label
from widgets.rights import not_permitted_text

REPORT_EVERY_S = 6 * 3600  # Decree 37/2024: while the VMS is silent


class VesselReportsPanel(QWidget):
    def __init__(self, app: ConsoleApp, vessel_id: str,
                 record: Callable[[str], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("vesselReportsPanel")
        self._app = app
        self.vessel_id = vessel_id
        self.heading = QLabel("<b>" + self.tr("Manual position reports") + "</b>")
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.listing = QLabel()
        self.listing.setObjectName("vesselReports")
        self.listing.setWordWrap(True)
        self.record = QPushButton(self.tr("Record position report…"))
        self.record.setObjectName("recordPositionReport")
        self.record.clicked.connect(lambda: record(vessel_id))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        for w in (self.heading, self.state, self.listing, self.record):
            layout.addWidget(w)
        app.shared.reports_changed.connect(self._on_reports)
        app.outbox.changed.connect(self._on_outbox)
        app.identity_changed.connect(self.refresh)
        self.refresh()

    def dispose(self) -> None:
        self._app.shared.reports_changed.disconnect(self._on_reports)
        self._app.outbox.changed.disconnect(self._on_outbox)
        self._app.identity_changed.disconnect(self.refresh)

    def _on_reports(self, vessel_ids: list[str]) -> None:
        if self.vessel_id in vessel_ids:
            self.refresh()

    def _on_outbox(self, subjects: list[str]) -> None:
        if f"report:{self.vessel_id}" in subjects:
            self.refresh()

    def refresh(self) -> None:
        app = self._app
        reports = app.shared.reports_of(self.vessel_id)
        waiting = app.decisions.reports_waiting(self.vessel_id)
        lines = []
        for r in reversed(reports):  # newest first
            line = (f"<b>{format_local(r.reported_at)}</b> · "
                    f"{bulletin.number(r.lat, 4)}° N, {bulletin.number(r.lon, 4)}° E · "
                    f"{channel_label(r.channel)} · "
                    + self.tr("recorded by %1").replace("%1", r.recorded_by))
            if r.note:  # a note of several lines keeps its line breaks
                note = "<br>&nbsp;&nbsp;".join(_escape(part) for part in r.note.splitlines())
                line += f"<br>&nbsp;&nbsp;<i>{note}</i>"
            lines.append(line)
        for a in waiting:
            lines.insert(0, self.tr("⏳ not yet sent (%1)").replace(
                "%1", a.error or self.tr("waiting for the backend")))
        self.listing.setText("<br>".join(lines) if lines else self.tr("No manual reports."))
        self.state.setText(self._state_text(reports[-1].reported_at if reports else None))
        permitted = app.may("vessel.report") and app.review is None
        self.record.setEnabled(permitted)
        self.record.setToolTip("" if permitted else not_permitted_text(app.identity))
        self.record.setVisible(app.review is None)  # an archive under review: nothing to send

    def _state_text(self, last_report: float | None) -> str:
        v = self._app.vessels.get(self.vessel_id)
        if v is None:
            return ""
        now = self._app.clock.now()
        state = int(self._app.settings.vms.classify(
            np.array([now - v.fix_time]), np.array([v.status == "in_port"]))[0])
        if state < VmsState.LOST.value:
            return self.tr("VMS reporting (last fix %1 ago).").replace(
                "%1", format_age(now - v.fix_time))
        latest = max(v.fix_time, last_report or 0.0)
        due = latest + REPORT_EVERY_S
        text = self.tr("VMS silent for %1: the captain must report every 6 h.").replace(
            "%1", format_age(now - v.fix_time))
        if due < now:
            return text + " " + self.tr("Report overdue since %1.").replace(
                "%1", format_local(due))
        return text + " " + self.tr("Next report due by %1.").replace("%1", format_local(due))


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
