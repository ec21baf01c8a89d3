"""Per-layer style of a user-loaded vector layer (plain data, saved in the workspace)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields, replace

INCHES_PER_METRE = 1 / 0.0254
SCREEN_DPI = 96.0


def scale_denominator(ground_metres_per_pixel: float) -> float:
    """Map scale 1:N for a 96-dpi screen (how QGIS states scales)."""
    return ground_metres_per_pixel * SCREEN_DPI * INCHES_PER_METRE


@dataclass(frozen=True, slots=True)
class VectorLayerStyle:
    fill: str = "#3b82f655"  # '#rrggbbaa'
    stroke: str = "#1d4ed8"
    width: float = 1.2  # pixels
    symbol: str = "o"  # pyqtgraph symbol names: o s t d + x star
    size: float = 8.0  # point symbol size, pixels
    label_field: str | None = None
    # QGIS semantics: shown while max_scale <= 1:N <= min_scale; None = no limit
    min_scale: float | None = None  # most zoomed-out scale denominator still shown
    max_scale: float | None = None  # most zoomed-in scale denominator still shown

    def visible_at(self, denominator: float) -> bool:
        if self.min_scale is not None and denominator > self.min_scale:
            return False
        return not (self.max_scale is not None and denominator < self.max_scale)

    def to_dict(self) -> dict[str, object]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> VectorLayerStyle:
        known = {f.name for f in fields(cls)}
        return replace(cls(), **{k: v for k, v in data.items() if k in known})  # type: ignore[arg-type]
