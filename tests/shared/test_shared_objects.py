"""Incidents opened by an operator and manual position reports of dark vessels, made
with the dialogs (clicks, keys, a position picked on the map) on one console and shown
on a second console after its next poll: in its stores, on its map and in its details."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QFileDialog

from console.geo.crs import lonlat_to_map_scalar
from widgets.incidents.panel import IncidentPanel
from widgets.record_items import show_item
from widgets.shared.vessel_panel import VesselReportsPanel

QUY_NHON_PORT = (109.2400, 13.7700)  # a point on land by the port (WGS84 lon, lat)


def canvas_point(win, lon: float, lat: float) -> QPoint:
    """Where (lon, lat) is on the canvas widget (for a real mouse click)."""
    x, y = lonlat_to_map_scalar(lon, lat)
    scene = win.canvas.view.mapViewToScene(QPointF(x, y))
    return win.canvas.mapFromScene(scene)


def _attach_a_phone_photo(qtbot, monkeypatch, tmp_path, dialog) -> None:
    """A phone-sized photo, attached with the dialog's button (the file dialog answers
    with its path); it is prepared off the GUI thread and listed in the dialog."""
    photo = tmp_path / "hien-truong.png"
    big = QImage(3000, 2000, QImage.Format.Format_RGB32)
    big.fill(QColor("#3b7d2a"))
    assert big.save(str(photo))
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(photo)], ""))
    qtbot.mouseClick(dialog.add_photos, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.photo_list.count() == 1, timeout=10000)


def _photo_shown_on(qtbot, win, incident) -> None:
    """The photo on the other console's incident panel, made small (1600 px) for sending,
    and opened full size with a click."""
    assert [p.n for p in incident.photos] == [1]
    assert show_item(win.shell, "incidents", incident.id)
    panel = next(p for p in win.inspector.panels if isinstance(p, IncidentPanel))
    qtbot.waitUntil(lambda: 1 in panel.photos.images, timeout=20000)
    shown = panel.photos.images[1]
    assert shown.width() == 1600 and abs(shown.height() - 1067) <= 1
    assert QColor(shown.pixel(800, 500)).green() > 100  # the picture, not a blank
    item = panel.photos.list.item(0)
    qtbot.mouseClick(panel.photos.list.viewport(), Qt.MouseButton.LeftButton,
                     pos=panel.photos.list.visualItemRect(item).center())
    qtbot.waitUntil(lambda: panel.photos.viewer is not None
                    and panel.photos.viewer.isVisible(), timeout=5000)
    panel.photos.viewer.close()


def test_operator_incident_appears_on_a_second_console(
        qtbot, consoles, monkeypatch, tmp_path):
    a = consoles.open("a", "minh.op")
    # the second console: the supervisor's (shared demo account), which reads the audit log
    b = consoles.open("b", None)
    feature = a.services.shared_decisions
    action = feature.new_incident
    assert action.isEnabled()
    action.trigger()  # Tools › New incident… (also on the toolbar)
    dialog = feature.incident_dialog
    qtbot.waitExposed(dialog)
    assert dialog.kind.findData("landslide") >= 0  # a type of its own (Law 33/2013, art. 3)
    dialog.kind.setCurrentIndex(dialog.kind.findData("landslide"))
    dialog.severity.setCurrentIndex(dialog.severity.findData("high"))
    # QTest types Latin-1 only: the Vietnamese description is pasted as an IME would
    qtbot.keyClicks(dialog.title, "Sat lo dat tren QL19")
    dialog.description.insertPlainText("Ta luy sạt xuống một làn; người dân gọi đường dây nóng")
    # pick the position on the map: the next click on the canvas gives it
    a.canvas.set_extent((*lonlat_to_map_scalar(109.20, 13.74),
                         *lonlat_to_map_scalar(109.28, 13.80)))
    qtbot.mouseClick(dialog.position.pick, Qt.MouseButton.LeftButton)
    assert feature.picker.active
    where = canvas_point(a, *QUY_NHON_PORT)
    qtbot.mouseClick(a.canvas.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.waitUntil(lambda: not feature.picker.active, timeout=5000)
    lon, lat = dialog.position.position()
    assert abs(lon - QUY_NHON_PORT[0]) < 0.002 and abs(lat - QUY_NHON_PORT[1]) < 0.002
    _attach_a_phone_photo(qtbot, monkeypatch, tmp_path, dialog)
    qtbot.mouseClick(dialog.send, Qt.MouseButton.LeftButton)
    assert feature.incident_dialog is None  # queued, closed

    def on(win):
        return next((i for i in win.app.incidents.records()
                     if i.title == "Sat lo dat tren QL19"), None)

    qtbot.waitUntil(lambda: on(b) is not None, timeout=20000)
    theirs = on(b)
    assert (theirs.type, theirs.severity, theirs.status) == ("landslide", "high", "new")
    assert abs(theirs.lon - lon) < 1e-6 and abs(theirs.lat - lat) < 1e-6
    assert theirs.history[0].actor == "minh.op"
    _photo_shown_on(qtbot, b, theirs)
    qtbot.waitUntil(lambda: on(a) is not None, timeout=20000)
    # the supervisor's audit trail dock names who opened it
    dock = b.services.shared_decisions.audit
    dock.parentWidget().raise_()
    qtbot.waitUntil(lambda: theirs.id in [dock.proxy.index(r, 3).data()
                                          for r in range(dock.proxy.rowCount())],
                    timeout=20000)
    row = [dock.proxy.index(r, 3).data() for r in range(dock.proxy.rowCount())].index(
        theirs.id)
    assert dock.proxy.index(row, 1).data() == "minh.op"
    assert dock.proxy.index(row, 2).data() == "incident.create"


def test_map_context_menu_opens_a_new_incident_at_the_click(
        qtbot, consoles):
    a = consoles.open("a", "minh.op")
    feature = a.services.shared_decisions
    a.canvas.set_extent((*lonlat_to_map_scalar(109.20, 13.74),
                         *lonlat_to_map_scalar(109.28, 13.80)))
    where = canvas_point(a, *QUY_NHON_PORT)
    qtbot.mouseClick(a.canvas.viewport(), Qt.MouseButton.RightButton, pos=where)
    qtbot.waitUntil(lambda: feature.context_menu is not None, timeout=5000)
    here = next(x for x in feature.context_menu.actions()
                if x.objectName() == "newIncidentHere")
    here.trigger()
    feature.context_menu.close()
    lon, lat = feature.incident_dialog.position.position()
    assert abs(lon - QUY_NHON_PORT[0]) < 0.002 and abs(lat - QUY_NHON_PORT[1]) < 0.002
    qtbot.mouseClick(feature.incident_dialog.send, Qt.MouseButton.LeftButton)
    assert "title" in feature.incident_dialog.problem.text()  # nothing sent, nothing lost
    feature.incident_dialog.reject()


def dark_vessel_row(qtbot, win) -> str:
    dark = win.services.live.dark
    dark.parentWidget().raise_()  # its dock tab in front
    qtbot.waitUntil(lambda: len(dark.model.ids) > 0, timeout=30000)
    return dark.model.ids[0]


def test_manual_position_report_appears_on_a_second_console(
        qtbot, consoles):
    a = consoles.open("a", "minh.op")
    b = consoles.open("b", "hoa.op")
    dark = a.services.live.dark
    vessel_id = dark_vessel_row(qtbot, a)
    dark.view.selectRow(0)
    dark.view.setCurrentIndex(dark.proxy.index(0, 0))
    assert dark.report.isEnabled()
    qtbot.mouseClick(dark.report, Qt.MouseButton.LeftButton)
    dialog = a.services.shared_decisions.report_dialog
    assert dialog is not None
    v = a.app.vessels.get(vessel_id)
    dialog.position.set_position(v.lon + 0.05, v.lat - 0.03)
    dialog.channel.setCurrentIndex(dialog.channel.findData("phone"))
    qtbot.keyClicks(dialog.note, "ve ben ")
    dialog.note.insertPlainText("thuyền trưởng báo đang về bến")
    qtbot.keyClick(dialog.note, Qt.Key.Key_Return)
    dialog.note.insertPlainText("gọi lại lúc 18h")
    reported_at = dialog.reported_at()
    qtbot.mouseClick(dialog.send, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: bool(b.app.shared.reports_of(vessel_id)), timeout=20000)
    report = b.app.shared.reports_of(vessel_id)[-1]
    assert (report.channel, report.note, report.recorded_by) == (
        "phone", "ve ben thuyền trưởng báo đang về bến\ngọi lại lúc 18h", "minh.op")
    assert abs(report.lon - (v.lon + 0.05)) < 1e-4 and abs(report.reported_at - reported_at) < 1
    # on the second console's map (its own layer) and in its vessel details
    layer = next(x for x in b.model.layers if x.layer_id == "reports")
    assert report.id in [layer.item_id(i) for i in range(len(layer.store))]
    assert layer.classify(report) == 1  # the vessel's latest report: the large marker
    assert show_item(b.shell, "vessels", vessel_id)
    panel = next(p for p in b.inspector.panels if isinstance(p, VesselReportsPanel))
    assert "thuyền trưởng báo đang về bến<br>" in panel.listing.text()  # its two lines
    assert "gọi lại lúc 18h" in panel.listing.text()
    assert "minh.op" in panel.listing.text()
