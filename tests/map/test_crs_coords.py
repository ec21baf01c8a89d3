"""VN-2000 through EPSG codes, checked against an independent computation, and the
'go to coordinate' parser."""

from __future__ import annotations

import math

import pytest
from pyproj import Transformer

from console.geo.coords import CoordinateError, parse_coordinate
from console.geo.crs import VN2000_BINH_DINH, WGS84, transformer

# Decision 05/2007/QĐ-BTNMT: VN-2000 -> WGS84 seven parameters (coordinate frame)
DX, DY, DZ = -191.90441429, -39.30318279, -111.45032835
RX, RY, RZ = -0.00928836, 0.01975479, -0.00427372  # arc-seconds
DS_PPM = 0.252906278
A, F = 6378137.0, 1 / 298.257223563
E2 = F * (2 - F)


def _geodetic_to_ecef(lon: float, lat: float) -> tuple[float, float, float]:
    lam, phi = math.radians(lon), math.radians(lat)
    n = A / math.sqrt(1 - E2 * math.sin(phi) ** 2)
    return (
        n * math.cos(phi) * math.cos(lam),
        n * math.cos(phi) * math.sin(lam),
        n * (1 - E2) * math.sin(phi),
    )


def _ecef_to_geodetic(x: float, y: float, z: float) -> tuple[float, float]:
    lon = math.atan2(y, x)
    p = math.hypot(x, y)
    lat = math.atan2(z, p * (1 - E2))
    for _ in range(10):
        n = A / math.sqrt(1 - E2 * math.sin(lat) ** 2)
        lat = math.atan2(z + E2 * n * math.sin(lat), p)
    return math.degrees(lon), math.degrees(lat)


def _wgs84_to_vn2000_geodetic(lon: float, lat: float) -> tuple[float, float]:
    """Invert the coordinate-frame Helmert VN-2000 -> WGS84 (small angles, iterate)."""
    xw, yw, zw = _geodetic_to_ecef(lon, lat)
    s = 1 + DS_PPM * 1e-6
    rx, ry, rz = (math.radians(v / 3600) for v in (RX, RY, RZ))
    # coordinate frame: Xw = T + s * R * Xv, with R = [[1, rz, -ry], [-rz, 1, rx], [ry, -rx, 1]]
    xv, yv, zv = xw, yw, zw
    for _ in range(5):
        fx = DX + s * (xv + rz * yv - ry * zv)
        fy = DY + s * (-rz * xv + yv + rx * zv)
        fz = DZ + s * (ry * xv - rx * yv + zv)
        xv, yv, zv = xv + (xw - fx), yv + (yw - fy), zv + (zw - fz)
    return _ecef_to_geodetic(xv, yv, zv)


def _tm3(lon: float, lat: float, lon0: float = 108.25, k0: float = 0.9999) -> tuple[float, float]:
    """Transverse Mercator (Snyder's series, mm-level within a 3° zone)."""
    ep2 = E2 / (1 - E2)
    phi, dl = math.radians(lat), math.radians(lon - lon0)
    n = A / math.sqrt(1 - E2 * math.sin(phi) ** 2)
    t, c = math.tan(phi) ** 2, ep2 * math.cos(phi) ** 2
    a = dl * math.cos(phi)
    m = A * (
        (1 - E2 / 4 - 3 * E2**2 / 64 - 5 * E2**3 / 256) * phi
        - (3 * E2 / 8 + 3 * E2**2 / 32 + 45 * E2**3 / 1024) * math.sin(2 * phi)
        + (15 * E2**2 / 256 + 45 * E2**3 / 1024) * math.sin(4 * phi)
        - (35 * E2**3 / 3072) * math.sin(6 * phi)
    )
    east = 500000 + k0 * n * (
        a + (1 - t + c) * a**3 / 6 + (5 - 18 * t + t**2 + 72 * c - 58 * ep2) * a**5 / 120
    )
    north = k0 * (
        m
        + n
        * math.tan(phi)
        * (
            a**2 / 2
            + (5 - t + 9 * c + 4 * c**2) * a**4 / 24
            + (61 - 58 * t + t**2 + 600 * c - 330 * ep2) * a**6 / 720
        )
    )
    return east, north


@pytest.mark.parametrize(
    ("lon", "lat"),
    [(109.2237, 13.7765), (108.25, 14.0), (108.9, 14.4)],  # Quy Nhơn, on the meridian, Hoài Nhơn
)
def test_vn2000_grid_matches_independent_helmert_and_tm(lon, lat):
    east, north = transformer(WGS84, VN2000_BINH_DINH).transform(lon, lat)
    vlon, vlat = _wgs84_to_vn2000_geodetic(lon, lat)
    expected_east, expected_north = _tm3(vlon, vlat)
    assert east == pytest.approx(expected_east, abs=0.05)
    assert north == pytest.approx(expected_north, abs=0.05)


def test_quy_nhon_control_point_known_values():
    # computed once with the official 7 parameters (see the independent test above)
    east, north = transformer(WGS84, VN2000_BINH_DINH).transform(109.2237, 13.7765)
    assert (east, north) == (
        pytest.approx(605092.66, abs=0.05),
        pytest.approx(1523792.29, abs=0.05),
    )


def test_pyproj_uses_the_seven_parameter_transform_not_a_ballpark():
    t = Transformer.from_crs(WGS84, VN2000_BINH_DINH, always_xy=True)
    assert "VN-2000 to WGS 84" in t.description
    assert "ballpark" not in t.description.lower()
    assert "towgs84" not in (t.definition or "")


def test_round_trip_wgs84_vn2000_is_sub_millimetre():
    east, north = transformer(WGS84, VN2000_BINH_DINH).transform(109.2237, 13.7765)
    lon, lat = transformer(VN2000_BINH_DINH, WGS84).transform(east, north)
    assert lon == pytest.approx(109.2237, abs=1e-8)
    assert lat == pytest.approx(13.7765, abs=1e-8)


@pytest.mark.parametrize(
    ("text", "form"),
    [
        ("13.7765, 109.2237", "decimal"),
        ("13.7765 109.2237", "decimal"),
        ("109.2237E 13.7765N", "decimal"),
        ("13°46′35.4″N 109°13′25.3″E", "dms"),
        ("13 46 35.4 N 109 13 25.3 E", "dms"),
        ("X 1523792 Y 605093", "grid"),
        ("X: 1 523 792, Y: 605 093", "grid"),
        ("1523792, 605093", "grid"),
        # as the Vietnamese readout writes them (decimal commas, thousands dots)
        ("13,7765; 109,2237", "decimal"),
        ("X 1.523.792 Y 605.093", "grid"),
    ],
)
def test_goto_accepts_every_form(text, form):
    parsed = parse_coordinate(text, VN2000_BINH_DINH)
    assert parsed.form == form
    assert parsed.lon == pytest.approx(109.2237, abs=2e-5)
    assert parsed.lat == pytest.approx(13.7765, abs=2e-5)


def test_goto_southern_and_western_hemispheres():
    parsed = parse_coordinate("33°51′S 151°12′E", VN2000_BINH_DINH)
    assert parsed.lat == pytest.approx(-33.85)
    assert parsed.lon == pytest.approx(151.2)


@pytest.mark.parametrize("text", ["", "hello", "95.0, 109.0", "13°75′N 109°10′E", "1 2 3"])
def test_goto_rejects_non_coordinates(text):
    with pytest.raises(CoordinateError):
        parse_coordinate(text, VN2000_BINH_DINH)
