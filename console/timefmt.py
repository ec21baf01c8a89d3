"""Times are stored in UTC and shown in Asia/Ho_Chi_Minh (UTC+7, no DST)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from console.i18n import translate as _tr

VIETNAM = timezone(timedelta(hours=7), "ICT")
UTC_OFFSET_S = 7 * 3600.0  # Vietnam keeps no daylight saving time


def local(t: float) -> datetime:
    return datetime.fromtimestamp(t, tz=UTC).astimezone(VIETNAM)


def format_local(t: float | None, seconds: bool = False) -> str:
    """'22/11/2026 19:05' in Vietnam time (day first, as Vietnamese readers expect)."""
    if t is None:
        return "—"
    return local(t).strftime("%d/%m/%Y %H:%M:%S" if seconds else "%d/%m/%Y %H:%M")


def format_age(seconds: float | None) -> str:
    """A compact, translated age: '45 s', '12 min', '3 h 05 min', '4 d 02 h'."""
    if seconds is None:
        return "—"
    s = max(0, int(seconds))
    if s < 60:
        return _tr("Age", "%1 s").replace("%1", str(s))
    if s < 3600:
        return _tr("Age", "%1 min").replace("%1", str(s // 60))
    if s < 86400:
        return (
            _tr("Age", "%1 h %2 min")
            .replace("%1", str(s // 3600))
            .replace("%2", f"{(s % 3600) // 60:02d}")
        )
    return (
        _tr("Age", "%1 d %2 h")
        .replace("%1", str(s // 86400))
        .replace("%2", f"{(s % 86400) // 3600:02d}")
    )


RECENT_S = 12 * 3600.0


def format_short(t: float | None, now: float) -> str:
    """Compact time for dense tables (Vietnam time): 'HH:MM' for today and for the last
    `RECENT_S` (a night shift's alerts across midnight read as times, not dates), else
    the date 'dd/mm' (the caller puts the full time one hover away). Why not 'dd/mm
    HH:MM': in a side dock that column would take the room the alert's words need."""
    if t is None:
        return "—"
    when, today = local(t), local(now)
    if when.date() == today.date() or 0 <= now - t <= RECENT_S:
        return when.strftime("%H:%M")
    return when.strftime("%d/%m")
