"""HTML laid out on A4 pages as a PDF (QTextDocument through QPdfWriter): the shift
report and the danger-zone list share it.

Needs a thread with a Qt event dispatcher (the GUI thread, or a headless run's main
thread); the bytes it returns can be written to disk anywhere."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QSizeF, QUrl
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPdfWriter, QTextDocument


def html_pdf_bytes(
    title: str,
    html_for_width: Callable[[Mapping[str, str], int], str],
    images: Mapping[str, QImage] | None = None,
    landscape: bool = False,
) -> bytes:
    """`html_for_width(sources, width_px)` gives the HTML for a text width of `width_px`,
    with each image of `images` named by its `sources[name]` URL."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(96)
    orientation = (QPageLayout.Orientation.Landscape if landscape
                   else QPageLayout.Orientation.Portrait)
    writer.setPageLayout(
        QPageLayout(QPageSize(QPageSize.PageSizeId.A4), orientation,
                    QMarginsF(12, 12, 12, 12), QPageLayout.Unit.Millimeter)
    )
    writer.setTitle(title)
    writer.setCreator("IOC Console")
    doc = QTextDocument()
    doc.setDocumentMargin(0)
    width_px = writer.pageLayout().paintRectPixels(writer.resolution()).width()
    doc.setPageSize(QSizeF(width_px, writer.pageLayout().paintRectPixels(96).height()))
    images = images or {}
    for name, image in images.items():
        doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(f"img:{name}"), image)
    doc.setHtml(html_for_width({name: f"img:{name}" for name in images}, int(width_px) - 4))
    doc.print_(writer)
    del writer  # finishes the PDF into the buffer
    buffer.close()
    return bytes(data)
