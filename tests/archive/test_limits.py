"""Retention and size limits keep the archive bounded, dropping the oldest rows first."""

from __future__ import annotations

import numpy as np

from console.archive.reader import read_archive
from console.archive.writer import ArchiveWriter, Batch
from tests.archive.factory import T0, station, vessel


def _fill(writer: ArchiveWriter, steps: int, vessels: int = 40) -> None:
    for k in range(steps):
        t = T0 + 600 * k
        writer.write(
            Batch(vessels=[vessel(i, t, k) for i in range(vessels)], stations=[station(0, t, 5.0)])
        )


def test_retention_drops_rows_older_than_the_window(tmp_path):
    writer = ArchiveWriter(tmp_path / "a.gpkg", retention_s=3600.0)
    _fill(writer, 20)  # 3 h 10 min of fixes
    writer.prune()
    writer.close()
    data = read_archive(tmp_path / "a.gpkg")
    newest = T0 + 600 * 19
    assert data.fix_t.min() >= newest - 3600.0
    assert data.fix_t.max() == newest
    assert len(data.vessels) == 40  # identities (latest state) are kept
    t, _v = data.obs["s0"]
    assert t.min() >= newest - 3600.0


def test_size_limit_keeps_the_file_under_the_cap_newest_first(tmp_path):
    path = tmp_path / "b.gpkg"
    writer = ArchiveWriter(path, max_bytes=600_000)
    _fill(writer, 120, vessels=60)
    before = writer.size_bytes()
    writer.prune()
    after = writer.size_bytes()
    writer.close()
    assert before > 600_000 >= after
    data = read_archive(path)
    assert data.fix_t.max() == T0 + 600 * 119  # the newest rows survive
    assert data.fix_t.min() > T0
    assert np.all(np.diff(data.fix_t[data.fix_vessel == 0]) > 0)
