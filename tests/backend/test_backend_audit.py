"""The hash-chained audit log: `python -m backend.audit verify` passes an intact log and
names the first broken link of an edited, deleted, reordered or truncated one."""

from __future__ import annotations

import subprocess
import sys
import uuid
from pathlib import Path

import pytest
import requests
from conftest import REPO, TOKEN, raw_sql

from backend import audit
from backend.db import Store

ENTRIES = 6


def verify_cli(db: Path | str, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "backend.audit", "verify", "--db", str(db),
                           *extra], cwd=REPO, capture_output=True, text=True, timeout=60,
                          check=False)


@pytest.fixture
def chain(database) -> str:
    """A database (of each engine) whose audit log holds ENTRIES entries by two users."""
    db = database
    store = Store(db)
    for i in range(1, ENTRIES + 1):
        with store.write() as tx:
            audit.append(tx, "minh.op" if i % 2 else "hoa.sup", "incident.acknowledge",
                         f"inc-{i:05d}", {"actor": "minh.op", "note": f"bước {i}",
                                          "version": i + 1})
    store.close()
    return db


def _sql(db: Path | str, *statements: str) -> None:
    with raw_sql(str(db)) as conn:
        for statement in statements:
            conn.execute(statement)


def _broken(db: str, entry: int) -> str:
    done = verify_cli(db)
    assert done.returncode == 1, done.stdout + done.stderr
    assert done.stdout.startswith(f"audit log BROKEN at entry {entry}:"), done.stdout
    return done.stdout


def test_intact_log_verifies(chain):
    done = verify_cli(chain)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.startswith(f"audit log intact: {ENTRIES} entries, head {ENTRIES}:")


def test_edited_entry_is_located(chain):
    _sql(chain, "UPDATE audit SET detail = replace(detail, 'bước 3', 'bước 9') WHERE id = 3")
    assert "altered" in _broken(chain, 3)


def test_edited_user_is_located(chain):
    _sql(chain, """UPDATE audit SET "user" = 'someone.else' WHERE id = 4""")
    _broken(chain, 4)


def test_edit_with_its_own_hash_recomputed_breaks_the_next_link(chain):
    with raw_sql(chain) as conn:
        rows = conn.execute(
            'SELECT id, at, "user", action, target, detail, prev FROM audit WHERE id = 2')[0]
    forged = rows[5].replace("bước 2", "bước 7")
    digest = audit.entry_hash(rows[0], rows[1], rows[2], rows[3], rows[4], forged, rows[6])
    _sql(chain, f"UPDATE audit SET detail = '{forged}', hash = '{digest}' WHERE id = 2")
    assert "does not link to entry 2" in _broken(chain, 3)


def test_deleted_entry_is_located(chain):
    _sql(chain, "DELETE FROM audit WHERE id = 3")
    assert "entry 3 is missing" in _broken(chain, 3)


def test_deleted_first_entry_is_located(chain):
    _sql(chain, "DELETE FROM audit WHERE id = 1")
    _broken(chain, 1)


def test_reordered_entries_are_located(chain):
    _sql(chain, "UPDATE audit SET id = 100 WHERE id = 2",
         "UPDATE audit SET id = 2 WHERE id = 3",
         "UPDATE audit SET id = 3 WHERE id = 100")
    _broken(chain, 2)


def test_entries_cut_off_the_end_are_detected(chain):
    _sql(chain, f"DELETE FROM audit WHERE id >= {ENTRIES - 1}")
    assert f"the log ends at entry {ENTRIES - 2}" in _broken(chain, ENTRIES - 1)


def test_a_rewritten_chain_is_caught_by_a_head_recorded_elsewhere(chain):
    """Whoever can rewrite the whole file can recompute every hash; a head kept outside
    it (a shift report, a printout) still exposes that."""
    head = verify_cli(chain).stdout.split("head ")[1].split()[0]
    with raw_sql(chain) as conn:
        rows = conn.execute(
            'SELECT id, at, "user", action, target, detail FROM audit ORDER BY id')
        prev, forged = audit.GENESIS, []
        for entry_id, at, user, action, target, detail in rows:
            text = detail.replace("bước 2", "bước 5") if entry_id == 2 else detail
            digest = audit.entry_hash(entry_id, at, user, action, target, text, prev)
            forged.append((text, prev, digest, entry_id))
            prev = digest
        conn.executemany("UPDATE audit SET detail = ?, prev = ?, hash = ? WHERE id = ?",
                         forged)
        conn.execute("UPDATE meta SET value = ? WHERE key = 'audit_head'",
                     (f"{ENTRIES}:{prev}",))
    assert verify_cli(chain).returncode == 0  # the limit of any self-contained chain
    done = verify_cli(chain, "--head", head)
    assert done.returncode == 1
    assert f"BROKEN at entry {ENTRIES}" in done.stdout


def test_missing_or_foreign_database_exits_2(tmp_path, engine, database):
    absent = (tmp_path / "absent.db" if engine == "sqlite"
              else database.replace("/ioc_test?", "/ioc_absent_db?"))
    done = verify_cli(absent)
    assert done.returncode == 2, done.stdout
    assert ":ioc_test@" not in done.stderr  # the password is never printed
    _sql(database, "CREATE TABLE precious (x INTEGER)")
    done = verify_cli(database)
    assert done.returncode == 2 and "cannot read the audit log" in done.stderr


def test_live_backend_log_verifies_and_chains_every_action(launch_backend, database):
    """Actions through the API land in the chain, which verifies while the backend runs."""
    db = database
    backend = launch_backend("--db", db, "--vessels", "200")
    headers = {"Authorization": f"Bearer {TOKEN}"}
    incidents = requests.get(f"{backend.url}/api/v1/incidents", params={"status": "new"},
                             headers=headers, timeout=10).json()["features"][:3]
    for incident in incidents:
        r = requests.post(f"{backend.url}/api/v1/incidents/{incident['id']}/actions",
                          json={"action": "acknowledge", "actor": "ca-truc-A",
                                "expected_version": incident["properties"]["version"]},
                          headers={**headers, "Idempotency-Key": uuid.uuid4().hex}, timeout=10)
        assert r.status_code == 200
    page = requests.get(f"{backend.url}/api/v1/audit", headers=headers, timeout=10).json()
    acks = [e for e in page["entries"] if e["action"] == "incident.acknowledge"]
    assert [e["target"] for e in acks] == [i["id"] for i in incidents]
    assert all(e["user"] == "demo" and '"actor":"ca-truc-A"' in e["detail"] for e in acks)
    done = verify_cli(db)
    assert done.returncode == 0, done.stdout
    assert done.stdout.startswith(f"audit log intact: {len(page['entries'])} entries")
