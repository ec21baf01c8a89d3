"""The series cache fetches only what is missing and stays within its bound."""

from __future__ import annotations

import numpy as np

from console.live.runner import JobRunner
from console.model.station import ObservationSeries
from console.series.cache import SeriesCache
from widgets.timeseries.loader import SeriesLoader

DAY = 86400.0
T = 1_795_000_000.0


def readings(t0: float, t1: float) -> tuple[np.ndarray, np.ndarray]:
    t = np.arange(np.ceil(t0 / 600) * 600, t1 + 1, 600.0)
    return t, np.sin(t / 7200.0)


def test_missing_parts_of_a_range():
    cache = SeriesCache()
    assert cache.missing("A", T, T + DAY) == [(T, T + DAY)]
    cache.put("A", T, T + DAY, *readings(T, T + DAY))
    assert cache.missing("A", T + 3600, T + DAY - 3600) == []
    assert cache.missing("A", T - DAY, T + 2 * DAY) == [(T - DAY, T), (T + DAY, T + 2 * DAY)]
    cache.put("A", T + 2 * DAY, T + 3 * DAY, *readings(T + 2 * DAY, T + 3 * DAY))
    assert cache.missing("A", T, T + 3 * DAY) == [(T + DAY, T + 2 * DAY)]
    assert cache.missing("B", T, T + 60) == []  # shorter than one reading step


def test_put_merges_sorted_unique_and_newest_wins():
    cache = SeriesCache()
    cache.put("A", T, T + DAY, *readings(T, T + DAY))
    t, _ = readings(T + DAY / 2, T + 2 * DAY)
    cache.put("A", T + DAY / 2, T + 2 * DAY, t, np.full(len(t), 5.0))
    t_all, v_all = cache.get("A", -np.inf, np.inf)
    assert np.all(np.diff(t_all) > 0)
    assert len(t_all) == len(np.unique(np.r_[readings(T, T + DAY)[0], t]))
    assert v_all[np.searchsorted(t_all, T + DAY / 2)] == 5.0
    assert cache.covered("A") == [(T, T + 2 * DAY)]


def test_cache_is_bounded_least_recently_used_first():
    cache = SeriesCache(max_points=400)
    for sid in ("A", "B", "C"):
        cache.put(sid, T, T + DAY, *readings(T, T + DAY))  # 145 points each
    assert cache.points <= 400
    assert "A" not in cache and "B" in cache and "C" in cache
    cache.get("B", T, T + DAY)  # B used: C is now the oldest
    cache.put("D", T, T + DAY, *readings(T, T + DAY))
    assert "C" not in cache and "B" in cache


def test_loader_fetches_only_the_missing_range(qtbot):
    calls: list[tuple[str, float, float]] = []

    def fetch(sid: str, a: float, b: float) -> ObservationSeries:
        calls.append((sid, a, b))
        t, v = readings(a, b)
        return ObservationSeries(sid, "m", t, v)

    runner = JobRunner(synchronous=True)
    loader = SeriesLoader(runner, lambda: fetch)
    assert loader.request("A", T - 7 * DAY, T) == 1
    assert calls == [("A", T - 7 * DAY, T)]
    assert loader.request("A", T - 5 * DAY, T - DAY) == 0  # inside: nothing fetched
    assert loader.request("A", T - 30 * DAY, T + DAY) == 2
    assert calls[1:] == [("A", T - 30 * DAY, T - 7 * DAY), ("A", T, T + DAY)]
    t, _ = loader.cache.get("A", T - 30 * DAY, T + DAY)
    assert np.array_equal(t, readings(T - 30 * DAY, T + DAY)[0])  # seamless, no duplicates
    runner.shutdown()


def test_loader_reports_errors(qtbot):
    def fetch(sid: str, a: float, b: float) -> ObservationSeries:
        raise ConnectionError("backend down")

    runner = JobRunner(synchronous=True)
    loader = SeriesLoader(runner, lambda: fetch)
    with qtbot.waitSignal(loader.failed, timeout=1000) as blocker:
        loader.request("A", T - DAY, T)
    assert blocker.args[0] == "A" and "backend down" in blocker.args[1]
    assert loader.cache.missing("A", T - DAY, T)  # a failure is not cached as coverage
    runner.shutdown()
