"""The data sources feature: runs the configured sources (widgets/sources/manager.py) and
adds Layer › Add layers from server…. Installed after the map features (it uses their
layer loader; the layer panel's Refresh now / Refresh interval… for feature-server
layers are in widgets/map_features.py with the other layer actions).

`shell.services.sources` is the `SourceManager` (MainWindow.apply_settings hands it
the saved source list, so sources start and stop with the Settings dialog)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction

from widgets.sources.add_dialog import AddFromServerDialog
from widgets.sources.kinds import load_kinds
from widgets.sources.manager import SourceManager

if TYPE_CHECKING:
    from widgets.shell import FeatureShell

_tr = QCoreApplication.translate


def open_add_dialog(shell: FeatureShell) -> AddFromServerDialog:
    """Layer › Add from server… (non-modal: the map stays usable meanwhile)."""
    loader = shell.services.map_features.loader
    dialog = AddFromServerDialog(shell, shell.widget)

    def add(urls: list[str], refresh_s: float | None) -> None:
        for url in urls:
            loader.add_collection(url, refresh_s=refresh_s)

    dialog.add_requested.connect(add)
    dialog.show()
    return dialog


def install(shell: FeatureShell) -> None:
    load_kinds()
    manager = SourceManager(shell)
    shell.services.sources = manager
    action = QAction(_tr("Sources", "Add layers from &server…"), shell.widget)
    action.setObjectName("addFromServer")
    action.triggered.connect(lambda: open_add_dialog(shell))
    menu = shell.menus["layer"]
    actions = menu.actions()
    menu.insertAction(actions[1] if len(actions) > 1 else None, action)
    manager.apply(shell.app.settings.sources)
    shell.on_close(manager.stop_all)
