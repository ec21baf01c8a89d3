"""Run blocking jobs (network, disk) on a thread pool; deliver results on the GUI thread.

Pattern: build a cheap request on the GUI thread -> run the pure, blocking part in a
pool -> apply the result on the GUI thread through a queued signal. Per `key`, the
latest submission wins: a result from a superseded job is dropped, so a slow old
answer can never overwrite a newer one. `synchronous=True` runs jobs inline, for
tests and benchmarks that need determinism without threads.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor, wait
from typing import Any

from PySide6.QtCore import QObject, Signal

log = logging.getLogger(__name__)

OnResult = Callable[[Any], None]
OnError = Callable[[Exception], None]


class _Relay(QObject):
    """Lives on the GUI thread; workers emit on it, so delivery is queued there."""

    finished = Signal(str, int, object, object)  # key, generation, result, error


class JobRunner(QObject):
    """Thread pool front-end. Call `submit` and `shutdown` from the GUI thread only."""

    def __init__(
        self, max_threads: int = 4, synchronous: bool = False, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._synchronous = synchronous
        # Python-created threads, not QThreadPool's: pyproj (and any library keeping
        # per-thread state in threading.local) crashes on threads Python did not create
        self._executor = ThreadPoolExecutor(
            max_workers=max_threads, thread_name_prefix="ioc-worker"
        )
        self._futures: set[Future[None]] = set()
        self._relay = _Relay(self)
        self._relay.finished.connect(self._deliver)
        self._generation: dict[str, int] = {}
        self._callbacks: dict[tuple[str, int], tuple[OnResult, OnError]] = {}
        self._closed = False

    def in_flight(self, key: str) -> bool:
        return any(k == key for k, _ in self._callbacks)

    def submit(
        self, key: str, fn: Callable[[], Any], on_result: OnResult, on_error: OnError
    ) -> None:
        if self._closed:
            return
        generation = self._generation.get(key, 0) + 1
        self._generation[key] = generation
        # a superseded job's callbacks are dropped now; its result will be ignored
        for stale in [k for k in self._callbacks if k[0] == key]:
            del self._callbacks[stale]
        self._callbacks[(key, generation)] = (on_result, on_error)
        if self._synchronous:
            try:
                result, error = fn(), None
            except Exception as exc:
                result, error = None, exc
            self._deliver(key, generation, result, error)
        else:
            future = self._executor.submit(self._run, key, generation, fn)
            self._futures.add(future)
            future.add_done_callback(self._futures.discard)

    def _run(self, key: str, generation: int, fn: Callable[[], Any]) -> None:  # worker thread
        try:
            result, error = fn(), None
        except Exception as exc:  # delivered to the caller's on_error, never lost
            result, error = None, exc
        with contextlib.suppress(RuntimeError):  # relay deleted during shutdown
            self._relay.finished.emit(key, generation, result, error)

    def _deliver(self, key: str, generation: int, result: object, error: object) -> None:
        callbacks = self._callbacks.pop((key, generation), None)
        if callbacks is None or self._closed:
            return  # superseded or shut down
        on_result, on_error = callbacks
        if isinstance(error, Exception):
            on_error(error)
        else:
            on_result(result)

    def shutdown(self, wait_ms: int = 3000) -> None:
        """Drop queued jobs and wait (bounded) for running ones; no callbacks after this."""
        self._closed = True
        self._callbacks.clear()
        self._executor.shutdown(wait=False, cancel_futures=True)
        _done, running = wait(list(self._futures), timeout=wait_ms / 1000)
        if running:
            log.warning(
                "%d worker jobs still running after %d ms at shutdown", len(running), wait_ms
            )
