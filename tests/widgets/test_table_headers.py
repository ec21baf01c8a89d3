"""List headers narrower than their titles keep the titles' first words (and the whole
title in the tooltip) instead of being cut at both ends."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QWidget

from widgets.live.simple_table import row_table


def _header_image(qtbot, title: str) -> tuple[QImage, int, object]:
    """A sorted list's header with `title` in a 100-px column: (picture, column start,
    model)."""
    owner = QWidget()
    qtbot.addWidget(owner)
    model, _proxy, view = row_table(["Số đăng ký", title, "Vị trí"], owner)
    qtbot.addWidget(view)
    view.resize(400, 200)
    view.setSortingEnabled(True)
    view.sortByColumn(1, Qt.SortOrder.DescendingOrder)  # as the dark list is: its arrow too
    view.show()
    qtbot.waitExposed(view)
    header = view.horizontalHeader()
    header.resizeSection(1, 100)
    return header.grab().toImage(), header.sectionViewportPosition(1), model


def test_a_title_wider_than_its_column_keeps_its_first_words(qtbot):
    """'Mất tín hiệu trong' in a column too narrow for it: its start is drawn exactly as
    the word 'Mất' alone would be; centred, it was clipped at both ends ('ất tín hiệu
    tron')."""
    long, left, model = _header_image(qtbot, "Mất tín hiệu trong")
    short, _left, _model = _header_image(qtbot, "Mất")
    start = range(left + 1, left + 28)  # about the width of "Mất"
    assert all(long.pixelColor(x, y) == short.pixelColor(x, y)
               for x in start for y in range(long.height()))
    assert model.headerData(1, Qt.Orientation.Horizontal,
                            Qt.ItemDataRole.ToolTipRole) == "Mất tín hiệu trong"
