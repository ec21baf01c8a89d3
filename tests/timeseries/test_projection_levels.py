"""Rate of rise, projected time to the next alarm level, bulletin wording."""

from __future__ import annotations

import numpy as np
import pytest

from console.series import projection
from tests.timeseries.test_quality import station

HOUR = 3600.0


def test_rate_of_rise_and_time_to_next_level():
    t = np.arange(0, 4 * HOUR + 1, 600.0)
    noise = np.random.default_rng(1).uniform(-0.01, 0.01, len(t))
    v = 6.4 + 0.2 * t / HOUR + noise  # 0.2 m/h, now at 7.2 m (above BĐ2)
    rate = projection.rate_of_rise(t, v)
    assert rate == pytest.approx(0.2, abs=0.01)
    proj = projection.project(7.3, rate, (6.0, 7.0, 8.0))
    assert proj.next_level == 3
    assert proj.hours_to_next == pytest.approx(3.5, rel=0.06)


def test_no_projection_when_falling_or_too_few_readings():
    t = np.arange(0, 3 * HOUR + 1, 600.0)
    falling = projection.project(
        7.5, projection.rate_of_rise(t, 8.0 - 0.1 * t / HOUR), (6.0, 7.0, 8.0)
    )
    assert falling.next_level is None and falling.rate_m_per_h < 0
    assert projection.rate_of_rise(t[:2], np.array([1.0, 2.0])) is None
    gappy = np.full(len(t), np.nan)
    assert projection.rate_of_rise(t, gappy) is None


def test_bulletin_wording():
    from widgets.timeseries.headline import level_text

    assert level_text(station(), 7.30) == "7.30 m, above BĐ2 by 0.30 m"
    assert level_text(station(), 5.25) == "5.25 m, below BĐ1 by 0.75 m"
