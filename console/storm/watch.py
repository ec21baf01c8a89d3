"""StormWatch: the console's current storm bulletin and who is at risk from it.

It takes bulletins from the live feed (`apply`, a one-item page per new bulletin),
re-assesses the fleet against the danger zone when the fleet moves (coalesced: one
assessment per second at most, off the frame path) and when a bulletin arrives, and
raises the alerts the border guard works from:

- one alert per vessel that enters the zone (cleared when it leaves it), and
- when a storm first appears, one alert that says how many vessels are already inside
  or heading in — the list is the place to work them, not hundreds of rows in the inbox
  (alarm-flood practice: one condition, one row).

Signals (GUI thread): `bulletin_changed(object)` (StormBulletin or None) and
`danger_changed()`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QObject, Signal

from console.i18n import translate_later as _trl
from console.live.clock import SourceClock
from console.live.timers import timer
from console.model.freshness import FreshnessPolicy, VmsState
from console.model.storm import StormBulletin
from console.rules.alerts import AlertInbox
from console.stores.vessels import VesselStore
from console.storm.danger import DangerAssessment, assess

ASSESS_MS = 1000  # the fleet moves every couple of seconds; a second's delay is fine
LOOKAHEAD_H = 6.0


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
        # per store row (rows never move): inside the zone at the last assessment
        self._inside = np.zeros(0, dtype=bool)
        self._summarised: str | None = None  # the storm whose first picture was summarised
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
        if bulletin is None or bulletin.danger_zone is None:
            self.assessment = None
            self._clear_vessel_alerts(np.zeros(len(self._inside), dtype=bool))
            self.danger_changed.emit()
            return
        c = self.vessels.columns()
        self.assessment = assess(c["x"], c["y"], c["speed"], c["course"], c["in_port"],
                                 bulletin.danger_zone, self.lookahead_h)
        if self.fleet_ready():  # never in review: no live feed (the recorded inbox shows)
            self._alert(bulletin, self.assessment)
        self.danger_changed.emit()

    def _alert(self, bulletin: StormBulletin, a: DangerAssessment) -> None:
        """Vectorised over the fleet: only the vessels that entered or left since the
        last assessment reach Python (a storm over 20,000 vessels is assessed every
        second while fixes pour in)."""
        now = self.clock.now()
        inside = np.asarray(a.inside, dtype=bool)
        if self._summarised != bulletin.name:
            # the storm's first picture: one row for everything already at risk
            self._summarised = bulletin.name
            self._inside = inside.copy()
            count, heading = int(inside.sum()), int(a.heading_in.sum())
            if count or heading:
                self.inbox.raise_alert(
                    f"storm:first:{bulletin.name}",
                    "vessel",
                    "high",
                    _trl("StormWatch", "Storm danger zone: %1 vessels inside").args(count),
                    _trl("StormWatch", "%1: %2 vessels inside the danger zone, %3 heading "
                                       "into it; see the danger-zone list").args(
                        bulletin.name, count, heading),
                    at=now,
                )
            return
        before = self._rows_like(inside)
        for row in np.flatnonzero(inside & ~before).tolist():
            v = self.vessels.at(row)
            self.inbox.raise_alert(
                f"storm:inside:{v.id}",
                "vessel",
                "high",
                _trl("StormWatch", "Entered the storm danger zone: %1").args(v.registration),
                _trl("StormWatch", "%1 (%2) entered the danger zone of %3").args(
                    v.registration, v.owner, bulletin.name),
                v.id,
                v.lon,
                v.lat,
                at=now,
            )
        self._clear_vessel_alerts(inside)

    def _rows_like(self, inside: np.ndarray) -> np.ndarray:
        """The last assessment's flags, as long as `inside` (new vessels: not inside)."""
        before = np.zeros(len(inside), dtype=bool)
        n = min(len(inside), len(self._inside))
        before[:n] = self._inside[:n]
        return before

    def _clear_vessel_alerts(self, inside: np.ndarray) -> None:
        """A vessel that left the zone (or a storm that ended: nothing inside) clears its
        alert."""
        now = self.clock.now()
        before = self._rows_like(inside)
        for row in np.flatnonzero(before & ~inside).tolist():
            self.inbox.clear(f"storm:inside:{self.vessels.at(row).id}", at=now)
        self._inside = inside.copy()

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
                      self.vessels.columns()["fix_time"][order].copy())

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
