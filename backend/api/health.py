"""Unauthenticated liveness endpoint: the console polls it to know the backend is up.

Headers name the worker process that answered and whether it runs the simulator
(``X-Backend-Worker``, ``X-Backend-Role``: leader or follower), so an operator or a
test can see several workers behind one port."""

from __future__ import annotations

import os

from fastapi import APIRouter, Response

from backend import SITE, __version__
from backend.alerting import ALERT_KINDS
from backend.api.context import Ctx
from backend.timefmt import to_datetime
from console.sources import wire

router = APIRouter()


@router.get("/health", response_model=wire.Health, tags=["health"])
def health(ctx: Ctx, response: Response) -> wire.Health:
    response.headers["X-Backend-Worker"] = str(os.getpid())
    response.headers["X-Backend-Role"] = ctx.node.role
    return wire.Health(server_time=to_datetime(ctx.now()), speed=ctx.sim.clock.speed,
                       version=__version__, site=SITE,
                       alert_kinds=list(ALERT_KINDS) if ctx.sim.config.raise_alerts else [])
