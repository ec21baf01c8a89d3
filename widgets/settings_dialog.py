"""Settings dialog: backend, token, refresh intervals, language, theme, font size, grid
(General), and the data sources with their health and credentials (Sources,
widgets/sources/settings_page.py).

Values are validated by the same rules as the settings file (`console.config_file`);
an invalid entry is named in the dialog, which stays open with everything the
operator typed. Saved settings go to the per-user TOML file; the token goes to the OS
keyring when one works, otherwise it is kept for this session only (never in a file).
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from console import config_file, secrets
from console.settings import Settings
from widgets.file_dialogs import start_path
from widgets.sources.settings_page import SourcesPage

_tr = QCoreApplication.translate


class SettingsDialog(QDialog):
    """Emits `accepted_settings(Settings)` with the validated new settings."""

    accepted_settings = Signal(object)

    def __init__(
        self, settings: Settings, parent: QWidget | None = None, health=None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self.settings = settings
        self.new_token: str | None = None
        self._create_fields(settings)
        self.error = QLabel()
        self.error.setObjectName("settingsError")
        self.error.setStyleSheet("color:#b00020; font-weight:bold;")
        self.error.setWordWrap(True)
        self.error.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.try_accept)
        buttons.rejected.connect(self.reject)
        self.sources = SourcesPage(settings.sources, health)
        self.tabs = QTabWidget()
        general = QWidget()
        general.setLayout(self._build_form())
        self.tabs.addTab(general, self.tr("General"))
        self.tabs.addTab(self.sources, self.tr("Sources"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _create_fields(self, settings: Settings) -> None:
        self.backend_url = QLineEdit(settings.backend_url or "")
        self.backend_url.setPlaceholderText(self.tr("empty: start the built-in demo backend"))
        self.token = QLineEdit()
        self.token.setEchoMode(QLineEdit.EchoMode.Password)
        self.token.setPlaceholderText(self.tr("unchanged"))
        where = (
            self.tr("stored in the system keyring")
            if secrets.keyring_available()
            else self.tr("no system keyring: kept for this session only, never in a file")
        )
        self.token_note = QLabel(where)
        self.token_note.setWordWrap(True)
        self.operator = QLineEdit(settings.operator)
        self.intervals: dict[str, QDoubleSpinBox] = {}
        for name in ("vessels", "stations", "cameras", "incidents"):
            box = QDoubleSpinBox()
            box.setRange(0.5, 600.0)
            box.setDecimals(1)
            box.setSuffix(" s")
            box.setValue(getattr(settings.poll, name))
            self.intervals[name] = box
        self.language = QComboBox()
        self.language.addItem("Tiếng Việt", "vi")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(0 if settings.language == "vi" else 1)
        self.theme = QComboBox()
        self.theme.addItem(self.tr("Light"), "light")
        self.theme.addItem(self.tr("Dark (control room)"), "dark")
        self.theme.setCurrentIndex(0 if settings.theme == "light" else 1)
        self.font_scale = QDoubleSpinBox()
        self.font_scale.setRange(0.75, 2.5)
        self.font_scale.setSingleStep(0.25)
        self.font_scale.setValue(settings.font_scale)
        self.grid = QLineEdit(settings.local_grid_crs)
        self.unit = QComboBox()
        self.unit.addItem(self.tr("Kilometres"), "km")
        self.unit.addItem(self.tr("Nautical miles"), "nm")
        self.unit.setCurrentIndex(0 if settings.distance_unit == "km" else 1)
        self.rules_file = self._file_field(settings.rules_file, self.tr("Rules (*.json)"))
        self.zones_file = self._file_field(
            settings.zones_file, self.tr("Zones (*.geojson *.json *.gpkg)")
        )

    def _file_field(self, value: str | None, pattern: str) -> QLineEdit:
        """A path box with a Browse… action; empty means the shipped default."""
        field = QLineEdit(value or "")
        field.setPlaceholderText(self.tr("empty: the shipped file"))
        browse = field.addAction(
            self.style().standardIcon(self.style().StandardPixmap.SP_DirOpenIcon),
            QLineEdit.ActionPosition.TrailingPosition,
        )
        browse.setToolTip(self.tr("Browse…"))

        def pick() -> None:
            path, _ = QFileDialog.getOpenFileName(
                self, self.tr("Choose a file"), start_path(), pattern
            )
            if path:
                field.setText(path)

        browse.triggered.connect(pick)
        return field

    def _build_form(self) -> QFormLayout:
        form = QFormLayout()
        form.addRow(self.tr("Backend URL"), self.backend_url)
        form.addRow(self.tr("Access token"), self.token)
        form.addRow("", self.token_note)
        form.addRow(self.tr("Operator name"), self.operator)
        form.addRow(self.tr("Vessel refresh"), self.intervals["vessels"])
        form.addRow(self.tr("Station refresh"), self.intervals["stations"])
        form.addRow(self.tr("Camera refresh"), self.intervals["cameras"])
        form.addRow(self.tr("Incident refresh"), self.intervals["incidents"])
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.tr("Theme"), self.theme)
        form.addRow(self.tr("Font size"), self.font_scale)
        form.addRow(self.tr("Local grid (EPSG)"), self.grid)
        form.addRow(self.tr("Distances"), self.unit)
        form.addRow(self.tr("Alert thresholds file"), self.rules_file)
        form.addRow(self.tr("Zones file"), self.zones_file)
        return form

    def collected(self) -> dict:
        return {
            "backend_url": self.backend_url.text().strip() or None,
            "operator": self.operator.text().strip(),
            "language": self.language.currentData(),
            "theme": self.theme.currentData(),
            "font_scale": self.font_scale.value(),
            "local_grid_crs": self.grid.text().strip(),
            "distance_unit": self.unit.currentData(),
            "rules_file": self.rules_file.text().strip() or None,
            "zones_file": self.zones_file.text().strip() or None,
            "poll": {name: box.value() for name, box in self.intervals.items()},
            "sources": self.sources.entries(),
        }

    def try_accept(self) -> None:
        data = self.collected()
        errors = []
        if not data["operator"]:
            errors.append(self.tr("Operator name must not be empty."))
        if data["backend_url"] is None:
            data.pop("backend_url")
            base = replace(self.settings, backend_url=None)
        else:
            base = self.settings
        new, problems = config_file.apply_overrides(base, data)
        errors += problems
        if errors:
            self.error.setText(self.tr("Not saved:") + "\n" + "\n".join(errors))
            self.error.show()
            return
        self.new_token = self.token.text() or None
        self.sources.store_credentials()
        self.settings = new
        self.accepted_settings.emit(new)
        self.accept()


def install(shell) -> None:
    action = QAction(_tr("SettingsDialog", "&Settings…"), shell.widget)
    action.setShortcut(QKeySequence("Ctrl+,"))

    def open_dialog() -> None:
        dialog = SettingsDialog(shell.app.settings, shell.widget, shell.app.health)
        dialog.accepted_settings.connect(lambda s: shell.apply_settings(s, dialog.new_token))
        dialog.open()

    action.triggered.connect(open_dialog)
    shell.menus["file"].insertAction(shell.menus["file"].actions()[0], action)
