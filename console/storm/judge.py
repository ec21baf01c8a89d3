"""The storm danger-zone alerts, shared by the console and the backend: one implementation.

- When a storm's danger zone first meets the fleet, one alert says how many vessels are
  already inside or heading in: the danger-zone list is the place to work them, not
  hundreds of rows in the inbox (alarm-flood practice: one condition, one row).
- After that, one alert per vessel that enters the zone, cleared when it leaves it (or
  when the storm's bulletins end).

Onsets come from the data, so the backend and every console name the same occurrence: the
first picture at the bulletin's issue time; a vessel's entry or exit at the later of its
fix and the bulletin that put the zone where it is. Only the storm's end, which no record
dates, takes the caller's `now`.

Vectorised over the `VesselTable` (console/stores/vessel_table.py): only the vessels that
entered or left reach Python. No Qt, no clock.
"""

from __future__ import annotations

import numpy as np

from console.model.storm import StormBulletin
from console.rules.judge import VESSEL_KIND, Transition
from console.stores.vessel_table import VesselTable
from console.storm.danger import DangerAssessment, assess

LOOKAHEAD_H = 6.0  # "heading in": within this many hours at the vessel's course and speed
FIRST_KEY = "storm:first:{storm}"
INSIDE_KEY = "storm:inside:{vessel}"


class StormJudge:
    def __init__(self, lookahead_h: float = LOOKAHEAD_H) -> None:
        self.lookahead_h = lookahead_h
        # per table row (rows never move): inside the zone at the last judgement
        self.inside = np.zeros(0, dtype=bool)
        self.summarised: str | None = None  # the storm whose first picture was summarised

    def assess(self, table: VesselTable, bulletin: StormBulletin | None
               ) -> DangerAssessment | None:
        """Who is inside the bulletin's danger zone or heading in (None: no zone)."""
        if bulletin is None or bulletin.danger_zone is None:
            return None
        c = table.columns()
        return assess(c["x"], c["y"], c["speed"], c["course"], c["in_port"],
                      bulletin.danger_zone, self.lookahead_h)

    def judge(self, table: VesselTable, bulletin: StormBulletin | None,
              assessment: DangerAssessment | None, now: float) -> list[Transition]:
        """The alerts' transitions from the last judgement to `assessment` (made from
        `bulletin` over `table`, see `assess`)."""
        if bulletin is None or assessment is None:
            return self._over(table, now)
        inside = np.asarray(assessment.inside, dtype=bool)
        if self.summarised != bulletin.name:
            # the storm's first picture (the one before, if any, is over): one row for
            # everything already at risk
            out = self._over(table, now)
            self.summarised = bulletin.name
            self.inside = inside.copy()
            count, heading = int(inside.sum()), int(assessment.heading_in.sum())
            if count or heading:
                out.append(Transition(FIRST_KEY.format(storm=bulletin.name), VESSEL_KIND,
                                      True, bulletin.issued_at, "high", "storm_first",
                                      params={"storm": bulletin.name, "inside": count,
                                              "heading": heading}))
            return out
        before = self._like(inside)
        out = []
        for row in np.flatnonzero(inside & ~before).tolist():
            v = table.at(row)
            out.append(Transition(
                INSIDE_KEY.format(vessel=v.id), VESSEL_KIND, True,
                max(v.fix_time, bulletin.issued_at), "high", "storm_inside", v.id, v.lon, v.lat,
                {"vessel": v.id, "registration": v.registration, "owner": v.owner,
                 "storm": bulletin.name}))
        out.extend(self._left(table, before, inside, bulletin, now))
        return out

    def _over(self, table: VesselTable, now: float) -> list[Transition]:
        """The storm summarised so far is over: its summary and every entry alert end."""
        nobody = np.zeros(len(self.inside), dtype=bool)
        out = self._left(table, self.inside, nobody, None, now)
        if self.summarised is not None:
            out.append(Transition(FIRST_KEY.format(storm=self.summarised), VESSEL_KIND,
                                  False, now))
        self.summarised = None
        return out

    def _like(self, inside: np.ndarray) -> np.ndarray:
        """The last judgement's flags, as long as `inside` (new vessels: not inside)."""
        before = np.zeros(len(inside), dtype=bool)
        n = min(len(inside), len(self.inside))
        before[:n] = self.inside[:n]
        return before

    def _left(self, table: VesselTable, before: np.ndarray, inside: np.ndarray,
              bulletin: StormBulletin | None, now: float) -> list[Transition]:
        """Vessels that left the zone (all of them when the storm ended) end their alert;
        `before`: the last judgement's flags, as long as `inside`."""
        out = []
        for row in np.flatnonzero(before & ~inside).tolist():
            v = table.at(row)
            at = now if bulletin is None else max(v.fix_time, bulletin.issued_at)
            out.append(Transition(INSIDE_KEY.format(vessel=v.id), VESSEL_KIND, False, at,
                                  item_id=v.id))
        self.inside = inside.copy()
        return out

    def state(self, table: VesselTable) -> dict[str, object]:
        """What a restart needs (the backend stores it with its cursor): the storm
        summarised and the vessels inside at the last judgement."""
        rows = np.flatnonzero(self.inside[: len(table)]).tolist()
        return {"storm": self.summarised, "inside": [table.at(r).id for r in rows]}

    def resume(self, table: VesselTable, state: dict[str, object]) -> None:
        """Start from a stored `state`, so a vessel inside before the restart is not
        taken for one that just entered."""
        storm = state.get("storm")
        self.summarised = storm if isinstance(storm, str) else None
        self.inside = np.zeros(len(table), dtype=bool)
        for vessel_id in state.get("inside") or ():  # type: ignore[attr-defined]
            row = table.row_of(str(vessel_id))
            if row is not None:
                self.inside[row] = True
