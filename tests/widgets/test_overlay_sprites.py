"""Map overlays drawn from sprites look as drawn directly, are drawn once per look, and
are drawn afresh when what they show changes (the zoom for the scale bar)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRect
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen

from layers.layer_list import LayerList
from tests.widgets.test_cached_paths import _differing
from widgets.overlay_sprites import OverlaySprites


def _draw(p: QPainter) -> None:
    p.setPen(QPen(QColor("#202020"), 2))
    p.drawLine(QPointF(12, 30), QPointF(90, 30))
    font = QFont()
    font.setPointSize(9)
    font.setBold(True)
    p.setFont(font)
    p.drawText(QPointF(14, 24), "20 km")


def _image(paint) -> QImage:
    image = QImage(120, 50, QImage.Format.Format_ARGB32)
    image.fill(QColor("#c8d8e8"))
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    paint(p)
    p.end()
    return image


def test_a_sprite_looks_as_the_direct_drawing_and_is_drawn_once(qapp):
    sprites = OverlaySprites()
    direct = _image(_draw)
    rect = QRect(8, 8, 90, 30)
    assert _differing(direct, _image(lambda p: sprites.draw(p, "bar", rect, _draw))) == 0
    assert _differing(direct, _image(lambda p: sprites.draw(p, "bar", rect, _draw))) == 0
    assert sprites.renders == 1
    _image(lambda p: sprites.draw(p, "other", rect, _draw))
    assert sprites.renders == 2  # another key: another sprite


def test_the_scale_bar_follows_the_zoom(qtbot):
    from widgets.map_canvas import MapCanvas

    canvas = MapCanvas(LayerList())
    qtbot.addWidget(canvas)
    canvas.resize(500, 300)
    canvas.show()
    qtbot.waitExposed(canvas)
    canvas.set_extent((1.2e7, 1.5e6, 1.21e7, 1.56e6), padding=0)
    corner = QRect(0, 240, 200, 60)
    before_label = canvas.scale_bar()[1]
    before = canvas.grab().toImage().copy(corner)
    canvas.zoom(4.0)
    after_label = canvas.scale_bar()[1]
    after = canvas.grab().toImage().copy(corner)
    assert before_label != after_label
    assert _differing(before.convertToFormat(QImage.Format.Format_ARGB32),
                      after.convertToFormat(QImage.Format.Format_ARGB32)) > 20
    canvas.zoom(0.25)  # back: the first sprite again, not a new one
    renders = canvas.sprites.renders
    again = canvas.grab().toImage().copy(corner)
    assert canvas.sprites.renders == renders
    assert _differing(before.convertToFormat(QImage.Format.Format_ARGB32),
                      again.convertToFormat(QImage.Format.Format_ARGB32)) == 0
    canvas.close_canvas()


def test_a_pdf_gets_the_vector_drawing(qapp, tmp_path):
    import tempfile

    from PySide6.QtGui import QPdfWriter
    with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
        writer = QPdfWriter(f.name)
        p = QPainter(writer)
        sprites = OverlaySprites()
        sprites.draw(p, "bar", QRect(8, 8, 90, 30), _draw)
        p.end()
        assert sprites.renders == 0


def test_overlays_follow_the_theme(qtbot):
    """The north arrow is a sprite too: after a theme change it looks as on a map that
    was dark from its first paint."""
    from layers.map_theme import DARK
    from widgets.map_canvas import MapCanvas

    def canvas_at(dark: bool) -> MapCanvas:
        canvas = MapCanvas(LayerList())
        qtbot.addWidget(canvas)
        canvas.resize(500, 300)
        if dark:
            canvas.set_theme(DARK)
        canvas.show()
        qtbot.waitExposed(canvas)
        return canvas

    arrow = QRect(500 - 44, 8, 28, 52)

    def arrow_of(canvas: MapCanvas) -> QImage:
        image = canvas.grab().toImage().copy(arrow)
        return image.convertToFormat(QImage.Format.Format_ARGB32)

    switched, dark = canvas_at(False), canvas_at(True)
    light = arrow_of(switched)
    switched.set_theme(DARK)
    assert _differing(arrow_of(switched), arrow_of(dark)) == 0
    assert _differing(light, arrow_of(dark)) > 50
    for canvas in (switched, dark):
        canvas.close_canvas()
