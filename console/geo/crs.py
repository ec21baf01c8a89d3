"""CRS constants and cached pyproj transformers.

EPSG codes only (PROJ picks the official VN-2000 7-parameter transform); never
hand-typed +towgs84 strings.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
from pyproj import Transformer

WGS84 = "EPSG:4326"
WEB_MERCATOR = "EPSG:3857"
VN2000 = "EPSG:4756"
VN2000_BINH_DINH = "EPSG:9217"  # VN-2000 / TM-3 108-15


@lru_cache(maxsize=64)
def transformer(source: str, target: str) -> Transformer:
    """Transformers are expensive to build and thread-safe to reuse: cache them."""
    return Transformer.from_crs(source, target, always_xy=True)


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
