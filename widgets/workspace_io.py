"""Save and reopen the workspace (console/workspace.py) from the live map.

Saving snapshots layers (bottom first), styles, visibility, opacity, view, bookmarks,
scale units and the camera wall's grid and cameras. Opening removes the user layers,
loads the saved ones on worker threads, and once all have arrived restores order,
visibility, opacity and view, so the picture is the one that was saved. Built-in layers
(basemap, vessels ...) keep their objects; only their order, visibility and opacity are
restored.

Signals: `restored(list)`: messages of layers that could not be reloaded (empty: all).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from console.workspace import LayerEntry, Workspace, load_workspace
from layers.base import MapLayer
from layers.tiles.layer import MBTilesSource, TileLayer, XyzSource
from layers.vector_file.layer import VectorFileLayer
from layers.vector_file.style import VectorLayerStyle

if TYPE_CHECKING:
    from widgets.bookmarks import BookmarksPanel
    from widgets.layer_loader import LayerLoader
    from widgets.shell import FeatureShell


def entry_for(layer: MapLayer) -> LayerEntry:
    entry = LayerEntry(layer.layer_id, "builtin", layer.title, layer.visible, layer.opacity)
    if isinstance(layer, VectorFileLayer):
        entry.kind = "vector"
        entry.source = str(layer.table.source)
        entry.table = layer.table.table
        entry.style = layer.style.to_dict()
    elif isinstance(layer, TileLayer):
        source = layer.source
        if isinstance(source, MBTilesSource):
            entry.kind, entry.source = "mbtiles", str(source.path)
        elif isinstance(source, XyzSource):
            entry.kind, entry.source = "xyz", source.template
        entry.attribution = layer.attribution
    return entry


class WorkspaceController(QObject):
    restored = Signal(list)

    def __init__(self, shell: FeatureShell, loader: LayerLoader, bookmarks: BookmarksPanel) -> None:
        super().__init__(shell.widget)
        self.shell = shell
        self.loader = loader
        self.bookmarks = bookmarks

    def snapshot(self) -> Workspace:
        canvas = self.shell.canvas
        return Workspace(
            view=canvas.extent(),
            layers=[entry_for(layer) for layer in self.shell.model.layers],
            bookmarks=self.bookmarks.bookmarks(),
            scale_units=canvas.scale_units,
            camera_wall=wall.wall_layout() if (wall := self.shell.services.camera_wall) else None,
        )

    def save(self, path: Path) -> None:
        self.snapshot().save(path)

    def open(self, path: Path) -> None:
        """Raises WorkspaceError for a bad file (nothing is changed then)."""
        self.apply(load_workspace(path))

    def apply(self, workspace: Workspace) -> None:
        layers = self.shell.model.layers
        for layer in list(layers):
            if isinstance(layer, VectorFileLayer | TileLayer):
                layers.remove(layer)
        self.bookmarks.set_bookmarks(workspace.bookmarks)
        self.shell.canvas.scale_units = workspace.scale_units
        wall = self.shell.services.camera_wall
        if wall is not None and workspace.camera_wall is not None:
            wall.apply_layout(workspace.camera_wall)
        errors: list[str] = []
        waiting = {"n": 0}

        def finish() -> None:
            self._restore_state(workspace)
            self.restored.emit(errors)

        def arrived(layers_added: list[MapLayer], source: str) -> None:
            if not layers_added:
                errors.append(source)
            waiting["n"] -= 1
            if waiting["n"] == 0:
                finish()

        by_source: dict[str, dict[str | None, str]] = {}
        for entry in workspace.layers:
            if entry.kind in ("vector", "mbtiles") and entry.source:
                by_source.setdefault(entry.source, {})[entry.table] = entry.id
            elif entry.kind == "xyz" and entry.source:
                try:
                    self.loader.add_xyz(entry.source, entry.title, entry.attribution, entry.id)
                except ValueError as exc:
                    errors.append(str(exc))
        waiting["n"] = len(by_source)
        for source, ids in by_source.items():
            self.loader.add_path(source, ids, lambda added, s=source: arrived(added, s))
        if not by_source:
            finish()

    def _restore_state(self, workspace: Workspace) -> None:
        layers = self.shell.model.layers
        order = [e.id for e in workspace.layers]
        for entry in workspace.layers:
            layer = layers.by_id(entry.id)
            if layer is None:
                continue
            if isinstance(layer, VectorFileLayer):
                layer.set_style(VectorLayerStyle.from_dict(entry.style))
                layer.set_title(entry.title)
            layer.set_visible(entry.visible)
            self.shell.canvas.set_layer_opacity(layer, entry.opacity)
        # stable reorder: saved layers take the saved relative order, bottom first
        target = 0
        for layer_id in order:
            layer = layers.by_id(layer_id)
            if layer is None:
                continue
            layers.move(layers.index(layer), target)
            target += 1
        if workspace.view is not None:
            self.shell.canvas.set_extent(workspace.view, padding=0)
