"""Permitted-boundary crossing cases and their audit trail.

A crossing opens when a vessel leaves the permitted fishing area and stays open until an
operator closes it with one of `CLOSE_REASONS` (Decree 41/2026 asks for this). The
closure itself is decided on the backend (POST /crossings/closures, through the outbox;
every console applies the backend's closures); this console's SQLite file under the
platformdirs user data dir keeps the open cases across restarts and a local copy of
the closures it applied.

`CrossingLog` is pure Python + sqlite3 (no Qt). Writes are tiny; the rules engine calls
them through the job runner so the GUI thread never touches the disk. The connection is
opened with `check_same_thread=False` and guarded by a lock for that reason.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import platformdirs

CLOSE_REASONS = ("position_error", "returned_within_2h", "case_opened")


def crossing_id(vessel_id: str, crossed_at: float) -> str:
    """A crossing's name on every console and on the backend: vessel and the whole second
    of its first fix outside (backend/decisions.py names it alike)."""
    return f"{vessel_id}@{int(crossed_at)}"


def default_audit_path() -> Path:
    return Path(platformdirs.user_data_dir("ioc-console", appauthor=False)) / "audit.sqlite"


@dataclass
class Crossing:
    id: str
    vessel_id: str
    registration: str
    crossed_at: float  # source time of the first fix outside
    returned_at: float | None = None
    closed_at: float | None = None  # wall time of the operator's decision
    closed_by: str | None = None
    reason: str | None = None
    comment: str | None = None

    @property
    def open(self) -> bool:
        return self.closed_at is None


class CrossingError(ValueError):
    """A close request that the rules refuse (unknown reason, not returned in time...)."""


class CrossingLog:
    """Open and closed crossings, persisted. Thread-safe (one lock, one connection)."""

    def __init__(self, path: Path | str | None = None) -> None:
        target = Path(path) if path is not None else default_audit_path()
        if str(target) != ":memory:":
            target.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._db = sqlite3.connect(str(target), check_same_thread=False)
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS crossing (id TEXT PRIMARY KEY, vessel_id TEXT, "
            "registration TEXT, crossed_at REAL, returned_at REAL, closed_at REAL, "
            "closed_by TEXT, reason TEXT, comment TEXT)"
        )
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS audit (at REAL, actor TEXT, action TEXT, "
            "crossing_id TEXT, detail TEXT)"
        )
        self._db.commit()

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def _upsert(self, c: Crossing) -> None:
        """Write one crossing row (caller holds the lock and commits)."""
        self._db.execute(
            "INSERT OR REPLACE INTO crossing VALUES (?,?,?,?,?,?,?,?,?)",
            (
                c.id,
                c.vessel_id,
                c.registration,
                c.crossed_at,
                c.returned_at,
                c.closed_at,
                c.closed_by,
                c.reason,
                c.comment,
            ),
        )

    def save(self, c: Crossing) -> None:
        with self._lock:
            self._upsert(c)
            self._db.commit()

    def record_close(self, c: Crossing) -> None:
        """Persist the closed crossing and an audit row in one transaction."""
        with self._lock:
            self._upsert(c)
            self._db.execute(
                "INSERT INTO audit VALUES (?,?,?,?,?)",
                (
                    c.closed_at,
                    c.closed_by,
                    "close_crossing",
                    c.id,
                    f"{c.reason}: {c.comment or ''}",
                ),
            )
            self._db.commit()

    def open_crossings(self) -> list[Crossing]:
        with self._lock:
            rows = self._db.execute(
                "SELECT * FROM crossing WHERE closed_at IS NULL ORDER BY crossed_at"
            ).fetchall()
        return [Crossing(*r) for r in rows]

    def audit_trail(self) -> list[tuple[float, str, str, str, str]]:
        with self._lock:
            return self._db.execute("SELECT * FROM audit ORDER BY at").fetchall()


def validate_close(c: Crossing, reason: str, window_s: float) -> None:
    """Raise CrossingError when `reason` cannot close `c`."""
    if reason not in CLOSE_REASONS:
        raise CrossingError(f"unknown reason {reason!r}")
    if not c.open:
        raise CrossingError("crossing already closed")
    if reason == "returned_within_2h" and (
        c.returned_at is None or c.returned_at - c.crossed_at > window_s
    ):
        raise CrossingError("the vessel has not returned within the allowed window")


def close_crossing(
    c: Crossing, reason: str, who: str, comment: str | None, window_s: float
) -> Crossing:
    validate_close(c, reason, window_s)
    c.closed_at, c.closed_by, c.reason, c.comment = time.time(), who, reason, comment
    return c
