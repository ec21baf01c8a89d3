"""GET /api/v1/stream: every change a console polls for, pushed as Server-Sent Events.

Why SSE and not a WebSocket: changes flow one way (operators' writes go through the REST
routes, with idempotency keys and an outbox that survives outages), SSE is plain HTTP
(the same bearer token, proxies and TLS as every other route), and resuming is part of
the protocol: each event's `id` is a cursor, a client that reconnects sends it back as
`Last-Event-ID` (or `?cursor=`) and continues exactly there.

Correctness comes from the database, not from this process: each round reads, per kind,
what changed after the client's position with the very queries the poll routes run
(backend/changes.py), so a stream on any worker, or resumed after a restart on the same
database, sends each change once and skips none. The store's in-process wake-up
(backend/notify.py) only shortens the wait; the stream re-reads every `RECHECK_S` anyway,
which picks up commits made by other processes.

Events: `open` (kinds and heartbeat period), one event per changed page of a kind (its
data is that kind's poll body; vessels in the `format=rows` table), and `heartbeat`
every `heartbeat_s` (server time; its id carries cursors advanced past empty reads).
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import APIRouter, Header, Query, Request
from fastapi.responses import StreamingResponse
from starlette.concurrency import run_in_threadpool

from backend import users
from backend.api.context import Context, Ctx
from backend.changes import READERS
from backend.errors import ApiError
from backend.timefmt import to_datetime
from console.sources import wire

router = APIRouter()

HEARTBEAT_S = 2.0  # a client that hears nothing for a few of these reconnects
RECHECK_S = 1.0  # re-read the database at least this often (commits by other processes)
RETRY_MS = 1000  # the reconnection delay SSE clients are told to use
PAGE_LIMIT = 1000  # as the console's polls: one page parses in a few ms

CursorText = Annotated[str | None, Query(
    description="where to resume: the `id` of the last event received "
    "(`kind:cursor[:after]`, comma-separated; a kind left out starts from its full list). "
    "A `Last-Event-ID` header takes precedence.")]
KindsText = Annotated[str | None, Query(
    description=f"comma-separated subset of {', '.join(wire.STREAM_KINDS)} (default: all)")]
Limit = Annotated[int, Query(ge=1, le=100_000, description="most items per event")]
HeartbeatS = Annotated[float, Query(
    ge=0.2, le=60, description="seconds between heartbeats: a client behind a proxy that "
    "closes idle connections sooner asks for more")]
LastEventId = Annotated[str | None, Header(alias="Last-Event-ID",
                                           description="set by SSE clients on reconnect")]

DOC = {
    200: {"description": "`text/event-stream`: `open`, then one event per changed page of a "
                         "kind (data = that kind's poll body), `heartbeat` every few seconds; "
                         "every `id` is a resumable cursor",
          "content": {"text/event-stream": {"schema": {"type": "string"}}}},
    400: {"model": wire.ErrorBody, "description": "`invalid_cursor` or `invalid_kinds`"},
}


def _event(name: str, data: str, event_id: str | None = None) -> str:
    lines = [] if event_id is None else [f"id: {event_id}"]
    lines.append(f"event: {name}")
    lines.extend(f"data: {line}" for line in data.split("\n"))  # JSON has none; be sure
    return "\n".join(lines) + "\n\n"


def _kinds(text: str | None) -> tuple[str, ...]:
    if text is None:
        return wire.STREAM_KINDS
    asked = {k.strip() for k in text.split(",") if k.strip()}
    unknown = asked - set(wire.STREAM_KINDS)
    if unknown or not asked:
        raise ApiError(400, "invalid_kinds",
                       f"kinds must be among {', '.join(wire.STREAM_KINDS)}")
    return tuple(k for k in wire.STREAM_KINDS if k in asked)


def _positions(text: str | None) -> dict[str, wire.StreamPosition]:
    try:
        return wire.decode_stream_cursor(text or "")
    except ValueError as exc:
        raise ApiError(400, "invalid_cursor", f"cursor: {exc}") from None


@router.get("/stream", tags=["stream"], response_class=StreamingResponse, responses=DOC,
            summary="Server-Sent Events: every change, resumable by cursor")
async def stream(request: Request, ctx: Ctx, cursor: CursorText = None, kinds: KindsText = None,
                 limit: Limit = PAGE_LIMIT, heartbeat_s: HeartbeatS = HEARTBEAT_S,
                 last_event_id: LastEventId = None) -> StreamingResponse:
    selected = _kinds(kinds)
    positions = _positions(last_event_id if last_event_id is not None else cursor)
    token = request.headers.get("authorization", "").partition(" ")[2]
    events = Changes(ctx, selected, positions, limit, token, heartbeat_s).events()
    return StreamingResponse(events, media_type="text/event-stream",
                             headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"})


class Changes:
    """One client's stream: its per-kind positions, advanced only by what it was sent."""

    def __init__(self, ctx: Context, kinds: tuple[str, ...],
                 positions: dict[str, wire.StreamPosition], limit: int, token: str,
                 heartbeat_s: float = HEARTBEAT_S, recheck_s: float = RECHECK_S) -> None:
        self.ctx = ctx
        self.kinds = kinds
        self.positions = {k: positions[k] for k in kinds if k in positions}
        self.limit = limit
        self._token = token  # re-checked at each heartbeat: a revoked token stops the stream
        self.heartbeat_s = heartbeat_s
        self.recheck_s = recheck_s
        self.waiting = False  # caught up, waiting for a change (tests, diagnostics)

    def _id(self) -> str:
        return wire.encode_stream_cursor(self.positions)

    async def events(self) -> AsyncIterator[str]:
        opening = wire.StreamOpen(kinds=list(self.kinds), heartbeat_s=self.heartbeat_s)
        yield f"retry: {RETRY_MS}\n\n" + _event("open", opening.model_dump_json(), self._id())
        subscription = self.ctx.store.changes.subscribe()
        try:
            next_heartbeat = time.monotonic() + self.heartbeat_s
            while True:
                subscription.arm()  # before reading: a commit during the reads is not missed
                async for event in self._round():
                    yield event
                if time.monotonic() >= next_heartbeat:
                    if not await run_in_threadpool(self._still_allowed):
                        yield _event("error", '{"code":"unauthorized"}')
                        return
                    beat = wire.StreamHeartbeat(server_time=to_datetime(self.ctx.now()))
                    yield _event("heartbeat", beat.model_dump_json(), self._id())
                    next_heartbeat = time.monotonic() + self.heartbeat_s
                wait = min(self.recheck_s, next_heartbeat - time.monotonic())
                self.waiting = True
                await subscription.wait(wait)
                self.waiting = False
        finally:
            subscription.close()

    async def _round(self) -> AsyncIterator[str]:
        """Everything changed after each kind's position, page by page, in kind order."""
        for kind in self.kinds:
            while True:
                since, after = self.positions.get(kind, (None, None))
                page = await run_in_threadpool(READERS[kind], self.ctx, since, after,
                                               self.limit)
                self.positions[kind] = (page.cursor, page.after)
                if page.count:
                    yield _event(kind, page.body, self._id())
                if page.after is None:
                    break

    def _still_allowed(self) -> bool:
        return users.authenticate(self.ctx.store, self._token) is not None
