"""The dark theme darkens the map too (issue 18): sea, land and labels go dark when the
operator picks "Dark" in Settings, and every map symbol keeps a WCAG 2.1 non-text
contrast of at least 3:1 against the dark sea and the dark land (the very-heavy-rain
navy was invisible on it)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from console.app import ConsoleApp
from console.settings import Settings
from layers.map_model import MapModel
from layers.map_theme import (
    DARK,
    LIGHT,
    LIGHT_EDGE,
    MIN_SYMBOL_CONTRAST,
    contrast_ratio,
    themed,
    themed_edge,
)
from tests.conftest import map_window
from widgets.settings_dialog import SettingsDialog
from widgets.theme import apply_theme


def _opaque(colour: str) -> bool:
    return len(colour) != 9 or int(colour[7:9], 16) >= 0x80


def test_contrast_ratio_is_wcag():
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert contrast_ratio("#08306b", "#08306b") == pytest.approx(1.0)


def symbol_colours(model: MapModel) -> list[tuple[str, str, str, float]]:
    """(what, fill, outline, width) of every map symbol class of the domain layers."""
    out = []
    for layer_id in ("cameras", "incidents", "stations", "vessels"):
        for style in model.domain_layer(layer_id).styles:
            out.append((f"{layer_id}: {style.label}", style.fill, style.outline,
                        style.outline_width))
    for style in model.vessels.symbol_styles():  # the fleet's own atlas
        out.append((f"vessel symbol {style.shape}", style.fill, style.outline, 1.0))
    return out


def test_every_symbol_keeps_contrast_on_the_dark_map(qtbot):
    app = ConsoleApp(Settings(language="en"))
    model = MapModel(app)
    try:
        failures = []
        for what, fill, outline, width in symbol_colours(model):
            if not _opaque(fill) and not _opaque(outline):
                continue  # hidden on purpose (closed incidents)
            edge_outline, _w = themed_edge(fill, outline, width, DARK)
            edge = fill if _opaque(fill) else edge_outline
            if edge_outline == LIGHT_EDGE:  # outlined: the ring meets the background
                edge = edge_outline
                inside = contrast_ratio(fill, edge_outline) if _opaque(fill) else 99.0
                if inside < MIN_SYMBOL_CONTRAST:
                    failures.append(f"{what}: fill {fill} on its edge {inside:.2f}")
            for background in DARK.backgrounds():
                ratio = contrast_ratio(edge, background)
                if ratio < MIN_SYMBOL_CONTRAST:
                    failures.append(f"{what}: {edge} on {background} = {ratio:.2f}")
        assert not failures, "\n".join(failures)
        # the case the operator saw: very heavy rain keeps its navy, ringed in light
        very_heavy = next(s for s in model.stations.styles if "very heavy" in s.label)
        assert contrast_ratio(very_heavy.fill, DARK.sea) < MIN_SYMBOL_CONTRAST
        assert themed(very_heavy, DARK).outline == LIGHT_EDGE
        assert themed(very_heavy, LIGHT) == very_heavy  # the light map is unchanged
    finally:
        model.close()


def test_picking_dark_in_settings_darkens_sea_land_and_labels(qtbot):
    qt_app = QApplication.instance()
    window = map_window(qtbot, Settings(language="en"))
    try:
        canvas = window.canvas
        canvas.set_extent((12_150_000, 1_520_000, 12_190_000, 1_560_000))  # Quy Nhơn coast
        canvas.flush()
        QApplication.processEvents()
        before = canvas.grab().toImage()
        dialog = SettingsDialog(window.app.settings, window)
        qtbot.addWidget(dialog)
        dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
        dialog.accepted_settings.connect(lambda s: window.apply_settings(s, dialog.new_token))
        dialog.try_accept()
        canvas.flush()
        QApplication.processEvents()
        after = canvas.grab().toImage()

        def mean_lightness(image) -> float:
            step = 23
            values = [
                image.pixelColor(x, y).lightness()
                for x in range(0, image.width(), step)
                for y in range(40, image.height() - 40, step)
            ]
            return sum(values) / len(values)

        assert mean_lightness(before) > 170  # the light map
        assert mean_lightness(after) < 70  # sea and land went dark, not only the window
        # the sea is the dark theme's sea, the land the dark land
        colours = {after.pixelColor(x, y).name() for x in range(0, after.width(), 37)
                   for y in range(40, after.height() - 40, 37)}
        assert DARK.sea in colours and DARK.land in colours
        renderer = canvas.renderer(window.basemap_layer)
        inks = {item.sprites.ink.name() for item, _ in renderer._labels.values()}
        assert all(QColor(ink).lightness() > 150 for ink in inks)  # light labels
        # the north arrow is drawn in light ink on the dark sea
        w = after.width()
        arrow = [after.pixelColor(x, y).lightness() for x in range(w - 45, w - 15)
                 for y in range(10, 60)]
        assert max(arrow) > 200
        # the legend draws the very-heavy-rain symbol with its light edge too
        item = window.layer_panel.layer_item(window.model.stations)
        child = next(item.child(i) for i in range(item.childCount())
                     if "very heavy" in item.child(i).text(0))
        icon = child.icon(0).pixmap(16, 16).toImage()
        assert max(icon.pixelColor(x, y).lightness() for x in range(16) for y in range(16)) > 200
    finally:
        window.close()
        apply_theme(qt_app, "light")
