"""Fixtures for the shared-decisions tests: one real backend with a durable database and
personal users (viewer, operator) besides the shared demo account, and consoles that each
have their own user data directory (their own outbox file), as separate workstations do."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from PySide6.QtCore import QItemSelectionModel, Qt, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog

from console.app import DECISION_FEEDS
from tests.conftest import start_backend, stop_backend
from tests.incidents.conftest import make_settings, open_window
from tests.incidents.test_roles import add_user


@pytest.fixture(scope="module")
def staffed_backend(tmp_path_factory):
    db = tmp_path_factory.mktemp("shared") / "ioc.db"
    tokens = {"lan.viewer": add_user(db, "lan.viewer", "viewer"),
              "minh.op": add_user(db, "minh.op", "operator"),
              "hoa.op": add_user(db, "hoa.op", "operator")}
    backend = start_backend(["--db", str(db), "--vessels", "400"], token="demo-shared-token")
    yield backend, tokens
    stop_backend(backend)


@pytest.fixture(autouse=True)
def collect_qt_garbage_on_gui_thread():
    yield
    QApplication.processEvents()
    gc.collect()


def open_console(qtbot, monkeypatch, tmp_path: Path, name: str, url: str, token: str):
    """A console window with its own user data directory (outbox file), waited for until
    its decision feeds have caught up."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / f"data-{name}"))
    win = open_window(qtbot, make_settings(url, token))
    app = win.app
    qtbot.waitUntil(lambda: app.identity is not None
                    and all(app.feeds.is_ready(f) for f in DECISION_FEEDS), timeout=30000)
    return win


def close_console(win) -> None:
    win.close()
    QApplication.processEvents()


class Consoles:
    """Opens consoles on the staffed backend, each as its own workstation, and closes the
    ones a test leaves open when it ends (pass or fail), so no test needs try/finally."""

    def __init__(self, qtbot, monkeypatch, tmp_path: Path, backend, tokens) -> None:
        self._args = (qtbot, monkeypatch, tmp_path)
        self._backend, self._tokens = backend, tokens
        self._open: list = []

    def open(self, name: str, user: str | None):
        """Console `name` (its data directory) signed in as `user`; None: the shared demo
        account (the supervisor's, which reads the audit log)."""
        token = self._backend.token if user is None else self._tokens[user]
        win = open_console(*self._args, name, self._backend.url, token)
        self._open.append(win)
        return win

    def close(self, win) -> None:
        if win in self._open:
            self._open.remove(win)
            close_console(win)

    def close_all(self) -> None:
        for win in list(self._open):
            self.close(win)


@pytest.fixture
def consoles(qtbot, monkeypatch, tmp_path, staffed_backend) -> Iterator[Consoles]:
    backend, tokens = staffed_backend
    opened = Consoles(qtbot, monkeypatch, tmp_path, backend, tokens)
    yield opened
    opened.close_all()


def api(backend, token: str, path: str) -> dict:
    r = requests.get(f"{backend.url}/api/v1{path}",
                     headers={"Authorization": f"Bearer {token}"}, timeout=10)
    r.raise_for_status()
    return r.json()


def _row_of(panel, row_id) -> object:
    index = panel.proxy.mapFromSource(panel.model.index(panel.model.ids.index(row_id), 3))
    panel.view.scrollTo(index)
    return index


def select_alert(qtbot, panel, alert_id: int) -> None:
    """Click the alert's row in the inbox (scrolled into view first); an alert folded
    into a group (alarm-flood grouping) is reached by opening its group (click, →)."""
    def shown() -> object | None:
        if alert_id in panel.model.ids:
            return alert_id
        if ("m", alert_id) in panel.model.ids:
            return ("m", alert_id)
        return None

    def findable() -> bool:
        return shown() is not None or any(
            alert_id in {m.id for m in g.members} for g in panel._groups.values())

    qtbot.waitUntil(findable, timeout=15000)
    if shown() is None:
        group = next(k for k, g in panel._groups.items()
                     if alert_id in {m.id for m in g.members})
        rect = panel.view.visualRect(_row_of(panel, group))
        qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.keyClick(panel.view, Qt.Key.Key_Right)  # → opens the group
        qtbot.waitUntil(lambda: shown() is not None, timeout=15000)
    index = _row_of(panel, shown())
    rect = panel.view.visualRect(index)
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    selected = panel.view.selectionModel()
    if not selected.isRowSelected(index.row(), index.parent()):  # a held order moved it
        selected.select(index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                        | QItemSelectionModel.SelectionFlag.Rows)
    assert [a.id for a in panel.selected_alerts()] == [alert_id]


def answer_input_dialog(qtbot, text: str) -> None:
    """Type `text` into the next QInputDialog (the acknowledgement comment) and press OK."""
    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QInputDialog):
            QTimer.singleShot(50, fill)
            return
        dialog.setTextValue(text)
        dialog.accept()

    QTimer.singleShot(50, fill)
