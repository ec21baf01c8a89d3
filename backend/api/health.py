"""Unauthenticated liveness endpoint: the console polls it to know the backend is up."""

from __future__ import annotations

from fastapi import APIRouter

from backend import SITE, __version__
from backend.api.context import Ctx
from backend.timefmt import to_datetime
from console.sources import wire

router = APIRouter()


@router.get("/health", response_model=wire.Health, tags=["health"])
def health(ctx: Ctx) -> wire.Health:
    return wire.Health(server_time=to_datetime(ctx.now()), speed=ctx.sim.clock.speed,
                       version=__version__, site=SITE)
