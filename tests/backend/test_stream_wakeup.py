"""The stream's correctness comes from the database, its speed from the wake-up: a commit
the in-process notifier never hears of (as one made by another worker process) still
reaches the stream at its next re-read, and a commit it does hear of needs no re-read."""

from __future__ import annotations

import asyncio
from types import SimpleNamespace

import pytest

from backend.api.context import Context
from backend.api.stream import Changes
from backend.db import Store
from console.sources import wire

DECISION = wire.AlertDecision(key="cam:cam-007:offline", version=1,
                              raised_at="2026-11-20T03:00:00Z", history=[])


def _commit(store: Store) -> None:
    with store.write() as tx:
        tx.put_record("alert", DECISION.key, DECISION.model_dump_json())


async def _next_decision_event(changes: Changes, store: Store, timeout_s: float) -> str:
    events = changes.events()
    try:
        opening = await anext(events)
        assert "event: open" in opening
        following = asyncio.ensure_future(anext(events))
        for _ in range(500):  # until it has read everything and waits (bounded)
            if changes.waiting:
                break
            await asyncio.sleep(0.01)
        assert changes.waiting
        await asyncio.to_thread(_commit, store)  # from another thread, as writers are
        event = await asyncio.wait_for(following, timeout_s)
    finally:
        await events.aclose()
    return event


@pytest.fixture
def store(tmp_path):
    s = Store(str(tmp_path / "wake.db"))
    yield s
    s.close()


def _changes(store: Store, recheck_s: float) -> Changes:
    ctx = Context(store, SimpleNamespace(clock=SimpleNamespace(now=lambda: 1.8e9)))  # type: ignore[arg-type]
    return Changes(ctx, ("alert_decisions",), {"alert_decisions": (store.cursor, None)},
                   limit=100, token="", heartbeat_s=60, recheck_s=recheck_s)


def test_a_commit_no_notifier_heard_still_arrives_by_the_cursor(store, monkeypatch):
    monkeypatch.setattr(store.changes, "notify", lambda: None)
    event = asyncio.run(_next_decision_event(_changes(store, recheck_s=0.05), store, 10))
    assert "event: alert_decisions" in event and DECISION.key in event


def test_a_commit_the_notifier_heard_needs_no_reread(store):
    """Re-reads an hour apart: only the wake-up can bring the event within the timeout."""
    event = asyncio.run(_next_decision_event(_changes(store, recheck_s=3600), store, 10))
    assert "event: alert_decisions" in event and DECISION.key in event
