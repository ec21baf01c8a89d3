"""The shift report as HTML: one markup for both outputs, the standalone .html file and
the PDF (Qt's QTextDocument lays the same markup out on A4 pages in widgets/report).

Pure (no Qt): the words go through `console.i18n.translate` (the report's language is
installed before rendering), numbers and water levels through `console.bulletin`, times
in Vietnam time through `console.timefmt`. Every value from the archive is escaped: an
incident title or a vessel name is data, never markup. Charts and the map are images
the caller supplies (`images`: name -> src, a data: URI for the .html file, a resource
name for the PDF).
"""

from __future__ import annotations

from html import escape

from console import bulletin
from console.i18n import translate as _tr
from console.model.incident_labels import incident_status_label, incident_type_label, severity_label
from console.report.model import ShiftReport
from console.storm.wording import box_text, intensity_text, storm_name
from console.timefmt import format_age, format_local

CSS = """
body { font-family: 'DejaVu Sans', sans-serif; font-size: 9pt; color: #1a1a1a; }
h1 { font-size: 16pt; margin: 0 0 4px 0; color: #123a5c; }
h2 { font-size: 11.5pt; margin: 14px 0 4px 0; color: #123a5c;
     border-bottom: 1px solid #123a5c; }
table.t { border-collapse: collapse; width: 100%; margin: 2px 0 6px 0; }
table.t th { background: #dfe8f1; text-align: left; padding: 3px; border: 1px solid #9fb3c8; }
table.t td { padding: 2px 3px; border: 1px solid #c8d3de; }
td.n { text-align: right; }
.meta { color: #555; font-size: 8pt; }
.none { color: #555; font-style: italic; }
.warn { color: #a40000; font-weight: bold; }
.kpi td { padding: 4px 8px; border: 1px solid #9fb3c8; }
"""




def _e(value: object) -> str:
    return escape("" if value is None else str(value))


def _num(value: float | None, decimals: int = 1) -> str:
    return "—" if value is None else bulletin.number(value, decimals)


def _table(headers: list[str], rows: list[list[str]], numeric: set[int] = frozenset()) -> str:
    """Rows are already-escaped cell texts."""
    if not rows:
        return '<p class="none">' + _e(_tr("ShiftReport", "None in this period.")) + "</p>"
    head = "".join(f"<th>{_e(h)}</th>" for h in headers)
    body = "".join(
        "<tr>" + "".join(
            f'<td class="n" align="right">{c}</td>' if i in numeric else f"<td>{c}</td>"
            for i, c in enumerate(row)
        ) + "</tr>"
        for row in rows
    )
    return (
        f'<table class="t" border="1" cellspacing="0" cellpadding="3" width="100%">'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )


def _h(level: int, text: str) -> str:
    """A heading (`text` already translated; escaped here)."""
    return f"<h{level}>{_e(text)}</h{level}>"


def _img(images: dict[str, str], name: str, width: int) -> str:
    src = images.get(name)
    return f'<p><img src="{_e(src)}" width="{width}"></p>' if src else ""


def title(report: ShiftReport) -> str:
    return _tr("ShiftReport", "Shift report %1 – %2").replace(
        "%1", format_local(report.start)).replace("%2", format_local(report.end))


def render(report: ShiftReport, images: dict[str, str], page_width_px: int = 680,
           paper: bool = False) -> str:
    """The whole report as one HTML document (UTF-8, no external resources). `paper`:
    laid out for the PDF, where long lists are cut (the .html file lists every row)."""
    parts = [
        f'<!DOCTYPE html><html lang="{_e(report.language)}"><head><meta charset="utf-8">',
        f"<title>{_e(title(report))}</title><style>{CSS}</style></head><body>",
        f"<h1>{_e(title(report))}</h1>",
        _meta(report),
        _summary(report),
        _h(2, _tr("ShiftReport", "Map of the shift")),
        _img(images, "map", page_width_px),
        f'<p class="meta">{_e(_map_note())}</p>',
        '<div style="page-break-before: always"></div>',
        _rain(report, images, page_width_px),
        _levels(report, images, page_width_px),
        _reservoirs(report),
        _vessels(report),
        _storm(report, STORM_ROWS if paper else None),
        _incidents(report),
        _cameras(report),
        _alerts(report),
        "</body></html>",
    ]
    return "\n".join(p for p in parts if p)


def _map_note() -> str:
    return _tr(
        "ShiftReport",
        "Stations coloured by the alarm level reached; red: vessels dark or in violation; "
        "purple: vessels in a storm danger zone (red dashed box: the zone of the last "
        "bulletin); orange: incidents; grey: cameras offline. The Hoàng Sa and Trường Sa "
        "archipelagos of Viet Nam are shown and named, on the map or in its inset.",
    )


def _meta(report: ShiftReport) -> str:
    lines = [
        _tr("ShiftReport", "Window: %1 – %2 (Vietnam time, UTC+7)")
        .replace("%1", format_local(report.start)).replace("%2", format_local(report.end)),
        _tr("ShiftReport", "Source: %1").replace("%1", report.source),
    ]
    names = report.simulated_sources
    if names:
        shown = ", ".join(names[:8]) + (" …" if len(names) > 8 else "")
        lines.append(
            _tr("ShiftReport", "Simulated stations (no published source): %1 of %2 (%3)")
            .replace("%1", str(len(names))).replace("%2", str(len(report.positions)))
            .replace("%3", shown)
        )
    return "".join(f'<p class="meta">{_e(line)}</p>' for line in lines)


def _summary(report: ShiftReport) -> str:
    heavy = report.heaviest_rain
    top = report.levels[0] if report.levels else None
    acked = sum(1 for a in report.alerts if a.ack_by)
    items = [
        (_tr("ShiftReport", "Heaviest rain"),
         "—" if heavy is None else f"{heavy.name}: {bulletin.quantity(heavy.total_mm, 'mm', 1)}"),
        (_tr("ShiftReport", "Highest river level"),
         "—" if top is None else f"{top.name}: {top.phrase}"),
        (_tr("ShiftReport", "Vessels lost signal / must return / in violation"),
         f"{len(report.vessels_in('lost'))} / {len(report.vessels_in('must_return'))} / "
         f"{len(report.vessels_in('violation'))}"),
        (_tr("ShiftReport", "Vessels in a storm danger zone (still inside at the end)"),
         _storm_count(report)),
        (_tr("ShiftReport", "Incidents opened / closed"),
         f"{len(report.incidents_opened)} / {len(report.incidents_closed)}"),
        (_tr("ShiftReport", "Cameras offline"), str(len(report.cameras_offline))),
        (_tr("ShiftReport", "Alerts raised / acknowledged"), f"{len(report.alerts)} / {acked}"),
    ]
    rows = "".join(f"<tr><td><b>{_e(k)}</b></td><td>{_e(v)}</td></tr>" for k, v in items)
    return (
        _h(2, _tr("ShiftReport", "Summary"))
        + f'<table class="kpi t" border="1" cellspacing="0" cellpadding="4" width="100%">'
        f"{rows}</table>"
    )


def _rain(report: ShiftReport, images: dict[str, str], width: int) -> str:
    rows = [
        [_e(r.name), _e(bulletin.number(r.total_mm, 1)), _e(bulletin.number(r.max_reading_mm, 1)),
         str(r.readings)]
        for r in report.rain
    ]
    heavy = report.heaviest_rain
    lead = ""
    if heavy is not None:
        lead = "<p>" + _e(
            _tr("ShiftReport", "Heaviest: %1, %2 in the period.")
            .replace("%1", heavy.name).replace("%2", bulletin.quantity(heavy.total_mm, "mm", 1))
        ) + "</p>"
    return (
        _h(2, _tr("ShiftReport", "Rain totals per station")) + lead
        + _table(
            [_tr("ShiftReport", "Station"), _tr("ShiftReport", "Total (mm)"),
             _tr("ShiftReport", "Largest reading (mm)"), _tr("ShiftReport", "Readings")],
            rows, {1, 2, 3},
        )
        + _img(images, "rain", width // 2)
    )


def _levels(report: ShiftReport, images: dict[str, str], width: int) -> str:
    rows = []
    for r in report.levels:
        levels = bulletin.levels_text(r.levels, "m") if r.levels else "—"
        peak = f'<span class="warn">{_e(r.phrase)}</span>' if r.reached else _e(r.phrase)
        rows.append([_e(r.name), _e(r.river or ""), peak, _e(format_local(r.peak_t)),
                     _e(levels), _e(bulletin.quantity(r.last_m, "m"))])
    return (
        _h(2, _tr("ShiftReport", "Water-level peaks"))
        + _table(
            [_tr("ShiftReport", "Station"), _tr("ShiftReport", "River"),
             _tr("ShiftReport", "Peak"), _tr("ShiftReport", "Peak time"),
             _tr("ShiftReport", "BĐ1 / BĐ2 / BĐ3"), _tr("ShiftReport", "Last reading")],
            rows,
        )
        + _img(images, "level", width // 2)
    )


def _reservoirs(report: ShiftReport) -> str:
    rows = []
    for r in report.reservoirs:
        if r.margin_m is None:
            margin = "—"
        elif r.margin_m >= 0:
            margin = _tr("ShiftReport", "above by %1").replace(
                "%1", bulletin.quantity(r.margin_m, "m"))
        else:
            margin = _tr("ShiftReport", "below by %1").replace(
                "%1", bulletin.quantity(-r.margin_m, "m"))
        rows.append([_e(r.name), _e(bulletin.quantity(r.peak_m, "m")), _e(format_local(r.peak_t)),
                     _e(bulletin.quantity(r.last_m, "m")),
                     _e("—" if r.normal_m is None else bulletin.quantity(r.normal_m, "m")),
                     _e(margin)])
    return (
        _h(2, _tr("ShiftReport", "Reservoirs"))
        + _table(
            [_tr("ShiftReport", "Reservoir"), _tr("ShiftReport", "Peak"),
             _tr("ShiftReport", "Peak time"), _tr("ShiftReport", "Last reading"),
             _tr("ShiftReport", "Normal water level"),
             _tr("ShiftReport", "Last vs normal level")],
            rows,
        )
    )


def _vessels(report: ShiftReport) -> str:
    out = [_h(2, _tr("ShiftReport", "Vessels")),
           "<p>" + _e(_tr("ShiftReport", "%1 vessels reported a position by the end of the "
                                         "period; states at %2 (Decree 37/2024 thresholds).")
                      .replace("%1", bulletin.number(report.vessels_known, 0))
                      .replace("%2", format_local(report.end))) + "</p>"]
    sections = (
        ("lost", _tr("ShiftReport", "Lost signal (silent more than 6 h)")),
        ("must_return", _tr("ShiftReport", "Must return to port")),
        ("violation", _tr("ShiftReport", "In violation (zone or boundary alerts)")),
    )
    for state, heading in sections:
        rows = [
            [_e(v.registration), _e(v.name), _e(format_local(v.fix_time)),
             _e(format_age(v.silent_s) if state != "violation" else v.detail),
             _e(bulletin.latlon(v.lat, v.lon, 4))]
            for v in report.vessels_in(state)
        ]
        fourth = (_tr("ShiftReport", "What") if state == "violation"
                  else _tr("ShiftReport", "Silent for"))
        time_head = (_tr("ShiftReport", "Alert time") if state == "violation"
                     else _tr("ShiftReport", "Last fix"))
        out.append(f"<h3>{_e(heading)} ({len(rows)})</h3>")
        out.append(_table([_tr("ShiftReport", "Registration"), _tr("ShiftReport", "Name"),
                           time_head, fourth, _tr("ShiftReport", "Lat, lon")], rows))
    return "".join(out)


STORM_ROWS = 100  # rows of the storm vessel table on paper; the rest are counted


def _storm_count(report: ShiftReport) -> str:
    if not report.storms_recorded:
        return "—"
    still = sum(1 for v in report.storm_vessels if v.inside_at_end)
    return (f"{bulletin.number(len(report.storm_vessels), 0)} "
            f"({bulletin.number(still, 0)})")


def _storm(report: ShiftReport, max_rows: int | None) -> str:
    heading = _h(2, _tr("ShiftReport", "Storm danger zone"))
    if not report.storms_recorded:
        return heading + '<p class="none">' + _e(_tr(
            "ShiftReport", "This archive was recorded before storm bulletins were kept: "
            "it cannot tell which vessels were in a danger zone.")) + "</p>"
    if not report.storms:
        return heading + '<p class="none">' + _e(_tr(
            "ShiftReport", "No storm bulletin was in force during this period.")) + "</p>"
    bulletins = [
        [_e(b.number), _e(storm_name(b)), _e(format_local(b.issued_at)),
         _e(intensity_text(b)), _e(box_text(b.danger_zone) or "—")]
        for b in report.storms
    ]
    vessels = [
        [_e(v.registration), _e(v.name), _e(v.bulletin_number), _e(format_local(v.first_inside)),
         _e(format_local(v.last_inside)),
         _e(bulletin.latlon(v.lat, v.lon, 4)),
         _e(_tr("ShiftReport", "yes") if v.inside_at_end else _tr("ShiftReport", "no"))]
        for v in report.storm_vessels[:max_rows]
    ]
    more = len(report.storm_vessels) - len(vessels)
    if more > 0:  # a storm over the fishing grounds: thousands; those still inside first
        vessels.append([_e(_tr("ShiftReport", "… and %1 more: the HTML report lists every "
                                              "one").replace("%1", str(more))),
                        "", "", "", "", "", ""])
    note = _tr("ShiftReport", "A vessel counts when one of its recorded fixes lay inside the "
               "zone of the bulletin in force, at sea; between fixes nothing is assumed.")
    return (
        heading
        + _table([_tr("ShiftReport", "Bulletin"), _tr("ShiftReport", "Storm"),
                  _tr("ShiftReport", "Issued"), _tr("ShiftReport", "Near the centre"),
                  _tr("ShiftReport", "Danger zone")], bulletins)
        + _h(3, _tr("ShiftReport", "Vessels inside the danger zone")
             + f" ({bulletin.number(len(report.storm_vessels), 0)})")
        + _table([_tr("ShiftReport", "Registration"), _tr("ShiftReport", "Name"),
                  _tr("ShiftReport", "Bulletin"), _tr("ShiftReport", "First inside"),
                  _tr("ShiftReport", "Last inside"),
                  _tr("ShiftReport", "Last position inside (lat, lon)"),
                  _tr("ShiftReport", "Inside at the end")], vessels)
        + f'<p class="meta">{_e(note)}</p>'
    )


def _incident_rows(rows) -> list[list[str]]:
    return [
        [_e(r.title), _e(incident_type_label(r.type)), _e(severity_label(r.severity)),
         _e(format_local(r.reported_at)), _e(format_age(r.response_s)),
         _e(format_age(r.resolve_s)), _e(incident_status_label(r.status_at_end))]
        for r in rows
    ]


def _incidents(report: ShiftReport) -> str:
    heads = [_tr("ShiftReport", "Incident"), _tr("ShiftReport", "Type"),
             _tr("ShiftReport", "Severity"), _tr("ShiftReport", "Reported"),
             _tr("ShiftReport", "Response time"), _tr("ShiftReport", "Time to resolve"),
             _tr("ShiftReport", "Status at the end")]
    return (
        _h(2, _tr("ShiftReport", "Incidents"))
        + _h(3, _tr("ShiftReport", "Opened") + f" ({len(report.incidents_opened)})")
        + _table(heads, _incident_rows(report.incidents_opened))
        + _h(3, _tr("ShiftReport", "Resolved or closed") + f" ({len(report.incidents_closed)})")
        + _table(heads, _incident_rows(report.incidents_closed))
    )


def _cameras(report: ShiftReport) -> str:
    rows = [
        [_e(c.name), _e(format_local(c.offline_since)),
         _e(format_local(c.back_at) if c.back_at else _tr("ShiftReport", "still offline"))]
        for c in report.cameras_offline
    ]
    return _h(2, _tr("ShiftReport", "Cameras offline")) + _table(
        [_tr("ShiftReport", "Camera"), _tr("ShiftReport", "Offline since"),
         _tr("ShiftReport", "Back online")], rows)


def _alerts(report: ShiftReport) -> str:
    heading = _h(2, _tr("ShiftReport", "Alerts and who acknowledged them"))
    if not report.alerts_available:
        return heading + '<p class="none">' + _e(_tr(
            "ShiftReport", "Alerts are raised and kept by the consoles: a report built from "
            "the backend's history has none. Use a console's recorded archive for them.",
        )) + "</p>"
    nobody = _tr("ShiftReport", "not acknowledged")
    if not report.alerts_have_acks:
        nobody = _tr("ShiftReport", "not recorded in this archive")
    rows = [
        [_e(format_local(a.raised_at)), _e(severity_label(a.severity)), _e(a.title),
         _e(format_local(a.cleared_at) if a.cleared_at else "—"),
         _e(a.ack_by or nobody), _e(format_local(a.ack_at) if a.ack_at else "—")]
        for a in report.alerts
    ]
    return heading + _table(
        [_tr("ShiftReport", "Raised"), _tr("ShiftReport", "Severity"),
         _tr("ShiftReport", "Alert"), _tr("ShiftReport", "Cleared"),
         _tr("ShiftReport", "Acknowledged by"), _tr("ShiftReport", "At")], rows)
