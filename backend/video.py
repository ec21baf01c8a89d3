"""Simulated live video of a camera: a short loop of JPEG frames, built once and replayed.

A real IOC receives MJPEG or RTSP from its cameras; this reference backend has no
cameras, so each one gets a moving synthetic picture: its snapshot scene (skyline, road,
per-camera layout) scaled to the asked size, with a vehicle driving across, a sweeping
bar, a frame counter and "SIMULATED" with the camera id stamped on it. The loop is encoded ONCE per
(camera, size, fps) with FFmpeg's MJPEG encoder (PyAV, already a console dependency) and
cached, so serving nine streams at 25 fps costs the backend a memcpy per frame, not an
encode: the backend must stay cheap next to the console on the same workstation.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from fractions import Fraction

import numpy as np

from backend.snapshot import HEIGHT, WIDTH, render_pixels, stamp

LOOP_SECONDS = 2
SCENE_S = 3600.0  # sim seconds one scene (daylight, traffic layout) is shown
MAX_CACHED_LOOPS = 24  # ~ 24 x 50 frames x 25 kB = 30 MB at 640x360
FPS_RANGE = (1, 30)
WIDTH_RANGE = (160, 1280)
HEIGHT_RANGE = (90, 720)
BOUNDARY = "iocframe"

_cache: OrderedDict[tuple, list[bytes]] = OrderedDict()
_cache_lock = threading.Lock()
_build_locks: dict[tuple, threading.Lock] = {}


def _scene(camera_id: str, camera_idx: int, sim_time: float, seed: int,
           width: int, height: int) -> np.ndarray:
    """The snapshot picture scaled (nearest neighbour) to width x height."""
    base = render_pixels(camera_id, camera_idx, sim_time, seed, caption=False)
    rows = (np.arange(height) * HEIGHT // height).clip(0, HEIGHT - 1)
    cols = (np.arange(width) * WIDTH // width).clip(0, WIDTH - 1)
    return base[rows][:, cols]


def _frames(scene: np.ndarray, count: int, camera_id: str) -> list[np.ndarray]:
    height, width, _ = scene.shape
    scale = max(1, height // 90)
    car_h, car_w = 10 * scale, 22 * scale
    lane_y = int(height * 0.72)
    frames = []
    for i in range(count):
        img = scene.copy()
        x = int((width + car_w) * i / count) - car_w
        img[lane_y:lane_y + car_h, max(x, 0):max(x + car_w, 0)] = (220, 40, 40)
        bar = int(width * i / count)
        img[: 2 * scale, :bar] = (255, 200, 0)
        label = f"SIMULATED {camera_id.upper()}"
        img[2 * scale:12 * scale, 2 * scale:(4 * len(label) + 4) * scale] = (0, 0, 0)
        stamp(img, label, 3 * scale, 3 * scale, scale)
        stamp(img, f"{i:03d}", width - 16 * scale, 3 * scale, scale)
        frames.append(img)
    return frames


def _encode(frames: list[np.ndarray], fps: int) -> list[bytes]:
    import av  # lazily: only a backend that serves video pays for FFmpeg

    height, width, _ = frames[0].shape
    codec = av.CodecContext.create("mjpeg", "w")
    codec.width, codec.height = width, height
    codec.pix_fmt = "yuvj420p"
    codec.time_base = Fraction(1, fps)
    codec.bit_rate = 6_000_000
    out = []
    for i, rgb in enumerate(frames):
        frame = av.VideoFrame.from_ndarray(rgb, format="rgb24").reformat(format="yuvj420p")
        frame.pts = i
        out.extend(bytes(packet) for packet in codec.encode(frame))
    out.extend(bytes(packet) for packet in codec.encode(None))
    return out


def jpeg_loop(camera_id: str, camera_idx: int, sim_time: float, seed: int,
              width: int, height: int, fps: int) -> list[bytes]:
    """The cached JPEG frames of one camera's loop (built on first use; thread-safe).
    The scene is rebuilt each sim hour, so daylight follows the simulated day."""
    key = (camera_idx, seed, width, height, fps, int(sim_time // SCENE_S))
    with _cache_lock:
        if key in _cache:
            _cache.move_to_end(key)
            return _cache[key]
        build_lock = _build_locks.setdefault(key, threading.Lock())
    with build_lock:  # one build per key even when nine viewers ask at once
        with _cache_lock:
            if key in _cache:
                return _cache[key]
        scene = _scene(camera_id, camera_idx, sim_time, seed, width, height)
        loop = _encode(_frames(scene, fps * LOOP_SECONDS, camera_id), fps)
        with _cache_lock:
            _cache[key] = loop
            while len(_cache) > MAX_CACHED_LOOPS:
                _cache.popitem(last=False)
            _build_locks.pop(key, None)
        return loop


def part(jpeg: bytes) -> bytes:
    """One part of a multipart/x-mixed-replace body."""
    head = (f"--{BOUNDARY}\r\nContent-Type: image/jpeg\r\n"
            f"Content-Length: {len(jpeg)}\r\n\r\n").encode()
    return head + jpeg + b"\r\n"
