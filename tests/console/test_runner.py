"""JobRunner: results arrive on the GUI thread; the latest submission per key wins."""

from __future__ import annotations

import threading

from PySide6.QtCore import QThread

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


def test_latest_submission_wins(qtbot):
    runner = JobRunner(max_threads=2)
    release_first = threading.Event()
    results: list[str] = []

    def slow_first() -> str:
        release_first.wait(5)
        return "first"

    runner.submit("k", slow_first, results.append, lambda exc: None)
    runner.submit("k", lambda: "second", results.append, lambda exc: None)
    qtbot.waitUntil(lambda: results == ["second"], timeout=5000)
    release_first.set()
    runner.shutdown()  # waits for the first job; its stale result must be dropped
    assert results == ["second"]


def test_errors_reach_on_error(qtbot):
    runner = JobRunner(synchronous=True)
    errors: list[Exception] = []

    def boom() -> None:
        raise ValueError("bad")

    runner.submit("k", boom, lambda _r: None, errors.append)
    assert len(errors) == 1 and str(errors[0]) == "bad"
