"""The vessel alert judgements, shared by the console and the backend: one implementation.

Zone entry / leave (fishing in a no-fishing zone, entering a restricted one), the
permitted-boundary tiers (approaching / crossed / returned, a crossing being a case an
operator closes with a reason) and dark vessels (VMS silent past the Decree 37/2024
thresholds). The judge keeps its state per row of a `VesselTable` in numpy arrays (zone
condition bits, boundary tier, dark flag, when the open case crossed), so an ingest of
N changed vessels costs a few vectorised passes over those N rows; only rows whose
state changed become `Transition`s (console.rules.judge), carrying rule + params and
never rendered text: the backend stores them as server alerts (backend/alerting.py),
the console raises them into its inbox (console/rules/vessel_rules.py), and each
console phrases them in its own language (console/rules/phrases.py).

Onsets come from the data (a fix's time; a silence's onset is the last fix plus the
threshold), never from the time of the check, so the backend and every console name the
same occurrence. Pure numpy/shapely: no Qt, no clock (the caller gives `now`).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping

import numpy as np

from console.model.freshness import FreshnessPolicy, VmsState, VmsThresholds
from console.model.vessel import Vessel
from console.rules.config import ZoneSettings
from console.rules.dark import carries_vms, dark_states
from console.rules.geofence import BoundaryTier, ZoneSet
from console.rules.judge import VESSEL_KIND, Transition
from console.stores.vessel_table import VesselTable

# the condition keys: one alert per condition and vessel
ZONE_KEY = "zone:{zone}:{vessel}"
BOUNDARY_KEY = "boundary:{tier}:{vessel}"  # tier: approach | crossed | returned
DARK_KEY = "dark:{vessel}"

_TIER_OF_KEY = {"approach": BoundaryTier.APPROACHING, "crossed": BoundaryTier.CROSSED,
                "returned": BoundaryTier.RETURNED}


def _who(v: Vessel) -> dict[str, object]:
    return {"vessel": v.id, "registration": v.registration, "name": v.name}


class VesselJudge:
    """The vessel rules' state over one table, and the transitions each update causes."""

    def __init__(
        self,
        zones: ZoneSet,
        settings: ZoneSettings,
        thresholds: VmsThresholds | FreshnessPolicy,
        max_dark_per_check: int | None = None,
    ) -> None:
        self.zones = zones
        self.settings = settings
        self.thresholds = thresholds
        # a bound on the dark transitions per time check (None: all): on the GUI thread a
        # burst (a feed outage ending) is spread over several checks instead of one stall
        self.max_dark_per_check = max_dark_per_check
        self.mask = np.zeros(0, dtype=np.uint32)  # zone-condition bits per row
        self.tier = np.zeros(0, dtype=np.int8)
        self.dark = np.zeros(0, dtype=bool)
        self.case_t = np.zeros(0, dtype=np.float64)  # the open case's crossing time, or NaN
        # outside, with its case closed by an operator: no new case until it is back in
        self.closed = np.zeros(0, dtype=bool)
        self._entry_zone = np.array([z.alert_on == "entry" for z in zones.zones], dtype=bool)
        self._min_len = np.array([z.min_length_m for z in zones.zones], dtype=np.float64)

    # --- state arrays ---------------------------------------------------------------------

    def ensure(self, n: int) -> None:
        if len(self.mask) >= n:
            return
        size = max(n, 2 * len(self.mask), 1024)
        for name, dtype, fill in (("mask", np.uint32, 0), ("tier", np.int8, 0),
                                  ("dark", bool, False), ("case_t", np.float64, np.nan),
                                  ("closed", bool, False)):
            old = getattr(self, name)
            new = np.full(size, fill, dtype=dtype)
            new[: len(old)] = old
            setattr(self, name, new)

    def violating(self, rows: np.ndarray | slice) -> np.ndarray:
        """Per row: breaking a zone rule or outside the permitted boundary."""
        return (self.mask[rows] != 0) | (self.tier[rows] == BoundaryTier.CROSSED)

    # --- which vessels, which conditions --------------------------------------------------

    def covered(self, table: VesselTable, rows: np.ndarray) -> np.ndarray:
        """Which rows the fishing rules (zones, permitted boundary; Decree 41/2026) apply
        to: vessels on VMS, and AIS-only targets that say they are fishing vessels (ship
        type 30). A cargo ship at the anchorage is on the map, but breaks no fishing
        rule."""
        keep = carries_vms(table.sources[rows])
        for j in np.flatnonzero(~keep).tolist():
            keep[j] = table.at(int(rows[j])).gear == "fishing"
        return keep

    def condition_mask(self, table: VesselTable, rows: np.ndarray) -> np.ndarray:
        """Zone bits whose condition holds: inside, long enough to be bound by the zone,
        and (for a no-fishing zone) at sea at fishing speed, so the daily transit through
        the coastal band is not an alarm."""
        x, y = table.x[rows], table.y[rows]
        member = self.zones.membership(x, y)
        if not len(self.zones.zones):
            return member
        at_sea = ~table.in_port[rows]
        fishing = at_sea & (table.speed[rows] <= self.settings.fishing_max_speed_kn)
        bits = np.uint32(0)
        for i in range(len(self.zones.zones)):
            bit = np.uint32(1 << i)
            eligible = table.length_m[rows] >= self._min_len[i]
            cond = eligible if self._entry_zone[i] else eligible & fishing
            member[~cond] &= ~bit
            bits |= bit
        return member & bits

    # --- judging --------------------------------------------------------------------------

    def update(self, table: VesselTable, rows: np.ndarray, fresh: bool = True
               ) -> list[Transition]:
        """The rows just written to the table: zones, boundary tiers, and (`fresh`: they
        are new fixes) the end of a silence. `fresh=False` judges rows as they stand,
        e.g. every vessel once after a restart, which ends no silence."""
        if len(rows) == 0:
            return []
        self.ensure(len(table))
        rows = rows[np.isfinite(table.x[rows]) & np.isfinite(table.y[rows])]
        out: list[Transition] = []
        fleet = rows[self.covered(table, rows)]
        new = self.condition_mask(table, fleet)
        old = self.mask[fleet]
        self.mask[fleet] = new
        for j in np.flatnonzero(new != old).tolist():
            out.extend(self._zone_transitions(table.at(int(fleet[j])), int(old[j]), int(new[j])))
        out.extend(self._boundary(table, fleet))
        back = rows[self.dark[rows]] if fresh else rows[:0]  # a new fix ends a silence
        self.dark[back] = False
        out.extend(Transition(DARK_KEY.format(vessel=v.id), VESSEL_KIND, False, v.fix_time,
                              item_id=v.id) for v in map(table.at, back.tolist()))
        return out

    def _zone_transitions(self, v: Vessel, old: int, new: int) -> Iterable[Transition]:
        t = v.fix_time
        for i, zone in enumerate(self.zones.zones):
            bit = 1 << i
            if (old ^ new) & bit == 0:
                continue
            key = ZONE_KEY.format(zone=zone.id, vessel=v.id)
            if new & bit:
                rule = "zone_fishing" if zone.alert_on == "fishing" else "zone_entry"
                yield Transition(key, VESSEL_KIND, True, t, zone.severity, rule, v.id, v.lon,
                                 v.lat, {**_who(v), "zone": zone.id, "zone_name": zone.name,
                                         "zone_name_vi": zone.name_vi, "at": t})
            else:
                yield Transition(key, VESSEL_KIND, False, t, item_id=v.id, params={"left_at": t})

    def _boundary(self, table: VesselTable, rows: np.ndarray) -> list[Transition]:
        zones = self.zones
        if zones.boundary is None or len(rows) == 0:
            return []
        x, y = table.x[rows], table.y[rows]
        inside = zones.inside_permitted(x, y)
        old = self.tier[rows].copy()
        new = np.where(inside, BoundaryTier.INSIDE, BoundaryTier.CROSSED).astype(np.int8)
        closed = self.closed[rows]
        has_case = ((old == BoundaryTier.CROSSED) | (old == BoundaryTier.RETURNED)) & ~closed
        new[inside & has_case] = BoundaryTier.RETURNED
        self.closed[rows[inside]] = False  # back in: the closed case is over
        near = inside & ~has_case & zones.near_boundary(x, y) & ~table.in_port[rows]
        dist = np.full(len(rows), np.inf)
        eta = np.full(len(rows), np.inf)
        if near.any():
            idx = np.flatnonzero(near)
            r = rows[idx]
            dist[idx] = zones.boundary_distance_nm(x[idx], y[idx])
            eta[idx] = zones.time_to_boundary_s(x[idx], y[idx], table.speed[r], table.course[r])
            new[idx[dist[idx] <= self.settings.boundary_warning_nm]] = BoundaryTier.APPROACHING
        self.tier[rows] = new
        out: list[Transition] = []
        for j in np.flatnonzero((new != old) | (new == BoundaryTier.APPROACHING)).tolist():
            out.extend(self._tier_change(int(rows[j]), table.at(int(rows[j])), int(old[j]),
                                         int(new[j]), float(dist[j]), float(eta[j])))
        return out

    def _tier_change(self, row: int, v: Vessel, old: int, new: int, dist: float, eta: float
                     ) -> list[Transition]:
        t = v.fix_time
        key = BOUNDARY_KEY.format
        if new == BoundaryTier.APPROACHING:
            # re-said at each fix with the distance and time left (rounded: a re-wording
            # the backend stores and sends is worth it only when the numbers change)
            return [Transition(key(tier="approach", vessel=v.id), VESSEL_KIND, True, t,
                               "medium", "boundary_approach", v.id, v.lon, v.lat,
                               {**_who(v), "distance_nm": round(dist, 1),
                                "speed_kn": round(v.speed_kn, 1),
                                "eta_s": round(eta, -1) if math.isfinite(eta) else None})]
        out: list[Transition] = []
        if old == BoundaryTier.APPROACHING:
            out.append(Transition(key(tier="approach", vessel=v.id), VESSEL_KIND, False, t,
                                  item_id=v.id))
        if new == BoundaryTier.CROSSED:
            if math.isnan(self.case_t[row]):
                self.case_t[row] = t  # out again on an open case: the case is the same trip
            cleared, raised, severity, rule = "returned", "crossed", "critical", "boundary_crossed"
        elif new == BoundaryTier.RETURNED:
            cleared, raised, severity, rule = "crossed", "returned", "high", "boundary_returned"
        else:
            return out
        crossed_at = float(self.case_t[row])
        # the case's one alert moves between crossed and returned
        out.append(Transition(key(tier=cleared, vessel=v.id), VESSEL_KIND, False, t,
                              item_id=v.id))
        out.append(Transition(key(tier=raised, vessel=v.id), VESSEL_KIND, True, t, severity,
                              rule, v.id, v.lon, v.lat,
                              {**_who(v), "at": t, "crossed_at": crossed_at}))
        return out

    def check_time(self, table: VesselTable, now: float) -> list[Transition]:
        """Ages grow without new data: every vessel's silence judged at `now`."""
        n = len(table)
        if n == 0:
            return []
        self.ensure(n)
        rows = np.arange(n)
        states, dark = dark_states(table, now, self.thresholds, rows)
        changed = np.flatnonzero(dark != self.dark[:n])[: self.max_dark_per_check]
        self.dark[changed] = dark[changed]
        vms = FreshnessPolicy.of(self.thresholds).vms  # only VMS vessels go dark
        out: list[Transition] = []
        for row in changed.tolist():
            v = table.at(row)
            key = DARK_KEY.format(vessel=v.id)
            if not dark[row]:
                out.append(Transition(key, VESSEL_KIND, False, v.fix_time, item_id=v.id))
                continue
            must = states[row] == VmsState.MUST_RETURN.value
            # the onset is when the silence crossed the threshold: the same for every
            # judge of the same data (the time of this check is not)
            onset = v.fix_time + (vms.must_return_after_s if must else vms.lost_after_s)
            out.append(Transition(key, VESSEL_KIND, True, onset, "high" if must else "medium",
                                  "must_return" if must else "vms_lost", v.id, v.lon, v.lat,
                                  {**_who(v), "fix_time": v.fix_time, "lon": v.lon,
                                   "lat": v.lat}))
        return out

    # --- the operators' side: cases closed, state resumed ---------------------------------

    def open_case(self, table: VesselTable, vessel_id: str) -> float | None:
        """When the vessel's open crossing case began (None: it has none)."""
        row = table.row_of(vessel_id)
        if row is None or row >= len(self.case_t) or math.isnan(self.case_t[row]):
            return None
        return float(self.case_t[row])

    def close_case(self, table: VesselTable, vessel_id: str, closed_by: str, reason: str,
                   at: float) -> list[Transition]:
        """An operator closed the vessel's crossing case with a reason: its alert ends,
        saying who and why. A vessel back inside is inside again; one still outside stays
        a violation on the map (a closed case is not a position) without a new case."""
        row = table.row_of(vessel_id)
        if row is not None and row < len(self.tier):
            if self.tier[row] == BoundaryTier.RETURNED:
                self.tier[row] = BoundaryTier.INSIDE
            elif self.tier[row] == BoundaryTier.CROSSED:
                self.closed[row] = True  # still outside: its return is no new case
            self.case_t[row] = np.nan
        ending = {"closed_by": closed_by, "reason": reason}
        return [Transition(BOUNDARY_KEY.format(tier=tier, vessel=vessel_id), VESSEL_KIND,
                           False, at, item_id=vessel_id, params=ending)
                for tier in ("crossed", "returned")]

    def cases(self, table: VesselTable) -> dict[str, list[object]]:
        """What a restart needs of the crossing cases and cannot read from the active
        alerts (a case closed while the vessel is still outside has none): per vessel
        outside or on a case, [tier, case start or None, closed]."""
        n = len(table)
        rows = np.flatnonzero((self.tier[:n] == BoundaryTier.CROSSED)
                               | (self.tier[:n] == BoundaryTier.RETURNED))
        return {table.at(r).id: [int(self.tier[r]),
                                 None if math.isnan(self.case_t[r]) else float(self.case_t[r]),
                                 bool(self.closed[r])] for r in rows.tolist()}

    def resume_cases(self, table: VesselTable, cases: Mapping[str, list[object]]) -> None:
        """Start from stored `cases` (see `cases`)."""
        self.ensure(len(table))
        for vessel_id, (tier, case_t, closed) in cases.items():
            row = table.row_of(vessel_id)
            if row is not None:
                self.tier[row] = int(tier)  # type: ignore[call-overload]
                self.case_t[row] = np.nan if case_t is None else float(case_t)  # type: ignore[arg-type]
                self.closed[row] = bool(closed)

    def resume(self, table: VesselTable, active: Iterable[tuple[str, Mapping[str, object]]]
               ) -> None:
        """Start from the conditions already held (the backend's active alerts after a
        restart: key and params), so the next fixes are judged as changes from there."""
        self.ensure(len(table))
        zone_bit = {z.id: 1 << i for i, z in enumerate(self.zones.zones)}
        for key, params in active:
            head, _, rest = key.partition(":")
            if head == "zone":
                zone_id, _, vessel_id = rest.partition(":")
                row, bit = table.row_of(vessel_id), zone_bit.get(zone_id)
                if row is not None and bit is not None:
                    self.mask[row] |= np.uint32(bit)
            elif head == "boundary":
                tier, _, vessel_id = rest.partition(":")
                row = table.row_of(vessel_id)
                if row is not None and tier in _TIER_OF_KEY:
                    self.tier[row] = _TIER_OF_KEY[tier]
                    crossed_at = params.get("crossed_at")
                    if isinstance(crossed_at, int | float):
                        self.case_t[row] = crossed_at
            elif head == "dark":
                row = table.row_of(rest)
                if row is not None:
                    self.dark[row] = True
