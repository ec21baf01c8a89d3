"""Where SQLite and PostgreSQL differ, and only here: connections, schema, upserts,
write serialisation, leadership, the bbox filter.

The rest of the backend (``db.py`` and the modules that own tables: ``users.py``,
``audit.py``, ``decisions.py``) writes one SQL through a ``Conn``: ``?`` placeholders and
statements both engines accept; whatever differs is asked of the ``Dialect``.

SQLite (a file or ``:memory:``, the embedded default): one connection guarded by a
lock, as before — SQLite serialises writers anyway and the lock makes "read the cursor
+ read the rows" one snapshot.

PostgreSQL + PostGIS (``postgresql://…``): a small pool of connections per process, so
a simulator tick never blocks the readers. Several processes share the database, so:

- every write transaction first takes one transaction-level advisory lock: writers
  commit one at a time, in change-sequence order, which keeps cursors exact (a reader
  never sees sequence N while N-1 is still uncommitted) and the audit chain linear;
- reads that need the cursor and the rows together run in one REPEATABLE READ
  transaction (one snapshot);
- the simulator runs in the one process holding a session-level advisory lock (the
  leader lease); when that process dies its session ends, the lock is free, and another
  process takes over;
- feature tables carry ``geom geometry(Point, 4326)``, generated from lon/lat, with a
  GiST index that bbox queries use.

Lock keys are (purpose, hash of the current schema), so deployments or tests that share
a database in different schemas never wait on each other.

Driver: psycopg 3 (``psycopg[binary]``), the maintained PostgreSQL adapter (psycopg2 is
in maintenance only): binary wheels, server-side parameter binding, LISTEN/NOTIFY through
``Connection.notifies()``, and a DB-API shape close enough to sqlite3 for ``Conn`` to stay
a thin wrapper.
"""

from __future__ import annotations

import fcntl
import os
import queue
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from backend.wakeup import LocalWakeup, PgWakeup

BUSY_TIMEOUT_MS = 10_000  # another process (the users / audit CLI) may hold the write lock
POOL_SIZE = 6  # PostgreSQL connections per process for requests (+1 for the simulator)

# The primary key of every table: what an upsert replaces on.
KEYS: dict[str, tuple[str, ...]] = {
    "meta": ("key",), "vessels": ("idx",), "stations": ("idx",), "cameras": ("idx",),
    "incidents": ("idx",), "positions": ("vessel", "t"), "observations": ("station", "t"),
    "users": ("name",), "records": ("kind", "key"), "idempotency": ("key",),
    "alerts": ("key", "onset"),
}

# Advisory lock purposes (first half of the two-int key; the second is the schema hash).
_WRITER, _LEADER, _SETUP = 0x10C0_0001, 0x10C0_0002, 0x10C0_0003
_SCHEMA_NS = "hashtext(current_schema())"


DB_ENV = "IOC_BACKEND_DB"  # the database when --db is not given (a URL keeps its password
# out of the process list)


def db_argument() -> dict[str, Any]:
    """argparse keywords of the CLIs' ``--db`` (users, audit): required unless $IOC_BACKEND_DB
    names the database."""
    default = os.environ.get(DB_ENV)
    return {"default": default, "required": default is None,
            "help": f"the backend's database: a SQLite file or a postgresql:// URL "
                    f"(default: ${DB_ENV})"}


def is_postgres(url: str) -> bool:
    return url.startswith(("postgresql://", "postgres://"))


def redact(url: str) -> str:
    """The database named for a message or a log line: never its password."""
    if not is_postgres(url):
        return url
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.rsplit("@", 1)
    return urlunsplit(parts._replace(netloc=f"{parts.username}:***@{netloc[-1]}"))


def _insert_sql(verb: str, table: str, columns: Sequence[str], tail: str = "") -> str:
    """`verb INTO table (columns) VALUES (?, …) tail`: the one statement shape both dialects
    build, differing only in the verb (SQLite) or the conflict clause (PostgreSQL)."""
    sql = f"{verb} INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
    return f"{sql} {tail}" if tail else sql


class DatabaseUnavailableError(RuntimeError):
    """The database cannot be opened (driver missing, server away, PostGIS absent)."""


def database_errors() -> tuple[type[Exception], ...]:
    """What opening or reading a database may raise, whichever the engine (a CLI turns
    these into a one-line message)."""
    errors: list[type[Exception]] = [sqlite3.DatabaseError, OSError, DatabaseUnavailableError]
    try:
        import psycopg
    except ImportError:
        pass
    else:
        errors.append(psycopg.Error)
    return tuple(errors)


class Conn:
    """``execute`` returns all rows (or [] for a statement without any); ``?`` binds."""

    def __init__(self, raw: Any, translate: bool) -> None:
        self.raw = raw
        self._translate = translate

    def execute(self, sql: str, args: Sequence[object] = ()) -> list[tuple]:
        cur = self.raw.execute(_pg_sql(sql) if self._translate else sql, args)
        return cur.fetchall() if cur.description is not None else []

    def executemany(self, sql: str, rows: Sequence[Sequence[object]]) -> None:
        if self._translate:
            with self.raw.cursor() as cur:
                cur.executemany(_pg_sql(sql), rows)
        else:
            self.raw.executemany(sql, rows)


@lru_cache(maxsize=512)
def _pg_sql(sql: str) -> str:
    # our SQL never holds a literal "?" or "%"; psycopg's placeholder is %s
    return sql.replace("%", "%%").replace("?", "%s")


def _dedupe(rows: Sequence[Sequence[object]], key_at: Sequence[int]) -> list[Sequence[object]]:
    """The last row per key, like a run of SQLite's INSERT OR REPLACE."""
    last: dict[tuple, Sequence[object]] = {}
    for row in rows:
        last[tuple(row[i] for i in key_at)] = row
    return list(last.values())


# --- SQLite -------------------------------------------------------------------------------

# IF NOT EXISTS everywhere: opening a file runs the whole script, so tables added by a
# later version appear in an existing database without touching what it holds.
_SQLITE_SCHEMA = """
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
CREATE TABLE IF NOT EXISTS alerts (
    key TEXT NOT NULL, onset REAL NOT NULL, seq INTEGER NOT NULL, active INTEGER NOT NULL,
    updated REAL NOT NULL, body TEXT NOT NULL, PRIMARY KEY (key, onset));
CREATE INDEX IF NOT EXISTS alerts_seq ON alerts (seq);
CREATE INDEX IF NOT EXISTS alerts_active ON alerts (active, updated);
CREATE INDEX IF NOT EXISTS vessels_seq ON vessels (seq, idx);
CREATE INDEX IF NOT EXISTS stations_seq ON stations (seq, idx);
CREATE INDEX IF NOT EXISTS cameras_seq ON cameras (seq, idx);
CREATE INDEX IF NOT EXISTS incidents_seq ON incidents (seq, idx);
"""


class SqliteDialect:
    """One connection and one lock (see the module docstring)."""

    name = "sqlite"

    @staticmethod
    def bbox_filter(bbox: tuple[float, float, float, float]) -> tuple[str, list[float]]:
        """Edges included."""
        return ("lon BETWEEN ? AND ? AND lat BETWEEN ? AND ?",
                [bbox[0], bbox[2], bbox[1], bbox[3]])

    def __init__(self, path: str) -> None:
        self.url = self.label = path
        self.wakeup = LocalWakeup()
        self._lock = threading.Lock()
        self._raw = sqlite3.connect(path, check_same_thread=False, isolation_level=None,
                                    timeout=BUSY_TIMEOUT_MS / 1000)
        self._conn = Conn(self._raw, translate=False)
        self._lease: int | None = None

    # -- schema
    def tables(self) -> set[str]:
        return {r[0] for r in self._conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")}

    def create_schema(self) -> None:
        conn = self._raw
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if self.url != ":memory:":
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
        conn.executescript(_SQLITE_SCHEMA)

    # -- statements
    def upsert_sql(self, table: str, columns: Sequence[str]) -> str:
        return _insert_sql("INSERT OR REPLACE", table, columns)

    def insert_ignore_sql(self, table: str, columns: Sequence[str]) -> str:
        return _insert_sql("INSERT OR IGNORE", table, columns)

    def bulk_upsert(self, conn: Conn, table: str, columns: Sequence[str],
                    rows: Sequence[Sequence[object]]) -> None:
        conn.executemany(self.upsert_sql(table, columns), rows)

    # -- connections
    @contextmanager
    def reading(self) -> Iterator[Conn]:
        with self._lock:
            yield self._conn

    query = reading  # one statement: the same lock

    @contextmanager
    def writing(self, durable: bool) -> Iterator[Conn]:
        """BEGIN IMMEDIATE takes the write lock at once, so a transaction that reads before
        it writes (the audit chain's head) cannot be overtaken by another process.
        ``durable``: ``synchronous = FULL`` for this commit (fsync of the WAL)."""
        with self._lock:
            raw = self._raw
            if durable:
                raw.execute("PRAGMA synchronous = FULL")
            try:
                raw.execute("BEGIN IMMEDIATE")
                try:
                    yield self._conn
                except BaseException:
                    raw.execute("ROLLBACK")
                    raise
                try:
                    raw.execute("COMMIT")
                except BaseException:
                    if raw.in_transaction:
                        raw.execute("ROLLBACK")
                    raise
            finally:
                if durable:
                    raw.execute("PRAGMA synchronous = NORMAL")

    @contextmanager
    def setup_lock(self) -> Iterator[None]:
        yield  # one process seeds; BEGIN IMMEDIATE guards the rest

    # -- leadership: an exclusive lock on a file beside the database
    def try_lead(self) -> bool:
        if self._lease is not None or self.url == ":memory:":
            return True
        fd = os.open(self.url + ".lead", os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            return False
        self._lease = fd
        return True

    def still_leading(self) -> bool:
        return True

    def resign(self) -> None:
        if self._lease is not None:
            os.close(self._lease)
            self._lease = None

    def close(self) -> None:
        self.resign()
        with self._lock:
            self._raw.close()


# --- PostgreSQL + PostGIS -----------------------------------------------------------------

# Text keys sort and compare bytewise (COLLATE "C"), as in SQLite: range scans such as
# key >= 'v/' AND key < 'v/\uffff' must not depend on the server's locale.
_FEATURE_COLUMNS = """
    idx BIGINT PRIMARY KEY, id TEXT COLLATE "C" NOT NULL UNIQUE,
    lon DOUBLE PRECISION, lat DOUBLE PRECISION, status TEXT, seq BIGINT NOT NULL,
    feature TEXT NOT NULL,
    geom geometry(Point, 4326) GENERATED ALWAYS AS (ST_SetSRID(ST_MakePoint(lon, lat), 4326))
        STORED"""
_PG_SCHEMA = f"""
CREATE TABLE IF NOT EXISTS meta (key TEXT COLLATE "C" PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS vessels ({_FEATURE_COLUMNS}, tabular TEXT);
CREATE TABLE IF NOT EXISTS positions (
    vessel BIGINT NOT NULL, t DOUBLE PRECISION NOT NULL, lon DOUBLE PRECISION NOT NULL,
    lat DOUBLE PRECISION NOT NULL, speed DOUBLE PRECISION NOT NULL,
    course DOUBLE PRECISION NOT NULL, PRIMARY KEY (vessel, t));
CREATE INDEX IF NOT EXISTS positions_t ON positions (t);
CREATE TABLE IF NOT EXISTS stations ({_FEATURE_COLUMNS}, unit TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS observations (
    station BIGINT NOT NULL, t DOUBLE PRECISION NOT NULL, value DOUBLE PRECISION,
    PRIMARY KEY (station, t));
CREATE INDEX IF NOT EXISTS observations_t ON observations (t);
CREATE TABLE IF NOT EXISTS cameras ({_FEATURE_COLUMNS});
CREATE TABLE IF NOT EXISTS incidents ({_FEATURE_COLUMNS});
CREATE TABLE IF NOT EXISTS idempotency (
    key TEXT COLLATE "C" PRIMARY KEY, fingerprint TEXT NOT NULL, status INTEGER NOT NULL,
    body TEXT NOT NULL, created DOUBLE PRECISION NOT NULL);
CREATE TABLE IF NOT EXISTS users (
    name TEXT COLLATE "C" PRIMARY KEY, role TEXT NOT NULL, token_hash TEXT UNIQUE,
    shared INTEGER NOT NULL DEFAULT 0, created TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS audit (
    id BIGINT PRIMARY KEY, at TEXT NOT NULL, "user" TEXT NOT NULL, action TEXT NOT NULL,
    target TEXT, detail TEXT NOT NULL, prev TEXT NOT NULL, hash TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS records (
    kind TEXT COLLATE "C" NOT NULL, key TEXT COLLATE "C" NOT NULL, seq BIGINT NOT NULL,
    body TEXT NOT NULL, PRIMARY KEY (kind, key));
CREATE INDEX IF NOT EXISTS records_seq ON records (kind, seq);
CREATE TABLE IF NOT EXISTS alerts (
    key TEXT COLLATE "C" NOT NULL, onset DOUBLE PRECISION NOT NULL, seq BIGINT NOT NULL,
    active INTEGER NOT NULL, updated DOUBLE PRECISION NOT NULL, body TEXT NOT NULL,
    PRIMARY KEY (key, onset));
CREATE INDEX IF NOT EXISTS alerts_seq ON alerts (seq);
CREATE INDEX IF NOT EXISTS alerts_active ON alerts (active, updated);
""" + "".join(
    f"CREATE INDEX IF NOT EXISTS {t}_seq ON {t} (seq, idx);\n"
    f"CREATE INDEX IF NOT EXISTS {t}_geom ON {t} USING GIST (geom);\n"
    for t in ("vessels", "stations", "cameras", "incidents"))

# Column types for the array-parameter bulk upsert (one statement per batch).
_PG_TYPES = {
    "idx": "bigint", "vessel": "bigint", "station": "bigint", "seq": "bigint",
    "t": "float8", "lon": "float8", "lat": "float8", "speed": "float8", "course": "float8",
    "value": "float8", "id": "text", "status": "text", "feature": "text", "tabular": "text",
    "unit": "text",
}


def _driver() -> Any:
    try:
        import psycopg
    except ImportError:  # an optional dependency: only a PostgreSQL deployment needs it
        raise DatabaseUnavailableError(
            "PostgreSQL needs the psycopg driver: pip install 'psycopg[binary]'") from None
    return psycopg


class PgDialect:
    """A pool of autocommit connections; transactions are explicit BEGIN/COMMIT."""

    name = "postgresql"

    @staticmethod
    def bbox_filter(bbox: tuple[float, float, float, float]) -> tuple[str, list[float]]:
        """The GiST index on ``geom`` finds the candidates (``&&`` compares boxes rounded
        outwards to float4); the lon/lat test keeps SQLite's exact, edges-included answer."""
        return ("geom && ST_MakeEnvelope(?, ?, ?, ?, 4326) "
                "AND lon BETWEEN ? AND ? AND lat BETWEEN ? AND ?",
                [*bbox, bbox[0], bbox[2], bbox[1], bbox[3]])

    def __init__(self, url: str) -> None:
        self.url = url
        self.label = redact(url)
        self._psycopg = _driver()
        self._idle: queue.LifoQueue[Any] = queue.LifoQueue()
        self._slots = threading.BoundedSemaphore(POOL_SIZE + 1)
        self._lease: Any = None
        self._check_postgis()
        self._prefix = self._channel_prefix()
        self.wakeup = PgWakeup(self._connect, lambda: self._prefix)

    def _connect(self) -> Any:
        try:
            return self._psycopg.connect(self.url, autocommit=True, connect_timeout=10)
        except self._psycopg.OperationalError as exc:
            raise DatabaseUnavailableError(f"cannot connect to {self.label}: {exc}") from None

    def _check_postgis(self) -> None:
        with self.query() as conn:
            if conn.execute("SELECT 1 FROM pg_extension WHERE extname = 'postgis'"):
                return
            try:
                conn.execute("CREATE EXTENSION IF NOT EXISTS postgis")
            except self._psycopg.Error as exc:
                raise DatabaseUnavailableError(
                    f"{self.label} has no PostGIS and this role cannot add it ({exc}); "
                    "as a superuser: CREATE EXTENSION postgis") from None

    def _channel_prefix(self) -> str:
        with self.query() as conn:
            ns = conn.execute(f"SELECT {_SCHEMA_NS}")[0][0]
        return f"ioc_{ns & 0xFFFFFFFF:08x}_"

    # -- schema
    def tables(self) -> set[str]:
        with self.query() as conn:
            return {r[0] for r in conn.execute(
                "SELECT table_name FROM information_schema.tables "
                "WHERE table_schema = current_schema()")}

    def create_schema(self) -> None:
        with self.query() as conn:
            conn.raw.execute(_PG_SCHEMA)  # several statements, no parameters

    # -- statements
    def upsert_sql(self, table: str, columns: Sequence[str]) -> str:
        return _insert_sql("INSERT", table, columns, self._on_conflict(table, columns))

    def insert_ignore_sql(self, table: str, columns: Sequence[str]) -> str:
        return _insert_sql("INSERT", table, columns, "ON CONFLICT DO NOTHING")

    @staticmethod
    def _on_conflict(table: str, columns: Sequence[str]) -> str:
        key = KEYS[table]
        rest = [c for c in columns if c not in key]
        if not rest:
            return "ON CONFLICT DO NOTHING"
        return (f"ON CONFLICT ({', '.join(key)}) DO UPDATE SET "
                + ", ".join(f"{c} = EXCLUDED.{c}" for c in rest))

    def bulk_upsert(self, conn: Conn, table: str, columns: Sequence[str],
                    rows: Sequence[Sequence[object]]) -> None:
        """COPY into a per-session staging table, then one INSERT ... ON CONFLICT: a tick's
        thousands of fixes in two statements (COPY rows are encoded in C, far cheaper
        than binding them as parameters one way or another)."""
        if not rows:
            return
        key_at = [columns.index(k) for k in KEYS[table]]
        rows = _dedupe(rows, key_at)
        stage = f"stage_{table}_{len(columns)}"
        if stage not in self._staged(conn):
            conn.execute(f"CREATE TEMP TABLE IF NOT EXISTS {stage} ("
                         + ", ".join(f"{c} {_PG_TYPES[c]}" for c in columns)
                         + ") ON COMMIT DELETE ROWS")
            self._staged(conn).add(stage)
        names = ", ".join(columns)
        with conn.raw.cursor() as cur:
            with cur.copy(f"COPY {stage} ({names}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
            cur.execute(f"INSERT INTO {table} ({names}) SELECT {names} FROM {stage} "
                        f"{self._on_conflict(table, columns)}")
            cur.execute(f"TRUNCATE {stage}")

    @staticmethod
    def _staged(conn: Conn) -> set[str]:
        """The staging tables this session has made (temp tables live per connection)."""
        raw = conn.raw
        staged = getattr(raw, "_ioc_staged", None)
        if staged is None:
            staged = set()
            raw._ioc_staged = staged
        return staged

    # -- connections
    @contextmanager
    def query(self) -> Iterator[Conn]:
        """A pooled connection in autocommit: each statement is its own snapshot."""
        self._slots.acquire()
        try:
            try:
                raw = self._idle.get_nowait()
            except queue.Empty:
                raw = self._connect()
            try:
                yield Conn(raw, translate=True)
            except BaseException:
                if raw.closed or raw.broken or raw.info.transaction_status != 0:
                    raw.close()  # never hand on a connection left mid-transaction
                    raw = None
                raise
            finally:
                if raw is not None:
                    self._idle.put(raw)
        finally:
            self._slots.release()

    @contextmanager
    def reading(self) -> Iterator[Conn]:
        """One snapshot for several statements (the cursor and the rows it covers)."""
        with self.query() as conn:
            conn.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            try:
                yield conn
            finally:
                conn.execute("COMMIT")

    @contextmanager
    def writing(self, durable: bool) -> Iterator[Conn]:
        """One writer at a time across every process (see the module docstring).
        Not ``durable`` (simulator ticks): the commit does not wait for the WAL flush —
        a server crash may lose the last ticks, never corrupt; like SQLite's NORMAL."""
        with self.query() as conn:
            conn.execute("BEGIN")
            try:
                conn.execute(f"SELECT pg_advisory_xact_lock(?, {_SCHEMA_NS})", (_WRITER,))
                if not durable:
                    conn.execute("SET LOCAL synchronous_commit = off")
                yield conn
            except BaseException:
                if not conn.raw.broken:
                    conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

    @contextmanager
    def setup_lock(self) -> Iterator[None]:
        """Seeding a world and creating the schema: one process at a time."""
        raw = self._connect()
        try:
            raw.execute(f"SELECT pg_advisory_lock(%s, {_SCHEMA_NS})", (_SETUP,))
            yield
        finally:
            raw.close()  # ends the session: releases the lock

    # -- leadership: a session-level advisory lock on a connection of its own
    def try_lead(self) -> bool:
        if self._lease is not None:
            return True
        raw = self._connect()
        got = raw.execute(f"SELECT pg_try_advisory_lock(%s, {_SCHEMA_NS})",
                          (_LEADER,)).fetchone()[0]
        if got:
            self._lease = raw
        else:
            raw.close()
        return bool(got)

    def still_leading(self) -> bool:
        """False once the lease's session is gone (the server restarted, the network
        dropped): the lock went with it and another process may hold it now."""
        if self._lease is None:
            return False
        try:
            self._lease.execute("SELECT 1")
        except self._psycopg.Error:
            self.resign()
            return False
        return True

    def resign(self) -> None:
        if self._lease is not None:
            self._lease.close()
            self._lease = None

    def close(self) -> None:
        self.wakeup.close()
        self.resign()
        while True:
            try:
                self._idle.get_nowait().close()
            except queue.Empty:
                break


Dialect = SqliteDialect | PgDialect


def open_dialect(url: str) -> Dialect:
    return PgDialect(url) if is_postgres(url) else SqliteDialect(url)


@contextmanager
def read_only(url: str) -> Iterator[Conn]:
    """A connection that cannot change what it reads (``python -m backend.audit verify``):
    SQLite opened with mode=ro, PostgreSQL inside a READ ONLY transaction. Neither creates
    a schema or an extension."""
    if is_postgres(url):
        psycopg = _driver()
        try:
            raw = psycopg.connect(url, autocommit=True, connect_timeout=10)
        except psycopg.OperationalError as exc:
            raise DatabaseUnavailableError(f"cannot connect to {redact(url)}: {exc}") from None
        try:
            raw.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            yield Conn(raw, translate=True)
        finally:
            raw.close()
        return
    from pathlib import Path

    raw = sqlite3.connect(Path(url).resolve().as_uri() + "?mode=ro", uri=True)
    try:
        yield Conn(raw, translate=False)
    finally:
        raw.close()
