"""Alerts raised by the backend, mirrored into this console's inbox.

A backend that names alert kinds in its /health (`alert_kinds`) raises those itself, with
the console's own judgements (console/rules/judge.py) run once on its data; every console
then shows the same occurrences (same condition key, same onset), so the operators'
decisions, matched by key + onset, apply everywhere alike. This class takes the pages of
`GET /api/v1/alerts` (polled or pushed, in change order) and replays each occurrence into
the `AlertInbox` through the calls a local rule makes (`raise_alert` / `clear`), phrased
in this console's language (console/rules/phrases.py): so the inbox's own behaviour
(grouping, flapping, cues, shelving, decisions) is the same whoever judged.

While the backend is unreachable no page arrives: the inbox keeps the last state the
backend gave (the connection status says the data is not current), and the operators'
actions wait in the outbox as any other.

Called on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Iterable

from console.model.decisions import ONSET_TOLERANCE_S
from console.rules.alerts import AlertInbox
from console.rules.phrases import ending, phrase
from console.sources import wire

SERVER = "server"


class ServerAlerts:
    def __init__(self, inbox: AlertInbox) -> None:
        self.inbox = inbox
        self.applied = 0  # occurrences taken from the backend (diagnostics, tests)
        self._started = False

    def apply(self, items: Iterable[wire.ServerAlert]) -> None:
        """One page of the backend's alert occurrences, oldest change first. The first
        page (the active occurrences and the last day's ended ones) brings only the
        active ones: a console that starts shows what is going on, as its own rules
        would, not a day of history (which would also fold the new alerts of a kind into
        a group with the old ones)."""
        first, self._started = not self._started, True
        with self.inbox.batch():
            for a in items:
                self.applied += 1
                if a.active:  # a flapping condition no longer cues (the backend counted)
                    self._raise(a, quiet=a.flapping)
                    if a.flapping:
                        self.inbox.mark_flapping(a.key)
                elif a.ended != "escalated" and not first:  # escalated: its successor
                    self._clear(a)  # re-grades it

    def _raise(self, a: wire.ServerAlert, quiet: bool) -> None:
        title, message = phrase(a.rule, a.params)
        lon, lat = a.geometry.coordinates if a.geometry is not None else (None, None)
        self.inbox.raise_alert(a.key, a.kind, a.severity, title, message, a.item_id, lon, lat,
                               at=a.onset.timestamp(), origin=SERVER, quiet=quiet)

    def _clear(self, a: wire.ServerAlert) -> None:
        ended = a.cleared_at.timestamp() if a.cleared_at is not None else None
        known = self.inbox.by_key(a.key)
        if known is None or (not known.active and abs(
                known.raised_at - a.onset.timestamp()) > ONSET_TOLERANCE_S):
            # an occurrence that began and ended before this console heard of it: kept
            # as history, without a cue
            self._raise(a, quiet=True)
        # an end that says how it ended (left the zone at, case closed by) re-words it
        message = phrase(a.rule, a.params)[1] if ending(a.params) is not None else None
        self.inbox.clear(a.key, at=ended, message=message)
