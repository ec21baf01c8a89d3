"""Vessel layer: binds the VesselStore to symbols by VMS state, tails and labels."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from PySide6.QtCore import QCoreApplication

from console import bulletin
from console.live.clock import SourceClock
from console.model.freshness import (
    SOURCE_BITS,
    FreshnessPolicy,
    VesselSource,
    VmsState,
    VmsThresholds,
)
from console.stores.vessels import VesselStore
from console.symbology import VESSEL, VESSEL_CLUSTER, VESSEL_TAIL, VIOLATION_RING
from console.timefmt import format_age, format_local
from layers.base import PointStyle
from layers.points import PointLayer
from layers.vessels.symbols import SymbolStyle

_tr = QCoreApplication.translate


# drawn symbols per VmsState value; colours from console.symbology (the one style source
# of exports too). Each state comes in three source variants: VMS only (arrow), AIS only
# (the plain triangle of AIS displays, IEC 62288), both (arrow with a centre dot). Drawn
# class = 3 * state + variant (+ VIOLATION_OFFSET with a violation ring): ordered by
# state first, so "the most severe wins" when the renderer declutters by class.
_SHAPES = (("square", 8), ("arrow", 13), ("arrow_bar", 14), ("hollow", 15), ("diamond", 16))
SYMBOLS = tuple(
    SymbolStyle(shape, size, VESSEL[state].fill, VESSEL[state].outline)
    for state, (shape, size) in enumerate(_SHAPES)
)
VARIANTS = ("vms", "ais", "both")
ALL_SYMBOLS = tuple(
    SymbolStyle(s.shape, s.size, s.fill, s.outline, variant=variant)
    for s in SYMBOLS
    for variant in VARIANTS
)
VIOLATION_OFFSET = len(ALL_SYMBOLS)
_VMS_BIT = int(SOURCE_BITS[VesselSource.VMS])
_AIS_BITS = int(SOURCE_BITS[VesselSource.AIS_A] | SOURCE_BITS[VesselSource.AIS_B])
# variant per source bitmask (0..7): no bit yet counts as VMS
_VARIANT_OF = np.array(
    [0 if not m & _AIS_BITS else (2 if m & _VMS_BIT else 1) for m in range(8)], dtype=np.int64
)


def source_label(mask: int) -> str:
    """"VMS", "AIS A", "AIS B", "VMS + AIS A" ... for a row's source bitmask (lists,
    inspector): which systems reported this vessel."""
    names = []
    if mask & _VMS_BIT or not mask:
        names.append(_tr("VesselLayer", "VMS"))
    if mask & int(SOURCE_BITS[VesselSource.AIS_A]):
        names.append(_tr("VesselLayer", "AIS A"))
    if mask & int(SOURCE_BITS[VesselSource.AIS_B]):
        names.append(_tr("VesselLayer", "AIS B"))
    return " + ".join(names)


def source_variant(sources: np.ndarray) -> np.ndarray:
    """0 VMS only, 1 AIS only, 2 both, per row's source bitmask."""
    return _VARIANT_OF[sources & 7]


class VesselLayer(PointLayer):
    """Styles are indexed by `VmsState` value (legend); drawn symbols add +5 for vessels
    that violate a zone rule (`violations`, set from the rules engine)."""

    tail_color = VESSEL_TAIL
    # Most symbols drawn per frame, or None for every vessel in view. Beyond ~6,000 the
    # view is a carpet of ~13 px symbols: thinning (the most severe per screen cell wins,
    # a halo marks a symbol that stands for several vessels) costs nothing to read, and
    # lost-signal and late vessels stand out better than in a denser carpet.
    symbol_budget: int | None = 6_000
    show_tails = True
    label_min_px_per_km = 20.0

    def __init__(
        self,
        store: VesselStore,
        clock: SourceClock,
        thresholds: VmsThresholds | FreshnessPolicy,
        violations: Callable[[], np.ndarray] | None = None,
        label_min_px_per_km: float | None = None,
    ) -> None:
        """`violations` (the rules engine's bool per row) and `label_min_px_per_km` (the
        rules file's label scale) are the rule bindings, passed in by the map model."""
        super().__init__("vessels", _tr("VesselLayer", "Vessels (VMS, AIS)"))
        self.store = store
        self.clock = clock
        self.policy = FreshnessPolicy.of(thresholds)  # per source, applied per vessel
        labels = (
            (_tr("VesselLayer", "In port"), "s", 5, 1.0),
            (_tr("VesselLayer", "At sea, reporting"), "o", 6, 1.0),
            (_tr("VesselLayer", "Late report (> 2 h)"), "d", 8, 1.0),
            (_tr("VesselLayer", "Signal lost (> 6 h)"), "t", 9, 1.5),
            (_tr("VesselLayer", "Must return to port (> 10 days)"), "star", 12, 1.0),
        )
        self.styles = tuple(
            PointStyle(label, symbol, size, VESSEL[state].fill, VESSEL[state].outline, width)
            for state, (label, symbol, size, width) in enumerate(labels)
        )
        self.styles = (
            *self.styles,
            PointStyle(
                _tr("VesselLayer", "Violating a zone rule"),
                "o",
                12,
                "#ffffff00",
                VIOLATION_RING,
                2.5,
            ),
            PointStyle(
                _tr("VesselLayer", "Several vessels here (the most severe is shown)"),
                "o",
                12,
                VESSEL_CLUSTER.fill,
                VESSEL_CLUSTER.outline,
                1.0,
            ),
            PointStyle(
                _tr("VesselLayer", "AIS target, no VMS (black outline)"),
                "t1",
                11,
                VESSEL[VmsState.FRESH.value].fill,
                "#000000",
                1.6,
            ),
            PointStyle(
                _tr("VesselLayer", "Seen by VMS and AIS (white dot)"),
                "o",
                6,
                "#ffffff",
                "#000000",
                1.2,
            ),
        )
        self.violations = violations  # callable -> bool array per row, or None
        if label_min_px_per_km is not None:
            self.label_min_px_per_km = label_min_px_per_km
        self._labels: list[str] | None = None
        self._marked_for: object = None  # the store change this layer last redrew for
        store.changed.connect(self._on_store_changed)

    def _on_store_changed(self, change: object) -> None:
        self._labels = None
        self._mark_dirty(change)

    def on_violations_changed(self, cause: object = None) -> None:
        """Slot for the rules' `violations_changed(cause)`: redraw, once per ingest (an
        ingest that changed the violations also changed the store, whichever slot runs
        first)."""
        self._mark_dirty(cause)

    def _mark_dirty(self, cause: object) -> None:
        if cause is not None and cause is self._marked_for:
            return
        self._marked_for = cause
        self.changed.emit()

    # --- what the fleet renderer draws ----------------------------------------------------

    def symbol_styles(self) -> list[SymbolStyle]:
        ringed = [
            SymbolStyle(s.shape, s.size, s.fill, s.outline, VIOLATION_RING, s.variant)
            for s in ALL_SYMBOLS
        ]
        return [*ALL_SYMBOLS, *ringed]

    def symbol_classes(self) -> np.ndarray:
        cls = self.classes().astype(np.int64) * len(VARIANTS)
        if len(self.store.present) > 1:  # AIS in the store: the source variant
            cls += source_variant(self.store.sources[: len(cls)])
        if self.violations is not None:
            v = self.violations()
            if len(v) == len(cls):
                cls = cls + VIOLATION_OFFSET * v
        return cls

    def headings(self) -> np.ndarray:
        return self.store.columns()["course"]

    def label_texts(self) -> list[str]:
        if self._labels is None:
            self._labels = [v.registration for v in self.store.records()]
        return self._labels

    def labels_visible(self, px_per_map_unit: float) -> bool:
        return px_per_map_unit * 1000.0 >= self.label_min_px_per_km

    def tail_lengths(self, rows: np.ndarray) -> np.ndarray:
        """How many fixes each of `rows`' tails holds."""
        return self.store.tail_len[rows]

    def tail_grid(self, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Tails of `rows` as (m, k) arrays oldest..newest plus a validity mask."""
        k = self.store.tail_length
        if k < 2:
            return np.empty((0, k)), np.empty((0, k)), np.empty((0, k), dtype=bool)
        return self.store.tail_grid(rows)

    def close(self) -> None:
        self.store.changed.disconnect(self._on_store_changed)

    def coords(self) -> tuple[np.ndarray, np.ndarray]:
        c = self.store.columns()
        return c["x"], c["y"]

    def classes(self) -> np.ndarray:
        return self.store.states(self.clock.now(), self.policy)

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
            (_tr("VesselLayer", "Length"), bulletin.quantity(v.length_m, "m", 1)),
            (_tr("VesselLayer", "Gear"), v.gear),
            (_tr("VesselLayer", "Home port"), v.home_port),
            (_tr("VesselLayer", "Status"), status),
            (_tr("VesselLayer", "Sources"), source_label(int(self.store.sources[row]))),
            *(
                [(_tr("VesselLayer", "MMSI"), str(int(self.store.mmsi[row])))]
                if self.store.mmsi[row]
                else []
            ),
            (_tr("VesselLayer", "VMS state"), self.styles[state.value].label),
            (_tr("VesselLayer", "Last fix"), format_local(v.fix_time)),
            (_tr("VesselLayer", "Fix age"), format_age(age)),
            (
                _tr("VesselLayer", "Position"),
                f"{bulletin.number(v.lat, 4)}° N, {bulletin.number(v.lon, 4)}° E",
            ),
            (_tr("VesselLayer", "Speed"), bulletin.quantity(v.speed_kn, "kn", 1)),
            (_tr("VesselLayer", "Course"), f"{v.course_deg:.0f}°"),
        ]
