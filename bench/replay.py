"""Replay: slider move -> redrawn map frame, over a day of the full fleet.

Workload: a synthetic archive of 3,242 vessels x 24 h (a fix every 10 min: 466,848
fixes), 102 water-level stations (a reading every 10 min) and 40 incidents, written
with the recorder's ArchiveWriter, opened like `main.py --archive`, shown in a real
MainWindow (map canvas 1600x1000). Each frame: move the cursor to a random time
(uniform over the day, so most moves change every vessel), let the driver write the
stores, flush the dirty layers and render the canvas.

Figures: replay_frame_ms_p50/p95 (slider move to rendered frame), replay_state_ms_p95
(the vectorised "state at T" alone), replay_apply/flush/render_ms_p50 (where a frame's
time goes), replay_open_s (read + index the archive), archive_write_fixes_per_s.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

import numpy as np

from bench.report import context, figure, machine_context, median, percentile

VESSELS = 3242
INTERVAL_S = 600.0
STATIONS = 102
FRAMES = 80


def _write_archive(path: Path) -> float:
    from console.archive.writer import ArchiveWriter, Batch
    from console.model.incident import Incident
    from console.model.vessel import Vessel
    from tests.archive.factory import station, synthetic_day

    t, lon, lat = synthetic_day(VESSELS, INTERVAL_S)
    writer = ArchiveWriter(path)
    start = time.perf_counter()
    for k, tk in enumerate(t):
        batch = Batch(
            vessels=[
                Vessel(
                    f"v{i:05d}",
                    f"BĐ-{90000 + i}-TS",
                    f"Tàu {i}",
                    "chủ",
                    15.0 + i % 12,
                    "lưới",
                    "Quy Nhơn",
                    "at_sea",
                    float(lon[i, k]),
                    float(lat[i, k]),
                    float(tk),
                    6.0,
                    90.0,
                )
                for i in range(VESSELS)
            ],
            stations=[
                station(i, float(tk), 5.0 + 3.0 * np.sin(k / 30 + i)) for i in range(STATIONS)
            ],
        )
        if k % 3 == 0 and k // 3 < 40:
            batch.incidents = [
                Incident(
                    f"inc{k}",
                    "flooding",
                    "high",
                    "new",
                    f"Ngập {k}",
                    "",
                    109.2,
                    13.8,
                    float(tk),
                    float(tk),
                    1,
                    None,
                    (),
                )
            ]
        writer.write(batch)
    writer.close()  # the WAL checkpoint is part of writing: the file is complete only now
    elapsed = time.perf_counter() - start
    return len(t) * VESSELS / elapsed


def _fleet_view(canvas, qt_app) -> None:
    """The whole fishing ground in view (every vessel drawn)."""
    from console.geo.crs import lonlat_to_map

    x, y = lonlat_to_map(np.array([108.6, 112.6]), np.array([12.3, 16.2]))
    canvas.set_extent((x[0], y[0], x[1], y[1]))
    qt_app.processEvents()


def _frames(state, session, canvas, qt_app) -> None:
    """Random slider moves over the day; prints the frame figures."""
    rng = np.random.default_rng(5)
    times = rng.uniform(state.start, state.end, FRAMES)
    state_ms, frame_ms = [], []
    parts: dict[str, list[float]] = {"apply": [], "flush": [], "render": []}
    for t in times:
        a = time.perf_counter()
        state.vessel_frame(float(t))
        state_ms.append((time.perf_counter() - a) * 1000)
        a = time.perf_counter()
        session.cursor.set_time(float(t))  # driver writes the stores; views react
        b = time.perf_counter()
        canvas.flush()  # dirty layers rebuild their items
        c = time.perf_counter()
        canvas.grab()  # paint
        d = time.perf_counter()
        frame_ms.append((d - a) * 1000)
        for key, ms in zip(parts, ((b - a) * 1000, (c - b) * 1000, (d - c) * 1000), strict=True):
            parts[key].append(ms)
        qt_app.processEvents()
    figure("replay_frame_ms_p50", median(frame_ms), "ms")
    figure("replay_frame_ms_p95", percentile(frame_ms, 95), "ms")
    figure("replay_state_ms_p95", percentile(state_ms, 95), "ms")
    for key, values in parts.items():
        figure(f"replay_{key}_ms_p50", median(values), "ms")
    context(
        "apply = cursor move -> stores written and every listener run; flush = dirty "
        "layers rebuilt; render = canvas painted"
    )


def run() -> None:
    import os

    from bench.live_common import isolate_dirs, map_only

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    isolate_dirs()
    from PySide6.QtWidgets import QApplication

    from console.app import ConsoleApp
    from console.archive.reader import read_archive
    from console.replay.session import ReviewSession
    from console.replay.state import ReplayState
    from console.settings import Settings
    from widgets.main_window import MainWindow

    context(
        f"workload: {VESSELS} vessels x 24 h, a fix every {INTERVAL_S / 60:g} min; "
        f"{STATIONS} stations; map 1600x1000; {FRAMES} random slider moves"
    )
    machine_context()
    path = Path(tempfile.mkdtemp(prefix="ioc-replay-")) / "day.gpkg"
    rate = _write_archive(path)
    figure("archive_write_fixes_per_s", rate, "fixes/s")
    context(f"archive size: {path.stat().st_size / 1e6:.1f} MB")

    start = time.perf_counter()
    state = ReplayState(read_archive(path), tail_length=Settings().tail_length)
    figure("replay_open_s", time.perf_counter() - start, "s")

    qt_app = QApplication.instance() or QApplication([])
    app = ConsoleApp(Settings())
    window = MainWindow(app)
    window.resize(1900, 1100)
    window.show()
    session = ReviewSession(app, path)
    app.review = session
    session._opened(state)  # as the runner would deliver it
    canvas = map_only(window, qt_app)
    _fleet_view(canvas, qt_app)
    _frames(state, session, canvas, qt_app)
    window.close()
    app.shutdown()
