"""Layout arithmetic for the printable map (pure; the QPainter side is in
widgets/replay/print_map.py, because console/ does not import QtGui).

- `scale_bar(metres_per_px, max_px)`: a round length (1-2-5 series) that fits.
- `graticule_step(span_deg)`: a round lon/lat grid step giving about 4-8 lines.
- `ground_metres_per_unit(lat)`: Web Mercator map units are stretched by 1/cos(lat).
"""

from __future__ import annotations

import math


def nice_number(value: float) -> float:
    """The largest 1, 2 or 5 x 10^k not above `value` (value > 0)."""
    exponent = math.floor(math.log10(value))
    base = 10.0**exponent
    for m in (5.0, 2.0, 1.0):
        if m * base <= value:
            return m * base
    return base


def scale_bar(metres_per_px: float, max_px: float) -> tuple[float, float, str]:
    """(length in metres, length in px, label) of a round scale bar at most `max_px`."""
    metres = nice_number(metres_per_px * max_px)
    label = f"{metres / 1000:g} km" if metres >= 1000 else f"{metres:g} m"
    return metres, metres / metres_per_px, label


def ground_metres_per_unit(lat_deg: float) -> float:
    return math.cos(math.radians(lat_deg))


def graticule_step(span_deg: float) -> float:
    """Grid step in degrees for a span: 1-2-5 series, 4-8 lines (min 1/60 degree)."""
    return max(nice_number(max(span_deg, 1e-6) / 4.0), 1.0 / 60.0)


def graticule_values(lo: float, hi: float, max_lines: int = 8) -> list[float]:
    """Round grid values inside [lo, hi]; the step grows until at most `max_lines` fit."""
    step = graticule_step(hi - lo)
    while (hi - lo) / step > max(max_lines, 1):
        step = nice_number(step * 2.5) if nice_number(step * 2.5) > step else step * 2
    first = math.ceil(lo / step) * step
    n = math.floor((hi - first) / step) + 1
    return [round(first + i * step, 6) for i in range(max(n, 0))]


def format_degrees(value: float, positive: str, negative: str) -> str:
    """12°30′N style label for a grid line."""
    hemi = positive if value >= 0 else negative
    value = abs(value)
    deg = int(value)
    minutes = round((value - deg) * 60)
    if minutes == 60:
        deg, minutes = deg + 1, 0
    return f"{deg}°{minutes:02d}′{hemi}" if minutes else f"{deg}°{hemi}"


def local_grid_lines(
    extent: tuple[float, float, float, float], crs: str, max_lines: int = 8, samples: int = 24
) -> tuple[list[tuple[float, list[tuple[float, float]]]],
           list[tuple[float, list[tuple[float, float]]]]]:
    """The lines of a projected local grid (e.g. VN-2000 / TM-3, metres) over a Web
    Mercator `extent`: (eastings, northings), each a list of (value in metres, polyline
    in map coordinates). A TM grid is not straight in Web Mercator, so each line is
    sampled at `samples` points; steps are round kilometres (1-2-5 series)."""
    import numpy as np

    from console.geo.crs import WEB_MERCATOR, transformer

    x0, y0, x1, y1 = extent
    gx = np.linspace(x0, x1, samples)
    gy = np.linspace(y0, y1, samples)
    to_local = transformer(WEB_MERCATOR, crs)
    to_map = transformer(crs, WEB_MERCATOR)
    edge_x = np.concatenate([gx, gx, np.full(samples, x0), np.full(samples, x1)])
    edge_y = np.concatenate([np.full(samples, y0), np.full(samples, y1), gy, gy])
    e, n = to_local.transform(edge_x, edge_y)
    e_lo, e_hi, n_lo, n_hi = float(np.min(e)), float(np.max(e)), float(np.min(n)), float(np.max(n))
    step = nice_number(max(e_hi - e_lo, n_hi - n_lo) / 4.0)
    while max(e_hi - e_lo, n_hi - n_lo) / step > max_lines:
        step *= 2

    def lines(lo: float, hi: float, other_lo: float, other_hi: float, easting: bool):
        out = []
        along = np.linspace(other_lo, other_hi, samples)
        for value in np.arange(math.ceil(lo / step) * step, hi + 1e-6, step):
            fixed = np.full(samples, value)
            xs, ys = to_map.transform(*((fixed, along) if easting else (along, fixed)))
            out.append((float(value), list(zip(xs.tolist(), ys.tolist(), strict=True))))
        return out

    return lines(e_lo, e_hi, n_lo, n_hi, True), lines(n_lo, n_hi, e_lo, e_hi, False)


def format_grid_km(metres: float) -> str:
    """'605 km' style label of a local grid line (thousands grouped by a thin space)."""
    km = metres / 1000.0
    text = f"{km:,.0f}" if abs(km - round(km)) < 1e-6 else f"{km:,.1f}"
    return text.replace(",", "\u2009") + " km"
