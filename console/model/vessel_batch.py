"""A page of vessel fixes as records *and* numpy columns.

Why: merging a 1,000-vessel page into the store on the GUI thread used to pull every
field out of every record with Python loops (~8 ms a page on a loaded machine, ahead of
the rules). The worker that parsed the page builds the columns (and projects them to
map coordinates) instead, so the GUI thread only does vectorised writes. The records
stay: lists and the inspector show identity fields (name, owner, gear ...).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, fields
from typing import overload

import numpy as np

from console.geo.crs import lonlat_to_map
from console.model.vessel import Vessel

_FIELD_INDEX = {f.name: i for i, f in enumerate(fields(Vessel))}


@dataclass(frozen=True, slots=True, eq=False)
class VesselBatch(Sequence[Vessel]):
    records: list[Vessel]
    lon: np.ndarray
    lat: np.ndarray
    x: np.ndarray  # Web Mercator (the map CRS)
    y: np.ndarray
    fix_time: np.ndarray
    speed: np.ndarray
    course: np.ndarray
    length_m: np.ndarray
    in_port: np.ndarray  # bool
    # per fix, the `VesselSource` it came from (None: all VMS, the backend's feed) and
    # the AIS MMSI (None, or 0 where unknown): AIS batches carry both
    source: np.ndarray | None = None
    mmsi: np.ndarray | None = None

    @classmethod
    def of(cls, records: Sequence[Vessel]) -> VesselBatch:
        """Columns for `records` (any thread: the projection uses a per-thread
        transformer)."""
        items = list(records)
        n = len(items)

        def column(values: Iterator[float]) -> np.ndarray:
            return np.fromiter(values, np.float64, n)

        lon = column(v.lon for v in items)
        lat = column(v.lat for v in items)
        x, y = lonlat_to_map(lon, lat)
        return cls(
            items,
            lon,
            lat,
            x,
            y,
            column(v.fix_time for v in items),
            column(v.speed_kn for v in items),
            column(v.course_deg for v in items),
            column(v.length_m for v in items),
            np.fromiter((v.status == "in_port" for v in items), bool, n),
        )

    @classmethod
    def of_rows(cls, rows: Sequence[tuple]) -> VesselBatch:
        """Records and columns from table rows in `Vessel` field order (the wire's
        `?format=rows`): transposed in C by zip, no per-field Python loops."""
        records = [Vessel(*r) for r in rows]
        if not records:
            return cls.of(records)
        columns = list(zip(*rows, strict=True))

        def column(name: str) -> np.ndarray:
            return np.array(columns[_FIELD_INDEX[name]], dtype=np.float64)

        lon, lat = column("lon"), column("lat")
        x, y = lonlat_to_map(lon, lat)
        status = np.array(columns[_FIELD_INDEX["status"]])
        return cls(records, lon, lat, x, y, column("fix_time"), column("speed_kn"),
                   column("course_deg"), column("length_m"), status == "in_port")

    def __len__(self) -> int:
        return len(self.records)

    @overload
    def __getitem__(self, index: int) -> Vessel: ...

    @overload
    def __getitem__(self, index: slice) -> VesselBatch: ...

    def __getitem__(self, index: int | slice) -> Vessel | VesselBatch:
        if isinstance(index, slice):
            return self._pick(self.records[index], index)
        return self.records[index]

    def __iter__(self) -> Iterator[Vessel]:
        return iter(self.records)

    def take(self, positions: np.ndarray) -> VesselBatch:
        """The fixes at `positions` (an index array), in that order."""
        return self._pick([self.records[i] for i in positions.tolist()], positions)

    def _pick(self, records: list[Vessel], index: slice | np.ndarray) -> VesselBatch:
        """`records` with every column indexed alike by `index` (a slice or positions):
        one place that knows the columns, so a new one cannot be forgotten here."""
        columns = (getattr(self, name) for name in _COLUMNS)
        return VesselBatch(records, *(None if c is None else c[index] for c in columns))


_COLUMNS = tuple(f.name for f in fields(VesselBatch) if f.name != "records")
