"""SQLite storage: schema, one guarded connection, change sequence, queries.

One connection shared by the simulator thread and the request threads, guarded
by a lock: SQLite serialises writers anyway, and holding the lock across "read
the cursor + read the rows" makes every answer a consistent snapshot. Each write
transaction gets one change-sequence number; rows it touches carry it, so
``WHERE seq > since`` is an exact incremental poll.

The file is the backend's truth and survives restarts: the change sequence is
stored in the same transaction as the rows it numbers, so after a crash the
cursor resumes exactly where the last committed change left it (never behind a
number a client already saw, never skipping one). Durability: WAL with
``synchronous=NORMAL`` for the simulator's ticks (a process crash loses nothing
committed; a power cut may lose the last ticks, which the simulator regenerates
deterministically), and ``synchronous=FULL`` for operators' decisions
(``write(durable=True)``), whose commit fsyncs the WAL so an acknowledgement an
operator saw succeed survives even a power cut.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from backend.notify import ChangeNotifier

APP_MARKER = "ioc-backend"
SCHEMA_VERSION = "2"
# Schema 1 files were recreated at every start, so they never held anything to keep.
_DISPOSABLE_SCHEMAS = frozenset({"1"})
BUSY_TIMEOUT_MS = 10_000  # another process (the users / audit CLI) may hold the write lock
FEATURE_TABLES = ("vessels", "stations", "cameras", "incidents")

# IF NOT EXISTS everywhere: opening a file runs the whole script, so tables added by a
# later version appear in an existing database without touching what it holds.
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS vessels (
    idx INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, lon REAL, lat REAL,
    status TEXT, seq INTEGER NOT NULL, feature TEXT NOT NULL, tabular TEXT);
CREATE TABLE IF NOT EXISTS positions (
    vessel INTEGER NOT NULL, t REAL NOT NULL, lon REAL NOT NULL, lat REAL NOT NULL,
    speed REAL NOT NULL, course REAL NOT NULL, PRIMARY KEY (vessel, t)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS stations (
    idx INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, lon REAL, lat REAL,
    status TEXT, unit TEXT NOT NULL, seq INTEGER NOT NULL, feature TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS observations (
    station INTEGER NOT NULL, t REAL NOT NULL, value REAL,
    PRIMARY KEY (station, t)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS cameras (
    idx INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, lon REAL, lat REAL,
    status TEXT, seq INTEGER NOT NULL, feature TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS incidents (
    idx INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, lon REAL, lat REAL,
    status TEXT, seq INTEGER NOT NULL, feature TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS idempotency (
    key TEXT PRIMARY KEY, fingerprint TEXT NOT NULL, status INTEGER NOT NULL,
    body TEXT NOT NULL, created REAL NOT NULL);
CREATE TABLE IF NOT EXISTS users (
    name TEXT PRIMARY KEY, role TEXT NOT NULL, token_hash TEXT UNIQUE,
    shared INTEGER NOT NULL DEFAULT 0, created TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS audit (
    id INTEGER PRIMARY KEY, at TEXT NOT NULL, user TEXT NOT NULL, action TEXT NOT NULL,
    target TEXT, detail TEXT NOT NULL, prev TEXT NOT NULL, hash TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS records (
    kind TEXT NOT NULL, key TEXT NOT NULL, seq INTEGER NOT NULL, body TEXT NOT NULL,
    PRIMARY KEY (kind, key));
CREATE INDEX IF NOT EXISTS records_seq ON records (kind, seq);
CREATE INDEX IF NOT EXISTS vessels_seq ON vessels (seq, idx);
CREATE INDEX IF NOT EXISTS stations_seq ON stations (seq, idx);
CREATE INDEX IF NOT EXISTS cameras_seq ON cameras (seq, idx);
CREATE INDEX IF NOT EXISTS incidents_seq ON incidents (seq, idx);
"""
_TABLES = ("meta", "vessels", "positions", "stations", "observations", "cameras", "incidents",
           "idempotency", "users", "audit", "records")


class ForeignDatabaseError(RuntimeError):
    """The --db file holds something that is not ours: refuse rather than destroy it."""


@dataclass(frozen=True)
class FeatureRow:
    """A feature to upsert: its serialised wire JSON plus the columns queries filter on.
    `tabular` is the same item as one JSON array (vessels only: `?format=rows`)."""

    idx: int
    id: str
    lon: float
    lat: float
    status: str | None
    feature: str
    tabular: str | None = None


@dataclass(frozen=True)
class IdempotencyRecord:
    fingerprint: str
    status: int
    body: str


class Tx:
    """Writes inside one transaction; all rows written share one change sequence."""

    def __init__(self, store: Store, conn: sqlite3.Connection) -> None:
        self._store = store
        self._conn = conn
        self._seq: int | None = None

    @property
    def seq(self) -> int:
        if self._seq is None:
            self._seq = self._store._seq + 1
            self._store._seq = self._seq
            self._conn.execute("UPDATE meta SET value = ? WHERE key = 'seq'", (str(self._seq),))
        return self._seq

    def upsert_features(
        self, table: str, rows: Iterable[FeatureRow], unit: str | None = None
    ) -> None:
        _check_table(table)
        seq = self.seq
        columns = ["idx", "id", "lon", "lat", "status", "seq", "feature"]
        if table == "stations":  # each table's one extra column, if any
            columns.append("unit")
            values = [(r.idx, r.id, r.lon, r.lat, r.status, seq, r.feature, unit or "")
                      for r in rows]
        elif table == "vessels":
            columns.append("tabular")
            values = [(r.idx, r.id, r.lon, r.lat, r.status, seq, r.feature, r.tabular)
                      for r in rows]
        else:
            values = [(r.idx, r.id, r.lon, r.lat, r.status, seq, r.feature) for r in rows]
        self._conn.executemany(
            f"INSERT OR REPLACE INTO {table} ({', '.join(columns)}) "
            f"VALUES ({', '.join('?' * len(columns))})",
            values,
        )

    def execute(self, sql: str, args: Sequence[object] = ()) -> list[tuple]:
        """Plain SQL inside this transaction, for the modules that own their tables
        (users.py, audit.py); they never interpolate input into ``sql``."""
        return self._conn.execute(sql, args).fetchall()

    def record(self, kind: str, key: str) -> str | None:
        """One operator record (alert decision, position report, crossing closure)."""
        row = self._conn.execute("SELECT body FROM records WHERE kind = ? AND key = ?",
                                 (kind, key)).fetchone()
        return None if row is None else str(row[0])

    def put_record(self, kind: str, key: str, body: str) -> None:
        self._conn.execute("INSERT OR REPLACE INTO records VALUES (?, ?, ?, ?)",
                           (kind, key, self.seq, body))

    def insert_feature(self, table: str, row: FeatureRow) -> None:
        """A new item (an operator-created incident); fails if its id exists."""
        _check_table(table)
        self._conn.execute(
            f"INSERT INTO {table} (idx, id, lon, lat, status, seq, feature) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (row.idx, row.id, row.lon, row.lat, row.status, self.seq, row.feature))

    def set_meta(self, key: str, value: str) -> None:
        self._conn.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))

    def insert_positions(self, rows: Sequence[tuple[int, float, float, float, float, float]],
                         ) -> None:
        self._conn.executemany("INSERT OR REPLACE INTO positions VALUES (?, ?, ?, ?, ?, ?)", rows)

    def insert_observations(self, rows: Sequence[tuple[int, float, float | None]]) -> None:
        self._conn.executemany("INSERT OR REPLACE INTO observations VALUES (?, ?, ?)", rows)

    def prune(self, before: float) -> None:
        """Forget history older than the retention window (bounded DB size in long runs)."""
        self._conn.execute("DELETE FROM positions WHERE t < ?", (before,))
        self._conn.execute("DELETE FROM observations WHERE t < ?", (before,))
        self._conn.execute("DELETE FROM idempotency WHERE created < ?", (before,))

    def feature(self, table: str, item_id: str) -> str | None:
        _check_table(table)
        row = self._conn.execute(f"SELECT feature FROM {table} WHERE id = ?", (item_id,)).fetchone()
        return None if row is None else row[0]

    def update_feature(self, table: str, item_id: str, status: str | None, feature: str) -> None:
        _check_table(table)
        self._conn.execute(
            f"UPDATE {table} SET status = ?, feature = ?, seq = ? WHERE id = ?",
            (status, feature, self.seq, item_id),
        )

    def idempotency(self, key: str) -> IdempotencyRecord | None:
        row = self._conn.execute(
            "SELECT fingerprint, status, body FROM idempotency WHERE key = ?", (key,)
        ).fetchone()
        return None if row is None else IdempotencyRecord(row[0], int(row[1]), row[2])

    def remember(self, key: str, record: IdempotencyRecord, created: float) -> None:
        self._conn.execute(
            "INSERT INTO idempotency (key, fingerprint, status, body, created) "
            "VALUES (?, ?, ?, ?, ?)",
            (key, record.fingerprint, record.status, record.body, created),
        )


def _check_table(table: str) -> None:
    # Table names cannot be bound parameters; only ever interpolate known names.
    if table not in FEATURE_TABLES:
        raise ValueError(f"unknown table {table!r}")


class Store:
    """The backend's database. ``resumed`` says whether the file already held a world
    (the simulator then resumes it instead of seeding a new one)."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._conn = sqlite3.connect(path, check_same_thread=False, isolation_level=None,
                                     timeout=BUSY_TIMEOUT_MS / 1000)
        self._seq = 0
        self.resumed = False
        # wakes change streams after each commit of this process (a hint: see notify.py)
        self.changes = ChangeNotifier()
        try:
            self._prepare()
        except BaseException:
            self._conn.close()
            raise

    def _prepare(self) -> None:
        conn = self._conn
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if tables:
            marker = schema = None
            if "meta" in tables:
                rows = dict(conn.execute("SELECT key, value FROM meta "
                                         "WHERE key IN ('app', 'schema')").fetchall())
                marker, schema = rows.get("app"), rows.get("schema")
            if marker != APP_MARKER:
                raise ForeignDatabaseError(
                    f"{self.path} already contains tables that are not an IOC backend database")
            if schema in _DISPOSABLE_SCHEMAS:
                for table in _TABLES:
                    conn.execute(f"DROP TABLE IF EXISTS {table}")
            elif schema != SCHEMA_VERSION:
                raise ForeignDatabaseError(
                    f"{self.path} has schema version {schema}, this backend knows "
                    f"{SCHEMA_VERSION}: refusing to touch it")
        if self.path != ":memory:":
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
        conn.executescript(_SCHEMA)
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany("INSERT OR IGNORE INTO meta VALUES (?, ?)",
                         [("app", APP_MARKER), ("schema", SCHEMA_VERSION), ("seq", "0")])
        self._seq = int(conn.execute("SELECT value FROM meta WHERE key = 'seq'").fetchone()[0])
        conn.execute("COMMIT")
        self.resumed = self.meta("sim") is not None

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    @contextmanager
    def write(self, durable: bool = False) -> Iterator[Tx]:
        """One transaction under the lock; rolled back (and the sequence kept) on error.

        ``durable``: fsync at commit (operators' decisions), see the module docstring.
        BEGIN IMMEDIATE takes the write lock at once, so a transaction that reads before it
        writes (the audit chain's head) cannot be overtaken by another process."""
        with self._lock:
            seq_before = self._seq
            if durable:
                self._conn.execute("PRAGMA synchronous = FULL")
            try:
                self._conn.execute("BEGIN IMMEDIATE")
                try:
                    yield Tx(self, self._conn)
                except BaseException:
                    self._conn.execute("ROLLBACK")
                    self._seq = seq_before
                    raise
                try:
                    self._conn.execute("COMMIT")
                except BaseException:
                    if self._conn.in_transaction:
                        self._conn.execute("ROLLBACK")
                    self._seq = seq_before
                    raise
                if self._seq != seq_before:  # something was numbered: streams may look
                    self.changes.notify()
            finally:
                if durable:
                    self._conn.execute("PRAGMA synchronous = NORMAL")

    def query(self, sql: str, args: Sequence[object] = ()) -> list[tuple]:
        """A read outside any write transaction (users.py, audit.py own their SQL)."""
        with self._lock:
            return self._conn.execute(sql, args).fetchall()

    def records(self, kind: str, since: int | None = None,
                key_prefix: str | None = None) -> tuple[int, list[str]]:
        """(cursor, bodies) of one kind of operator record changed after ``since``, in
        change order. A cursor from the future (from before a restore) means all."""
        sql, args = "SELECT body FROM records WHERE kind = ?", [kind]
        with self._lock:
            if since is not None and since <= self._seq:
                sql += " AND seq > ?"
                args.append(since)
            if key_prefix is not None:
                sql += " AND key >= ? AND key < ?"
                args.extend((key_prefix, key_prefix + "\uffff"))
            rows = self._conn.execute(sql + " ORDER BY seq, key", args).fetchall()
            return self._seq, [r[0] for r in rows]

    def meta(self, key: str) -> str | None:
        """A value from the meta table (simulation config, sim time reached, ...)."""
        with self._lock:
            row = self._conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    @property
    def cursor(self) -> int:
        with self._lock:
            return self._seq

    def collection(
        self,
        table: str,
        since: int | None = None,
        bbox: tuple[float, float, float, float] | None = None,
        statuses: Sequence[str] | None = None,
        after: int | None = None,
        limit: int | None = None,
        tabular: bool = False,
    ) -> tuple[int, list[str], int | None]:
        """(cursor, serialised features, next_after) matching the filters; with
        `tabular`, each item as its JSON array instead (vessels only).

        Without `limit`: every match in id order, cursor = the current sequence.
        With `limit`: a keyset page in (seq, idx) order; rows of one transaction share
        a seq, so the key needs both. When the page is full, cursor is the last row's
        seq and next_after its idx: asking again with since=cursor&after=next_after
        continues exactly there (a row changed meanwhile gets a larger seq, so it moves
        behind the key and is never skipped). `after` continues within seq == since.
        A `since` from the future (a client that outlived a backend restart) is treated
        as absent: the full list."""
        _check_table(table)
        if since is not None and since > self._seq:
            since, after = None, None
        where, args = [], []
        if since is not None and after is not None:
            where.append("(seq > ? OR (seq = ? AND idx > ?))")
            args.extend((since, since, after))
        elif since is not None:
            where.append("seq > ?")
            args.append(since)
        if bbox is not None:
            where.append("lon BETWEEN ? AND ? AND lat BETWEEN ? AND ?")
            args.extend((bbox[0], bbox[2], bbox[1], bbox[3]))
        if statuses:
            where.append(f"status IN ({','.join('?' * len(statuses))})")
            args.extend(statuses)
        if tabular and table != "vessels":
            raise ValueError(f"no tabular form for {table}")
        sql = f"SELECT {'tabular' if tabular else 'feature'}, seq, idx FROM {table}"
        if where:
            sql += " WHERE " + " AND ".join(where)
        if limit is None:
            sql += " ORDER BY idx"
        else:
            sql += " ORDER BY seq, idx LIMIT ?"
            args.append(limit + 1)  # one more tells whether the page is full
        with self._lock:
            rows = self._conn.execute(sql, args).fetchall()
            current = self._seq
        if limit is not None and len(rows) > limit:
            last = rows[limit - 1]
            return int(last[1]), [r[0] for r in rows[:limit]], int(last[2])
        return current, [r[0] for r in rows], None

    def lookup(self, table: str, item_id: str) -> tuple[int, str | None, str] | None:
        """(idx, status, feature JSON) of one item, or None."""
        _check_table(table)
        with self._lock:
            row = self._conn.execute(
                f"SELECT idx, status, feature FROM {table} WHERE id = ?", (item_id,)
            ).fetchone()
        return None if row is None else (int(row[0]), row[1], row[2])

    def station_unit(self, idx: int) -> str:
        with self._lock:
            row = self._conn.execute("SELECT unit FROM stations WHERE idx = ?", (idx,)).fetchone()
        return row[0] if row else ""

    def track(
        self, vessel: int, t0: float, t1: float
    ) -> list[tuple[float, float, float, float, float]]:
        with self._lock:
            return self._conn.execute(
                "SELECT t, lon, lat, speed, course FROM positions "
                "WHERE vessel = ? AND t >= ? AND t <= ? ORDER BY t", (vessel, t0, t1),
            ).fetchall()

    def fleet_track(self, t0: float, t1: float) -> list[tuple[str, float, float, float, float,
                                                              float]]:
        """Every vessel's fixes in [t0, t1], sorted by vessel then time."""
        with self._lock:
            return self._conn.execute(
                "SELECT v.id, p.t, p.lon, p.lat, p.speed, p.course FROM positions p "
                "JOIN vessels v ON v.idx = p.vessel WHERE p.t >= ? AND p.t <= ? "
                "ORDER BY p.vessel, p.t", (t0, t1),
            ).fetchall()

    def observations(self, station: int, t0: float, t1: float) -> list[tuple[float, float | None]]:
        with self._lock:
            return self._conn.execute(
                "SELECT t, value FROM observations "
                "WHERE station = ? AND t >= ? AND t <= ? ORDER BY t",
                (station, t0, t1),
            ).fetchall()

    def oldest_observation(self, station: int) -> float | None:
        """Time of the station's oldest stored reading (older ones are generated on demand)."""
        with self._lock:
            row = self._conn.execute(
                "SELECT MIN(t) FROM observations WHERE station = ?", (station,)
            ).fetchone()
        return None if row is None or row[0] is None else float(row[0])

    def recent_observations(self, t0: float) -> list[tuple[str, str, float, float | None]]:
        """(station id, unit, t, value) of every reading since t0, by station then time."""
        with self._lock:
            return self._conn.execute(
                "SELECT s.id, s.unit, o.t, o.value FROM observations o "
                "JOIN stations s ON s.idx = o.station WHERE o.t >= ? ORDER BY o.station, o.t",
                (t0,),
            ).fetchall()

    def count(self, table: str) -> int:
        if table not in _TABLES:
            raise ValueError(table)
        with self._lock:
            return int(self._conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])
