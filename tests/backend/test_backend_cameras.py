"""Camera snapshots: a real PNG for online cameras, 503 for offline ones."""

from __future__ import annotations

import struct
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
