"""A real RTSP server for the video tests: GStreamer's gst-rtsp-server (through its
GObject bindings) serving a live H.264 test picture on loopback.

Run with the SYSTEM Python (python3-gi is a Debian package for /usr/bin/python3, not
installable into the project's venv):

    /usr/bin/python3 tests/video/rtsp_server.py [--port N] [--width W --height H --fps F]

Prints `RTSP LISTENING rtsp://127.0.0.1:PORT/camera` once it accepts clients, then serves
until killed. Installed by .ci/setup.d/60-rtsp.sh.
"""

from __future__ import annotations

import argparse
import sys

import gi

gi.require_version("Gst", "1.0")
gi.require_version("GstRtspServer", "1.0")
from gi.repository import GLib, Gst, GstRtspServer  # noqa: E402

MOUNT = "/camera"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, default=0, help="0: any free port")
    parser.add_argument("--width", type=int, default=640)
    parser.add_argument("--height", type=int, default=360)
    parser.add_argument("--fps", type=int, default=25)
    args = parser.parse_args()
    Gst.init(None)
    server = GstRtspServer.RTSPServer()
    server.set_address("127.0.0.1")  # loopback only
    server.set_service(str(args.port))
    factory = GstRtspServer.RTSPMediaFactory()
    factory.set_launch(
        "( videotestsrc is-live=true pattern=ball "
        f"! video/x-raw,width={args.width},height={args.height},framerate={args.fps}/1 "
        f"! x264enc tune=zerolatency speed-preset=ultrafast key-int-max={args.fps} "
        "! rtph264pay name=pay0 pt=96 config-interval=1 )"
    )
    factory.set_shared(True)  # one encoder for every client
    server.get_mount_points().add_factory(MOUNT, factory)
    if server.attach(None) == 0:
        print("RTSP cannot listen", flush=True)
        return 1
    print(f"RTSP LISTENING rtsp://127.0.0.1:{server.get_bound_port()}{MOUNT}", flush=True)
    GLib.MainLoop().run()
    return 0


if __name__ == "__main__":
    sys.exit(main())
