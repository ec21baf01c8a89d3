"""Credentials reach the feature server and nothing else: with none, a server that wants
them is said to refuse access; with the operator's (session memory here: tests have no
OS keyring) they go in the Authorization header and never into the log."""

from __future__ import annotations

import base64
import logging
from typing import ClassVar

import pytest

from console import secrets
from console.app import ConsoleApp
from console.settings import Settings
from tests.loopback_http import QuietHandler, serving
from widgets.main_window import MainWindow
from widgets.sources.feature import open_add_dialog

pytestmark = pytest.mark.filterwarnings("ignore::UserWarning")


class _Guarded(QuietHandler):
    """Loopback stand-in for a server behind a login: 401 to everyone, and it notes the
    Authorization header each request carried."""

    seen: ClassVar[list[str | None]] = []

    def do_GET(self) -> None:
        self.seen.append(self.headers.get("Authorization"))
        self.reply(401, "application/json",
                   b'{"code": "Unauthorized", "description": "login required"}')


@pytest.fixture
def guarded():
    with serving(_Guarded) as url:
        _Guarded.seen = []
        yield url


def test_credentials_are_sent_to_the_server_and_kept_out_of_the_log(qtbot, guarded, caplog):
    win = MainWindow(ConsoleApp(Settings(language="en")))
    qtbot.addWidget(win)
    dialog = open_add_dialog(win.shell)
    qtbot.addWidget(dialog)
    try:
        dialog.url.setEditText(guarded)
        dialog.list_collections()
        qtbot.waitUntil(lambda: "refused access" in dialog.status.text(), timeout=15000)
        assert _Guarded.seen[-1] is None
        secrets.store_credentials(
            "ogcapi-features", guarded, secrets.Credentials("gis-reader", "s3cret-pass")
        )
        with caplog.at_level(logging.DEBUG):
            dialog.list_collections()
            qtbot.waitUntil(lambda: len(_Guarded.seen) == 2, timeout=15000)
            qtbot.waitUntil(dialog.list_button.isEnabled, timeout=15000)
        expected = "Basic " + base64.b64encode(b"gis-reader:s3cret-pass").decode()
        assert _Guarded.seen[-1] == expected
        assert "refused access" in dialog.status.text()  # this stand-in refuses everyone
        assert "s3cret-pass" not in caplog.text and expected not in caplog.text
    finally:
        secrets.store_credentials("ogcapi-features", guarded, None)
        dialog.close()
        win.close()
