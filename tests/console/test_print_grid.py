"""The VN-2000 grid of printed maps: round kilometre lines of the site's TM-3 zone,
where the projection puts them (its central meridian is the 500 km easting)."""

from __future__ import annotations

import numpy as np

from console.export.print import format_grid_km, local_grid_lines
from console.geo.crs import lonlat_to_map, map_to_lonlat


def test_central_meridian_is_the_500_km_easting():
    (x0, x1), (y0, y1) = lonlat_to_map(np.array([107.5, 110.0]), np.array([13.0, 15.0]))
    eastings, northings = local_grid_lines((x0, y0, x1, y1), "EPSG:9217")
    values = [v for v, _ in eastings]
    assert 500_000.0 in values
    steps = np.diff(values)
    assert len(set(steps.tolist())) == 1 and steps[0] % 1000 == 0  # round km, even steps
    line = dict(eastings)[500_000.0]
    lon, _lat = map_to_lonlat(np.array([p[0] for p in line]), np.array([p[1] for p in line]))
    # VN-2000 / TM-3 108-15: the central meridian on the VN-2000 datum, ~200 m east of
    # 108.25 deg in WGS 84 (PROJ's official 7-parameter shift), and straight north
    assert np.allclose(lon, 108.2518, atol=3e-4) and np.ptp(lon) < 1e-4
    assert 3 <= len(northings) <= 8
    assert all(len(line) == 24 for _, line in eastings + northings)


def test_grid_labels_group_thousands():
    assert format_grid_km(1_500_000.0) == "1\u2009500 km"
    assert format_grid_km(605_000.0) == "605 km"
