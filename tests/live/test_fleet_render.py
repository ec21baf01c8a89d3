"""The fleet renderer's shortcuts must not change what the operator sees: cropped atlas
fragments hold every inked pixel, and thinning a dense fleet keeps the severe states."""

from __future__ import annotations

import numpy as np
from PySide6.QtGui import QImage

from console.model.freshness import VmsThresholds
from layers.vessels.layer import VesselLayer
from layers.vessels.render import MAX_SYMBOLS, _symbol_lod
from layers.vessels.symbols import BUCKETS, CELL, SymbolAtlas
from tests.live.conftest import FakeClock


def test_cropped_fragments_hold_every_inked_pixel(qtbot):
    from console.stores.vessels import VesselStore

    layer = VesselLayer(VesselStore(), FakeClock(), VmsThresholds())
    atlas = SymbolAtlas(layer.symbol_styles())
    image = atlas.pixmap.toImage().convertToFormat(QImage.Format.Format_ARGB32)
    rows = len(atlas.styles)
    assert atlas.extent.shape == (rows,)
    for style in range(rows):
        side = int(atlas.extent[style])
        lo, hi = (CELL - side) // 2, (CELL + side) // 2
        assert side < CELL or atlas.styles[style].ring, "plain symbols gain from cropping"
        for bucket in range(BUCKETS):
            for y in range(CELL):
                for x in range(CELL):
                    if lo <= x < hi and lo <= y < hi:
                        continue
                    alpha = image.pixelColor(bucket * CELL + x, style * CELL + y).alpha()
                    assert alpha == 0, (style, bucket, x, y)


def test_a_dense_fleet_is_thinned_to_the_budget_and_severe_states_survive():
    rng = np.random.default_rng(1)
    n = 120_000
    px, py = rng.uniform(0, 1600, n), rng.uniform(0, 1000, n)
    cls = np.zeros(n, dtype=np.int8)
    severe = rng.choice(n, 300, replace=False)
    cls[severe] = 7  # e.g. a violation: must win its cell over the ordinary ones
    keep = _symbol_lod(px, py, cls)
    assert 1000 < len(keep) <= MAX_SYMBOLS
    assert len(np.unique(keep)) == len(keep)
    kept_severe = np.isin(severe, keep).sum()
    assert kept_severe >= 0.9 * len(severe)  # only severe neighbours sharing a cell drop
    sparse = _symbol_lod(px[:5000], py[:5000], cls[:5000])
    assert len(sparse) > 0.8 * 5000  # a sparse picture is hardly thinned
