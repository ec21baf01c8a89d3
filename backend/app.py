"""Assemble the FastAPI application from its parts (routes, auth, error handling).

``create_app`` takes an already-built store and node (this process's share of the
simulator, leader.py) so the same app serves a CLI run, an in-process test, or an
embedded demo without hidden globals.
"""

from __future__ import annotations

from fastapi import APIRouter, Depends, FastAPI

from backend import __version__, errors
from backend.api import (
    alerts,
    audit_log,
    cameras,
    collections,
    decisions,
    health,
    history,
    incidents,
    me,
    series,
    storm,
    stream,
    summaries,
)
from backend.api.auth import require_user
from backend.api.context import Context
from backend.db import Store
from backend.leader import Node
from backend.sta import routes as sta
from console.sources import wire

API_PREFIX = "/api/v1"

DESCRIPTION = """Reference backend of the IOC Console (Bình Định / Quy Nhơn).

Every route except `/health` needs `Authorization: Bearer <token>`, a user's token
(`python -m backend.users add NAME --role viewer|operator|supervisor --db PATH`).
Roles: a viewer reads; an operator also acts on incidents; a supervisor also closes
incidents and reads the audit log. A refused action is 403 with `error.required_role`.
`GET /api/v1/me` names the user and lists its permissions. Errors are `ErrorBody` JSON.
List endpoints return a `cursor`; pass it back as `since` to
receive only what changed. `GET /api/v1/stream` pushes the same changes as
Server-Sent Events whose ids are resumable cursors. Times inside objects are ISO 8601 UTC; columnar
series use epoch seconds. All data is simulated (seeded, reproducible).
"""


def create_app(store: Store, node: Node) -> FastAPI:
    """Users and their tokens live in ``store`` (see backend/users.py)."""
    app = FastAPI(title="IOC Console reference backend", version=__version__,
                  description=DESCRIPTION)
    app.state.context = Context(store=store, node=node)
    errors.install(app)

    app.include_router(health.router)
    api = APIRouter(
        prefix=API_PREFIX,
        dependencies=[Depends(require_user)],
        responses={
            400: {"model": wire.ErrorBody, "description": "bad request"},
            401: {"model": wire.ErrorBody, "description": "missing or wrong token"},
            # Declaring the 4XX range also stops FastAPI from documenting its default
            # 422 HTTPValidationError: this API answers bad parameters with 400 ErrorBody.
            "4XX": {"model": wire.ErrorBody, "description": "other client errors"},
        },
    )
    for module in (alerts, collections, series, history, cameras, incidents, summaries, me,
                   audit_log, decisions, storm, stream):
        api.include_router(module.router)
    app.include_router(api)
    app.include_router(sta.router)  # the stations as OGC SensorThings v1.1
    return app
