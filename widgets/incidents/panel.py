"""The incident detail panel of the inspector: status, actions, audit trail, nearby.

Actions (acknowledge / assign / resolve / close) go to `app.outbox`, never straight
to the network: they are persisted first, then sent on a worker, so the panel shows
them as "waiting to be sent" until the backend accepts them. A 409 (another
operator changed the incident first) is shown in a banner with who changed it and
what it is now; the operator re-applies on the new version or drops the action.

Actions the signed-in role may not do (the backend's /me says which) are disabled
with a tooltip saying why; the backend enforces them anyway, and a refusal it sends
is shown in the banner with its message.

Listens to `app.incidents.changed`, `app.outbox.changed` (its incident) and
`app.identity_changed`; `dispose()` disconnects. GUI thread only.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.actions.model import CONFLICT, PENDING, QueuedAction, allowed_actions, projected
from console.app import ConsoleApp
from console.model.incident import Incident
from console.model.incident_labels import incident_status_label, incident_type_label, severity_label
from console.timefmt import format_local
from widgets.incidents.nearby_view import NearbyView, ShowItem
from widgets.incidents.photos_view import IncidentPhotosView
from widgets.rights import not_permitted_text, role_label

_tr = QCoreApplication.translate


def action_label(action: str) -> str:
    return {
        "report": _tr("IncidentPanel", "Reported"),
        "acknowledge": _tr("IncidentPanel", "Acknowledge"),
        "assign": _tr("IncidentPanel", "Assign"),
        "resolve": _tr("IncidentPanel", "Resolve"),
        "close": _tr("IncidentPanel", "Close"),
    }.get(action, action)


def conflict_text(mine: QueuedAction, current: Incident) -> str:
    """'Someone else changed this incident: …' with who, what and the new state."""
    last = current.history[-1] if current.history else None
    who = last.actor if last else "?"
    what = action_label(last.action) if last else "?"
    when = format_local(last.at, seconds=True) if last else "—"
    return (
        _tr(
            "IncidentPanel",
            "Someone else changed this incident first: %1 did “%2” at %3. "
            "It is now %4 (version %5)%6. Your “%7” was NOT applied.",
        )
        .replace("%1", who)
        .replace("%2", what)
        .replace("%3", when)
        .replace("%4", incident_status_label(current.status))
        .replace("%5", str(current.version))
        .replace(
            "%6",
            _tr("IncidentPanel", ", assigned to %1").replace("%1", current.assignee)
            if current.assignee
            else "",
        )
        .replace("%7", action_label(mine.action))
    )


class IncidentPanel(QWidget):
    ACTIONS = ("acknowledge", "assign", "resolve", "close")

    def __init__(
        self,
        app: ConsoleApp,
        incident_id: str,
        show_item: ShowItem | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("incidentPanel")
        self._app, self.incident_id = app, incident_id
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.pending_label = QLabel()
        self.pending_label.setObjectName("incidentPending")
        self.pending_label.setWordWrap(True)
        self.pending_label.setStyleSheet("color:#8a5a00; font-weight:bold;")
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color:#b71c1c;")
        self.signed_in_label = QLabel()
        self.signed_in_label.setObjectName("signedInAs")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(self.status_label)
        layout.addWidget(self.pending_label)
        layout.addWidget(self._build_banner())
        layout.addWidget(self._build_actions())
        layout.addWidget(self.error_label)
        layout.addWidget(self.signed_in_label)
        shown = app.incidents.get(incident_id)
        self.photos = (IncidentPhotosView(app, shown)
                       if shown is not None and shown.photos else None)
        if self.photos is not None:
            layout.addWidget(self.photos)
        # tr() outside the f-string: lupdate does not read calls inside f-strings
        trail_title = self.tr("Audit trail")
        layout.addWidget(QLabel(f"<b>{trail_title}</b>"))
        self.trail = QTreeWidget()
        self.trail.setObjectName("auditTrail")
        self.trail.setRootIsDecorated(False)
        self.trail.setHeaderLabels(
            [self.tr("Time"), self.tr("Action"), self.tr("By"), self.tr("Status"), self.tr("Note")]
        )
        layout.addWidget(self.trail)
        incident = app.incidents.get(incident_id)
        self.nearby = NearbyView(app, incident, show_item) if incident else None
        if self.nearby is not None:
            layout.addWidget(self.nearby)
        app.incidents.changed.connect(self._on_changed)
        app.outbox.changed.connect(self._on_changed)
        app.identity_changed.connect(self.refresh)
        self.refresh()

    # --- building ---------------------------------------------------------------------------

    def _build_banner(self) -> QFrame:
        self.banner = QFrame()
        self.banner.setObjectName("conflictBanner")
        self.banner.setStyleSheet(
            "#conflictBanner { background:#fff3e0; border:2px solid #e65100; border-radius:4px; }"
        )
        self.banner_text = QLabel()
        self.banner_text.setWordWrap(True)
        self.reapply_button = QPushButton(self.tr("Re-apply on the new version"))
        self.drop_button = QPushButton(self.tr("Drop my action"))
        self.reapply_button.clicked.connect(self._reapply)
        self.drop_button.clicked.connect(self._drop)
        buttons = QHBoxLayout()
        buttons.addWidget(self.reapply_button)
        buttons.addWidget(self.drop_button)
        buttons.addStretch(1)
        box = QVBoxLayout(self.banner)
        box.addWidget(self.banner_text)
        box.addLayout(buttons)
        self.banner.setVisible(False)
        self._banner_key: str | None = None
        return self.banner

    def _build_actions(self) -> QWidget:
        box = QWidget()
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        self.buttons: dict[str, QPushButton] = {}
        for action in self.ACTIONS:
            button = QPushButton(action_label(action))
            button.setObjectName(f"action_{action}")
            button.clicked.connect(lambda _c=False, a=action: self.act(a))
            self.buttons[action] = button
        self.assignee_edit = QLineEdit()
        self.assignee_edit.setObjectName("assigneeEdit")
        self.assignee_edit.setPlaceholderText(self.tr("Assign to (team or person)"))
        self.note_edit = QLineEdit()
        self.note_edit.setObjectName("noteEdit")
        self.note_edit.setPlaceholderText(self.tr("Note (optional)"))
        # two columns: the details dock is ~390 px wide on a 1600-px screen, and three
        # Vietnamese button labels side by side did not fit (the third was cut off)
        grid.addWidget(self.buttons["acknowledge"], 0, 0)
        grid.addWidget(self.buttons["resolve"], 0, 1)
        grid.addWidget(self.buttons["close"], 1, 0)
        grid.addWidget(self.assignee_edit, 2, 0)
        grid.addWidget(self.buttons["assign"], 2, 1)
        grid.addWidget(self.note_edit, 3, 0, 1, 2)
        return box

    # --- state ------------------------------------------------------------------------------

    def incident(self) -> Incident | None:
        return self._app.incidents.get(self.incident_id)

    def queued(self) -> list[QueuedAction]:
        return self._app.outbox.actions_for(self.incident_id)

    def _on_changed(self, ids: list[str]) -> None:
        if self.incident_id in ids:
            self.refresh()

    def refresh(self) -> None:
        incident = self.incident()
        if incident is None:
            self.status_label.setText(self.tr("This incident is not loaded."))
            for button in self.buttons.values():
                button.setEnabled(False)
            return
        queued = self.queued()
        self.status_label.setText(
            f"<b>{incident_type_label(incident.type)}</b> · "
            f"{severity_label(incident.severity)} · "
            + self.tr("Status: %1").replace("%1", incident_status_label(incident.status))
            + (
                " · " + self.tr("assigned to %1").replace("%1", incident.assignee)
                if incident.assignee
                else ""
            )
        )
        # the record's version is for the audit and a conflict's message, not the line
        # an operator reads ('Mới · v1')
        self.status_label.setToolTip(self.tr("Version %1: every change, from any console, "
                                             "adds one").replace("%1", str(incident.version)))
        waiting = [a for a in queued if a.state == PENDING]
        if waiting:
            names = ", ".join(action_label(a.action) for a in waiting)
            text = self.tr("⏳ Waiting to be sent: %1").replace("%1", names)
            if waiting[0].error:
                text += "\n" + self.tr("Last attempt failed: %1").replace("%1", waiting[0].error)
            self.pending_label.setText(text)
        self.pending_label.setVisible(bool(waiting))
        self._refresh_banner(queued)
        status, _ = projected(incident, queued)
        allowed = set(allowed_actions(status))
        blocked = any(a.needs_operator for a in queued)
        for action, button in self.buttons.items():
            permitted = self._app.may(f"incident.{action}")
            button.setEnabled(action in allowed and not blocked and permitted)
            button.setToolTip("" if permitted else self._not_permitted_text())
        self._refresh_identity()
        self._fill_trail(incident, waiting)

    def _not_permitted_text(self) -> str:
        return not_permitted_text(self._app.identity)

    def _refresh_identity(self) -> None:
        """Who the actions will be recorded as (the backend's account name)."""
        identity = self._app.identity
        if identity is None:
            self.signed_in_label.setText("")
            return
        self.signed_in_label.setText(
            self.tr("Signed in as %1 (%2); actions are recorded as %3.")
            .replace("%1", identity.name)
            .replace("%2", role_label(identity.role))
            .replace("%3", self._app.operator_name))

    def _refresh_banner(self, queued: list[QueuedAction]) -> None:
        attention = next((a for a in queued if a.needs_operator), None)
        self._banner_key = attention.key if attention else None
        self.banner.setVisible(attention is not None)
        if attention is None:
            return
        if attention.state == CONFLICT:
            current = self._app.outbox.conflict_state(attention.key) or self.incident()
            assert current is not None
            self.banner_text.setText("⚠ " + conflict_text(attention, current))
            allowed = attention.action in allowed_actions(current.status)
            self.reapply_button.setVisible(True)
            self.reapply_button.setEnabled(allowed)
            self.reapply_button.setToolTip(
                ""
                if allowed
                else self.tr("“%1” is not possible any more in this status.").replace(
                    "%1", action_label(attention.action)
                )
            )
        else:
            self.banner_text.setText(
                "⚠ "
                + self.tr("The backend refused “%1”: %2")
                .replace("%1", action_label(attention.action))
                .replace("%2", attention.error or "")
            )
            self.reapply_button.setVisible(False)

    def _fill_trail(self, incident: Incident, waiting: list[QueuedAction]) -> None:
        self.trail.clear()
        for event in incident.history:
            change = incident_status_label(event.to_status)
            if event.from_status:
                change = f"{incident_status_label(event.from_status)} → {change}"
            note = event.note or ""
            if event.assignee:
                note = self.tr("to %1").replace("%1", event.assignee) + (
                    f" — {note}" if note else ""
                )
            item = QTreeWidgetItem(
                [
                    format_local(event.at, seconds=True),
                    action_label(event.action),
                    event.actor,
                    change,
                    note,
                ]
            )
            self.trail.addTopLevelItem(item)
        for action in waiting:
            item = QTreeWidgetItem(
                [
                    self.tr("(waiting)"),
                    action_label(action.action),
                    action.actor,
                    self.tr("not sent yet"),
                    action.note or action.assignee or "",
                ]
            )
            font = QFont()
            font.setItalic(True)
            for col in range(5):
                item.setFont(col, font)
                item.setForeground(col, Qt.GlobalColor.darkYellow)
            self.trail.addTopLevelItem(item)
        for col in range(4):
            self.trail.resizeColumnToContents(col)
        # as tall as its rows (3 to 12), so "nearby" stays in view below it
        rows = min(max(self.trail.topLevelItemCount(), 3), 12)
        row_h = max(18, self.trail.sizeHintForRow(0))
        self.trail.setFixedHeight(self.trail.header().sizeHint().height() + rows * row_h + 8)

    # --- commands ---------------------------------------------------------------------------

    def act(self, action: str) -> QueuedAction | None:
        """Queue `action` for this incident as the signed-in operator."""
        incident = self.incident()
        if incident is None:
            return None
        assignee = self.assignee_edit.text().strip() or None
        if action == "assign" and not assignee:
            self.error_label.setText(self.tr("Enter who to assign the incident to."))
            self.assignee_edit.setFocus()
            return None
        self.error_label.setText("")
        note = self.note_edit.text().strip() or None
        queued = self._app.outbox.queue(
            incident,
            action,
            self._app.operator_name,
            assignee if action == "assign" else None,
            note,
        )
        self.note_edit.clear()
        return queued

    def _reapply(self) -> None:
        if self._banner_key:
            self._app.outbox.reapply(self._banner_key)

    def _drop(self) -> None:
        if self._banner_key:
            self._app.outbox.drop(self._banner_key)

    def dispose(self) -> None:
        self._app.incidents.changed.disconnect(self._on_changed)
        self._app.outbox.changed.disconnect(self._on_changed)
        self._app.identity_changed.disconnect(self.refresh)
        if self.nearby is not None:
            self.nearby.dispose()
