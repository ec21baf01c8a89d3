"""Who an AIS target is: its own record, or a VMS vessel the console already knows.

The same boat can report through VMS (the backend) and AIS (a port receiver); it must be
one row on the map and in the lists, with both sources. Two configurable ways to tell
(rules file, `"ais": {"match_by": [...], "mmsi": {...}}`):
- `mmsi`: the administrator's table registration -> MMSI (the licensing office knows it);
- `registration`: the AIS name or call sign reads as the registration once folded
  (Vietnamese fishing boats often broadcast "BD 96789 TS" as their AIS name).

Pure; the reader thread builds whole `VesselBatch`es (records, projected columns) so the
GUI thread only merges. The VMS side is an immutable snapshot (`AisLinks`) the GUI
thread replaces when the fleet changes.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import numpy as np

from console.geo.crs import lonlat_to_map
from console.model.vessel import Vessel
from console.model.vessel_batch import VesselBatch
from console.sources.ais.decode import AisPosition, AisStatic
from console.sources.wire import VesselIdentity
from console.textnorm import fold

MATCH_MODES = ("mmsi", "registration")


def ais_vessel_id(mmsi: int) -> str:
    """The store id of a target known by AIS only."""
    return f"ais:{mmsi}"


@dataclass(frozen=True, slots=True)
class AisLinks:
    """A snapshot of the VMS fleet's identities, indexed the ways AIS can be matched."""

    by_mmsi: Mapping[int, VesselIdentity] = field(default_factory=dict)
    by_registration: Mapping[str, VesselIdentity] = field(default_factory=dict)

    @staticmethod
    def build(
        fleet: Iterable[VesselIdentity],
        match_by: Iterable[str] = MATCH_MODES,
        mmsi_of: Mapping[str, int] | None = None,
    ) -> AisLinks:
        """`fleet`: the VMS vessels (not AIS-only rows); `mmsi_of`: registration -> MMSI."""
        modes = set(match_by)
        unknown = modes - set(MATCH_MODES)
        if unknown:
            raise ValueError(f"unknown AIS match mode(s): {', '.join(sorted(unknown))}")
        by_reg = {fold(v.registration): v for v in fleet if v.registration}
        by_mmsi: dict[int, VesselIdentity] = {}
        if "mmsi" in modes and mmsi_of:
            for registration, mmsi in mmsi_of.items():
                v = by_reg.get(fold(registration))
                if v is not None:
                    by_mmsi[int(mmsi)] = v
        return AisLinks(by_mmsi, by_reg if "registration" in modes else {})

    def match(self, mmsi: int, static: AisStatic | None) -> VesselIdentity | None:
        v = self.by_mmsi.get(mmsi)
        if v is not None or static is None or not self.by_registration:
            return v
        for text in (static.name, static.callsign):
            if text:
                v = self.by_registration.get(fold(text))
                if v is not None:
                    return v
        return None


# ship type codes (ITU-R M.1371-5 Table 53) worth a word in the inspector's "gear" line
SHIP_TYPES = {30: "fishing", 31: "towing", 35: "military", 36: "sailing", 37: "pleasure craft",
              50: "pilot", 51: "search and rescue", 52: "tug", 55: "law enforcement"}


def _ship_type(code: int) -> str:
    if code in SHIP_TYPES:
        return SHIP_TYPES[code]
    return {6: "passenger", 7: "cargo", 8: "tanker"}.get(code // 10, "")


class AisIdentities:
    """Turns decoded positions into a `VesselBatch` for the store: one fix per target (the
    newest of the batch), with the linked VMS identity or the AIS static data. Caches
    each MMSI's identity until its static data or the links change."""

    def __init__(self, statics: Mapping[int, AisStatic], links: AisLinks | None = None):
        self.statics = statics
        self._links = links or AisLinks()
        self._cache: dict[int, VesselIdentity] = {}

    @property
    def links(self) -> AisLinks:
        return self._links

    @links.setter
    def links(self, links: AisLinks) -> None:
        self._links = links
        self._cache = {}

    def forget(self, mmsis: Iterable[int]) -> None:
        """Static data of these changed: look them up again."""
        for m in mmsis:
            self._cache.pop(m, None)

    def identity(self, mmsi: int) -> VesselIdentity:
        ident = self._cache.get(mmsi)
        if ident is None:
            static = self.statics.get(mmsi)
            ident = self._links.match(mmsi, static) or self._own(mmsi, static)
            self._cache[mmsi] = ident
        return ident

    @staticmethod
    def _own(mmsi: int, static: AisStatic | None) -> VesselIdentity:
        s = static or AisStatic()
        label = s.callsign or s.name or f"MMSI {mmsi}"
        return VesselIdentity(
            ais_vessel_id(mmsi), label, s.name, "", s.length_m, _ship_type(s.ship_type), ""
        )

    def batch(self, positions: list[AisPosition]) -> VesselBatch:
        newest: dict[int, AisPosition] = {}
        for p in positions:
            old = newest.get(p.mmsi)
            if old is None or p.fix_time >= old.fix_time:
                newest[p.mmsi] = p
        fixes = list(newest.values())
        n = len(fixes)
        records = []
        for p in fixes:
            i = self.identity(p.mmsi)
            records.append(
                Vessel(i.id, i.registration, i.name, i.owner, i.length_m, i.gear, i.home_port,
                       "in_port" if p.moored else "at_sea", p.lon, p.lat, p.fix_time,
                       p.speed_kn, p.course_deg)
            )
        lon = np.fromiter((p.lon for p in fixes), np.float64, n)
        lat = np.fromiter((p.lat for p in fixes), np.float64, n)
        x, y = lonlat_to_map(lon, lat)
        return VesselBatch(
            records, lon, lat, x, y,
            np.fromiter((p.fix_time for p in fixes), np.float64, n),
            np.fromiter((p.speed_kn for p in fixes), np.float64, n),
            np.fromiter((p.course_deg for p in fixes), np.float64, n),
            np.fromiter((r.length_m for r in records), np.float64, n),
            np.fromiter((p.moored for p in fixes), bool, n),
            np.fromiter((p.source for p in fixes), np.int8, n),
            np.fromiter((p.mmsi for p in fixes), np.int64, n),
        )
