"""Camera snapshots: a real PNG for online cameras, 503 for offline ones."""

from __future__ import annotations

import struct
import time
import zlib

from console.sources import wire


def _decode_png(data: bytes) -> tuple[int, int, bytes]:
    """Minimal PNG reader: checks signature and chunk CRCs, returns (w, h, raw scanlines)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, width, height, idat = 8, 0, 0, b""
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        tag = data[pos + 4:pos + 8]
        body = data[pos + 8:pos + 8 + length]
        (crc,) = struct.unpack(">I", data[pos + 8 + length:pos + 12 + length])
        assert crc == zlib.crc32(tag + body) & 0xFFFFFFFF
        if tag == b"IHDR":
            width, height = struct.unpack(">II", body[:8])
        elif tag == b"IDAT":
            idat += body
        pos += 12 + length
    return width, height, zlib.decompress(idat)


def test_snapshot_is_a_valid_png(api, url):
    cams = wire.CameraCollection.model_validate(api.get(url("/api/v1/cameras")).json())
    online = [c for c in cams.features if c.properties.status == "online"][:2]
    pictures = []
    for cam in online:
        r = api.get(url(f"/api/v1/cameras/{cam.id}/snapshot"))
        assert r.status_code == 200
        assert r.headers["content-type"] == "image/png"
        width, height, raw = _decode_png(r.content)
        assert (width, height) == (320, 180)
        assert len(raw) == height * (1 + width * 3)
        assert len(set(raw)) > 20, "not a flat colour"
        pictures.append(raw)
    assert pictures[0] != pictures[1], "cameras show different pictures"


def test_offline_camera_is_503(api, url):
    cams = wire.CameraCollection.model_validate(api.get(url("/api/v1/cameras")).json())
    offline = [c for c in cams.features if c.properties.status == "offline"]
    assert 1 <= len(offline) <= 40
    saw_503 = False
    for cam in offline:
        r = api.get(url(f"/api/v1/cameras/{cam.id}/snapshot"))
        if r.status_code == 503:
            assert wire.ErrorBody.model_validate(r.json()).error.code == "camera_offline"
            saw_503 = True
        else:  # it may have come back online between the two calls (sim time runs on)
            assert r.status_code == 200
    assert saw_503


def _parts(body: bytes) -> list[bytes]:
    """The JPEG payloads of a multipart/x-mixed-replace body, checked by Content-Length."""
    parts = []
    for chunk in body.split(b"--iocframe\r\n")[1:]:
        head, _, rest = chunk.partition(b"\r\n\r\n")
        length = int(dict(
            line.split(b": ", 1) for line in head.split(b"\r\n")
        )[b"Content-Length"])
        if len(rest) >= length + 2:  # the last part may be cut by our read
            assert rest[length:length + 2] == b"\r\n"
            parts.append(rest[:length])
    return parts


def test_live_stream_is_paced_mjpeg_of_the_asked_size(api, url):
    cams = wire.CameraCollection.model_validate(api.get(url("/api/v1/cameras")).json())
    cam = next(c for c in cams.features if c.properties.status == "online")
    fps = 10
    with api.get(url(f"/api/v1/cameras/{cam.id}/stream.mjpeg?fps={fps}&width=320&height=180"),
                 stream=True, timeout=10) as r:
        assert r.status_code == 200
        assert r.headers["content-type"] == "multipart/x-mixed-replace; boundary=iocframe"
        body = b""
        started = None
        for chunk in r.iter_content(8192):
            started = started or time.monotonic()
            body += chunk
            if len(_parts(body)) >= 2 * fps + 1:
                break
        elapsed = time.monotonic() - started
    frames = _parts(body)[: 2 * fps + 1]
    assert all(f.startswith(b"\xff\xd8") and f.endswith(b"\xff\xd9") for f in frames)
    # SOF0 holds the size: height then width, big-endian
    sof = frames[0].index(b"\xff\xc0")
    assert struct.unpack(">HH", frames[0][sof + 5:sof + 9]) == (180, 320)
    assert len(set(frames)) > fps, "the picture moves"
    # 2 s of frames at 10 fps take about 2 s: paced, not a burst
    assert 1.5 < elapsed < 4.0, elapsed


def test_live_stream_refuses_offline_cameras_and_bad_rates(api, url):
    cams = wire.CameraCollection.model_validate(api.get(url("/api/v1/cameras")).json())
    offline = [c for c in cams.features if c.properties.status == "offline"]
    codes = {api.get(url(f"/api/v1/cameras/{c.id}/stream.mjpeg"), timeout=10, stream=True)
             .status_code for c in offline[:5]}
    assert 503 in codes
    online = next(c for c in cams.features if c.properties.status == "online")
    assert api.get(url(f"/api/v1/cameras/{online.id}/stream.mjpeg?fps=500")).status_code == 400
    assert api.get(url("/api/v1/cameras/no-such-cam/stream.mjpeg")).status_code == 404
