"""SharedDecisions: applies the backend's records of operators' decisions to this console.

Every console shows the same state because every record, wherever it comes from, goes
through `apply(batch)`: the decision polls (`/alerts/decisions`, `/reports`,
`/crossings/closures`), the backend's answer to this console's own action (outbox), a
409's current record, and (later) the push stream. Alert decisions go to the alert
inbox, closures close the rules' crossing cases, manual position reports are kept as
map records (`reports`, a RecordStore, so the map layer and the vessel details read
them like any other record kind).

Lives on the GUI thread. Signals:
- `reports_changed(object)`: list of vessel ids whose manual reports changed.
- `closures_changed()`: closures arrived.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from console.model.decisions import CrossingClosure, DecisionBatch, PositionReport
from console.rules.engine import RulesEngine
from console.stores.records import RecordStore


class SharedDecisions(QObject):
    reports_changed = Signal(object)
    closures_changed = Signal()

    def __init__(self, rules: RulesEngine, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rules = rules
        self.reports: RecordStore[PositionReport] = RecordStore(self)
        self._by_vessel: dict[str, set[str]] = {}
        self.closures: dict[str, CrossingClosure] = {}

    def apply(self, batch: DecisionBatch) -> None:
        """THE way a decision record reaches this console's state (see the module doc).
        Idempotent: the same record applied twice changes nothing."""
        if batch.alerts:
            self.rules.inbox.apply_decisions(batch.alerts)
        if batch.reports:
            self.reports.apply(batch.reports)
            vessels = []
            for r in batch.reports:
                ids = self._by_vessel.setdefault(r.vessel_id, set())
                ids.add(r.id)
                if r.vessel_id not in vessels:
                    vessels.append(r.vessel_id)
            self.reports_changed.emit(vessels)
        if batch.closures:
            fresh = [c for c in batch.closures if self.closures.get(c.id) != c]
            for c in fresh:
                self.closures[c.id] = c
            if fresh:
                self.rules.apply_closures(fresh)
                self.closures_changed.emit()

    # --- reading --------------------------------------------------------------------------

    def reports_of(self, vessel_id: str) -> list[PositionReport]:
        """The vessel's manual position reports, oldest first."""
        rows = [r for i in self._by_vessel.get(vessel_id, ()) if (r := self.reports.get(i))]
        rows.sort(key=lambda r: (r.reported_at, r.id))
        return rows

    def last_report(self, vessel_id: str) -> PositionReport | None:
        rows = self.reports_of(vessel_id)
        return rows[-1] if rows else None

    def closure_of(self, vessel_id: str) -> CrossingClosure | None:
        """The latest closure of the vessel's crossings."""
        rows = [c for c in self.closures.values() if c.vessel_id == vessel_id]
        return max(rows, key=lambda c: c.closed_at) if rows else None
