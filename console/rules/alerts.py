"""The one alert inbox for every source (vessel, water level, rain, camera, incident).

Rules (ours or another module's) call `raise_alert(key, ...)` while a condition holds and
`clear(key)` when it ends. The key names the *condition* (e.g. "zone:restricted-1:v42"),
so a rule may call `raise_alert` on every update: an alert that is still active is not
duplicated. A condition that clears and comes back within `flap_window_s` re-opens the
same row (counting occurrences) instead of adding a new one; past
`flap_max_transitions` it is marked flapping and no longer cues the operator.

Times: `raised_at`/`cleared_at` are source time (the condition's own time, injected
`now`); acknowledgement and shelving are operator actions in wall-clock time (`wall`),
because a 15-minute shelf must last 15 real minutes even when the demo clock runs 60x.

Operators' decisions are shared: acknowledgement and shelving live on the backend, and
`apply_decisions` takes the backend's records (console/model/decisions.py), keeps the
latest per condition and applies each to its alert when it names the same occurrence
(`same_occurrence`: the condition key plus its onset `raised_at`); an alert raised later
picks up a decision already known. `watch_from` (source time this console began
watching) tells an onset this console saw from one it only found under way.

Lives on the GUI thread. Signals:
- `changed()`: rows were added, updated, acknowledged, shelved or un-shelved.
- `cue(object)`: an `Alert` that should draw the operator's attention now (new or
  escalated, not flapping, not shelved).
"""

from __future__ import annotations

import math
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Signal

from console.i18n import Text
from console.model.decisions import AlertDecision, same_occurrence
from console.rules.config import AlertSettings

SEVERITIES = ("info", "low", "medium", "high", "critical")
SOURCES = ("vessel", "water_level", "rain", "camera", "incident")


def severity_rank(severity: str) -> int:
    return SEVERITIES.index(severity) if severity in SEVERITIES else 0


def inbox_sort_key(alert: Alert) -> tuple[int, int, float, int]:
    """The inbox order. Unacknowledged alerts first, worst severity first (so an
    unacknowledged critical alert is pinned at the top and never sits off screen below
    medium ones), newest first within a severity; then the acknowledged ones, newest
    first. Sort ascending by this key."""
    if alert.acknowledged:
        return (1, 0, -alert.raised_at, -alert.id)
    return (0, -severity_rank(alert.severity), -alert.raised_at, -alert.id)


@dataclass
class Alert:
    """One row of the inbox (mutable: the inbox updates it in place)."""

    id: int
    key: str
    source: str
    severity: str
    title: str | Text  # a Text renders in the UI language when shown
    message: str | Text
    raised_at: float
    item_id: str | None = None
    lon: float | None = None
    lat: float | None = None
    updated_at: float = 0.0
    active: bool = True
    cleared_at: float | None = None
    occurrences: int = 1
    flapping: bool = False
    ack_by: str | None = None
    ack_at: float | None = None
    ack_comment: str | None = None
    shelved_until: float | None = None
    shelved_by: str | None = None
    transitions: list[float] = field(default_factory=list)  # (re)open times
    # who raised it: "local" (this console's rules) or "server" (the backend's rules,
    # mirrored by console/rules/server_alerts.py)
    origin: str = "local"

    @property
    def acknowledged(self) -> bool:
        return self.ack_at is not None

    def shelved(self, wall_now: float) -> bool:
        return self.shelved_until is not None and wall_now < self.shelved_until


class AlertInbox(QObject):
    changed = Signal()
    cue = Signal(object)

    def __init__(
        self,
        settings: AlertSettings | None = None,
        now: Callable[[], float] = time.time,
        wall: Callable[[], float] = time.time,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings or AlertSettings()
        self._now = now
        self._wall = wall
        self._alerts: dict[int, Alert] = {}
        self._by_key: dict[str, Alert] = {}
        self._next_id = 1
        self._batch_depth = 0
        self._next_trim = 0
        self._batch_dirty = False
        self._decisions: dict[str, AlertDecision] = {}  # the backend's, latest per key
        self.watch_from: float | None = None  # source time this console began watching
        self._arrivals: deque[float] = deque()  # wall times alerts (re)opened: flood rate
        self._opened_wall: dict[int, float] = {}  # alert id -> wall time it last (re)opened

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Coalesce `changed` into one emission for a burst of updates (a fleet ingest
        may open thousands of alerts at once); `cue` is still emitted per alert."""
        self._batch_depth += 1
        try:
            yield
        finally:
            self._batch_depth -= 1
            if self._batch_depth == 0 and self._batch_dirty:
                self._batch_dirty = False
                self.changed.emit()

    def _changed(self) -> None:
        if self._batch_depth:
            self._batch_dirty = True
        else:
            self.changed.emit()

    # --- reading --------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._alerts)

    def replace_all(self, alerts: dict[str, Alert]) -> bool:
        """Show exactly these alerts (review mode replays the recorded inbox instead of
        re-evaluating rules). Emits `changed` and returns True only on a real change."""
        same = set(alerts) == set(self._alerts) and all(
            self._alerts[k].active == v.active for k, v in alerts.items()
        )
        if same:
            return False
        self._alerts = dict(alerts)
        self._by_key = {a.key: a for a in alerts.values()}
        self.changed.emit()
        return True

    def alerts(self, include_shelved: bool = True) -> list[Alert]:
        """Newest first (by the time the condition last (re)started)."""
        wall = self._wall()
        rows = [a for a in self._alerts.values() if include_shelved or not a.shelved(wall)]
        rows.sort(key=lambda a: (a.raised_at, a.id), reverse=True)
        return rows

    def inbox_order(self, view: str = "inbox") -> list[Alert]:
        """The rows of one inbox view in `inbox_sort_key` order: "inbox" (not shelved)
        or "shelved" (only the shelved ones, so they can be seen and un-shelved)."""
        wall = self._wall()
        want_shelved = view == "shelved"
        rows = [a for a in self._alerts.values() if a.shelved(wall) == want_shelved]
        rows.sort(key=inbox_sort_key)
        return rows

    def counts(self) -> dict[str, int]:
        """How many alerts are new (unacknowledged), acknowledged and shelved: the inbox
        header shows them so the operator sees the state of the whole inbox at once."""
        wall = self._wall()
        out = {"new": 0, "acknowledged": 0, "shelved": 0}
        for a in self._alerts.values():
            if a.shelved(wall):
                out["shelved"] += 1
            elif a.acknowledged:
                out["acknowledged"] += 1
            else:
                out["new"] += 1
        return out

    def get(self, alert_id: int) -> Alert | None:
        return self._alerts.get(alert_id)

    def by_key(self, key: str) -> Alert | None:
        return self._by_key.get(key)

    def active(self, source: str | None = None) -> list[Alert]:
        return [
            a for a in self._alerts.values() if a.active and (source is None or a.source == source)
        ]

    def flood_count(self) -> int:
        """Alerts opened or re-opened within the last `flood_window_s` (wall clock)."""
        horizon = self._wall() - self.settings.flood_window_s
        while self._arrivals and self._arrivals[0] < horizon:
            self._arrivals.popleft()
        return len(self._arrivals)

    def standing_count(self) -> int:
        """Active alerts that were already open before the flood window: the standing
        ones, as against the new ones `flood_count` counts (EEMUA 191 reports both)."""
        horizon = self._wall() - self.settings.flood_window_s
        for gone in [i for i in self._opened_wall if i not in self._alerts]:
            del self._opened_wall[gone]  # trimmed rows: the map stays as small as the inbox
        return sum(1 for a in self._alerts.values()
                   if a.active and self._opened_wall.get(a.id, horizon) < horizon)

    def in_flood(self) -> bool:
        """More alerts arrive than one operator can handle (ISA-18.2: > 10 in 10 min)."""
        return self.flood_count() > self.settings.flood_alerts

    def unacknowledged(self, min_severity: str = "info") -> list[Alert]:
        wall = self._wall()
        rows = [a for a in self._alerts.values() if a.ack_at is None and not a.shelved(wall)]
        if min_severity == "info":
            return rows
        rank = severity_rank(min_severity)
        return [a for a in rows if severity_rank(a.severity) >= rank]

    # --- rules side -----------------------------------------------------------------------

    def mark_flapping(self, key: str) -> None:
        """The condition is flapping by someone else's count (the backend's, which saw
        every occurrence): no cue for it from now on, as for one counted here."""
        alert = self._by_key.get(key)
        if alert is not None and not alert.flapping:
            alert.flapping = True
            self._changed()

    def now(self) -> float:
        """The inbox's clock (source time): onsets and ends without a time of their own."""
        return self._now()

    def raise_alert(
        self,
        key: str,
        source: str,
        severity: str,
        title: str | Text,
        message: str | Text,
        item_id: str | None = None,
        lon: float | None = None,
        lat: float | None = None,
        at: float | None = None,
        origin: str = "local",
        quiet: bool = False,
    ) -> Alert | None:
        """Open (or keep open) the alert of condition `key`. Returns the alert when this call
        opened, re-opened or escalated it; None when it was already active (deduplicated).
        `origin`: who raised it (see `Alert.origin`). `quiet`: an occurrence that is already
        over when this console hears of it (history): no cue, not counted as arriving."""
        at = self._now() if at is None else at
        existing = self._by_key.get(key)
        if existing is not None and existing.active:
            existing.origin = origin
            return self._escalate(existing, severity, title, message, lon, lat, at)
        window = self.settings.flap_window_s
        if (
            existing is not None
            and existing.cleared_at is not None
            and at - existing.cleared_at <= window
        ):
            alert = existing
            alert.active, alert.cleared_at = True, None
            alert.occurrences += 1
            alert.transitions = [t for t in alert.transitions if at - t <= window] + [at]
            if len(alert.transitions) > self.settings.flap_max_transitions:
                alert.flapping = True
            alert.severity, alert.title, alert.message = severity, title, message
            alert.lon, alert.lat, alert.updated_at = lon, lat, at
            # a flapping condition keeps its row's onset and acknowledgement here; the
            # backend's occurrence is always a new one (its decisions name its onset)
            if not alert.flapping or origin != "local":
                alert.raised_at = at
                alert.ack_at = alert.ack_by = alert.ack_comment = None
        else:
            if existing is not None:  # an old, settled condition: a fresh row
                self._by_key.pop(key, None)
            alert = Alert(
                self._next_id, key, source, severity, title, message, at, item_id, lon, lat, at
            )
            alert.transitions = [at]
            self._next_id += 1
            self._alerts[alert.id] = alert
            self._by_key[key] = alert
            self._trim()
        alert.origin = origin
        self._adopt(alert)
        self._changed()
        if quiet:
            return alert
        if self.watch_from is not None and at < self.watch_from:
            # under way before this console began watching (what a starting console finds):
            # standing, not an arrival; 188 of them at start-up are no alarm flood
            self._opened_wall[alert.id] = -math.inf
        else:
            self._arrivals.append(self._wall())
            self._opened_wall[alert.id] = self._arrivals[-1]
        if not alert.flapping and not alert.shelved(self._wall()) and not alert.acknowledged:
            self.cue.emit(alert)
        return alert

    def _escalate(
        self,
        alert: Alert,
        severity: str,
        title: str | Text,
        message: str | Text,
        lon: float | None,
        lat: float | None,
        at: float,
    ) -> Alert | None:
        rose = severity_rank(severity) > severity_rank(alert.severity)
        if (alert.severity, alert.title, alert.message, alert.lon, alert.lat) == (
            severity,
            title,
            message,
            lon,
            lat,
        ):
            return None
        alert.severity, alert.title, alert.message = severity, title, message
        alert.lon, alert.lat, alert.updated_at = lon, lat, at
        if rose:  # a worse state of the same condition needs a new acknowledgement
            alert.ack_at = alert.ack_by = alert.ack_comment = None
            alert.raised_at = at
            self._adopt(alert)
        self._changed()
        if rose and not alert.shelved(self._wall()) and not alert.acknowledged:
            self.cue.emit(alert)
            return alert
        return None

    def clear(self, key: str, at: float | None = None, message: str | Text | None = None) -> bool:
        """The condition ended: the row stays (history) but is no longer active."""
        alert = self._by_key.get(key)
        if alert is None or not alert.active:
            return False
        at = self._now() if at is None else at
        alert.active, alert.cleared_at, alert.updated_at = False, at, at
        if message is not None:
            alert.message = message
        self._changed()
        return True

    def _trim(self) -> None:
        """Keep memory bounded: past `max_alerts` (+10 % slack, so the sort runs rarely)
        drop the oldest settled rows (cleared and acknowledged), then the oldest cleared
        ones. Active conditions are never dropped."""
        limit = self.settings.max_alerts
        slack = max(10, limit // 10)
        if len(self._alerts) <= max(self._next_trim, limit + slack):
            return
        excess = len(self._alerts) - limit
        inactive = sorted(
            (a for a in self._alerts.values() if not a.active),
            key=lambda a: (not a.acknowledged, a.updated_at),
        )
        for a in inactive[:excess]:
            del self._alerts[a.id]
            if self._by_key.get(a.key) is a:
                del self._by_key[a.key]
        # if active alerts alone exceed the limit, do not rescan on every new alert
        self._next_trim = len(self._alerts) + slack

    # --- decisions shared through the backend ----------------------------------------------

    def apply_decisions(self, decisions: Iterable[AlertDecision]) -> int:
        """Take the backend's records of operators' decisions (by poll, push, or the answer
        to our own action); apply each to its alert if it names the same occurrence.
        Returns how many alerts changed."""
        changed = 0
        for d in decisions:
            known = self._decisions.get(d.key)
            if known is not None and (known.raised_at, known.version) > (d.raised_at, d.version):
                continue  # an older record (a replayed answer after a newer poll)
            self._decisions[d.key] = d
            alert = self._by_key.get(d.key)
            if alert is not None and self._apply_decision(alert, d):
                changed += 1
        if changed:
            self._changed()
        return changed

    def decision(self, key: str) -> AlertDecision | None:
        return self._decisions.get(key)

    def _adopt(self, alert: Alert) -> None:
        """A decision already known for this condition applies to an alert just raised."""
        d = self._decisions.get(alert.key)
        if d is not None:
            self._apply_decision(alert, d)

    def _apply_decision(self, alert: Alert, d: AlertDecision) -> bool:
        if not same_occurrence(alert.raised_at, d.raised_at, self.watch_from):
            return False
        before = (alert.raised_at, alert.ack_by, alert.ack_at, alert.ack_comment,
                  alert.shelved_until, alert.shelved_by)
        newer = d.raised_at > alert.raised_at
        alert.raised_at = d.raised_at  # the occurrence as the backend names it
        if d.ack_at is not None or newer:
            # within one occurrence an acknowledgement is never taken back: a record
            # without one was made before ours arrived
            alert.ack_by, alert.ack_at, alert.ack_comment = d.ack_by, d.ack_at, d.ack_comment
        alert.shelved_until, alert.shelved_by = d.shelved_until, d.shelved_by
        return before != (alert.raised_at, alert.ack_by, alert.ack_at, alert.ack_comment,
                          alert.shelved_until, alert.shelved_by)

    def restore(self, key: str) -> None:
        """Undo what this console showed ahead of the backend for `key` (its action was
        refused): back to the backend's record, or to no decision at all."""
        alert = self._by_key.get(key)
        if alert is None:
            return
        alert.ack_by = alert.ack_at = alert.ack_comment = None
        alert.shelved_until = alert.shelved_by = None
        self._adopt(alert)
        self._changed()

    # --- operator side --------------------------------------------------------------------

    def acknowledge(self, alert_ids: Iterable[int], who: str, comment: str | None = None) -> int:
        wall = self._wall()
        n = 0
        for alert_id in alert_ids:
            alert = self._alerts.get(alert_id)
            if alert is not None and not alert.acknowledged:
                alert.ack_by, alert.ack_at, alert.ack_comment = who, wall, comment or None
                n += 1
        if n:
            self._changed()
        return n

    def acknowledge_all(self, who: str, comment: str | None = None, source: str | None = None):
        ids = [
            a.id
            for a in self._alerts.values()
            if not a.acknowledged and (source is None or a.source == source)
        ]
        return self.acknowledge(ids, who, comment)

    def shelve(self, alert_ids: Iterable[int], seconds: float, who: str | None = None) -> None:
        """Hide alerts from the inbox and from cues for `seconds` of wall time."""
        until = self._wall() + seconds
        for alert_id in alert_ids:
            alert = self._alerts.get(alert_id)
            if alert is not None:
                alert.shelved_until, alert.shelved_by = until, who
        self._changed()

    def unshelve(self, alert_ids: Iterable[int]) -> None:
        for alert_id in alert_ids:
            alert = self._alerts.get(alert_id)
            if alert is not None:
                alert.shelved_until = alert.shelved_by = None
        self._changed()

    def expire_shelves(self) -> list[Alert]:
        """Return shelved alerts whose time is up to the inbox (call from a timer)."""
        wall = self._wall()
        back = [
            a
            for a in self._alerts.values()
            if a.shelved_until is not None and a.shelved_until <= wall
        ]
        for a in back:
            a.shelved_until = None
        if back:
            self._changed()
            for a in back:
                if a.active and not a.acknowledged and not a.flapping:
                    self.cue.emit(a)
        return back


class CuePolicy:
    """When to sound the audible cue: new high-severity alerts, once or repeating while
    unacknowledged, never more often than `sound_min_interval_s` (wall time). Alerts of
    `repeat_severities` (critical) repeat until acknowledged even in "once" mode: a
    critical condition must not fall silent because nobody was at the desk. Pure."""

    def __init__(self, settings: AlertSettings, wall: Callable[[], float] = time.time) -> None:
        self.settings = settings
        self._wall = wall
        self._last: float | None = None

    def _loud(self, alert: Alert) -> bool:
        return alert.severity in self.settings.sound_severities

    def on_cue(self, alert: Alert) -> bool:
        """A new/escalated alert arrived: should we sound now?"""
        if self.settings.sound == "off" or not self._loud(alert):
            return False
        return self._fire()

    def on_tick(self, inbox: AlertInbox) -> bool:
        """Periodic: keep sounding while loud alerts ('repeat' mode) or alerts of
        `repeat_severities` (any mode but 'off') are unacknowledged."""
        if self.settings.sound == "off":
            return False
        always = self.settings.repeat_severities
        every = self.settings.sound == "repeat"
        pending = [
            a
            for a in inbox.unacknowledged()
            if a.active and ((every and self._loud(a)) or a.severity in always)
        ]
        return bool(pending) and self._fire()

    def _fire(self) -> bool:
        now = self._wall()
        if self._last is not None and now - self._last < self.settings.sound_min_interval_s:
            return False
        self._last = now
        return True
