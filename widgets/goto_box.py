"""The "Go to" box of the toolbar: a coordinate (decimal degrees, D°M′S″, or the site's
VN-2000 grid, X north, Y east) or a place name — town, port, island, station, vessel by
registration, commune or ward (xã, phường; its name since July 2025 or a former one) —
typed with or without diacritics, with suggestions as one types. Enter
(or a suggestion picked) centres the map there; a coordinate or a place gets a marker,
a station, camera or vessel is selected (the map rings it, the inspector shows it).
An entry that is neither says why, in the box's tooltip and the status bar.

The places come from `places()` (set by the installer: the basemap's labels and the live
stores, see console/place_index.py), asked when the operator types, so vessels that
arrived since are found.

Signals: `went_to(float, float)`: WGS84 lon, lat of the accepted coordinate or place;
`rejected(str)`: why an entry was refused; `object_chosen(str, str)`: layer id, item id.
"""

from __future__ import annotations

from collections.abc import Callable

import pyqtgraph as pg
from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QCompleter, QLineEdit, QToolTip

from console.geo.coords import CoordinateError, parse_coordinate
from console.geo.crs import lonlat_to_map_scalar, map_to_lonlat
from console.place_index import Place, PlaceIndex
from layers._draw.qt_style import pen
from widgets.map_canvas import MapCanvas

GOTO_SPAN_M = 5000.0
SUGGESTIONS = 12

Locate = Callable[[Place], "tuple[float, float] | None"]


class GotoBox(QLineEdit):
    went_to = Signal(float, float)
    rejected = Signal(str)
    object_chosen = Signal(str, str)

    def __init__(self, canvas: MapCanvas, grid_crs: str, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("gotoBox")
        self.canvas = canvas
        self.grid_crs = grid_crs
        self.setPlaceholderText(
            self.tr("Go to: place, station, vessel or 13.7765, 109.2237 · X…, Y…")
        )
        self.setMinimumWidth(320)
        self.setClearButtonEnabled(True)
        self.marker = pg.ScatterPlotItem(
            size=16, symbol="+", pen=pen("#c2185b", 3.0), brush=QColor("#c2185b")
        )
        self.marker.setZValue(1e6)
        self._marker_shown = False
        self.places: Callable[[], PlaceIndex] = lambda: PlaceIndex([])
        self.locate: Locate = lambda p: (p.x, p.y) if p.x is not None else None
        self._suggested: dict[str, Place] = {}
        self._kinds = {
            "city": self.tr("city"),
            "town": self.tr("town"),
            "ward": self.tr("ward"),
            "commune": self.tr("commune"),
            "special_zone": self.tr("special zone"),
            "former_ward": self.tr("former ward"),
            "former_commune": self.tr("former commune"),
            "former_township": self.tr("former township"),
            "port": self.tr("fishing port"),
            "island": self.tr("island"),
            "archipelago": self.tr("archipelago"),
            "station": self.tr("station"),
            "camera": self.tr("camera"),
            "vessel": self.tr("vessel"),
        }
        self.suggestions = QStringListModel(self)
        self.completer_ = QCompleter(self.suggestions, self)
        # the index has already matched (accent-insensitive): show its list as it is
        self.completer_.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer_.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer_.setMaxVisibleItems(SUGGESTIONS)
        self.completer_.setWidget(self)
        self.completer_.activated.connect(self._on_suggestion)
        self.textEdited.connect(self._suggest)
        self.returnPressed.connect(self.go)

    # --- suggestions ----------------------------------------------------------------------

    def suggestion_text(self, p: Place) -> str:
        """The name, its kind and what tells apart places of one name (a town and a ward,
        a former commune and where it went): "Cát Tiến — xã (huyện Phù Cát cũ)"."""
        text = f"{p.label} — {self._kinds.get(p.kind, p.kind)}"
        return f"{text} ({p.context})" if p.context else text

    def _suggest(self, text: str) -> None:
        self._clear_error()
        if _looks_like_coordinate(text):
            self.completer_.popup().hide()
            return
        found = self.places().suggest(text, SUGGESTIONS)
        self._suggested = {self.suggestion_text(p): p for p in found}
        self.suggestions.setStringList(list(self._suggested))
        if found:
            self.completer_.complete()
        else:
            self.completer_.popup().hide()

    def _on_suggestion(self, text: str) -> None:
        chosen = self._suggested.get(text)
        if chosen is not None:
            self.setText(chosen.label)
            self.go_to_place(chosen)

    # --- going ----------------------------------------------------------------------------

    def go(self) -> bool:
        """Enter: a coordinate, else a place name; else say why nothing happened."""
        text = self.text().strip()
        if self.completer_.popup().isVisible():
            self.completer_.popup().hide()
        if not text:
            return False
        try:
            parsed = parse_coordinate(text, self.grid_crs)
        except CoordinateError as exc:
            chosen = self._suggested.get(text) or self.places().resolve(text)
            if chosen is not None:
                return self.go_to_place(chosen)
            if _looks_like_coordinate(text):
                reason = self.tr("Not a coordinate: %1").replace("%1", str(exc))
            else:
                reason = self.tr(
                    "No place, station or vessel is called “%1” (a coordinate looks like "
                    "13.7765, 109.2237)"
                ).replace("%1", text)
            self._show_error(reason)
            return False
        self._clear_error()
        x, y = lonlat_to_map_scalar(parsed.lon, parsed.lat)
        self._centre(x, y, marker=True)
        self.went_to.emit(parsed.lon, parsed.lat)
        return True

    def go_to_place(self, p: Place) -> bool:
        position = self.locate(p)
        if position is None:
            self._show_error(self.tr("%1 has no known position").replace("%1", p.label))
            return False
        self._clear_error()
        x, y = position
        # an object is ringed when selected; a commune is shown whole
        self._centre(x, y, marker=p.layer_id is None, span=p.span_m or GOTO_SPAN_M)
        if p.layer_id is not None and p.item_id is not None:
            self.object_chosen.emit(p.layer_id, p.item_id)
        lon, lat = map_to_lonlat(x, y)
        self.went_to.emit(float(lon), float(lat))
        return True

    def _centre(self, x: float, y: float, marker: bool, span: float = GOTO_SPAN_M) -> None:
        half = span / 2
        self.canvas.set_extent((x - half, y - half, x + half, y + half), padding=0)
        if not self._marker_shown:
            self.canvas.view.addItem(self.marker)
            self._marker_shown = True
        self.marker.setData([x] if marker else [], [y] if marker else [])

    def _show_error(self, reason: str) -> None:
        self.setToolTip(reason)
        self.setStyleSheet("QLineEdit { background: #fde2e1; color: #202020; }")
        QToolTip.showText(self.mapToGlobal(self.rect().bottomLeft()), reason, self)
        self.rejected.emit(reason)

    def _clear_error(self) -> None:
        if self.toolTip():
            self.setStyleSheet("")
            self.setToolTip("")


def _looks_like_coordinate(text: str) -> bool:
    """Digits with at most a few letters (N, E, X, Y, °): a coordinate being typed."""
    letters = [c for c in text if c.isalpha()]
    digits = sum(c.isdigit() for c in text)
    return digits >= 2 and len(letters) <= 4 and all(c in "NSEWXYnsewxy" for c in letters)
