"""Parse what an operator types into the "go to coordinate" box.

Accepted forms (all return WGS84 lon/lat):
- decimal degrees, latitude first: ``13.7765, 109.2237`` or ``13.7765 109.2237``, or
  as the Vietnamese readout writes them: ``13,7765; 109,2237``;
  hemisphere letters in any order: ``109.2237E 13.7765N``;
- degrees-minutes-seconds: ``13°46′35.4″N 109°13′25.3″E`` (also ``'`` ``"`` or spaces:
  ``13 46 35.4 N 109 13 25.3 E``);
- the site's VN-2000 grid, in the Vietnamese order X (northing) then Y (easting):
  ``X 1523792 Y 605093``, ``1523792, 605093`` (numbers too large to be degrees).

Pure functions; callable from any thread.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from console.geo.crs import WGS84, transformer


class CoordinateError(ValueError):
    """The text is not a coordinate in any accepted form (message says why)."""


@dataclass(frozen=True, slots=True)
class ParsedCoordinate:
    lon: float
    lat: float
    form: str  # "decimal", "dms" or "grid"


_NUMBER = r"[-+]?\d+(?:[.,]\d+)?"
_GRID = re.compile(
    rf"^\s*X\s*[:=]?\s*(?P<x>{_NUMBER}(?:[ \u00a0]\d{{3}})*)\s*[,;]?\s*"
    rf"Y\s*[:=]?\s*(?P<y>{_NUMBER}(?:[ \u00a0]\d{{3}})*)\s*$",
    re.IGNORECASE,
)
_DMS_PART = re.compile(
    r"(?P<d>\d+(?:\.\d+)?)\s*[°º\s]\s*(?:(?P<m>\d+(?:\.\d+)?)\s*['′\s]\s*)?"
    r"(?:(?P<s>\d+(?:\.\d+)?)\s*(?:\"|″|''|′′)?\s*)?(?P<h>[NSEW])",
    re.IGNORECASE,
)
_DEC_PART = re.compile(r"(?P<v>[-+]?\d+(?:\.\d+)?)\s*°?\s*(?P<h>[NSEW])?", re.IGNORECASE)


def _signed(value: float, hemisphere: str | None) -> float:
    return -value if hemisphere and hemisphere.upper() in "SW" else value


def _assign(values: list[tuple[float, str | None]]) -> tuple[float, float]:
    """Two (value, hemisphere) pairs -> (lon, lat); latitude first unless letters say so."""
    (a, ha), (b, hb) = values
    if (ha and ha.upper() in "EW") or (hb and hb.upper() in "NS"):
        lon, lat = _signed(a, ha), _signed(b, hb)
    else:
        lat, lon = _signed(a, ha), _signed(b, hb)
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise CoordinateError(f"out of range: latitude {lat:g}, longitude {lon:g}")
    return lon, lat


def _grid(x_north: float, y_east: float, grid_crs: str) -> ParsedCoordinate:
    lon, lat = transformer(grid_crs, WGS84).transform(y_east, x_north)
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise CoordinateError("grid coordinate is outside the grid's area")
    return ParsedCoordinate(float(lon), float(lat), "grid")


def _number(text: str) -> float:
    return float(text.replace("\u00a0", "").replace(" ", "").replace(",", "."))


_GRID_DOTTED = re.compile(r"^\s*X\s*[:=]?\s*\d{1,3}(?:\.\d{3})+\s*[,;]?\s*Y\s*[:=]?\s*\d")


def parse_coordinate(text: str, grid_crs: str) -> ParsedCoordinate:
    """Parse `text`; raise CoordinateError with a short reason when it is not a coordinate."""
    text = text.strip()
    if not text:
        raise CoordinateError("empty")
    if text.count(";") == 1 and "," in text:
        # the Vietnamese readout: "13,77650; 109,22370" (decimal commas, '; ' between)
        text = text.replace(",", ".")
    if _GRID_DOTTED.match(text):
        # "X 1.523.792 Y 605.093": grid metres with Vietnamese thousands dots
        text = re.sub(r"(?<=\d)\.(?=\d{3}\b)", "", text)
    match = _GRID.match(text)
    if match:
        return _grid(_number(match["x"]), _number(match["y"]), grid_crs)
    dms = list(_DMS_PART.finditer(text))
    if len(dms) == 2 and any(m["m"] for m in dms):
        values = []
        for m in dms:
            deg, mins, secs = float(m["d"]), float(m["m"] or 0), float(m["s"] or 0)
            if mins >= 60 or secs >= 60:
                raise CoordinateError("minutes and seconds must be below 60")
            values.append((deg + mins / 60 + secs / 3600, m["h"]))
        lon, lat = _assign(values)
        return ParsedCoordinate(lon, lat, "dms")
    parts = [p for p in re.split(r"[,;\s]+", text) if p]
    decimals = list(_DEC_PART.finditer(text))
    if len(decimals) == 2 and len(parts) in (2, 4):
        values = [(float(m["v"]), m["h"]) for m in decimals]
        if all(abs(v) > 1000 and h is None for v, h in values):
            return _grid(values[0][0], values[1][0], grid_crs)
        lon, lat = _assign(values)
        return ParsedCoordinate(lon, lat, "decimal")
    raise CoordinateError("expected 'lat, lon', D°M′S″ N/E, or 'X …, Y …' in the local grid")
