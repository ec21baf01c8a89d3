"""A hung, stalled, garbage or refusing camera never freezes the GUI; its tile says
"Stream lost since HH:MM:SS" and plays again by itself when the camera recovers."""

from __future__ import annotations

import time

import pytest

from console.diagnostics import EventLoopStallMeter
from console.video.stream import Backoff, StreamState, VideoSource, VideoStream
from tests.video.fault_streams import FaultStreamServer
from widgets.cameras.video_tile import VideoTile, hms

FAULTS = ("stall", "hang", "garbage", "refuse")


@pytest.fixture
def server():
    s = FaultStreamServer()
    yield s
    s.stop()


def quick(source: VideoSource) -> VideoStream:
    """Short timeouts and backoff: the faults show within seconds."""
    return VideoStream(source, open_timeout_s=1.5, read_timeout_s=1.5, frame_timeout_s=2.0,
                       backoff=Backoff(first_s=0.2, max_s=1.0))


def test_faults_never_freeze_the_gui_and_the_tile_recovers(qtbot, server, monkeypatch):
    app = _bare_app()
    tile = VideoTile(app, autopoll=True)
    qtbot.addWidget(tile)
    tile.resize(480, 270)
    tile.show()
    monkeypatch.setattr("widgets.cameras.video_tile.VideoStream",
                        lambda source, name: quick(source))
    tile.play_source(VideoSource(server.url), "cam-fault", "Fault camera")
    qtbot.waitUntil(lambda: tile.state is StreamState.PLAYING and tile.frame is not None,
                    timeout=10000)
    meter = EventLoopStallMeter()
    meter.start()
    for fault in FAULTS:
        last = tile.frame.received_at
        server.mode = fault
        qtbot.waitUntil(lambda: tile.state is StreamState.LOST, timeout=15000)
        status = tile.stream.status()
        assert status.error, fault
        # lost since the last good frame, drawn to the second
        assert status.lost_since is not None and status.lost_since >= last - 0.001
        assert tile.state_text() == f"Stream lost since {hms(status.lost_since)}"
        server.mode = "pass"
        qtbot.waitUntil(
            lambda b=last: tile.state is StreamState.PLAYING and tile.frame.received_at > b,
            timeout=15000,
        )
    stall = meter.stop()
    assert meter.ticks > 100
    assert stall < 150, f"GUI event loop stalled {stall:.0f} ms"
    assert tile.stream.stats.reconnects >= len(FAULTS)
    tile.dispose()


def test_stop_ends_a_hung_decoder_thread_within_its_read_timeout(server):
    server.mode = "hang"
    stream = quick(VideoSource(server.url)).start()
    deadline = time.monotonic() + 5
    while server.connections == 0 and time.monotonic() < deadline:
        time.sleep(0.01)
    stopped_at = time.monotonic()
    stream.stop()  # returns at once: the GUI never waits for the network
    assert time.monotonic() - stopped_at < 0.05
    assert stream.join(5.0), "the decoder thread outlived its timeouts"
    assert stream.status().state is StreamState.STOPPED


def _bare_app():
    from console.app import ConsoleApp
    from console.settings import Settings

    return ConsoleApp(Settings())
