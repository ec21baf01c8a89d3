"""The window the "Đi tới" tests type into (live demo backend, quick polls)."""

from __future__ import annotations

import pytest

from console.settings import PollIntervals
from tests.conftest import open_live_window


@pytest.fixture
def window(qtbot, live_backend):
    poll = PollIntervals(vessels=2, stations=2, cameras=2, incidents=2)
    win = open_live_window(qtbot, live_backend, poll, size=(1600, 1000))
    yield win
    win.close()
