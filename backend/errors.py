"""JSON error bodies for every failure, so clients never have to parse HTML or tracebacks.

Every error answer is ``wire.ErrorBody`` ({"error": {"code", "message"}}): the
console shows ``message`` to operators and branches on ``code``. Unexpected
exceptions are logged here (with traceback, server side only) and answered
with a bare 500.
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

log = logging.getLogger(__name__)

_HTTP_CODES = {
    400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
    405: "method_not_allowed", 409: "conflict", 413: "payload_too_large",
    415: "unsupported_media_type", 422: "unprocessable", 429: "too_many_requests",
    503: "unavailable",
}


class ApiError(Exception):
    """Raise from a route to answer with a specific status, code and message."""

    def __init__(self, status: int, code: str, message: str,
                 headers: dict[str, str] | None = None,
                 extra: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers
        self.extra = extra  # more fields of ErrorDetail (e.g. required_role on a 403)


# header name (lower case) -> ((code, message) when missing, (code, message) when invalid)
_HEADER_RULES: dict[str, tuple[tuple[str, str], tuple[str, str]]] = {}


def header_rule(header: str, missing: tuple[str, str], invalid: tuple[str, str]) -> None:
    """Answer a failed validation of a declared header with these codes (400).

    A route declares its header's rules with FastAPI's `Header(...)` so the OpenAPI
    document states them; this keeps the specific error codes clients branch on."""
    _HEADER_RULES[header.lower()] = (missing, invalid)


def _header_error(errors: list[dict]) -> JSONResponse | None:
    for err in errors:
        loc = err.get("loc", ())
        if len(loc) == 2 and loc[0] == "header" and str(loc[1]).lower() in _HEADER_RULES:
            missing, invalid = _HEADER_RULES[str(loc[1]).lower()]
            code, message = missing if err.get("type") == "missing" else invalid
            return error_response(400, code, message)
    return None


def not_found(kind: str, item_id: str) -> ApiError:
    """404 naming the id (shortened: never echo kilobytes of client input back)."""
    shown = item_id if len(item_id) <= 64 else item_id[:64] + "…"
    return ApiError(404, "not_found", f"no {kind} {shown!r}")


def error_body(code: str, message: str, extra: dict[str, str] | None = None) -> dict:
    return {"error": {"code": code, "message": message, **(extra or {})}}


def error_response(status: int, code: str, message: str,
                   headers: dict[str, str] | None = None,
                   extra: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(error_body(code, message, extra), status_code=status, headers=headers)


def _describe(errors: list[dict]) -> str:
    """A short summary of validation errors, without echoing the rejected input."""
    parts = []
    for err in errors[:5]:
        loc = ".".join(str(p) for p in err.get("loc", ()) if p != "body") or "body"
        parts.append(f"{loc}: {err.get('msg', 'invalid')}")
    more = f" (+{len(errors) - 5} more)" if len(errors) > 5 else ""
    return "; ".join(parts) + more


async def _api_error(_: Request, exc: ApiError) -> JSONResponse:
    return error_response(exc.status, exc.code, exc.message, exc.headers, exc.extra)


async def _http_error(_: Request, exc: StarletteHTTPException) -> JSONResponse:
    code = _HTTP_CODES.get(exc.status_code, "error")
    message = exc.detail if isinstance(exc.detail, str) else code.replace("_", " ")
    return error_response(exc.status_code, code, message, getattr(exc, "headers", None))


async def _validation_error(_: Request, exc: RequestValidationError) -> JSONResponse:
    """Malformed query/path/header or JSON -> 400; well-formed JSON with bad fields -> 422."""
    errors = list(exc.errors())
    header = _header_error(errors)
    if header is not None:
        return header
    for e in errors:  # another required header that is absent: name it in the code
        loc = e.get("loc", ())
        if e.get("type") == "missing" and len(loc) == 2 and loc[0] == "header":
            name = str(loc[1]).lower().replace("-", "_")
            return error_response(400, f"{name}_required", f"send an {loc[1]} header")
    if any(e.get("type") == "json_invalid" for e in errors):
        return error_response(400, "malformed_json", "request body is not valid JSON")
    if errors and all(e.get("loc", ("",))[0] == "body" for e in errors):
        return error_response(422, "invalid_body", _describe(errors))
    return error_response(400, "invalid_request", _describe(errors))


class CatchAllMiddleware:
    """Turn any unexpected exception into a logged, bare JSON 500.

    Starlette's own ``Exception`` handler answers but then re-raises, which makes
    uvicorn log the traceback a second time and drop the keep-alive connection;
    catching here keeps the connection usable for the client's next request.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, tracking_send)
        except Exception:
            log.exception("unhandled error on %s %s", scope.get("method"), scope.get("path"))
            if started:  # too late for a clean answer; let the server drop the connection
                raise
            response = error_response(500, "internal_error", "internal server error")
            await response(scope, receive, send)


def install(app: FastAPI) -> None:
    app.add_exception_handler(ApiError, _api_error)  # type: ignore[arg-type]
    app.add_exception_handler(StarletteHTTPException, _http_error)  # type: ignore[arg-type]
    app.add_exception_handler(RequestValidationError, _validation_error)  # type: ignore[arg-type]
    app.add_middleware(CatchAllMiddleware)
