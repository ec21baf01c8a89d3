"""Writes the shift report: HTML (one self-contained file, images as data: URIs) or PDF
(QTextDocument lays the same HTML out on A4 pages through QPdfWriter).

Threads: the pictures (QImage painting) and the HTML may be made on a worker; the PDF's
layout (`pdf_bytes`) needs a thread with a Qt event dispatcher — the GUI thread, or the
headless report run's main thread — and takes about 0.3 s for a province-wide night;
the file itself can then be written anywhere. `write_report` does it all, for the
headless run."""

from __future__ import annotations

import base64
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QImage

from console.i18n import translate as _tr
from console.report import html
from console.report.model import ShiftReport
from widgets.html_pdf import html_pdf_bytes
from widgets.report.charts import line_chart
from widgets.report.map_image import render_map

PAGE_WIDTH_PX = 680  # the HTML's content width; the PDF scales it to the A4 text width


def images(report: ShiftReport) -> dict[str, QImage]:
    """The report's pictures by name: 'map', and 'rain' / 'level' charts when there is data."""
    out = {"map": render_map(report)}
    if report.rain_chart:
        name, t, v = report.rain_chart
        title = _tr("ShiftReport", "Accumulated rain, %1").replace("%1", name)
        out["rain"] = line_chart(title, t, v, "mm", colour="#2171b5")
    if report.level_chart:
        name, t, v, levels = report.level_chart
        title = _tr("ShiftReport", "Water level, %1").replace("%1", name)
        out["level"] = line_chart(title, t, v, "m", levels)
    return out


def _png(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data)


def write_report(report: ShiftReport, path: str | Path) -> Path:
    """Write `report` to `path`: PDF when it ends in .pdf, HTML when .html / .htm.
    Raises ValueError for another extension and OSError when the file cannot be written."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".pdf", ".html", ".htm"):
        raise ValueError(f"{path}: the report is written as .pdf or .html, not {suffix!r}")
    pictures = images(report)
    if suffix == ".pdf":
        path.write_bytes(pdf_bytes(report, pictures))
    else:
        path.write_text(html_document(report, pictures), encoding="utf-8")
    return path


def html_document(report: ShiftReport, pictures: dict[str, QImage]) -> str:
    """The standalone HTML file's text (pictures embedded as PNG data: URIs)."""
    srcs = {
        name: "data:image/png;base64," + base64.b64encode(_png(img)).decode("ascii")
        for name, img in pictures.items()
    }
    return html.render(report, srcs, PAGE_WIDTH_PX)


def pdf_bytes(report: ShiftReport, pictures: dict[str, QImage]) -> bytes:
    """The PDF file's bytes (A4 portrait). GUI / main thread: see the module docstring."""
    return html_pdf_bytes(
        html.title(report), lambda srcs, width: html.render(report, srcs, width, paper=True),
        pictures
    )
