"""The part every flat list model of the console shares: its columns are its titles."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt


class TitledTableModel(QAbstractTableModel):
    """A flat table model whose columns are `titles` (translated header texts, set by the
    subclass): the column count and the horizontal header come from them alone."""

    titles: Sequence[str] = ()

    def columnCount(
        self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()  # noqa: B008
    ) -> int:
        return 0 if parent.isValid() else len(self.titles)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        """The title; whole in the tooltip, and left-aligned: a centred title wider than
        its column was cut at both ends ('…it tín hiệu tro…' for 'Mất tín hiệu trong'),
        a left-aligned one keeps its first words."""
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.titles[section]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return None
