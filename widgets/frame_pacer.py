"""Adaptive pace for data-driven map redraws.

Live layers mark themselves dirty as data arrives and the canvas frame clock redraws
them at most every FRAME_MS. When one frame costs 30 ms (a 20,000-vessel fleet on a
loaded machine) that rate would spend most of the GUI thread on painting and stack
frames onto ingest work into long event-loop stalls. The pacer measures what a frame
costs (smoothed; work prepared for it on the clock tick counts too) and stretches the
interval so painting keeps to `share` of the GUI thread; panning and zooming are not
paced (Qt repaints those at once).
"""

from __future__ import annotations


class FramePacer:
    def __init__(
        self, min_ms: float = 40.0, max_ms: float = 250.0, share: float = 0.25, smoothing=0.15
    ) -> None:
        if not 0 < share <= 1 or not 0 < min_ms <= max_ms:
            raise ValueError("need 0 < share <= 1 and 0 < min_ms <= max_ms")
        self.min_ms, self.max_ms, self.share, self.smoothing = min_ms, max_ms, share, smoothing
        self.paint_ms = 0.0  # smoothed cost of one frame
        self._prepared_ms = 0.0

    def prepared(self, ms: float) -> None:
        """Record work done for the next frame ahead of its paint (layers preparing
        their arrays on the clock tick): it counts towards that frame's cost."""
        self._prepared_ms += ms

    def painted(self, ms: float) -> None:
        """Record how long one paint took (plus what was prepared for it)."""
        ms, self._prepared_ms = ms + self._prepared_ms, 0.0
        if self.paint_ms == 0.0:
            self.paint_ms = ms
        else:
            self.paint_ms += self.smoothing * (ms - self.paint_ms)

    def interval_ms(self) -> int:
        """The frame clock's interval: painting takes at most `share` of the time."""
        return int(min(self.max_ms, max(self.min_ms, self.paint_ms / self.share)))
