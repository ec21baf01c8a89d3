"""The danger-zone vessel list as the border guard sends it out: one table, written as
CSV (for their systems) or laid out as HTML for the PDF. Qt-free; the PDF itself is laid
out by the GUI (widgets/storm/export.py)."""

from __future__ import annotations

import csv
from html import escape
from pathlib import Path

from console import bulletin as fmt
from console.i18n import translate as _tr
from console.model.freshness import VmsState
from console.model.storm import StormBulletin
from console.storm.watch import DangerVessel
from console.storm.wording import storm_name, zone_text
from console.timefmt import format_local


def vms_text(state: VmsState) -> str:
    return {
        VmsState.IN_PORT: _tr("DangerList", "In port"),
        VmsState.FRESH: _tr("DangerList", "Reporting"),
        VmsState.LATE: _tr("DangerList", "Late"),
        VmsState.LOST: _tr("DangerList", "Signal lost"),
        VmsState.MUST_RETURN: _tr("DangerList", "Must return to port"),
    }[state]


def where_text(v: DangerVessel) -> str:
    if v.inside:
        return _tr("DangerList", "inside, %1 km from the edge").replace(
            "%1", fmt.number(v.distance_km, 0))
    hours = fmt.number(v.hours_to_enter or 0.0, 1)
    return _tr("DangerList", "heading in: %1 km, in about %2 h").replace(
        "%1", fmt.number(v.distance_km, 0)).replace("%2", hours)


def headers() -> list[str]:
    return [
        _tr("DangerList", "Registration"),
        _tr("DangerList", "Name"),
        _tr("DangerList", "Owner"),
        _tr("DangerList", "Position"),
        _tr("DangerList", "Danger zone"),
        _tr("DangerList", "VMS"),
        _tr("DangerList", "Last fix"),
    ]


def row(v: DangerVessel) -> list[str]:
    return [
        v.registration,
        v.name,
        v.owner,
        f"{fmt.number(v.lat, 4)}° N, {fmt.number(v.lon, 4)}° E",
        where_text(v),
        vms_text(v.vms),
        format_local(v.fix_time),
    ]


def title(bulletin: StormBulletin) -> str:
    text = _tr("DangerList", "Vessels in or heading into the danger zone of %1")
    return text.replace("%1", storm_name(bulletin))


def subtitle(bulletin: StormBulletin, at: float) -> str:
    area = zone_text(bulletin.danger_zone)
    return (_tr("DangerList", "Bulletin no. %1 of %2; %3; list as of %4")
            .replace("%1", str(bulletin.number)).replace("%2", format_local(bulletin.issued_at))
            .replace("%3", area).replace("%4", format_local(at)))


def write_csv(path: str | Path, bulletin: StormBulletin, vessels: list[DangerVessel],
              at: float) -> Path:
    """UTF-8 with a BOM, so that a spreadsheet opens the Vietnamese names right."""
    path = Path(path)
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        out = csv.writer(f)
        out.writerow([title(bulletin)])
        out.writerow([subtitle(bulletin, at)])
        out.writerow(headers())
        out.writerows(row(v) for v in vessels)
    return path


def html_table(bulletin: StormBulletin, vessels: list[DangerVessel], at: float) -> str:
    cells = "".join(f"<th>{escape(h)}</th>" for h in headers())
    body = "".join(
        "<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row(v)) + "</tr>" for v in vessels
    )
    inside = sum(1 for v in vessels if v.inside)
    counts = (_tr("DangerList", "%1 inside, %2 heading in").replace("%1", str(inside))
              .replace("%2", str(len(vessels) - inside)))
    return (
        "<html><head><meta charset='utf-8'><style>"
        "body{font-family:'DejaVu Sans',sans-serif;font-size:9pt}"
        "table{border-collapse:collapse;width:100%}"
        "th,td{border:1px solid #999;padding:2px 4px;text-align:left}"
        "th{background:#eceff1}</style></head><body>"
        f"<h2>{escape(title(bulletin))}</h2><p>{escape(subtitle(bulletin, at))}<br>"
        f"<b>{escape(counts)}</b></p>"
        f"<table><tr>{cells}</tr>{body}</table></body></html>"
    )
