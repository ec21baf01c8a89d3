"""Which process runs the simulator when several serve one database, and one clock for all.

Every process builds the same world from the stored ``SimConfig`` (routes need its
hydrology, cameras and seed), but only the leader — the process holding the store's
leader lease (``Store.try_lead``: a PostgreSQL advisory lock held by a session, or a
file lock beside a SQLite file) — ticks it and writes. The others serve reads and
operators' decisions. Every ``CHECK_S`` each process looks again: a follower takes the
lease as soon as the leader's session ends (the process died: its connection closed
and PostgreSQL released the lock), resumes the stored world where the last committed
tick left it, and carries on; a leader whose session was lost stops ticking at once.

One clock: a new leader publishes ``(sim time, wall time, speed)`` under ``meta.clock``;
followers set their clock by it, so ``server_time`` and the sim instants stamped on
decisions agree whichever process answers.
"""

from __future__ import annotations

import json
import logging
import threading
import time

from backend.clock import SimClock
from backend.db import Store
from backend.sim.engine import ADVANCED_TO_KEY, SimConfig, Simulator
from backend.timefmt import iso_z

log = logging.getLogger(__name__)

CHECK_S = 1.0  # how soon a follower notices a dead leader (and a leader a lost lease)
CLOCK_KEY = "clock"
CLOCK_SLACK_S = 0.05  # real seconds of disagreement a follower lets pass before resetting


class Node:
    """This process's share of the work. ``sim`` serves the routes whether or not it is
    ticking; ``clock`` is the process's sim clock."""

    def __init__(self, store: Store, config: SimConfig, speed: float,
                 seeded: Simulator | None = None) -> None:
        """``seeded``: a simulator this process just bootstrapped (already at the stored
        state, so leading needs no resume)."""
        self.store = store
        self.config = config
        if seeded is not None:
            self.sim = seeded
        else:
            reached = float(store.meta(ADVANCED_TO_KEY) or config.start)
            self.sim = Simulator(store, config, SimClock(reached, speed))
        self.clock = self.sim.clock
        self.leading = False
        self._seeded = seeded is not None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    @property
    def role(self) -> str:
        return "leader" if self.leading else "follower"

    def start(self) -> None:
        """Try to lead at once (a lone backend simulates from its first request), then
        keep checking in the background."""
        self._step()
        self._thread = threading.Thread(target=self._run, name="leadership", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Stop ticking and checking; quick, as a stopping backend must be (the simulator
        finishes its tick while the leadership thread winds down)."""
        self._stop.set()
        if self.leading:
            self.sim.stop()
            self.leading = False
        if self._thread is not None:
            self._thread.join(CHECK_S + 2)
        if self.leading:  # the thread took the lead just before it saw the stop
            self.sim.stop()
            self.leading = False
        self.store.resign()

    def _run(self) -> None:
        while not self._stop.wait(CHECK_S):
            try:
                self._step()
            except Exception:  # the database may be briefly away: try again next time
                log.exception("leadership check failed")

    def _step(self) -> None:
        if self.leading:
            if not self.store.still_leading():
                self.sim.stop()
                self.leading = False
                log.warning("lost the leader lease: simulator stopped, now serving only")
            return
        if self.store.try_lead():
            self._lead()
        else:
            self._follow_clock()

    def _lead(self) -> None:
        reached = float(self.store.meta(ADVANCED_TO_KEY) or self.config.start)
        if not self._seeded:
            sim = Simulator(self.store, self.config, self.clock)
            sim.resume(reached)  # builds the fleet: seconds for a large one
            self.sim = sim
            log.info("resuming the stored world (seed=%d start=%s) at sim time %s, cursor %d",
                     self.config.seed, iso_z(self.config.start), iso_z(reached),
                     self.store.cursor)
        self._seeded = False
        # The world paused while nobody ticked it (a restart, a takeover, the seeding
        # itself): it continues from the last committed tick, from now — not from when
        # the clock was made, which would owe a burst of ticks (at --speed 3600, a
        # minute of start-up is 60 sim hours of fixes in one transaction).
        self.clock.rebase(reached)
        with self.store.write(durable=True) as tx:
            tx.set_meta(CLOCK_KEY, json.dumps({"sim": self.clock.now(), "wall": time.time(),
                                               "speed": self.clock.speed}))
        self.sim.start()
        self.leading = True

    def _follow_clock(self) -> None:
        text = self.store.meta(CLOCK_KEY)
        if text is None:
            return
        anchor = json.loads(text)
        leader_now = anchor["sim"] + anchor["speed"] * (time.time() - anchor["wall"])
        if abs(leader_now - self.clock.now()) > CLOCK_SLACK_S * self.clock.speed:
            self.clock.rebase(leader_now)
