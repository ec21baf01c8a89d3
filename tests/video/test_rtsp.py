"""RTSP (H.264) from a real server we did not write: GStreamer's gst-rtsp-server on
loopback (tests/video/rtsp_server.py, installed by .ci/setup.d/60-rtsp.sh). Frames
arrive; a server killed mid-stream shows "Stream lost since HH:MM:SS" on the tile, and
the tile plays again by itself when the server comes back on the same port."""

from __future__ import annotations

import select
import subprocess
from pathlib import Path

import pytest

from console.video.stream import Backoff, StreamState, VideoSource, VideoStream
from tests.externals import require_external
from widgets.cameras.video_tile import VideoTile, hms

SYSTEM_PYTHON = Path("/usr/bin/python3")
SERVER = Path(__file__).with_name("rtsp_server.py")
HINT = "apt-get install python3-gi gir1.2-gst-rtsp-server-1.0 gstreamer1.0-plugins-good " \
       "gstreamer1.0-plugins-ugly"


def _gst_rtsp_available() -> bool:
    if not SYSTEM_PYTHON.exists():
        return False
    probe = ("import gi; gi.require_version('Gst', '1.0'); "
             "gi.require_version('GstRtspServer', '1.0'); "
             "from gi.repository import Gst, GstRtspServer; Gst.init(None); "
             "assert Gst.ElementFactory.find('x264enc') and Gst.ElementFactory.find('rtph264pay')")
    return subprocess.run([str(SYSTEM_PYTHON), "-c", probe], check=False, capture_output=True,
                          timeout=60).returncode == 0


def start_server(port: int = 0, timeout_s: float = 30.0) -> tuple[subprocess.Popen, str]:
    """The server and its URL, once it prints that it listens (bounded wait)."""
    process = subprocess.Popen(
        [str(SYSTEM_PYTHON), str(SERVER), "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    )
    assert process.stdout is not None
    ready, _, _ = select.select([process.stdout], [], [], timeout_s)
    line = process.stdout.readline() if ready else ""
    if not line.startswith("RTSP LISTENING "):
        process.kill()
        process.wait(5)
        raise RuntimeError(f"RTSP server did not start: {line!r}")
    return process, line.split()[-1]


def stop_server(process: subprocess.Popen) -> None:
    process.kill()
    process.wait(10)


@pytest.fixture
def rtsp():
    require_external(_gst_rtsp_available(), "GStreamer RTSP server (python3-gi)", HINT)
    process, url = start_server()
    box = {"process": process}
    yield url, box
    if box["process"].poll() is None:
        stop_server(box["process"])


def test_h264_frames_arrive_and_a_killed_server_is_lost_then_back(qtbot, rtsp, monkeypatch):
    url, box = rtsp
    from console.app import ConsoleApp
    from console.settings import Settings
    from console.video.settings import VideoSettings

    # an RTSP camera read directly, as a site configures it ([video] camera_urls)
    settings = Settings(video=VideoSettings(camera_urls=(f"rtsp-cam={url}",)))
    tile = VideoTile(ConsoleApp(settings), autopoll=True)
    qtbot.addWidget(tile)
    tile.resize(480, 270)
    tile.show()
    monkeypatch.setattr(
        "widgets.cameras.video_tile.VideoStream",
        lambda source, name: VideoStream(source, open_timeout_s=3, read_timeout_s=2,
                                         backoff=Backoff(first_s=0.3, max_s=1.0)),
    )
    tile.play("rtsp-cam", "RTSP camera")
    assert tile.stream.source == VideoSource(url)  # no backend token goes to a camera
    qtbot.waitUntil(lambda: tile.frame is not None, timeout=20000)
    first = tile.frame.seq
    qtbot.waitUntil(lambda: tile.frame.seq >= first + 10, timeout=10000)
    assert tile.state is StreamState.PLAYING and tile.state_text() == "Live"
    # 640x360 H.264, delivered scaled down to fit the 480x270 tile
    assert tile.frame.size == (480, 270)

    last = tile.frame.received_at
    stop_server(box["process"])
    qtbot.waitUntil(lambda: tile.state is StreamState.LOST, timeout=15000)
    status = tile.stream.status()
    assert last - 0.001 <= status.lost_since <= last + 1.0
    assert tile.state_text() == f"Stream lost since {hms(status.lost_since)}"
    picture = tile.grab().toImage()
    assert not picture.isNull()

    port = int(url.rsplit(":", 1)[1].split("/")[0])
    box["process"], _ = start_server(port)
    qtbot.waitUntil(
        lambda: tile.state is StreamState.PLAYING and tile.frame.received_at > last + 0.5,
        timeout=30000,
    )
    assert tile.stream.stats.reconnects >= 1
    tile.dispose()
