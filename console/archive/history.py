"""Build an archive for any past period from the backend's history endpoints, so a
planner can review a period no console recorded (and the shift report can run against
the live backend). The file is the same archive the recorder writes, read by the same
reader.

Blocking (HTTP + SQLite): run it on a worker (console/live/runner.py) or in the headless
report run. It reports progress after every request, stops between requests when asked
(`Cancelled`), and resumes: the steps already written are listed in the archive's
`archive_meta` (`period:done:<step>`), so building the same period into the same file
again skips them. What the endpoints cannot give is stated in the archive's meta:

- fixes come from GET /tracks in windows of at most 6 h; a fix is 'in_port' when the
  vessel is in port now and the fix is stationary (speed 0) — the history has no
  per-fix status;
- cameras have no history endpoint: their present state is written once;
- alerts are the console's, not the backend's: none are written;
- storm bulletins: every one in force during the period (GET /storm/bulletins).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from pathlib import Path

import numpy as np

from console.archive.writer import ArchiveWriter, Batch
from console.model.lonlat_box import LonLatBox
from console.model.station import Station
from console.model.vessel import Vessel

TRACK_CHUNK_S = 6 * 3600.0
PAGE = 1000
Progress = Callable[[int, int, str], None]  # done, total, what


class Cancelled(Exception):
    """The build was cancelled between two requests; what was written stays (resume)."""


Area = LonLatBox  # a period's area; None everywhere means the whole province


def _pages(fetch: Callable[..., object]) -> list:
    """Every item of a paged live collection."""
    items: list = []
    since = after = None
    while True:  # a cut page continues with since=its cursor, after=its `after`
        page = fetch(since=since, after=after, limit=PAGE)
        items.extend(page.items)
        since, after = page.cursor, page.after
        if after is None:
            return items


def _done(path: Path) -> set[str]:
    import sqlite3

    if not path.is_file():
        return set()
    with sqlite3.connect(str(path)) as conn:
        try:
            rows = conn.execute(
                "SELECT key FROM archive_meta WHERE key LIKE 'period:done:%'"
            ).fetchall()
        except sqlite3.DatabaseError:
            return set()
    return {r[0].removeprefix("period:done:") for r in rows}


def build_period_archive(
    client,
    start: float,
    end: float,
    path: str | Path,
    area: Area | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Path:
    """Write the archive of [start, end] (epoch s UTC) from `client` (a RestClient) to
    `path`; returns the path. Raises SourceError from the client, Cancelled, OSError."""
    if not end > start:
        raise ValueError("the period must end after it starts")
    path = Path(path)
    done = _done(path)
    writer = ArchiveWriter(path)
    try:
        key = f"{start:.0f}-{end:.0f}-{area.bbox() if area else 'all'}"
        writer.write(Batch(meta={"period": key, "period_source": client.base_url}))
        bbox = area.bbox() if area else None
        stations = [s for s in _pages(lambda **kw: client.stations(bbox=bbox, **kw))
                    if area is None or area.contains(s.lon, s.lat)]
        vessels = {v.id: v for v in _pages(client.vessels)}
        chunks = max(1, math.ceil((end - start) / TRACK_CHUNK_S))
        total = len(stations) + chunks + 3
        step = 0

        def tick(what: str) -> None:
            nonlocal step
            step += 1
            if progress:
                progress(step, total, what)
            if cancelled and cancelled():
                raise Cancelled(what)

        def finish(name: str, batch: Batch) -> None:
            batch.meta[f"period:done:{name}"] = "1"
            writer.write(batch)

        for s in stations:
            name = f"station:{s.id}"
            if name not in done:
                series = client.history(s.id, start, end)
                finish(name, _station_batch(s, series.t, series.value))
            tick(name)
        for k in range(chunks):
            t0 = start + k * TRACK_CHUNK_S
            t1 = min(end, t0 + TRACK_CHUNK_S)
            name = f"tracks:{t0:.0f}"
            if name not in done:
                finish(name, _track_batch(client.fleet_tracks(t0, t1), vessels, area, t1))
            tick(name)
        if "incidents" not in done:
            incidents = [i for i in _pages(lambda **kw: client.incidents(bbox=bbox, **kw))
                         if i.reported_at <= end and (i.updated_at >= start
                                                      or i.status not in ("closed",))]
            finish("incidents", Batch(incidents=incidents))
        tick("incidents")
        if "cameras" not in done:
            cameras = _pages(lambda **kw: client.cameras(bbox=bbox, **kw))
            finish("cameras", Batch(cameras=cameras, meta={
                "period_note": "camera states: present state only; alerts: none (the "
                               "backend keeps no alert history)"}))
        tick("cameras")
        if "storms" not in done:
            finish("storms", Batch(storms=client.storm_bulletins(start, end)))
        tick("storms")
    finally:
        writer.close()
    return path


def _station_batch(s: Station, t: np.ndarray, value: np.ndarray) -> Batch:
    """One station's readings as station records (the writer stores each reading)."""
    ok = np.isfinite(t)
    records = [
        Station(s.id, s.code, s.name, s.kind, s.river, s.unit, s.lon, s.lat, s.alarm_levels,
                s.normal_level, float(tt), None if not math.isfinite(vv) else float(vv),
                s.source)
        for tt, vv in zip(t[ok].tolist(), value[ok].tolist(), strict=True)
    ]
    return Batch(stations=records or [s])


def _track_batch(cols, vessels: dict[str, Vessel], area: Area | None, t1: float) -> Batch:
    """Fixes of one track window as vessel records (the writer stores each as a fix).
    The vessels' latest rows end at the last fix at or before the window's end."""
    speed = cols.speed_kn if cols.speed_kn is not None else np.full(len(cols.t), np.nan)
    course = cols.course_deg if cols.course_deg is not None else np.full(len(cols.t), np.nan)
    out: list[Vessel] = []
    for vid, t, lon, lat, sp, co in zip(cols.vessel_id, cols.t.tolist(), cols.lon.tolist(),
                                        cols.lat.tolist(), speed.tolist(), course.tolist(),
                                        strict=True):
        v = vessels.get(vid)
        if v is None or (area is not None and not area.contains(lon, lat)) or t > t1:
            continue
        status = "in_port" if v.status == "in_port" and sp == 0 else "at_sea"
        out.append(Vessel(v.id, v.registration, v.name, v.owner, v.length_m, v.gear,
                          v.home_port, status, lon, lat, t, sp, co))
    return Batch(vessels=out)
