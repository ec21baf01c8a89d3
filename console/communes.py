"""The province's communes and wards (xã, phường, đặc khu) as the "Go to" box finds them.

Read from resources/basemap/communes.geojson (built by `python -m resources.basemap.build`
from the units in force since 1 July 2025, see resources/basemap/SOURCES.md): one point
per unit, and the former units merged into it. Operators still say the old names ("Nhơn
Lý", "Thị trấn Cát Tiến"), so a former unit is kept by name and leads to the unit that
took it in; no position of its own is claimed for it.

Pure and Qt-free: read on the basemap's worker thread with the rest of the basemap.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

UNIT_KINDS = ("commune", "ward", "special_zone")
FORMER_KINDS = ("commune", "ward", "township")
DISTRICT_KINDS = ("district", "town", "city")
# the official full name: the type word, then the name ("Phường Quy Nhơn Nam")
UNIT_PREFIX = {
    "commune": "Xã",
    "ward": "Phường",
    "special_zone": "Đặc khu",
    "township": "Thị trấn",
}


@dataclass(frozen=True, slots=True)
class FormerUnit:
    name: str  # "Nhơn Lý"
    kind: str  # one of FORMER_KINDS
    district: str  # the former district it was in ("Quy Nhơn")
    part: bool = False  # split between several new units: only a part went here


@dataclass(frozen=True, slots=True)
class Commune:
    name: str  # "Quy Nhơn Đông"
    kind: str  # one of UNIT_KINDS
    lon: float  # the point the official look-up publishes (not a computed centroid)
    lat: float
    code: str = ""  # GSO code
    area_km2: float = 0.0  # as published: how wide a view shows the whole unit
    former_district: str = ""  # where most of its former units were ("Quy Nhơn")
    former_district_kind: str = ""  # one of DISTRICT_KINDS
    former_province: str = ""  # "Bình Định" or "Gia Lai"
    former_units: tuple[FormerUnit, ...] = ()

    @property
    def full_name(self) -> str:
        return full_name(self.kind, self.name)


def full_name(kind: str, name: str) -> str:
    """The official name with its type word: ("ward", "Quy Nhơn") -> "Phường Quy Nhơn"."""
    prefix = UNIT_PREFIX.get(kind)
    return f"{prefix} {name}" if prefix else name


def read_communes(path: Path) -> list[Commune]:
    """The units in `path`; [] when the file is absent (a basemap folder without the
    gazetteer still loads). Raises ValueError naming the file on bad data."""
    if not path.exists():
        return []
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
        return [_commune(f) for f in doc["features"]]
    except (OSError, ValueError, KeyError, TypeError, IndexError) as exc:
        raise ValueError(f"{path.name}: cannot read the communes ({exc})") from exc


def _commune(feature: dict) -> Commune:
    props = feature["properties"]
    lon, lat = feature["geometry"]["coordinates"][:2]
    kind = props["kind"]
    if kind not in UNIT_KINDS:
        raise ValueError(f"unknown unit kind {kind!r} for {props.get('name_vi')!r}")
    former = tuple(
        FormerUnit(u["name"], u["kind"], u.get("district", ""), bool(u.get("part", False)))
        for u in props.get("former_units", ())
    )
    return Commune(
        name=str(props["name_vi"]),
        kind=kind,
        lon=float(lon),
        lat=float(lat),
        code=str(props.get("code", "")),
        area_km2=float(props.get("area_km2", 0.0)),
        former_district=str(props.get("former_district", "")),
        former_district_kind=str(props.get("former_district_kind", "")),
        former_province=str(props.get("former_province", "")),
        former_units=former,
    )
