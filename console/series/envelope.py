"""Peak-preserving levels of detail for very long series (millions of readings).

pyqtgraph's peak downsampling re-reduces every visible point on every frame; with
5,000,000 readings in view that alone costs tens of milliseconds. ``Pyramid`` builds,
once per data change, min/max envelopes at coarser factors; a chart hands pyqtgraph
the coarsest level that still has at least two envelope pairs per pixel, so what is
drawn is exactly what peak downsampling of the raw data would draw (no spike lost),
at a fraction of the cost. ``value_range`` answers "min/max of the visible part"
from the same blocks. Pure numpy; any thread.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

FACTORS = (16, 256, 4096)
MIN_POINTS = 200_000  # below this the raw series is cheap enough


@dataclass(frozen=True)
class Level:
    factor: int
    x: np.ndarray
    y: np.ndarray
    connect: np.ndarray


def _level(x: np.ndarray, y: np.ndarray, connect: np.ndarray, f: int) -> Level:
    n = len(x) // f * f
    blocks = y[:n].reshape(-1, f)
    lo, hi = blocks.min(axis=1), blocks.max(axis=1)
    xs = np.repeat(x[:n:f], 2)
    ys = np.stack([hi, lo], axis=1).reshape(-1)
    c = np.ones(len(xs), dtype=bool)
    c[1::2] = connect[:n].reshape(-1, f).all(axis=1)
    if n < len(x):  # the partial last block, raw: the newest readings are never dropped
        xs = np.concatenate([xs, x[n:]])
        ys = np.concatenate([ys, y[n:]])
        c = np.concatenate([c, connect[n:]])
    return Level(f, xs, ys, c)


class Pyramid:
    """Levels of one drawn series: (x, y, connect) as produced by gaps.line_arrays."""

    def __init__(self, x: np.ndarray, y: np.ndarray, connect: np.ndarray) -> None:
        self.levels = [Level(1, x, y, connect)]
        if len(x) >= MIN_POINTS:
            for f in FACTORS:
                if len(x) // f >= 1000:
                    self.levels.append(_level(x, y, connect, f))

    def choose(self, x0: float, x1: float, width_px: float) -> Level:
        """Coarsest level with at least two envelope pairs per pixel in [x0, x1]."""
        raw = self.levels[0].x
        i0, i1 = np.searchsorted(raw, [x0, x1])
        visible = max(int(i1 - i0), 1)
        best = self.levels[0]
        for level in self.levels[1:]:
            if visible / level.factor >= 2 * width_px:
                best = level
        return best


class BlockRange:
    """NaN-aware min/max of any index range in O(block) time (for Y autoscaling)."""

    def __init__(self, values: np.ndarray, block: int = 1024) -> None:
        self.values = values
        self.block = block
        n = len(values) // block * block
        with np.errstate(all="ignore"):
            b = values[:n].reshape(-1, block) if n else np.empty((0, block))
            finite = np.isfinite(b)
            self._lo = np.where(finite, b, np.inf).min(axis=1) if n else np.empty(0)
            self._hi = np.where(finite, b, -np.inf).max(axis=1) if n else np.empty(0)

    def range(self, i0: int, i1: int) -> tuple[float, float]:
        lo, hi = np.inf, -np.inf
        b0 = -(-i0 // self.block)  # first whole block
        b1 = min(i1 // self.block, len(self._lo))  # end of whole blocks
        parts = []
        if b1 > b0:
            lo, hi = float(self._lo[b0:b1].min()), float(self._hi[b0:b1].max())
            parts = [self.values[i0 : b0 * self.block], self.values[b1 * self.block : i1]]
        else:
            parts = [self.values[i0:i1]]
        for part in parts:
            finite = part[np.isfinite(part)]
            if len(finite):
                lo, hi = min(lo, float(finite.min())), max(hi, float(finite.max()))
        return lo, hi
