"""Offline HTML map of a `Picture` (folium), one self-contained file.

Why the extra work over `folium.Map(...).save()`:
- Offline: folium's default page pulls Leaflet, jQuery, Bootstrap and icon fonts from
  CDNs. We keep only Leaflet (nothing here uses the others), point it at the copy
  packaged by `xstatic-leaflet`, and inline the script, the stylesheet and its images
  (as data: URIs) into the file, so it opens on a laptop with no network. No tile layer
  is added; the province basemap (resources/basemap/*.geojson) is drawn as vectors.
- Safety: folium's popups and GeoJSON tooltips insert text as HTML. Every value we put
  in a popup, tooltip, the legend or the title is HTML-escaped here, so a vessel named
  `<img src=x onerror=alert(1)>` shows as text.

folium is imported lazily (start-up stays fast). Pure function of its inputs; runs on
any thread (a worker for the menu action, the main thread headless).
"""

from __future__ import annotations

import base64
import html
import json
import re
from pathlib import Path

from console.export.picture import (
    INCIDENT_COLOURS,
    LEVEL_COLOURS,
    NO_DATA,
    RAIN,
    RESERVOIR,
    VESSEL_COLOURS,
    VESSEL_STATES,
    Picture,
    PicturePoint,
)
from console.symbology import VESSEL_TAIL
from console.timefmt import format_local

BASEMAP_DIR = Path(__file__).resolve().parents[2] / "resources" / "basemap"
_PLACEHOLDER = "ioc-offline-asset://"
BASEMAP_STYLE = {
    "land": {"fillColor": "#f2efe6", "color": "#c8c0aa", "weight": 1, "fillOpacity": 1.0},
    "water": {"fillColor": "#b9d7ea", "color": "#8fb8d6", "weight": 1, "fillOpacity": 1.0},
    "province": {
        "fillColor": "#000000",
        "color": "#b03060",
        "weight": 2,
        "fillOpacity": 0.0,
        "dashArray": "6 4",
    },
    "rivers": {"color": "#6fa8dc", "weight": 1.5},
    "roads": {"color": "#c0392b", "weight": 1.8},
    "archipelagos": {"fillColor": "#f2efe6", "color": "#8c7b55", "weight": 1, "fillOpacity": 0.8},
}
BASEMAP_ORDER = ("land", "water", "province", "rivers", "roads", "archipelagos", "places")


def basemap_attribution(basemap_dir: Path = BASEMAP_DIR) -> str:
    """The shipped basemap's credit line (its sources' licences require it on every map)."""
    try:
        doc = json.loads((basemap_dir / "land.geojson").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return ""
    return str(doc.get("attribution") or "")


def leaflet_assets() -> tuple[str, str]:
    """(leaflet.js, leaflet.css with images inlined) from the xstatic-leaflet package."""
    import xstatic.pkg.leaflet as xleaflet

    base = Path(xleaflet.BASE_DIR)
    js = (base / "leaflet.js").read_text(encoding="utf-8")
    css = (base / "leaflet.css").read_text(encoding="utf-8")

    def inline(match: re.Match[str]) -> str:
        image = base / "images" / match.group(1)
        data = base64.b64encode(image.read_bytes()).decode("ascii")
        return f"url(data:image/png;base64,{data})"

    return js, re.sub(r"url\(images/([\w\-.]+\.png)\)", inline, css)


def _esc(text: object) -> str:
    return html.escape(str(text), quote=True)


def _points_geojson(points: list[PicturePoint]) -> dict:
    features = []
    for p in points:
        props = {f"f{i}": _esc(v) for i, v in enumerate(p.fields.values())}
        props["label"] = _esc(p.label)
        props["colour"] = p.colour
        features.append(
            {
                "type": "Feature",
                "properties": props,
                "geometry": {"type": "Point", "coordinates": [p.lon, p.lat]},
            }
        )
    return {"type": "FeatureCollection", "features": features}


def _add_points(
    folium, fmap, points: list[PicturePoint], name: str, radius: float, css_class: str
) -> None:
    if not points:
        return
    aliases = [_esc(k) for k in points[0].fields]
    folium.GeoJson(
        _points_geojson(points),
        name=_esc(name),
        marker=folium.CircleMarker(
            radius=radius, weight=1, fill=True, fill_opacity=0.9, className=css_class
        ),
        style_function=lambda f: {"fillColor": f["properties"]["colour"], "color": "#202020"},
        tooltip=folium.GeoJsonTooltip(fields=["label"], labels=False),
        popup=folium.GeoJsonPopup(fields=[f"f{i}" for i in range(len(aliases))], aliases=aliases),
    ).add_to(fmap)


def _add_basemap(folium, fmap, basemap_dir: Path) -> None:
    for name in BASEMAP_ORDER:
        path = basemap_dir / f"{name}.geojson"
        if not path.is_file():
            continue
        data = json.loads(path.read_text(encoding="utf-8"))
        for feature in data.get("features", []):
            feature["properties"] = {k: _esc(v) for k, v in feature["properties"].items()}
        style = BASEMAP_STYLE.get(name, {})
        folium.GeoJson(
            data,
            name=_esc(name),
            style_function=lambda _f, s=style: s,
            marker=folium.CircleMarker(radius=2, color="#555555", fill=True),
            tooltip=folium.GeoJsonTooltip(fields=["name_vi"], labels=False)
            if name in ("places", "archipelagos")
            else None,
        ).add_to(fmap)
        if name in ("places", "archipelagos"):
            for feature in data["features"]:
                geom = feature["geometry"]
                if geom["type"] != "Point" or not feature["properties"].get("name_vi"):
                    continue
                lon, lat = geom["coordinates"][:2]
                label = feature["properties"]["name_vi"]  # escaped above
                folium.Marker(
                    [lat, lon],
                    icon=folium.DivIcon(
                        html=f'<div class="ioc-place">{label}</div>',
                        icon_size=(160, 16),
                        icon_anchor=(-4, 8),
                    ),
                ).add_to(fmap)


def _legend(picture: Picture, labels: dict[str, str]) -> str:
    def row(colour: str, text: str) -> str:
        return f'<div><span class="sw" style="background:{colour}"></span>{_esc(text)}</div>'

    rows = [f'<div class="hd">{_esc(labels.get("vessels", "Vessels"))}</div>']
    rows += [row(VESSEL_COLOURS[k], labels.get(v, v)) for k, v in VESSEL_STATES.items()]
    rows.append(f'<div class="hd">{_esc(labels.get("stations", "Stations"))}</div>')
    names = ("below BĐ1", "above BĐ1", "above BĐ2", "above BĐ3")
    rows += [row(c, labels.get(n, n)) for c, n in zip(LEVEL_COLOURS, names, strict=True)]
    rows.append(row(RESERVOIR, labels.get("reservoir", "reservoir")))
    rows.append(row(RAIN, labels.get("rain gauge", "rain gauge")))
    rows.append(row(NO_DATA, labels.get("no data", "no data")))
    rows.append(f'<div class="hd">{_esc(labels.get("incidents", "Open incidents"))}</div>')
    rows += [row(c, labels.get(s, s)) for s, c in INCIDENT_COLOURS.items()]
    return "".join(rows)


_CSS = """
.leaflet-container.leaflet-container{background:#cfe3f1}
.ioc-box{position:absolute;z-index:1000;background:rgba(255,255,255,.92);padding:6px 9px;
 border:1px solid #888;border-radius:4px;font:12px/1.35 sans-serif;color:#111}
#ioc-title{top:10px;left:50px}#ioc-title b{font-size:15px}
#ioc-legend{bottom:24px;right:10px;max-height:60%;overflow:auto}
#ioc-attribution{position:absolute;z-index:1000;bottom:2px;right:4px;font:10px sans-serif;
 background:rgba(255,255,255,.8);padding:0 4px}
#ioc-legend .hd{font-weight:bold;margin-top:4px}
#ioc-legend .sw{display:inline-block;width:11px;height:11px;border-radius:6px;
 border:1px solid #333;margin-right:5px;vertical-align:middle}
.ioc-place{font:11px sans-serif;color:#333;white-space:nowrap;text-shadow:0 0 2px #fff}
"""


def render_html(
    picture: Picture,
    title: str,
    labels: dict[str, str] | None = None,
    basemap_dir: Path = BASEMAP_DIR,
) -> str:
    """The whole page as a string (no network references for scripts or styles)."""
    import folium
    from branca.element import Element

    labels = labels or {}
    lon0, lat0, lon1, lat1 = picture.bounds()
    fmap = folium.Map(
        location=[(lat0 + lat1) / 2, (lon0 + lon1) / 2],
        zoom_start=9,
        tiles=None,
        control_scale=True,
    )
    fmap.default_js = [("leaflet", _PLACEHOLDER + "leaflet.js")]
    fmap.default_css = [("leaflet_css", _PLACEHOLDER + "leaflet.css")]
    _add_basemap(folium, fmap, basemap_dir)
    if picture.tracks:
        folium.PolyLine(
            [[(lat, lon) for lon, lat in track] for track in picture.tracks],
            color=VESSEL_TAIL[:7],  # the map's tail colour and alpha
            weight=1,
            opacity=round(int(VESSEL_TAIL[7:9] or "ff", 16) / 255, 2),
        ).add_to(fmap)
    _add_points(
        folium, fmap, picture.incidents, labels.get("incidents", "Incidents"), 7, "ioc-incident"
    )
    _add_points(
        folium, fmap, picture.stations, labels.get("stations", "Stations"), 6, "ioc-station"
    )
    _add_points(folium, fmap, picture.vessels, labels.get("vessels", "Vessels"), 3.5, "ioc-vessel")
    fmap.fit_bounds([[lat0, lon0], [lat1, lon1]])
    when = format_local(picture.time)
    counts = (
        f"{len(picture.vessels)} {labels.get('vessels', 'Vessels').lower()} · "
        f"{len(picture.stations)} {labels.get('stations', 'Stations').lower()} · "
        f"{len(picture.incidents)} {labels.get('incidents', 'Incidents').lower()}"
    )
    overlay = (
        f'<div id="ioc-title" class="ioc-box"><b>{_esc(title)}</b><br>'
        f'{_esc(labels.get("time", "Time"))}: <span id="ioc-time">{_esc(when)}</span> (UTC+7)'
        f"<br>{_esc(counts)}<br>{_esc(labels.get('source', 'Source'))}: "
        f"{_esc(picture.source)}</div>"
        f'<div id="ioc-legend" class="ioc-box">{_legend(picture, labels)}</div>'
        f'<div id="ioc-attribution">{_esc(basemap_attribution(basemap_dir))}</div>'
    )
    fmap.get_root().header.add_child(Element(f"<style>{_CSS}</style>"))
    fmap.get_root().html.add_child(Element(overlay))
    page = fmap.get_root().render()
    return _inline_assets(page)


def _inline_assets(page: str) -> str:
    js, css = leaflet_assets()
    js_tag = re.compile(r'<script src="' + re.escape(_PLACEHOLDER) + r'leaflet\.js"></script>')
    css_tag = re.compile(
        r'<link rel="stylesheet" href="' + re.escape(_PLACEHOLDER) + r'leaflet\.css"\s*/?>'
    )
    page, n_js = js_tag.subn(lambda _m: f"<script>{js}</script>", page)
    page, n_css = css_tag.subn(lambda _m: f"<style>{css}</style>", page)
    if n_js != 1 or n_css != 1:
        raise RuntimeError("folium page layout changed: could not inline Leaflet")
    return page


def export_html(
    picture: Picture, path: str | Path, title: str, labels: dict[str, str] | None = None
) -> Path:
    """Write the page to `path` (worker thread or headless main thread)."""
    path = Path(path)
    path.write_text(render_html(picture, title, labels), encoding="utf-8")
    return path
