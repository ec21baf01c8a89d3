"""Hold a live list's row order while the operator is aiming at it.

A live list that inserts new rows at the top moves every row under the cursor: the
operator aims at one alert and the click lands on another. `OrderHold` says when the
order must hold (the pointer is over the list, or a row is selected) and, while it
holds, keeps the rows that are shown in their places: rows that left are removed, new
ones wait in `waiting` (the panel offers "N new ↑" to bring them in). When the hold
ends (the pointer leaves with nothing selected, or the selection is cleared) it emits
`released` so the panel rebuilds in its real order.
"""

from __future__ import annotations

from collections.abc import Hashable

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import QAbstractItemView


class OrderHold(QObject):
    released = Signal()

    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view)
        self._view = view
        self._hover = False
        self._forced_release = False
        self.waiting: list[Hashable] = []
        view.viewport().installEventFilter(self)
        view.selectionModel().selectionChanged.connect(self._on_selection)

    def holding(self) -> bool:
        """True while the pointer is over the rows or a row is selected."""
        if self._forced_release:
            return False
        return self._hover or self._view.selectionModel().hasSelection()

    def arrange(self, shown: list[Hashable], wanted: list[Hashable]) -> list[Hashable]:
        """The ids to show now: `wanted` when not holding; else `shown` minus the rows
        that left, with the new rows set aside in `waiting`."""
        holding = self.holding()
        self._forced_release = False
        if not holding or not shown:
            self.waiting = []
            return list(wanted)
        keep = set(wanted)
        present = set(shown)
        self.waiting = [i for i in wanted if i not in present]
        return [i for i in shown if i in keep]

    def bring_in(self) -> None:
        """The operator asked for the waiting rows: the next arrangement is the real
        order, even with the pointer still over the list."""
        self._forced_release = True
        self.released.emit()

    def _on_selection(self, *_args: object) -> None:
        if not self.holding() and self.waiting:
            self.released.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.Enter, QEvent.Type.HoverEnter, QEvent.Type.MouseMove):
            self._hover = True
        elif kind in (QEvent.Type.Leave, QEvent.Type.HoverLeave):
            self._hover = False
            if not self.holding() and self.waiting:
                self.released.emit()
        return False
