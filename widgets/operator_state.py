"""The operator's filters and searches survive a rebuild of the main window.

Why: a language switch rebuilds the window (widgets/window_host.py), and every filter
combo and search box would come back at its default: the operator loses the incident
filter and the vessel search they were working with. Widgets that hold such state are
marked with `keep(widget, name)`; `snapshot` reads the marked widgets of the old window
and `restore` sets them on the new one, matched by name. Combos are matched by item
data (not the translated text), so the choice survives the change of language.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit, QWidget

PROPERTY = "keptAcrossRebuild"


def keep(widget: QWidget, name: str) -> None:
    """Mark `widget` (a combo, a line edit or a checkable button) as operator state."""
    widget.setObjectName(name)
    widget.setProperty(PROPERTY, True)


def _marked(root: QWidget) -> list[QWidget]:
    return [w for w in root.findChildren(QWidget) if w.property(PROPERTY) and w.objectName()]


def snapshot(root: QWidget) -> dict[str, tuple[str, Any]]:
    """The state of the marked widgets under `root`, by object name."""
    state: dict[str, tuple[str, Any]] = {}
    for w in _marked(root):
        if isinstance(w, QComboBox):
            state[w.objectName()] = ("combo", (w.currentIndex(), w.currentData()))
        elif isinstance(w, QLineEdit):
            state[w.objectName()] = ("text", w.text())
        elif isinstance(w, QAbstractButton) and w.isCheckable():
            state[w.objectName()] = ("checked", w.isChecked())
    return state


def restore(root: QWidget, state: dict[str, tuple[str, Any]]) -> None:
    """Put `state` (from `snapshot`) back on the marked widgets under `root`."""
    for w in _marked(root):
        kind, value = state.get(w.objectName(), (None, None))
        if kind == "combo" and isinstance(w, QComboBox):
            index, data = value
            found = w.findData(data) if data is not None else -1
            w.setCurrentIndex(found if found >= 0 else index)
        elif kind == "text" and isinstance(w, QLineEdit):
            w.setText(value)
        elif kind == "checked" and isinstance(w, QAbstractButton):
            w.setChecked(value)
