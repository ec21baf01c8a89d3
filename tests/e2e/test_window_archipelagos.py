"""The window's own picture (what --screenshot saves, what an operator shares) names
both archipelagos, whatever the map shows: its overview inset draws "Quần đảo Hoàng Sa"
and "Quần đảo Trường Sa" as text. Checked by painting the window into a PDF (the same
paint code as a screenshot, but its text can be read back) at the province view and
zoomed on Quy Nhơn harbour, where neither archipelago is in the map's own view."""

from __future__ import annotations

import re
import subprocess

import pytest
from PySide6.QtCore import QMarginsF, QPoint
from PySide6.QtGui import QPageLayout, QPageSize, QPainter, QPdfWriter

from console.geo.crs import lonlat_to_map_scalar
from console.i18n import install_translator
from console.settings import PollIntervals
from tests.conftest import open_live_window
from tests.externals import require_program


@pytest.fixture
def window(qtbot, live_backend):
    from PySide6.QtWidgets import QApplication

    translator = install_translator(QApplication.instance(), "vi")
    win = open_live_window(qtbot, live_backend, PollIntervals(5, 5, 5, 5), size=(1600, 1000))
    yield win
    win.close()
    QApplication.instance().removeTranslator(translator)


def _window_text(window, path) -> str:
    pdftotext = require_program("pdftotext", install_hint="apt-get install -y poppler-utils")
    writer = QPdfWriter(str(path))
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A3),
                                     QPageLayout.Orientation.Landscape, QMarginsF(0, 0, 0, 0)))
    writer.setResolution(96)
    painter = QPainter(writer)
    window.render(painter, QPoint(0, 0))
    painter.end()
    out = subprocess.run([pdftotext, str(path), "-"], capture_output=True, text=True,
                         check=True).stdout
    return re.sub(r"\s+", " ", out)


def test_window_picture_names_both_archipelagos_at_every_zoom(window, tmp_path):
    window.flush_pending()
    province = _window_text(window, tmp_path / "province.pdf")
    x, y = lonlat_to_map_scalar(109.23, 13.77)
    window.canvas.set_extent((x - 3000, y - 3000, x + 3000, y + 3000))
    window.flush_pending()
    harbour = _window_text(window, tmp_path / "harbour.pdf")
    for text in (province, harbour):
        assert "Quần đảo Hoàng Sa" in text and "Quần đảo Trường Sa" in text
