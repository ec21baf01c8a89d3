"""What an alert says, from its rule and parameters (`console.rules.judge.Transition`).

One wording for an alert whoever raised it: the console's own rules and the alerts the
backend raised (it stores only `rule` + `params`) are phrased here, as `Text`s rendered
in the UI language each time they are shown, the way official bulletins say it ("6,31 m,
trên BĐ1 0,31 m; cấp độ rủi ro thiên tai: cấp 1"). Qt-free.
"""

from __future__ import annotations

from collections.abc import Callable

from console import bulletin, risk
from console.i18n import Call, Text, language
from console.i18n import translate_later as _trl
from console.rules.geofence import format_eta
from console.rules.judge import Params
from console.timefmt import format_local

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


# --- vessels (console/rules/vessel_judge.py) ------------------------------------------------


def _zone_label(name: str, name_vi: str) -> str:
    return name_vi if language() == "vi" and name_vi else name


def _vessel(p: Params) -> str:
    """'BĐ-90123-TS (Tàu cá 17)': registration and name, as the lists show a vessel."""
    return f"{p['registration']} ({p['name']})"


def _time(p: Params, field: str) -> Call:
    return Call(format_local, p[field])


def _zone(p: Params) -> Phrase:
    label = Call(_zone_label, str(p["zone_name"]), str(p.get("zone_name_vi") or ""))
    fishing = p.get("rule") == "zone_fishing"
    what = (_trl("VesselRules", "fishing in %1") if fishing
            else _trl("VesselRules", "entered %1")).args(label)
    title = (_trl("VesselRules", "Fishing in %1: %2") if fishing
             else _trl("VesselRules", "Entered %1: %2")).args(label, p["registration"])
    return title, _trl("VesselRules", "%1 (%2) — %3 at %4").args(
        p["registration"], p["name"], what, _time(p, "at"))


def _approach(p: Params) -> Phrase:
    eta = p.get("eta_s")
    return (_trl("VesselRules", "Approaching the permitted boundary: %1").args(p["registration"]),
            _trl("VesselRules",
                 "%1 is %2 nm from the permitted boundary; at %3 kn it reaches it in %4").args(
                _vessel(p), f"{float(p['distance_nm']):.1f}",  # type: ignore[arg-type]
                f"{float(p['speed_kn']):.1f}",  # type: ignore[arg-type]
                Call(format_eta, float("inf") if eta is None else eta)))


def _crossed(p: Params) -> Phrase:
    return (_trl("VesselRules", "Crossed the permitted boundary: %1").args(p["registration"]),
            _trl("VesselRules", "%1 crossed the permitted fishing boundary at %2").args(
                _vessel(p), _time(p, "at")))


def _returned(p: Params) -> Phrase:
    return (_trl("VesselRules", "Returned inside the boundary: %1").args(p["registration"]),
            _trl("VesselRules", "%1 returned inside the permitted boundary at %2; close "
                 "the crossing with a reason").args(_vessel(p), _time(p, "at")))


def _dark(p: Params) -> Phrase:
    title = (_trl("VesselRules", "Must return to port (silent > 10 days): %1")
             if p.get("rule") == "must_return" else _trl("VesselRules", "VMS signal lost: %1"))
    return (title.args(p["registration"]),
            _trl("VesselRules", "%1 last reported at %2 (%3° N, %4° E)").args(
                _vessel(p), _time(p, "fix_time"),
                Call(bulletin.number, float(p["lat"]), 3),  # type: ignore[arg-type]
                Call(bulletin.number, float(p["lon"]), 3)))  # type: ignore[arg-type]


def _storm_first(p: Params) -> Phrase:
    inside = Call(bulletin.number, p["inside"], 0)  # 2.027 in Vietnamese, as the strip
    return (_trl("StormWatch", "Storm danger zone: %1 vessels inside").args(inside),
            _trl("StormWatch", "%1: %2 vessels inside the danger zone, %3 heading "
                               "into it; see the danger-zone list").args(
                p["storm"], inside, Call(bulletin.number, p["heading"], 0)))


def _storm_inside(p: Params) -> Phrase:
    return (_trl("StormWatch", "Entered the storm danger zone: %1").args(p["registration"]),
            _trl("StormWatch", "%1 (%2) entered the danger zone of %3").args(
                p["registration"], p["owner"], p["storm"]))


CLOSE_REASONS = {
    "position_error": _trl("VesselRules", "device / position error"),
    "returned_within_2h": _trl("VesselRules", "returned within 2 h"),
    "case_opened": _trl("VesselRules", "case opened"),
}


def ending(params: Params) -> Text | None:
    """What a cleared alert adds to its message, from the parameters its end carries:
    the time a vessel left a zone, or who closed a crossing case and why."""
    if params.get("left_at") is not None:
        return _trl("VesselRules", "; left at %1").args(_time(params, "left_at"))
    if params.get("closed_by") is not None:
        reason = str(params.get("reason") or "")
        return _trl("VesselRules", "; case closed by %1 (%2)").args(
            params["closed_by"], CLOSE_REASONS.get(reason, reason))
    return None


PHRASES: dict[str, Callable[[Params], Phrase]] = {
    "water_level": _water, "reservoir": _reservoir, "rain": _rain, "camera_offline": _camera,
    "incident": _incident, "zone_fishing": _zone, "zone_entry": _zone,
    "boundary_approach": _approach, "boundary_crossed": _crossed,
    "boundary_returned": _returned, "vms_lost": _dark, "must_return": _dark,
    "storm_first": _storm_first, "storm_inside": _storm_inside,
}


def phrase(rule: str, params: Params) -> Phrase:
    """(title, message) of an alert. A rule this console does not know (a newer backend)
    still shows, as its rule name and parameters, rather than disappearing."""
    fn = PHRASES.get(rule)
    if fn is not None:
        try:
            title, message = fn({**params, "rule": rule})
        except (KeyError, TypeError, ValueError):  # parameters this wording lacks
            pass
        else:
            end = ending(params)  # a cleared occurrence says how it ended
            return title, message if end is None else message + end
    return (_trl("RulesEngine", "Alert: %1").args(rule),
            ", ".join(f"{k}={v}" for k, v in sorted(params.items())))
