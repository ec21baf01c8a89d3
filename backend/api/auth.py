"""Bearer-token check for every /api/v1 route.

Constant-time comparison so response timing does not leak the token; the token
is never logged or echoed (error messages only say that it is missing or wrong).
"""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from backend.errors import ApiError

bearer = HTTPBearer(auto_error=False, description="the backend's API token")
_CHALLENGE = {"WWW-Authenticate": "Bearer"}


def require_token(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> None:
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise ApiError(401, "unauthorized", "missing bearer token", _CHALLENGE)
    expected: bytes = request.app.state.token_bytes
    if not hmac.compare_digest(credentials.credentials.encode("utf-8"), expected):
        raise ApiError(401, "unauthorized", "invalid token", _CHALLENGE)
