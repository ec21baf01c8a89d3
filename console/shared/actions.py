"""OperatorDecisions: what an operator decides, queued in the outbox for the backend.

Alert acknowledgement (with a comment) and shelving (with an expiry) show on this
console at once (the inbox is updated ahead of the backend, marked pending while the
outbox holds the action); when the backend answers, its record replaces the local one
(`SharedDecisions.apply`). A refusal (403 naming the role, 422) puts the alert back as
the backend has it and says why (`message`). A crossing closure, a new incident and a
manual position report are shown once the backend has them (they are the backend's
objects: an id, who, when); until then they are listed as pending.

Everything here runs on the GUI thread and never touches the network or the disk (the
outbox does that on its workers).

Signals: `message(str)`: something the operator should read (refused, already decided).
"""

from __future__ import annotations

import base64
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime

from PySide6.QtCore import QObject, Signal

from console.actions.model import ALERT, CLOSURE, NEW_INCIDENT, PENDING, REPORT, QueuedAction
from console.actions.outbox import Outbox
from console.i18n import translate as _tr
from console.rules.alerts import Alert, AlertInbox
from console.rules.crossings import validate_close
from console.rules.engine import RulesEngine
from console.sources import wire

MAX_SHELVE_MIN = 480  # the backend's limit (ISA-18.2: shelving is always time-limited)


def _utc(epoch: float) -> datetime:
    return datetime.fromtimestamp(epoch, UTC)


def _point(lon: float, lat: float) -> wire.PointGeometry:
    return wire.PointGeometry(type="Point", coordinates=(lon, lat))


class OperatorDecisions(QObject):
    message = Signal(str)

    def __init__(self, outbox: Outbox, rules: RulesEngine, actor: Callable[[], str],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.outbox = outbox
        self.rules = rules
        self._actor = actor
        outbox.refused.connect(self._on_refused)
        outbox.superseded.connect(self._on_superseded)

    @property
    def inbox(self) -> AlertInbox:
        return self.rules.inbox

    def close(self) -> None:
        self.outbox.refused.disconnect(self._on_refused)
        self.outbox.superseded.disconnect(self._on_superseded)

    # --- alerts ---------------------------------------------------------------------------

    def _alert_action(self, alert: Alert, action: str, comment: str | None,
                      minutes: int | None = None) -> QueuedAction:
        request = wire.AlertActionRequest(
            key=alert.key, action=action, raised_at=_utc(alert.raised_at),  # type: ignore[arg-type]
            comment=comment or None, shelve_minutes=minutes, actor=self._actor()[:100] or None)
        return self.outbox.queue_decision(ALERT, alert.key, request, self._actor(), comment)

    def acknowledge(self, alerts: Iterable[Alert], comment: str | None = None) -> int:
        """Acknowledge the alerts not yet acknowledged; returns how many."""
        todo = [a for a in alerts if not a.acknowledged]
        if not todo:
            return 0
        self.inbox.acknowledge([a.id for a in todo], self._actor(), comment)
        for a in todo:
            self._alert_action(a, "acknowledge", comment)
        return len(todo)

    def shelve(self, alerts: Iterable[Alert], minutes: int, comment: str | None = None) -> int:
        todo = list(alerts)
        minutes = max(1, min(MAX_SHELVE_MIN, int(minutes)))
        self.inbox.shelve([a.id for a in todo], minutes * 60.0, self._actor())
        for a in todo:
            self._alert_action(a, "shelve", comment, minutes)
        return len(todo)

    def unshelve(self, alerts: Iterable[Alert]) -> int:
        todo = [a for a in alerts if a.shelved_until is not None]
        self.inbox.unshelve([a.id for a in todo])
        for a in todo:
            self._alert_action(a, "unshelve", None)
        return len(todo)

    def pending_alert(self, key: str) -> QueuedAction | None:
        """The latest of this console's actions on the alert not yet accepted."""
        waiting = [a for a in self.outbox.decisions_waiting(ALERT)
                   if a.subject == key and a.state == PENDING]
        return waiting[-1] if waiting else None

    # --- crossings ------------------------------------------------------------------------

    def close_crossing(self, vessel_id: str, reason: str, comment: str | None) -> QueuedAction:
        """Queue the closure of the vessel's open crossing; CrossingError (with the reason)
        when the rules refuse it here already (no case, not returned within 2 h)."""
        crossing = self.rules.vessel_rules.open_crossing(vessel_id)
        validate_close(crossing, reason, self.rules.config.zones.boundary_returned_window_s)
        request = wire.CrossingCloseRequest(
            vessel_id=vessel_id, crossed_at=_utc(crossing.crossed_at),
            returned_at=_utc(crossing.returned_at) if crossing.returned_at else None,
            reason=reason, comment=comment or None,  # type: ignore[arg-type]
            actor=self._actor()[:100] or None)
        return self.outbox.queue_decision(CLOSURE, vessel_id, request, self._actor(), comment)

    def closing(self, vessel_id: str) -> bool:
        return any(a.subject == vessel_id for a in self.outbox.decisions_waiting(CLOSURE))

    # --- incidents opened by an operator ---------------------------------------------------

    def create_incident(self, kind: str, severity: str, title: str, description: str,
                        lon: float, lat: float,
                        photos: Sequence[tuple[str, bytes]] = ()) -> QueuedAction:
        """`photos`: (media type, bytes) each, JPEG or PNG. Raises ValueError (pydantic's,
        naming the field) on a bad value."""
        request = wire.IncidentCreateRequest(
            type=kind, severity=severity, title=title.strip(),  # type: ignore[arg-type]
            description=description.strip(), geometry=_point(lon, lat),
            actor=self._actor()[:100] or None,
            photos=[wire.PhotoUpload(media_type=kind_, data=base64.b64encode(raw).decode())
                    for kind_, raw in photos])  # type: ignore[arg-type]
        return self.outbox.queue_decision(NEW_INCIDENT, title.strip(), request, self._actor())

    def incidents_waiting(self) -> list[QueuedAction]:
        return self.outbox.decisions_waiting(NEW_INCIDENT)

    # --- manual position reports -----------------------------------------------------------

    def report_position(self, vessel_id: str, reported_at: float, lon: float, lat: float,
                        channel: str, note: str | None) -> QueuedAction:
        """Raises ValueError (pydantic's, naming the field) on a bad value."""
        request = wire.PositionReportRequest(
            reported_at=_utc(reported_at), geometry=_point(lon, lat),
            channel=channel, note=note or None,  # type: ignore[arg-type]
            actor=self._actor()[:100] or None)
        return self.outbox.queue_decision(REPORT, vessel_id, request, self._actor(), note)

    def reports_waiting(self, vessel_id: str) -> list[QueuedAction]:
        return [a for a in self.outbox.decisions_waiting(REPORT) if a.subject == vessel_id]

    # --- answers that need the operator ----------------------------------------------------

    def _on_refused(self, action: QueuedAction, text: str) -> None:
        if action.kind == ALERT:
            self.inbox.restore(action.subject)
        self.message.emit(_tr("OperatorDecisions", "Refused by the backend: %1").replace(
            "%1", text))

    def _on_superseded(self, action: QueuedAction, text: str) -> None:
        self.message.emit(_tr("OperatorDecisions", "Already decided on another console: %1")
                          .replace("%1", text))
