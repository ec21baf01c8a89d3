"""StormWatch: the console's current storm bulletin and who is at risk from it.

It takes bulletins from the live feed (`apply`, a one-item page per new bulletin),
re-assesses the fleet against the danger zone when the fleet moves (coalesced: one
assessment per second at most, off the frame path) and when a bulletin arrives, and
raises the alerts the border guard works from (console/storm/judge.py: a summary at the
storm's first picture, then one alert per vessel that enters the zone). A backend that
raises vessel alerts raises these too, from the same judge: this console then mirrors
them, and raises only those of vessels the backend does not serve.

Signals (GUI thread): `bulletin_changed(object)` (StormBulletin or None) and
`danger_changed()`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QObject, Signal

from console.live.clock import SourceClock
from console.live.timers import timer
from console.model.freshness import FreshnessPolicy, VmsState
from console.model.storm import StormBulletin
from console.rules.alerts import AlertInbox
from console.rules.raising import raise_transition
from console.stores.vessels import VesselStore
from console.storm.danger import DangerAssessment
from console.storm.judge import LOOKAHEAD_H, StormJudge

ASSESS_MS = 1000  # the fleet moves every couple of seconds; a second's delay is fine


@dataclass(frozen=True, slots=True)
class AtRisk:
    """The at-risk vessels as arrays in list order: store `rows`, and for each whether
    it is `inside`, its `distance_km` to the edge, `hours_to_enter` (NaN unless heading
    in), VMS `states` (VmsState values) and `fix_time`."""

    rows: np.ndarray
    inside: np.ndarray
    distance_km: np.ndarray
    hours_to_enter: np.ndarray
    states: np.ndarray
    fix_time: np.ndarray

    @staticmethod
    def empty() -> AtRisk:
        f = np.empty(0)
        return AtRisk(np.empty(0, np.int64), np.empty(0, bool), f, f, np.empty(0, np.int8), f)

    def __len__(self) -> int:
        return len(self.rows)


@dataclass(frozen=True, slots=True)
class DangerVessel:
    """One row of the danger-zone list."""

    vessel_id: str
    registration: str
    name: str
    owner: str
    lon: float
    lat: float
    inside: bool
    distance_km: float  # to the edge: to leave it (inside) or to reach it (outside)
    hours_to_enter: float | None
    vms: VmsState
    fix_time: float


class StormWatch(QObject):
    bulletin_changed = Signal(object)
    danger_changed = Signal()

    def __init__(
        self,
        vessels: VesselStore,
        clock: SourceClock,
        freshness: FreshnessPolicy,
        inbox: AlertInbox,
        lookahead_h: float = LOOKAHEAD_H,
        fleet_ready: Callable[[], bool] = lambda: True,
        parent: QObject | None = None,
    ) -> None:
        """`fleet_ready` says when the whole fleet is in: before that an empty or half
        store would make every vessel look as if it entered the zone later."""
        super().__init__(parent)
        self.vessels = vessels
        self.clock = clock
        self.freshness = freshness  # each vessel judged by its own sources' rhythm
        self.inbox = inbox
        self.lookahead_h = lookahead_h
        self.fleet_ready = fleet_ready
        self.bulletin: StormBulletin | None = None
        self.assessment: DangerAssessment | None = None
        self.judge = StormJudge(lookahead_h)
        # which vessels' alerts this console raises (the backend's own are mirrored;
        # RulesEngine.vessel_rules says which)
        self.raising: Callable[[str], bool] = lambda _vessel_id: True
        self._pending = timer(self, ASSESS_MS, self.reassess, single_shot=True)
        vessels.changed.connect(self._schedule)
        self._following = True

    def stop(self) -> None:
        """Stop following the fleet (idempotent: the app may shut down twice)."""
        self._pending.stop()
        if self._following:
            self._following = False
            self.vessels.changed.disconnect(self._schedule)

    # --- input ----------------------------------------------------------------------------

    def apply(self, items: Iterable[StormBulletin | None]) -> None:
        """The feed's page: the newest bulletin (None: the storm is over)."""
        for bulletin in items:
            self.bulletin = bulletin
            self.bulletin_changed.emit(bulletin)
            self.reassess()

    def _schedule(self, *_args: object) -> None:
        if self.bulletin is not None and not self._pending.isActive():
            self._pending.start()

    # --- assessment -----------------------------------------------------------------------

    def flush(self) -> None:
        """The fleet moved and an assessment is waiting for its second: make it now (a
        picture taken at once, as `--screenshot` does, must not show an empty list)."""
        if self._pending.isActive():
            self.reassess()

    def reassess(self) -> None:
        self._pending.stop()
        bulletin = self.bulletin
        self.assessment = self.judge.assess(self.vessels, bulletin)
        # the alerts (console/storm/judge.py, the backend's too); while the fleet is
        # still arriving a half store would make every vessel look as if it entered later
        # (and never in review: no live feed, the recorded inbox shows)
        if self.assessment is None or self.fleet_ready():
            for t in self.judge.judge(self.vessels, bulletin, self.assessment,
                                      self.clock.now()):
                if self.raising(t.item_id or ""):
                    raise_transition(self.inbox, t)
        self.danger_changed.emit()

    # --- output ---------------------------------------------------------------------------

    def counts(self) -> tuple[int, int]:
        """(inside, heading in) now."""
        a = self.assessment
        if a is None:
            return 0, 0
        return int(a.inside.sum()), int(a.heading_in.sum())

    def at_risk_rows(self) -> AtRisk:
        """The at-risk vessels in list order (inside, deepest in first; then heading in,
        soonest first) as arrays: the danger-zone list shows thousands of them and
        formats only the rows on screen."""
        a = self.assessment
        if a is None:
            return AtRisk.empty()
        rows = np.flatnonzero(a.at_risk)
        if not len(rows):
            return AtRisk.empty()
        inside = a.inside[rows]
        key = np.where(inside, -a.distance_km[rows], 1e6 + np.nan_to_num(
            a.hours_to_enter[rows], nan=1e6))
        order = rows[np.argsort(key, kind="stable")]
        states = self.vessels.states(self.clock.now(), self.freshness, order)
        return AtRisk(order, a.inside[order], a.distance_km[order], a.hours_to_enter[order],
                      np.asarray(states, dtype=np.int8),
                      self.vessels.columns()["fix_time"][order])

    def danger_vessel(self, table: AtRisk, k: int) -> DangerVessel:
        """The k-th row of `table` as the list and its exports show it."""
        v = self.vessels.at(int(table.rows[k]))
        hours = float(table.hours_to_enter[k])
        return DangerVessel(
            v.id, v.registration, v.name, v.owner, v.lon, v.lat, bool(table.inside[k]),
            float(table.distance_km[k]), None if np.isnan(hours) else hours,
            VmsState(int(table.states[k])), v.fix_time,
        )

    def at_risk(self) -> list[DangerVessel]:
        """Every at-risk vessel, in list order (for the exports, which write them all)."""
        table = self.at_risk_rows()
        return [self.danger_vessel(table, k) for k in range(len(table))]
