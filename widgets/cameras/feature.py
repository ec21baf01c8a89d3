"""Feature installer: the camera snapshot panel in the inspector."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from layers.base import Hit
from widgets.cameras.panel import CameraPanel
from widgets.record_items import keep_fresh

if TYPE_CHECKING:
    from widgets.shell import FeatureShell


def install(shell: FeatureShell) -> None:
    def factory(hit: Hit) -> QWidget | None:
        return CameraPanel(shell.app, hit.item_id)

    shell.inspector.register_panel("cameras", factory)
    keep_fresh(shell, "cameras")
