"""The outbox: operator actions on incidents, persisted, sent exactly once, in order.

Why: an operator's acknowledge / assign / resolve must never be lost because the
backend is down, nor applied twice because a response was lost, nor silently
overwrite what another operator did meanwhile. So each action is
1. given an Idempotency-Key and a fixed body when the operator acts,
2. written to SQLite in the user data directory (survives a restart),
3. sent on a worker thread, one at a time, in the order the operator acted
   (later actions of an incident wait behind an earlier one that needs attention),
4. retried with capped, jittered backoff while the backend is unreachable or failing,
5. on 409 kept as a *conflict* carrying the backend's current incident, until the
   operator re-applies it on the new version or drops it.

Threads: every public method is called on the GUI thread. Database work and sending
run as `JobRunner` jobs (database operations one after another in a FIFO, sends one
at a time); results come back on the GUI thread. `close()` flushes what is not yet
written synchronously (at shutdown only).

Operators' other decisions (alert acknowledgement and shelving, a new incident, a
manual position report, a crossing closure; see console/actions/model.py) travel the
same way. Their answer is the backend's record of the decision, handed to
`on_decisions` (the one apply path every console uses for decisions, see
console/shared/decisions.py); a 409 on them means another operator decided first: the backend's
current record is applied, the action leaves the queue and `superseded` says so.

Signals:
- `changed(list[str])`: the waiting actions of these subjects (incident ids, or
  `kind:subject` of decisions) changed (queued, sent, failed, conflicted, dropped).
- `sent(str, object)`: action key and what the backend returned (an `Incident`, or a
  `DecisionBatch` for decisions).
- `conflicted(str)`: an incident action got a 409; `conflict_state(key)` has the current
  incident.
- `superseded(object, str)`: a decision got a 409 (the `QueuedAction`, the backend's
  message); the backend's current record was applied.
- `refused(object, str)`: the backend refused a decision for good (the `QueuedAction`,
  its message, e.g. the 403 naming the role needed); it left the queue.
"""

from __future__ import annotations

import dataclasses
import logging
import time
import uuid
from collections import deque
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

import platformdirs
from PySide6.QtCore import QObject, QTimer, Signal

from console.actions import decisions
from console.actions.model import (
    CONFLICT,
    INCIDENT,
    PENDING,
    REJECTED,
    QueuedAction,
    projected,
    subject_of,
)
from console.actions.retry import RetryPolicy
from console.actions.store import OutboxDb
from console.live.runner import JobRunner
from console.model.decisions import DecisionBatch, from_wire
from console.model.incident import Incident
from console.sources import wire
from console.sources.errors import Conflict, NotFound, Rejected
from console.sources.rest_v1 import RestClient
from console.stores.records import RecordStore

log = logging.getLogger(__name__)

APP_NAME = "ioc-console"


def default_outbox_path() -> Path:
    """`<user data dir>/ioc-console/outbox.sqlite3` (XDG_DATA_HOME on Linux)."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "outbox.sqlite3"


class Outbox(QObject):
    changed = Signal(object)  # list of ids; `object` passes it by reference (a `list`
    # signal copies and converts it for every receiver: 2 ms for 2,000 ids and 5 slots)
    sent = Signal(str, object)
    conflicted = Signal(str)
    superseded = Signal(object, str)
    refused = Signal(object, str)

    def __init__(
        self,
        runner: JobRunner,
        incidents: RecordStore[Incident],
        path: Path | None = None,
        policy: RetryPolicy | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._client: RestClient | None = None  # set by start(): no sending before
        self._incidents = incidents
        self.policy = policy or RetryPolicy()
        self._db = OutboxDb(path or default_outbox_path())
        self._actions: list[QueuedAction] = []
        self._unpersisted: set[str] = set()
        self._conflicts: dict[str, Incident] = {}
        self._db_ops: deque[tuple[Callable[[], Any], Callable[[Any], None]]] = deque()
        self._db_busy = False
        self._sending: str | None = None
        self._loaded = False
        self._closed = False
        self.failures = 0  # consecutive transient failures (drives the backoff)
        self.last_error: str | None = None
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.timeout.connect(self.pump)
        self._load_requested = False
        # where the backend's records of decisions go (set by the app: SharedDecisions)
        self.on_decisions: Callable[[DecisionBatch], None] = lambda _batch: None

    def start(self, client: RestClient) -> None:
        """Read the actions an earlier session left (on a worker), then send them through
        `client`. Called once the backend client exists; later calls just try to send."""
        self._client = client
        if not self._load_requested:
            self._load_requested = True
            self._db_job(self._db.load, self._on_loaded)
        self.pump()

    # --- queries (GUI thread) --------------------------------------------------------------

    @property
    def path(self) -> Path:
        return self._db.path

    @property
    def has_backend(self) -> bool:
        """Whether this console talks to a backend at all (not in archive review): only
        then may decisions be queued, or a later live session would send them."""
        return self._client is not None

    def actions(self) -> list[QueuedAction]:
        return list(self._actions)

    def actions_for(self, incident_id: str) -> list[QueuedAction]:
        return [a for a in self._actions if a.incident_id == incident_id]

    def waiting_count(self) -> int:
        return sum(1 for a in self._actions if a.state == PENDING)

    def attention_count(self) -> int:
        return sum(1 for a in self._actions if a.needs_operator)

    def conflict_state(self, key: str) -> Incident | None:
        """The backend's incident as the 409 reported it (or the store's, after a restart)."""
        action = self._find(key)
        if action is None or action.state != CONFLICT:
            return None
        return self._conflicts.get(key) or self._incidents.get(action.incident_id)

    def is_sending(self, key: str) -> bool:
        return self._sending == key

    # --- operator commands (GUI thread) ----------------------------------------------------

    def queue(
        self,
        incident: Incident,
        action: str,
        actor: str,
        assignee: str | None = None,
        note: str | None = None,
    ) -> QueuedAction:
        """Record an operator action (key and body fixed now) and start sending it."""
        _, version = projected(incident, self.actions_for(incident.id))
        queued = QueuedAction(
            key=str(uuid.uuid4()),
            incident_id=incident.id,
            action=action,
            expected_version=version,
            actor=actor,
            assignee=assignee or None,
            note=note or None,
            created_at=time.time(),
        )
        self._actions.append(queued)
        self._persist(queued)
        self.changed.emit([incident.id])
        return queued

    def queue_decision(
        self, kind: str, subject: str, request: wire.BaseModel, actor: str,
        note: str | None = None,
    ) -> QueuedAction:
        """Record an operator's decision (an alert action, a new incident, a position
        report, a crossing closure; key and body fixed now) and start sending it."""
        queued = QueuedAction(
            key=str(uuid.uuid4()),
            incident_id=subject_of(kind, subject),
            action=str(getattr(request, "action", kind)),
            expected_version=0,
            actor=actor,
            assignee=None,
            note=note or None,
            created_at=time.time(),
            kind=kind,
            body=request.model_dump_json(),
        )
        self._actions.append(queued)
        self._persist(queued)
        self.changed.emit([queued.incident_id])
        return queued

    def decisions_waiting(self, kind: str) -> list[QueuedAction]:
        """The decisions of `kind` not yet accepted (pending or refused), in order."""
        return [a for a in self._actions if a.kind == kind]

    def drop(self, key: str) -> None:
        """Forget an action that needs the operator (conflict / rejected)."""
        action = self._find(key)
        if action is None or self._sending == key:
            return
        self._actions.remove(action)
        self._conflicts.pop(key, None)
        self._db_job(partial(self._db.delete, key), lambda _r: None)
        self.changed.emit([action.incident_id])
        self.pump()

    def reapply(self, key: str) -> None:
        """Re-base a conflicted action (and the ones queued after it for the same incident)
        on the incident's current version, with fresh idempotency keys."""
        action = self._find(key)
        current = self.conflict_state(key)
        if action is None or current is None:
            return
        self._incidents.apply([current])
        start = self._actions.index(action)
        rebased, version = [], current.version
        for old in [a for a in self._actions[start:] if a.incident_id == action.incident_id]:
            new = dataclasses.replace(
                old,
                key=str(uuid.uuid4()),
                expected_version=version,
                state=PENDING,
                attempts=0,
                error=None,
            )
            version += 1
            self._actions[self._actions.index(old)] = new
            self._conflicts.pop(old.key, None)
            rebased.append((old.key, new))
        self._unpersisted.update(new.key for _, new in rebased)

        db = self._db  # worker code holds no reference to this QObject

        def write() -> None:
            for old_key, new in rebased:
                db.delete(old_key)
                db.insert(new)

        def done(_r: object) -> None:
            self._unpersisted.difference_update(new.key for _, new in rebased)
            self.pump()

        self._db_job(write, done)
        self.changed.emit([action.incident_id])

    def set_client(self, client: RestClient) -> None:
        """Send through another client from now on (reconnect, tests)."""
        self._client = client

    def retry_now(self) -> None:
        """Operator asked to try again without waiting for the backoff."""
        self._retry.stop()
        self.pump()

    # --- sending ---------------------------------------------------------------------------

    def _next(self) -> QueuedAction | None:
        blocked: set[str] = set()
        for action in self._actions:
            if action.incident_id in blocked:
                continue
            if action.state != PENDING or action.key in self._unpersisted:
                blocked.add(action.incident_id)  # keep the operator's order per incident
                continue
            return action
        return None

    def pump(self) -> None:
        """Send the next action if nothing is in flight and no backoff is running."""
        if self._closed or not self._loaded or self._sending or self._retry.isActive():
            return
        client = self._client
        action = self._next()
        if client is None or action is None:
            return
        self._sending = action.key
        request = action.request() if action.kind == INCIDENT else None

        db = self._db  # worker code holds no reference to this QObject

        def send() -> Incident | DecisionBatch:  # worker thread
            try:
                if action.kind == INCIDENT:
                    result = client.incident_action(action.incident_id, request, action.key)
                else:
                    result = decisions.send(client, action)
            except Conflict as exc:
                if action.kind == INCIDENT:
                    db.update(dataclasses.replace(action, state=CONFLICT, error=str(exc)))
                else:  # decided by someone else first: nothing left to send
                    db.delete(action.key)
                raise
            except (Rejected, NotFound) as exc:
                if action.kind == INCIDENT:
                    db.update(dataclasses.replace(action, state=REJECTED, error=str(exc)))
                else:  # refused for good: said once (`refused`), never retried
                    db.delete(action.key)
                raise
            db.delete(action.key)
            return result

        self._runner.submit(
            "outbox-send",
            send,
            lambda result: self._on_sent(action.key, result),
            lambda exc: self._on_send_error(action.key, exc),
        )
        self.changed.emit([action.incident_id])

    def _on_sent(self, key: str, result: Incident | DecisionBatch) -> None:
        self._sending = None
        self.failures, self.last_error = 0, None
        action = self._find(key)
        if action is not None:
            self._actions.remove(action)
        if isinstance(result, Incident):
            self._apply_if_newer(result)
        else:
            self.on_decisions(result)
        subjects = [action.incident_id] if action is not None else []
        if isinstance(result, Incident) and result.id not in subjects:
            subjects.append(result.id)
        self.changed.emit(subjects)
        self.sent.emit(key, result)
        self.pump()

    def _on_send_error(self, key: str, exc: Exception) -> None:
        self._sending = None
        action = self._find(key)
        if action is None:
            return
        if isinstance(exc, Conflict) and action.kind != INCIDENT:
            self._actions.remove(action)
            self.on_decisions(from_wire(exc.current))
            self.changed.emit([action.incident_id])
            self.superseded.emit(action, str(exc))
            self.pump()
            return
        if isinstance(exc, Conflict):
            self._replace(dataclasses.replace(action, state=CONFLICT, error=str(exc)))
            if isinstance(exc.current, Incident):
                self._conflicts[key] = exc.current
                self._apply_if_newer(exc.current)
            self.changed.emit([action.incident_id])
            self.conflicted.emit(key)
            self.pump()
            return
        if isinstance(exc, (Rejected, NotFound)) and action.kind != INCIDENT:
            self._actions.remove(action)
            self.changed.emit([action.incident_id])
            self.refused.emit(action, str(exc))
            self.pump()
            return
        if isinstance(exc, (Rejected, NotFound)):
            self._replace(dataclasses.replace(action, state=REJECTED, error=str(exc)))
            self.changed.emit([action.incident_id])
            self.pump()
            return
        # unreachable, 5xx, auth or bad answer: keep it and retry later
        self.failures += 1
        self.last_error = str(exc)
        self._replace(dataclasses.replace(action, attempts=action.attempts + 1, error=str(exc)))
        delay = self.policy.delay_s(self.failures)
        log.info("outbox: %s; retry %d in %.1f s", exc, self.failures, delay)
        if not self._closed:
            self._retry.start(int(delay * 1000))
        self.changed.emit([action.incident_id])

    # --- persistence -----------------------------------------------------------------------

    def _on_loaded(self, rows: list[QueuedAction]) -> None:
        known = {a.key for a in self._actions}
        restored = [r for r in rows if r.key not in known]
        self._actions[:0] = restored
        self._loaded = True
        if restored:
            log.info("outbox: %d action(s) waiting from an earlier session", len(restored))
            self.changed.emit(sorted({a.incident_id for a in restored}))
        self.pump()

    def _persist(self, action: QueuedAction) -> None:
        self._unpersisted.add(action.key)

        def done(_r: object) -> None:
            self._unpersisted.discard(action.key)
            self.pump()

        self._db_job(partial(self._db.insert, action), done)

    def _db_job(self, fn: Callable[[], Any], on_done: Callable[[Any], None]) -> None:
        self._db_ops.append((fn, on_done))
        self._run_db()

    def _run_db(self) -> None:
        if self._db_busy or not self._db_ops or self._closed:
            return
        fn, on_done = self._db_ops.popleft()
        self._db_busy = True

        def finished(result: object) -> None:
            self._db_busy = False
            on_done(result)
            self._run_db()

        def failed(exc: Exception) -> None:
            log.error("outbox database: %s", exc)
            self.last_error = str(exc)
            finished(None)

        self._runner.submit("outbox-db", fn, finished, failed)

    def close(self) -> None:
        """Stop sending; write what is still queued for the database (blocking: shutdown
        only), then close it. Actions in flight are resent next time with the same key."""
        if self._closed:
            return
        self._closed = True
        self._retry.stop()
        while self._db_ops:
            fn, _ = self._db_ops.popleft()
            try:
                fn()
            except Exception as exc:
                log.error("outbox database at shutdown: %s", exc)
        for action in self._actions:
            if action.key in self._unpersisted:
                self._db.insert(action)  # insert-or-ignore: safe if the job already did it
        self._db.close()

    # --- helpers ---------------------------------------------------------------------------

    def _apply_if_newer(self, incident: Incident) -> None:
        """Put the backend's answer in the store at once, unless the store already has a
        newer version (a replayed answer to a retried action may be older than a poll)."""
        known = self._incidents.get(incident.id)
        if known is None or incident.version >= known.version:
            self._incidents.apply([incident])

    def _find(self, key: str) -> QueuedAction | None:
        return next((a for a in self._actions if a.key == key), None)

    def _replace(self, action: QueuedAction) -> None:
        for i, old in enumerate(self._actions):
            if old.key == action.key:
                self._actions[i] = action
                return
