"""Data exports: the selection or the whole view as CSV and GeoPackage.

`item_tables` copies the records in view (or the selected ids) from the stores on the
GUI thread into plain rows (every field of the record, times as epoch seconds UTC and
ISO text in UTC+7); `write_csv` / `write_gpkg` write them on a worker. One table per
kind: vessels, stations, incidents, cameras.
"""

from __future__ import annotations

import csv
import json
import sqlite3
from dataclasses import asdict, is_dataclass
from pathlib import Path
from typing import Any

from console.archive import gpkg
from console.timefmt import format_local

KINDS = ("vessels", "stations", "incidents", "cameras")
TIME_FIELDS = ("fix_time", "latest_time", "reported_at", "updated_at", "last_seen")


def _row(record: Any) -> dict[str, Any]:
    d = asdict(record) if is_dataclass(record) else dict(record)
    out: dict[str, Any] = {}
    for key, raw in d.items():
        value = json.dumps(raw, ensure_ascii=False) if isinstance(raw, list | tuple | dict) else raw
        out[key] = value
        if key in TIME_FIELDS:
            out[f"{key}_local"] = "" if value is None else format_local(value, seconds=True)
    return out


def _in(lon: float, lat: float, extent: tuple[float, float, float, float] | None) -> bool:
    return extent is None or (extent[0] <= lon <= extent[2] and extent[1] <= lat <= extent[3])


def item_tables(
    app: Any, extent: tuple[float, float, float, float] | None = None, ids: set[str] | None = None
) -> dict[str, list[dict[str, Any]]]:
    """Rows per kind: the records with an id in `ids` if given, else those in `extent`
    (lon0, lat0, lon1, lat1; None = everything). GUI thread (reads the stores)."""
    tables: dict[str, list[dict[str, Any]]] = {}
    for kind in KINDS:
        store = getattr(app, kind)
        rows = []
        for r in store.records():
            if ids is not None:
                if r.id in ids:
                    rows.append(_row(r))
            elif _in(r.lon, r.lat, extent):
                rows.append(_row(r))
        if rows:
            tables[kind] = rows
    return tables


def write_csv(tables: dict[str, list[dict[str, Any]]], path: str | Path) -> list[Path]:
    """One UTF-8 CSV (with BOM, so spreadsheet software reads Vietnamese) per table:
    `path` itself if there is one table, else `<stem>_<kind>.csv` beside it."""
    path = Path(path)
    written = []
    for kind, rows in tables.items():
        target = path if len(tables) == 1 else path.with_name(f"{path.stem}_{kind}.csv")
        with target.open("w", encoding="utf-8-sig", newline="") as f:
            writer = csv.DictWriter(f, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
        written.append(target)
    return written


def _sql_type(values: list[Any]) -> str:
    present = [v for v in values if v is not None]
    if present and all(isinstance(v, bool | int) for v in present):
        return "INTEGER"
    if present and all(isinstance(v, int | float) for v in present):
        return "REAL"
    return "TEXT"


def write_gpkg(tables: dict[str, list[dict[str, Any]]], path: str | Path) -> Path:
    """One point layer per table (WGS 84) in a new GeoPackage at `path` (replaced)."""
    path = Path(path)
    path.unlink(missing_ok=True)
    conn = sqlite3.connect(str(path))
    try:
        gpkg.init_geopackage(conn)
        for kind, rows in tables.items():
            names = [k for k in rows[0] if k != "id"]
            cols = ["item_id TEXT"] + [f'"{n}" {_sql_type([r[n] for r in rows])}' for n in names]
            gpkg.add_feature_table(conn, kind, cols, f"IOC Console export: {kind}")
            marks = ", ".join("?" for _ in range(len(names) + 2))
            quoted = ", ".join(f'"{n}"' for n in names)
            conn.executemany(
                f'INSERT INTO "{kind}" (geom, item_id, {quoted}) VALUES ({marks})',
                [
                    (gpkg.point_blob(r["lon"], r["lat"]), r["id"], *(r[n] for n in names))
                    for r in rows
                ],
            )
        conn.commit()
    finally:
        conn.close()
    return path
