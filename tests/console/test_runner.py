"""JobRunner: results arrive on the GUI thread; the latest submission per key wins."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, QThread, Slot

from console.live.runner import JobRunner


def test_result_delivered_on_gui_thread(qtbot):
    runner = JobRunner(max_threads=2)
    seen: dict[str, object] = {}
    gui_thread = QThread.currentThread()

    def job() -> str:
        seen["worker"] = threading.current_thread() is not threading.main_thread()
        return "done"

    def on_result(value: str) -> None:
        seen["value"] = value
        seen["on_gui"] = QThread.currentThread() is gui_thread

    runner.submit("k", job, on_result, lambda exc: seen.setdefault("error", exc))
    qtbot.waitUntil(lambda: "value" in seen, timeout=5000)
    assert seen == {"worker": True, "value": "done", "on_gui": True}
    runner.shutdown()


class _RelayProbe(QObject):
    """Records each job completion the runner's relay carries to the GUI thread.

    Connected after the runner's own delivery slot and living on the GUI thread too, so
    its queued call runs after the runner has handled (delivered or dropped) the same
    completion: once the probe has seen a generation, the runner has decided about it.
    """

    def __init__(self) -> None:
        super().__init__()
        self.generations: list[int] = []

    @Slot(str, int, object, object)
    def record(self, _key: str, generation: int, _result: object, _error: object) -> None:
        self.generations.append(generation)


def test_latest_submission_wins(qtbot):
    runner = JobRunner(max_threads=2)
    probe = _RelayProbe()
    runner._relay.finished.connect(probe.record)  # observe completions, see _RelayProbe
    release_first = threading.Event()
    results: list[str] = []

    def slow_first() -> str:
        release_first.wait(5)
        return "first"

    runner.submit("k", slow_first, results.append, lambda exc: None)
    runner.submit("k", lambda: "second", results.append, lambda exc: None)
    qtbot.waitUntil(lambda: results == ["second"], timeout=5000)
    # the stale job now finishes while the runner is open and the second job is current
    release_first.set()
    qtbot.waitUntil(lambda: 1 in probe.generations, timeout=5000)
    assert results == ["second"]  # the stale "first" was dropped, not delivered late
    runner.shutdown()


def test_errors_reach_on_error(qtbot):
    runner = JobRunner(synchronous=True)
    errors: list[Exception] = []

    def boom() -> None:
        raise ValueError("bad")

    runner.submit("k", boom, lambda _r: None, errors.append)
    assert len(errors) == 1 and str(errors[0]) == "bad"
