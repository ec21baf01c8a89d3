"""Map themes: the light map, and the dark one for the control room at night.

A dark window around a bright map dazzles and defeats the purpose of the dark theme, so
the map darkens too: sea, land, water, lines and labels (`DARK`). The symbols keep their
colours — a colour is a meaning (alarm level, VMS state, rain class) — but each must
still stand out on the dark sea and land. The rule is WCAG 2.1 non-text contrast
(SC 1.4.11): a symbol's edge against what lies next to it at least 3:1. A symbol whose
fill is too dark for the dark map (the very-heavy-rain navy, the "lost" red) is given a
light outline instead (`themed`), which contrasts with the background and with its
fill; symbols bright enough keep theirs.

Renderers apply a theme through `Renderer.set_theme` (the canvas hands it to each); the
light theme is the styles as the layers define them (no overrides).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from layers.base import PointStyle
from layers.basemap_vector.layer import VectorStyle

MIN_SYMBOL_CONTRAST = 3.0  # WCAG 2.1 SC 1.4.11 (non-text contrast)
LIGHT_EDGE = "#f2f5f8"  # the outline a dark symbol gets on the dark map


@dataclass(frozen=True)
class MapTheme:
    name: str
    sea: str
    land: str
    basemap: dict[str, VectorStyle] = field(default_factory=dict)  # overrides by kind
    label_ink: dict[str, str] = field(default_factory=dict)  # overrides by label kind
    label_halo: str | None = None  # '#rrggbbaa'; None: the labels' own (white)
    ink: str = "#202020"  # map furniture drawn on the map: scale bar, north arrow
    halo: str = "#ffffffdc"  # under the furniture's ink, so it reads on land and sea
    inset_land: str = "#e9e4d4"  # the overview inset (a small locator map)
    inset_sea: str = "#b9d3e6"
    inset_ink: str = "#1d4e75"
    dark: bool = False

    def backgrounds(self) -> tuple[str, str]:
        """What a symbol lies on: the sea and the land."""
        return self.sea, self.land


LIGHT = MapTheme("light", sea="#c6dcec", land="#f1ede2")

DARK = MapTheme(
    "dark",
    sea="#0d1823",
    land="#262a30",
    basemap={
        "land": VectorStyle("#262a30", "#4a525c", 1.0, z=0),
        "land_overview": VectorStyle("#262a30", "#4a525c", 1.0, z=0),
        "island": VectorStyle("#262a30", "#56606b", 1.0, z=1),
        "province": VectorStyle("#2c3036", "#c07a4e", 1.0, dashed=True, z=2),
        "lagoon": VectorStyle("#13283a", "#2f5877", 1.0, z=3),
        "lake": VectorStyle("#13283a", "#2f5877", 1.0, z=3),
        "reservoir": VectorStyle("#163048", "#3a6f99", 1.0, z=3),
        "river": VectorStyle(None, "#3f7fb0", 1.0, z=4),
        "road": VectorStyle(None, "#b5564b", 1.0, z=5),
        "province_historic": VectorStyle(None, "#8a8f96", 1.0, dashed=True, z=6),
        "archipelago_area": VectorStyle(None, "#5b88ad", 1.0, dashed=True, z=1),
    },
    label_ink={
        "archipelago": "#9cc4e4",
        "city": "#eceff2",
        "town": "#c9ced4",
        "port": "#8fc3ea",
        "island": "#c9ced4",
        "province": "#e0a27a",
        "province_historic": "#a9aeb4",
        "lagoon": "#8fbde0",
        "river": "#8fbde0",
        "road": "#e08b80",
    },
    label_halo="#000000d0",
    ink="#e8ecf0",
    halo="#000000c8",
    inset_land="#30353c",
    inset_sea="#132232",
    inset_ink="#9cc4e4",
    dark=True,
)

THEMES = {"light": LIGHT, "dark": DARK}


def theme_named(name: str) -> MapTheme:
    return THEMES.get(name, LIGHT)


def _channel(v: int) -> float:
    c = v / 255.0
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def luminance(colour: str) -> float:
    """WCAG 2 relative luminance of '#rrggbb' (an alpha suffix is ignored)."""
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast_ratio(a: str, b: str) -> float:
    """WCAG 2 contrast ratio of two colours, 1 (same) .. 21 (black on white)."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def _opaque(colour: str) -> bool:
    return len(colour) != 9 or int(colour[7:9], 16) >= 0x80


def edge_colour(fill: str, outline: str) -> str:
    """The colour a symbol shows the background: its fill, unless the fill is (nearly)
    transparent (a ring) — then its outline."""
    return fill if _opaque(fill) else outline


def needs_light_edge(fill: str, outline: str, theme: MapTheme) -> bool:
    """True when the symbol's own edge is below 3:1 against the sea or the land."""
    if not _opaque(fill) and not _opaque(outline):
        return False  # drawn invisible on purpose (a closed incident)
    edge = edge_colour(fill, outline)
    return any(contrast_ratio(edge, bg) < MIN_SYMBOL_CONTRAST for bg in theme.backgrounds())


def themed_edge(fill: str, outline: str, width: float, theme: MapTheme) -> tuple[str, float]:
    """(outline, width) of a symbol drawn on `theme`: a symbol too dark for the dark map
    gets a light outline of at least 1.5 px; otherwise its own."""
    if not theme.dark or not needs_light_edge(fill, outline, theme):
        return outline, width
    return LIGHT_EDGE, max(1.5, width)


def themed(style: PointStyle, theme: MapTheme) -> PointStyle:
    """`style` as drawn on `theme` (see `themed_edge`)."""
    outline, width = themed_edge(style.fill, style.outline, style.outline_width, theme)
    if (outline, width) == (style.outline, style.outline_width):
        return style
    return replace(style, outline=outline, outline_width=width)
