"""The track history a console loads at start-up goes into the archive it records, as
fixes only: the review shows the tails the live console drew, and the vessels' latest
rows stay the latest fixes. The storm bulletin it hears is recorded too."""

from __future__ import annotations

import sqlite3

import pytest

from console.app import ConsoleApp
from console.archive.reader import read_archive
from console.settings import Settings


@pytest.mark.parametrize("record_first", [True, False])
def test_startup_track_history_is_recorded(qtbot, live_backend, tmp_path, record_first):
    """Recording from the start (`--record`) or begun after the tails were loaded."""
    path = tmp_path / "rec.gpkg"
    app = ConsoleApp(Settings(backend_url=live_backend.url, token=live_backend.token))
    try:
        if record_first:
            app.start_recording(str(path))
        with qtbot.waitSignal(app.tails_loaded, timeout=60000):
            app.start()
        if not record_first:
            app.start_recording(str(path))
        tracks = app._startup_tracks
        assert tracks is not None and len(tracks.t) > 100
        qtbot.waitUntil(lambda: app.storm.bulletin is not None, timeout=30000)
        heard = app.storm.bulletin
    finally:
        app.shutdown()
    with sqlite3.connect(str(path)) as conn:
        recorded = set(conn.execute("SELECT vessel_id, t FROM vessel_fixes").fetchall())
        latest = dict(conn.execute("SELECT vessel_id, fix_time FROM vessels").fetchall())
    wanted = set(zip(tracks.vessel_id, tracks.t.tolist(), strict=True))
    assert wanted <= recorded
    data = read_archive(path)
    for i, v in enumerate(data.vessels[:50]):
        times = data.fix_t[data.fix_vessel == i]
        assert latest[v.id] == times.max()  # history did not overwrite the latest fix
    # the storm bulletin the console heard is in the archive, whole, for the shift report
    assert heard in data.storms
