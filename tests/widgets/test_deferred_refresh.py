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
