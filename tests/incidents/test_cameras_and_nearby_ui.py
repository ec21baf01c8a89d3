"""Camera snapshots in the inspector (shown with their time, offline message, fetch
failure) and the "nearby" section of an incident, against the live backend."""

from __future__ import annotations

from PySide6.QtCore import Qt

from console.nearby import nearest
from widgets.cameras.panel import CameraPanel
from widgets.incidents.panel import IncidentPanel
from widgets.record_items import show_item


def camera_panel(window, camera_id: str) -> CameraPanel:
    assert show_item(window.shell, "cameras", camera_id)
    return next(p for p in window.inspector.panels if isinstance(p, CameraPanel))


def test_online_camera_snapshot_with_time_and_refresh(qtbot, window):
    cam = next(c for c in window.app.cameras.records() if c.status == "online")
    panel = camera_panel(window, cam.id)
    qtbot.waitUntil(lambda: panel.fetched_at is not None, timeout=10000)
    pixmap = panel.image.pixmap()
    assert not pixmap.isNull() and pixmap.width() >= 320
    assert panel.time_label.text().startswith("Picture of ")
    first = panel.fetched_at
    qtbot.mouseClick(panel.refresh_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.fetched_at != first, timeout=10000)
    assert panel.message.text() == ""


def test_offline_camera_says_so(qtbot, window):
    cam = next(c for c in window.app.cameras.records() if c.status == "offline")
    panel = camera_panel(window, cam.id)
    assert "offline" in panel.message.text()
    assert panel.image.pixmap().isNull()
    # refresh does not pretend: still offline, still no picture
    qtbot.mouseClick(panel.refresh_button, Qt.MouseButton.LeftButton)
    assert "offline" in panel.message.text()
    assert panel.image.pixmap().isNull()


def test_snapshot_fetch_failure_is_explained(qtbot, window):
    panel = CameraPanel(window.app, "cam-that-does-not-exist")
    qtbot.addWidget(panel)
    qtbot.waitUntil(lambda: "could not be fetched" in panel.message.text(), timeout=10000)
    assert "not found" in panel.message.text()
    panel.dispose()


def test_incident_panel_lists_nearest_cameras_with_thumbnails(qtbot, window):
    app = window.app
    cfg = app.settings.nearby
    incident = max(
        (i for i in app.incidents.records() if i.is_open),
        key=lambda i: sum(
            c.status == "online"
            for c, _ in nearest(app.cameras.records(), i.lon, i.lat, 3, cfg.camera_radius_m)
        ),
    )
    assert show_item(window.shell, "incidents", incident.id)
    panel = next(p for p in window.inspector.panels if isinstance(p, IncidentPanel))
    nearby = panel.nearby
    assert nearby is not None and nearby.cameras
    distances = [d for _, d in nearby.cameras]
    assert distances == sorted(distances) and distances[-1] <= cfg.camera_radius_m
    assert nearby.station is not None  # the province's gauges cover the coast
    qtbot.waitUntil(lambda: any(t.has_image for t in nearby.thumbs), timeout=10000)
    # a click on a nearby camera inspects that camera (snapshot panel)
    first_camera = nearby.cameras[0][0]
    assert show_item(window.shell, "cameras", first_camera.id)
    assert any(isinstance(p, CameraPanel) for p in window.inspector.panels)
