"""A button that opens its menu on click ("Shelve ▾", "Compare ▾", "Export ▾").

Why a push button: Fusion draws an instant-popup tool button's small menu arrow in the
bottom-right corner of a button only as wide as its text, against the last letter ('Tạm
ẩn⌄' read as one smudged word); a push button with a menu sizes itself for the arrow
and draws it on the text's line, clear of it."""

from __future__ import annotations

from PySide6.QtWidgets import QMenu, QPushButton, QWidget


def menu_button(text: str, menu: QMenu | None = None,
                parent: QWidget | None = None) -> QPushButton:
    button = QPushButton(text, parent)
    if menu is not None:
        button.setMenu(menu)
    return button
