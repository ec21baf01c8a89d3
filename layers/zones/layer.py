"""Zones layer: the configured geofences (coastal / inshore zones, restricted areas, the
permitted fishing boundary) with their meaning in the legend and inspector."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from console.rules.geofence import Zone
from layers.base import Hit, LegendEntry, MapLayer

_tr = QCoreApplication.translate

# (line colour, fill colour) per rule
ZONE_STYLE = {
    "no_fishing": ("#1b7f8c", "#1b7f8c18"),
    "no_entry": ("#c2185b", "#c2185b30"),
    "permitted_boundary": ("#b71c1c", None),
}


class ZoneLayer(MapLayer):
    def __init__(self, zones: list[Zone], language: str = "vi") -> None:
        super().__init__("zones", _tr("ZoneLayer", "Zones and fishing boundary (approximate)"))
        self.zones = zones
        self.language = language

    def has_data(self) -> bool:
        return bool(self.zones)

    def extent(self) -> tuple[float, float, float, float] | None:
        if not self.zones:
            return None
        b = [z.geometry.bounds for z in self.zones]
        return (
            min(v[0] for v in b),
            min(v[1] for v in b),
            max(v[2] for v in b),
            max(v[3] for v in b),
        )

    def rule_text(self, rule: str) -> str:
        return {
            "no_fishing": _tr("ZoneLayer", "No fishing by vessels ≥ 15 m"),
            "no_entry": _tr("ZoneLayer", "Restricted area: no entry"),
            "permitted_boundary": _tr("ZoneLayer", "Permitted fishing boundary"),
        }.get(rule, rule)

    def hit_test(self, x: float, y: float, tolerance: float) -> list[Hit]:
        import shapely

        hits = []
        pt = shapely.Point(x, y)
        for z in self.zones:
            if z.rule == "permitted_boundary":
                d = z.geometry.boundary.distance(pt)
                if d > tolerance:
                    continue
            elif not z.geometry.contains(pt):
                continue
            else:
                d = 0.0
            hits.append(
                Hit(
                    self.layer_id,
                    z.id,
                    d,
                    z.label(self.language),
                    [(_tr("ZoneLayer", "Rule"), self.rule_text(z.rule))],
                )
            )
        return hits

    def legend(self) -> list[LegendEntry]:
        return [
            LegendEntry(self.rule_text(rule), line_color=line, fill_color=fill)
            for rule, (line, fill) in ZONE_STYLE.items()
        ]
