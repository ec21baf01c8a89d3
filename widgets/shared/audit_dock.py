"""The audit trail dock: who did what, when, from the backend's hash-chained audit log
(GET /api/v1/audit, supervisor role): acknowledgements, shelving, closures, incidents
opened, position reports, incident steps, user changes. Newest first; polled on the job
runner every few seconds while the dock is shown. A role that may not read it sees
why instead of an empty table.
"""

from __future__ import annotations

import json

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from console.app import ConsoleApp
from console.live.timers import timer
from console.sources import wire
from console.timefmt import format_local
from widgets.live.simple_table import Cell, row_table
from widgets.rights import not_permitted_text

POLL_MS = 5000
MAX_ROWS = 2000


def _epoch(iso: str) -> float:
    from datetime import datetime

    return datetime.fromisoformat(iso.replace("Z", "+00:00")).timestamp()


class AuditDock(QWidget):
    def __init__(self, app: ConsoleApp, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("auditTrail")
        self._app = app
        self.model, self.proxy, self.view = row_table(
            [self.tr("Time"), self.tr("Who"), self.tr("Action"), self.tr("Object"),
             self.tr("Details")], self)
        self.note = QLabel()
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.note)
        layout.addWidget(self.view, 1)
        self.entries: list[wire.AuditEntry] = []  # newest first
        self._after = 0
        self._timer = timer(self, POLL_MS, self.poll, start=True)
        app.identity_changed.connect(self.poll)
        self.poll()

    def stop(self) -> None:
        self._timer.stop()
        self._app.identity_changed.disconnect(self.poll)

    def poll(self) -> None:
        app = self._app
        client = app.client
        allowed = app.identity is not None and app.may("audit.read")
        self.note.setVisible(not allowed)
        if not allowed:
            self.note.setText(not_permitted_text(app.identity) if app.identity else
                              self.tr("Waiting to learn who is signed in…"))
            return
        if client is None or not self.isVisible() or app.runner.in_flight("audit-log"):
            return
        after = self._after
        app.runner.submit("audit-log", lambda: client.audit(after=after), self._on_page,
                          lambda exc: self._show_error(str(exc)))

    def _show_error(self, text: str) -> None:
        self.note.setText(self.tr("Audit log not available: %1").replace("%1", text))
        self.note.setVisible(True)

    def _on_page(self, page: wire.AuditPage) -> None:
        if not page.entries:
            return
        self._after = page.entries[-1].id
        self.entries[:0] = list(reversed(page.entries))
        del self.entries[MAX_ROWS:]
        self.model.set_rows([e.id for e in self.entries], [self._cells(e) for e in self.entries])
        if page.next_after is not None:
            self.poll()

    def _cells(self, e: wire.AuditEntry) -> list[Cell]:
        try:
            detail = json.loads(e.detail)
        except ValueError:
            detail = {}
        actor = detail.get("actor") if isinstance(detail, dict) else None
        who = e.user if not actor or actor == e.user else f"{actor} ({e.user})"
        details = ", ".join(f"{k}: {v}" for k, v in detail.items()
                            if k != "actor" and v not in (None, "")) if isinstance(
            detail, dict) else e.detail
        at = _epoch(e.at)
        return [Cell(format_local(at), at), Cell(who), Cell(e.action), Cell(e.target or ""),
                Cell(details, tooltip=details)]
