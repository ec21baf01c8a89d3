"""RulesEngine: runs every alert rule on store updates and on a clock, into one inbox.

Sources: vessel store (zones, boundary tiers, dark), station store (water level,
reservoir), rain summaries (fetched by the app), camera store (going offline) and
incident store (new high / critical incident). Other modules add their own alerts by
calling `engine.inbox.raise_alert(...)` / `clear(...)` directly.

Lives on the GUI thread; connects to the stores' `changed(list)` signals in `__init__`
and disconnects in `close()`. A wall-clock QTimer re-judges time-based states (a silent
vessel gets darker without any new data) and expires shelved alerts.

Signals:
- `violations_changed(object)`: the per-vessel violation mask changed (vessel layer
  redraw), only on a real change; the argument is the store's `VesselChange` whose
  ingest changed it, so a view that redraws for that ingest anyway can skip it.
- `crossings_changed()`: a permitted-boundary crossing opened, returned or closed.
- `summaries_updated()`: new rain sums / level trends arrived (station layer, list).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from console.live.clock import SourceClock
from console.live.timers import timer
from console.model.camera import Camera
from console.model.decisions import CrossingClosure
from console.model.incident import Incident
from console.model.station import Station
from console.model.station_summary import StationSummary as RainSummary
from console.rules.alerts import AlertInbox
from console.rules.config import RulesConfig
from console.rules.crossings import Crossing, CrossingLog
from console.rules.geofence import ZoneSet
from console.rules.judge import VESSEL_KIND, camera_transition, incident_transition
from console.rules.raising import raise_transition
from console.rules.station_rules import StationRules
from console.rules.vessel_rules import VesselRules
from console.stores.records import RecordStore
from console.stores.vessels import VesselChange, VesselStore


def _the_backends(_item_id: str) -> bool:
    return True


class RulesEngine(QObject):
    violations_changed = Signal(object)
    crossings_changed = Signal()
    summaries_updated = Signal()

    CHECK_MS = 5000

    def __init__(
        self,
        config: RulesConfig,
        zones: ZoneSet,
        vessels: VesselStore,
        stations: RecordStore[Station],
        cameras: RecordStore[Camera],
        incidents: RecordStore[Incident],
        clock: SourceClock,
        language: str = "vi",
        crossing_log: CrossingLog | None = None,
        persist_async: Callable[[Callable[[], None]], None] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.config = config
        self.clock = clock
        self.inbox = AlertInbox(config.alerts, now=clock.now, parent=self)
        self.crossing_log = crossing_log
        self._persist_async = persist_async or (lambda fn: fn())
        self.vessels = vessels
        self.stations = stations
        self.cameras = cameras
        self.incidents = incidents
        self.vessel_rules = VesselRules(
            vessels, zones, config.zones, config.freshness(), self.inbox, language, self._persist
        )
        self.station_rules = StationRules(config, self.inbox)
        self._closures: dict[str, CrossingClosure] = {}  # the backend's, latest per vessel
        # alert kinds the backend raises itself (console/rules/server_alerts.py mirrors
        # them), for the items it serves (`backend_owns`): not raised here for those
        self.server_kinds: frozenset[str] = frozenset()
        self.backend_owns: Callable[[str], bool] = _the_backends
        self.vessel_rules.raising = lambda vessel_id: self.raises_locally(VESSEL_KIND, vessel_id)
        self._connections = [
            (vessels.changed, self._on_vessels),
            (stations.changed, self._on_stations),
            (cameras.changed, self._on_cameras),
            (incidents.changed, self._on_incidents),
        ]
        for signal, slot in self._connections:
            signal.connect(slot)
        self._timer = timer(self, self.CHECK_MS, self.check_time, start=True)

    def close(self) -> None:
        self._timer.stop()
        for signal, slot in self._connections:
            signal.disconnect(slot)
        self._connections.clear()

    @property
    def zones(self) -> ZoneSet:
        return self.vessel_rules.zones

    # --- store updates --------------------------------------------------------------------

    def _on_vessels(self, change: VesselChange) -> None:
        if not change:
            return
        before = len(self.vessel_rules.crossings)
        with self.inbox.batch():
            violations = self.vessel_rules.update(change.rows)
            if len(self.vessel_rules.crossings) > before and self._closures:
                self._close_known()
        if violations:
            self.violations_changed.emit(change)
        if len(self.vessel_rules.crossings) != before:
            self.crossings_changed.emit()

    def judge_on_backend(self, kinds: frozenset[str],
                         owns: Callable[[str], bool] = _the_backends) -> None:
        """The backend raises alerts of `kinds` for the items `owns` says it serves: this
        console mirrors those (console/rules/server_alerts.py) and stops raising them
        itself; other sources' items (a SensorThings service) are still judged here."""
        self.server_kinds, self.backend_owns = frozenset(kinds), owns

    def raises_locally(self, kind: str, item_id: str) -> bool:
        """Whether this console's rules raise `kind` alerts about `item_id`."""
        return kind not in self.server_kinds or not self.backend_owns(item_id)

    def _on_stations(self, ids: list[str]) -> None:
        with self.inbox.batch():
            self.station_rules.update([s for i in ids if (s := self.stations.get(i)) is not None],
                                      lambda item_id: self.raises_locally("water_level", item_id))

    def apply_rain_summaries(self, items: list[RainSummary]) -> None:
        stations = {s.id: s for s in self.stations.records()}
        with self.inbox.batch():
            self.station_rules.apply_summaries(
                items, stations, self.clock.now(),
                lambda item_id: self.raises_locally("rain", item_id))
        self.summaries_updated.emit()

    def _on_cameras(self, ids: list[str]) -> None:
        self._follow([camera_transition(c) for c in self.cameras.present(ids)])

    def _on_incidents(self, ids: list[str]) -> None:
        self._follow([incident_transition(i) for i in self.incidents.present(ids)])

    def _follow(self, transitions: list) -> None:
        """Alerts that follow an item's state (console.rules.judge), unless the backend
        raises them."""
        for t in transitions:
            if self.raises_locally(t.kind, t.item_id or ""):
                raise_transition(self.inbox, t)

    # --- time-based -----------------------------------------------------------------------

    def check_time(self) -> None:
        with self.inbox.batch():
            self.vessel_rules.check_time(self.clock.now())
            self.inbox.expire_shelves()

    # --- crossings ------------------------------------------------------------------------

    def _persist(self, crossing: Crossing) -> None:
        log = self.crossing_log
        if log is None:
            return
        snapshot = Crossing(**{f: getattr(crossing, f) for f in crossing.__dataclass_fields__})
        if snapshot.closed_at is not None:
            self._persist_async(lambda: log.record_close(snapshot))
        else:
            self._persist_async(lambda: log.save(snapshot))

    def apply_closures(self, closures: list[CrossingClosure]) -> int:
        """Closures decided on the backend (by any console): close the cases they name.
        The latest closure per vessel is kept, so a case this console opens only later
        (its vessels arrived after the closures) is closed as soon as it opens."""
        for c in closures:
            known = self._closures.get(c.vessel_id)
            if known is None or c.crossed_at >= known.crossed_at:
                self._closures[c.vessel_id] = c
        with self.inbox.batch():
            n = sum(
                self.vessel_rules.apply_closure(c, self.inbox.watch_from) for c in closures
            )
        if n:
            self.crossings_changed.emit()
        return n

    def _close_known(self) -> None:
        """Apply the known closures to the cases just opened (see apply_closures)."""
        open_ids = [v for v in self.vessel_rules.crossings if v in self._closures]
        for vessel_id in open_ids:
            self.vessel_rules.apply_closure(self._closures[vessel_id], self.inbox.watch_from)

    def close_crossing(
        self, vessel_id: str, reason: str, who: str, comment: str | None = None
    ) -> Crossing:
        crossing = self.vessel_rules.close_crossing(vessel_id, reason, who, comment)
        self.crossings_changed.emit()  # the violation mask is unchanged: no redraw
        return crossing
