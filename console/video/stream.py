"""One live video stream decoded on its own thread; the GUI takes only the latest frame.

Why PyAV: its wheels ship FFmpeg, so one dependency (no system codec packages, same on
every workstation) opens both kinds of camera the IOC has, MJPEG over HTTP
(multipart/x-mixed-replace, FFmpeg's `mpjpeg` demuxer) and RTSP with H.264, decodes
them, and scales and converts the picture (swscale) in C on the decoder thread. Its
`timeout=` arms FFmpeg's interrupt callback, so a camera that stops sending mid-stream
cannot hold a read forever. OpenCV would also do it but is a far larger wheel made for
image processing; GStreamer bindings are not installable from PyPI.

Hand-off: the decoder thread overwrites a one-frame slot; the GUI polls it (`take`) on
its own timer. A frame the GUI did not take before the next one arrived is DROPPED and
counted, never queued, so a busy GUI sees fresh video late rather than old video
forever, and memory stays one frame per stream. Frames come out already scaled (down
only) to the size the GUI last asked for, as BGRA bytes that QImage.Format_RGB32 wraps
without a copy, so the GUI thread only blits.

Failures (refused, hung, garbage, ended) mark the stream LOST since the last good frame
and it reconnects with exponential backoff and jitter; the first good frame resets both.
"""

from __future__ import annotations

import contextlib
import logging
import os
import random
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum
from urllib.parse import urlsplit

import numpy as np

from console.i18n import translate as _tr

log = logging.getLogger(__name__)
_AV_IMPORT = threading.Lock()


class StreamState(Enum):
    CONNECTING = "connecting"  # opening, no frame yet since start
    PLAYING = "playing"
    LOST = "lost"  # failed; waiting to reconnect or reconnecting
    STOPPED = "stopped"


@dataclass(frozen=True)
class VideoSource:
    """Where to read a stream from. `headers` (an HTTP bearer token) are sent, never logged."""

    url: str
    headers: dict[str, str] = field(default_factory=dict, repr=False)

    @property
    def safe_url(self) -> str:
        """The URL without query or credentials, for logs and messages."""
        parts = urlsplit(self.url)
        host = parts.hostname or ""
        port = f":{parts.port}" if parts.port else ""
        return f"{parts.scheme}://{host}{port}{parts.path}"

    @property
    def scheme(self) -> str:
        return urlsplit(self.url).scheme.lower()


@dataclass(frozen=True)
class Frame:
    """A decoded picture: (h, w, 4) uint8 BGRA, contiguous."""

    pixels: np.ndarray
    seq: int
    received_at: float  # wall clock (time.time), when it was decoded

    @property
    def size(self) -> tuple[int, int]:
        return int(self.pixels.shape[1]), int(self.pixels.shape[0])


@dataclass(frozen=True)
class StreamStatus:
    state: StreamState
    lost_since: float | None = None  # wall clock; the last good frame (or the first failure)
    error: str = ""
    retry_in_s: float | None = None


@dataclass
class StreamStats:
    frames_decoded: int = 0
    frames_taken: int = 0
    frames_dropped: int = 0  # decoded but replaced before the GUI took them
    reconnects: int = 0
    cpu_s: float = 0.0  # CPU time of the decoder thread (decode, scale, convert)


@dataclass(frozen=True)
class Backoff:
    """Reconnect delays: first_s, doubling up to max_s, each with +-20 % jitter."""

    first_s: float = 0.5
    max_s: float = 15.0

    def delay(self, failures: int, rng: Callable[[], float] = random.random) -> float:
        base = min(self.max_s, self.first_s * 2 ** max(failures - 1, 0))
        return base * (0.8 + 0.4 * rng())


def fit_within(width: int, height: int, box: tuple[int, int] | None) -> tuple[int, int]:
    """The frame size to deliver: scaled DOWN to fit `box` keeping the aspect, even sides
    (swscale's chroma planes); the GUI scales up itself if it must."""
    if box is None or box[0] <= 0 or box[1] <= 0:
        return width, height
    scale = min(box[0] / width, box[1] / height, 1.0)
    return max(2, int(width * scale) & ~1), max(2, int(height * scale) & ~1)


DECODER_NICENESS = 10


def _yield_to_the_gui() -> None:
    """Lower this decoder thread's scheduling priority (Linux: niceness is per thread).
    When the cores are busy the kernel then runs the GUI thread first and the decoder
    later, so the GUI keeps its frame time and the video drops frames instead (which
    the one-frame slot makes harmless). Elsewhere this does nothing."""
    if hasattr(os, "setpriority") and sys.platform.startswith("linux"):
        with contextlib.suppress(OSError):
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), DECODER_NICENESS)


class VideoStream:
    """Decodes `source` on a daemon thread from `start()` to `stop()`.

    `open_timeout_s` bounds connecting, `read_timeout_s` each read (a hung server),
    `frame_timeout_s` the time without a decoded frame while bytes still arrive (a
    server sending garbage)."""

    def __init__(
        self,
        source: VideoSource,
        *,
        open_timeout_s: float = 5.0,
        read_timeout_s: float = 5.0,
        frame_timeout_s: float = 8.0,
        backoff: Backoff | None = None,
        name: str = "",
    ) -> None:
        self.source = source
        self.name = name or source.safe_url
        self.open_timeout_s = open_timeout_s
        self.read_timeout_s = read_timeout_s
        self.frame_timeout_s = frame_timeout_s
        self.backoff = backoff or Backoff()
        self.stats = StreamStats()
        self._lock = threading.Lock()
        self._latest: Frame | None = None
        self._taken_seq = 0
        self._seq = 0
        self._box: tuple[int, int] | None = None
        self._status = StreamStatus(StreamState.CONNECTING)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._cpu0 = 0.0

    # --- GUI side (cheap, never blocks on the network) -------------------------------------

    def start(self) -> VideoStream:
        if self._thread is None:
            self._thread = threading.Thread(
                target=self._run, name=f"video:{self.name}", daemon=True
            )
            self._thread.start()
        return self

    def stop(self) -> None:
        """Ask the thread to end (it does within one read timeout); does not wait."""
        self._stop.set()
        with self._lock:
            self._status = StreamStatus(StreamState.STOPPED)

    def join(self, timeout_s: float) -> bool:
        """Tests and shutdown: wait for the thread; True when it has ended."""
        if self._thread is not None:
            self._thread.join(timeout_s)
            return not self._thread.is_alive()
        return True

    def set_target_size(self, width: int, height: int) -> None:
        """The box the GUI draws into; later frames are scaled down to fit it."""
        with self._lock:
            self._box = (int(width), int(height))

    def take(self) -> Frame | None:
        """The latest frame if it is newer than the last one taken, else None."""
        with self._lock:
            frame = self._latest
            if frame is None or frame.seq == self._taken_seq:
                return None
            self._taken_seq = frame.seq
            self.stats.frames_taken += 1
            return frame

    def latest(self) -> Frame | None:
        with self._lock:
            return self._latest

    def status(self) -> StreamStatus:
        with self._lock:
            return self._status

    # --- decoder thread --------------------------------------------------------------------

    def _set_status(self, status: StreamStatus) -> None:
        with self._lock:
            if self._status.state is not StreamState.STOPPED:
                self._status = status

    def _run(self) -> None:
        _yield_to_the_gui()
        self._cpu0 = cpu0 = time.thread_time()
        failures = 0
        lost_since: float | None = None
        try:
            while not self._stop.is_set():
                last_frame_at, error = self._play_once()
                if self._stop.is_set():
                    break
                if last_frame_at is not None:  # frames came through: a fresh outage
                    failures, lost_since = 0, last_frame_at
                failures += 1
                if lost_since is None:
                    lost_since = time.time()
                delay = self.backoff.delay(failures)
                log.info("video %s lost (%s); reconnecting in %.1f s",
                         self.source.safe_url, error, delay)
                self._set_status(StreamStatus(StreamState.LOST, lost_since, error, delay))
                self.stats.cpu_s = time.thread_time() - cpu0
                if self._stop.wait(delay):
                    break
                self.stats.reconnects += 1
        finally:
            self.stats.cpu_s = time.thread_time() - cpu0

    def _options(self) -> dict[str, str]:
        options: dict[str, str] = {}
        if self.source.scheme in ("http", "https"):
            if self.source.headers:
                options["headers"] = "".join(
                    f"{k}: {v}\r\n" for k, v in self.source.headers.items()
                )
        elif self.source.scheme in ("rtsp", "rtsps"):
            options["rtsp_transport"] = "tcp"  # no UDP ports to open or lose packets on
        options["fflags"] = "nobuffer"
        options["flags"] = "low_delay"
        return options

    def _play_once(self) -> tuple[float | None, str]:
        """Open and decode until failure, end or stop: (time of the last frame or None,
        why it stopped). Never raises: every failure is a reason to reconnect."""
        with _AV_IMPORT:  # nine threads starting at once import it once, in turn
            import av  # lazily: FFmpeg loads when the first video plays, not at start-up

        last_frame_at: float | None = None
        container = None
        try:
            container = av.open(
                self.source.url,
                options=self._options(),
                timeout=(self.open_timeout_s, self.read_timeout_s),
            )
            stream = container.streams.video[0]
            stream.thread_count = 1  # nine streams on two cores: no per-stream thread pool
            waiting_since = time.monotonic()
            for packet in container.demux(stream):
                if self._stop.is_set():
                    break
                try:
                    frames = packet.decode()
                except av.error.InvalidDataError:
                    frames = []  # a corrupt packet; the frame timeout below judges the stream
                for vframe in frames:
                    last_frame_at = time.time()
                    waiting_since = time.monotonic()
                    self._publish(vframe, last_frame_at)
                if time.monotonic() - waiting_since > self.frame_timeout_s:
                    return last_frame_at, _tr("VideoStream", "no picture for %1 s").replace(
                        "%1", f"{self.frame_timeout_s:g}")
            return last_frame_at, _tr("VideoStream", "the stream ended")
        except Exception as exc:  # FFmpeg's errors (refused, timed out, invalid data...)
            return last_frame_at, self._reason(exc)
        finally:
            if container is not None:
                container.close()

    def _reason(self, exc: Exception) -> str:
        """What an operator can read for a failure (FFmpeg's own text otherwise, without
        the URL, which may carry a password)."""
        import av

        errors = av.error
        if isinstance(exc, errors.ExitError):  # our read / open timeout fired
            return _tr("VideoStream", "no data for %1 s").replace(
                "%1", f"{self.read_timeout_s:g}")
        known = (
            (errors.ConnectionRefusedError, _tr("VideoStream", "connection refused")),
            (errors.HTTPNotFoundError, _tr("VideoStream", "no such camera (404)")),
            (errors.HTTPUnauthorizedError, _tr("VideoStream", "not allowed (401)")),
            (errors.HTTPForbiddenError, _tr("VideoStream", "not allowed (403)")),
            (errors.HTTPServerError,
             _tr("VideoStream", "the server has no picture (5xx): camera offline?")),
            (errors.InvalidDataError, _tr("VideoStream", "not a video stream")),
        )
        for kind, text in known:
            if isinstance(exc, kind):
                return text
        text = str(exc) or type(exc).__name__
        return text.replace(f": '{self.source.url}'", "")

    def _publish(self, vframe, received_at: float) -> None:
        with self._lock:
            box = self._box
        width, height = fit_within(vframe.width, vframe.height, box)
        pixels = vframe.reformat(width=width, height=height, format="bgra").to_ndarray()
        if not pixels.flags.c_contiguous:  # FFmpeg pads rows for SIMD; QImage wants them packed
            pixels = np.ascontiguousarray(pixels)
        with self._lock:
            self._seq += 1
            if self._latest is not None and self._latest.seq != self._taken_seq:
                self.stats.frames_dropped += 1
            self._latest = Frame(pixels, self._seq, received_at)
            self.stats.frames_decoded += 1
            if self._status.state in (StreamState.CONNECTING, StreamState.LOST):
                self._status = StreamStatus(StreamState.PLAYING)
        self.stats.cpu_s = time.thread_time() - self._cpu0
