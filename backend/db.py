"""The backend's storage: schema, change sequence, queries — over SQLite or PostgreSQL.

Each write transaction gets one change-sequence number; rows it touches carry it, so
``WHERE seq > since`` is an exact incremental poll. The number is kept in ``meta`` and
taken inside the writing transaction, and writers commit one at a time (SQLite's write
lock; on PostgreSQL an advisory lock, see ``dialect.py``), so sequence order is commit
order in every process: a reader never sees N while N-1 is still to come.

The database is the backend's truth and survives restarts: the change sequence is
stored in the same transaction as the rows it numbers, so after a crash the cursor
resumes exactly where the last committed change left it (never behind a number a client
already saw, never skipping one). Durability: simulator ticks commit without waiting
for the disk (SQLite WAL ``synchronous=NORMAL``, PostgreSQL ``synchronous_commit=off``:
a process crash loses nothing committed; a power cut may lose the last ticks, which the
simulator regenerates deterministically); operators' decisions
(``write(durable=True)``) wait for the flush, so an acknowledgement an operator saw
succeed survives even a power cut.

Engine differences live in ``dialect.py``; this module's SQL is common to both.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from backend.dialect import Conn, Dialect, open_dialect
from backend.notify import ChangeNotifier
from backend.wakeup import CHANGES

APP_MARKER = "ioc-backend"
SCHEMA_VERSION = "2"
# Schema 1 files were recreated at every start, so they never held anything to keep.
_DISPOSABLE_SCHEMAS = frozenset({"1"})
FEATURE_TABLES = ("vessels", "stations", "cameras", "incidents")
_TABLES = ("meta", "vessels", "positions", "stations", "observations", "cameras", "incidents",
           "idempotency", "users", "audit", "records", "alerts")
_CURSOR_SQL = "SELECT value FROM meta WHERE key = 'seq'"


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

    def __init__(self, dialect: Dialect, conn: Conn) -> None:
        self._dialect = dialect
        self._conn = conn
        self._seq: int | None = None

    @property
    def seq(self) -> int:
        """This transaction's change-sequence number, taken on first use. Writers are
        serialised, so reading and bumping the stored counter here is race-free."""
        if self._seq is None:
            current = int(self._conn.execute(_CURSOR_SQL)[0][0])
            self._seq = current + 1
            self._conn.execute("UPDATE meta SET value = ? WHERE key = 'seq'", (str(self._seq),))
        return self._seq

    @property
    def changed(self) -> bool:
        return self._seq is not None

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
        self._dialect.bulk_upsert(self._conn, table, columns, values)

    def execute(self, sql: str, args: Sequence[object] = ()) -> list[tuple]:
        """Plain SQL inside this transaction, for the modules that own their tables
        (users.py, audit.py); they never interpolate input into ``sql``."""
        return self._conn.execute(sql, args)

    def upsert(self, table: str, values: dict[str, object]) -> None:
        """Insert a row, or replace the one with the same primary key."""
        self._conn.execute(self._dialect.upsert_sql(table, list(values)), list(values.values()))

    def record(self, kind: str, key: str) -> str | None:
        """One operator record (alert decision, position report, crossing closure)."""
        rows = self._conn.execute("SELECT body FROM records WHERE kind = ? AND key = ?",
                                  (kind, key))
        return str(rows[0][0]) if rows else None

    def put_record(self, kind: str, key: str, body: str) -> None:
        self.upsert("records", {"kind": kind, "key": key, "seq": self.seq, "body": body})

    def put_alert(self, key: str, onset: float, active: bool, updated: float,
                  body: str) -> None:
        """One occurrence of a server alert (backend/alerting.py), inserted or replaced."""
        self.upsert("alerts", {"key": key, "onset": onset, "seq": self.seq,
                               "active": int(active), "updated": updated, "body": body})

    def insert_feature(self, table: str, row: FeatureRow) -> None:
        """A new item (an operator-created incident); fails if its id exists."""
        _check_table(table)
        self._conn.execute(
            f"INSERT INTO {table} (idx, id, lon, lat, status, seq, feature) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (row.idx, row.id, row.lon, row.lat, row.status, self.seq, row.feature))

    def set_meta(self, key: str, value: str) -> None:
        self.upsert("meta", {"key": key, "value": value})

    def delete_meta(self, key: str) -> None:
        self._conn.execute("DELETE FROM meta WHERE key = ?", (key,))

    def insert_positions(self, rows: Sequence[tuple[int, float, float, float, float, float]],
                         ) -> None:
        self._dialect.bulk_upsert(self._conn, "positions",
                                  ["vessel", "t", "lon", "lat", "speed", "course"], rows)

    def insert_observations(self, rows: Sequence[tuple[int, float, float | None]]) -> None:
        self._dialect.bulk_upsert(self._conn, "observations", ["station", "t", "value"], rows)

    def prune(self, before: float) -> None:
        """Forget history older than the retention window (bounded DB size in long runs)."""
        self._conn.execute("DELETE FROM positions WHERE t < ?", (before,))
        self._conn.execute("DELETE FROM observations WHERE t < ?", (before,))
        self._conn.execute("DELETE FROM idempotency WHERE created < ?", (before,))
        self._conn.execute("DELETE FROM alerts WHERE active = 0 AND updated < ?", (before,))

    def feature(self, table: str, item_id: str) -> str | None:
        _check_table(table)
        rows = self._conn.execute(f"SELECT feature FROM {table} WHERE id = ?", (item_id,))
        return rows[0][0] if rows else None

    def update_feature(self, table: str, item_id: str, status: str | None, feature: str) -> None:
        _check_table(table)
        self._conn.execute(
            f"UPDATE {table} SET status = ?, feature = ?, seq = ? WHERE id = ?",
            (status, feature, self.seq, item_id),
        )

    def idempotency(self, key: str) -> IdempotencyRecord | None:
        rows = self._conn.execute(
            "SELECT fingerprint, status, body FROM idempotency WHERE key = ?", (key,))
        return IdempotencyRecord(rows[0][0], int(rows[0][1]), rows[0][2]) if rows else None

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
    """The backend's database: a SQLite path (or ``:memory:``) or a ``postgresql://``
    URL. ``resumed`` says whether it already held a world (the simulator then resumes
    it instead of seeding a new one). ``wakeup`` announces every committed change on
    ``wakeup.CHANGES`` (see wakeup.py)."""

    def __init__(self, url: str) -> None:
        self.path = url
        self._dialect = open_dialect(url)
        self.engine = self._dialect.name
        self.label = self._dialect.label  # for messages: no password
        self.wakeup = self._dialect.wakeup
        self.resumed = False
        # wakes change streams after each commit of this process (a hint: see notify.py)
        self.changes = ChangeNotifier()
        try:
            with self._dialect.setup_lock():
                self._prepare()
        except BaseException:
            self._dialect.close()
            raise

    def _prepare(self) -> None:
        d = self._dialect
        tables = d.tables()
        if tables:
            marker = schema = None
            if "meta" in tables:
                with d.query() as conn:
                    rows = dict(conn.execute("SELECT key, value FROM meta "
                                             "WHERE key IN ('app', 'schema')"))
                marker, schema = rows.get("app"), rows.get("schema")
            if marker != APP_MARKER:
                raise ForeignDatabaseError(
                    f"{self.label} already contains tables that are not an IOC backend "
                    "database")
            if schema in _DISPOSABLE_SCHEMAS:
                with d.writing(durable=False) as conn:
                    for table in _TABLES:
                        conn.execute(f"DROP TABLE IF EXISTS {table}")
            elif schema != SCHEMA_VERSION:
                raise ForeignDatabaseError(
                    f"{self.label} has schema version {schema}, this backend knows "
                    f"{SCHEMA_VERSION}: refusing to touch it")
        d.create_schema()
        with d.writing(durable=True) as conn:
            conn.executemany(d.insert_ignore_sql("meta", ["key", "value"]),
                             [("app", APP_MARKER), ("schema", SCHEMA_VERSION), ("seq", "0")])
        self.resumed = self.meta("sim") is not None

    def close(self) -> None:
        self._dialect.close()

    @contextmanager
    def write(self, durable: bool = False) -> Iterator[Tx]:
        """One transaction; rolled back on error. Writers commit one at a time, in every
        process sharing the database (see the module docstring).

        ``durable``: the commit waits for the disk (operators' decisions)."""
        with self._dialect.writing(durable) as conn:
            tx = Tx(self._dialect, conn)
            yield tx
            if tx.changed:
                self.wakeup.before_commit(conn, CHANGES)
        if tx.changed:
            self.wakeup.after_commit(CHANGES)
            self.changes.notify()  # this process's change streams, at once

    def follow_other_processes(self) -> None:
        """Wake this process's change streams (``changes``) on commits made by other
        processes too (PostgreSQL LISTEN/NOTIFY; nothing to do with one SQLite process).
        For a serving backend; a CLI that only writes does not need the listener."""
        self.wakeup.on_wake(CHANGES, self.changes.notify)

    # --- leadership (the simulator runs in one process; see leader.py) ---------------

    def try_lead(self) -> bool:
        """Take the leader lease if no other process holds it; True if this one does."""
        return self._dialect.try_lead()

    def still_leading(self) -> bool:
        return self._dialect.still_leading()

    def resign(self) -> None:
        self._dialect.resign()

    @contextmanager
    def exclusive_setup(self) -> Iterator[None]:
        """Seeding a world: one process at a time."""
        with self._dialect.setup_lock():
            yield

    # --- reads ---------------------------------------------------------------------------

    def query(self, sql: str, args: Sequence[object] = ()) -> list[tuple]:
        """A read outside any write transaction (users.py, audit.py own their SQL)."""
        with self._dialect.query() as conn:
            return conn.execute(sql, args)

    def records(self, kind: str, since: int | None = None,
                key_prefix: str | None = None) -> tuple[int, list[str]]:
        """(cursor, bodies) of one kind of operator record changed after ``since``, in
        change order. A cursor from the future (from before a restore) means all."""
        sql, args = "SELECT body FROM records WHERE kind = ?", [kind]
        with self._dialect.reading() as conn:
            current = int(conn.execute(_CURSOR_SQL)[0][0])
            if since is not None and since <= current:
                sql += " AND seq > ?"
                args.append(since)
            if key_prefix is not None:
                sql += " AND key >= ? AND key < ?"
                args.extend((key_prefix, key_prefix + "\uffff"))
            rows = conn.execute(sql + " ORDER BY seq, key", args)
            return current, [r[0] for r in rows]

    def records_of(self, kind: str, keys: list[str]) -> list[tuple[str, str]]:
        """(key, body) of the operator records of one kind with these keys."""
        out: list[tuple[str, str]] = []
        for i in range(0, len(keys), 500):  # bounded IN lists
            chunk = keys[i:i + 500]
            out.extend(self.query(
                f"SELECT key, body FROM records WHERE kind = ? AND key IN "
                f"({','.join('?' * len(chunk))})", [kind, *chunk]))
        return out

    def alerts(self, since: int | None = None, recent_after: float | None = None,
               ) -> tuple[int, list[str]]:
        """(cursor, bodies) of server alert occurrences in change order: changed after
        ``since``; without it the active ones and those that ended after ``recent_after``
        (source time). A cursor from the future (from before a restore) means the latter."""
        with self._dialect.reading() as conn:
            current = int(conn.execute(_CURSOR_SQL)[0][0])
            if since is not None and since <= current:
                sql, args = "SELECT body FROM alerts WHERE seq > ?", [since]
            else:
                sql, args = "SELECT body FROM alerts WHERE active = 1", []
                if recent_after is not None:
                    sql += " OR updated >= ?"
                    args.append(recent_after)
            rows = conn.execute(sql + " ORDER BY seq, onset", args)
            return current, [r[0] for r in rows]

    def meta(self, key: str) -> str | None:
        """A value from the meta table (simulation config, sim time reached, ...)."""
        rows = self.query("SELECT value FROM meta WHERE key = ?", (key,))
        return str(rows[0][0]) if rows else None

    @property
    def cursor(self) -> int:
        return int(self.query(_CURSOR_SQL)[0][0])

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
        if tabular and table != "vessels":
            raise ValueError(f"no tabular form for {table}")
        with self._dialect.reading() as conn:
            current = int(conn.execute(_CURSOR_SQL)[0][0])
            if since is not None and since > current:
                since, after = None, None
            where: list[str] = []
            args: list[object] = []
            if since is not None and after is not None:
                where.append("(seq > ? OR (seq = ? AND idx > ?))")
                args.extend((since, since, after))
            elif since is not None:
                where.append("seq > ?")
                args.append(since)
            if bbox is not None:
                clause, bbox_args = self._dialect.bbox_filter(bbox)
                where.append(clause)
                args.extend(bbox_args)
            if statuses:
                where.append(f"status IN ({','.join('?' * len(statuses))})")
                args.extend(statuses)
            sql = f"SELECT {'tabular' if tabular else 'feature'}, seq, idx FROM {table}"
            if where:
                sql += " WHERE " + " AND ".join(where)
            if limit is None:
                sql += " ORDER BY idx"
            else:
                sql += " ORDER BY seq, idx LIMIT ?"
                args.append(limit + 1)  # one more tells whether the page is full
            rows = conn.execute(sql, args)
        if limit is not None and len(rows) > limit:
            last = rows[limit - 1]
            return int(last[1]), [r[0] for r in rows[:limit]], int(last[2])
        return current, [r[0] for r in rows], None

    def lookup(self, table: str, item_id: str) -> tuple[int, str | None, str] | None:
        """(idx, status, feature JSON) of one item, or None."""
        _check_table(table)
        rows = self.query(f"SELECT idx, status, feature FROM {table} WHERE id = ?", (item_id,))
        return (int(rows[0][0]), rows[0][1], rows[0][2]) if rows else None

    def station_unit(self, idx: int) -> str:
        rows = self.query("SELECT unit FROM stations WHERE idx = ?", (idx,))
        return rows[0][0] if rows else ""

    def track(
        self, vessel: int, t0: float, t1: float
    ) -> list[tuple[float, float, float, float, float]]:
        return self.query(
            "SELECT t, lon, lat, speed, course FROM positions "
            "WHERE vessel = ? AND t >= ? AND t <= ? ORDER BY t", (vessel, t0, t1))

    def fleet_track(self, t0: float, t1: float) -> list[tuple[str, float, float, float, float,
                                                              float]]:
        """Every vessel's fixes in [t0, t1], sorted by vessel then time."""
        return self.query(
            "SELECT v.id, p.t, p.lon, p.lat, p.speed, p.course FROM positions p "
            "JOIN vessels v ON v.idx = p.vessel WHERE p.t >= ? AND p.t <= ? "
            "ORDER BY p.vessel, p.t", (t0, t1))

    def observations(self, station: int, t0: float, t1: float) -> list[tuple[float, float | None]]:
        return self.query(
            "SELECT t, value FROM observations "
            "WHERE station = ? AND t >= ? AND t <= ? ORDER BY t", (station, t0, t1))

    def oldest_observation(self, station: int) -> float | None:
        """Time of the station's oldest stored reading (older ones are generated on demand)."""
        rows = self.query("SELECT MIN(t) FROM observations WHERE station = ?", (station,))
        return None if not rows or rows[0][0] is None else float(rows[0][0])

    def recent_observations(self, t0: float) -> list[tuple[str, str, float, float | None]]:
        """(station id, unit, t, value) of every reading since t0, by station then time."""
        return self.query(
            "SELECT s.id, s.unit, o.t, o.value FROM observations o "
            "JOIN stations s ON s.idx = o.station WHERE o.t >= ? ORDER BY o.station, o.t",
            (t0,))

    def count(self, table: str) -> int:
        if table not in _TABLES:
            raise ValueError(table)
        return int(self.query(f"SELECT COUNT(*) FROM {table}")[0][0])
