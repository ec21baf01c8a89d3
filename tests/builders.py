"""Domain records for tests, built from defaults plus what a test cares about, so each
test says only what matters to it (and a new field is added in one place)."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

from console.model.incident import Incident

_INCIDENT = Incident(
    id="inc-1",
    type="fire",
    severity="high",
    status="new",
    title="t",
    description="",
    lon=109.2,
    lat=13.8,
    reported_at=1000.0,
    updated_at=1000.0,
    version=1,
    assignee=None,
    history=(),
)


def an_incident(**fields) -> Incident:
    """An incident near Quy Nhơn (fire, high, new, version 1) with `fields` replaced."""
    return replace(_INCIDENT, **fields)


def wrong_sqlite_files(folder: Path, suffix: str) -> tuple[Path, Path, Path]:
    """What an opener of SQLite-based `suffix` files (archives, MBTiles) must refuse with
    a clear message: bytes that are not SQLite, a SQLite database of something else, and
    a path where there is no file."""
    junk = folder / f"junk{suffix}"
    junk.write_bytes(b"this is not sqlite at all" * 100)
    other = folder / f"other{suffix}"
    sqlite3.connect(other).execute("CREATE TABLE other (a)").connection.commit()
    return junk, other, folder / f"missing{suffix}"
