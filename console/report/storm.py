"""The shift report's storm section: which bulletins were in force during the window and
which vessels were at sea inside their danger zones (pure numpy over the archive).

The choices a reader must know: which bulletin is in force when is
`console.storm.history.in_force`; a vessel counts when one of its recorded fixes in
that time, inside the window, lies in the zone and is not in port (a vessel in port is
sheltered, as the live danger list judges it). Between fixes nothing is assumed.
"""

from __future__ import annotations

import numpy as np

from console.archive.reader import ArchiveData
from console.report.model import StormVesselRow
from console.storm.history import in_force


def storm_vessels(data: ArchiveData, start: float, end: float) -> list[StormVesselRow]:
    """Every vessel seen inside a danger zone in force during [start, end]."""
    t, lon, lat = data.fix_t, data.fix_lon, data.fix_lat
    inside = np.zeros(len(t), bool)
    number = np.zeros(len(t), np.int64)
    at_sea = data.fix_status != "in_port"
    for b, t0, t1 in in_force(data.storms, start, end):
        box = b.danger_zone
        if box is None:
            continue
        hit = (at_sea & (t >= max(t0, start)) & (t < t1) & (t <= end)
               & (lon >= box.west) & (lon <= box.east) & (lat >= box.south) & (lat <= box.north))
        number[hit & ~inside] = b.number
        inside |= hit
    rows: list[StormVesselRow] = []
    hits = np.flatnonzero(inside)  # fixes are sorted by (vessel, t)
    if not len(hits):
        return rows
    owner = data.fix_vessel[hits]
    firsts = hits[np.r_[True, owner[1:] != owner[:-1]]]
    lasts = hits[np.r_[owner[1:] != owner[:-1], True]]
    last_fix = {int(data.fix_vessel[r]): r for r in data.last_fixes(end).tolist()}
    for first, last in zip(firsts.tolist(), lasts.tolist(), strict=True):
        vi = int(data.fix_vessel[first])
        v = data.vessels[vi]
        rows.append(StormVesselRow(
            v.id, v.registration, v.name, int(number[first]), float(t[first]), float(t[last]),
            float(lon[last]), float(lat[last]), last_fix.get(vi) == last,
        ))
    rows.sort(key=lambda r: (not r.inside_at_end, r.registration))
    return rows
