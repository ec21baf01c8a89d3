"""Map navigation, layers, measure, go-to, bookmarks, offline tiles and workspace:
wired into the main shell by `install(shell)` (listed in widgets/features.py).

The created objects are kept on `shell.services.map_features` (a `MapFeatures`) so tests,
main.py (`--layer`) and other features can reach them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMenu, QMessageBox

from console.workspace import WorkspaceError
from layers.base import MapLayer
from layers.tiles.layer import TileLayer
from layers.vector_file.layer import VectorFileLayer
from widgets.attribute_table import AttributeTable
from widgets.bookmarks import BookmarksPanel
from widgets.file_dialogs import start_path
from widgets.goto_box import GotoBox
from widgets.goto_places import goto_box
from widgets.layer_loader import LayerLoader
from widgets.measure_tool import MeasureTool
from widgets.offline_area import OfflineAreaDialog
from widgets.style_dialog import StyleDialog
from widgets.workspace_io import WorkspaceController

if TYPE_CHECKING:
    from widgets.shell import FeatureShell

_tr = QCoreApplication.translate
VECTOR_FILTER = "Vector (*.geojson *.json *.gpkg *.shp);;MBTiles (*.mbtiles)"


@dataclass
class MapFeatures:
    loader: LayerLoader
    measure: MeasureTool
    goto: GotoBox
    bookmarks: BookmarksPanel
    workspace: WorkspaceController
    actions: dict[str, QAction]


def _action(shell: FeatureShell, text: str, slot, shortcut: str | None = None) -> QAction:
    action = QAction(text, shell.widget)
    if shortcut:
        action.setShortcut(QKeySequence(shortcut))
    action.triggered.connect(slot)
    return action


def _follow_unit_setting(shell: FeatureShell, action: QAction) -> None:
    """The operator's distance unit (Settings) decides the scale bar's start state."""
    action.setCheckable(True)
    action.setObjectName("scaleNauticalMiles")
    nautical = shell.app.settings.distance_unit == "nm"
    action.setChecked(nautical)
    shell.canvas.scale_units = "nautical" if nautical else "metric"


def install(shell: FeatureShell) -> None:
    canvas = shell.canvas
    loader = LayerLoader(shell)
    measure = MeasureTool(canvas)
    goto = goto_box(shell)
    bookmarks = BookmarksPanel(canvas)
    workspace = WorkspaceController(shell, loader, bookmarks)
    actions: dict[str, QAction] = {}
    shell.services.map_features = MapFeatures(loader, measure, goto, bookmarks, workspace, actions)
    canvas.files_dropped.connect(lambda paths: [loader.add_path(p) for p in paths])

    # --- view -----------------------------------------------------------------------------
    view = shell.menus["view"]
    actions["previous"] = _action(
        shell, _tr("MapFeatures", "&Previous view"), canvas.previous_view, "Alt+Left"
    )
    actions["next"] = _action(
        shell, _tr("MapFeatures", "&Next view"), canvas.next_view, "Alt+Right"
    )
    actions["full"] = _action(
        shell,
        _tr("MapFeatures", "Zoom to &full extent"),
        lambda: canvas.set_extent(canvas.full_extent()) if canvas.full_extent() else None,
        "Ctrl+Shift+F",
    )
    actions["selection"] = _action(
        shell, _tr("MapFeatures", "Zoom to &selection"), canvas.zoom_to_selection, "Ctrl+J"
    )
    actions["nautical"] = _action(
        shell,
        _tr("MapFeatures", "Scale bar in nautical miles"),
        lambda on: (
            setattr(canvas, "scale_units", "nautical" if on else "metric")
            or canvas.viewport().update()
        ),
    )
    _follow_unit_setting(shell, actions["nautical"])

    def history_state() -> None:
        actions["previous"].setEnabled(canvas.can_go_back())
        actions["next"].setEnabled(canvas.can_go_forward())

    canvas.view_history_changed.connect(history_state)
    history_state()
    for key in ("previous", "next", "full", "selection", "nautical"):
        view.addAction(actions[key])
    for key in ("previous", "next"):
        shell.toolbar.addAction(actions[key])

    # --- tools ----------------------------------------------------------------------------
    actions["measure"] = QAction(_tr("MapFeatures", "&Measure distance / area"), shell.widget)
    actions["measure"].setShortcut(QKeySequence("M"))
    actions["measure"].setCheckable(True)
    actions["measure"].toggled.connect(
        lambda on: (
            (measure.activate() if on else measure.deactivate()) if on != measure.active else None
        )
    )
    measure.active_changed.connect(actions["measure"].setChecked)
    actions["offline"] = _action(
        shell,
        _tr("MapFeatures", "Prepare &offline area…"),
        lambda: _offline_dialog(shell),
    )
    shell.menus["tools"].addAction(actions["measure"])
    shell.menus["tools"].addAction(actions["offline"])
    shell.toolbar.addAction(actions["measure"])
    shell.toolbar.addSeparator()
    shell.toolbar.addWidget(goto)

    # --- layers and workspace -------------------------------------------------------------
    layer_menu = shell.menus["layer"]
    actions["add_file"] = _action(
        shell,
        _tr("MapFeatures", "&Add layer from file…"),
        lambda: _add_file(shell),
        "Ctrl+Shift+A",
    )
    actions["add_xyz"] = _action(
        shell, _tr("MapFeatures", "Add &XYZ tile basemap…"), lambda: _add_xyz(shell)
    )
    layer_menu.addAction(actions["add_file"])
    layer_menu.addAction(actions["add_xyz"])
    file_menu = shell.menus["file"]
    actions["open_ws"] = _action(
        shell, _tr("MapFeatures", "&Open workspace…"), lambda: _open_workspace(shell), "Ctrl+O"
    )
    actions["save_ws"] = _action(
        shell, _tr("MapFeatures", "&Save workspace…"), lambda: _save_workspace(shell), "Ctrl+S"
    )
    first = file_menu.actions()[0] if file_menu.actions() else None
    file_menu.insertAction(first, actions["open_ws"])
    file_menu.insertAction(first, actions["save_ws"])
    file_menu.insertSeparator(first)
    shell.add_dock(
        bookmarks,
        "bookmarksDock",
        _tr("MapFeatures", "Bookmarks"),
        Qt.DockWidgetArea.LeftDockWidgetArea,
    )
    shell.layer_panel.context_requested.connect(
        lambda layer, pos: layer_menu_for(shell, layer).exec(pos)
    )
    shell.on_close(measure.deactivate)


def layer_menu_for(shell: FeatureShell, layer: MapLayer) -> QMenu:
    """The layer panel's context menu for `layer`."""
    canvas = shell.canvas
    menu = QMenu(shell.widget)
    menu.addAction(_tr("MapFeatures", "Zoom to layer"), lambda: canvas.zoom_to_layer(layer))
    if isinstance(layer, VectorFileLayer):
        menu.addAction(
            _tr("MapFeatures", "Style…"), lambda: StyleDialog(layer, shell.widget).open()
        )
        menu.addAction(
            _tr("MapFeatures", "Attribute table…"),
            lambda: AttributeTable(layer, canvas, shell.widget).show(),
        )
    opacity = menu.addMenu(_tr("MapFeatures", "Opacity"))
    for percent in (100, 75, 50, 25):
        opacity.addAction(
            f"{percent} %", lambda p=percent: canvas.set_layer_opacity(layer, p / 100)
        )
    if isinstance(layer, VectorFileLayer | TileLayer):
        menu.addAction(_tr("MapFeatures", "Rename…"), lambda: _rename(shell, layer))
        menu.addAction(_tr("MapFeatures", "Remove"), lambda: shell.model.layers.remove(layer))
    return menu


def _rename(shell: FeatureShell, layer) -> None:
    title, ok = QInputDialog.getText(
        shell.widget,
        _tr("MapFeatures", "Rename layer"),
        _tr("MapFeatures", "Name:"),
        text=layer.title,
    )
    if ok and title.strip():
        layer.set_title(title.strip())


def _add_file(shell: FeatureShell) -> None:
    paths, _ = QFileDialog.getOpenFileNames(
        shell.widget, _tr("MapFeatures", "Add layer from file"), start_path(), VECTOR_FILTER
    )
    for path in paths:
        shell.services.map_features.loader.add_path(path)


def _add_xyz(shell: FeatureShell) -> None:
    template, ok = QInputDialog.getText(
        shell.widget,
        _tr("MapFeatures", "XYZ tile basemap"),
        _tr("MapFeatures", "Tile URL with {z}, {x}, {y}:"),
    )
    if not ok or not template.strip():
        return
    attribution, _ = QInputDialog.getText(
        shell.widget,
        _tr("MapFeatures", "XYZ tile basemap"),
        _tr("MapFeatures", "Attribution required by the provider:"),
    )
    try:
        shell.services.map_features.loader.add_xyz(
            template.strip(), _tr("MapFeatures", "Tile basemap"), attribution.strip()
        )
    except ValueError as exc:
        QMessageBox.warning(shell.widget, _tr("MapFeatures", "XYZ tile basemap"), str(exc))


def _offline_dialog(shell: FeatureShell) -> None:
    dialog = OfflineAreaDialog(shell.app.runner, shell.canvas.extent(), parent=shell.widget)
    dialog.finished_download.connect(
        lambda result: (
            None
            if result.cancelled
            else shell.services.map_features.loader.add_path(dialog.target.text())
        )
    )
    dialog.show()


def _open_workspace(shell: FeatureShell) -> None:
    title = _tr("MapFeatures", "Open workspace")
    path, _ = QFileDialog.getOpenFileName(
        shell.widget, title, start_path(), "IOC workspace (*.iocws.json *.json)"
    )
    _workspace_file_action(shell, title, path, lambda ws, p: ws.open(p))


def _save_workspace(shell: FeatureShell) -> None:
    title = _tr("MapFeatures", "Save workspace")
    path, _ = QFileDialog.getSaveFileName(
        shell.widget, title, start_path("workspace.iocws.json"), "IOC workspace (*.json)"
    )
    _workspace_file_action(shell, title, path, lambda ws, p: ws.save(p))


def _workspace_file_action(
    shell: FeatureShell,
    title: str,
    path: str,
    action: Callable[[WorkspaceController, Path], object],
) -> None:
    """Open or save the workspace at `path` (nothing when the dialog was cancelled); a
    file that cannot be read or written is said in a message box, and nothing changes."""
    if not path:
        return
    try:
        action(shell.services.map_features.workspace, Path(path))
    except (WorkspaceError, OSError) as exc:
        QMessageBox.warning(shell.widget, title, str(exc))
