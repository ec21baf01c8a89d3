"""A small dialog to choose a station by name or code (for compare and Tools menu)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from console.model.station import Station
from console.stores.records import RecordStore

_tr = QCoreApplication.translate
KIND_ORDER = {"water_level": 0, "reservoir": 1, "rain": 2}


def station_choices(store: RecordStore[Station], exclude: set[str]) -> list[Station]:
    stations = [s for s in store.records() if s.id not in exclude]
    return sorted(stations, key=lambda s: (KIND_ORDER.get(s.kind, 9), s.name))


def pick_station(
    parent: QWidget, store: RecordStore[Station], exclude: set[str] | None = None
) -> Station | None:
    """Modal: returns the chosen station, or None when cancelled / none available."""
    choices = station_choices(store, exclude or set())
    if not choices:
        return None
    dialog = QDialog(parent)
    dialog.setWindowTitle(_tr("StationPicker", "Choose a station"))
    combo = QComboBox(dialog)
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    kinds = {
        "water_level": _tr("StationPicker", "water level"),
        "reservoir": _tr("StationPicker", "reservoir"),
        "rain": _tr("StationPicker", "rain"),
    }
    for s in choices:
        combo.addItem(f"{s.name} — {s.code} ({kinds.get(s.kind, s.kind)})", s.id)
    completer = combo.completer()
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(combo)
    layout.addWidget(buttons)
    dialog.resize(420, 90)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return store.get(combo.currentData())
