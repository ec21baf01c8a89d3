"""The operator's frame workload, shared by every map-frame bench.

Why a scripted path: a bench that pans one way and never comes back ends up timing
empty sea (wave 1's loop did: the median frame showed 0 of 3,242 vessels). This path
does what an operator does and keeps returning to the data:

1. the province view, held while the data changes (data-driven frames);
2. a sweep of small pans east and back, south and back, over the fleet;
3. zooms in about the fleet's centre and back out;
4. a zoom to Quy Nhơn harbour (about 5 km across), small pans there, and back.

Every step is absolute (an extent computed up front from the start view), so the path
is the same on every run and always comes home. One timed frame = the view change, the
live layers marked dirty as the freshness tick marks them (every live renderer prepares
its picture afresh and re-judges every state that depends on the clock; camera and
incident classes, which follow their records alone, are made once per store change),
the frame clock's flush (the renderers' prepare step) and the event loop until the
canvas has painted to the screen once. Counts of vessels in view and symbols drawn are
recorded per frame and printed beside the times (`<bench>_in_view_p50`,
`<bench>_drawn_p50`).

While the view moves the canvas shows its last picture moved (widgets/still_picture.py)
and renders every layer when the view has been still for its settle delay. The path
pauses where an operator would (`SETTLE`: after each drag one way, each run of wheel
notches); the render that follows each pause is a timed frame too, from the moment the
canvas starts it (the wait for the settle delay is idle time, not a frame). So the
frames timed are every frame the operator sees: moved pictures, the renders after a
move, and the data-driven renders of the still view.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from backend.sim.geo import PORT_INFO

# Quy Nhơn fishing port (the simulator's port, with its cited source, backend/sim/geo.py);
# the harbour view (about 5 km wide) centres on the vessels moored within
# HARBOUR_RADIUS_M of it
HARBOUR_LONLAT = PORT_INFO["Quy Nhơn"].anchor
HARBOUR_RADIUS_M = 6_000.0
HARBOUR_WIDTH_M = 5_000.0
PAINT_TIMEOUT_S = 5.0
SETTLE = "settle"  # a path entry (SETTLE, None): the operator pauses; the render is timed

Extent = tuple[float, float, float, float]


@dataclass
class FrameRecord:
    """Per-frame figures of one run of the path."""

    ms: list[float] = field(default_factory=list)
    cpu_ms: list[float] = field(default_factory=list)  # GUI-thread CPU time of the frame
    in_view: list[int] = field(default_factory=list)
    drawn: list[int] = field(default_factory=list)
    steps: list[str] = field(default_factory=list)
    rendered: list[bool] = field(default_factory=list)  # drew the layers (not moved)


def _box(cx: float, cy: float, width: float, aspect: float) -> Extent:
    h = width * aspect
    return (cx - width / 2, cy - h / 2, cx + width / 2, cy + h / 2)


def _geometric(a: float, b: float, n: int) -> list[float]:
    """n values from a to b (both excluded at the start, included at the end) in equal
    ratios: a zoom that moves at a constant speed on screen."""
    return [a * (b / a) ** ((i + 1) / n) for i in range(n)]


def operator_path(start: Extent, fleet_centre: tuple[float, float], harbour: tuple[float, float],
                  aspect: float) -> list[tuple[str, Extent | None]]:
    """The 100 views of one pass and its 9 pauses: (step name, extent), (SETTLE, None)
    where the operator stops moving. `start` is the province view; zooms centre on the
    fleet; the harbour zoom centres on Quy Nhơn port."""
    x0, y0, x1, y1 = start
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    width = x1 - x0
    views: list[tuple[str, Extent | None]] = []
    pause: tuple[str, None] = (SETTLE, None)
    home = _box(cx, cy, width, aspect)
    views += [("hold", home)] * 10  # data-driven frames, no view change
    for run in (range(1, 11), range(9, -1, -1)):  # 3 % steps east, then back
        views += [("pan", _box(cx + width * 0.03 * i, cy, width, aspect)) for i in run]
        views.append(pause)
    for run in (range(1, 11), range(9, -1, -1)):  # 2 % steps south, then back
        views += [("pan", _box(cx, cy - width * aspect * 0.02 * i, width, aspect)) for i in run]
        views.append(pause)
    fx, fy = fleet_centre
    widths = _geometric(width, width / 1.15**10, 10)
    for i, w in enumerate(widths):  # zoom in about the fleet (centre glides to it)
        t = (i + 1) / 10
        views.append(("zoom", _box(cx + (fx - cx) * t, cy + (fy - cy) * t, w, aspect)))
    views.append(pause)
    for i, w in enumerate(reversed([width, *widths[:-1]])):  # and back out
        t = 1 - (i + 1) / 10
        views.append(("zoom", _box(cx + (fx - cx) * t, cy + (fy - cy) * t, w, aspect)))
    views.append(pause)
    hx, hy = harbour
    for i, w in enumerate(_geometric(width, HARBOUR_WIDTH_M, 12)):  # down to the harbour
        t = (i + 1) / 12
        views.append(("harbour", _box(cx + (hx - cx) * t, cy + (hy - cy) * t, w, aspect)))
    views.append(pause)
    for dx in (0.05, 0.10, 0.05, 0.0, -0.05, 0.0):  # small pans in the harbour
        views.append(("harbour", _box(hx + HARBOUR_WIDTH_M * dx, hy, HARBOUR_WIDTH_M, aspect)))
    views.append(pause)
    back = _geometric(HARBOUR_WIDTH_M, width, 12)
    for i, w in enumerate(back):  # and back to the province
        t = 1 - (i + 1) / 12
        views.append(("province", _box(cx + (hx - cx) * t, cy + (hy - cy) * t, w, aspect)))
    views.append(pause)
    return views


def harbour_centre(vessel_layer: Any) -> tuple[float, float]:
    """Where Quy Nhơn's moored fleet is (map coordinates): the median of the vessels
    within HARBOUR_RADIUS_M of the port point, or the port point itself."""
    from console.geo.crs import lonlat_to_map_scalar

    px, py = lonlat_to_map_scalar(*HARBOUR_LONLAT)
    xs, ys = vessel_layer.coords()
    # Web Mercator stretches distances by 1/cos(lat): ~1.03 at 13.8 N
    near = np.hypot(xs - px, ys - py) < HARBOUR_RADIUS_M * 1.03
    if not near.any():
        return px, py
    return float(np.median(xs[near])), float(np.median(ys[near]))


def harbour_path(aspect: float, harbour: tuple[float, float]) -> list[tuple[str, Extent | None]]:
    """The city bench's views: Quy Nhơn harbour about 5 km wide, small pans and zooms
    around the port, always coming back (120 frames), pausing after every 10 (a drag or
    a run of wheel notches)."""
    hx, hy = harbour
    views: list[tuple[str, Extent | None]] = []
    for i in range(120):
        if i and i % 10 == 0:
            views.append((SETTLE, None))
        phase = (i % 40) / 40 * 2 * math.pi
        zoom = 1.0 + 0.4 * math.sin(phase)  # 3.6 .. 7 km wide
        dx = 0.15 * HARBOUR_WIDTH_M * math.sin(2 * phase)
        dy = 0.10 * HARBOUR_WIDTH_M * math.cos(phase)
        w = HARBOUR_WIDTH_M * zoom
        views.append(("harbour", _box(hx + dx, hy + dy, w, aspect)))
    views.append((SETTLE, None))
    return views


def fleet_centre(xs: np.ndarray, ys: np.ndarray, start: Extent) -> tuple[float, float]:
    """Median position of the vessels inside the start view (the densest part of the
    picture an operator would zoom into); the view's centre when none is."""
    x0, y0, x1, y1 = start
    inside = (xs >= x0) & (xs <= x1) & (ys >= y0) & (ys <= y1)
    if not inside.any():
        return (x0 + x1) / 2, (y0 + y1) / 2
    return float(np.median(xs[inside])), float(np.median(ys[inside]))


def province_path(canvas: Any, vessel_layer: Any) -> list[tuple[str, Extent | None]]:
    """The operator path from the console's default province view over this fleet."""
    from widgets.main_window import default_view_extent

    start = default_view_extent()
    xs, ys = vessel_layer.coords()
    aspect = canvas.height() / max(1, canvas.width())
    return operator_path(start, fleet_centre(xs, ys, start), harbour_centre(vessel_layer), aspect)


def vessels_in_view(vessel_layer: Any, extent: tuple[float, float, float, float]) -> int:
    x0, y0, x1, y1 = extent
    xs, ys = vessel_layer.coords()
    return int(np.count_nonzero((xs >= x0) & (xs <= x1) & (ys >= y0) & (ys <= y1)))


def run_path(canvas: Any, qt_app: Any, vessel_layer: Any,
             views: list[tuple[str, Extent | None]], on_frame: Any = None) -> FrameRecord:
    """Time every frame of `views` (see the module docstring for what a frame is).

    A frame ends when the canvas has painted to the screen and a further turn of the
    event loop paints nothing more: the paints are the ones Qt really does (coalesced as
    on a workstation, a renderer's follow-up paint included), and whatever else those
    turns run (a timer, a data page applied) is in the frame. A pause (SETTLE) waits,
    untimed, for the canvas's settle timer; the render it starts is timed from its start.
    """
    fleet = canvas.renderer(vessel_layer).item
    record = FrameRecord()
    _start_still(canvas, qt_app, next(e for _, e in views if e is not None))
    for name, extent in views:
        before = canvas.frames_painted
        rendered = canvas.frames_rendered
        if extent is None:  # the operator pauses
            if not canvas.is_moving():
                continue  # nothing moved since the last render: nothing to settle
            settles = canvas.settles
            deadline = time.perf_counter() + PAINT_TIMEOUT_S
            while canvas.settles == settles and time.perf_counter() < deadline:
                qt_app.processEvents()  # idle until the settle timer fires
            if canvas.settles == settles:
                raise SystemExit(f"the canvas did not settle within {PAINT_TIMEOUT_S} s")
            start, cpu = canvas.settle_started, canvas.settle_started_cpu
        else:
            start = time.perf_counter()
            cpu = time.thread_time()
            canvas.set_extent(extent, padding=0)
            canvas.mark_live_dirty()
            canvas.flush()
        deadline = start + PAINT_TIMEOUT_S
        while time.perf_counter() < deadline:  # until painted and a turn paints no more
            painted = canvas.frames_painted
            qt_app.processEvents()
            if canvas.frames_painted > before and canvas.frames_painted == painted:
                break
        record.ms.append((time.perf_counter() - start) * 1000)
        record.cpu_ms.append((time.thread_time() - cpu) * 1000)
        if canvas.frames_painted == before:
            raise SystemExit(f"the canvas did not paint within {PAINT_TIMEOUT_S} s")
        record.in_view.append(vessels_in_view(vessel_layer, canvas.extent()))
        record.drawn.append(int(fleet.last_drawn))
        record.steps.append(name)
        record.rendered.append(canvas.frames_rendered > rendered)
        if on_frame is not None:
            on_frame()
    return record


def _start_still(canvas: Any, qt_app: Any, extent: Extent) -> None:
    """Untimed: the path's first view, settled and painted (a pass starts from a still
    view, not in the middle of the previous pass's last move)."""
    before = canvas.frames_painted
    canvas.set_extent(extent, padding=0)
    canvas.settle()
    canvas.viewport().update()
    deadline = time.perf_counter() + PAINT_TIMEOUT_S
    while canvas.frames_painted == before and time.perf_counter() < deadline:
        qt_app.processEvents()


def small_moves(canvas: Any, qt_app: Any, frames: int,
                on_frame: Any = None) -> list[float]:
    """A static-layer bench's frames at one zoom level: pans of 3 % that go and come back
    every 8 frames, and a 10 % zoom in or out every fourth frame; each frame is timed
    from the move to a full render (`grab`). Returns milliseconds per frame."""
    times = []
    for i in range(frames):
        if i % 4 == 3:
            canvas.zoom(1.1 if i % 8 == 3 else 1 / 1.1)
        else:
            canvas.pan(0.03 if (i // 8) % 2 == 0 else -0.03, 0.01)
        t0 = time.perf_counter()
        canvas.flush()
        canvas.grab()
        times.append((time.perf_counter() - t0) * 1000)
        if on_frame is not None:
            on_frame()
        qt_app.processEvents()
    return times


def report_frames(prefix: str, record: FrameRecord, cold: FrameRecord | None = None) -> None:
    """Print `<prefix>_frame_ms_p50/p95` and their companions `<prefix>_in_view_p50`
    (vessels inside the view) and `<prefix>_drawn_p50` (vessel symbols drawn). `cold`:
    the warm-up pass over the same path, whose figures are printed as context: the timed
    pass finds the static pictures the warm-up rendered (layers/_draw/cached_paths
    keeps recent views), as an operator's second look at a place does; the first look
    renders them."""
    from bench.report import context, figure, percentile

    if cold is not None:  # a figure too: a slower render must show in the tables
        context(f"{prefix}: the first pass over the path renders every static picture "
                "(none kept yet); the frame figures without 'first_pass' are the second pass")
        figure(f"{prefix}_first_pass_frame_ms_p50", percentile(cold.ms, 50), "ms")
        figure(f"{prefix}_first_pass_frame_ms_p95", percentile(cold.ms, 95), "ms")

    by_step: dict[str, list[float]] = {}
    for name, ms in zip(record.steps, record.ms, strict=True):
        by_step.setdefault(name, []).append(ms)
    context(
        f"{prefix}: {len(record.ms)} frames; per step p50 ms: "
        + ", ".join(f"{k} {percentile(v, 50):.1f} (n={len(v)})" for k, v in by_step.items())
        + f"; frames with no vessel in view: {sum(1 for n in record.in_view if n == 0)}"
        + f"; GUI-thread CPU per frame p50 {percentile(record.cpu_ms, 50):.1f} ms, "
        f"p95 {percentile(record.cpu_ms, 95):.1f} ms (the wall-clock figures below include "
        "waiting for the shared cores)"
    )
    renders = [ms for ms, full in zip(record.ms, record.rendered, strict=True) if full]
    context(
        f"{prefix}: {len(renders)} of {len(record.ms)} frames rendered every layer (the "
        "still view's data-driven frames and the render after each pause); the other "
        f"{len(record.ms) - len(renders)} showed the last picture moved to the new view; "
        f"'drawn' counts the symbols in the picture shown (for a moved one, its render's)"
    )
    figure(f"{prefix}_frame_ms_p50", percentile(record.ms, 50), "ms")
    figure(f"{prefix}_frame_ms_p95", percentile(record.ms, 95), "ms")
    if renders:  # the renders alone: what a move's end and new data cost
        figure(f"{prefix}_render_frame_ms_p50", percentile(renders, 50), "ms")
        figure(f"{prefix}_render_frame_ms_p95", percentile(renders, 95), "ms")
    figure(f"{prefix}_in_view_p50", percentile(record.in_view, 50), "vessels")
    figure(f"{prefix}_drawn_p50", percentile(record.drawn, 50), "symbols")
