"""A recorder killed mid-run (SIGKILL) leaves an archive that opens and keeps what was
written before the kill."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from console.archive.reader import read_archive
from tests.conftest import ROOT


def test_killed_recorder_leaves_a_readable_archive(tmp_path):
    path = tmp_path / "killed.gpkg"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONUNBUFFERED="1")
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.archive.record_child", str(path)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert child.stdout is not None
        flushed = 0
        for line in child.stdout:  # blocks per line; the child writes continuously
            if line.startswith("FLUSHED "):
                flushed = int(line.split()[1])
            if flushed >= 40:
                break
        assert flushed >= 40, "the child stopped before recording"
        child.kill()  # SIGKILL: no cleanup, mid-write
        child.wait(10)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait(10)
    assert child.returncode == -9

    data = read_archive(path)
    # at least the batches acknowledged before the kill are there (each ingest: one
    # vessel batch with 50 fixes and one station batch)
    assert len(data.vessels) == 50
    assert len(data.fix_t) >= 50 * (flushed // 2 - 1)
    assert data.meta["site"] == "test"
    pyogrio = pytest.importorskip("pyogrio")
    layers = {name for name, _ in pyogrio.list_layers(path)}
    assert "vessel_fixes" in layers
