"""What the "Go to" box can find by name, built from what the window already holds:
the basemap's place labels (towns, ports, islands) and communes/wards (by their name since
July 2025, or a former one that leads to the unit that took it in), stations, cameras
and vessels from the live stores. Rebuilt only when one of them grew (a vessel registered,
the basemap arrived, the language changed): folding 3,000+ names is ~10 ms, not for
every key."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from console.communes import Commune, full_name
from console.geo.crs import lonlat_to_map_scalar
from console.i18n import translate as _tr
from console.place_index import Place, PlaceIndex, place
from widgets.goto_box import GOTO_SPAN_M, GotoBox

if TYPE_CHECKING:
    from widgets.shell import FeatureShell

BASEMAP_KINDS = ("city", "town", "port", "island", "archipelago")


class GotoPlaces:
    def __init__(self, shell: FeatureShell) -> None:
        self.shell = shell
        self._signature: tuple | None = None
        self._index = PlaceIndex([])

    def __call__(self) -> PlaceIndex:
        app, model = self.shell.app, self.shell.model
        signature = (
            model.basemap is not None,
            len(app.stations),
            len(app.cameras),
            len(app.vessels),
            app.settings.language,
        )
        if signature != self._signature:
            self._signature = signature
            self._index = PlaceIndex(self._build())
        return self._index

    def _build(self) -> list[Place]:
        app, model = self.shell.app, self.shell.model
        english = app.settings.language == "en"
        places: list[Place] = []
        if model.basemap is not None:
            for label in model.basemap.data.labels:
                if label.kind in BASEMAP_KINDS and label.name_vi:
                    shown = label.name_en if english and label.name_en else label.name_vi
                    other = label.name_vi if shown != label.name_vi else label.name_en
                    places.append(
                        place(shown, label.kind, x=label.x, y=label.y, aliases=(other,))
                    )
            for commune in model.basemap.data.communes:
                places.extend(commune_places(commune))
        for s in app.stations.records():
            places.append(
                place(s.name, "station", layer_id="stations", item_id=s.id, aliases=(s.code,))
            )
        for c in app.cameras.records():
            places.append(place(c.name, "camera", layer_id="cameras", item_id=c.id))
        for v in app.vessels.records():
            places.append(
                place(f"{v.registration} {v.name}", "vessel", layer_id="vessels", item_id=v.id,
                      aliases=(v.registration,))
            )
        return places

    def locate(self, p: Place) -> tuple[float, float] | None:
        """Where a place is now: fixed places carry it, live objects are looked up."""
        if p.x is not None and p.y is not None:
            return p.x, p.y
        if p.layer_id is None or p.item_id is None:
            return None
        layer = self.shell.model.domain_layer(p.layer_id)
        row = layer.row_of(p.item_id)  # type: ignore[attr-defined]
        if row is None:
            return None
        xs, ys = layer.coords()  # type: ignore[attr-defined]
        return float(xs[row]), float(ys[row])


def commune_places(c: Commune) -> list[Place]:
    """A commune or ward under its name and its official full name ("Phường Quy Nhơn
    Nam"), told apart from a town of that name by its former district; and each former
    unit merged into it, at its point, saying where it went."""
    x, y = lonlat_to_map_scalar(c.lon, c.lat)
    # a square of twice the unit's area: the whole of a compact unit is in view
    span = max(GOTO_SPAN_M, 1000.0 * math.sqrt(2.0 * c.area_km2))
    former = _former_district(c.former_district_kind, c.former_district)
    places = [
        place(c.name, c.kind, x=x, y=y, formal=c.full_name, context=former, span_m=span)
    ]
    for u in c.former_units:
        places.append(
            place(
                u.name,
                f"former_{u.kind}",
                x=x,
                y=y,
                formal=full_name(u.kind, u.name),
                context=_went_to(c.kind, c.name, u.part),
                span_m=span,
            )
        )
    return places


def _former_district(kind: str, name: str) -> str:
    if not name:
        return ""
    if kind == "city":
        return _tr("GotoPlaces", "former %1 city").replace("%1", name)
    if kind == "town":
        return _tr("GotoPlaces", "former %1 town").replace("%1", name)
    if kind == "district":
        return _tr("GotoPlaces", "former %1 district").replace("%1", name)
    return ""


def _went_to(kind: str, name: str, part: bool) -> str:
    if kind == "ward":
        text = (
            _tr("GotoPlaces", "partly in %1 ward now")
            if part
            else _tr("GotoPlaces", "now in %1 ward")
        )
    elif kind == "special_zone":
        text = (
            _tr("GotoPlaces", "partly in %1 special zone now")
            if part
            else _tr("GotoPlaces", "now in %1 special zone")
        )
    else:
        text = (
            _tr("GotoPlaces", "partly in %1 commune now")
            if part
            else _tr("GotoPlaces", "now in %1 commune")
        )
    return text.replace("%1", name)


def goto_box(shell: FeatureShell) -> GotoBox:
    """The toolbar's "Go to" box, finding places by name; a chosen station, camera or
    vessel is selected everywhere, a refused entry is explained in the status bar."""
    goto = GotoBox(shell.canvas, shell.app.settings.local_grid_crs)
    places = GotoPlaces(shell)
    goto.places, goto.locate = places, places.locate
    goto.object_chosen.connect(shell.model.select)
    goto.rejected.connect(lambda reason: shell.show_message(reason, 10000))
    return goto
