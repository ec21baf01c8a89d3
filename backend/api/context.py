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


def get_context(request: Request) -> Context:
    return request.app.state.context


Ctx = Annotated[Context, Depends(get_context)]
