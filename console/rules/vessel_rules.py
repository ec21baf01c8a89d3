"""Vessel rules over the whole fleet: zone entry/leave, the permitted-boundary tiers
(approaching / crossed / returned) and dark vessels.

State is kept per store row in numpy arrays (zone condition bit masks, boundary tier,
dark flag), so an ingest of N changed vessels costs a few vectorised passes over those N
rows; only rows whose state actually changed reach the (Python) alert code.

Called on the GUI thread by `RulesEngine`. Emits nothing itself: it reports through the
`AlertInbox` it is given, and keeps `violating` (per row) for the vessel layer.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from console.i18n import Call, Text
from console.i18n import translate_later as _trl
from console.model.decisions import CrossingClosure, same_occurrence
from console.model.freshness import FreshnessPolicy, VmsState, VmsThresholds
from console.model.vessel import Vessel
from console.rules.alerts import AlertInbox
from console.rules.config import ZoneSettings
from console.rules.crossings import Crossing, CrossingError, close_crossing, crossing_id
from console.rules.dark import carries_vms, dark_states
from console.rules.geofence import BoundaryTier, ZoneSet, format_eta
from console.stores.vessels import VesselStore
from console.timefmt import format_local

MAX_DARK_TRANSITIONS = 500  # per time check (every few seconds)


class VesselRules:
    def __init__(
        self,
        store: VesselStore,
        zones: ZoneSet,
        settings: ZoneSettings,
        thresholds: VmsThresholds | FreshnessPolicy,
        inbox: AlertInbox,
        language: str = "vi",
        persist: Callable[[Crossing], None] | None = None,
    ) -> None:
        self.store = store
        self.zones = zones
        self.settings = settings
        self.thresholds = thresholds
        self.inbox = inbox
        self.language = language
        self._persist = persist or (lambda _c: None)
        self.mask = np.zeros(0, dtype=np.uint32)  # zone-condition bits per row
        self.tier = np.zeros(0, dtype=np.int8)
        self.dark = np.zeros(0, dtype=bool)
        self.crossings: dict[str, Crossing] = {}  # open crossing per vessel id
        self.zone_events: list[tuple[float, str, str, str]] = []  # (t, vessel, zone, enter|leave)
        self._entry_zone = np.array([z.alert_on == "entry" for z in zones.zones], dtype=bool)
        self._min_len = np.array([z.min_length_m for z in zones.zones], dtype=np.float64)

    # --- state arrays ---------------------------------------------------------------------

    def _ensure(self, n: int) -> None:
        if len(self.mask) >= n:
            return
        size = max(n, 2 * len(self.mask), 1024)
        for name, dtype in (("mask", np.uint32), ("tier", np.int8), ("dark", bool)):
            old = getattr(self, name)
            new = np.zeros(size, dtype=dtype)
            new[: len(old)] = old
            setattr(self, name, new)

    @property
    def violating(self) -> np.ndarray:
        """Per live row: breaking a zone rule or outside the permitted boundary."""
        n = len(self.store)
        self._ensure(n)
        return self._violating(slice(0, n))

    def _violating(self, rows: np.ndarray | slice) -> np.ndarray:
        return (self.mask[rows] != 0) | (self.tier[rows] == BoundaryTier.CROSSED)

    def _raise(
        self, key: str, severity: str, title: Text, message: Text, v: Vessel, at: float
    ) -> None:
        """A vessel alert, placed at the vessel's latest fix."""
        self.inbox.raise_alert(key, "vessel", severity, title, message, v.id, v.lon, v.lat, at=at)

    # --- zone conditions ------------------------------------------------------------------

    def condition_mask(self, rows: np.ndarray) -> np.ndarray:
        s = self.store
        x, y = s.x[rows], s.y[rows]
        member = self.zones.membership(x, y)
        if not len(self.zones.zones):
            return member
        at_sea = ~s.in_port[rows]
        fishing = at_sea & (s.speed[rows] <= self.settings.fishing_max_speed_kn)
        bits = np.uint32(0)
        for i in range(len(self.zones.zones)):
            bit = np.uint32(1 << i)
            eligible = s.length_m[rows] >= self._min_len[i]
            cond = eligible if self._entry_zone[i] else eligible & fishing
            member[~cond] &= ~bit
            bits |= bit
        return member & bits

    def update(self, rows: np.ndarray) -> bool:
        """Re-evaluate the rules for the rows just written to the store. True when the
        violation state (`violating`) of any of them changed."""
        if len(rows) == 0:
            return False
        self._ensure(len(self.store))
        valid = np.isfinite(self.store.x[rows]) & np.isfinite(self.store.y[rows])
        rows = rows[valid]
        before = self._violating(rows)
        fleet = rows[self.covered(rows)]  # the zone and boundary rules' vessels
        new = self.condition_mask(fleet)
        old = self.mask[fleet]
        changed = np.flatnonzero(new != old)
        self.mask[fleet] = new
        for j in changed.tolist():
            self._zone_transitions(int(fleet[j]), int(old[j]), int(new[j]))
        self._boundary(fleet)
        self._dark_rows(rows)
        return bool((self._violating(rows) != before).any())

    def covered(self, rows: np.ndarray) -> np.ndarray:
        """Which rows the fishing rules (zones, permitted boundary; Decree 41/2026) apply
        to: vessels on VMS, and AIS-only targets that say they are fishing vessels (ship
        type 30). A cargo ship at the anchorage is on the map, but breaks no fishing
        rule."""
        keep = carries_vms(self.store.sources[rows])
        for j in np.flatnonzero(~keep).tolist():
            keep[j] = self.store.at(int(rows[j])).gear == "fishing"
        return keep

    def _zone_transitions(self, row: int, old: int, new: int) -> None:
        v = self.store.at(row)
        t = v.fix_time
        for i, zone in enumerate(self.zones.zones):
            bit = 1 << i
            if (old ^ new) & bit == 0:
                continue
            key = f"zone:{zone.id}:{v.id}"
            label = zone.label(self.language)
            if new & bit:
                self.zone_events.append((t, v.id, zone.id, "enter"))
                fishing = zone.alert_on == "fishing"
                what = (
                    _trl("VesselRules", "fishing in %1")
                    if fishing
                    else _trl("VesselRules", "entered %1")
                ).args(label)
                self._raise(
                    key,
                    zone.severity,
                    (
                        _trl("VesselRules", "Fishing in %1: %2")
                        if fishing
                        else _trl("VesselRules", "Entered %1: %2")
                    ).args(label, v.registration),
                    _trl("VesselRules", "%1 (%2) — %3 at %4").args(
                        v.registration, v.name, what, format_local(t)
                    ),
                    v,
                    t,
                )
            else:
                self.zone_events.append((t, v.id, zone.id, "leave"))
                alert = self.inbox.by_key(key)
                msg = None
                if alert is not None:
                    msg = alert.message + _trl("VesselRules", "; left at %1").args(format_local(t))
                self.inbox.clear(key, at=t, message=msg)
        del self.zone_events[:-10000]  # bounded history

    # --- permitted boundary ---------------------------------------------------------------

    def _boundary(self, rows: np.ndarray) -> None:
        if self.zones.boundary is None:
            return
        s = self.store
        x, y = s.x[rows], s.y[rows]
        inside = self.zones.inside_permitted(x, y)
        old = self.tier[rows].copy()
        new = np.where(inside, BoundaryTier.INSIDE, BoundaryTier.CROSSED).astype(np.int8)
        has_case = (old == BoundaryTier.CROSSED) | (old == BoundaryTier.RETURNED)
        new[inside & has_case] = BoundaryTier.RETURNED
        near = inside & ~has_case & self.zones.near_boundary(x, y) & ~s.in_port[rows]
        dist = np.full(len(rows), np.inf)
        eta = np.full(len(rows), np.inf)
        if near.any():
            idx = np.flatnonzero(near)
            r = rows[idx]
            dist[idx] = self.zones.boundary_distance_nm(x[idx], y[idx])
            eta[idx] = self.zones.time_to_boundary_s(x[idx], y[idx], s.speed[r], s.course[r])
            approaching = idx[dist[idx] <= self.settings.boundary_warning_nm]
            new[approaching] = BoundaryTier.APPROACHING
        self.tier[rows] = new
        for j in np.flatnonzero((new != old) | (new == BoundaryTier.APPROACHING)).tolist():
            self._tier_change(int(rows[j]), int(old[j]), int(new[j]), dist[j], eta[j])

    def _tier_change(self, row: int, old: int, new: int, dist: float, eta: float) -> None:
        v = self.store.at(row)
        t = v.fix_time
        name = f"{v.registration} ({v.name})"
        if new == BoundaryTier.APPROACHING:
            self._raise(
                f"boundary:approach:{v.id}",
                "medium",
                _trl("VesselRules", "Approaching the permitted boundary: %1").args(v.registration),
                _trl(
                    "VesselRules",
                    "%1 is %2 nm from the permitted boundary; at %3 kn it reaches it in %4",
                ).args(name, f"{dist:.1f}", f"{v.speed_kn:.1f}", Call(format_eta, eta)),
                v,
                t,
            )
            return
        if old == BoundaryTier.APPROACHING:
            self.inbox.clear(f"boundary:approach:{v.id}", at=t)
        if new == BoundaryTier.CROSSED:
            crossing = self.crossings.get(v.id)
            if crossing is None:
                crossing = Crossing(crossing_id(v.id, t), v.id, v.registration, t)
                self.crossings[v.id] = crossing
            else:
                crossing.returned_at = None  # out again: the case is about this trip
            self._persist(crossing)
            cleared, raised, severity = "returned", "crossed", "critical"
            title = _trl("VesselRules", "Crossed the permitted boundary: %1").args(v.registration)
            message = _trl("VesselRules", "%1 crossed the permitted fishing boundary at %2").args(
                name, format_local(t)
            )
        elif new == BoundaryTier.RETURNED:
            crossing = self.crossings.get(v.id)
            if crossing is not None:
                crossing.returned_at = t
                self._persist(crossing)
            cleared, raised, severity = "crossed", "returned", "high"
            title = _trl("VesselRules", "Returned inside the boundary: %1").args(v.registration)
            message = _trl(
                "VesselRules",
                "%1 returned inside the permitted boundary at %2; close "
                "the crossing with a reason",
            ).args(name, format_local(t))
        else:
            return
        # the case's one alert moves between crossed and returned
        self.inbox.clear(f"boundary:{cleared}:{v.id}", at=t)
        self._raise(f"boundary:{raised}:{v.id}", severity, title, message, v, t)

    def close_crossing(
        self, vessel_id: str, reason: str, who: str, comment: str | None
    ) -> Crossing:
        """Operator decision; raises CrossingError when the reason does not apply. The
        vessel's violation state stays as it is (a closed case is not a position)."""
        crossing = self.open_crossing(vessel_id)
        close_crossing(crossing, reason, who, comment, self.settings.boundary_returned_window_s)
        self._closed(crossing)
        return crossing

    def open_crossing(self, vessel_id: str) -> Crossing:
        """The vessel's open crossing case; CrossingError when it has none."""
        crossing = self.crossings.get(vessel_id)
        if crossing is None:
            raise CrossingError("no open crossing for this vessel")
        return crossing

    def apply_closure(self, closure: CrossingClosure, watch_from: float | None) -> bool:
        """An operator (here or on another console) closed a crossing on the backend:
        close the vessel's open case if the closure names it (see `same_occurrence`)."""
        crossing = self.crossings.get(closure.vessel_id)
        if crossing is None or not same_occurrence(
            crossing.crossed_at, closure.crossed_at, watch_from
        ):
            return False
        crossing.closed_at, crossing.closed_by = closure.closed_at, closure.closed_by
        crossing.reason, crossing.comment = closure.reason, closure.comment
        self._closed(crossing)
        return True

    def _closed(self, crossing: Crossing) -> None:
        """The case is closed: its alerts end, saying who closed it and why."""
        vessel_id = crossing.vessel_id
        del self.crossings[vessel_id]
        self._persist(crossing)
        reason = {
            "position_error": _trl("VesselRules", "device / position error"),
            "returned_within_2h": _trl("VesselRules", "returned within 2 h"),
            "case_opened": _trl("VesselRules", "case opened"),
        }.get(crossing.reason or "", crossing.reason or "")
        for kind in ("crossed", "returned"):
            key = f"boundary:{kind}:{vessel_id}"
            alert = self.inbox.by_key(key)
            msg = None
            if alert is not None and alert.active:
                msg = alert.message + _trl("VesselRules", "; case closed by %1 (%2)").args(
                    crossing.closed_by or "", reason)
            self.inbox.clear(key, message=msg)
        row = self.store.row_of(vessel_id)
        if row is not None and len(self.tier) > row:
            self.tier[row] = (
                BoundaryTier.INSIDE if self.tier[row] == BoundaryTier.RETURNED else self.tier[row]
            )

    # --- dark vessels ---------------------------------------------------------------------

    def _dark_rows(self, rows: np.ndarray, now: float | None = None) -> None:
        s = self.store
        if now is None:
            return self._recover(rows)
        states, dark = dark_states(s, now, self.thresholds, rows)
        old = self.dark[rows]
        # bounded work per check: a burst (e.g. a feed outage ending) is spread over
        # several checks instead of stalling the GUI thread; the rest waits a tick
        changed = np.flatnonzero(dark != old)[:MAX_DARK_TRANSITIONS]
        self.dark[rows[changed]] = dark[changed]
        for j in changed.tolist():
            v = s.at(int(rows[j]))
            key = f"dark:{v.id}"
            if dark[j]:
                must = states[j] == VmsState.MUST_RETURN.value
                # the onset is when the silence crossed the threshold: the same on every
                # console (the time of this check is not), so decisions match it
                vms = FreshnessPolicy.of(self.thresholds).vms  # only VMS vessels go dark
                onset = v.fix_time + (vms.must_return_after_s if must else vms.lost_after_s)
                self._raise(
                    key,
                    "high" if must else "medium",
                    (
                        _trl("VesselRules", "Must return to port (silent > 10 days): %1")
                        if must
                        else _trl("VesselRules", "VMS signal lost: %1")
                    ).args(v.registration),
                    _trl("VesselRules", "%1 last reported at %2 (%3° N, %4° E)").args(
                        f"{v.registration} ({v.name})",
                        format_local(v.fix_time),
                        f"{v.lat:.3f}",
                        f"{v.lon:.3f}",
                    ),
                    v,
                    onset,
                )
            else:
                self.inbox.clear(key, at=v.fix_time)
        return None

    def _recover(self, rows: np.ndarray) -> None:
        """A fresh fix ends the dark condition of the rows that just reported."""
        back = rows[self.dark[rows]]
        self.dark[back] = False
        for row in back.tolist():
            v = self.store.at(row)
            self.inbox.clear(f"dark:{v.id}", at=v.fix_time)

    def check_time(self, now: float) -> None:
        """Periodic: ages grow without new data, so dark states are re-judged by time."""
        n = len(self.store)
        if n == 0:
            return
        self._ensure(n)
        self._dark_rows(np.arange(n), now)
