"""A position typed (decimal degrees) or picked on the map, for the decision dialogs.

Two spin boxes (lat, lon) bounded to the province's sea and land (the backend checks the
full range again) and a "Pick on map" button; the dialog stays open and the map takes
the next click (widgets/shared/pick_point.py).

Signals: `pick_requested()`.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, Signal
from PySide6.QtWidgets import QDoubleSpinBox, QHBoxLayout, QPushButton, QWidget

from console.i18n import language

# wide enough for the fishing grounds (Hoàng Sa / Trường Sa) and the whole province
LAT_RANGE = (5.0, 20.0)
LON_RANGE = (102.0, 120.0)


def _spin(lo: float, hi: float, name: str) -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setObjectName(name)
    box.setDecimals(5)
    box.setRange(lo, hi)
    box.setSingleStep(0.01)
    box.setSuffix("°")
    if language() == "vi":  # decimal comma, as the bulletins write it
        box.setLocale(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
    else:
        box.setLocale(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    return box


class PositionField(QWidget):
    pick_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lat = _spin(*LAT_RANGE, "latitude")
        self.lon = _spin(*LON_RANGE, "longitude")
        self.lat.setPrefix(self.tr("N "))
        self.lon.setPrefix(self.tr("E "))
        self.lat.setToolTip(self.tr("Latitude (WGS84, decimal degrees)"))
        self.lon.setToolTip(self.tr("Longitude (WGS84, decimal degrees)"))
        self.pick = QPushButton(self.tr("Pick on map"))
        self.pick.setObjectName("pickOnMap")
        self.pick.setToolTip(self.tr("Click the position on the map (Esc cancels)"))
        self.pick.clicked.connect(self.pick_requested)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.lat)
        row.addWidget(self.lon)
        row.addWidget(self.pick)

    def set_position(self, lon: float, lat: float) -> None:
        self.lon.setValue(lon)
        self.lat.setValue(lat)

    def position(self) -> tuple[float, float]:
        """(lon, lat)."""
        return self.lon.value(), self.lat.value()
