"""``python -m backend``: run the reference IOC backend.

Prints exactly one line ``IOC-BACKEND LISTENING http://HOST:PORT`` on stdout
once the socket is bound (so ``--port 0`` works and the console can parse the
port), then serves until SIGTERM/SIGINT. Logs go to stderr and never contain the
token.
"""

from __future__ import annotations

import argparse
import logging
import math
import os
import signal
import socket
import sqlite3
import sys
import time
from datetime import UTC, datetime

import uvicorn

from backend import users
from backend.app import create_app
from backend.clock import SimClock
from backend.db import ForeignDatabaseError, Store
from backend.sim.engine import ADVANCED_TO_KEY, WORLD_KEY, SimConfig, Simulator
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
    p.add_argument("--db", default=":memory:",
                   help="SQLite file, kept across restarts (a file that already holds a world "
                        "resumes it: --seed/--start/--vessels/--cameras/--vms-interval/"
                        "--retention-days then come from the file), or :memory: (default)")
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
    p.add_argument("--log-level", choices=LOG_LEVELS, default="info")
    p.add_argument("--access-log", action="store_true", help="log every request (paths only)")
    args = p.parse_args(argv)
    if args.vms_interval < 1:
        p.error("--vms-interval must be >= 1")
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


def _simulator(store: Store, args: argparse.Namespace, start: float) -> Simulator:
    """A new world seeded from the arguments, or the stored one resumed where it stopped
    (its sim clock continues from the last committed tick: the world pauses while the
    backend is down rather than jumping, so no hours of fixes are invented at once)."""
    world = store.meta(WORLD_KEY)
    if world is None:
        config = SimConfig(start=start, seed=args.seed, speed=args.speed, vessels=args.vessels,
                           cameras=args.cameras, vms_interval_s=args.vms_interval,
                           retention_days=args.retention_days)
        sim = Simulator(store, config)
        sim.bootstrap()
        return sim
    config = SimConfig.from_world_json(world, args.speed)
    reached = float(store.meta(ADVANCED_TO_KEY) or config.start)
    sim = Simulator(store, config, SimClock(reached, args.speed))
    sim.resume(reached)
    log.info("resuming the stored world (seed=%d start=%s) at sim time %s, cursor %d",
             config.seed, iso_z(config.start), iso_z(reached), store.cursor)
    return sim


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    logging.basicConfig(level=args.log_level.upper(), stream=sys.stderr,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    token = args.token or os.environ.get(TOKEN_ENV)
    start = args.start if args.start is not None else (time.time() // 60) * 60
    began = time.perf_counter()
    try:
        store = Store(args.db)
    except (ForeignDatabaseError, OSError, sqlite3.DatabaseError) as exc:
        print(f"error: cannot use database {args.db}: {exc}", file=sys.stderr)
        return 2
    sim = _simulator(store, args, start)
    if token is None and not users.has_personal_users(store):
        token = DEFAULT_TOKEN
        log.warning("no personal users in %s: the demo account accepts the well-known token "
                    "%r (add users with python -m backend.users)", args.db, DEFAULT_TOKEN)
    users.set_demo_token(store, token)
    app = create_app(store, sim)
    try:
        sock = bind_socket(args.host, args.port)
    except OSError as exc:
        print(f"error: cannot listen on {args.host}:{args.port}: {exc}", file=sys.stderr)
        return 2
    log.info("simulation seed=%d start=%s speed=%g vessels=%d cameras=%d ready in %.2f s",
             sim.config.seed, iso_z(sim.config.start), args.speed, sim.config.vessels,
             sim.config.cameras, time.perf_counter() - began)

    # uvicorn re-raises the signal it caught after shutting down; catching it here
    # lets the simulator and database close cleanly and the process exit 0.
    stopped: list[int] = []
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda signum, _frame: stopped.append(signum))

    server = uvicorn.Server(uvicorn.Config(
        app, log_level=args.log_level, access_log=args.access_log, lifespan="off",
        timeout_graceful_shutdown=1, timeout_keep_alive=5, server_header=False,
    ))
    sim.start()
    print(f"IOC-BACKEND LISTENING {_url(sock)}", flush=True)
    try:
        server.run(sockets=[sock])
    finally:
        sim.stop()
        store.close()
        log.info("stopped at sim time %s", datetime.fromtimestamp(sim.advanced_to, UTC).isoformat())
    return 0


if __name__ == "__main__":
    sys.exit(main())
