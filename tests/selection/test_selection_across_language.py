"""The selection survives a language switch (issue 18): the station picked in the list
is still selected in the rebuilt window, shown in the inspector and ringed on the map."""

from __future__ import annotations

from tests.selection.helpers import click_row, raise_dock_of
from tests.widgets.test_language_switch_state import host, switch_language

__all__ = ["host"]  # the fixture, shared with the language-switch tests


def test_switch_keeps_the_selection(qtbot, host):
    old = host.window
    stations = old.services.live.stations
    raise_dock_of(stations)
    qtbot.waitUntil(lambda: stations.proxy.rowCount() > 3, timeout=10000)
    click_row(qtbot, stations.view, 2)
    qtbot.waitUntil(lambda: old.model.selection is not None, timeout=3000)
    chosen = old.model.selection
    switch_language(qtbot, host, "en")
    new = host.window
    assert new is not old
    assert new.model.selection == chosen
    name = new.app.stations.get(chosen.item_id).name
    qtbot.waitUntil(lambda: name in new.inspector.heading.text(), timeout=3000)
    assert new.model.stations.highlight == chosen.item_id
