"""What the operator sees of a selection: the halo on the map (pixels of the grabbed
canvas), and rows clicked the way a mouse clicks them."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication

HALO_INNER = "#00e5ff"  # the selection ring's colour (layers/_draw/halo.py)


def map_to_widget(canvas, x: float, y: float) -> QPoint:
    scene = canvas.view.mapViewToScene(QPointF(x, y))
    point = canvas.mapFromScene(scene)
    return QPoint(round(point.x()), round(point.y()))


def halo_pixels(canvas, x: float, y: float, radius: int = 24) -> int:
    """Pixels of the halo's colour within `radius` px of map point (x, y), as painted."""
    canvas.flush()
    QApplication.processEvents()
    image = canvas.grab().toImage()
    centre = map_to_widget(canvas, x, y)
    target = QColor(HALO_INNER)
    count = 0
    for dy in range(-radius, radius + 1):
        for dx in range(-radius, radius + 1):
            px, py = centre.x() + dx, centre.y() + dy
            if 0 <= px < image.width() and 0 <= py < image.height():
                c = image.pixelColor(px, py)
                if (
                    abs(c.red() - target.red()) < 40
                    and abs(c.green() - target.green()) < 40
                    and abs(c.blue() - target.blue()) < 40
                ):
                    count += 1
    return count


def click_row(qtbot, view: QAbstractItemView, row: int, column: int = 0) -> None:
    index = view.model().index(row, column)
    view.scrollTo(index)
    QApplication.processEvents()
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
    )


def raise_dock_of(widget) -> None:
    """Bring the dock tab holding `widget` to the front (as a click on its tab does)."""
    parent = widget.parentWidget()
    while parent is not None and parent.metaObject().className() != "QDockWidget":
        parent = parent.parentWidget()
    if parent is not None:
        parent.show()
        parent.raise_()
    QApplication.processEvents()


def type_into(qtbot, goto, text: str) -> list[str]:
    """Type `text` into the "Đi tới" box key by key and return the suggestions shown.
    QTest only knows ASCII keys: a letter with diacritics arrives as a key event carrying
    that text, as a Vietnamese keyboard (Telex/VNI input method) commits it."""
    goto.setFocus()
    goto.clear()
    for ch in text:
        if ch.isascii():
            qtbot.keyClicks(goto, ch)
        else:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(
                    goto, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch)
                )
    QApplication.processEvents()
    model = goto.completer_.completionModel()
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def centre(window) -> tuple[float, float]:
    """The map point at the centre of the canvas's view."""
    x0, y0, x1, y1 = window.canvas.extent()
    return (x0 + x1) / 2, (y0 + y1) / 2
