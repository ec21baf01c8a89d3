"""The console's feeds on the change stream: a change made by a second client arrives by
push (no poll), the feeds fall back to polling when the stream breaks and return to
push when it recovers, and across all of it (and across a backend SIGKILL + restart on
the same database) no change is applied twice and none is missing."""

from __future__ import annotations

import signal
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest

from console.live.clock import SourceClock
from console.live.feeds import Feed, LiveFeeds
from console.live.push import PushFeeds
from console.live.runner import JobRunner
from console.sources import wire
from console.sources.rest_v1 import RestClient
from console.stores.records import RecordStore
from tests.conftest import TEST_TOKEN, start_backend, stop_backend
from tests.stream.relay import TcpRelay


@dataclass
class Console:
    """Live feeds with the change stream, as ConsoleApp wires them, plus what they did."""

    feeds: LiveFeeds
    push: PushFeeds
    incidents: RecordStore
    runner: JobRunner
    client: RestClient
    fetches: dict[str, int] = field(default_factory=dict)
    applied: dict[str, list] = field(default_factory=dict)

    def add(self, name: str, fetch, apply, interval_s: float) -> None:
        self.fetches[name] = 0
        self.applied[name] = []

        def counted(since, after):
            self.fetches[name] += 1
            return fetch(since, after)

        def recorded(items):
            items = list(items)
            self.applied[name].extend(items)
            apply(items)

        self.feeds.add(Feed(name, counted, recorded, interval_s))


@pytest.fixture
def console() -> Iterator:
    made: list[Console] = []

    def make(poll_url: str, stream_url: str, interval_s: float) -> Console:
        client = RestClient(poll_url, TEST_TOKEN)
        runner = JobRunner()
        feeds = LiveFeeds(runner, SourceClock(), tick_ms=100, max_backoff_s=1.0)
        c = Console(feeds, PushFeeds(feeds), RecordStore(), runner, client)
        c.add("incidents", lambda s, a: client.incidents(since=s, after=a, limit=1000),
              c.incidents.apply, interval_s)
        c.add("alert_decisions", lambda s, _a: client.alert_decisions(since=s),
              lambda _items: None, interval_s)
        feeds.start()
        c.push.start(stream_url, TEST_TOKEN)
        made.append(c)
        return c

    yield make
    for c in made:
        c.push.stop()
        c.feeds.stop()
        c.runner.shutdown()
        c.client.close()


def new_incident(client: RestClient, title: str) -> str:
    request = wire.IncidentCreateRequest(
        type="flooding", severity="high", title=title,
        geometry=wire.PointGeometry(coordinates=(109.2, 13.77)), actor="op.second")
    return client.create_incident(request, uuid.uuid4().hex).id


def acknowledge(client: RestClient, key: str) -> None:
    client.alert_action(wire.AlertActionRequest(
        key=key, action="acknowledge", raised_at="2026-11-20T03:00:00Z"), uuid.uuid4().hex)


def assert_each_change_once(c: Console, client: RestClient) -> None:
    """Every incident version applied at most once, and the store equals the backend's."""
    pairs = [(i.id, i.version) for i in c.applied["incidents"]]
    assert len(pairs) == len(set(pairs)), "a change was applied twice"
    now = {i.id: i.version for i in client.incidents().items}
    assert {i.id: i.version for i in c.incidents.records()} == now, "a change is missing"


def test_second_clients_change_arrives_by_push_then_poll_then_push(qtbot, live_backend,
                                                                   console):
    """Polls go straight to the backend, the stream through a relay the test cuts."""
    relay = TcpRelay(live_backend.url)
    second = RestClient(live_backend.url, TEST_TOKEN)
    try:
        c = console(live_backend.url, relay.url, interval_s=0.5)
        qtbot.waitUntil(lambda: c.push.transport == "push"
                        and c.feeds.is_ready("incidents"), timeout=20000)
        polls = c.fetches["incidents"]
        pushed = new_incident(second, "đẩy qua luồng")
        qtbot.waitUntil(lambda: c.incidents.get(pushed) is not None, timeout=10000)
        assert c.fetches["incidents"] == polls, "it came by a poll, not by the stream"

        relay.cut()  # the stream breaks mid-stream; polls still reach the backend
        qtbot.waitUntil(lambda: c.push.transport == "poll", timeout=10000)
        polled = new_incident(second, "qua thăm dò")
        qtbot.waitUntil(lambda: c.incidents.get(polled) is not None, timeout=10000)
        assert c.fetches["incidents"] > polls

        relay.restore()
        qtbot.waitUntil(lambda: c.push.transport == "push", timeout=30000)
        polls = c.fetches["incidents"]
        again = new_incident(second, "đẩy lại")
        acknowledge(second, f"test:push:{again}")
        qtbot.waitUntil(lambda: c.incidents.get(again) is not None
                        and any(d.key == f"test:push:{again}"
                                for d in c.applied["alert_decisions"]), timeout=10000)
        assert c.fetches["incidents"] == polls
        assert_each_change_once(c, second)
    finally:
        second.close()
        relay.close()


def test_no_gap_or_duplicate_across_backend_sigkill_and_restart(qtbot, tmp_path, console):
    """The console talks to a stable address; behind it the backend is SIGKILLed and
    restarted on the same database (a new port). The stream resumes from the feeds'
    durable cursors: the decisions made before and after arrive exactly once each."""
    db = str(tmp_path / "push.db")
    first = start_backend(["--db", db, "--speed", "1"])
    relay = TcpRelay(first.url)
    second = RestClient(first.url, TEST_TOKEN)
    restarted = None
    try:
        c = console(relay.url, relay.url, interval_s=30.0)  # polls: only at start and fallback
        qtbot.waitUntil(lambda: c.push.transport == "push", timeout=20000)
        for i in range(3):
            acknowledge(second, f"test:restart:{i}")
        qtbot.waitUntil(lambda: len(c.applied["alert_decisions"]) == 3, timeout=10000)
        first.process.send_signal(signal.SIGKILL)
        first.process.wait(10)
        relay.cut()
        qtbot.waitUntil(lambda: c.push.transport == "poll", timeout=10000)
        restarted = start_backend(["--db", db, "--speed", "1"])
        second.close()
        second = RestClient(restarted.url, TEST_TOKEN)
        for i in range(3, 5):
            acknowledge(second, f"test:restart:{i}")
        new_incident(second, "sau khởi động lại")
        relay.restore(restarted.url)
        qtbot.waitUntil(lambda: c.push.transport == "push"
                        and len(c.applied["alert_decisions"]) >= 5, timeout=40000)
        keys = [d.key for d in c.applied["alert_decisions"]]
        assert sorted(keys) == [f"test:restart:{i}" for i in range(5)]
        qtbot.waitUntil(lambda: len(c.incidents) == len(second.incidents().items),
                        timeout=10000)
        assert_each_change_once(c, second)
    finally:
        second.close()
        relay.close()
        for b in (first, restarted):
            if b is not None:
                stop_backend(b)


def test_pages_that_arrive_together_are_applied_one_per_loop_turn(qtbot):
    """Pages the stream delivered while the GUI thread was busy reach it all at once
    (queued calls are handed over together); applied back to back they froze the window
    for their whole length. The loop must turn (timers, paints) between two pages."""
    import threading

    from PySide6.QtCore import QTimer

    from console.sources.pages import Page

    runner = JobRunner()
    feeds = LiveFeeds(runner, SourceClock(), tick_ms=100)
    events: list[str] = []
    feeds.add(Feed("incidents", lambda s, a: None,
                   lambda items: events.extend(f"page{i}" for i in items), 60.0))
    push = PushFeeds(feeds)
    try:
        # three pages, each continuing where the last one left the feed
        pages = [(Page([k], cursor=k, server_time=0.0), None if k == 1 else (k - 1, None))
                 for k in (1, 2, 3)]
        sender = threading.Thread(target=lambda: [push._paged.emit(push._generation,
                                                                   "incidents", page, base)
                                                  for page, base in pages])
        sender.start()
        sender.join()  # all three are queued for the GUI thread now
        QTimer.singleShot(0, lambda: events.append("loop turned"))
        qtbot.waitUntil(lambda: "page3" in events and "loop turned" in events, timeout=5000)
        assert [e for e in events if e.startswith("page")] == ["page1", "page2", "page3"]
        assert events.index("loop turned") < events.index("page3"), events
        assert push.waiting == 0
    finally:
        push.stop()
        runner.shutdown()


def test_the_stream_thread_leaves_the_gil_after_each_page(qtbot, live_backend, monkeypatch):
    """Pages parsed back to back kept the GIL from the GUI thread, which needs it at every
    call into Python (each paint, each slot): the window froze for 100+ ms at 15,000
    fixes/s. After each event the stream thread sleeps as long as the event held it."""
    import threading

    from console.sources import stream
    from console.sources.stream import StreamClient

    yields: list[tuple[str, float]] = []
    monkeypatch.setattr(stream, "leave_gil",
                        lambda s: yields.append((threading.current_thread().name, s)))
    pages: list[str] = []
    client = StreamClient(live_backend.url, TEST_TOKEN, ["vessels", "stations"],
                          lambda *_a: None, lambda _g, kind, _p, _b: pages.append(kind),
                          lambda *_a: None)
    try:
        client.connect({})  # the whole fleet and every station, page by page
        qtbot.waitUntil(lambda: len(pages) >= 5, timeout=20000)
        events = client.events_received
        assert len(yields) >= events - 1  # one yield per event handled (the last may wait)
        assert {name for name, _s in yields} == {"ioc-stream"}
        assert all(0 < s <= stream.MAX_YIELD_S for _n, s in yields)
    finally:
        client.close()
