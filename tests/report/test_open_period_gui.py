"""File › Open archive and File › Open period in the live console: the period's archive
is built on a worker with progress, can be cancelled and resumed, and opens for review
in a new window (the launcher is replaced here: a detached console would outlive the
test)."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtWidgets import QFileDialog, QPushButton

import main
from console.archive.reader import read_archive
from console.settings import PollIntervals
from tests.conftest import open_live_window
from widgets.period import feature


@pytest.fixture
def win(qtbot, live_backend, monkeypatch):
    launched: list[str] = []
    monkeypatch.setattr(feature, "launch_review", lambda path: launched.append(path) or True)
    w = open_live_window(qtbot, live_backend,
                         PollIntervals(vessels=5, stations=5, cameras=5, incidents=5))
    w.launched = launched
    return w


def test_menu_has_open_archive_and_open_period(win):
    actions = win.menus["file"].actions()
    assert win.services.period.open_archive_action in actions
    assert win.services.period.open_period_action in actions
    assert win.services.period.open_period_action.isEnabled()  # live: a backend to build from


def test_open_archive_launches_a_review_of_the_chosen_file(win, monkeypatch, tmp_path):
    chosen = str(tmp_path / "night.gpkg")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (chosen, ""))
    win.services.period.open_archive_action.trigger()
    assert win.launched == [chosen]


def test_launch_command_is_the_review_mode_of_main(monkeypatch):
    calls = []
    monkeypatch.setattr(feature.QProcess, "startDetached",
                        lambda program, args: calls.append((program, args)) or (True, 1))
    assert feature.launch_review("/data/p.gpkg")
    program, args = calls[0]
    assert program == sys.executable and args[0].endswith("main.py")
    assert main.parse_args(args[1:]).archive == "/data/p.gpkg"


def test_open_period_builds_with_progress_then_opens_it(qtbot, win):
    now = win.app.clock.now()
    seen = []
    win.services.period.start_build(now - 6 * 3600, now - 3600, None)
    job, dialog = win.services.period.job, win.services.period.dialog
    job.progress.connect(lambda d, t, w: seen.append((d, t)))
    with qtbot.waitSignal(job.finished, timeout=30000):
        pass
    assert seen and seen[-1][0] == seen[-1][1]  # progress went to the end
    assert not dialog.isVisible() and win.services.period.job is None
    (path,) = win.launched
    data = read_archive(path)
    assert len(data.stations) > 50 and len(data.fix_t) > 1000


def test_open_period_cancel_then_resume(qtbot, win):
    now = win.app.clock.now()
    start, end = now - 9 * 3600, now - 3 * 3600
    win.services.period.start_build(start, end, None)
    job = win.services.period.job
    cancel = win.services.period.dialog.findChild(QPushButton)  # the dialog's Cancel button
    job.progress.connect(lambda d, t, w: d == 3 and cancel.click())
    with qtbot.waitSignal(job.cancelled, timeout=30000):
        pass
    assert win.launched == [] and win.services.period.job is None
    win.services.period.start_build(start, end, None)
    with qtbot.waitSignal(win.services.period.job.finished, timeout=30000):
        pass
    assert len(win.launched) == 1
    data = read_archive(win.launched[0])
    assert data.meta["period:done:cameras"] == "1"
    assert sum(k.startswith("period:done:station:") for k in data.meta) == len(data.stations)
