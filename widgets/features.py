"""Feature modules plugged into the main window.

Each entry is `install(window: MainWindow) -> None`: it creates its docks with
`window.add_dock(...)`, adds actions to `window.menus[...]` / `window.toolbar`, connects
to `window.canvas`, `window.inspector` and `window.app`, and registers its teardown with
`window.on_close(...)`. Keeping features out of main_window.py keeps that file small and
lets features be developed side by side.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from widgets.main_window import MainWindow

FEATURES: list[Callable[[MainWindow], None]] = []
