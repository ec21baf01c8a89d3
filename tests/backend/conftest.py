"""Fixtures that run the REAL backend as a child process on a free loopback port.

The service is started exactly as the console starts it (``python -m backend
--port 0``), its LISTENING line is parsed, and /health is polled with a deadline
(no sleep-and-hope). Its stdout and stderr are captured so tests can check that
the token never leaks into them.

Both database engines: the ``engine`` fixture is parametrized (sqlite, postgresql), and
every fixture that starts a backend or names a database depends on it, so the tests
using them run once per engine. Each database is new: a SQLite file (or :memory:) in
the test's directory, or a PostgreSQL schema of its own (pg.py), dropped afterwards.
"""

from __future__ import annotations

import os
import queue
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pg
import pytest
import requests

from tests.processes import stop_process, wait_for_http

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:  # `backend` and `console` are imported from the repo root
    sys.path.insert(0, str(REPO))
TOKEN = "test-token"
STARTUP_TIMEOUT_S = 30.0
LISTENING_PREFIX = "IOC-BACKEND LISTENING "


@dataclass
class RunningBackend:
    url: str
    proc: subprocess.Popen
    stdout_lines: list[str]
    stderr_path: Path
    claimed: set[str] = field(default_factory=set)

    def output(self) -> str:
        """Everything the process wrote so far, stdout and stderr."""
        return "".join(self.stdout_lines) + self.stderr_path.read_text(errors="replace")


def start_backend(
    tmp_dir: Path, *extra: str, token: str | None = TOKEN, db: str = ":memory:",
    timeout_s: float = STARTUP_TIMEOUT_S,
) -> tuple[RunningBackend, float]:
    """Start ``python -m backend`` and wait for its LISTENING line and /health.
    ``db``: a SQLite path, :memory: or a postgresql:// URL (a ``--db`` in ``extra`` wins).

    Returns the running backend and how long start-up took (seconds).
    """
    env = {k: v for k, v in os.environ.items() if k not in ("IOC_BACKEND_TOKEN", "IOC_BACKEND_DB")}
    stderr_path = tmp_dir / f"backend-{uuid.uuid4().hex[:8]}.stderr"
    stderr_file = stderr_path.open("wb")
    cmd = [sys.executable, "-m", "backend", "--host", "127.0.0.1", "--port", "0",
           "--db", db, *(["--token", token] if token else []), *extra]
    began = time.monotonic()
    proc = subprocess.Popen(cmd, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=stderr_file,
                            text=True, encoding="utf-8")
    stderr_file.close()
    lines: list[str] = []
    arrived: queue.Queue[str | None] = queue.Queue()

    def drain() -> None:  # keep reading so the child can never block on a full pipe
        assert proc.stdout is not None
        for line in proc.stdout:
            lines.append(line)
            arrived.put(line)
        arrived.put(None)

    threading.Thread(target=drain, daemon=True).start()
    backend = RunningBackend("", proc, lines, stderr_path)
    deadline = began + timeout_s
    while not backend.url:
        remaining = deadline - time.monotonic()
        try:
            line = arrived.get(timeout=max(remaining, 0.01))
        except queue.Empty:
            line = None
        if line is None:
            proc.kill()
            proc.wait()
            pytest.fail(f"backend did not announce itself:\n{backend.output()[-3000:]}")
        if line.startswith(LISTENING_PREFIX):
            backend.url = line[len(LISTENING_PREFIX):].strip()
    if not wait_for_http(f"{backend.url}/health", deadline, lambda: proc.poll() is None,
                         timeout_s=1.0):
        proc.kill()
        proc.wait()
        pytest.fail(f"backend /health never answered:\n{backend.output()[-3000:]}")
    return backend, time.monotonic() - began


def stop_backend(backend: RunningBackend, timeout: float = 5.0) -> int:
    return stop_process(backend.proc, timeout)


def users_cli(db: Path | str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "backend.users", *args, "--db", str(db)],
                          cwd=REPO, capture_output=True, text=True, timeout=60, check=False)


def add_user(db: Path | str, name: str, role: str) -> str:
    done = users_cli(db, "add", name, "--role", role)
    assert done.returncode == 0, done.stderr
    token = done.stdout.strip()
    assert len(token) >= 43 and "\n" not in token  # 32 random bytes, base64url
    return token


ENGINES = ("sqlite", "postgresql")


@contextmanager
def raw_sql(db: str) -> Iterator:
    """One write transaction on a test database, past the backend's own code (to tamper
    with it, or to read what it stored); ``?`` placeholders on either engine."""
    from backend.dialect import open_dialect

    dialect = open_dialect(db)
    try:
        with dialect.writing(durable=True) as conn:
            yield conn
    finally:
        dialect.close()


@pytest.fixture(scope="session", params=ENGINES)
def engine(request: pytest.FixtureRequest) -> str:
    """The database engine under test; PostgreSQL skips on a machine without it (fails
    in CI, whose .ci/setup.d/40-postgresql.sh starts it)."""
    if request.param == "postgresql":
        pg.require()
    return request.param


class Databases:
    """New, empty databases of the engine under test; PostgreSQL schemas are dropped at
    the end (after the backends using them were stopped)."""

    def __init__(self, engine: str, tmp_dir: Path) -> None:
        self.engine = engine
        self._tmp = tmp_dir
        self._schemas: list[str] = []

    def new(self, name: str = "ioc") -> str:
        if self.engine == "sqlite":
            return str(self._tmp / f"{name}-{uuid.uuid4().hex[:6]}.db")
        url, schema = pg.new_schema()
        self._schemas.append(schema)
        return url

    def drop_all(self) -> None:
        for schema in self._schemas:
            pg.drop_schema(schema)


@contextmanager
def staffed_backend(tmp_path_factory: pytest.TempPathFactory, engine: str,
                    roles: dict[str, str]) -> Iterator[tuple[RunningBackend, str, dict[str, str]]]:
    """A backend (no shared demo token) on a new database of `engine` whose users are
    `roles` ({name: role}, made with the users CLI): (backend, db, {name: token}). The
    backend is stopped and the database dropped afterwards."""
    tmp = tmp_path_factory.mktemp("staffed")
    databases = Databases(engine, tmp)
    db = databases.new()
    tokens = {name: add_user(db, name, role) for name, role in roles.items()}
    backend, _ = start_backend(tmp, "--db", db, "--vessels", "200", token=None)
    try:
        yield backend, db, tokens
    finally:
        stop_backend(backend)
        databases.drop_all()


@pytest.fixture
def databases(engine: str, tmp_path: Path) -> Iterator[Databases]:
    made = Databases(engine, tmp_path)
    yield made
    made.drop_all()


@pytest.fixture
def database(databases: Databases) -> str:
    """One new database of the engine under test (a SQLite path or a postgresql:// URL)."""
    return databases.new()


@pytest.fixture
def launch_backend(tmp_path: Path, databases: Databases) -> Iterator:
    """Start extra short-lived backends in a test, each on a new database of the engine
    under test unless ``--db`` is given; all are stopped afterwards."""
    started: list[RunningBackend] = []

    def launch(*extra: str, token: str = TOKEN) -> RunningBackend:
        db = ":memory:" if databases.engine == "sqlite" else databases.new()
        running, _ = start_backend(tmp_path, *extra, token=token, db=db)
        started.append(running)
        return running

    yield launch
    for running in started:
        stop_backend(running)


@pytest.fixture(scope="session")
def backend(tmp_path_factory: pytest.TempPathFactory, engine: str,
            ) -> Iterator[RunningBackend]:
    made = Databases(engine, tmp_path_factory.mktemp("backend"))
    db = ":memory:" if engine == "sqlite" else made.new()
    running, _ = start_backend(tmp_path_factory.mktemp("backend"),
                               "--seed", "7", "--speed", "60", db=db)
    yield running
    stop_backend(running)
    made.drop_all()


class _Session(requests.Session):
    """A session that never waits forever (requests has no default timeout)."""

    def request(self, *args, **kwargs):  # type: ignore[override]
        kwargs.setdefault("timeout", 10)
        return super().request(*args, **kwargs)


@pytest.fixture(scope="session")
def api(backend: RunningBackend) -> Iterator[requests.Session]:
    """An authenticated session; tests call ``api.get(url(...))``."""
    session = _Session()
    session.headers["Authorization"] = f"Bearer {TOKEN}"
    yield session
    session.close()


@pytest.fixture(scope="session")
def url(backend: RunningBackend):
    def make(path: str) -> str:
        return f"{backend.url}{path}"
    return make
