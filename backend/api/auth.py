"""Who is calling: the bearer token names a user (backend/users.py), for every /api/v1 route.

Only the token's SHA-256 is stored and looked up, so the comparison never touches the
token itself and its timing reveals nothing useful; the token is never logged or
echoed (error messages only say that it is missing or wrong).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from backend import users
from backend.errors import ApiError

bearer = HTTPBearer(auto_error=False, description="a user's API token "
                                                  "(`python -m backend.users add`)")
_CHALLENGE = {"WWW-Authenticate": "Bearer"}


def require_user(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> users.User:
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise ApiError(401, "unauthorized", "missing bearer token", _CHALLENGE)
    user = users.authenticate(request.app.state.context.store, credentials.credentials)
    if user is None:
        raise ApiError(401, "unauthorized", "invalid token", _CHALLENGE)
    request.state.user = user
    return user


CurrentUser = Annotated[users.User, Depends(require_user)]
