"""What every route needs (store, simulator, clock), reachable from the request.

The simulator is reached through the process's ``Node`` (leader.py): a process that
takes over the leadership swaps in a resumed simulator.

Routes get it through a dependency instead of module globals, so tests and the
CLI can build several independent apps in one process.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request

from backend.db import Store
from backend.errors import ApiError
from backend.leader import Node
from backend.sim.engine import Simulator


@dataclass(frozen=True)
class Context:
    store: Store
    node: Node

    @property
    def sim(self) -> Simulator:
        return self.node.sim

    def now(self) -> float:
        return self.node.clock.now()

    def require_history(self, table: str, t0: float, t1: float) -> None:
        """Rows of a history table (positions, observations) are read only once every
        one in [t0, t1] is stored: a just-started backend writes its older history in
        the background (sim/backfill.py). 503 ``history_pending`` if that takes too long."""
        if not self.sim.history_ready(table, t0, t1):
            raise ApiError(503, "history_pending", "older history is still being written; "
                           "try again shortly", {"Retry-After": "5"})


def get_context(request: Request) -> Context:
    return request.app.state.context


Ctx = Annotated[Context, Depends(get_context)]
