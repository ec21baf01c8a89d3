"""Alarm-flood grouping for the inbox (ISA-18.2 / EEMUA 191): alerts of one kind, one
severity and one state become one expandable row — "Mưa rất to: 70 điểm đo — Hoài
Nhơn, Phù Cát, …" — so a storm's first minutes show a handful of rows an operator can
work, not eighty. Nothing is hidden: every member stays reachable by expanding its
group, and acting on the group acts on every member.

The kind is the alert key without the object it is about: "rain:RG-12" is kind
"rain:", "zone:restricted-1:v42" is kind "zone:restricted-1:". The group's words come
from the members' own title template: its text before the last ": %N" placeholder
("Very heavy rain: %1" → "Very heavy rain"), so every rule's alerts group without a
table of names here. Qt-free.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from console.i18n import Text, translate
from console.i18n import translate_later as _trl
from console.rules.alerts import Alert, inbox_sort_key

MAX_AREA_NAMES = 4

NOUNS = {
    "rain": _trl("AlertGroups", "%1 gauges"),
    "water_level": _trl("AlertGroups", "%1 stations"),
    "vessel": _trl("AlertGroups", "%1 vessels"),
    "camera": _trl("AlertGroups", "%1 cameras"),
    "incident": _trl("AlertGroups", "%1 incidents"),
}


def kind_of(alert: Alert) -> str:
    """The condition's kind: its key without the object it is about (the alert's item
    id wherever it stands: "camera:cam-12:offline" is kind "camera::offline"), or
    without the key's last part when the alert names no object."""
    parts = alert.key.split(":")
    if alert.item_id and alert.item_id in parts:
        kind = ":".join("" if p == alert.item_id else p for p in parts)
    else:
        kind = alert.key.rsplit(":", 1)[0] if ":" in alert.key else ""
    # a key that is nothing but its object names no kind: such an alert stands alone
    return kind if kind.strip(":") else f"alone:{alert.key}"


@dataclass(frozen=True)
class AlertGroup:
    """One inbox row standing for `members` (worst and newest first)."""

    key: str
    kind: str
    source: str
    severity: str
    acknowledged: bool
    members: tuple[Alert, ...]

    @property
    def active(self) -> bool:
        return any(a.active for a in self.members)

    @property
    def raised_at(self) -> float:
        return max(a.raised_at for a in self.members)

    def title(self) -> str:
        """'Very heavy rain: 70 gauges — Hoài Nhơn, Phù Cát, Tây Sơn, …' in the UI
        language (rendered now: the caller re-renders after a language switch)."""
        first = self.members[0]
        prefix, _label = split_title(first.title)
        noun = NOUNS.get(self.source, _trl("AlertGroups", "%1 alerts"))
        names = [split_title(a.title)[1] for a in self.members[:MAX_AREA_NAMES]]
        names = [n for n in names if n]
        areas = ", ".join(names) + (", …" if len(self.members) > len(names) else "")
        count = str(noun.args(len(self.members)))
        text = f"{prefix}: {count}" if prefix else count
        return f"{text} — {areas}" if areas else text


def split_title(title: str | Text) -> tuple[str, str]:
    """(what, which) of an alert title: its template's text before the last ': %N',
    rendered with the parameters before N; and parameter N rendered ('Very heavy rain',
    'Hoài Nhơn'). A plain string splits at its last ': '."""
    if isinstance(title, Text) and title.context:
        template = translate(title.context, title.source)
        placeholders = list(re.finditer(r": %(\d+)", template))
        if placeholders:
            last = placeholders[-1]
            n = int(last.group(1))
            prefix = template[: last.start()]
            for k in range(len(title.params), 0, -1):
                prefix = prefix.replace(f"%{k}", str(title.params[k - 1]))
            which = str(title.params[n - 1]) if n <= len(title.params) else ""
            return prefix, which
    text = str(title)
    if ": " in text:
        prefix, which = text.rsplit(": ", 1)
        return prefix, which
    return text, ""


def group_rows(alerts: list[Alert], min_group: int) -> list[Alert | AlertGroup]:
    """The inbox rows in inbox order, with every set of at least `min_group` alerts of
    one kind, severity and state (new / acknowledged) folded into one group placed where
    its first member was. `min_group` < 2 turns grouping off."""
    if min_group < 2:
        return list(alerts)
    buckets: dict[tuple, list[Alert]] = {}
    for a in alerts:
        buckets.setdefault((kind_of(a), a.severity, a.acknowledged), []).append(a)
    grouped = {id(a): key for key, members in buckets.items() if len(members) >= min_group
               for a in members}
    rows: list[Alert | AlertGroup] = []
    placed: set[tuple] = set()
    for a in alerts:
        key = grouped.get(id(a))
        if key is None:
            rows.append(a)
        elif key not in placed:
            placed.add(key)
            members = tuple(sorted(buckets[key], key=inbox_sort_key))
            kind, severity, acknowledged = key
            state = "ack" if acknowledged else "new"
            rows.append(AlertGroup(f"group:{kind}:{severity}:{state}", kind, a.source,
                                   severity, acknowledged, members))
    return rows

