"""Users, roles and their tokens; ``python -m backend.users`` manages them.

Tokens are 32 random bytes (``secrets.token_urlsafe(32)``, 256 bits) shown once
when made; the database keeps only their SHA-256. A slow password hash (scrypt,
PBKDF2) exists to make guessing a *low-entropy* secret expensive; a 256-bit random
token cannot be guessed either way, and every request authenticates (the console
polls several times a second), so a fast hash that also serves as the lookup key
is the right tool here.

Roles, each with the rights of the ones before: viewer (read everything) <
operator (acts on incidents) < supervisor (also closes incidents and reads the
audit log). The backend enforces them; ``/api/v1/me`` tells a console which
rights its user has so it can disable, and explain, the rest.

The demo account ``demo`` is shared (the embedded demo and the tests use one token
for every window): actions through it record the ``actor`` the console names,
while the audit log still names the account. Its token is replaced at every start
of the backend (``--token`` / ``IOC_BACKEND_TOKEN``).
"""

from __future__ import annotations

import argparse
import getpass
import hashlib
import re
import secrets
import sys
import time
from dataclasses import dataclass

from backend import audit
from backend.db import ForeignDatabaseError, Store
from backend.dialect import database_errors, db_argument, redact
from backend.errors import ApiError
from backend.timefmt import iso_z

ROLES = ("viewer", "operator", "supervisor")
DEMO_USER = "demo"
DEMO_ROLE = "supervisor"
_NAME = re.compile(r"^[\w.\-@]{1,64}$")

# permission -> (least role, what it is, for the 403 message)
PERMISSIONS: dict[str, tuple[str, str]] = {
    "incident.acknowledge": ("operator", "acknowledging an incident"),
    "incident.assign": ("operator", "assigning an incident"),
    "incident.resolve": ("operator", "resolving an incident"),
    "incident.close": ("supervisor", "closing an incident"),
    "incident.create": ("operator", "opening an incident"),
    "alert.acknowledge": ("operator", "acknowledging an alert"),
    "alert.shelve": ("operator", "shelving an alert"),
    "alert.unshelve": ("operator", "un-shelving an alert"),
    "vessel.report": ("operator", "recording a vessel's position report"),
    "crossing.close": ("operator", "closing a boundary crossing"),
    "audit.read": ("supervisor", "reading the audit log"),
}


@dataclass(frozen=True)
class User:
    name: str
    role: str
    shared: bool = False


def rank(role: str) -> int:
    return ROLES.index(role)


def may(user: User, permission: str) -> bool:
    return rank(user.role) >= rank(PERMISSIONS[permission][0])


def permissions(role: str) -> list[str]:
    return sorted(p for p, (least, _) in PERMISSIONS.items() if rank(role) >= rank(least))


def check(user: User, permission: str) -> None:
    """403 naming the role needed, unless ``user`` may do ``permission``."""
    if may(user, permission):
        return
    least, what = PERMISSIONS[permission]
    raise ApiError(403, "forbidden",
                   f"{what} needs the {least} role; {user.name} is a {user.role}",
                   extra={"required_role": least})


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def new_token() -> str:
    return secrets.token_urlsafe(32)


def authenticate(store: Store, token: str) -> User | None:
    rows = store.query("SELECT name, role, shared FROM users WHERE token_hash = ?",
                       (hash_token(token),))
    return User(rows[0][0], rows[0][1], bool(rows[0][2])) if rows else None


class UserError(ValueError):
    """A request the user table cannot satisfy (exists, unknown, bad name or role)."""


def _check_name_role(name: str, role: str) -> None:
    if not _NAME.match(name):
        raise UserError("a user name is 1-64 letters, digits or . _ - @")
    if role not in ROLES:
        raise UserError(f"role must be one of {', '.join(ROLES)}")


def add(store: Store, name: str, role: str, by: str) -> str:
    """Create a user and return its token (the only time it exists in clear)."""
    _check_name_role(name, role)
    token = new_token()
    with store.write(durable=True) as tx:
        if tx.execute("SELECT 1 FROM users WHERE name = ?", (name,)):
            raise UserError(f"user {name} already exists")
        tx.execute("INSERT INTO users (name, role, token_hash, shared, created) "
                   "VALUES (?, ?, ?, 0, ?)", (name, role, hash_token(token), _now()))
        audit.append(tx, by, "user.add", name, {"role": role})
    return token


def rotate(store: Store, name: str, by: str) -> str:
    """A new token for ``name``; the old one stops working at once."""
    token = new_token()
    with store.write(durable=True) as tx:
        if not tx.execute("SELECT 1 FROM users WHERE name = ?", (name,)):
            raise UserError(f"no user {name}")
        tx.execute("UPDATE users SET token_hash = ? WHERE name = ?", (hash_token(token), name))
        audit.append(tx, by, "user.token", name, {})
    return token


def remove(store: Store, name: str, by: str) -> None:
    with store.write(durable=True) as tx:
        if not tx.execute("SELECT 1 FROM users WHERE name = ?", (name,)):
            raise UserError(f"no user {name}")
        tx.execute("DELETE FROM users WHERE name = ?", (name,))
        audit.append(tx, by, "user.remove", name, {})


def listing(store: Store) -> list[tuple[str, str, bool, str]]:
    """(name, role, shared, created) of every user; never the hashes."""
    return [(r[0], r[1], bool(r[2]), r[3]) for r in
            store.query("SELECT name, role, shared, created FROM users ORDER BY name")]


def set_demo_token(store: Store, token: str | None) -> None:
    """Point the shared demo account at this run's token, or switch it off (None).
    Only a change of token is audited, so restarts with the same token add nothing."""
    digest = None if token is None else hash_token(token)
    with store.write(durable=True) as tx:
        row = tx.execute("SELECT token_hash FROM users WHERE name = ?", (DEMO_USER,))
        if row and row[0][0] == digest:
            return
        if digest is None and not row:
            return
        tx.upsert("users", {"name": DEMO_USER, "role": DEMO_ROLE, "token_hash": digest,
                            "shared": 1, "created": _now()})
        audit.append(tx, "backend", "user.demo" if token else "user.demo_off", DEMO_USER,
                     {"role": DEMO_ROLE})


def has_personal_users(store: Store) -> bool:
    return bool(store.query("SELECT 1 FROM users WHERE shared = 0 LIMIT 1"))


def _now() -> str:
    return iso_z(time.time())


def _operator() -> str:
    try:
        return "cli:" + (getpass.getuser() or "unknown")
    except (KeyError, OSError):
        return "cli:unknown"


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m backend.users",
                                description="Manage the backend's users and their tokens.")
    sub = p.add_subparsers(dest="command", required=True)
    a = sub.add_parser("add", help="create a user; prints its token once")
    a.add_argument("name")
    a.add_argument("--role", choices=ROLES, required=True)
    r = sub.add_parser("token", help="replace a user's token; prints the new one once")
    r.add_argument("name")
    d = sub.add_parser("remove", help="delete a user (its token stops working)")
    d.add_argument("name")
    listed = sub.add_parser("list", help="users and roles (never tokens)")
    for parser in (a, r, d, listed):
        parser.add_argument("--db", **db_argument())
    args = p.parse_args(argv)
    try:
        store = Store(args.db)
    except (ForeignDatabaseError, *database_errors()) as exc:
        print(f"error: cannot use database {redact(args.db)}: {exc}", file=sys.stderr)
        return 2
    try:
        if args.command == "list":
            for name, role, shared, created in listing(store):
                print(f"{name}\t{role}{' (shared demo account)' if shared else ''}\t{created}")
            return 0
        if args.command == "remove":
            remove(store, args.name, _operator())
            print(f"removed {args.name}", file=sys.stderr)
            return 0
        token = (add(store, args.name, args.role, _operator()) if args.command == "add"
                 else rotate(store, args.name, _operator()))
    except UserError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    finally:
        store.close()
    print(f"token for {args.name} (shown once; the backend keeps only its hash):",
          file=sys.stderr)
    print(token)
    return 0


if __name__ == "__main__":
    sys.exit(main())
