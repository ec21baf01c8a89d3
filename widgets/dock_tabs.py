"""Dock tabs show whole labels: "Cảnh báo", never "Cản…".

QMainWindow creates a QTabBar for each group of tabbed docks, as docks are tabified,
moved or restored, with Qt's default of eliding labels to fit. An operator cannot tell
"Cản…" (Cảnh báo, alerts) from another tab; so every such bar shows whole labels and
scroll buttons when they do not fit. `WholeTabLabels` watches the window for the bars
it creates later (ChildAdded) and fixes the ones that already exist.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QMainWindow, QTabBar


def whole_labels(bar: QTabBar) -> None:
    bar.setElideMode(Qt.TextElideMode.ElideNone)
    bar.setUsesScrollButtons(True)
    bar.setExpanding(False)


class WholeTabLabels(QObject):
    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        for bar in window.findChildren(QTabBar):
            whole_labels(bar)
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ChildAdded:
            child = event.child()
            if isinstance(child, QTabBar):
                whole_labels(child)
        return False
