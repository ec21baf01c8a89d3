"""A killed backend, as on an operator's bad day: the outage has one start, the banner
names its clocks, and the window keeps its size while the banner shows and after.

The backend is a real `python -m backend` process with a database file, killed with
SIGKILL and started again on the same port with the same file."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from console.app import ConsoleApp
from console.live.feeds import ConnectionState
from console.settings import PollIntervals, Settings
from console.sources.http import HttpSettings
from console.timefmt import format_local
from tests.conftest import show_window, start_backend, start_window, stop_backend

OFFLINE_AFTER_S = 3.0  # production: 30 s; the rule is the same, the test is shorter


def banner_age_s(text: str) -> int:
    """The outage age the banner states: 'since … (N s ago, this computer's clock)'."""
    match = re.search(r"since [\d/ :]+ \((\d+) s ago, this computer's clock\)", text)
    assert match, text
    return int(match.group(1))


@pytest.fixture
def killable(qtbot, tmp_path):
    db = str(tmp_path / "backend.db")
    backend = start_backend(extra=["--db", db])
    settings = Settings(
        backend_url=backend.url,
        token=backend.token,
        language="en",
        poll=PollIntervals(vessels=0.3, stations=0.3, cameras=0.3, incidents=0.3),
        http=HttpSettings(
            read_timeout_s=1.0, total_timeout_s=2.0, get_retries=0, backoff_factor_s=0.05
        ),
        reconnect_backoff_max_s=1.0,
    )
    app = ConsoleApp(settings)
    app.feeds.OFFLINE_AFTER_S = OFFLINE_AFTER_S
    window = start_window(qtbot, show_window(qtbot, app))
    state = {"backend": backend}
    yield window, state, db
    window.close()
    stop_backend(state["backend"])


def test_outage_keeps_its_start_and_window_keeps_its_size(qtbot, killable):
    window, state, db = killable
    feeds = window.app.feeds
    qtbot.waitUntil(lambda: feeds.status.state is ConnectionState.CONNECTED, timeout=15000)
    size_before = window.size()
    backend = state["backend"]
    backend.process.kill()
    backend.process.wait(10)

    qtbot.waitUntil(lambda: feeds.status.state is ConnectionState.RECONNECTING, timeout=15000)
    outage = feeds.status.outage_since
    assert outage is not None
    qtbot.waitUntil(window.banner.isVisible, timeout=5000)
    assert "Reconnecting to the backend" in window.banner.text()
    assert f"since {format_local(outage, True)}" in window.banner.text()

    qtbot.waitUntil(lambda: feeds.status.state is ConnectionState.OFFLINE, timeout=20000)
    status = feeds.status
    assert status.outage_since == outage  # the state's name changed, the outage did not
    text = window.banner.text()
    assert "Disconnected from the backend" in text
    assert f"since {format_local(outage, True)}" in text
    assert banner_age_s(text) >= OFFLINE_AFTER_S  # not restarted at the name change
    # the data clock is named as such, apart from the wall clock
    assert re.search(r"data as of [\d/ :]+ \(.+ old, by the data's time stamps\)", text), text
    bar = window.status
    assert f"since {format_local(outage)}" in bar.connection.text()
    no_update = re.search(r"no update for (\d+) s", bar.updated.text())
    assert no_update and int(no_update.group(1)) >= OFFLINE_AFTER_S, bar.updated.text()
    assert window.size() == size_before  # the banner did not widen the window

    port = str(urlsplit(backend.url).port)
    state["backend"] = start_backend(extra=["--db", db, "--port", port])
    qtbot.waitUntil(lambda: feeds.status.state is ConnectionState.CONNECTED, timeout=30000)
    qtbot.waitUntil(lambda: not window.banner.isVisible(), timeout=5000)
    assert feeds.status.outage_since is None
    assert window.size() == size_before
