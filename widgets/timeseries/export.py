"""Export what a chart shows: PNG, SVG (vector) and CSV (UTC and Vietnam-time columns).

pyqtgraph 0.14's SVGExporter crashes under PySide6 (pyqtgraph issue 3485), so SVG is
drawn by Qt itself: the chart's QGraphicsScene renders into a QSvgGenerator. CSV rows
carry the quality flags so a suspect reading exported is still marked suspect.
GUI thread (rendering); writing is quick local disk I/O started by an operator action.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QGraphicsView

from console.series import quality
from console.timefmt import VIETNAM

CSV_HEADER = ("station_id", "time_utc", "time_local", "value", "unit", "flags")


def export_png(view: QGraphicsView, path: str | Path, scale: float = 1.0) -> None:
    """Render the visible chart into a PNG (``scale`` 2 gives print resolution)."""
    size = view.viewport().size()
    image = QImage(
        QSize(int(size.width() * scale), int(size.height() * scale)), QImage.Format.Format_ARGB32
    )
    image.fill(0xFFFFFFFF)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.render(painter, QRectF(image.rect()), view.viewport().rect())
    painter.end()
    if not image.save(str(path), "PNG"):
        raise OSError(f"could not write {path}")


def export_svg(view: QGraphicsView, path: str | Path, title: str = "") -> None:
    """Render the visible chart as SVG with QSvgGenerator (not pyqtgraph's exporter)."""
    rect = view.viewport().rect()
    generator = QSvgGenerator()
    generator.setFileName(str(path))
    generator.setSize(rect.size())
    generator.setViewBox(rect)
    generator.setTitle(title)
    generator.setDescription("IOC Console chart")
    painter = QPainter()
    if not painter.begin(generator):
        raise OSError(f"could not write {path}")
    painter.fillRect(rect, 0xFFFFFF)
    view.render(painter, QRectF(rect), rect)
    painter.end()


def _flag_names(bits: int) -> str:
    return "|".join(f.name or "" for f in quality.Flag if f and bits & int(f))


def csv_rows(
    station_id: str, unit: str, series: quality.CleanSeries, t0: float, t1: float
) -> Iterable[tuple[str, str, str, str, str, str]]:
    i0, i1 = np.searchsorted(series.t, [t0, t1], side="left")
    i1 = np.searchsorted(series.t, t1, side="right")
    for t, v, f in zip(series.t[i0:i1], series.value[i0:i1], series.flags[i0:i1], strict=True):
        moment = datetime.fromtimestamp(float(t), tz=UTC)
        yield (
            station_id,
            moment.isoformat().replace("+00:00", "Z"),
            moment.astimezone(VIETNAM).isoformat(),
            "" if not np.isfinite(v) else repr(float(v)),
            unit,
            _flag_names(int(f)),
        )


def export_csv(
    path: str | Path,
    blocks: Iterable[tuple[str, str, quality.CleanSeries]],
    t0: float,
    t1: float,
) -> int:
    """Write readings of every (station id, unit, series) within [t0, t1]; returns rows."""
    count = 0
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(CSV_HEADER)
        for station_id, unit, series in blocks:
            for row in csv_rows(station_id, unit, series, t0, t1):
                writer.writerow(row)
                count += 1
    return count


def read_csv(path: str | Path) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """Read an exported CSV back: station id -> (t UTC epoch seconds, values with NaN)."""
    out: dict[str, tuple[list[float], list[float]]] = {}
    with open(path, newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            t = datetime.fromisoformat(row["time_utc"].replace("Z", "+00:00")).timestamp()
            v = float(row["value"]) if row["value"] else float("nan")
            ts, vs = out.setdefault(row["station_id"], ([], []))
            ts.append(t)
            vs.append(v)
    return {k: (np.asarray(a), np.asarray(b)) for k, (a, b) in out.items()}
