"""What changed after a cursor, per kind, as the exact JSON body a poll answers.

One definition for both ways a console learns of changes: the poll routes
(api/collections.py, api/decisions.py) answer these bodies, and the change stream
(api/stream.py) sends the same bodies as its events. Everything is read from the
database by cursor (``seq > since``), never from process memory, so a stream served by
any worker process, or resumed after a restart, sees exactly what a poll would.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from backend import decisions
from backend.api.context import Context
from backend.timefmt import iso_z_ms
from console.sources import wire

ONSET_TOLERANCE_S = 1.0  # as console/model/decisions.py: times are rounded on the wire
_ROWS_HEAD = f'{{"fields":{json.dumps(wire.VESSEL_ROW_FIELDS)},"rows":['
_FEATURES_HEAD = '{"type":"FeatureCollection","features":['


@dataclass(frozen=True, slots=True)
class ChangePage:
    """One answer: `count` items in `body`; `cursor` / `after` are where it ended (the
    `since` / `after` of the next ask)."""

    cursor: int
    after: int | None
    count: int
    body: str


def feature_page(ctx: Context, table: str, since: int | None = None,
                 after: int | None = None, limit: int | None = None,
                 bbox: tuple[float, float, float, float] | None = None,
                 statuses: Sequence[str] | None = None, *, rows: bool = False) -> ChangePage:
    """A live collection (vessels, stations, cameras, incidents); ``rows``: vessels as the
    compact table of `?format=rows`."""
    cursor, items, next_after = ctx.store.collection(
        table, since, bbox, statuses, after, limit, tabular=rows)
    head = _ROWS_HEAD if rows else _FEATURES_HEAD
    more = "" if next_after is None else f',"next_after":{next_after}'
    body = (f'{head}{",".join(items)}],'
            f'"cursor":{cursor}{more},"server_time":"{iso_z_ms(ctx.now())}"}}')
    return ChangePage(cursor, next_after, len(items), body)


def record_page(ctx: Context, kind: str, field: str, since: int | None = None,
                prefix: str | None = None) -> ChangePage:
    """Operators' records of one kind (alert decisions, position reports, closures)."""
    cursor, bodies = ctx.store.records(kind, since, prefix)
    body = (f'{{"{field}":[{",".join(bodies)}],"cursor":{cursor},'
            f'"server_time":"{iso_z_ms(ctx.now())}"}}')
    return ChangePage(cursor, None, len(bodies), body)


RECENT_S = 24 * 3600.0  # an alert list without a cursor: the active ones and the last day's


def alert_page(ctx: Context, since: int | None = None) -> ChangePage:
    """Server alert occurrences (backend/alerting.py) changed after ``since`` (without
    it: active ones and those ended within `RECENT_S` of sim time), each joined to the
    operators' decisions on that occurrence (who and when), as they stand now."""
    cursor, bodies = ctx.store.alerts(since, ctx.now() - RECENT_S)
    alerts = [wire.ServerAlert.model_validate_json(b) for b in bodies]
    known = dict(ctx.store.records_of(decisions.ALERTS, sorted({a.key for a in alerts})))
    joined = [_with_decision(body, alert, known.get(alert.key))
              for body, alert in zip(bodies, alerts, strict=True)]
    body = (f'{{"alerts":[{",".join(joined)}],"cursor":{cursor},'
            f'"server_time":"{iso_z_ms(ctx.now())}"}}')
    return ChangePage(cursor, None, len(bodies), body)


def _with_decision(body: str, alert: wire.ServerAlert, decision: str | None) -> str:
    if decision is None:
        return body
    d = wire.AlertDecision.model_validate_json(decision)
    if abs((d.raised_at - alert.onset).total_seconds()) > ONSET_TOLERANCE_S:
        return body  # about another occurrence of the condition
    return alert.model_copy(update={"decision": d}).model_dump_json()


# The stream's kinds (wire.STREAM_KINDS), each asked as its poll route would be:
# (context, since, after, limit) -> page. Records are few and never paged.
Reader = Callable[[Context, int | None, int | None, int], ChangePage]
READERS: dict[str, Reader] = {
    "vessels": lambda c, s, a, n: feature_page(c, "vessels", s, a, n, rows=True),
    "stations": lambda c, s, a, n: feature_page(c, "stations", s, a, n),
    "cameras": lambda c, s, a, n: feature_page(c, "cameras", s, a, n),
    "incidents": lambda c, s, a, n: feature_page(c, "incidents", s, a, n),
    "alert_decisions": lambda c, s, _a, _n: record_page(c, decisions.ALERTS, "decisions", s),
    "reports": lambda c, s, _a, _n: record_page(c, decisions.REPORTS, "reports", s),
    "closures": lambda c, s, _a, _n: record_page(c, decisions.CLOSURES, "closures", s),
    "alerts": lambda c, s, _a, _n: alert_page(c, s),
}
assert tuple(READERS) == wire.STREAM_KINDS
