"""Saving a still of a live camera: a timestamped PNG in the documents folder.

The file name carries the camera and the site's local time to the second
('CAM-001-20261127-201530.png'), so stills taken one after another sort and never
overwrite each other. The PNG is written on a worker (the GUI thread never touches the
disk); the QImage is copied first, because the decoder's next frame reuses nothing but
the GUI keeps drawing the one it has.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QImage

from console.app import ConsoleApp
from widgets.file_dialogs import documents_dir, stamped_name

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def still_path(folder: Path, camera_id: str, t: float) -> Path:
    """A free path for a still of `camera_id` taken at `t` (a suffix when taken twice in
    one second)."""
    prefix = _UNSAFE.sub("_", camera_id).strip("_") or "camera"
    path = folder / stamped_name(prefix, "png", t, seconds=True)
    n = 2
    while path.exists():
        path = folder / stamped_name(f"{prefix}", f"{n}.png", t, seconds=True)
        n += 1
    return path


def _write(image: QImage, folder: Path, camera_id: str, t: float) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = still_path(folder, camera_id, t)
    if not image.save(str(path), "PNG"):
        raise OSError(f"cannot write {path}")
    return path


def save_still(
    app: ConsoleApp,
    image: QImage,
    camera_id: str,
    on_saved: Callable[[Path], None],
    on_error: Callable[[Exception], None],
    folder: Path | None = None,
    t: float | None = None,
) -> None:
    """Write `image` as a PNG on a worker; `on_saved(path)` / `on_error(exc)` on the GUI."""
    copy = image.copy()
    when = time.time() if t is None else t
    target = folder or documents_dir()
    app.runner.submit(
        f"camera-still:{camera_id}:{when}",
        lambda: _write(copy, target, camera_id, when),
        on_saved,
        on_error,
    )
