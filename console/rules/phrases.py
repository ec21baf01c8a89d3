"""What an alert says, from its rule and parameters (`console.rules.judge.Transition`).

One wording for an alert whoever raised it: the console's own rules and the alerts the
backend raised (it stores only `rule` + `params`) are phrased here, as `Text`s rendered
in the UI language each time they are shown, the way official bulletins say it ("6,31 m,
trên BĐ1 0,31 m; cấp độ rủi ro thiên tai: cấp 1"). Qt-free.
"""

from __future__ import annotations

from collections.abc import Callable

from console import bulletin, risk
from console.i18n import Call, Text
from console.i18n import translate_later as _trl
from console.rules.judge import Params

Phrase = tuple[Text, Text | str]


def _levels(params: Params) -> tuple[float, float, float] | None:
    levels = params.get("levels")
    return tuple(levels) if levels else None  # type: ignore[return-value,arg-type]


def _water(p: Params) -> Phrase:
    name, value, levels = str(p["name"]), p["value"], _levels(p)
    said: object = Call(bulletin.level_phrase, value, levels, p.get("unit") or "m")
    level = risk.default().flood(str(p.get("station") or ""), value, levels)  # type: ignore[arg-type]
    if level is not None:
        said = Text("", "%1; %2", (said, Call(bulletin.risk_phrase, level.level,
                                               level.open_ended)))
    place = name + (f" ({p['river']})" if p.get("river") else "")
    return (_trl("StationRules", "Water level at BĐ%2: %1").args(name, p["level"]),
            Text("", "%1: %2", (place, said)))


def _reservoir(p: Params) -> Phrase:
    name = str(p["name"])
    return (_trl("StationRules", "Reservoir at normal water level: %1").args(name),
            _trl("StationRules", "%1: %2 m (normal water level %3 m)").args(
                name, Call(bulletin.number, p["value"]), Call(bulletin.number, p["normal_level"])))


def _rain(p: Params) -> Phrase:
    name = str(p["name"])
    very = int(p["level"]) >= 3 or bool(p.get("burst"))  # type: ignore[call-overload]
    title = (_trl("StationRules", "Very heavy rain: %1") if very
             else _trl("StationRules", "Heavy rain: %1")).args(name)
    message: Text = _trl("StationRules", "%1: %2 mm in 24 h, %3 mm in 3 h, %4 mm in 1 h").args(
        name, Call(bulletin.number, p.get("acc_24h") or 0, 0),
        Call(bulletin.number, p.get("acc_3h") or 0, 0),
        Call(bulletin.number, p.get("acc_1h") or 0, 0))
    level = risk.default().heavy_rain(p.get("acc_24h"))  # type: ignore[arg-type]
    if level is not None:
        message += Text("", "; %1", (Call(bulletin.risk_phrase, level.level, level.open_ended),))
    return title, message


def _camera(p: Params) -> Phrase:
    name = str(p["name"])
    return (_trl("RulesEngine", "Camera offline: %1").args(name),
            _trl("RulesEngine", "%1 stopped answering").args(name))


def _incident(p: Params) -> Phrase:
    return (_trl("RulesEngine", "New incident: %1").args(str(p["title"])),
            str(p.get("description") or ""))


PHRASES: dict[str, Callable[[Params], Phrase]] = {
    "water_level": _water, "reservoir": _reservoir, "rain": _rain, "camera_offline": _camera,
    "incident": _incident,
}


def phrase(rule: str, params: Params) -> Phrase:
    """(title, message) of an alert. A rule this console does not know (a newer backend)
    still shows, as its rule name and parameters, rather than disappearing."""
    fn = PHRASES.get(rule)
    if fn is not None:
        try:
            return fn(params)
        except (KeyError, TypeError, ValueError):  # parameters this wording lacks
            pass
    return (_trl("RulesEngine", "Alert: %1").args(rule),
            ", ".join(f"{k}={v}" for k, v in sorted(params.items())))
