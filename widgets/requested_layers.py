"""Tracks the layers asked for on the command line (`--layer`) until each has loaded.

A headless picture (`--screenshot`, `--export-html`) must show every layer the user
named: taking it before a slow layer arrives, or after one failed, would write a
file that silently lacks what was asked for. This object loads the paths through the
window's `LayerLoader` and reports, on the GUI thread, either that all of them are on
the map or which one failed and why.

Signals:
- `all_loaded()`: every requested layer is on the map (emitted once; at once when none
  was requested).
- `failed(str, str)`: the path as given and the reason (the loader's message).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal

from widgets.layer_loader import LayerLoader


def _source_key(path: str) -> str:
    """The source string the loader reports for `path` (files go through `Path`)."""
    if path.startswith(("http://", "https://")):
        return path
    return str(Path(path))


class RequestedLayers(QObject):
    all_loaded = Signal()
    failed = Signal(str, str)

    def __init__(self, loader: LayerLoader, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._loader = loader
        self._pending: list[str] = []  # one entry per request (a path may repeat)
        self._reasons: dict[str, str] = {}
        self._done = False
        loader.load_failed.connect(self._on_load_failed)

    @property
    def pending(self) -> list[str]:
        """Paths still loading, as given on the command line."""
        return sorted(self._pending)

    def load(self, paths: list[str]) -> None:
        """Start loading `paths` (GUI thread). Call once."""
        self._pending = list(paths)
        for path in paths:
            self._loader.add_path(path, done=lambda layers, p=path: self._on_done(p, layers))
        if not paths:
            self._finish()

    def _on_load_failed(self, source: str, message: str) -> None:
        self._reasons[source] = message

    def _on_done(self, path: str, layers: list) -> None:
        if self._done:
            return
        self._pending.remove(path)
        if not layers:
            reason = self._reasons.get(_source_key(path)) or self._reasons.get(path)
            self._done = True
            self.failed.emit(path, reason or self.tr("the file holds no layer to show"))
            return
        if not self._pending:
            self._finish()

    def _finish(self) -> None:
        self._done = True
        self.all_loaded.emit()
