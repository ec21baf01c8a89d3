"""Time axis ticks are Vietnam local time (UTC+7) and readable at every zoom."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime

import pytest

from widgets.timeseries.time_axis import local_ticks


def utc(*args: int) -> float:
    return datetime(*args, tzinfo=UTC).timestamp()


def test_local_midnight_is_17h_utc_and_labelled_with_the_date():
    ticks = dict(local_ticks(utc(2026, 11, 21, 12), utc(2026, 11, 22, 12), 800))
    assert ticks[utc(2026, 11, 21, 17)] == "22/11"  # 00:00 on 22/11 in Vietnam
    assert ticks[utc(2026, 11, 21, 14)] == "21:00"


def test_minute_ticks_use_local_clock():
    ticks = local_ticks(utc(2026, 11, 22, 5, 0), utc(2026, 11, 22, 5, 10), 800)
    assert ticks[0] == (utc(2026, 11, 22, 5, 0), "12:00")
    assert ticks[1][1] == "12:01"


def test_month_and_year_ticks_fall_on_local_boundaries():
    ticks = local_ticks(utc(2025, 11, 22), utc(2026, 11, 22), 800)
    # 1 January 2026 00:00 in Vietnam is 31 December 2025 17:00 UTC
    assert (utc(2025, 12, 31, 17), "01/2026") in ticks
    years = local_ticks(utc(2016, 1, 1), utc(2026, 1, 1), 800)
    assert all(label.isdigit() and len(label) == 4 for _, label in years)
    assert all((t + 7 * 3600) % 86400 == 0 for t, _ in years)


@pytest.mark.parametrize(
    "span",
    [120, 3600, 6 * 3600, 86400, 3 * 86400, 7 * 86400, 30 * 86400, 365 * 86400, 3650 * 86400],
)
def test_ticks_never_crowd_and_never_vanish(span):
    end = utc(2026, 11, 22, 12, 34)
    ticks = local_ticks(end - span, end, 900)
    assert 2 <= len(ticks) <= 900 / 60
    labels = [label for _, label in ticks]
    assert all(labels)
    assert all(a != b for a, b in itertools.pairwise(labels))
