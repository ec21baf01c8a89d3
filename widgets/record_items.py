"""Helpers for record layers (incidents, cameras, stations) shown in the inspector:
show one item as if clicked, zoom to it, keep its attributes fresh. GUI thread only."""

from __future__ import annotations

from typing import TYPE_CHECKING

from layers.base import Hit

if TYPE_CHECKING:
    from widgets.shell import FeatureShell

ZOOM_HALF_WIDTH_M = 3000.0


def show_item(shell: FeatureShell, layer_id: str, item_id: str) -> bool:
    """Show one item of a record layer in the inspector (as if it had been clicked)."""
    layer = next((lyr for lyr in shell.model.layers if lyr.layer_id == layer_id), None)
    store = getattr(layer, "store", None)
    row = store.row_of(item_id) if store is not None else None
    if layer is None or row is None:
        return False
    title, attributes = layer.describe(row)  # type: ignore[attr-defined]
    colours = layer.attribute_colours(row)  # type: ignore[attr-defined]
    shell.inspector.show_hits([Hit(layer_id, item_id, 0.0, title, attributes, colours)])
    return True


def keep_fresh(shell: FeatureShell, layer_id: str) -> None:
    """While an item of `layer_id` is shown in the inspector, refresh its attributes when
    its store changes (a status set by another operator must not stay stale on screen)."""
    layer = next((lyr for lyr in shell.model.layers if lyr.layer_id == layer_id), None)
    store = getattr(layer, "store", None)
    if layer is None or store is None:
        return

    def on_changed(ids: list[str]) -> None:
        changed = set(ids)
        for hit in list(shell.inspector.hits[:10]):
            row = store.row_of(hit.item_id)
            if hit.layer_id == layer_id and hit.item_id in changed and row is not None:
                title, attributes = layer.describe(row)  # type: ignore[attr-defined]
                colours = layer.attribute_colours(row)  # type: ignore[attr-defined]
                shell.inspector.update_hit(
                    Hit(layer_id, hit.item_id, hit.distance, title, attributes, colours)
                )

    store.changed.connect(on_changed)
    shell.on_close(lambda: store.changed.disconnect(on_changed))


def zoom_to(shell: FeatureShell, layer_id: str, item_id: str) -> None:
    """Centre the map on an item, zoomed to a street-level view, and inspect it."""
    layer = next((lyr for lyr in shell.model.layers if lyr.layer_id == layer_id), None)
    store = getattr(layer, "store", None)
    row = store.row_of(item_id) if store is not None else None
    if row is None:
        return
    x, y = float(store.x[row]), float(store.y[row])
    h = ZOOM_HALF_WIDTH_M
    shell.canvas.set_extent((x - h, y - h, x + h, y + h))
    show_item(shell, layer_id, item_id)
