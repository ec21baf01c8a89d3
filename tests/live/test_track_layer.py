"""The selected vessel's track: ticks at whole local hours along the fetched fixes."""

from __future__ import annotations

from console.model.vessel import Track
from layers.vessels.track import TrackLayer


def test_ticks_every_two_hours_with_local_time_labels(qtbot):
    base = 1_800_000_000.0 - (1_800_000_000.0 % 7200)  # a whole 2 h boundary (UTC)
    t = tuple(base + i * 1800.0 for i in range(13))  # 6 h of fixes every 30 min
    track = Track(
        "v", t, tuple(110 + i * 0.01 for i in range(13)), (13.0,) * 13, (6.0,) * 13, (90.0,) * 13
    )
    layer = TrackLayer(tick_minutes=120)
    with qtbot.waitSignal(layer.changed):
        layer.set_track(track)
    x, _y, labels = layer.ticks()
    assert len(x) == 4  # base, +2 h, +4 h, +6 h
    assert all(len(lbl) in (5, 11) for lbl in labels)  # 'HH:MM' or 'dd/mm HH:MM' at 00:00
    assert layer.extent() is not None
    layer.set_track(None)
    assert not layer.has_data() and layer.ticks()[2] == []
