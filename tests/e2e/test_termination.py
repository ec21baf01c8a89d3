"""SIGTERM / SIGINT end `python main.py` cleanly: exit status 0, the outbox and the
archive closed (SQLite removes a WAL file only on a clean close), the layout saved.

Killed by the default SIGTERM action instead (status 143), the console leaves
`outbox.sqlite3-wal` and `rec.gpkg-wal` behind and never writes `layout.ini`."""

from __future__ import annotations

import os
import queue
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
UP_LINE = "console up: first picture complete"


def wait_for_line(lines: queue.Queue, needle: str, timeout_s: float) -> str:
    """The first stderr line containing `needle` (bounded wait on the reader thread)."""
    deadline = time.monotonic() + timeout_s
    seen: list[str] = []
    while True:
        try:
            line = lines.get(timeout=max(0.0, deadline - time.monotonic()))
        except queue.Empty:
            tail = "".join(seen[-30:])
            raise AssertionError(f"no {needle!r} within {timeout_s} s:\n{tail}") from None
        if line is None:
            raise AssertionError(f"exited before {needle!r}:\n" + "".join(seen[-30:]))
        seen.append(line)
        if needle in line:
            return line


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_signal_closes_the_console_cleanly(tmp_path, live_backend, sig):
    archive = tmp_path / "rec.gpkg"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONUNBUFFERED="1")
    process = subprocess.Popen(
        [
            sys.executable,
            *("main.py", "--backend", live_backend.url, "--token", live_backend.token),
            *("--lang", "en", "--record", str(archive)),
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    lines: queue.Queue = queue.Queue()

    def read() -> None:
        assert process.stderr is not None
        for line in process.stderr:
            lines.put(line)
        lines.put(None)

    threading.Thread(target=read, daemon=True).start()
    try:
        wait_for_line(lines, UP_LINE, 120)
        process.send_signal(sig)
        wait_for_line(lines, "IOC Console stopped (exit status 0)", 60)
        assert process.wait(30) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(10)

    # the autouse fixture points the XDG directories into tmp_path
    outbox = tmp_path / "data" / "ioc-console" / "outbox.sqlite3"
    assert outbox.exists()
    leftovers = [p.name for p in tmp_path.rglob("*") if p.name.endswith(("-wal", "-shm"))]
    assert leftovers == []  # every SQLite file (outbox, archive) was closed
    with sqlite3.connect(archive) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    layout = tmp_path / "config" / "ioc-console" / "layout.ini"
    saved = layout.read_text(encoding="utf-8")  # QSettings INI: [window] geometry=, state=
    assert "[window]" in saved and "\nstate=@ByteArray(" in saved
