"""Review mode: open an archive and drive the console from it instead of a backend.

`ReviewSession.start()` reads the archive on a worker (runner job) and builds the
replay index there; on the GUI thread it then stops the live alert rules (the inbox
shows the *recorded* alerts instead of re-evaluating replayed data), installs an
`ArchiveClient` as `app.client` so charts and tracks read history from the file, and
creates the one `ReplayCursor` plus the `ReplayDriver` that writes the state at the
cursor time into the stores.

Signals (GUI thread):
- `ready()`: the archive is open; `cursor`, `state`, `driver` are set.
- `failed(str)`: the file could not be opened (readable message).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal

from console.archive.reader import ArchiveData, read_archive
from console.replay.cursor import ReplayCursor
from console.replay.driver import ReplayDriver
from console.replay.state import ReplayState
from console.sources.errors import SourceError

if TYPE_CHECKING:
    from console.app import ConsoleApp

log = logging.getLogger(__name__)
_tr = QCoreApplication.translate


class ArchiveClient:
    """The subset of RestClient that reads history, answered from the archive.
    Methods run on worker threads (the data is immutable once loaded)."""

    def __init__(self, data: ArchiveData) -> None:
        self.data = data
        self.base_url = f"archive:{data.path}"

    def history(self, station_id: str, start: float, end: float):
        return self.data.history(station_id, start, end)

    observations = history

    def track(self, vessel_id: str, start: float, end: float):
        return self.data.track(vessel_id, start, end)

    def snapshot(self, _camera_id: str) -> bytes:
        raise SourceError(_tr("Replay", "Camera snapshots are not recorded in the archive."))

    def incident_action(self, *_args: object, **_kwargs: object):
        raise SourceError(_tr("Replay", "Review mode: the archive is read-only."))

    def close(self) -> None:
        pass


class ReviewSession(QObject):
    ready = Signal()
    failed = Signal(str)

    def __init__(self, app: ConsoleApp, path: str | Path) -> None:
        super().__init__(app)
        self.app = app
        self.path = Path(path)
        self.state: ReplayState | None = None
        self.cursor: ReplayCursor | None = None
        self.driver: ReplayDriver | None = None
        self.error: str | None = None

    def start(self) -> None:
        tail = self.app.vessels.tail_length

        def load() -> ReplayState:
            return ReplayState(read_archive(self.path), tail_length=tail)

        self.app.runner.submit("archive-open", load, self._opened, self._failed)

    def _failed(self, exc: Exception) -> None:
        self.error = str(exc)
        log.error("could not open archive: %s", exc)
        self.failed.emit(self.error)

    def _opened(self, state: ReplayState) -> None:
        app = self.app
        app.rules.close()  # recorded alerts are shown as they were, not re-evaluated
        app.client = ArchiveClient(state.data)  # type: ignore[assignment]
        app.site = state.data.meta.get("site", "")
        self.state = state
        self.cursor = ReplayCursor(state.start, state.end, parent=self)
        self.cursor.time = state.end
        self.driver = ReplayDriver(
            state,
            self.cursor,
            app.vessels,
            app.stations,
            app.incidents,
            app.cameras,
            app.clock,
            inbox=app.rules.inbox,
            station_rules=app.rules.station_rules,
            storm=app.storm,
            parent=self,
        )
        self.driver.show(self.cursor.time)
        log.info(
            "archive %s open: %d vessels, %d fixes",
            self.path,
            len(state.data.vessels),
            len(state.data.fix_t),
        )
        self.ready.emit()

    def close(self) -> None:
        if self.cursor is not None:
            self.cursor.pause()
        if self.driver is not None:
            self.driver.close()
