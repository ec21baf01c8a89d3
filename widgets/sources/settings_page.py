"""The Settings dialog's Sources page: one row per data source (kind, name, URL, refresh,
on/off) with its health, and its credentials.

The rows are the settings' `sources` list (console/sources/registry.py), validated with
the same rules as the settings file when the dialog is saved. Credentials typed here go
to the OS keyring on Save (console/secrets.py; with no keyring, memory for this session
only) and are never shown again, written to the settings file or logged.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console import secrets
from console.sources.health import HealthBoard, HealthState
from console.sources.registry import KIND_NAMES, SourceEntry, health_key, kind_of
from console.timefmt import format_age

COLUMNS = ("enabled", "kind", "name", "url", "interval", "health")


class CredentialsDialog(QDialog):
    """User name and password, or a token, for one source (fields start empty)."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sourceCredentialsDialog")
        self.setWindowTitle(self.tr("Credentials — %1").replace("%1", title))
        self.user = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.token = QLineEdit()
        self.token.setEchoMode(QLineEdit.EchoMode.Password)
        where = (
            self.tr("Stored in the system keyring.")
            if secrets.keyring_available()
            else self.tr("No system keyring: kept for this session only, never in a file.")
        )
        form = QFormLayout(self)
        form.addRow(self.tr("User name"), self.user)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("or token"), self.token)
        form.addRow("", QLabel(where))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def credentials(self) -> secrets.Credentials:
        return secrets.Credentials(
            self.user.text().strip() or None,
            self.password.text() or None,
            self.token.text() or None,
        )


class SourcesPage(QWidget):
    """Edits the source list; `entries()` gives the rows as settings-file tables."""

    def __init__(
        self,
        entries: tuple[SourceEntry, ...],
        health: HealthBoard | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("sourcesPage")
        self.health = health
        self.pending_credentials: dict[tuple[str, str], secrets.Credentials] = {}
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("sourcesTable")
        self.table.setHorizontalHeaderLabels([
            self.tr("On"), self.tr("Kind"), self.tr("Name"), self.tr("Address"),
            self.tr("Refresh (s)"), self.tr("Health"),
        ])
        header = self.table.horizontalHeader()
        for column in ("enabled", "interval", "health"):
            header.setSectionResizeMode(
                COLUMNS.index(column), QHeaderView.ResizeMode.ResizeToContents
            )
        header.setSectionResizeMode(COLUMNS.index("url"), QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(COLUMNS.index("kind"), 170)
        self.table.setColumnWidth(COLUMNS.index("name"), 190)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        for entry in entries:
            self.add_row(entry)
        add = QPushButton(self.tr("Add"))
        add.clicked.connect(lambda: self.add_row(None))
        remove = QPushButton(self.tr("Remove"))
        remove.clicked.connect(self.remove_selected)
        credentials = QPushButton(self.tr("Credentials…"))
        credentials.setObjectName("sourceCredentials")
        credentials.clicked.connect(self.edit_credentials)
        buttons = QHBoxLayout()
        for button in (add, remove, credentials):
            buttons.addWidget(button)
        buttons.addStretch(1)
        note = QLabel(self.tr(
            "Feature servers: a collection address (…/collections/ID) becomes a map layer; "
            "a server address is offered in Layer › Add layers from server…. Empty refresh: "
            "the kind's default. User names, passwords and tokens go to the system keyring, "
            "never to the settings file."
        ))
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(note)
        self.refresh_health()
        if health is not None:
            health.changed.connect(self.refresh_health)

    def kind_title(self, name: str) -> str:
        kind = kind_of(name)
        if kind is not None:
            return kind.title()
        return self.tr("%1 (not available in this version)").replace("%1", name)

    def add_row(self, entry: SourceEntry | None) -> int:
        entry = entry or SourceEntry("ogcapi-features", "", "")
        row = self.table.rowCount()
        self.table.insertRow(row)
        enabled = QTableWidgetItem()
        enabled.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
        enabled.setCheckState(Qt.CheckState.Checked if entry.enabled else Qt.CheckState.Unchecked)
        self.table.setItem(row, COLUMNS.index("enabled"), enabled)
        kinds = QComboBox()
        for name in KIND_NAMES:
            kinds.addItem(self.kind_title(name), name)
        kinds.setCurrentIndex(KIND_NAMES.index(entry.kind))
        self.table.setCellWidget(row, COLUMNS.index("kind"), kinds)
        self.table.setItem(row, COLUMNS.index("name"), QTableWidgetItem(entry.name))
        self.table.setItem(row, COLUMNS.index("url"), QTableWidgetItem(entry.url))
        interval = "" if entry.interval_s is None else f"{entry.interval_s:g}"
        self.table.setItem(row, COLUMNS.index("interval"), QTableWidgetItem(interval))
        health = QTableWidgetItem()
        health.setFlags(Qt.ItemFlag.ItemIsEnabled)
        self.table.setItem(row, COLUMNS.index("health"), health)
        return row

    def remove_selected(self) -> None:
        for row in sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True):
            self.table.removeRow(row)

    def _cell(self, row: int, column: str) -> str:
        item = self.table.item(row, COLUMNS.index(column))
        return item.text().strip() if item is not None else ""

    def _kind(self, row: int) -> str:
        return self.table.cellWidget(row, COLUMNS.index("kind")).currentData()

    def entries(self) -> list[dict[str, object]]:
        """The rows as `[[sources]]` tables (validated by the caller)."""
        out: list[dict[str, object]] = []
        for row in range(self.table.rowCount()):
            checked = self.table.item(row, COLUMNS.index("enabled")).checkState()
            item: dict[str, object] = {
                "kind": self._kind(row),
                "name": self._cell(row, "name"),
                "url": self._cell(row, "url"),
                "enabled": checked == Qt.CheckState.Checked,
            }
            interval = self._cell(row, "interval").replace(",", ".")
            if interval:
                try:
                    item["interval_s"] = float(interval)
                except ValueError:
                    item["interval_s"] = interval  # named as invalid by the validation
            out.append(item)
        return out

    def health_text(self, entry: SourceEntry) -> tuple[str, str]:
        """The health cell of one entry: (text, tooltip)."""
        if not entry.enabled:
            return self.tr("off"), ""
        health = self.health.get(health_key(entry)) if self.health is not None else None
        if health is None:
            return self.tr("not running"), ""
        if health.state is HealthState.FAILING:
            text = self.tr("failing (errors: %1)").replace("%1", str(health.error_count))
        elif health.state is HealthState.WAITING:
            text = self.tr("waiting for data")
        else:
            text = self.tr("OK, data %1 ago").replace("%1", format_age(health.age() or 0.0))
        return text, health.last_error or ""

    def refresh_health(self, *_args: object) -> None:
        for row, item in enumerate(self.entries()):
            entry = SourceEntry(
                str(item["kind"]), str(item["name"]), str(item["url"]), bool(item["enabled"])
            )
            text, tip = self.health_text(entry)
            cell = self.table.item(row, COLUMNS.index("health"))
            cell.setText(text)
            cell.setToolTip(tip)

    def edit_credentials(self) -> None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()})
        if not rows:
            return
        row = rows[0]
        kind, url = self._kind(row), self._cell(row, "url")
        if not url:
            return
        dialog = CredentialsDialog(self._cell(row, "name") or url, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            registered = kind_of(kind)
            if registered is not None and registered.normalize_url is not None:
                url = registered.normalize_url(url)
            self.pending_credentials[(kind, url)] = dialog.credentials()

    def store_credentials(self) -> bool:
        """Write what was typed to the keyring (on Save); False when some could be kept
        for this session only."""
        stored = True
        for (kind, url), credentials in self.pending_credentials.items():
            stored &= secrets.store_credentials(kind, url, credentials)
        self.pending_credentials.clear()
        return stored
