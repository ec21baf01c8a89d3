"""The wake-up hook (backend/wakeup.py) on both engines: a committed change wakes a
waiter at once — on PostgreSQL also one on another connection, as in another worker —
and a rolled-back one does not."""

from __future__ import annotations

import threading
import time

import pytest

from backend.db import Store
from backend.wakeup import CHANGES

PATIENCE_S = 20.0  # a waiter gives up after this; a wake-up must come far sooner


def _waiter(store: Store, after: int) -> tuple[threading.Thread, dict]:
    out: dict = {}

    def wait() -> None:
        began = time.monotonic()
        out["generation"] = store.wakeup.wait(CHANGES, PATIENCE_S, after)
        out["waited_s"] = time.monotonic() - began

    thread = threading.Thread(target=wait, daemon=True)
    thread.start()
    return thread, out


def _commit(store: Store) -> None:
    with store.write() as tx:
        tx.set_meta("probe", str(time.time()))
        assert tx.seq > 0  # a change: it takes a sequence number


@pytest.fixture
def stores(database, engine):
    """The waiting store, and the one that writes: the same one on SQLite (one process),
    a second one with its own connections on PostgreSQL (another worker)."""
    waiting = Store(database)
    writing = waiting if engine == "sqlite" else Store(database)
    yield waiting, writing
    for store in {id(waiting): waiting, id(writing): writing}.values():
        store.close()


def test_a_commit_wakes_a_waiter(stores):
    waiting, writing = stores
    assert waiting.wakeup.listening(CHANGES, PATIENCE_S)
    seen = waiting.wakeup.generation(CHANGES)
    thread, out = _waiter(waiting, seen)
    _commit(writing)
    thread.join(PATIENCE_S + 5)
    assert out["generation"] > seen
    assert out["waited_s"] < 5.0


def test_a_commit_before_the_wait_is_not_missed(stores):
    waiting, writing = stores
    assert waiting.wakeup.listening(CHANGES, PATIENCE_S)
    seen = waiting.wakeup.generation(CHANGES)
    _commit(writing)
    # the waiter read the generation before the commit: wait() returns at once
    began = time.monotonic()
    deadline = began + PATIENCE_S
    generation = seen
    while generation <= seen and time.monotonic() < deadline:
        generation = waiting.wakeup.wait(CHANGES, PATIENCE_S, seen)
    assert generation > seen
    assert time.monotonic() - began < 5.0


def test_a_rollback_wakes_nobody(stores):
    waiting, writing = stores
    assert waiting.wakeup.listening(CHANGES, PATIENCE_S)
    seen = waiting.wakeup.generation(CHANGES)
    with pytest.raises(RuntimeError), writing.write() as tx:
        tx.set_meta("probe", "never")
        assert tx.seq > 0
        raise RuntimeError("changed my mind")
    assert waiting.wakeup.wait(CHANGES, 1.0, seen) == seen
    assert waiting.meta("probe") is None


def test_commits_of_other_processes_wake_the_change_streams(stores, engine):
    """The stream's notifier (Store.changes) hears another worker's commits through
    LISTEN/NOTIFY once the serving process follows other processes."""
    if engine == "sqlite":
        pytest.skip("one SQLite process: its own commits notify directly")
    waiting, writing = stores
    heard = threading.Event()
    waiting.changes.notify = heard.set  # what the change streams' notifier is told
    waiting.follow_other_processes()
    assert waiting.wakeup.listening(CHANGES, PATIENCE_S)
    _commit(writing)
    assert heard.wait(5.0)
