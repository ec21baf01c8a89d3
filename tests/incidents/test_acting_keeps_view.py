"""Acting on an item keeps it in view (issue 18): resolving an incident picked in the
list leaves the inspector on it (it drops out of the "Open" list, no other incident
takes its place), and a drill-down from an incident to a nearby camera has "← Back".
Driven by clicks on the list, the panel's buttons and the nearby links."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from tests.selection.helpers import click_row, raise_dock_of
from widgets.cameras.panel import CameraPanel
from widgets.incidents.panel import IncidentPanel


def click(qtbot, button) -> None:
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def pick_in_list(qtbot, window, incident_id: str) -> IncidentPanel:
    listing = window.services.incident_list
    raise_dock_of(listing)
    qtbot.waitUntil(lambda: listing.index_of(incident_id) is not None, timeout=10000)
    click_row(qtbot, listing.table, listing.index_of(incident_id).row(), 1)
    qtbot.waitUntil(
        lambda: any(
            isinstance(p, IncidentPanel) and p.incident_id == incident_id
            for p in window.inspector.panels
        ),
        timeout=3000,
    )
    return next(p for p in window.inspector.panels if isinstance(p, IncidentPanel))


def test_resolving_an_incident_keeps_the_panel_on_it(qtbot, window):
    app = window.app
    listing = window.services.incident_list
    opened = [i for i in app.incidents.records() if i.status == "new"]
    assert len(opened) >= 2
    incident = opened[0]
    panel = pick_in_list(qtbot, window, incident.id)
    assert window.model.selection.item_id == incident.id
    click(qtbot, panel.buttons["acknowledge"])
    qtbot.waitUntil(lambda: app.incidents.get(incident.id).status == "acknowledged", timeout=10000)
    panel.assignee_edit.setText("Đội CSGT số 2")
    click(qtbot, panel.buttons["assign"])
    qtbot.waitUntil(lambda: app.incidents.get(incident.id).status == "assigned", timeout=10000)
    click(qtbot, panel.buttons["resolve"])
    qtbot.waitUntil(lambda: app.incidents.get(incident.id).status == "resolved", timeout=10000)
    # it left the "Open" list ...
    qtbot.waitUntil(lambda: listing.index_of(incident.id) is None, timeout=5000)
    QApplication.processEvents()
    # ... and everything stays on it: the inspector, the model; no neighbour selected
    shown = [p.incident_id for p in window.inspector.panels if isinstance(p, IncidentPanel)]
    assert shown == [incident.id]
    assert window.model.selection.item_id == incident.id
    assert listing.table.selectionModel().selectedRows() == []
    assert panel.buttons["close"].isEnabled()  # the next step is right there


def test_camera_opened_from_an_incident_has_a_way_back(qtbot, window):
    app = window.app
    candidates = [i for i in app.incidents.records() if i.is_open]
    for incident in candidates:
        panel = pick_in_list(qtbot, window, incident.id)
        if panel.nearby is not None and panel.nearby.cameras:
            break
    else:
        raise AssertionError("no open incident with a camera nearby")
    assert window.inspector.back.isHidden()  # nothing to go back to yet
    camera, _distance = panel.nearby.cameras[0]
    link = next(
        label
        for label in panel.nearby.findChildren(type(window.inspector.heading))
        if label.property("item_id") == camera.id
    )
    panel.nearby.ensurePolished()
    window.inspector.scroll.ensureWidgetVisible(link)
    QApplication.processEvents()
    # on the first words of the link (a label centres its text vertically)
    qtbot.mouseClick(link, Qt.MouseButton.LeftButton, pos=QPoint(8, link.height() // 2 - 3))
    qtbot.waitUntil(
        lambda: any(isinstance(p, CameraPanel) for p in window.inspector.panels), timeout=3000
    )
    assert window.model.selection.item_id == camera.id  # the map rings the camera
    back = window.inspector.back
    assert back.isVisible() and back.text() == "← Back"
    click(qtbot, back)
    qtbot.waitUntil(
        lambda: [p.incident_id for p in window.inspector.panels if isinstance(p, IncidentPanel)]
        == [incident.id],
        timeout=3000,
    )
    assert window.model.selection.item_id == incident.id
    assert back.isHidden()
