"""A judgement's `Transition` (console/rules/judge.py, vessel_judge.py, storm/judge.py) into
this console's `AlertInbox`, worded in the UI language (console/rules/phrases.py): the one
way every local rule raises and clears, so a local alert reads as the backend's would.
"""

from __future__ import annotations

from console.rules.alerts import AlertInbox
from console.rules.judge import Transition
from console.rules.phrases import ending, phrase


def raise_transition(inbox: AlertInbox, t: Transition) -> None:
    """A judgement's transition into the inbox, phrased in the UI language."""
    if t.active:
        title, message = phrase(t.rule, t.params)
        inbox.raise_alert(t.key, t.kind, t.severity, title, message, t.item_id, t.lon, t.lat,
                          at=t.at)
        return
    end, alert = ending(t.params), inbox.by_key(t.key)  # how it ended, said after it
    message = alert.message + end if end is not None and alert is not None else None
    inbox.clear(t.key, at=t.at, message=message)
