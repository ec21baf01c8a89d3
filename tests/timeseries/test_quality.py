"""Quality rules: bad readings are flagged (and shown as such), never a crash or a lie."""

from __future__ import annotations

import numpy as np
import pytest

from console.model.station import Station
from console.series import quality
from console.series.quality import Flag
from widgets.timeseries.headline import headline, level_text

STEP = 600.0
T0 = 1_795_000_000.0


def station(kind: str = "water_level") -> Station:
    levels = (6.0, 7.0, 8.0) if kind == "water_level" else None
    return Station(
        "TV-X",
        "TV-X",
        "Thạnh Hòa",
        kind,
        "Kôn",
        "m" if kind != "rain" else "mm",
        109.1,
        13.9,
        levels,
        None,
        None,
        None,
    )


def times(n: int) -> np.ndarray:
    return T0 + STEP * np.arange(n)


def has(series: quality.CleanSeries, i: int, flag: Flag) -> bool:
    return bool(series.flags[i] & int(flag))


def test_empty_and_all_missing_do_not_crash():
    empty = quality.clean(np.empty(0), np.empty(0), "water_level")
    assert len(empty.t) == 0 and quality.latest_valid(empty) is None
    nan = quality.clean(times(5), np.full(5, np.nan), "rain")
    assert all(has(nan, i, Flag.MISSING) for i in range(5))
    assert quality.latest_valid(nan) is None


def test_out_of_order_points_are_sorted_and_marked():
    t = times(5)[[0, 2, 1, 3, 4]]
    v = np.array([1.0, 1.2, 1.1, 1.3, 1.4])
    s = quality.clean(t, v, "water_level", reference=6.0)
    assert np.all(np.diff(s.t) > 0)
    assert s.value.tolist() == [1.0, 1.1, 1.2, 1.3, 1.4]
    assert s.flags.tolist().count(int(Flag.REORDERED)) == 1
    assert not s.suspect().any()  # arriving late is not a bad reading


def test_duplicate_timestamps_keep_the_last_and_flag_conflicts():
    t = np.r_[times(3), times(3)[1:2], times(3)[2:3]]
    v = np.array([3.0, 3.1, 3.2, 3.1, 3.9])  # t1 repeated identical, t2 repeated different
    s = quality.clean(t, v, "water_level", reference=6.0)
    assert len(s.t) == 3
    assert s.value.tolist() == [3.0, 3.1, 3.9]
    assert not has(s, 1, Flag.DUPLICATE)
    assert has(s, 2, Flag.DUPLICATE) and s.suspect()[2]


def test_negative_rain_and_sentinel_are_suspect():
    v = np.array([0.0, 1.2, -0.5, 9999.0, 2.0, 150.0])
    s = quality.clean(times(6), v, "rain")
    assert has(s, 2, Flag.OUT_OF_RANGE)
    assert has(s, 3, Flag.SENTINEL) and not has(s, 3, Flag.OUT_OF_RANGE)
    assert has(s, 5, Flag.OUT_OF_RANGE)
    assert s.suspect().tolist() == [False, False, True, True, False, True]
    assert np.isnan(s.valid_values()[[2, 3, 5]]).all()


def test_spike_is_flagged_but_a_steady_rise_is_not():
    v = 3.0 + 0.05 * np.arange(20)
    v[10] += 2.5  # up and back within 20 minutes: a sensor spike
    s = quality.clean(times(20), v, "water_level", reference=6.0)
    assert [i for i in range(20) if has(s, i, Flag.SPIKE)] == [10]
    rising = quality.clean(times(20), 3.0 + 0.3 * np.arange(20), "water_level", reference=6.0)
    assert not rising.suspect().any()


def test_flat_lined_sensor_is_flagged_after_six_hours():
    v = np.r_[3.0 + 0.01 * np.arange(10), np.full(40, 4.37)]
    s = quality.clean(times(50), v, "water_level", reference=6.0)
    assert s.suspect()[10:].all() and not s.suspect()[:9].any()
    short = quality.clean(
        times(20), np.r_[np.arange(10.0), np.full(10, 4.0)], "water_level", reference=6.0
    )
    assert not any(has(short, i, Flag.FLATLINE) for i in range(20))
    dry = quality.clean(times(200), np.zeros(200), "rain")  # dry weather is not a fault
    assert not dry.suspect().any()


def test_level_far_outside_the_gauge_range_is_absurd():
    s = quality.clean(times(3), np.array([3.0, -40.0, 3.1]), "water_level", reference=6.0)
    assert has(s, 1, Flag.OUT_OF_RANGE)


@pytest.mark.parametrize("bad", [9999.0, 12.5])
def test_alarm_is_never_raised_from_a_suspect_reading_alone(bad):
    v = np.r_[3.0 + 0.01 * np.arange(30), bad]  # 9999 sentinel, or a jump above BĐ3
    v = np.r_[v, 3.31]  # the gauge is back to normal after the bad reading
    s = quality.clean(times(len(v)), v, "water_level", reference=6.0)
    assert s.suspect()[30]
    last = quality.latest_valid(s)
    assert last is not None and last[1] == pytest.approx(3.31)
    assert "BĐ1" in level_text(station(), last[1])  # "below BĐ1"
    text = headline(station(), s, float(s.t[-1]) + 60)
    assert "above" not in text


def test_latest_suspect_reading_is_reported_not_used():
    v = np.r_[3.0 + 0.01 * np.arange(30), 9999.0]
    s = quality.clean(times(31), v, "water_level", reference=6.0)
    text = headline(station(), s, float(s.t[-1]) + 60)
    assert "9999" in text and "suspect" in text
    assert "3.29 m" in text  # the last valid value is what is stated
