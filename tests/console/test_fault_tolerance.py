"""Never frozen, never lying: a fault-injecting proxy in front of the real backend.

The console must notice each fault (connection state leaves 'connected'), keep the GUI
event loop responsive (longest stall < 100 ms), and recover by itself when the faults
stop, without a restart."""

from __future__ import annotations

import pytest

from backend.faultproxy import FaultProxyProcess
from console.app import ConsoleApp
from console.diagnostics import EventLoopStallMeter
from console.live.feeds import ConnectionState
from console.settings import PollIntervals, Settings
from console.sources.http import HttpSettings
from tests.conftest import show_window, start_window

FAULTS = ["hang", "drip", "reset", "500", "garbage", "huge"]


@pytest.fixture
def proxied_window(qtbot, live_backend):
    proxy = FaultProxyProcess(live_backend.url)
    settings = Settings(
        backend_url=proxy.url,
        token=live_backend.token,
        poll=PollIntervals(vessels=0.3, stations=0.3, cameras=0.3, incidents=0.3),
        http=HttpSettings(
            read_timeout_s=1.0, total_timeout_s=2.0, get_retries=1, backoff_factor_s=0.05
        ),
        reconnect_backoff_max_s=1.5,
    )
    window = start_window(qtbot, show_window(qtbot, ConsoleApp(settings)))
    yield window, proxy
    window.close()
    proxy.stop()


def test_faults_never_freeze_and_recovery_is_automatic(qtbot, proxied_window):
    window, proxy = proxied_window
    feeds = window.app.feeds
    meter = EventLoopStallMeter()
    meter.start()
    for fault in FAULTS:
        proxy.mode = fault
        qtbot.waitUntil(lambda: feeds.status.state is not ConnectionState.CONNECTED, timeout=15000)
        assert feeds.status.message  # the reason is shown (tooltip / banner)
        proxy.mode = "pass"
        before = feeds.status.last_update
        qtbot.waitUntil(
            lambda b=before: (
                feeds.status.state is ConnectionState.CONNECTED and feeds.status.last_update > b
            ),
            timeout=15000,
        )
    stall = meter.stop()
    assert meter.ticks > 100
    assert stall < 100, f"GUI event loop stalled {stall:.0f} ms"


def test_banner_shows_disconnection_and_clears(qtbot, proxied_window):
    window, proxy = proxied_window
    assert not window.banner.isVisible()
    proxy.mode = "500"
    qtbot.waitUntil(window.banner.isVisible, timeout=15000)
    assert "Reconnecting" in window.banner.text() or "Disconnected" in window.banner.text()
    proxy.mode = "pass"
    qtbot.waitUntil(lambda: not window.banner.isVisible(), timeout=15000)
