"""Live feeds over the real client and backend: bounded pages, catching up, readiness."""

from __future__ import annotations

from console.live.clock import SourceClock
from console.live.feeds import Feed, LiveFeeds
from console.live.runner import JobRunner
from console.sources.rest_v1 import RestClient
from console.stores.vessels import VesselStore


def test_a_cut_page_is_continued_at_once_and_ready_means_the_whole_fleet(qtbot, live_backend):
    """With pages of 500 the 3,242-vessel fleet arrives in 7+ pages; the feed asks for
    each continuation without waiting for its 60 s interval, and reports ready only when
    the whole fleet is in the store (the first picture never shows half a fleet)."""
    client = RestClient(live_backend.url, live_backend.token)
    runner = JobRunner()
    feeds = LiveFeeds(runner, SourceClock(), tick_ms=60_000)  # only continuations move it
    store = VesselStore()
    pages: list[int] = []
    fleet_at_ready: list[int] = []

    def fetch(since, after):
        page = client.vessels(since=since, after=after, limit=500)
        pages.append(len(page.items))
        return page

    feeds.add(Feed("vessels", fetch, store.apply, interval_s=60.0))
    feeds.feed_ready.connect(lambda _name: fleet_at_ready.append(len(store)))
    try:
        with qtbot.waitSignal(feeds.feed_ready, timeout=20000):
            feeds.start()
        assert fleet_at_ready == [3242]
        assert len(pages) >= 7 and max(pages) <= 500
        assert feeds.feeds()[0].after is None  # caught up: the next poll is incremental
    finally:
        feeds.stop()
        runner.shutdown()
        client.close()
