"""The alert list's time column: times for today and for the night before (a shift that
crosses midnight), the date for older rows — short enough in a side dock at any hour."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from console.timefmt import format_short

VN = timezone(timedelta(hours=7))


def at(text: str) -> float:
    return datetime.fromisoformat(text).replace(tzinfo=VN).timestamp()


def test_today_and_the_last_twelve_hours_are_times_older_ones_dates():
    now = at("2026-11-28T00:13")  # just after midnight, Vietnam time
    assert format_short(at("2026-11-28T00:05"), now) == "00:05"
    assert format_short(at("2026-11-27T21:30"), now) == "21:30"  # the night shift's evening
    assert format_short(at("2026-11-27T09:24"), now) == "27/11"  # yesterday morning
    assert format_short(at("2026-11-25T09:24"), now) == "25/11"
    afternoon = at("2026-11-28T15:00")
    assert format_short(at("2026-11-28T01:00"), afternoon) == "01:00"  # today, 14 h ago
    assert format_short(None, now) == "—"
    assert all(len(format_short(at(t), now)) <= 5 for t in ("2026-11-01T23:59", "2026-11-27T12:12"))
