"""File › Open period as a background job: build the period's archive from the backend's
history (console/archive/history.py) on a worker of the console's JobRunner, report
progress and the end on the GUI thread through Qt signals, stop between two requests
when cancelled. Building the same period again resumes in the same file."""

from __future__ import annotations

import hashlib
import threading
from pathlib import Path

import platformdirs
from PySide6.QtCore import QObject, Signal

from console.archive.history import Area, Cancelled, build_period_archive


def period_path(base_url: str, start: float, end: float, area: Area | None) -> Path:
    """Where a period's archive is built: one file per (backend, period, area), so asking
    for the same period again resumes (or reopens) it."""
    key = f"{base_url}|{start:.0f}|{end:.0f}|{area.bbox() if area else 'all'}"
    digest = hashlib.sha1(key.encode()).hexdigest()[:12]
    folder = Path(platformdirs.user_data_dir("ioc-console", appauthor=False)) / "periods"
    return folder / f"period-{start:.0f}-{end:.0f}-{digest}.gpkg"


class PeriodJob(QObject):
    """Signals (GUI thread): progress(done, total, step), finished(path), failed(message),
    cancelled()."""

    progress = Signal(int, int, str)
    finished = Signal(str)
    failed = Signal(str)
    cancelled = Signal()
    KEY = "open-period"

    def __init__(self, runner, client, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._client = client
        self._stop = threading.Event()

    def start(self, start: float, end: float, area: Area | None, path: Path) -> None:
        self._stop.clear()
        path.parent.mkdir(parents=True, exist_ok=True)

        def work() -> str:  # worker thread: blocking HTTP and SQLite
            build_period_archive(
                self._client, start, end, path, area,
                progress=self.progress.emit,  # queued to the GUI thread
                cancelled=self._stop.is_set,
            )
            return str(path)

        self._runner.submit(self.KEY, work, self.finished.emit, self._on_error)

    def cancel(self) -> None:
        """Stop after the request in flight (what was written stays, for a resume)."""
        self._stop.set()

    def _on_error(self, exc: Exception) -> None:
        if isinstance(exc, Cancelled):
            self.cancelled.emit()
        else:
            self.failed.emit(str(exc) or type(exc).__name__)
