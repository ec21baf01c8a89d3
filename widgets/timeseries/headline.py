"""The line above a chart that an operator reads first: latest value the way bulletins
say it, its age, the rate of rise and the projected time to the next alarm level, and
how many readings were flagged. Built from the latest *valid* reading only, so a 9999
sentinel or a spike never raises an alarm level by itself. GUI thread (translations).
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from console import bulletin
from console.model.station import Station
from console.series import projection, quality
from console.timefmt import format_age, format_local

_tr = QCoreApplication.translate
HOUR = 3600.0

_FLAG_NAMES = {  # marked for lupdate here, translated where shown
    quality.Flag.MISSING: QT_TRANSLATE_NOOP("Headline", "missing"),
    quality.Flag.DUPLICATE: QT_TRANSLATE_NOOP("Headline", "conflicting duplicates"),
    quality.Flag.SENTINEL: QT_TRANSLATE_NOOP("Headline", "sentinel codes"),
    quality.Flag.OUT_OF_RANGE: QT_TRANSLATE_NOOP("Headline", "out of range"),
    quality.Flag.SPIKE: QT_TRANSLATE_NOOP("Headline", "spikes"),
    quality.Flag.FLATLINE: QT_TRANSLATE_NOOP("Headline", "flat-lined"),
}


def level_text(station: Station, value: float) -> str:
    """'7.30 m, above BĐ2 by 0.30 m' (vi: '7,30 m, trên BĐ2 0,30 m'), naming the nearest
    alarm level as the bulletins do (console.bulletin)."""
    if station.alarm_levels:
        return bulletin.level_phrase(value, station.alarm_levels, station.unit)
    text = bulletin.quantity(value, station.unit)
    if station.normal_level is not None:
        diff = value - station.normal_level
        if diff >= 0:
            phrase = _tr("Headline", "%1, %2 above normal level")
        else:
            phrase = _tr("Headline", "%1, %2 below normal level")
        return phrase.replace("%1", text).replace("%2", bulletin.quantity(abs(diff), station.unit))
    return text


def projection_text(station: Station, clean: quality.CleanSeries, value: float) -> str:
    valid = clean.valid_values()
    rate = projection.rate_of_rise(clean.t, valid)
    proj = projection.project(value, rate, station.alarm_levels)
    if proj is None:
        return ""
    if abs(proj.rate_m_per_h) < 0.01:
        return _tr("Headline", "steady")
    verb = (
        _tr("Headline", "rising %1/h") if proj.rate_m_per_h > 0 else _tr("Headline", "falling %1/h")
    )
    text = verb.replace("%1", bulletin.quantity(abs(proj.rate_m_per_h), station.unit))
    if proj.next_level is not None and proj.hours_to_next is not None:
        hours = proj.hours_to_next
        when = bulletin.number(hours, 1 if hours < 10 else 0)
        text += " · " + _tr("Headline", "BĐ%1 in ~%2 h at this rate").replace(
            "%1", str(proj.next_level)
        ).replace("%2", when)
    return text


def rain_text(station: Station, clean: quality.CleanSeries, now: float) -> str:
    valid = clean.valid_values()
    parts = []
    for hours in (1, 3, 24):
        first = int(np.searchsorted(clean.t, now - hours * HOUR, side="right"))
        total = float(np.nansum(valid[first:]))
        parts.append(
            _tr("Headline", "%1 h: %2")
            .replace("%1", str(hours))
            .replace("%2", bulletin.quantity(total, station.unit, 1))
        )
    return " · ".join(parts)


def headline(station: Station, clean: quality.CleanSeries | None, now: float) -> str:
    """Plain-text status of one station for its chart (never raises on bad data)."""
    if clean is None or len(clean.t) == 0:
        return _tr("Headline", "%1: no readings in this range").replace("%1", station.name)
    parts = [station.name]
    last = quality.latest_valid(clean)
    newest = len(clean.t) - 1
    if last is None:
        parts.append(_tr("Headline", "no valid reading"))
    else:
        t, value = last
        parts.append(
            level_text(station, value)
            if station.kind != "rain"
            else bulletin.quantity(value, station.unit, 1)
        )
        parts.append(
            _tr("Headline", "%1 (%2 ago)")
            .replace("%1", format_local(t))
            .replace("%2", format_age(now - t))
        )
        if station.kind == "rain":
            parts.append(rain_text(station, clean, now))
        else:
            extra = projection_text(station, clean, value)
            if extra:
                parts.append(extra)
    if clean.flags[newest] & int(quality.SUSPECT):
        parts.append(
            _tr("Headline", "latest reading %1 is suspect and ignored").replace(
                "%1", f"{clean.value[newest]:g}"
            )
        )
    counts = clean.flag_counts
    if counts:
        flagged = ", ".join(f"{n} {_tr('Headline', _FLAG_NAMES[f])}" for f, n in counts.items())
        parts.append(_tr("Headline", "flagged: %1").replace("%1", flagged))
    return " · ".join(parts)
