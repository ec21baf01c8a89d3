"""Map layers: a layer binds data to a style, answers "what is here?" and lists its legend.

Layers hold no pixels: renderers (`render.py` modules, looked up in `registry.py`)
draw them. A layer emits `changed` when what it would draw changed (data or style);
the map canvas coalesces those into one redraw per frame.

Signals (each only on a real change):
- `changed()`: redraw needed.
- `visibility_changed(bool)`.
- `opacity_changed(float)`: the renderer applies it to its items; nothing to redraw.
- `highlight_changed()`: the highlighted (selected) item changed; the renderer moves its
  halo, nothing else is redrawn.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from PySide6.QtCore import QObject, Signal


@dataclass(frozen=True, slots=True)
class PointStyle:
    """How one class of points is drawn. `symbol` uses pyqtgraph's names (o, s, t, d, ...)."""

    label: str
    symbol: str
    size: float
    fill: str  # '#rrggbb' or '#rrggbbaa'
    outline: str = "#202020"
    outline_width: float = 1.0
    z: int = 0  # draw order between classes of one layer (higher on top; ties: class order)


@dataclass(frozen=True, slots=True)
class LegendEntry:
    label: str
    style: PointStyle | None = None
    line_color: str | None = None
    fill_color: str | None = None


@dataclass(frozen=True, slots=True)
class Hit:
    """One feature under the cursor, with what the inspector should show."""

    layer_id: str
    item_id: str
    distance: float  # map units from the click
    title: str
    attributes: list[tuple[str, str]] = field(default_factory=list)
    # attribute key -> '#rrggbb' swatch shown beside its value: the official colour of a
    # disaster risk level (Decision 18/2021, Art. 4), never a decoration of other values
    colours: dict[str, str] = field(default_factory=dict)


class MapLayer(QObject):
    changed = Signal()
    visibility_changed = Signal(bool)
    opacity_changed = Signal(float)
    highlight_changed = Signal()

    live = False  # live layers count for "first data on every layer"

    def __init__(self, layer_id: str, title: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.layer_id = layer_id
        self.title = title
        self._visible = True
        self._opacity = 1.0
        self._highlight: str | None = None

    @property
    def visible(self) -> bool:
        return self._visible

    def set_visible(self, visible: bool) -> None:
        if visible != self._visible:
            self._visible = visible
            self.visibility_changed.emit(visible)

    @property
    def opacity(self) -> float:
        return self._opacity

    def set_opacity(self, opacity: float) -> None:
        """0 (transparent) .. 1 (opaque); values outside are clamped."""
        opacity = max(0.0, min(1.0, float(opacity)))
        if opacity != self._opacity:
            self._opacity = opacity
            self.opacity_changed.emit(opacity)

    @property
    def highlight(self) -> str | None:
        """The id of the item the operator selected on this layer (the map model sets
        it: a selection made anywhere is marked on the map), or None."""
        return self._highlight

    def set_highlight(self, item_id: str | None) -> None:
        if item_id != self._highlight:
            self._highlight = item_id
            self.highlight_changed.emit()

    def highlight_position(self) -> tuple[float, float] | None:
        """Where the highlighted item is now (map units), or None (none, or this kind of
        layer draws no halo)."""
        return None

    def has_data(self) -> bool:
        return True

    def extent(self) -> tuple[float, float, float, float] | None:
        """(xmin, ymin, xmax, ymax) in map units, or None if empty."""
        return None

    def hit_test(self, x: float, y: float, tolerance: float) -> list[Hit]:
        return []

    def legend(self) -> list[LegendEntry]:
        return []

    def close(self) -> None:
        """Disconnect from data sources; the layer will not be used again."""


def points_extent(x: np.ndarray, y: np.ndarray) -> tuple[float, float, float, float] | None:
    ok = np.isfinite(x) & np.isfinite(y)
    if not ok.any():
        return None
    return float(x[ok].min()), float(y[ok].min()), float(x[ok].max()), float(y[ok].max())
