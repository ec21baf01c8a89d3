"""The selected vessel's track: ticks at whole local hours along the fetched fixes, dated
when the track crosses midnight."""

from __future__ import annotations

from datetime import datetime

from console.model.vessel import Track
from console.timefmt import VIETNAM
from layers.vessels.track import TrackLayer


def test_ticks_every_two_hours_with_local_time_labels(qtbot):
    # a whole 2 h boundary of Vietnam time (ticks count from local midnight)
    base = 1_800_000_000.0 - ((1_800_000_000.0 + 7 * 3600) % 7200)
    t = tuple(base + i * 1800.0 for i in range(13))  # 6 h of fixes every 30 min
    track = Track(
        "v", t, tuple(110 + i * 0.01 for i in range(13)), (13.0,) * 13, (6.0,) * 13, (90.0,) * 13
    )
    layer = TrackLayer(tick_minutes=120)
    with qtbot.waitSignal(layer.changed):
        layer.set_track(track)
    x, _y, labels = layer.ticks()
    assert len(x) == 4  # base, +2 h, +4 h, +6 h
    assert all(len(lbl) in (5, 11) for lbl in labels)  # 'HH:MM', or dated across midnight
    assert layer.extent() is not None
    layer.set_track(None)
    assert not layer.has_data() and layer.ticks()[2] == []


def test_a_track_across_midnight_dates_its_ticks_on_the_map(qtbot):
    """A night at sea, 20:00 to 04:00 local: the labels drawn on the map carry the date
    on the first one and on the first one after midnight; the others are 'HH:MM'."""
    from layers.layer_list import LayerList
    from widgets.map_canvas import MapCanvas

    evening = datetime(2026, 11, 26, 20, 0, tzinfo=VIETNAM).timestamp()
    n = 17  # 8 h of fixes every 30 min, steaming east
    t = tuple(evening + i * 1800.0 for i in range(n))
    track = Track("v", t, tuple(109.3 + i * 0.05 for i in range(n)), (13.7,) * n,
                  (8.0,) * n, (90.0,) * n)
    layers = LayerList()
    canvas = MapCanvas(layers)
    canvas.resize(1200, 500)
    canvas.show()
    qtbot.waitExposed(canvas)
    try:
        layer = TrackLayer(tick_minutes=120)
        layers.append(layer)
        layer.set_track(track)
        x0, y0, x1, y1 = layer.extent()
        canvas.set_extent((x0, y0 - 20000, x1, y1 + 20000))
        canvas.flush()
        shown = canvas.renderer(layer).shown_labels
        assert shown == ["26/11 20:00", "22:00", "27/11 00:00", "02:00", "04:00"]
        # zoomed out, labels are thinned: the first one of the new day still has its date
        canvas.set_extent((x0 - 2e6, y0 - 2e6, x1 + 2e6, y1 + 2e6))
        canvas.flush()
        thinned = canvas.renderer(layer).shown_labels
        assert thinned[0].startswith("26/11")
        assert all(len(label) == 5 or label.startswith(("26/11", "27/11")) for label in thinned)
        # no track selected: the track's items are hidden, not painted empty every frame
        renderer = canvas.renderer(layer)
        assert renderer._curve.isVisible() and renderer._ticks.isVisible()
        layer.set_track(None)
        canvas.flush()
        assert not renderer._curve.isVisible() and not renderer._ticks.isVisible()
        layer.set_track(track)
        layer.set_visible(False)
        canvas.flush()
        assert not renderer._curve.isVisible()  # a hidden layer stays hidden
        layer.set_visible(True)
        assert renderer._curve.isVisible()
    finally:
        canvas.close_canvas()
        canvas.close()
