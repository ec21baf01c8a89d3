"""Outbox helpers that need no Qt: projected state, allowed actions, backoff, list filter."""

from __future__ import annotations

import random
from dataclasses import replace

from console.actions.model import CONFLICT, QueuedAction, allowed_actions, projected
from console.actions.retry import RetryPolicy
from tests.builders import an_incident
from widgets.incidents.filters import IncidentFilter

INC = an_incident(version=3)


def queued(action: str, version: int, state: str = "pending") -> QueuedAction:
    return QueuedAction(f"k-{action}", "inc-1", action, version, "op", None, None, 0.0, state)


def test_projected_applies_waiting_actions_in_order():
    assert projected(INC, []) == ("new", 3)
    assert projected(INC, [queued("acknowledge", 3)]) == ("acknowledged", 4)
    assert projected(INC, [queued("acknowledge", 3), queued("assign", 4)]) == ("assigned", 5)
    # the store already shows our in-flight acknowledge (version 4): build on that
    assert projected(
        replace(INC, status="acknowledged", version=4), [queued("acknowledge", 3)]
    ) == (
        "acknowledged",
        4,
    )
    # an action that needs the operator's decision does not count
    assert projected(INC, [queued("acknowledge", 3, CONFLICT)]) == ("new", 3)


def test_allowed_actions_follow_the_lifecycle():
    assert allowed_actions("new") == ["acknowledge", "assign"]
    assert allowed_actions("acknowledged") == ["assign", "resolve"]
    assert allowed_actions("assigned") == ["assign", "resolve"]
    assert allowed_actions("resolved") == ["close"]
    assert allowed_actions("closed") == []


def test_backoff_grows_is_capped_and_jittered():
    policy = RetryPolicy(base_s=1.0, cap_s=8.0, jitter=0.0)
    assert [policy.delay_s(n) for n in range(1, 6)] == [1.0, 2.0, 4.0, 8.0, 8.0]
    jittered = RetryPolicy(base_s=1.0, cap_s=8.0, jitter=0.2)
    delays = {jittered.delay_s(3, random.Random(seed)) for seed in range(20)}
    assert len(delays) > 1 and all(3.2 <= d <= 4.8 for d in delays)


def test_list_filter_by_status_type_and_age():
    now = 1000.0 + 5 * 3600
    open_default = IncidentFilter()
    assert open_default.accepts(INC, now)
    assert not open_default.accepts(replace(INC, status="resolved"), now)
    assert IncidentFilter(statuses=None).accepts(replace(INC, status="closed"), now)
    assert IncidentFilter(types=frozenset({"fire"})).accepts(INC, now)
    assert not IncidentFilter(types=frozenset({"flooding"})).accepts(INC, now)
    assert IncidentFilter(max_age_s=6 * 3600).accepts(INC, now)
    assert not IncidentFilter(max_age_s=3600).accepts(INC, now)
