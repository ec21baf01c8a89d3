"""The camera wall against the live backend: 3x3 tiles filled by dragging cameras from
the map and from the list, each tile drawing name, time and state; the layout saved and
restored with the workspace; nothing decodes while the wall is hidden."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QDrag, QDropEvent
from PySide6.QtWidgets import QApplication

from console.geo.crs import lonlat_to_map_scalar
from console.settings import PollIntervals
from console.video.stream import StreamState
from tests.conftest import open_live_window, start_backend, stop_backend
from widgets.cameras.map_drag import MapRecordDrag
from widgets.cameras.record_mime import dropped_record, record_mime


@pytest.fixture(scope="module")
def real_time_backend():
    """The backend at real-time speed: at the shared fixture's 60x a camera's online
    spell (90 h mean) lasts 90 min, so one of nine would go offline mid-test now and
    then; here nine stay online for the test's minute."""
    backend = start_backend(extra=["--speed", "1"])
    yield backend
    stop_backend(backend)


@pytest.fixture
def window(qtbot, real_time_backend):
    win = open_live_window(qtbot, real_time_backend,
                           PollIntervals(vessels=5, stations=5, cameras=5, incidents=5),
                           size=(1600, 1000))
    yield win
    win.close()


def drop_on(tile, mime) -> None:
    """What Qt delivers when a drag is released over the tile."""
    centre = QPointF(tile.width() / 2, tile.height() / 2)
    event = QDropEvent(centre, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    tile.dropEvent(event)
    assert event.isAccepted()


def camera_pos(canvas, camera) -> QPoint:
    """The camera's position in the map viewport, after zooming close to it."""
    x, y = lonlat_to_map_scalar(camera.lon, camera.lat)
    canvas.set_extent((x - 300, y - 300, x + 300, y + 300), padding=0)
    canvas.flush()
    scene = canvas.view.mapViewToScene(QPointF(x, y))
    return canvas.mapFromScene(scene)


def test_wall_fills_by_drag_plays_and_is_saved_with_the_workspace(
    qtbot, window, tmp_path, monkeypatch
):
    wall = window.services.camera_wall
    dock = window.shell.find_dock("cameraWallDock")
    assert not dock.isVisible()
    online = [c for c in window.app.cameras.records() if c.status == "online"][:9]

    # hidden, a wall with a camera decodes nothing
    wall.assign(0, online[0].id)
    assert wall.tiles[0].stream is not None and wall.tiles[0].stream._thread is None

    dock.show()
    window.resizeDocks([dock], [620], Qt.Orientation.Vertical)
    wall.grid_box.setCurrentIndex(wall.grid_box.findData(3))
    assert wall.grid_size == 3 and all(t.isVisible() for t in wall.tiles)

    # from the map: a press on the camera and a move past the drag distance start a drag
    # carrying the camera; it is dropped on tile 1
    dragged = []
    monkeypatch.setattr(QDrag, "exec", lambda self, *a: dragged.append(self.mimeData()) or
                        Qt.DropAction.CopyAction)
    drag = next(f for f in window.findChildren(MapRecordDrag))
    canvas = window.shell.canvas
    pos = camera_pos(canvas, online[1])
    assert drag.hit_at(QPointF(pos)).item_id == online[1].id
    qtbot.mousePress(canvas.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    step = QApplication.startDragDistance() + 2
    qtbot.mouseMove(canvas.viewport(), pos + QPoint(step, step))
    qtbot.mouseRelease(canvas.viewport(), Qt.MouseButton.LeftButton,
                       pos=pos + QPoint(step, step))
    assert len(dragged) == 1 and dropped_record(dragged[0]) == ("cameras", online[1].id)
    drop_on(wall.tiles[1], dragged[0])

    # from the list: the rest
    items = {wall.camera_list.item(i).data(Qt.ItemDataRole.UserRole): wall.camera_list.item(i)
             for i in range(wall.camera_list.count())}
    for index in range(2, 9):
        mime = wall.camera_list.mimeData([items[online[index].id]])
        drop_on(wall.tiles[index], mime)
    # something that is not a camera is refused
    vessel = record_mime("vessels", "v-1")  # held: the event does not own its data
    refused = QDropEvent(QPointF(5, 5), Qt.DropAction.CopyAction, vessel,
                         Qt.MouseButton.LeftButton,
                         Qt.KeyboardModifier.NoModifier)
    wall.tiles[0].dropEvent(refused)
    assert not refused.isAccepted()
    assert wall.assignments == [c.id for c in online]

    qtbot.waitUntil(lambda: all(t.state is StreamState.PLAYING and t.frame is not None
                                for t in wall.tiles), timeout=30000)
    for tile, camera in zip(wall.tiles, online, strict=True):
        assert tile.title == camera.name and tile.state_text() == "Live"
        width, height = tile.frame.size  # decoded to the tile's size, not 640x360
        assert width <= tile.width() and height <= tile.height()

    # saved with the workspace, restored by opening it
    path = tmp_path / "wall.iocws.json"
    workspace = window.services.map_features.workspace
    workspace.save(path)
    saved = json.loads(path.read_text(encoding="utf-8"))["camera_wall"]
    assert saved == {"grid": 3, "tiles": [c.id for c in online]}
    wall.set_grid(1)
    wall.clear_all()
    assert wall.tiles[4].stream is None
    workspace.open(path)
    assert wall.grid_size == 3 and wall.assignments == [c.id for c in online]

    # 2x2 keeps the nine assignments but decodes only four
    wall.set_grid(2)
    assert wall.assignments == [c.id for c in online]
    assert all(t.stream._thread is None for t in wall.tiles[4:])  # fresh, never started
    dock.hide()
    assert all(t.stream._thread is None for t in wall.tiles)
