"""Feature installer (widgets/features.py): operators' shared decisions in the window.

- "New incident…" (Tools menu, a button in the incident list, and "New incident here…"
  in the map's context menu): a dialog with type, severity, title, description and a
  position typed or picked on the map; queued to the backend through the outbox; every
  console shows it once the backend has it (the incident feed).
- Manual position reports of a dark vessel (dark-vessel list: button and context menu;
  the vessel's details in the inspector): time, position, channel, note; queued; shown
  on the map (layers/reports) and in the vessel details on every console.
- Role: actions the signed-in role may not do are disabled, their tooltip says why.
- The backend's refusals and "already decided" answers go to the status bar.

What it creates is kept on `shell.services.shared_decisions` (tests, other features).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING

from pydantic import ValidationError
from PySide6.QtCore import QCoreApplication, QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMenu, QWidget

from console.geo.crs import map_to_lonlat
from layers.base import Hit
from layers.map_model import Selection
from layers.reports.layer import ReportLayer, ReportTrackLayer
from widgets.file_dialogs import start_path
from widgets.rights import not_permitted_text
from widgets.shared.audit_dock import AuditDock
from widgets.shared.incident_dialog import NewIncidentDialog
from widgets.shared.photos import PreparedPhoto, prepare_photo
from widgets.shared.pick_point import PointPicker
from widgets.shared.report_dialog import PositionReportDialog
from widgets.shared.vessel_panel import VesselReportsPanel

if TYPE_CHECKING:
    from widgets.shell import FeatureShell

_tr = QCoreApplication.translate


def problem_text(exc: Exception) -> str:
    """A refused value in one line: the field and what is wrong (pydantic's wording)."""
    if isinstance(exc, ValidationError) and exc.errors():
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first.get("loc", ()) if p != "geometry")
        return f"{where}: {first.get('msg', '')}" if where else str(first.get("msg", ""))
    return str(exc)


@dataclass
class SharedDecisionsFeature:
    shell: FeatureShell
    layer: ReportLayer
    track: ReportTrackLayer
    picker: PointPicker
    new_incident: QAction
    incident_dialog: NewIncidentDialog | None = None
    report_dialog: PositionReportDialog | None = None
    context_menu: QMenu | None = None  # the last map context menu (tests)
    audit: AuditDock | None = None
    _closers: list = field(default_factory=list)

    # --- rights ---------------------------------------------------------------------------

    def refresh_rights(self) -> None:
        app = self.shell.app
        if app.review is not None:  # an archive under review has no backend to tell
            reason = _tr("SharedDecisions", "Not available while reviewing an archive.")
            may_create = may_report = False
        else:
            reason = not_permitted_text(app.identity)
            may_create, may_report = app.may("incident.create"), app.may("vessel.report")
        self.new_incident.setEnabled(may_create)
        self.new_incident.setToolTip(
            _tr("SharedDecisions", "Open an incident at a position you pick on the map")
            if may_create else reason)
        live = self.shell.services.live
        if live is not None:
            live.dark.set_report_rights(may_report, reason)

    # --- new incident ---------------------------------------------------------------------

    def map_centre(self) -> tuple[float, float]:
        x0, y0, x1, y1 = self.shell.canvas.extent()
        lon, lat = map_to_lonlat([(x0 + x1) / 2], [(y0 + y1) / 2])
        return float(lon[0]), float(lat[0])

    def open_incident_dialog(self, lon: float | None = None,
                             lat: float | None = None) -> NewIncidentDialog:
        """Open (or bring up) the dialog, at `lon`/`lat` or at the map's centre."""
        if lon is None or lat is None:
            lon, lat = self.map_centre()
        dialog = self.incident_dialog
        if dialog is None:
            dialog = NewIncidentDialog(self.shell.widget)
            self._bind_position(dialog, dialog.position, _tr(
                "SharedDecisions", "Click where the incident is (Esc cancels)"))
            dialog.submitted.connect(self._send_incident)
            dialog.photos_requested.connect(self._pick_photos)
            dialog.finished.connect(partial(self._dialog_closed, "incident_dialog"))
            self.incident_dialog = dialog
        dialog.position.set_position(lon, lat)
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def _bind_position(self, dialog: QWidget, position, hint: str) -> None:
        picker = self.picker

        def pick() -> None:
            picker.picked.connect(position.set_position)
            picker.finished.connect(done)
            picker.activate(hint)

        def done() -> None:
            picker.picked.disconnect(position.set_position)
            picker.finished.disconnect(done)
            dialog.raise_()

        def typed(*_a: object) -> None:
            lon, lat = position.position()
            picker.show_mark(lon, lat)

        position.pick_requested.connect(pick)
        position.lat.valueChanged.connect(typed)
        position.lon.valueChanged.connect(typed)

    def _send_incident(self) -> None:
        dialog = self.incident_dialog
        assert dialog is not None
        try:
            self.shell.app.decisions.create_incident(**dialog.values())
        except ValueError as exc:
            dialog.show_problem(problem_text(exc))
            return
        self.shell.show_message(_tr(
            "SharedDecisions", "Incident “%1” queued: every console shows it once the "
                               "backend has it.").replace("%1", dialog.values()["title"]), 10000)
        dialog.accept()

    def _pick_photos(self) -> None:
        """Choose pictures; each is read and made small on the runner's thread (a phone
        photo takes ~0.1-0.5 s to decode), then attached to the dialog if still open."""
        dialog = self.incident_dialog
        if dialog is None:
            return
        paths, _ = QFileDialog.getOpenFileNames(
            dialog, _tr("SharedDecisions", "Attach photos"), start_path(),
            _tr("SharedDecisions", "Images") + " (*.jpg *.jpeg *.png *.webp *.bmp)")
        runner = self.shell.app.runner
        for path in paths[:dialog.room_for_photos()]:

            def attach(photo: PreparedPhoto) -> None:
                if self.incident_dialog is not None:
                    self.incident_dialog.add_photo(photo)

            def refuse(exc: Exception) -> None:
                if self.incident_dialog is not None:
                    self.incident_dialog.show_problem(_tr(
                        "SharedDecisions", "This file is not a picture that can be read: %1")
                        .replace("%1", str(exc)))

            runner.submit(f"incident-photo:{path}", partial(prepare_photo, path), attach, refuse)

    def _dialog_closed(self, attribute: str, _result: int) -> None:
        """A dialog with a position picker closed (`attribute`: which one): stop picking,
        take its mark off the map and let the dialog go."""
        self.picker.cancel()
        self.picker.clear_mark()
        dialog = getattr(self, attribute)
        if dialog is not None:
            dialog.deleteLater()
            setattr(self, attribute, None)

    # --- manual position reports ----------------------------------------------------------

    def open_report_dialog(self, vessel_id: str) -> PositionReportDialog | None:
        app = self.shell.app
        v = app.vessels.get(vessel_id)
        if v is None:
            return None
        if self.report_dialog is not None:
            self.report_dialog.close()
        last = app.shared.last_report(vessel_id)
        # start from the last known position, and say how old it is
        fix_newer = last is None or v.fix_time > last.reported_at
        lon, lat = (v.lon, v.lat) if fix_newer else (last.lon, last.lat)
        known_at = v.fix_time if fix_newer else last.reported_at
        dialog = PositionReportDialog(f"{v.registration} — {v.name}", app.clock.now(), lon,
                                      lat, self.shell.widget, known_at=known_at,
                                      known_is_report=not fix_newer)
        self._bind_position(dialog, dialog.position, _tr(
            "SharedDecisions", "Click the position the captain reported (Esc cancels)"))
        dialog.submitted.connect(lambda: self._send_report(vessel_id))
        dialog.finished.connect(partial(self._dialog_closed, "report_dialog"))
        self.report_dialog = dialog
        dialog.show()
        dialog.raise_()
        return dialog

    def _send_report(self, vessel_id: str) -> None:
        dialog = self.report_dialog
        assert dialog is not None
        try:
            self.shell.app.decisions.report_position(vessel_id, **dialog.values())
        except ValueError as exc:
            dialog.show_problem(problem_text(exc))
            return
        self.shell.show_message(_tr("SharedDecisions", "Position report queued."), 8000)
        dialog.accept()

    def show_path(self, vessel_id: str | None) -> None:
        """The selected vessel's last fix and manual reports as a path (or nothing)."""
        app = self.shell.app
        v = app.vessels.get(vessel_id) if vessel_id else None
        if v is None:
            self.track.set_path("", None, [])
            return
        self.track.set_path(v.id, (v.fix_time, v.lon, v.lat), app.shared.reports_of(v.id))

    # --- the map's context menu -----------------------------------------------------------

    def show_context_menu(self, x: float, y: float, where: QPoint) -> QMenu:
        lon, lat = map_to_lonlat([x], [y])
        menu = QMenu(self.shell.widget)
        menu.setToolTipsVisible(True)
        here = menu.addAction(_tr("SharedDecisions", "New incident here…"))
        here.setObjectName("newIncidentHere")
        here.setEnabled(self.new_incident.isEnabled())
        here.setToolTip(self.new_incident.toolTip())
        here.triggered.connect(
            lambda: self.open_incident_dialog(float(lon[0]), float(lat[0])))
        self.context_menu = menu
        menu.popup(where)
        return menu


def install(shell: FeatureShell) -> None:
    app = shell.app
    layer = ReportLayer(app.shared.reports, app.clock, app.shared.last_report,
                        lambda vid: (v.registration if (v := app.vessels.get(vid)) else vid))
    track = ReportTrackLayer()
    shell.model.layers.append(track)  # under the report markers
    shell.model.layers.append(layer)
    action = QAction(_tr("SharedDecisions", "New incident…"), shell.widget)
    action.setObjectName("newIncident")
    shell.menus["tools"].addAction(action)
    if shell.services.incident_list is not None:  # a button beside the incident list's
        shell.services.incident_list.add_action_button(action)
    feature = SharedDecisionsFeature(shell, layer, track, PointPicker(shell.canvas), action)
    shell.services.shared_decisions = feature
    feature.audit = AuditDock(app)
    audit_dock = shell.add_dock(feature.audit, "auditDock",
                                _tr("SharedDecisions", "Audit trail"),
                                Qt.DockWidgetArea.RightDockWidgetArea)
    stations_dock = shell.find_dock("stationListDock")
    if stations_dock is not None:  # a tab beside the lists; the lists stay in front
        shell.tabify(stations_dock, audit_dock)
    action.triggered.connect(lambda _checked=False: feature.open_incident_dialog(None, None))
    shell.canvas.context_requested.connect(feature.show_context_menu)

    def vessel_panel(hit: Hit) -> QWidget | None:
        return VesselReportsPanel(app, hit.item_id, feature.open_report_dialog)

    shell.inspector.register_panel("vessels", vessel_panel)
    live = shell.services.live
    if live is not None:
        live.dark.report_requested.connect(feature.open_report_dialog)

    def on_message(text: str) -> None:
        shell.show_message(text, 15000)

    def selected_vessel() -> str | None:
        sel = shell.model.selection
        return sel.item_id if sel is not None and sel.layer_id == "vessels" else None

    def on_selection(_selection: Selection | None) -> None:
        feature.show_path(selected_vessel())

    def on_reports(vessel_ids: list[str]) -> None:
        if selected_vessel() in vessel_ids:
            feature.show_path(selected_vessel())

    shell.model.selection_changed.connect(on_selection)
    app.shared.reports_changed.connect(on_reports)

    feature.refresh_rights()
    app.identity_changed.connect(feature.refresh_rights)
    app.decisions.message.connect(on_message)

    def teardown() -> None:
        feature.audit.stop()
        shell.model.selection_changed.disconnect(on_selection)
        app.shared.reports_changed.disconnect(on_reports)
        app.identity_changed.disconnect(feature.refresh_rights)
        app.decisions.message.disconnect(on_message)
        shell.canvas.context_requested.disconnect(feature.show_context_menu)
        shell.inspector.unregister_panel("vessels", vessel_panel)
        for dialog in (feature.incident_dialog, feature.report_dialog):
            if dialog is not None:
                dialog.close()

    shell.on_close(teardown)
