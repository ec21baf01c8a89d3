"""Storm layer: the newest bulletin's observed track, forecast track with its
uncertainty cone, the level-6 wind circle and the 24-hour danger zone (vùng nguy hiểm),
redrawn when a new bulletin arrives. Clicking the centre or a forecast position shows
its time and strength; clicking inside the danger zone says what the zone means."""

from __future__ import annotations

import shapely
from PySide6.QtCore import QCoreApplication

from console import bulletin as fmt
from console.model.storm import StormBulletin, StormPoint
from console.storm.geometry import StormShapes, storm_shapes
from console.storm.watch import StormWatch
from console.timefmt import format_local
from layers.base import Hit, LegendEntry, MapLayer, PointStyle

_tr = QCoreApplication.translate

# colours as on NCHMF's storm maps: danger zone in red, cone in pale orange
DANGER_LINE, DANGER_FILL, DANGER_HATCH = "#c62828", "#e5393510", "#c6282850"
CONE_LINE, CONE_FILL = "#ef6c00", "#ffb74d40"
WIND_LINE, WIND_FILL = "#ad1457", "#ad145714"
TRACK_OBSERVED, TRACK_FORECAST = "#37474f", "#e65100"


class StormLayer(MapLayer):
    def __init__(self, watch: StormWatch) -> None:
        super().__init__("storm", _tr("StormLayer", "Storm and danger zone"))
        self.watch = watch
        self.bulletin: StormBulletin | None = None
        self.shapes: StormShapes | None = None
        watch.bulletin_changed.connect(self._on_bulletin)
        self._on_bulletin(watch.bulletin)

    def close(self) -> None:
        self.watch.bulletin_changed.disconnect(self._on_bulletin)
        super().close()

    def _on_bulletin(self, bulletin: StormBulletin | None) -> None:
        self.bulletin = bulletin
        self.shapes = None if bulletin is None else storm_shapes(bulletin)
        self.changed.emit()

    def has_data(self) -> bool:
        return self.shapes is not None

    def extent(self) -> tuple[float, float, float, float] | None:
        if self.shapes is None:
            return None
        parts = [g for g in (self.shapes.cone, self.shapes.danger_box,
                             self.shapes.wind_circle) if g is not None]
        return tuple(shapely.union_all(parts).bounds)  # type: ignore[return-value]

    # --- words ----------------------------------------------------------------------------

    def name_text(self) -> str:
        b = self.bulletin
        if b is None:
            return ""
        if b.simulated:
            return _tr("StormLayer", "%1 (simulated)").replace("%1", b.name)
        return b.name

    def level_text(self, p: StormPoint) -> str:
        return _tr("StormLayer", "level %1").replace("%1", str(p.wind_level))

    def title_of(self) -> str:
        b = self.bulletin
        if b is None:
            return self.title
        text = _tr("StormLayer", "%1, bulletin no. %2 of %3").replace("%1", self.name_text())
        return text.replace("%2", str(b.number)).replace("%3", format_local(b.issued_at))

    def point_text(self, p: StormPoint, forecast: bool) -> list[tuple[str, str]]:
        rows = [
            (_tr("StormLayer", "Forecast for") if forecast else _tr("StormLayer", "Observed at"),
             format_local(p.t)),
            (_tr("StormLayer", "Position"),
             f"{fmt.number(p.lat, 1)}° N, {fmt.number(p.lon, 1)}° E"),
            (_tr("StormLayer", "Strongest wind"),
             _tr("StormLayer", "level %1, gusts level %2").replace("%1", str(p.wind_level))
             .replace("%2", str(p.gust_level))),
            (_tr("StormLayer", "Level-6 wind radius"), f"{fmt.number(p.r6_km, 0)} km"),
        ]
        if forecast:
            rows.append((_tr("StormLayer", "Uncertainty radius"),
                         f"{fmt.number(p.cone_km, 0)} km"))
        return rows

    def danger_text(self) -> str:
        b = self.bulletin
        if b is None or b.danger_zone is None:
            return ""
        z = b.danger_zone
        return (_tr("StormLayer", "From %1° N to %2° N, from %3° E to %4° E")
                .replace("%1", fmt.number(z.south, 1)).replace("%2", fmt.number(z.north, 1))
                .replace("%3", fmt.number(z.west, 1)).replace("%4", fmt.number(z.east, 1)))

    # --- picking and legend ---------------------------------------------------------------

    def hit_test(self, x: float, y: float, tolerance: float) -> list[Hit]:
        b, s = self.bulletin, self.shapes
        if b is None or s is None:
            return []
        hits: list[Hit] = []
        points = [(s.observed[-1], b.centre, False)]
        points += [(xy, p, True) for xy, p in zip(s.forecast[1:], b.forecast, strict=True)]
        for (px, py), p, forecast in points:
            d = float(((px - x) ** 2 + (py - y) ** 2) ** 0.5)
            if d <= tolerance:
                hits.append(Hit(self.layer_id, f"{p.t:.0f}", d, self.title_of(),
                                self.point_text(p, forecast)))
        if not hits and s.danger_box is not None and s.danger_box.contains(shapely.Point(x, y)):
            inside, heading = self.watch.counts()
            hits.append(Hit(self.layer_id, "danger_zone", tolerance,
                            _tr("StormLayer", "Danger zone, next %1 h").replace(
                                "%1", fmt.number(b.danger_hours, 0)),
                            [(_tr("StormLayer", "Area"), self.danger_text()),
                             (_tr("StormLayer", "Meaning"),
                              _tr("StormLayer", "level-6 winds and level-8 gusts or stronger "
                                                "expected; vessels must not enter")),
                             (_tr("StormLayer", "Vessels inside"), str(inside)),
                             (_tr("StormLayer", "Heading into it"), str(heading)),
                             (_tr("StormLayer", "Bulletin"), self.title_of())]))
        return hits

    def legend(self) -> list[LegendEntry]:
        return [
            LegendEntry(_tr("StormLayer", "Danger zone (next 24 h)"),
                        line_color=DANGER_LINE, fill_color=DANGER_FILL),
            LegendEntry(_tr("StormLayer", "Forecast uncertainty cone"),
                        line_color=CONE_LINE, fill_color=CONE_FILL),
            LegendEntry(_tr("StormLayer", "Level-6 winds now"),
                        line_color=WIND_LINE, fill_color=WIND_FILL),
            LegendEntry(_tr("StormLayer", "Observed track"), line_color=TRACK_OBSERVED),
            LegendEntry(_tr("StormLayer", "Forecast track"),
                        style=PointStyle("", "o", 8, "#ffffff", TRACK_FORECAST)),
        ]
