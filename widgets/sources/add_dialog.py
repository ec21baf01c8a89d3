"""Layer › Add from server…: list an OGC API – Features server's collections and add
the chosen ones as map layers.

The server list is read on a worker (the dialog stays responsive while a slow or dead
server times out); a failure is said in the dialog in the operator's words, the detail
in its tooltip and the log. The last servers used are remembered (a small JSON file in
the user's config folder) and offered with the feature servers of the Sources settings.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

import platformdirs
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console import secrets
from console.sources.http import HttpSettings
from console.sources.ogc_features import (
    CollectionInfo,
    FeaturesClient,
    describe,
    service_root,
)
from widgets.sources.feature_service import DEFAULT_REFRESH_S, KIND
from widgets.sources.problem_text import source_sentence

log = logging.getLogger(__name__)
MAX_REMEMBERED = 10


def recent_path() -> Path:
    return Path(platformdirs.user_config_dir("ioc-console", appauthor=False)) / (
        "feature_servers.json"
    )


def remembered_servers() -> list[str]:
    try:
        data = json.loads(recent_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    if not isinstance(data, list):
        return []
    return [u for u in data if isinstance(u, str)][:MAX_REMEMBERED]


def remember_server(url: str) -> None:
    urls = [url] + [u for u in remembered_servers() if u != url]
    path = recent_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(urls[:MAX_REMEMBERED], indent=1), encoding="utf-8")
    except OSError as exc:  # not remembering is no reason to stop the operator
        log.warning("could not remember feature server: %s", exc)


def list_collections(url: str, http: HttpSettings) -> list[CollectionInfo]:
    """Worker thread: the server's feature collections (with the server's credentials,
    when the operator gave some: keyring, or this session's memory)."""
    client = FeaturesClient(url, http, secrets.load_credentials(KIND, service_root(url)))
    try:
        return client.collections()
    finally:
        client.close()


class AddFromServerDialog(QDialog):
    """Emits `add_requested(list, object)`: the chosen collection URLs and the refresh
    interval in seconds (None: only when the view moves)."""

    add_requested = Signal(list, object)
    COLUMNS = 3

    def __init__(self, shell, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("addFromServerDialog")
        self.setWindowTitle(self.tr("Add layers from a feature server"))
        self.shell = shell
        self.url = QComboBox()
        self.url.setEditable(True)
        self.url.setObjectName("serverUrl")
        self.url.lineEdit().setPlaceholderText("https://…/ogcapi")
        for url in self._known_servers():
            self.url.addItem(url)
        self.list_button = QPushButton(self.tr("List collections"))
        self.list_button.setObjectName("listCollections")
        self.list_button.clicked.connect(self.list_collections)
        self.url.lineEdit().returnPressed.connect(self.list_collections)
        self.credentials_button = QPushButton(self.tr("Credentials…"))
        self.credentials_button.setObjectName("serverCredentials")
        self.credentials_button.clicked.connect(self.edit_credentials)
        self.collections = QTreeWidget()
        self.collections.setObjectName("collectionList")
        self.collections.setColumnCount(self.COLUMNS)
        self.collections.setHeaderLabels([self.tr("Title"), self.tr("Id"), self.tr("Features")])
        self.collections.setSelectionMode(QTreeWidget.SelectionMode.ExtendedSelection)
        self.collections.setRootIsDecorated(False)
        self.collections.itemDoubleClicked.connect(lambda *_a: self.add_selected())
        self.refresh = QDoubleSpinBox()
        self.refresh.setRange(0, 86400)
        self.refresh.setDecimals(0)
        self.refresh.setSuffix(" s")
        self.refresh.setSpecialValueText(self.tr("only when the view moves"))
        self.refresh.setValue(DEFAULT_REFRESH_S)
        self.status = QLabel()
        self.status.setObjectName("serverStatus")
        self.status.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.add_button = buttons.addButton(
            self.tr("Add to map"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.add_button.setObjectName("addCollections")
        self.add_button.setEnabled(False)
        self.add_button.clicked.connect(self.add_selected)
        buttons.rejected.connect(self.reject)
        self.collections.itemSelectionChanged.connect(
            lambda: self.add_button.setEnabled(bool(self.collections.selectedItems()))
        )
        self._lay_out(buttons)
        self.resize(640, 460)
        self._infos: list[CollectionInfo] = []

    def _lay_out(self, buttons: QDialogButtonBox) -> None:
        row = QHBoxLayout()
        row.addWidget(self.url, 1)
        row.addWidget(self.list_button)
        row.addWidget(self.credentials_button)
        form = QFormLayout()
        form.addRow(self.tr("Refresh every"), self.refresh)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Server address (OGC API – Features landing page)")))
        layout.addLayout(row)
        layout.addWidget(self.collections, 1)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(buttons)

    def _known_servers(self) -> list[str]:
        configured = [
            e.url for e in self.shell.app.settings.sources if e.kind == KIND
        ]
        urls: list[str] = []
        for url in remembered_servers() + configured:
            if url not in urls:
                urls.append(url)
        return urls

    def _say(self, text: str, error: bool = False, detail: str = "") -> None:
        self.status.setStyleSheet("color:#b00020; font-weight:bold;" if error else "")
        self.status.setText(text)
        self.status.setToolTip(detail)

    def list_collections(self) -> None:
        """Ask the server for its collections (worker); the dialog stays usable."""
        url = self.url.currentText().strip()
        if not url.startswith(("http://", "https://")):
            self._say(self.tr("Type the server's address, starting with http:// or https://."),
                      error=True)
            return
        self.collections.clear()
        self._infos = []
        self.list_button.setEnabled(False)
        self._say(self.tr("Asking %1 for its collections…").replace("%1", url))
        http = self.shell.app.settings.http
        self.shell.app.runner.submit(
            "add-from-server",
            lambda: list_collections(url, http),
            lambda infos: self._listed(url, infos),
            lambda exc: self._failed(url, exc),
        )

    def edit_credentials(self) -> None:
        """User name and password, or a token, for this server: to the keyring (or this
        session's memory), used for listing and for every layer from the server."""
        from widgets.sources.settings_page import CredentialsDialog

        url = self.url.currentText().strip()
        try:
            root = service_root(url)
        except ValueError:
            self._say(self.tr("Type the server's address, starting with http:// or https://."),
                      error=True)
            return
        dialog = CredentialsDialog(root, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            secrets.store_credentials(KIND, root, dialog.credentials())

    def _listed(self, url: str, infos: list[CollectionInfo]) -> None:
        self.list_button.setEnabled(True)
        self._infos = infos
        remember_server(url)
        for info in infos:
            count = "—" if info.item_count is None else str(info.item_count)
            item = QTreeWidgetItem([info.title, info.ref.collection_id, count])
            item.setData(0, Qt.ItemDataRole.UserRole, info.ref.url)
            item.setToolTip(0, info.description or info.title)
            self.collections.addTopLevelItem(item)
        for column in range(self.COLUMNS):
            self.collections.resizeColumnToContents(column)
        if infos:
            self._say(self.tr("%1 collections. Choose one or more and add them to the map.")
                      .replace("%1", str(len(infos))))
        else:
            self._say(self.tr("The server lists no feature collections."), error=True)

    def _failed(self, url: str, exc: Exception) -> None:
        self.list_button.setEnabled(True)
        log.warning("collections of %s not listed: %s", url, describe(exc))
        self._say(source_sentence(exc, url), error=True, detail=describe(exc))

    def add_selected(self) -> None:
        urls = [
            item.data(0, Qt.ItemDataRole.UserRole) for item in self.collections.selectedItems()
        ]
        if not urls:
            return
        seconds = self.refresh.value() or None
        self.add_requested.emit(urls, seconds)
        self._say(self.tr("Adding %1 layer(s)…").replace("%1", str(len(urls))))
