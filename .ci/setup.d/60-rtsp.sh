# The live-video tests play H.264 from a real RTSP server we did not write: GStreamer's
# gst-rtsp-server, driven through its GObject bindings by the SYSTEM python3
# (tests/video/rtsp_server.py); x264enc comes with plugins-ugly, rtph264pay with -good.
if ! /usr/bin/python3 - >/dev/null 2>&1 <<'PY'
import gi
gi.require_version("Gst", "1.0")
gi.require_version("GstRtspServer", "1.0")
from gi.repository import Gst, GstRtspServer
Gst.init(None)
assert all(Gst.ElementFactory.find(e) for e in ("videotestsrc", "x264enc", "rtph264pay"))
PY
then
  apt_install python3 python3-gi gir1.2-gst-rtsp-server-1.0 gstreamer1.0-plugins-base \
    gstreamer1.0-plugins-good gstreamer1.0-plugins-ugly
fi
