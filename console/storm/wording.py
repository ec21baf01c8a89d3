"""How a storm bulletin's facts are said in tables and reports (Qt-free, translated
through console.i18n): the storm's name with "simulated" when it is, and the danger zone
as the bulletin publishes it, a box of parallels and meridians. One wording for the
danger-zone list, its exports and the shift report."""

from __future__ import annotations

from console import bulletin as fmt
from console.i18n import translate as _tr
from console.model.storm import DangerBox, StormBulletin


def storm_name(bulletin: StormBulletin) -> str:
    name = bulletin.name
    if bulletin.simulated:
        name += " (" + _tr("DangerList", "simulated") + ")"
    return name


def zone_text(box: DangerBox | None) -> str:
    """'danger zone 11,5–16,0° N, 108,5–113,0° E' (empty without a zone)."""
    if box is None:
        return ""
    return _with_box(_tr("DangerList", "danger zone %1–%2° N, %3–%4° E"), box)


def box_text(box: DangerBox | None) -> str:
    """'11,5–16,0° N, 108,5–113,0° E': the zone's parallels and meridians alone, for a
    column already headed "danger zone" (empty without a zone)."""
    if box is None:
        return ""
    return _with_box(_tr("DangerList", "%1–%2° N, %3–%4° E"), box)


def _with_box(text: str, box: DangerBox) -> str:
    return (text.replace("%1", fmt.number(box.south, 1)).replace("%2", fmt.number(box.north, 1))
            .replace("%3", fmt.number(box.west, 1)).replace("%4", fmt.number(box.east, 1)))


def intensity_text(bulletin: StormBulletin) -> str:
    """'level 11, gusts 13' near the centre, as every bulletin states it."""
    c = bulletin.centre
    return (_tr("DangerList", "level %1, gusts %2")
            .replace("%1", str(c.wind_level)).replace("%2", str(c.gust_level)))
