"""GET /api/v1/me: the signed-in user, its role and rights (a console shows the name and
disables what the role may not do, saying why)."""

from __future__ import annotations

from fastapi import APIRouter

from backend import users
from backend.api.auth import CurrentUser
from console.sources import wire

router = APIRouter()


@router.get("/me", response_model=wire.Me, tags=["users"],
            summary="Who the token belongs to, and what that user may do")
def me(user: CurrentUser) -> wire.Me:
    return wire.Me(name=user.name, role=user.role, shared=user.shared,  # type: ignore[arg-type]
                   permissions=users.permissions(user.role))
