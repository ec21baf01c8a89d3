"""One fishing trip as a closed-form function of time.

A voyage is: at the berth -> transit out (berth -> offshore waypoint -> ground)
-> fishing (slow wandering around the ground) -> transit back (reverse). Because
position is computed from time rather than integrated tick by tick, a fix at
instant t is the same however the engine got there.
"""

from __future__ import annotations

import dataclasses
import itertools
import math
from dataclasses import dataclass

from backend.sim import geo

HOUR = 3600.0
KMH_PER_KN = geo.KM_PER_NM


@dataclass(frozen=True)
class State:
    lon: float
    lat: float
    speed_kn: float
    course_deg: float
    in_port: bool


@dataclass(frozen=True)
class Leg:
    """Straight run at constant speed between two sea points."""

    t0: float
    t1: float
    a: tuple[float, float]
    b: tuple[float, float]
    speed_kn: float
    course_deg: float

    def state(self, t: float) -> State:
        span = self.t1 - self.t0
        f = 0.0 if span <= 0 else min(1.0, max(0.0, (t - self.t0) / span))
        lon = self.a[0] + f * (self.b[0] - self.a[0])
        lat = self.a[1] + f * (self.b[1] - self.a[1])
        return State(lon, lat, self.speed_kn, self.course_deg, in_port=False)

    def shifted(self, dt: float) -> Leg:
        return Leg(self.t0 + dt, self.t1 + dt, self.a, self.b, self.speed_kn, self.course_deg)


def chain(t0: float, points: list[tuple[float, float]], speed_kn: float) -> tuple[Leg, ...]:
    """Legs through ``points`` starting at ``t0``, timed by distance at ``speed_kn``."""
    legs = []
    t = t0
    for a, b in itertools.pairwise(points):
        hours = geo.distance_km(a, b) / (speed_kn * KMH_PER_KN)
        legs.append(Leg(t, t + hours * HOUR, a, b, speed_kn, geo.bearing_deg(a, b)))
        t += hours * HOUR
    return tuple(legs)


@dataclass(frozen=True)
class FishingMotion:
    """Wandering around a ground as a sum of sinusoids (km east / north of origin).

    Two components per axis (a slow drift of tens of hours, a faster working
    pattern of a few hours) give varied, smooth tracks; amplitudes are scaled so
    the speed never exceeds ``max_kn``. Displacement is zero at ``t0`` so the track
    is continuous with the transit that brought the vessel here.
    """

    t0: float
    t1: float
    origin: tuple[float, float]
    ax: tuple[float, float]
    wx: tuple[float, float]
    px: tuple[float, float]
    ay: tuple[float, float]
    wy: tuple[float, float]
    py: tuple[float, float]

    def _axis(
        self, tau: float, amp: tuple[float, float], omega: tuple[float, float],
        phase: tuple[float, float],
    ) -> tuple[float, float]:
        (a0, a1), (w0, w1), (p0, p1) = amp, omega, phase
        pos = (a0 * (math.sin(w0 * tau + p0) - math.sin(p0))
               + a1 * (math.sin(w1 * tau + p1) - math.sin(p1)))
        vel = a0 * w0 * math.cos(w0 * tau + p0) + a1 * w1 * math.cos(w1 * tau + p1)
        return pos, vel

    def state(self, t: float) -> State:
        tau = min(max(t, self.t0), self.t1) - self.t0
        east, ve = self._axis(tau, self.ax, self.wx, self.px)
        north, vn = self._axis(tau, self.ay, self.wy, self.py)
        lon, lat = geo.offset(self.origin[0], self.origin[1], east, north)
        speed_kn = math.hypot(ve, vn) * HOUR / KMH_PER_KN
        course = geo.normalise_course(math.degrees(math.atan2(ve, vn)))
        return State(lon, lat, speed_kn, course, in_port=False)


@dataclass(frozen=True)
class Voyage:
    port_start: float
    depart: float
    berth: tuple[float, float]
    berth_heading: float
    out_legs: tuple[Leg, ...]
    fishing: FishingMotion
    back_legs: tuple[Leg, ...]
    dark: tuple[float, float] | None

    @property
    def end(self) -> float:
        return self.back_legs[-1].t1

    def state(self, t: float) -> State:
        if t < self.depart:
            return State(self.berth[0], self.berth[1], 0.0, self.berth_heading, in_port=True)
        if self.fishing.t0 <= t < self.fishing.t1:  # most fixes: skip the harbour legs
            return self.fishing.state(t)
        for leg in self.out_legs:
            if t < leg.t1:
                return leg.state(t)
        if t < self.fishing.t1:
            return self.fishing.state(t)
        for leg in self.back_legs:
            if t < leg.t1:
                return leg.state(t)
        return State(self.berth[0], self.berth[1], 0.0, self.berth_heading, in_port=True)

    def is_dark(self, t: float) -> bool:
        return self.dark is not None and self.dark[0] <= t < self.dark[1]

    def shifted(self, dt: float) -> Voyage:
        """The same voyage ``dt`` seconds later: its course, speeds and the timing of its
        stages do not depend on when it starts (cheaper than laying it out again)."""
        fishing = self.fishing
        return Voyage(
            self.port_start + dt, self.depart + dt, self.berth, self.berth_heading,
            tuple(leg.shifted(dt) for leg in self.out_legs),
            dataclasses.replace(fishing, t0=fishing.t0 + dt, t1=fishing.t1 + dt),
            tuple(leg.shifted(dt) for leg in self.back_legs),
            None if self.dark is None else (self.dark[0] + dt, self.dark[1] + dt),
        )
