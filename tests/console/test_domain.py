"""Domain rules: VMS states by fix age, alarm levels, bulletin wording, time display."""

from __future__ import annotations

import numpy as np

from console.bulletin import level_phrase
from console.geo.crs import format_dms
from console.model.freshness import VmsState, VmsThresholds
from console.model.levels import alarm_level
from console.timefmt import format_local

H = 3600.0


def test_vms_states_follow_decree_thresholds():
    t = VmsThresholds()
    ages = np.array([1 * H, 2.4 * H, 2.6 * H, 5.9 * H, 6.1 * H, 9 * 24 * H, 11 * 24 * H, 1 * H])
    in_port = np.array([False] * 7 + [True])
    states = [VmsState(s) for s in t.classify(ages, in_port)]
    assert states == [
        VmsState.FRESH,
        VmsState.FRESH,
        VmsState.LATE,
        VmsState.LATE,
        VmsState.LOST,
        VmsState.LOST,
        VmsState.MUST_RETURN,
        VmsState.IN_PORT,
    ]


def test_thresholds_are_configurable():
    t = VmsThresholds(report_interval_s=600, grace_s=60, lost_after_s=1800)
    assert VmsState(t.classify(np.array([700.0]), np.array([False]))[0]) is VmsState.LATE


def test_alarm_levels_thanh_hoa():
    levels = (6.0, 7.0, 8.0)
    assert [alarm_level(v, levels) for v in (5.99, 6.0, 7.3, 8.5)] == [0, 1, 2, 3]
    assert alarm_level(None, levels) == 0


def test_bulletin_phrase_like_official_bulletins():
    assert level_phrase(7.30, (6.0, 7.0, 8.0)) == "7.30 m, above BĐ2 by 0.30 m"


def test_times_shown_in_vietnam_time():
    assert format_local(1795321800.0) == "22/11/2026 11:30"  # 04:30 UTC = 11:30 UTC+7


def test_dms_formatting():
    assert format_dms(13.7765, "N", "S") == "13°46′35.4″N"
    assert format_dms(-0.5, "N", "S") == "0°30′00.0″S"
