"""Conversions between epoch seconds (used everywhere internally) and ISO 8601 text.

Internally every instant is a float of UTC epoch seconds: cheap to compare, store
in SQLite and ship in columnar series. Text only appears at the wire boundary.
"""

from __future__ import annotations

import math
from datetime import UTC, datetime
from functools import lru_cache


def iso_z(epoch: float) -> str:
    """Format an instant as ``YYYY-MM-DDTHH:MM:SSZ`` (whole seconds, UTC).

    The date part is cached per day and the time written by arithmetic: the simulator
    formats every VMS fix (15,000 a second in the ingest bench) and strftime was a tenth
    of its time."""
    day, second = divmod(math.floor(epoch), 86_400)
    hour, second = divmod(second, 3600)
    minute, second = divmod(second, 60)
    return f"{_date_prefix(day)}{hour:02d}:{minute:02d}:{second:02d}Z"


@lru_cache(maxsize=64)
def _date_prefix(day: int) -> str:
    return datetime.fromtimestamp(day * 86_400, UTC).strftime("%Y-%m-%dT")


def iso_z_ms(epoch: float) -> str:
    """Format with milliseconds: server clocks move faster than a second at high speed."""
    text = datetime.fromtimestamp(epoch, UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")
    return text[:-3] + "Z"


def to_datetime(epoch: float) -> datetime:
    return datetime.fromtimestamp(epoch, UTC)


def parse_instant(text: str, *, assume_utc: bool = False) -> float:
    """Parse ISO 8601 into epoch seconds.

    A time without an offset is ambiguous (UTC or Asia/Ho_Chi_Minh?), so it is
    rejected unless the caller explicitly opts into reading it as UTC (the CLI does;
    the API does not). Raises ValueError with a human-readable message.
    """
    cleaned = text.strip()
    if not cleaned:
        raise ValueError("empty timestamp")
    try:
        value = datetime.fromisoformat(cleaned)
    except ValueError:
        raise ValueError(f"not an ISO 8601 timestamp: {cleaned[:40]!r}") from None
    if value.tzinfo is None:
        if not assume_utc:
            raise ValueError("timestamp must carry a UTC offset (e.g. 2026-11-22T05:00:00Z)")
        value = value.replace(tzinfo=UTC)
    try:
        return value.timestamp()
    except (OverflowError, OSError, ValueError):
        raise ValueError(f"timestamp out of range: {cleaned[:40]!r}") from None
