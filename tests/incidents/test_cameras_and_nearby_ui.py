"""Live camera video in the inspector (name, time, state, a still saved; offline and
unknown cameras explained) and the "nearby" section of an incident, against the live backend."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from console.nearby import nearest
from console.timefmt import local
from console.video.stream import StreamState
from widgets.cameras.panel import CameraPanel
from widgets.incidents.panel import IncidentPanel
from widgets.record_items import show_item


def camera_panel(window, camera_id: str) -> CameraPanel:
    assert show_item(window.shell, "cameras", camera_id)
    return next(p for p in window.inspector.panels if isinstance(p, CameraPanel))


def test_online_camera_plays_live_with_name_time_and_still(qtbot, window, tmp_path):
    cam = next(c for c in window.app.cameras.records() if c.status == "online")
    panel = camera_panel(window, cam.id)
    video = panel.video
    qtbot.waitUntil(lambda: video.state is StreamState.PLAYING and video.frame is not None,
                    timeout=15000)
    assert video.title == cam.name and video.state_text() == "Live"
    first = video.frame.seq
    qtbot.waitUntil(lambda: video.frame.seq >= first + 5, timeout=10000)  # it moves
    # the frame comes scaled to the tile, never larger than the camera sends it
    width, height = video.frame.size
    assert width <= max(video.width(), 2) and width <= 640 and height <= 360
    video.still_folder = tmp_path
    saved_at = time.time()
    with qtbot.waitSignal(video.still_saved, timeout=10000) as saved:
        qtbot.mouseClick(panel.still_button, Qt.MouseButton.LeftButton)
    path = saved.args[0]
    # named by camera and the site's local time to the second, of the frame saved
    stamps = {local(t).strftime("%Y%m%d-%H%M%S") for t in (saved_at, saved_at - 1)}
    assert path.parent == tmp_path and path.name in {f"{cam.id}-{s}.png" for s in stamps}
    assert not QImage(str(path)).isNull()
    assert "Still saved" in panel.message.text()
    # and onto the camera wall, whose dock opens
    qtbot.mouseClick(panel.wall_button, Qt.MouseButton.LeftButton)
    assert window.shell.find_dock("cameraWallDock").isVisible()
    assert window.services.camera_wall.assignments[0] == cam.id


def test_offline_camera_says_so(qtbot, window):
    offline = [c for c in window.app.cameras.records() if c.status == "offline"]
    cam = min(offline, key=lambda c: c.last_seen)  # offline the longest
    panel = camera_panel(window, cam.id)
    assert "offline" in panel.message.text()
    video = panel.video
    qtbot.waitUntil(lambda: video.state in (StreamState.LOST, StreamState.PLAYING),
                    timeout=15000)
    if video.state is StreamState.PLAYING:
        # the simulator runs 60x: the camera may have come back between the poll and the
        # request; then the backend must say so
        assert window.app.client.snapshot(cam.id)
        return
    # the backend answers 503 for it: the video says the stream is lost, never a picture
    assert video.frame is None
    assert video.state_text().startswith("Stream lost since ")
    assert "5xx" in video.stream.status().error


def test_unknown_camera_explains_the_failure(qtbot, window):
    panel = CameraPanel(window.app, "cam-that-does-not-exist")
    qtbot.addWidget(panel)
    qtbot.waitUntil(lambda: panel.video.state is StreamState.LOST, timeout=15000)
    assert "404" in panel.video.stream.status().error
    panel.dispose()
    assert panel.video.stream is None


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
