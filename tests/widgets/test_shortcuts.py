"""Frequent actions have keyboard shortcuts, no two actions share one, and tooltips show
them."""

from __future__ import annotations

from collections import Counter

from PySide6.QtGui import QAction

from console.app import ConsoleApp
from console.settings import Settings
from widgets.main_window import MainWindow


def test_frequent_actions_have_unique_shortcuts_shown_in_tooltips(qtbot):
    window = MainWindow(ConsoleApp(Settings(backend_url="http://127.0.0.1:9")))
    qtbot.addWidget(window)
    actions = [a for a in window.findChildren(QAction) if not a.shortcut().isEmpty()]
    keys = Counter(a.shortcut().toString() for a in actions)
    assert [k for k, n in keys.items() if n > 1] == []
    by_text = {a.text().replace("&", ""): a.shortcut().toString() for a in actions}
    for text in ("Quit", "Settings…", "Measure distance / area", "Zoom in", "Zoom out",
                 "Previous view", "Next view", "HTML map (offline)…", "Alerts", "Inspector",
                 "Add layer from file…", "Save workspace…"):
        assert by_text.get(text), f"no shortcut for {text!r}"
    for action in actions:
        assert action.shortcut().toString() in action.toolTip()
    window.close()
