"""The night-shift archive and its report, shared by the report tests (module scope: the
archive is written once per test module)."""

from __future__ import annotations

import pytest

from console import bulletin
from console.archive.reader import read_archive
from console.report.compute import build_report
from tests.report import shift_archive as sa


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    path = tmp_path_factory.mktemp("report") / "night.gpkg"
    sa.write(path)
    return path


@pytest.fixture(scope="module")
def report(archive):
    bulletin.configure("vi")
    try:
        yield build_report(read_archive(archive), sa.START, sa.END, "vi")
    finally:
        bulletin.configure(None)
