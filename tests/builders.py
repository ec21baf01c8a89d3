"""Domain records for tests, built from defaults plus what a test cares about, so each
test says only what matters to it (and a new field is added in one place)."""

from __future__ import annotations

from dataclasses import replace

from console.model.incident import Incident

_INCIDENT = Incident(
    id="inc-1",
    type="fire",
    severity="high",
    status="new",
    title="t",
    description="",
    lon=109.2,
    lat=13.8,
    reported_at=1000.0,
    updated_at=1000.0,
    version=1,
    assignee=None,
    history=(),
)


def an_incident(**fields) -> Incident:
    """An incident near Quy Nhơn (fire, high, new, version 1) with `fields` replaced."""
    return replace(_INCIDENT, **fields)
