"""Data-driven redraws slow down when painting gets expensive, and recover."""

from __future__ import annotations

import pytest

from widgets.frame_pacer import FramePacer


def test_interval_follows_paint_cost_within_bounds():
    pacer = FramePacer(min_ms=40, max_ms=250, share=0.25)
    assert pacer.interval_ms() == 40  # nothing measured: full rate
    pacer.painted(8.0)
    assert pacer.interval_ms() == 40  # cheap frames: full rate
    for _ in range(30):
        pacer.painted(35.0)
    assert 135 <= pacer.interval_ms() <= 140  # 35 ms frames: painting keeps to 25 %
    for _ in range(30):
        pacer.painted(400.0)
    assert pacer.interval_ms() == 250  # never slower than the ceiling
    for _ in range(40):
        pacer.painted(5.0)
    assert pacer.interval_ms() == 40  # and back once frames are cheap again


def test_one_slow_frame_does_not_halve_the_rate():
    pacer = FramePacer(min_ms=40, share=0.25)
    for _ in range(10):
        pacer.painted(8.0)
    pacer.painted(60.0)  # e.g. a one-off layout
    assert pacer.interval_ms() < 80


@pytest.mark.parametrize("kw", [{"share": 0}, {"share": 1.5}, {"min_ms": 300, "max_ms": 250}])
def test_bad_settings_are_refused(kw):
    with pytest.raises(ValueError):
        FramePacer(**kw)


def test_work_prepared_for_a_frame_counts_towards_its_cost():
    """Layers prepare on the clock tick and draw in the paint that follows: a frame
    costs both, or the pacer would paint twice as often as its share allows."""
    pacer = FramePacer(min_ms=40, max_ms=250, share=0.25)
    for _ in range(40):
        pacer.prepared(20.0)
        pacer.painted(15.0)
    assert 138 <= pacer.interval_ms() <= 141  # (20 + 15) / 0.25
    for _ in range(40):
        pacer.painted(15.0)  # e.g. pan repaints: nothing prepared ahead
    assert 59 <= pacer.interval_ms() <= 61
