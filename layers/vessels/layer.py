"""Vessel layer: binds the VesselStore to symbols by VMS state, tails and labels."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication

from console.live.clock import SourceClock
from console.model.freshness import VmsState, VmsThresholds
from console.stores.vessels import VesselStore
from console.timefmt import format_age, format_local
from layers.base import PointStyle
from layers.points import PointLayer

_tr = QCoreApplication.translate


class VesselLayer(PointLayer):
    """Styles are indexed by `VmsState` value."""

    tail_color = "#3d6a8f90"  # translucent: tails must not hide the symbols

    def __init__(self, store: VesselStore, clock: SourceClock, thresholds: VmsThresholds):
        super().__init__("vessels", _tr("VesselLayer", "Fishing vessels (VMS)"))
        self.store = store
        self.clock = clock
        self.thresholds = thresholds
        self.styles = (
            PointStyle(_tr("VesselLayer", "In port"), "s", 5, "#8d99a6", "#4d5661"),
            PointStyle(_tr("VesselLayer", "At sea, reporting"), "o", 6, "#1f9d55", "#0b3d20"),
            PointStyle(_tr("VesselLayer", "Late report (> 2 h)"), "d", 8, "#f2a600", "#5c3f00"),
            PointStyle(
                _tr("VesselLayer", "Signal lost (> 6 h)"), "t", 9, "#d62728", "#4d0000", 1.5
            ),
            PointStyle(
                _tr("VesselLayer", "Must return to port (> 10 days)"),
                "star",
                12,
                "#8e24aa",
                "#2d0036",
            ),
        )
        store.changed.connect(self._on_store_changed)

    def _on_store_changed(self, _ids: list[str]) -> None:
        self.changed.emit()

    def close(self) -> None:
        self.store.changed.disconnect(self._on_store_changed)

    def coords(self) -> tuple[np.ndarray, np.ndarray]:
        c = self.store.columns()
        return c["x"], c["y"]

    def classes(self) -> np.ndarray:
        c = self.store.columns()
        age = self.clock.now() - c["fix_time"]
        return self.thresholds.classify(age, c["in_port"])

    def item_id(self, row: int) -> str:
        return self.store.at(row).id

    def tails(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        return self.store.tail_polylines()

    def labels(self) -> list[str]:
        return [v.registration for v in self.store.records()]

    def describe(self, row: int) -> tuple[str, list[tuple[str, str]]]:
        v = self.store.at(row)
        state = VmsState(int(self.classes()[row]))
        age = self.clock.now() - v.fix_time
        status = (
            _tr("VesselLayer", "In port") if v.status == "in_port" else _tr("VesselLayer", "At sea")
        )
        return f"{v.registration} — {v.name}", [
            (_tr("VesselLayer", "Registration"), v.registration),
            (_tr("VesselLayer", "Name"), v.name),
            (_tr("VesselLayer", "Owner"), v.owner),
            (_tr("VesselLayer", "Length"), f"{v.length_m:.1f} m"),
            (_tr("VesselLayer", "Gear"), v.gear),
            (_tr("VesselLayer", "Home port"), v.home_port),
            (_tr("VesselLayer", "Status"), status),
            (_tr("VesselLayer", "VMS state"), self.styles[state.value].label),
            (_tr("VesselLayer", "Last fix"), format_local(v.fix_time)),
            (_tr("VesselLayer", "Fix age"), format_age(age)),
            (_tr("VesselLayer", "Position"), f"{v.lat:.4f}° N, {v.lon:.4f}° E"),
            (_tr("VesselLayer", "Speed"), f"{v.speed_kn:.1f} kn"),
            (_tr("VesselLayer", "Course"), f"{v.course_deg:.0f}°"),
        ]
