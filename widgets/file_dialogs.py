"""Where file dialogs open and what they suggest.

Why: a dialog given "" opens in the process's working directory, which for an installed
console is its program folder (or wherever the shortcut started it); operators save
exports next to their other documents. Suggested names carry the time of the site
(console.timefmt: Vietnam time), not UTC, so "ban-do-20261127-1915" is the map of 19:15
as the operator read it on the clock.
"""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QStandardPaths

from console.timefmt import local


def documents_dir() -> Path:
    """The user's documents folder (home when the system names none or it is missing)."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    path = Path(found) if found else Path.home()
    return path if path.is_dir() else Path.home()


def start_path(name: str = "") -> str:
    """The path a file dialog starts at: the documents folder, with `name` suggested."""
    folder = documents_dir()
    return str(folder / name) if name else str(folder)


def stamped_name(prefix: str, suffix: str, t: float | None = None, seconds: bool = False) -> str:
    """'prefix-YYYYMMDD-HHMM.suffix' in local (site) time ('-HHMMSS' with `seconds`)."""
    pattern = "%Y%m%d-%H%M%S" if seconds else "%Y%m%d-%H%M"
    stamp = local(time.time() if t is None else t).strftime(pattern)
    return f"{prefix}-{stamp}.{suffix}"
