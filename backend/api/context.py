"""What every route needs (store, simulator, clock), reachable from the request.

Routes get it through a dependency instead of module globals, so tests and the
CLI can build several independent apps in one process.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request

from backend.db import Store
from backend.sim.engine import Simulator


@dataclass(frozen=True)
class Context:
    store: Store
    sim: Simulator

    def now(self) -> float:
        return self.sim.clock.now()


def get_context(request: Request) -> Context:
    return request.app.state.context


Ctx = Annotated[Context, Depends(get_context)]
