"""The tamper-evident audit log: who did what, when, each entry chained to the one before.

Every entry stores the SHA-256 of its own canonical JSON (id, time, user, action,
target, detail, previous entry's hash). Editing an entry breaks its own hash;
recomputing that hash breaks the next entry's link; deleting or reordering entries
breaks a link too (the id is hashed, ids are consecutive). Cutting entries off the
end is caught by the head (last id + hash) kept in ``meta`` in the same transaction,
and, against someone who rewrites the whole file, by a head recorded elsewhere
(``verify --head ID:HASH``, e.g. from the last shift report).

Entries are appended inside the transaction that makes the change they describe,
under the database's write serialisation (SQLite's BEGIN IMMEDIATE; on PostgreSQL the
writers' advisory lock, see dialect.py), so concurrent writers (backend workers, the
users CLI) can never fork the chain.

``python -m backend.audit verify --db PATH|URL`` exits 0 on an intact log and 1 naming
the first broken link (entry id); 2 when the database cannot be read.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from backend.db import Store, Tx
from backend.dialect import database_errors, db_argument, is_postgres, read_only, redact
from backend.timefmt import iso_z_ms

GENESIS = "0" * 64
HEAD_KEY = "audit_head"
_COLUMNS = 'id, at, "user", action, target, detail, prev, hash'  # user: reserved in PostgreSQL


@dataclass(frozen=True)
class Entry:
    id: int
    at: str  # wall-clock UTC, ISO 8601 with ms (real time, not sim time)
    user: str  # the authenticated account (or the OS user for the CLI)
    action: str
    target: str | None
    detail: str  # canonical JSON text, hashed as stored
    prev: str
    hash: str


def canonical(value: object) -> str:
    """One spelling per value: sorted keys, no spaces, UTF-8 kept as is."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"),
                      allow_nan=False)


def entry_hash(entry_id: int, at: str, user: str, action: str, target: str | None,
               detail: str, prev: str) -> str:
    text = canonical({"id": entry_id, "at": at, "user": user, "action": action,
                      "target": target, "detail": detail, "prev": prev})
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def append(tx: Tx, user: str, action: str, target: str | None, detail: dict,
           at: float | None = None) -> Entry:
    """Add one entry to the chain inside the caller's transaction."""
    last = tx.execute("SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1")
    prev_id, prev = last[0] if last else (0, GENESIS)
    entry_id = int(prev_id) + 1
    stamp = iso_z_ms(time.time() if at is None else at)
    body = canonical(detail)
    digest = entry_hash(entry_id, stamp, user, action, target, body, prev)
    tx.execute(f"INSERT INTO audit ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
               (entry_id, stamp, user, action, target, body, prev, digest))
    tx.set_meta(HEAD_KEY, f"{entry_id}:{digest}")
    return Entry(entry_id, stamp, user, action, target, body, prev, digest)


def entries(store: Store, after: int = 0, limit: int | None = None) -> list[Entry]:
    sql = f"SELECT {_COLUMNS} FROM audit WHERE id > ? ORDER BY id"
    args: list[object] = [after]
    if limit is not None:
        sql += " LIMIT ?"
        args.append(limit)
    return [Entry(*row) for row in store.query(sql, args)]


@dataclass(frozen=True)
class Verdict:
    count: int
    head: str | None  # "id:hash" of the last entry
    broken_at: int | None = None  # the first entry whose link does not hold
    reason: str = ""

    @property
    def intact(self) -> bool:
        return self.broken_at is None


def verify(rows: Iterable[tuple], stored_head: str | None = None,
           known_head: str | None = None) -> Verdict:
    """Walk the chain in id order; the first link that does not hold is the verdict."""
    prev, last_id, count = GENESIS, 0, 0
    for row in rows:
        e = Entry(*row)
        count += 1
        if e.id != last_id + 1:
            return Verdict(count, None, last_id + 1,
                           f"entry {last_id + 1} is missing (the next entry is {e.id})")
        if e.prev != prev:
            return Verdict(count, None, e.id,
                           f"entry {e.id} does not link to entry {last_id} "
                           "(an entry before it was edited, removed or reordered)")
        if entry_hash(e.id, e.at, e.user, e.action, e.target, e.detail, e.prev) != e.hash:
            return Verdict(count, None, e.id, f"entry {e.id} was altered (its hash does "
                                              "not match its content)")
        prev, last_id = e.hash, e.id
    head = f"{last_id}:{prev}" if last_id else None
    for name, expected in (("the head stored with the log", stored_head),
                           ("the head you gave", known_head)):
        if expected is None or expected == head:
            continue
        try:
            expected_id = int(expected.split(":", 1)[0])
        except ValueError:
            expected_id = last_id + 1
        if expected_id > last_id:
            return Verdict(count, head, last_id + 1,
                           f"entry {last_id + 1} is missing: the log ends at entry {last_id} "
                           f"but {name} is entry {expected_id}")
        return Verdict(count, head, expected_id,
                       f"entry {expected_id} differs from {name} ({expected})")
    return Verdict(count, head)


def verify_store(store: Store, known_head: str | None = None) -> Verdict:
    rows = store.query(f"SELECT {_COLUMNS} FROM audit ORDER BY id")
    return verify(rows, store.meta(HEAD_KEY), known_head)


def verify_database(url: str, known_head: str | None = None) -> Verdict:
    """Verify read-only (a checker must never change what it checks): a SQLite file
    opened with mode=ro, or PostgreSQL inside a READ ONLY transaction."""
    with read_only(url) as conn:
        rows = conn.execute(f"SELECT {_COLUMNS} FROM audit ORDER BY id")
        head = conn.execute("SELECT value FROM meta WHERE key = ?", (HEAD_KEY,))
        return verify(rows, head[0][0] if head else None, known_head)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m backend.audit",
                                description="Check the backend's hash-chained audit log.")
    sub = p.add_subparsers(dest="command", required=True)
    v = sub.add_parser("verify", help="exit 0 if intact, 1 naming the first broken link")
    v.add_argument("--db", **db_argument())
    v.add_argument("--head", default=None,
                   help="ID:HASH of a head recorded earlier: the log must still contain it")
    args = p.parse_args(argv)
    if not is_postgres(args.db) and not Path(args.db).is_file():
        print(f"error: no database file {args.db}", file=sys.stderr)
        return 2
    try:
        verdict = verify_database(args.db, args.head)
    except database_errors() as exc:
        print(f"error: cannot read the audit log in {redact(args.db)}: {exc}", file=sys.stderr)
        return 2
    if verdict.intact:
        print(f"audit log intact: {verdict.count} entries, head {verdict.head or 'none'}")
        return 0
    print(f"audit log BROKEN at entry {verdict.broken_at}: {verdict.reason}")
    return 1


if __name__ == "__main__":
    sys.exit(main())
