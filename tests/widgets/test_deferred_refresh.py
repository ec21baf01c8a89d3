"""Live list panels rebuild once per burst of changes, and not while hidden."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from widgets.live.deferred_refresh import DeferredRefresh


def test_bursts_coalesce_and_hidden_panels_rebuild_when_shown(qtbot):
    panel = QWidget()
    qtbot.addWidget(panel)
    rebuilt: list[int] = []
    deferred = DeferredRefresh(panel, lambda: rebuilt.append(1), delay_ms=30)

    deferred.refresh()  # hidden: owed, not done
    assert rebuilt == [] and deferred.stale
    panel.show()
    qtbot.waitExposed(panel)
    assert rebuilt == [1] and not deferred.stale  # shown: the owed rebuild

    for _ in range(5):  # a burst of store changes
        deferred.schedule()
    qtbot.waitUntil(lambda: len(rebuilt) == 2, timeout=2000)
    assert not deferred._timer.isActive()  # one rebuild for the whole burst

    panel.hide()
    deferred.schedule()
    qtbot.waitUntil(lambda: deferred.stale, timeout=2000)  # came due while hidden
    assert len(rebuilt) == 2
    deferred.stop()


def test_a_refresh_asked_for_during_a_rebuild_runs_after_it(qtbot):
    """A rebuild's own signals can ask for another (the alert list's held order is
    released from inside a row's removal): it runs after the rebuild under way, never
    inside it, and a rebuild that keeps asking does not loop."""
    panel = QWidget()
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    calls: list[str] = []
    depth = [0]
    asks = [1]

    def rebuild() -> None:
        depth[0] += 1
        calls.append(f"start@{depth[0]}")
        if asks[0]:
            asks[0] -= 1
            deferred.refresh()  # asked for from inside
        calls.append("end")
        depth[0] -= 1

    deferred = DeferredRefresh(panel, rebuild, delay_ms=30)
    calls.clear()  # the Show event's owed rebuild is not under test
    deferred.refresh()
    assert calls == ["start@1", "end", "start@1", "end"]

    asks[0] = 1000  # every rebuild asks for another
    calls.clear()
    deferred.refresh()
    assert calls == ["start@1", "end", "start@1", "end"]  # then the timer, not a loop
    assert deferred._timer.isActive()
    asks[0] = 0
    qtbot.waitUntil(lambda: len(calls) == 6, timeout=2000)  # the owed one, on the timer
    deferred.stop()
