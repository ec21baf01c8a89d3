"""Synthetic camera snapshots, encoded as PNG by hand (zlib + struct, no imaging library).

The picture is a schematic street scene that changes per camera (skyline, road
angle) and per sim minute (traffic, daylight), with the camera id and local time
stamped in a tiny bitmap font, so the console's image pane has something real
to show and tests can tell frames apart.
"""

from __future__ import annotations

import struct
import zlib
from datetime import UTC, datetime

import numpy as np

from backend.sim.rng import stream

WIDTH, HEIGHT = 320, 180
_CAR_COLOURS = ((200, 40, 40), (40, 80, 200), (230, 230, 230), (30, 30, 30), (240, 200, 40))
_FONT = {  # 3x5 glyphs, rows top->bottom, bits left->right
    "0": "111101101101111", "1": "010110010010111", "2": "111001111100111",
    "3": "111001111001111", "4": "101101111001001", "5": "111100111001111",
    "6": "111100111101111", "7": "111001010010010", "8": "111101111101111",
    "9": "111101111001111", ":": "000010000010000", "-": "000000111000000",
    "C": "111100100100111", "A": "010101111101101", "M": "101111111101101",
    " ": "000000000000000", "+": "000010111010000",
    "S": "111100111001111", "I": "111010010010111", "U": "101101101101111",
    "L": "100100100100111", "T": "111010010010010", "E": "111100111100111",
    "D": "110101101101110",
}


def encode_png(rgb: np.ndarray) -> bytes:
    """Encode an (h, w, 3) uint8 array as an 8-bit truecolour PNG."""
    height, width, _ = rgb.shape
    raw = np.zeros((height, width * 3 + 1), dtype=np.uint8)  # filter byte 0 = None
    raw[:, 1:] = rgb.reshape(height, width * 3)

    def chunk(tag: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(tag + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(raw.tobytes(), 6)) + chunk(b"IEND", b""))


def stamp(img: np.ndarray, text: str, x: int, y: int, scale: int = 2) -> None:
    for ch in text:
        glyph = _FONT.get(ch, _FONT[" "])
        for i, bit in enumerate(glyph):
            if bit == "1":
                r, c = divmod(i, 3)
                img[y + r * scale:y + (r + 1) * scale, x + c * scale:x + (c + 1) * scale] = 255
        x += 4 * scale


def render(camera_id: str, camera_idx: int, sim_time: float, seed: int) -> bytes:
    """The PNG for one camera at the sim minute containing ``sim_time``."""
    return encode_png(render_pixels(camera_id, camera_idx, sim_time, seed))


def render_pixels(camera_id: str, camera_idx: int, sim_time: float, seed: int,
                  caption: bool = True) -> np.ndarray:
    """The (HEIGHT, WIDTH, 3) uint8 picture behind `render`; the video stream reuses it
    without the `caption` bar (the video stamps its own: a looped video would show a
    frozen time, and the console draws the camera's name and the time on its tiles)."""
    minute = int(sim_time // 60)
    layout = stream(seed, "snapshot-layout", camera_idx)
    frame = stream(seed, "snapshot-frame", camera_idx, minute)
    local = datetime.fromtimestamp(minute * 60 + 7 * 3600, UTC)
    daylight = max(0.15, min(1.0, 1.3 - abs(local.hour + local.minute / 60 - 12.5) / 6.0))

    img = np.zeros((HEIGHT, WIDTH, 3), dtype=np.float32)
    horizon = 70 + layout.randrange(-10, 10)
    sky = np.linspace(0.55, 0.95, horizon)[:, None, None] * np.array([0.55, 0.7, 1.0])
    img[:horizon] = sky * daylight * 255
    # Skyline: buildings of per-camera heights.
    x = 0
    while x < WIDTH:
        w = layout.randrange(12, 40)
        h = layout.randrange(10, horizon - 5)
        shade = layout.uniform(0.3, 0.6) * 255 * daylight
        img[horizon - h:horizon, x:x + w] = (shade, shade * 0.95, shade * 0.9)
        if daylight < 0.5:  # lit windows at night
            img[horizon - h + 3:horizon - 2:6, x + 2:x + w - 2:5] = (230, 210, 120)
        x += w + layout.randrange(0, 6)
    # Ground and a road in perspective.
    img[horizon:] = np.array([70, 95, 60]) * daylight
    rows = np.arange(horizon, HEIGHT)
    centre = WIDTH / 2 + layout.randrange(-40, 40)
    half = 6 + (rows - horizon) * (1.2 + layout.random())
    cols = np.arange(WIDTH)
    on_road = np.abs(cols[None, :] - centre) < half[:, None]
    img[horizon:][on_road] = np.array([90, 90, 95]) * max(daylight, 0.35)
    # Lane dashes that move with time.
    for r in rows:
        if ((r + minute * 3) // 6) % 2 == 0:
            c = int(centre)
            img[r, max(c - 1, 0):c + 1] = (230, 230, 200)
    # Vehicles: rectangles on the road, different every minute.
    for _ in range(frame.randrange(2, 9)):
        r = frame.randrange(horizon + 8, HEIGHT - 10)
        size = int(4 + (r - horizon) * 0.25)
        c = int(centre + frame.uniform(-0.8, 0.8) * half[r - horizon])
        colour = frame.choice(_CAR_COLOURS)
        img[r - size // 2:r + size // 2, max(c - size, 0):c + size] = colour
    if not caption:
        return np.clip(img, 0, 255).astype(np.uint8)
    # Caption bar: camera id and local time (UTC+7).
    img[HEIGHT - 16:] = (0, 0, 0)
    pixels = np.clip(img, 0, 255).astype(np.uint8)
    stamp(pixels, camera_id.upper(), 4, HEIGHT - 13)
    stamp(pixels, local.strftime("%Y-%m-%d %H:%M") + " +7", WIDTH - 4 - 19 * 8, HEIGHT - 13)
    return pixels
