"""Writes the shift report: HTML (one self-contained file, images as data: URIs) or PDF
(QTextDocument lays the same HTML out on A4 pages through QPdfWriter). Runs on the GUI
thread or the headless report run's main thread (QImage / QTextDocument); a report
takes about a second, for a one-off action or a scheduled run."""

from __future__ import annotations

import base64
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QSizeF, QUrl
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from console.i18n import translate as _tr
from console.report import html
from console.report.model import ShiftReport
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
        _write_pdf(report, pictures, path)
    else:
        srcs = {
            name: "data:image/png;base64," + base64.b64encode(_png(img)).decode("ascii")
            for name, img in pictures.items()
        }
        path.write_text(html.render(report, srcs, PAGE_WIDTH_PX), encoding="utf-8")
    return path


def _write_pdf(report: ShiftReport, pictures: dict[str, QImage], path: Path) -> None:
    if not path.parent.is_dir():
        raise OSError(f"{path.parent}: no such folder")
    writer = QPdfWriter(str(path))
    writer.setResolution(96)
    writer.setPageLayout(
        QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                    QMarginsF(12, 12, 12, 12), QPageLayout.Unit.Millimeter)
    )
    writer.setTitle(html.title(report))
    writer.setCreator("IOC Console")
    doc = QTextDocument()
    doc.setDocumentMargin(0)
    width_px = writer.pageLayout().paintRectPixels(writer.resolution()).width()
    doc.setPageSize(QSizeF(width_px, writer.pageLayout().paintRectPixels(96).height()))
    for name, image in pictures.items():
        doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(f"img:{name}"), image)
    srcs = {name: f"img:{name}" for name in pictures}
    doc.setHtml(html.render(report, srcs, int(width_px) - 4))
    doc.print_(writer)
    if not path.is_file() or path.stat().st_size == 0:
        raise OSError(f"could not write {path}")
