"""Vessel rules on the console: the shared judge (console/rules/vessel_judge.py) over the
live store, its transitions raised into this console's inbox, and the crossing cases an
operator works on.

The judgement (zones, permitted-boundary tiers, dark vessels) is the backend's too: a
backend that names the "vessel" kind in its /health raises those alerts itself, and this
console then mirrors them (console/rules/server_alerts.py) instead of raising them for
the vessels the backend serves. It still judges every vessel here: the map marks the
vessels breaking a rule (`violating`), the crossings panel lists the open cases, and an
AIS-only target the backend has never heard of is judged only here.

Called on the GUI thread by `RulesEngine`. Emits nothing itself: it reports through the
`AlertInbox` it is given.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from console.model.decisions import CrossingClosure, closure_names_case
from console.model.freshness import FreshnessPolicy, VmsThresholds
from console.rules.alerts import AlertInbox
from console.rules.config import ZoneSettings
from console.rules.crossings import Crossing, CrossingError, close_crossing, crossing_id
from console.rules.dark import carries_vms
from console.rules.geofence import ZoneSet
from console.rules.judge import Transition
from console.rules.raising import raise_transition
from console.rules.vessel_judge import VesselJudge
from console.stores.vessels import VesselStore

MAX_DARK_TRANSITIONS = 500  # per time check (every few seconds)


def _everywhere(_vessel_id: str) -> bool:
    return True


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
        self.settings = settings
        self.inbox = inbox
        self.language = language
        self.judge = VesselJudge(zones, settings, thresholds, MAX_DARK_TRANSITIONS)
        self._persist = persist or (lambda _c: None)
        self.crossings: dict[str, Crossing] = {}  # open crossing per vessel id
        self.zone_events: list[tuple[float, str, str, str]] = []  # (t, vessel, zone, enter|leave)
        # which vessels' alerts this console raises (the backend's own are mirrored)
        self.raising: Callable[[str], bool] = _everywhere

    @property
    def zones(self) -> ZoneSet:
        return self.judge.zones

    @property
    def tier(self) -> np.ndarray:
        """`BoundaryTier` per store row."""
        self.judge.ensure(len(self.store))
        return self.judge.tier

    @property
    def violating(self) -> np.ndarray:
        """Per live row: breaking a zone rule or outside the permitted boundary."""
        n = len(self.store)
        self.judge.ensure(n)
        return self.judge.violating(slice(0, n))

    # --- judging --------------------------------------------------------------------------

    def update(self, rows: np.ndarray) -> bool:
        """Re-evaluate the rules for the rows just written to the store. True when the
        violation state (`violating`) of any of them changed."""
        if len(rows) == 0:
            return False
        self.judge.ensure(len(self.store))
        before = self.judge.violating(rows)
        self._take(self.judge.update(self.store, rows))
        return bool((self.judge.violating(rows) != before).any())

    def check_time(self, now: float) -> None:
        """Periodic: ages grow without new data, so dark states are re-judged by time."""
        self._take(self.judge.check_time(self.store, now))

    def _take(self, transitions: list[Transition]) -> None:
        """The judge's transitions: the crossing cases and the zone history follow them;
        the alerts go to the inbox unless the backend raises them."""
        for t in transitions:
            if t.key.startswith("zone:"):
                self._note_zone_event(t)
            elif t.rule == "boundary_crossed":
                self._crossed(t)
            elif t.rule == "boundary_returned":
                self._returned(t)
            if self.raises(t.item_id or ""):
                raise_transition(self.inbox, t)
        del self.zone_events[:-10000]  # bounded history

    def raises(self, vessel_id: str) -> bool:
        """An AIS-only target is never the backend's: its alerts are raised here."""
        if self.raising(vessel_id):
            return True
        row = self.store.row_of(vessel_id)
        return row is not None and not bool(carries_vms(self.store.sources[row : row + 1])[0])

    def _note_zone_event(self, t: Transition) -> None:
        zone_id = t.key.split(":")[1]
        self.zone_events.append((t.at, t.item_id or "", zone_id, "enter" if t.active else "leave"))

    # --- crossing cases -------------------------------------------------------------------

    def _crossed(self, t: Transition) -> None:
        vessel_id = t.item_id or ""
        crossing = self.crossings.get(vessel_id)
        if crossing is None:
            crossing = Crossing(crossing_id(vessel_id, t.at), vessel_id,
                                str(t.params.get("registration", "")), t.at)
            self.crossings[vessel_id] = crossing
        else:
            crossing.returned_at = None  # out again: the case is about this trip
        self._persist(crossing)

    def _returned(self, t: Transition) -> None:
        crossing = self.crossings.get(t.item_id or "")
        if crossing is not None:
            crossing.returned_at = t.at
            self._persist(crossing)

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
        close the vessel's open case if the closure names it (`closure_names_case`, the
        backend's rule too)."""
        crossing = self.crossings.get(closure.vessel_id)
        if crossing is None or not closure_names_case(
                crossing.crossed_at, closure.crossed_at, closure.closed_at, watch_from):
            return False
        crossing.closed_at, crossing.closed_by = closure.closed_at, closure.closed_by
        crossing.reason, crossing.comment = closure.reason, closure.comment
        self._closed(crossing)
        return True

    def _closed(self, crossing: Crossing) -> None:
        """The case is closed: its alerts end, saying who closed it and why (the
        backend's end the same way when it judges this vessel: backend/alerting.py)."""
        del self.crossings[crossing.vessel_id]
        self._persist(crossing)
        for t in self.judge.close_case(self.store, crossing.vessel_id, crossing.closed_by or "",
                                       crossing.reason or "", self.inbox.now()):
            raise_transition(self.inbox, t)
