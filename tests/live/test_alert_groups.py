"""Alarm floods (ISA-18.2 / EEMUA 191): alerts of one kind, severity and state fold
into one expandable row; nothing is hidden (every member reachable); acting on the
group acts on every member; a burst past the flood rate is said in the inbox."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from console.i18n import translate_later as _trl
from console.rules.alert_groups import AlertGroup, group_rows
from console.rules.alerts import AlertInbox
from console.rules.config import AlertSettings
from tests.live.test_alert_inbox_shift import Clock, make_panel

COMMUNES = [f"Xã {i:02d}" for i in range(70)]


def _storm(inbox: AlertInbox, clock: Clock) -> None:
    """The storm's first minutes: 70 gauges of very heavy rain, 8 of heavy rain, two
    cameras offline, one critical water level."""
    with inbox.batch():
        for i, name in enumerate(COMMUNES):
            clock.t += 1
            inbox.raise_alert(f"rain:RG-{i:02d}", "rain", "medium",
                              _trl("StationRules", "Very heavy rain: %1").args(name),
                              "m", f"RG-{i:02d}", 108.8 + i * 0.01, 14.0 + i * 0.01)
        for i in range(8):
            inbox.raise_alert(f"rainheavy:RH-{i}", "rain", "low",
                              _trl("StationRules", "Heavy rain: %1").args(f"Phường {i}"),
                              "m", f"RH-{i}", 109.0, 13.9)
        inbox.raise_alert("camera:c1:offline", "camera", "medium", "Camera offline: QL1",
                          "m", "c1", 109.1, 13.8)
        inbox.raise_alert("camera:c2:offline", "camera", "medium", "Camera offline: QL19",
                          "m", "c2", 109.1, 13.8)
        inbox.raise_alert("water:s1", "water_level", "critical", "Above BĐ3: Thạnh Hòa", "m",
                          "s1", 108.9, 14.0)


def test_grouping_folds_one_kind_and_keeps_the_inbox_order():
    clock = Clock()
    inbox = AlertInbox(AlertSettings(), now=clock, wall=clock)
    _storm(inbox, clock)
    rows = group_rows(inbox.inbox_order(), min_group=3)
    # critical first, then medium newest first (the cameras), then low
    assert [type(r).__name__ for r in rows] == ["Alert", "Alert", "Alert", "AlertGroup",
                                                "AlertGroup"]
    very_heavy = rows[3]
    assert isinstance(very_heavy, AlertGroup) and len(very_heavy.members) == 70
    assert very_heavy.title().startswith("Very heavy rain: 70 gauges — Xã 69, Xã 68, ")
    assert very_heavy.title().endswith(", …")
    members = [a for r in rows for a in (r.members if isinstance(r, AlertGroup) else [r])]
    assert sorted(a.id for a in members) == sorted(a.id for a in inbox.inbox_order())
    assert group_rows(inbox.inbox_order(), min_group=1) == inbox.inbox_order()


def _panel(qtbot):
    inbox, panel, clock = make_panel(qtbot, sound="off", group_min=3)
    return clock, inbox, panel


def _row_of(panel, row_id) -> int:
    return panel.model.ids.index(row_id)


def _double_click(qtbot, panel, row: int) -> None:
    rect = panel.view.visualRect(panel.proxy.index(row, 3))
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_storm_start_is_a_handful_of_rows_and_every_member_is_reachable(qtbot):
    clock, inbox, panel = _panel(qtbot)
    _storm(inbox, clock)
    panel.refresh()
    qtbot.waitUntil(lambda: panel.model.rowCount() > 0, timeout=3000)
    assert panel.model.rowCount() == 5  # not 81
    assert panel.flood.isVisible() and "81" in panel.flood.text()
    group_ids = [i for i in panel.model.ids if isinstance(i, str)]
    assert len(group_ids) == 2
    for key in group_ids:  # the operator opens each group with a double-click
        _double_click(qtbot, panel, _row_of(panel, key))
        qtbot.waitUntil(lambda k=key: k in panel.expanded, timeout=3000)
    shown = {i[1] if isinstance(i, tuple) else i for i in panel.model.ids
             if not isinstance(i, str)}
    assert shown == {a.id for a in inbox.inbox_order()}
    # and closes one with the left arrow key
    key = group_ids[0]
    panel.view.setFocus()
    panel.view.setCurrentIndex(panel.proxy.index(_row_of(panel, key), 0))
    qtbot.keyClick(panel.view, Qt.Key.Key_Left)
    assert key not in panel.expanded
    panel.stop()


def test_acknowledging_a_group_acknowledges_every_member(qtbot):
    clock, inbox, panel = _panel(qtbot)
    _storm(inbox, clock)
    panel.refresh()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 5, timeout=3000)
    group = next(i for i in panel.model.ids if isinstance(i, str) and "rain" in i
                 and "medium" in i)
    rect = panel.view.visualRect(panel.proxy.index(_row_of(panel, group), 3))
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseClick(panel.ack, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    very_heavy = [a for a in inbox.inbox_order() if a.key.startswith("rain:")]
    assert len(very_heavy) == 70 and all(a.ack_by == "op.lan" for a in very_heavy)
    assert not any(a.acknowledged for a in inbox.inbox_order() if not a.key.startswith("rain:"))
    panel.stop()


def test_flood_ends_when_the_rate_falls(qtbot):
    clock, inbox, panel = _panel(qtbot)
    for i in range(3):  # standing: open since before the flood
        inbox.raise_alert(f"water:s{i}", "water_level", "medium", f"Above BĐ1: {i}", "m")
    clock.t += inbox.settings.flood_window_s + 1
    for i in range(11):
        inbox.raise_alert(f"camera:c{i}", "camera", "medium", f"Camera offline: {i}", "m")
    panel.refresh()
    assert panel.flood.isVisible()
    assert "11 new alerts" in panel.flood.text() and "3 standing" in panel.flood.text()
    clock.t += inbox.settings.flood_window_s + 1
    panel.refresh()
    assert not panel.flood.isVisible()
    panel.stop()


def test_what_a_starting_console_finds_is_standing_not_a_flood(qtbot):
    """A console that starts in the middle of a storm finds 40 conditions already under
    way (onsets before it began watching): they stand, they are no alarm flood. Eleven
    that begin after it started are one."""
    clock, inbox, panel = _panel(qtbot)
    inbox.watch_from = clock.t
    for i in range(40):  # under way for an hour already
        inbox.raise_alert(f"rain:r{i}", "rain", "medium", f"Heavy rain: {i}", "m",
                          at=clock.t - 3600 + i)
    panel.refresh()
    assert not panel.flood.isVisible() and inbox.standing_count() == 40
    for i in range(11):
        inbox.raise_alert(f"camera:c{i}", "camera", "medium", f"Camera offline: {i}", "m",
                          at=clock.t + 1)
    panel.refresh()
    assert panel.flood.isVisible()
    assert "11 new alerts" in panel.flood.text() and "40 standing" in panel.flood.text()
    panel.stop()
