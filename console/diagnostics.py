"""Measuring the GUI event loop's responsiveness.

A fast timer on the GUI thread notes the gap between its ticks; any gap much longer
than the interval means the event loop was blocked for that long (a frozen window).
Used by tests and benchmarks to prove the console never freezes.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject

from console.live.timers import timer


class EventLoopStallMeter(QObject):
    def __init__(self, interval_ms: int = 5, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = timer(self, interval_ms, self._tick)
        self._last = 0.0
        self.last_tick = 0.0
        self.max_gap_ms = 0.0
        # the GUI thread's own CPU time in its longest turn: a gap is also time the
        # thread waited for a core or for the GIL on a loaded machine; this is the work
        self.max_busy_ms = 0.0
        self._cpu = 0.0
        self.ticks = 0
        self.gap_observer: Callable[[float], None] | None = None  # sees every gap (ms)

    def start(self) -> None:
        self.max_gap_ms = self.max_busy_ms = 0.0
        self.ticks = 0
        self._last = self.last_tick = time.perf_counter()
        self._cpu = time.thread_time()
        self._timer.start()

    def stop(self) -> float:
        self._timer.stop()
        return self.max_gap_ms

    def _tick(self) -> None:
        now = time.perf_counter()
        gap = (now - self._last) * 1000
        self.max_gap_ms = max(self.max_gap_ms, gap)
        cpu = time.thread_time()
        self.max_busy_ms = max(self.max_busy_ms, (cpu - self._cpu) * 1000)
        self._cpu = cpu
        if self.gap_observer is not None:
            self.gap_observer(gap)
        self._last = now
        self.last_tick = now
        self.ticks += 1


class StallSampler:
    """Find out *what* froze the GUI: a watchdog thread samples the GUI thread's Python
    stack (and the other threads', since a worker holding the GIL also stalls the GUI)
    whenever the event loop has not ticked for `threshold_ms`. For diagnosing, not for
    production use: it costs a thread waking every `poll_ms`."""

    def __init__(self, meter: EventLoopStallMeter, threshold_ms: float = 30.0,
                 poll_ms: float = 5.0) -> None:
        import threading

        self._meter = meter
        self._threshold_s = threshold_ms / 1000
        self._poll_s = poll_ms / 1000
        self._gui_id = threading.get_ident()
        self._stop = threading.Event()
        self.samples: dict[str, int] = {}
        self._thread = threading.Thread(target=self._run, name="stall-sampler", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> list[tuple[int, str]]:
        self._stop.set()
        self._thread.join(2)
        return sorted(((n, k) for k, n in self.samples.items()), reverse=True)

    def _run(self) -> None:
        import os
        import sys
        import traceback

        while not self._stop.wait(self._poll_s):
            if time.perf_counter() - self._meter.last_tick < self._threshold_s:
                continue
            for thread_id, frame in sys._current_frames().items():
                if thread_id == threading_ident():
                    continue
                stack = traceback.extract_stack(frame)[-5:][::-1]
                where = " <- ".join(f"{os.path.basename(f.filename)}:{f.lineno}:{f.name}"
                                    for f in stack)
                who = "GUI" if thread_id == self._gui_id else "worker"
                key = f"{who}: {where}"
                self.samples[key] = self.samples.get(key, 0) + 1


def threading_ident() -> int:
    import threading

    return threading.get_ident()
