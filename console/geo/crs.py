"""CRS constants and cached pyproj transformers.

EPSG codes only (PROJ picks the official VN-2000 7-parameter transform); never
hand-typed +towgs84 strings.
"""

from __future__ import annotations

import threading

import numpy as np
from pyproj import Transformer

WGS84 = "EPSG:4326"
WEB_MERCATOR = "EPSG:3857"
VN2000 = "EPSG:4756"
VN2000_BINH_DINH = "EPSG:9217"  # VN-2000 / TM-3 108-15


_local = threading.local()


def transformer(source: str, target: str) -> Transformer:
    """Transformers are expensive to build, so they are cached, but a pyproj Transformer
    must not be used from two threads at once (it segfaults): one cache per thread."""
    cache: dict[tuple[str, str], Transformer] | None = getattr(_local, "cache", None)
    if cache is None:
        cache = _local.cache = {}
    found = cache.get((source, target))
    if found is None:
        found = cache[(source, target)] = Transformer.from_crs(source, target, always_xy=True)
    return found


def lonlat_to_map(lon: np.ndarray, lat: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """WGS84 lon/lat -> Web Mercator metres (the map's display CRS)."""
    x, y = transformer(WGS84, WEB_MERCATOR).transform(
        np.asarray(lon, dtype=np.float64), np.asarray(lat, dtype=np.float64)
    )
    return np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64)


def map_to_lonlat(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    lon, lat = transformer(WEB_MERCATOR, WGS84).transform(
        np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64)
    )
    return np.asarray(lon, dtype=np.float64), np.asarray(lat, dtype=np.float64)


def lonlat_to_map_scalar(lon: float, lat: float) -> tuple[float, float]:
    x, y = transformer(WGS84, WEB_MERCATOR).transform(lon, lat)
    return float(x), float(y)


def format_dms(value: float, positive: str, negative: str) -> str:
    """12.3456 -> 12°20′44.2″N style."""
    hemisphere = positive if value >= 0 else negative
    value = abs(value)
    degrees = int(value)
    minutes_full = (value - degrees) * 60
    minutes = int(minutes_full)
    seconds = (minutes_full - minutes) * 60
    if seconds >= 59.95:
        seconds, minutes = 0.0, minutes + 1
    if minutes == 60:
        minutes, degrees = 0, degrees + 1
    return f"{degrees}°{minutes:02d}′{seconds:04.1f}″{hemisphere}"


def to_map(x: np.ndarray, y: np.ndarray, source: str) -> tuple[np.ndarray, np.ndarray]:
    """Coordinates in `source` (any pyproj CRS string, e.g. 'EPSG:9217') -> Web Mercator."""
    if source == WEB_MERCATOR:
        return np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64)
    mx, my = transformer(source, WEB_MERCATOR).transform(
        np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64)
    )
    return np.asarray(mx, dtype=np.float64), np.asarray(my, dtype=np.float64)


def map_to(x: float, y: float, target: str) -> tuple[float, float]:
    """One Web Mercator point -> `target` (x/east, y/north order, always_xy)."""
    tx, ty = transformer(WEB_MERCATOR, target).transform(x, y)
    return float(tx), float(ty)


def crs_label(code: str) -> str:
    """Human name of a CRS code ('EPSG:9217' -> 'VN-2000 / TM-3 108-15'); the code if unknown."""
    from pyproj import CRS
    from pyproj.exceptions import CRSError

    try:
        return str(CRS.from_user_input(code).name)
    except CRSError:
        return code
