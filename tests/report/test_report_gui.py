"""File › Shift report in the console: from the archive under review, and live from the
backend's history; written on a worker (the window keeps running), with the same
figures as the report computed from the same archive."""

from __future__ import annotations

import subprocess

import pytest

from console import bulletin
from console.app import ConsoleApp
from console.archive.period_job import period_path
from console.archive.reader import read_archive
from console.report.compute import build_report
from console.settings import PollIntervals, Settings
from tests.conftest import open_live_window
from tests.externals import require_program
from tests.report import shift_archive as sa
from widgets.main_window import MainWindow
from widgets.report import feature


@pytest.fixture
def warnings(monkeypatch):
    """A failure shows a modal message box; here it is recorded instead of blocking."""
    shown: list[str] = []
    monkeypatch.setattr(feature.QMessageBox, "warning",
                        lambda _parent, _title, text: shown.append(text))
    return shown


def test_report_from_the_archive_under_review(qtbot, tmp_path, warnings):
    path = tmp_path / "night.gpkg"
    sa.write(path)
    app = ConsoleApp(Settings(language="en"))
    app.start_review(str(path))
    win = MainWindow(app)
    qtbot.addWidget(win)
    with qtbot.waitSignal(app.review.ready, timeout=20000):
        pass
    out = tmp_path / "report.html"
    action = win.services.shift_report.action
    assert action in win.menus["file"].actions()
    win.services.shift_report.write(sa.START, sa.END, str(out))
    assert not action.isEnabled()  # busy: the work is on a worker
    qtbot.waitUntil(action.isEnabled, timeout=30000)
    assert warnings == []
    text = out.read_text(encoding="utf-8")
    expected = build_report(read_archive(path), sa.START, sa.END, "en")
    for row in expected.rain:
        assert f"<td>{row.name}</td>" in text
        assert bulletin.number(row.total_mm, 1) in text
    assert expected.levels[0].phrase in text
    assert "trực ban A" in text
    win.close()


def test_live_report_from_the_backend_history(qtbot, live_backend, tmp_path, warnings):
    require_program("pdftotext", install_hint="apt-get install -y poppler-utils")
    win = open_live_window(qtbot, live_backend,
                           PollIntervals(vessels=5, stations=5, cameras=5, incidents=5))
    now = win.app.clock.now()
    start, end = now - 8 * 3600, now - 2 * 3600
    out = tmp_path / "live.pdf"
    win.services.shift_report.write(start, end, str(out))
    qtbot.waitUntil(win.services.shift_report.action.isEnabled, timeout=60000)
    assert warnings == []
    assert out.is_file()
    archive = period_path(win.app.client.base_url, start, end, None)
    expected = build_report(read_archive(archive), start, end, "en")
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True,
                          check=True).stdout
    heavy = expected.heaviest_rain
    assert heavy.name in text and bulletin.number(heavy.total_mm, 1, "en") in text
    assert expected.levels[0].name in text
