"""Traffic and security cameras: where they are, and when they are reachable.

Each camera alternates online/offline spells drawn from its own stream (long
online spells, short or occasionally long outages: ~5 % offline at any time)
and sends a heartbeat every few minutes while online, which is what
``last_seen`` reports.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from backend.sim import geo, names
from backend.sim.rng import stream

HOUR = 3600.0
HEARTBEAT_S = 300.0


@dataclass(frozen=True)
class CameraInfo:
    idx: int
    id: str
    name: str
    kind: str  # traffic | security
    lon: float
    lat: float


def build_cameras(seed: int, count: int) -> list[CameraInfo]:
    rng = stream(seed, "cameras")
    taken: set[str] = set()
    cameras = []
    for idx in range(count):
        on_highway = rng.random() < 0.2
        if on_highway:
            frac = rng.random()
            lon, lat = geo.on_ql1a(frac)
            places = names.QL1A_PLACES
            place = places[min(int(frac * len(places)), len(places) - 1)]
            km = 1240 - int(frac * 110)  # QL1A kilometre posts run north -> south
            name = f"QL1A Km {km}+{rng.randrange(0, 10) * 100} – {place}"
            kind = "traffic"
        else:
            lon, lat = geo.city_point(rng)
            if rng.random() < 0.3:
                name, kind = rng.choice(names.LANDMARKS), "security"
            else:
                a, b = names.street_pair(rng)
                junction = rng.choice(("Ngã tư", "Ngã tư", "Ngã ba"))
                name, kind = f"{junction} {a} – {b}", "traffic"
        base, n = name, 2
        while name in taken:
            name = f"{base} ({n})"
            n += 1
        taken.add(name)
        cameras.append(
            CameraInfo(idx, f"cam-{idx + 1:03d}", name, kind, round(lon, 5), round(lat, 5)))
    return cameras


class CameraStatus:
    """One camera's online/offline timeline, generated forward in time."""

    def __init__(self, seed: int, idx: int, anchor: float) -> None:
        self._rng = stream(seed, "camera-status", idx)
        self.phase = self._rng.uniform(0, HEARTBEAT_S)
        self.online = self._rng.random() > 0.05
        self.since = anchor - self._rng.uniform(0, 24 * HOUR)
        self.next_flip = anchor + self._spell()
        self._offline_seen = self.since

    def _spell(self) -> float:
        if self.online:
            return self._rng.expovariate(1 / (90 * HOUR))
        mean = 1.5 * HOUR if self._rng.random() < 0.7 else 12 * HOUR
        return self._rng.expovariate(1 / mean)

    def _last_heartbeat(self, t: float) -> float:
        return self.phase + math.floor((t - self.phase) / HEARTBEAT_S) * HEARTBEAT_S

    def advance(self, t: float) -> None:
        while self.next_flip <= t:
            if self.online:
                self._offline_seen = max(self.since, self._last_heartbeat(self.next_flip))
            self.online = not self.online
            self.since = self.next_flip
            self.next_flip = self.since + self._spell()

    def last_seen(self, t: float) -> float:
        if self.online:
            return max(self.since, self._last_heartbeat(t))
        return self._offline_seen
