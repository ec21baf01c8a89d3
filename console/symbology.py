"""The colours of each layer kind, defined once: the map's symbols and legend
(`layers/<kind>/layer.py`), the print and PNG (which render the map and its legend) and
the HTML export and picture snapshot (`console/export`) all take them from here, so an
export reads like the screen. Qt-free (plain '#rrggbb[aa]' strings) so `console/` can
use it; shapes and sizes stay with the layers, which own the drawing.

Palette notes: VMS states go green (reporting) -> amber (late) -> red (lost) -> purple
(must return), grey in port. Alarm levels follow the yellow-orange-red order of
warning bulletins. Rain is a sequential blue ramp: the official disaster-risk palette
(Decision 18/2021) is kept for risk levels only (DESIGN.md).
"""

from __future__ import annotations

from dataclasses import dataclass

from console.model.freshness import VmsState


@dataclass(frozen=True, slots=True)
class Swatch:
    fill: str
    outline: str


# --- vessels (index: VmsState value) -------------------------------------------------------
VESSEL = {
    VmsState.IN_PORT.value: Swatch("#8d99a6", "#4d5661"),
    VmsState.FRESH.value: Swatch("#1f9d55", "#0b3d20"),
    VmsState.LATE.value: Swatch("#f2a600", "#5c3f00"),
    VmsState.LOST.value: Swatch("#d62728", "#4d0000"),
    VmsState.MUST_RETURN.value: Swatch("#8e24aa", "#2d0036"),
}
VIOLATION_RING = "#e0007a"
VESSEL_TAIL = "#3d6a8f90"  # translucent: tails must not hide the symbols
# the halo under a symbol that stands for several vessels (a thinned dense view):
# translucent dark navy with a light ring, readable on the sea and on land
VESSEL_CLUSTER = Swatch("#1b2a3a59", "#ffffffcc")

# a captain's manual position report (VMS silent): a colour of its own, apart from the VMS
# states' and the violation ring's, so a reported position never reads as a VMS fix
MANUAL_REPORT = Swatch("#ffb300", "#3e2723")
MANUAL_REPORT_EARLIER = Swatch("#ffe082", "#6d4c41")

# --- hydrology stations (index: the station layer's classes) ------------------------------
STATION_BELOW_BD1 = Swatch("#2c7fb8", "#08306b")
STATION_BD = (  # above BĐ1, BĐ2, BĐ3
    Swatch("#ffd92f", "#6b5a00"),
    Swatch("#fd8d3c", "#6b2c00"),
    Swatch("#e31a1c", "#3d0000"),
)
RESERVOIR_BELOW_NORMAL = Swatch("#41b6c4", "#0b4650")
RESERVOIR_AT_NORMAL = Swatch("#fd8d3c", "#6b2c00")
RAIN = (  # none, light, moderate, heavy, very heavy (24 h classes of the rules file)
    Swatch("#f7fbff", "#4a6d8c"),
    Swatch("#c6dbef", "#4a6d8c"),
    Swatch("#6baed6", "#08306b"),
    Swatch("#2171b5", "#021b3d"),
    Swatch("#08306b", "#000000"),
)
STATION_NO_DATA = Swatch("#9e9e9e", "#5f5f5f")

# --- incidents: the fill says the severity ------------------------------------------------
INCIDENT_SEVERITY = {
    "low": "#a6d96a",
    "medium": "#fee08b",
    "high": "#f46d43",
    "critical": "#b2182b",
}


def level_swatch(level: int) -> Swatch:
    """Water-level gauge at alarm level `level` (0: below BĐ1 .. 3: above BĐ3)."""
    return STATION_BELOW_BD1 if level <= 0 else STATION_BD[min(level, 3) - 1]
