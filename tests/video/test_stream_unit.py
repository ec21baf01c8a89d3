"""The decoder's hand-off (latest frame only, late frames dropped and counted), its
sizes, its backoff, and the camera wall in the workspace file."""

from __future__ import annotations

import time

import pytest

from console.video.stream import Backoff, StreamState, VideoSource, VideoStream, fit_within
from console.workspace import CameraWallLayout, Workspace, WorkspaceError, parse_workspace
from tests.video.fault_streams import FaultStreamServer


def wait_for(condition, timeout_s: float = 10.0) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():
        assert time.monotonic() < deadline, "condition not met in time"
        time.sleep(0.01)


def test_a_late_gui_gets_the_newest_frame_and_the_rest_are_dropped_not_queued():
    server = FaultStreamServer(fps=25)
    stream = VideoStream(VideoSource(server.url)).start()
    try:
        wait_for(lambda: stream.stats.frames_decoded >= 1)
        stream.take()
        wait_for(lambda: stream.stats.frames_decoded >= 12)  # the GUI "busy" meanwhile
        newest = stream.latest()
        taken = stream.take()
        assert taken is not None and taken.seq >= newest.seq  # the newest, not the next
        stats = stream.stats
        # every frame decoded was either taken or dropped (one may wait in the slot)
        assert stats.frames_dropped >= 10
        assert stats.frames_taken + stats.frames_dropped in (
            stats.frames_decoded, stats.frames_decoded - 1)
        assert stream.status().state is StreamState.PLAYING
        assert stats.cpu_s > 0
    finally:
        stream.stop()
        server.stop()
    assert stream.join(5)


def test_frames_are_scaled_down_to_the_box_keeping_the_aspect_never_up():
    assert fit_within(640, 360, (320, 320)) == (320, 180)
    assert fit_within(640, 360, (1920, 1080)) == (640, 360)
    assert fit_within(640, 360, None) == (640, 360)
    w, h = fit_within(640, 360, (301, 500))
    assert w % 2 == 0 and h % 2 == 0 and w <= 301


def test_backoff_doubles_with_jitter_up_to_its_cap():
    backoff = Backoff(first_s=0.5, max_s=8.0)
    assert backoff.delay(1, lambda: 0.5) == pytest.approx(0.5)
    assert backoff.delay(3, lambda: 0.5) == pytest.approx(2.0)
    assert backoff.delay(30, lambda: 1.0) == pytest.approx(8.0 * 1.2)
    assert backoff.delay(2, lambda: 0.0) == pytest.approx(0.8)


def test_camera_wall_round_trips_in_the_workspace_and_bad_walls_are_refused():
    wall = CameraWallLayout(3, ["cam-001", None, "cam-003", *[None] * 6])
    parsed = parse_workspace(Workspace(camera_wall=wall).to_json())
    assert parsed.camera_wall == wall
    assert parse_workspace(Workspace().to_json()).camera_wall is None
    short = Workspace(camera_wall=CameraWallLayout(1, ["cam-001"])).to_json()
    assert parse_workspace(short).camera_wall.tiles == ["cam-001", *[None] * 8]
    for bad in ({"grid": 4, "tiles": []}, {"grid": 2, "tiles": [1]},
                {"grid": 2, "tiles": [None] * 10}, {"grid": 2}):
        text = Workspace().to_json().replace('"scale_units"', f'"camera_wall": {_json(bad)}, '
                                                              '"scale_units"')
        with pytest.raises(WorkspaceError, match="camera_wall"):
            parse_workspace(text)


def _json(value: object) -> str:
    import json

    return json.dumps(value)


def test_direct_camera_urls_come_from_the_settings_file_and_bad_ones_are_refused():
    from console.config_file import apply_overrides
    from console.settings import Settings

    good = {"video": {"fps": 12, "camera_urls": ["cam-001=rtsp://user:pw@127.0.0.1:8554/a"]}}
    settings, errors = apply_overrides(Settings(), good)
    assert errors == []
    assert settings.video.fps == 12
    assert settings.video.direct_url("cam-001") == "rtsp://user:pw@127.0.0.1:8554/a"
    assert settings.video.direct_url("cam-002") is None
    source = VideoSource(settings.video.direct_url("cam-001"))
    assert source.safe_url == "rtsp://127.0.0.1:8554/a"  # no password in logs
    bad = {"video": {"fps": 100, "camera_urls": ["cam-001 rtsp://x", "cam-2=ftp://y"]}}
    settings, errors = apply_overrides(Settings(), bad)
    assert len(errors) == 2 and all(e.startswith("video.") for e in errors)
    assert settings.video.camera_urls == ()
