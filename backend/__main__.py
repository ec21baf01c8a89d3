"""``python -m backend``: run the reference IOC backend.

Prints exactly one line ``IOC-BACKEND LISTENING http://HOST:PORT`` on stdout
once the socket is bound (so ``--port 0`` works and the console can parse the
port), then serves until SIGTERM/SIGINT. Logs go to stderr and never contain the
token (nor a database password).

The database is a SQLite file (or ``:memory:``, the default) or, with
``--db postgresql://…`` or ``$IOC_BACKEND_DB``, PostgreSQL + PostGIS. On PostgreSQL,
``--workers N`` serves one port from N processes: this process binds the socket,
seeds the world if the database has none, then starts N workers (``--worker-fd``, the
inherited socket) and restarts any that dies. One worker at a time runs the
simulator (leader.py); all answer requests.
"""

from __future__ import annotations

import argparse
import logging
import math
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime

import uvicorn

from backend import users
from backend.app import create_app
from backend.db import ForeignDatabaseError, Store
from backend.dialect import DB_ENV, database_errors, is_postgres, redact
from backend.leader import Node
from backend.sim.engine import WORLD_KEY, SimConfig, Simulator
from backend.timefmt import iso_z, parse_instant

log = logging.getLogger("backend")
TOKEN_ENV = "IOC_BACKEND_TOKEN"
DEFAULT_TOKEN = "demo-token"
# No "trace": uvicorn's trace level logs raw ASGI scopes, headers (and token) included.
LOG_LEVELS = ("critical", "error", "warning", "info", "debug")


def _positive_float(text: str) -> float:
    value = float(text)
    if not (math.isfinite(value) and value > 0):
        raise argparse.ArgumentTypeError("must be a finite number > 0")
    return value


def _count(limit: int):
    def parse(text: str) -> int:
        value = int(text)
        if not 0 <= value <= limit:
            raise argparse.ArgumentTypeError(f"must be between 0 and {limit}")
        return value
    return parse


def _start(text: str) -> float:
    try:
        return parse_instant(text, assume_utc=True)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m backend", description=__doc__.split("\n\n")[0])
    p.add_argument("--host", default="127.0.0.1", help="interface to bind (default 127.0.0.1)")
    p.add_argument("--port", type=_count(65535), default=8765, help="TCP port; 0 picks a free one")
    p.add_argument("--db", default=os.environ.get(DB_ENV, ":memory:"),
                   help="SQLite file, kept across restarts (a database that already holds a "
                        "world resumes it: --seed/--start/--vessels/--cameras/--vms-interval/"
                        "--retention-days then come from it), :memory:, or a "
                        "postgresql://USER@HOST/DB URL (PostGIS; a password is better kept in "
                        f"~/.pgpass or $PGPASSWORD). Default: ${DB_ENV}, else :memory:")
    p.add_argument("--workers", type=_count(64), default=1,
                   help="worker processes serving the port (default 1; more than one needs "
                        "PostgreSQL)")
    p.add_argument("--worker-fd", type=int, default=None, help=argparse.SUPPRESS)
    p.add_argument("--seed", type=int, default=7, help="simulation seed (default 7)")
    p.add_argument("--speed", type=_positive_float, default=1.0,
                   help="simulated seconds per real second (default 1)")
    p.add_argument("--token", default=None,
                   help=f"token of the shared demo account 'demo' (supervisor), replaced at "
                        f"every start (default: ${TOKEN_ENV}; else {DEFAULT_TOKEN!r} while the "
                        "database has no personal users, none once it has). Personal "
                        "accounts: python -m backend.users")
    p.add_argument("--vessels", type=_count(450_000), default=3242,
                   help="fleet size (default 3242)")
    p.add_argument("--cameras", type=_count(999), default=300,
                   help="camera count (default 300)")
    p.add_argument("--vms-interval", type=_count(86_400), default=7200,
                   help="VMS reporting interval in sim seconds (default 7200, regulation)")
    p.add_argument("--start", type=_start, default=None,
                   help="simulation start, ISO 8601 (default: now in UTC, rounded down to "
                        "the minute)")
    p.add_argument("--retention-days", type=_positive_float, default=35.0,
                   help="sim days of positions/observations to keep (default 35)")
    p.add_argument("--no-alerts", action="store_true",
                   help="raise no alerts here (GET /api/v1/alerts stays empty and /health "
                        "names no alert kinds): consoles judge every alert themselves, as "
                        "with backends from before server alerts")
    p.add_argument("--log-level", choices=LOG_LEVELS, default="info")
    p.add_argument("--access-log", action="store_true", help="log every request (paths only)")
    args = p.parse_args(argv)
    if args.vms_interval < 1:
        p.error("--vms-interval must be >= 1")
    if args.workers < 1:
        p.error("--workers must be >= 1")
    if args.workers > 1 and not is_postgres(args.db):
        p.error("several --workers share one database: give a postgresql:// --db")
    return args


def bind_socket(host: str, port: int) -> socket.socket:
    """Bind and listen before announcing, so nobody can connect to a port we do not hold."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # IPPROTO_TCP explicitly: asyncio only sets TCP_NODELAY on sockets whose proto says TCP,
    # and without it small responses wait ~40 ms on Nagle + delayed ACK.
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen(2048)
    sock.set_inheritable(False)
    return sock


def _url(sock: socket.socket) -> str:
    host, port = sock.getsockname()[:2]
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"


def _seed(store: Store, args: argparse.Namespace, start: float) -> Simulator | None:
    """A new world seeded from the arguments, if the database holds none (then returned,
    already at its stored state); None when a stored world is to be resumed: its sim
    clock continues from the last committed tick (the world pauses while the backend is
    down rather than jumping, so no hours of fixes are invented at once)."""
    with store.exclusive_setup():
        if store.meta(WORLD_KEY) is not None:
            return None
        config = SimConfig(start=start, seed=args.seed, speed=args.speed, vessels=args.vessels,
                           cameras=args.cameras, vms_interval_s=args.vms_interval,
                           retention_days=args.retention_days,
                           raise_alerts=not args.no_alerts)
        sim = Simulator(store, config)
        # serving the world itself, this process writes the older vessel history once
        # it serves (sim/backfill.py); workers would each have to wait for the leader
        sim.bootstrap(defer_older_history=args.workers <= 1)
        return sim


def _open(db: str) -> Store | None:
    try:
        return Store(db)
    except (ForeignDatabaseError, *database_errors()) as exc:
        print(f"error: cannot use database {redact(db)}: {exc}", file=sys.stderr)
        return None


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    logging.basicConfig(level=args.log_level.upper(), stream=sys.stderr,
                        format=f"%(asctime)s %(levelname)s [{os.getpid()}] %(name)s: "
                               "%(message)s")
    if args.worker_fd is not None:
        return _worker(args)
    token = args.token or os.environ.get(TOKEN_ENV)
    start = args.start if args.start is not None else (time.time() // 60) * 60
    began = time.perf_counter()
    store = _open(args.db)
    if store is None:
        return 2
    seeded = _seed(store, args, start)
    if token is None and not users.has_personal_users(store):
        token = DEFAULT_TOKEN
        log.warning("no personal users in %s: the demo account accepts the well-known token "
                    "%r (add users with python -m backend.users)", store.label, DEFAULT_TOKEN)
    users.set_demo_token(store, token)
    try:
        sock = bind_socket(args.host, args.port)
    except OSError as exc:
        store.close()
        print(f"error: cannot listen on {args.host}:{args.port}: {exc}", file=sys.stderr)
        return 2
    config = seeded.config if seeded else SimConfig.from_world_json(
        store.meta(WORLD_KEY) or "", args.speed, not args.no_alerts)
    log.info("simulation seed=%d start=%s speed=%g vessels=%d cameras=%d on %s ready in %.2f s",
             config.seed, iso_z(config.start), args.speed, config.vessels, config.cameras,
             store.engine, time.perf_counter() - began)
    if args.workers > 1:
        store.close()
        return _supervise(args, sock, sys.argv[1:] if argv is None else argv)
    return _serve(args, store, Node(store, config, args.speed, seeded), sock, announce=True)


def _worker(args: argparse.Namespace) -> int:
    """One of several processes on the supervisor's socket; the world exists already."""
    sock = socket.socket(fileno=args.worker_fd)
    store = _open(args.db)
    if store is None:
        return 2
    world = store.meta(WORLD_KEY)
    if world is None:
        print("error: the database holds no world to serve", file=sys.stderr)
        return 2
    node = Node(store, SimConfig.from_world_json(world, args.speed, not args.no_alerts),
                args.speed)
    return _serve(args, store, node, sock, announce=False)


def _serve(args: argparse.Namespace, store: Store, node: Node, sock: socket.socket,
           announce: bool) -> int:
    app = create_app(store, node)
    store.follow_other_processes()  # change streams here also wake on other workers' commits
    server = uvicorn.Server(uvicorn.Config(
        app, log_level=args.log_level, access_log=args.access_log, lifespan="off",
        timeout_graceful_shutdown=1, timeout_keep_alive=5, server_header=False,
    ))

    # uvicorn re-raises the signal it caught after shutting down; catching it here
    # lets the simulator and database close cleanly and the process exit 0. A signal
    # that arrives while the node is still starting (a new leader building its fleet)
    # stops it there.
    serving = False

    def stop(_signum: int, _frame: object) -> None:
        server.should_exit = True
        if not serving:
            raise SystemExit(0)

    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, stop)
    try:
        node.start()
        if announce:
            print(f"IOC-BACKEND LISTENING {_url(sock)}", flush=True)
        serving = True
        server.run(sockets=[sock])
    finally:
        node.stop()
        store.close()
        log.info("stopped at sim time %s",
                 datetime.fromtimestamp(node.sim.advanced_to, UTC).isoformat())
    return 0


def _supervise(args: argparse.Namespace, sock: socket.socket, argv: list[str]) -> int:
    """Start ``--workers`` processes on ``sock`` and keep that many running until
    SIGTERM/SIGINT, which is passed on to them."""
    fd = sock.fileno()
    command = [sys.executable, "-m", "backend", *argv, "--worker-fd", str(fd)]
    stop = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda _signum, _frame: stop.set())

    def spawn() -> subprocess.Popen:
        # stdout stays the supervisor's: workers never print the LISTENING line
        return subprocess.Popen(command, pass_fds=(fd,), stdin=subprocess.DEVNULL)

    workers = [spawn() for _ in range(args.workers)]
    log.info("%d workers: %s", len(workers), ", ".join(str(w.pid) for w in workers))
    print(f"IOC-BACKEND LISTENING {_url(sock)}", flush=True)
    while not stop.wait(0.2):
        for i, worker in enumerate(workers):
            if worker.poll() is not None:
                log.warning("worker %d exited with %s; starting another", worker.pid,
                            worker.returncode)
                workers[i] = spawn()
    for worker in workers:
        worker.terminate()
    deadline = time.monotonic() + 10
    for worker in workers:
        try:
            worker.wait(max(deadline - time.monotonic(), 0.1))
        except subprocess.TimeoutExpired:
            worker.kill()
            worker.wait()
    sock.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
