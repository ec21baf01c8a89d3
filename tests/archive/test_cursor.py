"""The one replay cursor: clamps to the archive, emits only on change, plays at speed."""

from __future__ import annotations

from console.replay.cursor import ReplayCursor


def test_cursor_clamps_and_emits_only_real_changes(qtbot):
    cursor = ReplayCursor(1000.0, 5000.0)
    seen: list[float] = []
    cursor.time_changed.connect(seen.append)
    cursor.set_time(99999.0)
    cursor.set_time(5000.0)  # same time: no signal
    cursor.step(-600.0)
    cursor.set_time(-5.0)
    assert seen == [5000.0, 4400.0, 1000.0]
    cursor.set_speed(10**6)
    assert cursor.speed == 3600.0  # 1x .. 3600x


def test_play_advances_at_speed_and_stops_at_the_end(qtbot):
    cursor = ReplayCursor(0.0, 7200.0)
    cursor.set_speed(3600.0)
    with qtbot.waitSignal(cursor.playing_changed, timeout=5000) as started:
        cursor.play()
    assert started.args == [True]
    qtbot.waitUntil(lambda: cursor.time > 0.0, timeout=5000)
    with qtbot.waitSignal(cursor.playing_changed, timeout=10000) as stopped:
        pass  # two simulated hours at 3600x: about two seconds
    assert stopped.args == [False]
    assert cursor.time == 7200.0 and not cursor.playing
