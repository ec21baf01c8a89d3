"""Numbers and water levels said the way the province's flood bulletins say them.

One module for every place a station value is shown (inspector, alerts, lists, chart
headlines), so they cannot drift apart:

- numbers: Vietnamese writes 1.523.792 and 6,31 (thousands '.', decimal ','); English
  1,523,792 and 6.31;
- a water level against its alarm levels: "6,31 m, trên BĐ1 0,31 m". The bulletins of
  Đài KTTV Bình Định name the *nearest* alarm level: 7,34 m is "trên BĐ2 0,34 m" but
  7,62 m is "dưới BĐ3 0,38 m" (24/11/2017 and 29/11 bulletins, pcttbinhdinh.gov.vn); a
  value on a level is "ở mức BĐ3"; below BĐ1 always "dưới BĐ1".

Pure (no Qt): the connecting words are marked for lupdate here and translated through
`console.i18n.translate`, and numbers follow `console.i18n.language()` (the UI installs
both with its translator), so `console/` stays free of Qt and the .ts still carries
every word. `configure` overrides both (tests).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from console import i18n

Translate = Callable[[str, str], str]
CONTEXT = "Bulletin"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks `text` for lupdate; translated where shown, through `_translate`."""
    return text


_ABOVE = QT_TRANSLATE_NOOP("Bulletin", "%1, above BĐ%2 by %3")
_BELOW = QT_TRANSLATE_NOOP("Bulletin", "%1, below BĐ%2 by %3")
_AT = QT_TRANSLATE_NOOP("Bulletin", "%1, at BĐ%2")
_RISK = QT_TRANSLATE_NOOP("Bulletin", "disaster risk level %1")
_RISK_OPEN = QT_TRANSLATE_NOOP("Bulletin", "disaster risk level %1 or higher")
_LEVEL = QT_TRANSLATE_NOOP("Bulletin", "level %1")  # beside a 'Disaster risk' heading
_LEVEL_OPEN = QT_TRANSLATE_NOOP("Bulletin", "level %1 or higher")

_state: dict[str, object] = {"language": None, "translate": None}


def configure(language: str | None, translate: Translate | None = None) -> None:
    """Override the UI language for number formats and the translator for the connecting
    words (None: follow console.i18n, as the console does)."""
    _state["language"] = language
    _state["translate"] = translate


def language() -> str:
    override = _state["language"]
    return str(override) if override else i18n.language()


def _tr(text: str) -> str:
    translate = _state["translate"]
    return translate(CONTEXT, text) if callable(translate) else i18n.translate(CONTEXT, text)


def number(value: float, decimals: int = 2, lang: str | None = None) -> str:
    """`value` with grouped thousands: 1.523.792 / 6,31 in Vietnamese, 1,523,792 / 6.31 in
    English. NaN and infinities come back as '–' (nothing to read)."""
    if value is None or not math.isfinite(value):
        return "–"
    text = f"{value:,.{decimals}f}"
    if (lang or language()) == "vi":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text


def latlon(lat: float, lon: float, decimals: int = 5, lang: str | None = None) -> str:
    """'13,77650; 109,22370' — latitude then longitude, as the cursor readout writes them
    ('; ' between, since the Vietnamese decimal mark is the comma)."""
    return f"{number(lat, decimals, lang)}; {number(lon, decimals, lang)}"


def quantity(value: float, unit: str, decimals: int = 2, lang: str | None = None) -> str:
    """'6,31 m' / '6.31 m'."""
    return f"{number(value, decimals, lang)} {unit}".rstrip()


@dataclass(frozen=True, slots=True)
class LevelStatus:
    """Where a value stands against BĐ1..BĐ3: `reached` is the highest level reached (0 =
    below BĐ1; the colour and the alarm follow it); `named` the level the bulletin names,
    `relation` 'above' / 'below' / 'at' it, `distance` how far (≥ 0)."""

    reached: int
    named: int
    relation: str
    distance: float


def level_status(value: float, levels: tuple[float, float, float]) -> LevelStatus:
    """The bulletin's choice of level: the nearest one (ties name the next level up, as
    '7,50 <BĐ III 0,50' in the 18/11/2025 Thạnh Hòa table); below BĐ1 always BĐ1."""
    reached = sum(1 for level in levels if value >= level)
    for i, level in enumerate(levels, start=1):
        if round(value, 2) == round(level, 2):
            return LevelStatus(reached, i, "at", 0.0)
    if reached == 0:
        return LevelStatus(0, 1, "below", levels[0] - value)
    above = value - levels[reached - 1]
    if reached == len(levels):
        return LevelStatus(reached, reached, "above", above)
    below = levels[reached] - value
    if below <= above:
        return LevelStatus(reached, reached + 1, "below", below)
    return LevelStatus(reached, reached, "above", above)


def level_phrase(
    value: float, levels: tuple[float, float, float] | None, unit: str = "m",
    lang: str | None = None,
) -> str:
    """'6,31 m, trên BĐ1 0,31 m' (en '6.31 m, above BĐ1 by 0.31 m'); just the value when
    the station has no alarm levels."""
    text = quantity(value, unit, 2, lang)
    if not levels:
        return text
    status = level_status(value, levels)
    if status.relation == "at":
        return _tr(_AT).replace("%1", text).replace("%2", str(status.named))
    template = _ABOVE if status.relation == "above" else _BELOW
    return (
        _tr(template)
        .replace("%1", text)
        .replace("%2", str(status.named))
        .replace("%3", quantity(status.distance, unit, 2, lang))
    )


def levels_text(levels: tuple[float, ...], unit: str, lang: str | None = None) -> str:
    """'6,00 / 7,00 / 8,00 m'."""
    return " / ".join(number(v, 2, lang) for v in levels) + f" {unit}"


def risk_phrase(level: int, open_ended: bool = False) -> str:
    """'cấp độ rủi ro thiên tai: cấp 2' — or 'cấp 2 trở lên' when the criteria we hold
    stop below the value (see console.risk)."""
    return _tr(_RISK_OPEN if open_ended else _RISK).replace("%1", str(level))


def risk_level(level: int, open_ended: bool = False) -> str:
    """'cấp 2' (or 'cấp 2 trở lên'): `risk_phrase` where a heading already says 'disaster
    risk' ('Rủi ro thiên tai | cấp độ rủi ro thiên tai: cấp 1' said it twice)."""
    return _tr(_LEVEL_OPEN if open_ended else _LEVEL).replace("%1", str(level))
