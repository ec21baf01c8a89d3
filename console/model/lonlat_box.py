"""A box of meridians and parallels: how a storm bulletin publishes its danger zone and
how a planner picks the area of a past period. One type for both, since both are asked
the same two things: does a position fall inside, and what is the API's `bbox`."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class LonLatBox:
    """West/east meridians and south/north parallels, in degrees (WGS84)."""

    west: float
    south: float
    east: float
    north: float

    def contains(self, lon: float, lat: float) -> bool:
        return self.west <= lon <= self.east and self.south <= lat <= self.north

    def bbox(self) -> str:
        """'west,south,east,north': the `bbox` query parameter of the REST API."""
        return f"{self.west},{self.south},{self.east},{self.north}"
