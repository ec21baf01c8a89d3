"""Operators' decisions as the backend keeps them, in the console's terms (epoch floats).

Alert decisions (acknowledgement, shelving), manual position reports of dark vessels and
crossing closures are server objects: every console receives the same records (by poll,
or by the push stream) and applies them through one function
(`console.shared.SharedDecisions.apply`). These dataclasses are what that function takes.

Alert identity: an alert is named by its *condition key* (rule + object, e.g.
`zone:restricted-1:v00042`, see console/rules/alerts.py) and its *onset* (`raised_at`,
the source time at which the condition began). Onsets are derived from the data (a fix
time, a reading time, fix time + the lost-signal threshold), so consoles that watched
the condition begin agree on them. A console that started while the condition was
already under way cannot know its onset: see `same_occurrence`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from console.sources import wire

ONSET_TOLERANCE_S = 1.0  # the wire rounds times to the millisecond; sources to the second


def same_occurrence(local_onset: float, remote_onset: float, watch_from: float | None) -> bool:
    """Whether a decision about the occurrence that began at `remote_onset` applies to the
    occurrence this console saw begin at `local_onset`.

    - Same onset (within rounding): yes.
    - The decision names a *later* onset: another console saw the condition come back
      before we did (our poll lags); the decision is about the condition as it is now: yes.
    - The decision names an *earlier* onset: a new occurrence began after it was decided
      (not acknowledged yet), unless our onset is only when *we* first saw it: a condition
      already under way when this console started (`local_onset <= watch_from`) has an
      unknown true onset, and the backend's earlier one is taken as its own.
    """
    if remote_onset >= local_onset - ONSET_TOLERANCE_S:
        return True
    return watch_from is not None and local_onset <= watch_from


def closure_names_case(case_start: float, crossed_at: float, closed_at: float,
                       watch_from: float | None) -> bool:
    """Whether an operator's closure of the crossing that began at `crossed_at`, decided at
    `closed_at` (source time), closes the open case that began at `case_start` here.
    The same crossing or a later one (`same_occurrence`); or an earlier start decided
    after this case began: whoever closed it saw the vessel leave sooner (an AIS fix
    that did not reach here), and this case is the one they meant. A closure decided
    before this case began is about an older trip."""
    return same_occurrence(case_start, crossed_at, watch_from) or (
        crossed_at < case_start <= closed_at)


@dataclass(frozen=True, slots=True)
class AlertDecision:
    """Acknowledgement and shelving of one alert condition. Times: `raised_at` is source
    time (the occurrence); `ack_at` and `shelved_until` are wall-clock (a 15-minute shelf
    lasts 15 real minutes at any demo speed)."""

    key: str
    version: int
    raised_at: float
    ack_by: str | None = None
    ack_at: float | None = None
    ack_comment: str | None = None
    shelved_by: str | None = None
    shelved_until: float | None = None
    shelve_comment: str | None = None


@dataclass(frozen=True, slots=True)
class PositionReport:
    """A position a captain gave by radio or phone while the VMS was silent (Decree
    37/2024). `reported_at` is source time, like VMS fixes; `lon`/`lat` make it a map
    record (console.stores.records.Located)."""

    id: str
    vessel_id: str
    reported_at: float
    lon: float
    lat: float
    channel: str
    note: str | None
    recorded_by: str
    recorded_at: float


@dataclass(frozen=True, slots=True)
class CrossingClosure:
    id: str
    vessel_id: str
    crossed_at: float
    returned_at: float | None
    reason: str
    comment: str | None
    closed_by: str
    closed_at: float


@dataclass(frozen=True, slots=True)
class DecisionBatch:
    """What one poll (or one pushed message) brings; any part may be empty."""

    alerts: Sequence[AlertDecision] = field(default_factory=tuple)
    reports: Sequence[PositionReport] = field(default_factory=tuple)
    closures: Sequence[CrossingClosure] = field(default_factory=tuple)

    def __bool__(self) -> bool:
        return bool(self.alerts or self.reports or self.closures)


# --- from the wire --------------------------------------------------------------------------


def _epoch(value) -> float | None:
    return None if value is None else value.timestamp()


def alert_decision(d: wire.AlertDecision) -> AlertDecision:
    return AlertDecision(
        key=d.key, version=d.version, raised_at=d.raised_at.timestamp(), ack_by=d.ack_by,
        ack_at=_epoch(d.ack_at), ack_comment=d.ack_comment, shelved_by=d.shelved_by,
        shelved_until=_epoch(d.shelved_until), shelve_comment=d.shelve_comment)


def position_report(r: wire.PositionReport) -> PositionReport:
    lon, lat = r.geometry.coordinates
    return PositionReport(
        id=r.id, vessel_id=r.vessel_id, reported_at=r.reported_at.timestamp(), lon=lon,
        lat=lat, channel=r.channel, note=r.note, recorded_by=r.recorded_by,
        recorded_at=r.recorded_at.timestamp())


def crossing_closure(c: wire.CrossingClosure) -> CrossingClosure:
    return CrossingClosure(
        id=c.id, vessel_id=c.vessel_id, crossed_at=c.crossed_at.timestamp(),
        returned_at=_epoch(c.returned_at), reason=c.reason, comment=c.comment,
        closed_by=c.closed_by, closed_at=c.closed_at.timestamp())


def from_wire(item: object) -> DecisionBatch:
    """One wire record (a POST's answer, a 409's `current`) as a batch."""
    if isinstance(item, wire.AlertDecision):
        return DecisionBatch(alerts=(alert_decision(item),))
    if isinstance(item, wire.PositionReport):
        return DecisionBatch(reports=(position_report(item),))
    if isinstance(item, wire.CrossingClosure):
        return DecisionBatch(closures=(crossing_closure(item),))
    return DecisionBatch()
