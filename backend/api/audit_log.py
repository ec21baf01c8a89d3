"""GET /api/v1/audit: the hash-chained audit log, in id order (supervisors only)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from backend import audit, users
from backend.api.auth import CurrentUser
from backend.api.context import Ctx
from console.sources import wire

router = APIRouter()


@router.get("/audit", response_model=wire.AuditPage, tags=["users"],
            summary="Audit log entries after `after`, oldest first (supervisor role)",
            responses={403: {"model": wire.ErrorBody,
                             "description": "the supervisor role is needed"}})
def audit_entries(
    ctx: Ctx, user: CurrentUser,
    after: Annotated[int, Query(ge=0, le=2**62, description="last id already seen")] = 0,
    limit: Annotated[int, Query(ge=1, le=10_000)] = 1000,
) -> wire.AuditPage:
    users.check(user, "audit.read")
    rows = audit.entries(ctx.store, after, limit + 1)
    more = len(rows) > limit
    rows = rows[:limit]
    return wire.AuditPage(
        entries=[wire.AuditEntry(id=e.id, at=e.at, user=e.user, action=e.action,
                                 target=e.target, detail=e.detail, prev=e.prev, hash=e.hash)
                 for e in rows],
        next_after=rows[-1].id if more else None)
