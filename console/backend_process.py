"""Start the reference backend as a child process on a free loopback port.

Runs without blocking the GUI thread: QProcess reports the child's output through
signals; we parse the `IOC-BACKEND LISTENING <url>` line the backend prints once it
has bound its socket. The token is handed over through the environment (not argv,
which other local users can read in the process list).

Signals:
- `ready(str)`: the backend's base URL.
- `failed(str)`: a readable reason (exited early, timed out).
"""

from __future__ import annotations

import logging
import re
import secrets
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QProcess, QProcessEnvironment, QTimer, Signal

if TYPE_CHECKING:
    from console.settings import Settings

log = logging.getLogger(__name__)
PROJECT_ROOT = Path(__file__).resolve().parents[1]
_LISTENING = re.compile(r"IOC-BACKEND LISTENING (http://\S+)")


def backend_args(seed: int = 7, speed: float = 60.0, extra: list[str] | None = None) -> list[str]:
    """Arguments after the Python executable that start the reference backend on a free
    loopback port with an in-memory database (the console, the tests and the benches all
    start it this way; it prints `IOC-BACKEND LISTENING <url>` when ready)."""
    return [
        "-m",
        "backend",
        "--host",
        "127.0.0.1",
        "--port",
        "0",
        "--db",
        ":memory:",
        "--seed",
        str(seed),
        "--speed",
        f"{speed:g}",
        *(extra or []),
    ]


class BackendProcess(QObject):
    ready = Signal(str)
    failed = Signal(str)

    def __init__(
        self,
        seed: int = 1,
        speed: float = 60.0,
        start_timeout_s: float = 60.0,
        extra_args: list[str] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.token = secrets.token_urlsafe(24)
        self.url: str | None = None
        self._args = backend_args(seed, speed, extra_args)
        self._buffer = ""
        self._stderr_tail = ""
        self._process = QProcess(self)
        env = QProcessEnvironment.systemEnvironment()
        env.insert("IOC_BACKEND_TOKEN", self.token)
        env.insert("PYTHONUNBUFFERED", "1")
        self._process.setProcessEnvironment(env)
        self._process.setWorkingDirectory(str(PROJECT_ROOT))
        self._process.readyReadStandardOutput.connect(self._read_stdout)
        self._process.readyReadStandardError.connect(self._read_stderr)
        self._process.finished.connect(self._on_finished)
        self._process.errorOccurred.connect(self._on_error)
        self._timeout = QTimer(self)
        self._timeout.setSingleShot(True)
        self._timeout.setInterval(int(start_timeout_s * 1000))
        self._timeout.timeout.connect(self._on_timeout)
        self._stopping = False
        self.failure: str | None = None  # why it failed, once it has (a late listener asks)

    def start(self) -> None:
        log.info("starting reference backend: %s %s", sys.executable, " ".join(self._args))
        self._timeout.start()
        self._process.start(sys.executable, self._args)

    def _read_stdout(self) -> None:
        self._buffer += bytes(self._process.readAllStandardOutput().data()).decode(
            "utf-8", "replace"
        )
        if self.url is None:
            match = _LISTENING.search(self._buffer)
            if match:
                self.url = match.group(1)
                self._timeout.stop()
                log.info("reference backend listening at %s", self.url)
                self.ready.emit(self.url)
        self._buffer = self._buffer[-4096:]

    def _read_stderr(self) -> None:
        chunk = bytes(self._process.readAllStandardError().data()).decode("utf-8", "replace")
        self._stderr_tail = (self._stderr_tail + chunk)[-2000:]

    def _fail(self, reason: str) -> None:
        self._timeout.stop()
        if self.url is None and not self._stopping:
            tail = self._stderr_tail.strip().splitlines()[-3:]
            detail = (": " + " | ".join(tail)) if tail else ""
            self.failure = reason + detail
            self.failed.emit(self.failure)

    def _on_finished(self, code: int, _status: QProcess.ExitStatus) -> None:
        if self.url is not None and not self._stopping:
            log.error("reference backend exited unexpectedly (code %s)", code)
        self._fail(f"the demo backend exited with code {code}")

    def _on_error(self, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart:
            self._fail("the demo backend could not be started")

    def _on_timeout(self) -> None:
        self._fail("the demo backend did not start in time")
        self.stop()

    def stop(self, wait_ms: int = 5000) -> None:
        """Terminate the child (SIGTERM, then SIGKILL after `wait_ms`)."""
        self._stopping = True
        self._timeout.stop()
        if self._process.state() == QProcess.ProcessState.NotRunning:
            return
        self._process.terminate()
        if not self._process.waitForFinished(wait_ms):
            self._process.kill()
            self._process.waitForFinished(1000)


def start_demo_backend(settings: Settings, parent: QObject | None = None) -> BackendProcess:
    """Start the built-in demo backend now. main.py calls this before it builds the
    window: the backend's ~2 s of start-up (its simulator seeds the fleet) then overlaps
    the window's ~1 s instead of following it."""
    process = BackendProcess(seed=settings.demo_seed, speed=settings.demo_speed, parent=parent)
    process.start()
    return process
