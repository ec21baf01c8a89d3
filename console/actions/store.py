"""SQLite persistence of the outbox: one row per operator action not yet accepted.

Thread-safety: every method takes the instance lock, so the outbox's worker jobs
(which run on `JobRunner` threads) and the synchronous flush at shutdown can share
one connection. Never call these from the GUI thread except at shutdown.
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

from console.actions.model import QueuedAction

_SCHEMA = """
CREATE TABLE IF NOT EXISTS actions (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    key TEXT NOT NULL UNIQUE,
    incident_id TEXT NOT NULL,
    action TEXT NOT NULL,
    expected_version INTEGER NOT NULL,
    actor TEXT NOT NULL,
    assignee TEXT,
    note TEXT,
    created_at REAL NOT NULL,
    state TEXT NOT NULL DEFAULT 'pending',
    attempts INTEGER NOT NULL DEFAULT 0,
    error TEXT,
    kind TEXT NOT NULL DEFAULT 'incident',
    body TEXT
)
"""
# an outbox file written before decisions shared it lacks these columns
_ADDED_COLUMNS = (("kind", "TEXT NOT NULL DEFAULT 'incident'"), ("body", "TEXT"))

_COLUMNS = (
    "key, incident_id, action, expected_version, actor, assignee, note, created_at, "
    "state, attempts, error, kind, body"
)


class OutboxDb:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._conn: sqlite3.Connection | None = None
        self._closed = False

    def _c(self) -> sqlite3.Connection:
        """The connection, opened on first use (on a worker: no disk on the GUI thread)."""
        if self._closed:
            raise sqlite3.ProgrammingError("outbox database is closed")
        if self._conn is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(str(self.path), check_same_thread=False, isolation_level=None)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=FULL")  # an operator action must survive a crash
            conn.execute(_SCHEMA)
            have = {row[1] for row in conn.execute("PRAGMA table_info(actions)")}
            for name, decl in _ADDED_COLUMNS:
                if name not in have:
                    conn.execute(f"ALTER TABLE actions ADD COLUMN {name} {decl}")
            self._conn = conn
        return self._conn

    def load(self) -> list[QueuedAction]:
        with self._lock:
            rows = self._c().execute(f"SELECT {_COLUMNS} FROM actions ORDER BY seq").fetchall()
        return [QueuedAction(*row) for row in rows]

    def insert(self, action: QueuedAction) -> None:
        """Insert once (a second insert of the same key is ignored)."""
        with self._lock:
            self._c().execute(
                f"INSERT OR IGNORE INTO actions ({_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    action.key,
                    action.incident_id,
                    action.action,
                    action.expected_version,
                    action.actor,
                    action.assignee,
                    action.note,
                    action.created_at,
                    action.state,
                    action.attempts,
                    action.error,
                    action.kind,
                    action.body,
                ),
            )

    def update(self, action: QueuedAction) -> None:
        with self._lock:
            self._c().execute(
                "UPDATE actions SET state=?, attempts=?, error=? WHERE key=?",
                (action.state, action.attempts, action.error, action.key),
            )

    def delete(self, key: str) -> None:
        with self._lock:
            self._c().execute("DELETE FROM actions WHERE key=?", (key,))

    def close(self) -> None:
        with self._lock:
            self._closed = True
            if self._conn is not None:
                self._conn.close()
                self._conn = None
