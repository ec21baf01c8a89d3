"""Which of our station kinds a SensorThings Datastream is, read from configuration
(resources/config/sensorthings.json), never guessed: an ObservedProperty or a unit we do
not know makes the Datastream *skipped*, with a reason the source's status lists."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from console.i18n import translate as _tr

DEFAULT_KINDS = Path(__file__).resolve().parents[2] / "resources" / "config" / "sensorthings.json"


@dataclass(frozen=True, slots=True)
class KindRule:
    kind: str  # water_level | rain
    unit: str  # our unit for it (m, mm)
    patterns: tuple[str, ...]
    factors: dict[str, float]  # their unit symbol (lower case) -> multiply by this


@dataclass(frozen=True, slots=True)
class Mapped:
    kind: str
    unit: str
    factor: float


class KindMap:
    def __init__(self, rules: list[KindRule]) -> None:
        self.rules = rules

    @classmethod
    def load(cls, path: Path = DEFAULT_KINDS) -> KindMap:
        data = json.loads(path.read_text(encoding="utf-8"))
        rules = [KindRule(k["kind"], k["unit"], tuple(p.lower() for p in k["patterns"]),
                          {u.lower(): float(f) for u, f in k["units"].items()})
                 for k in data["kinds"]]
        return cls(rules)

    def classify(self, observed_property: dict[str, Any], unit: dict[str, Any]
                 ) -> Mapped | str:
        """The kind, our unit and the factor to it; or, translated, why not."""
        text = " ".join(str(observed_property.get(k) or "") for k in ("definition", "name")
                        ).lower()
        rule = next((r for r in self.rules if any(p in text for p in r.patterns)), None)
        if rule is None:
            return _tr("SensorThings", "unknown quantity %1").replace(
                "%1", repr(observed_property.get("name") or "?"))
        symbol = _unit_symbol(unit)
        factor = rule.factors.get(symbol)
        if factor is None:
            return _tr("SensorThings", "unit %1 is not one of %2").replace(
                "%1", repr(symbol or "?")).replace("%2", ", ".join(sorted(rule.factors)))
        return Mapped(rule.kind, rule.unit, factor)


def _unit_symbol(unit: dict[str, Any]) -> str:
    """The unit's symbol, else the code after '#' of a UCUM definition URL."""
    symbol = str(unit.get("symbol") or "").strip()
    if not symbol:
        definition = str(unit.get("definition") or "")
        symbol = definition.rsplit("#", 1)[-1] if "#" in definition else ""
    return symbol.lower()
