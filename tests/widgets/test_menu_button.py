"""Menu buttons ('Tạm ẩn', 'So sánh', 'Xuất'): the menu arrow stands clear of the text,
on its line, as a dropdown's arrow does."""

from __future__ import annotations

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QMenu, QPushButton

from widgets.menu_button import menu_button

_MENUS: list[QMenu] = []  # kept alive: a button does not own the menu it shows


def _menu() -> QMenu:
    menu = QMenu()
    menu.addAction("trong 30 phút")  # (an empty menu draws no arrow)
    _MENUS.append(menu)
    return menu


def _render(qtbot, like: QPushButton, text: str, with_menu: bool) -> QImage:
    """`like`, at its size, showing `text` and (or not) its arrow."""
    button = menu_button(text, _menu() if with_menu else None)
    button.setFixedSize(like.size())
    qtbot.addWidget(button)
    button.show()
    qtbot.waitExposed(button)
    return button.grab().toImage()


def _differing(a: QImage, b: QImage) -> tuple[set[int], set[int]]:
    """(columns, rows) where two renders differ."""
    points = [(x, y) for x in range(a.width()) for y in range(a.height())
              if a.pixelColor(x, y) != b.pixelColor(x, y)]
    return {x for x, _ in points}, {y for _, y in points}


def test_the_menu_arrow_stands_clear_of_the_text_on_its_line(qtbot):
    """Rendered piecewise (nothing, the text alone, the arrow alone): the arrow lies right
    of the text and within the text's rows. The tool button drew it in the bottom-right
    corner against the last letter ('Tạm ẩn⌄' read as one smudged word)."""
    button = menu_button("Tạm ẩn", _menu())
    qtbot.addWidget(button)
    button.show()
    qtbot.waitExposed(button)
    empty = _render(qtbot, button, "", with_menu=False)
    text_x, text_y = _differing(_render(qtbot, button, "Tạm ẩn", with_menu=False), empty)
    arrow_x, arrow_y = _differing(_render(qtbot, button, "", with_menu=True), empty)
    assert text_x and arrow_x
    assert min(arrow_x) - max(text_x) > 3, (max(text_x), min(arrow_x))  # clear space
    assert min(text_y) <= min(arrow_y) and max(arrow_y) <= max(text_y)  # on the text's line
