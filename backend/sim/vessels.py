"""The VMS fishing fleet: who the vessels are, where they go, when they report.

Each vessel owns a random stream that is consumed voyage by voyage, and each
voyage is a closed-form function of time (``voyage.py``). Fixes happen at
``phase + k * interval`` (epoch-aligned, phase random per vessel) so reports
arrive continuously, and a fix is skipped while the vessel is dark.
"""

from __future__ import annotations

import dataclasses
import math
import random
from bisect import bisect_right
from dataclasses import dataclass

import numpy as np

from backend.sim import geo, names
from backend.sim.rng import stream
from backend.sim.sea import land_mask
from backend.sim.voyage import HOUR, FishingMotion, State, Voyage, chain
from console.sources.wire import VesselIdentity

DAY = 24 * HOUR
MAX_FISHING_KN = 3.8
DARK_PROBABILITY = 0.16  # per voyage; gives ~3 % of the at-sea fleet dark at any time
REGISTRATION_PREFIXES = ("BĐ", "QNg", "PY", "KH", "QNa")  # beyond 90,000 vessels only
FALLBACK_GROUND = (111.5, 13.5)  # open central East Sea, far from any land
MOORING_JITTER_DEG = 0.0005  # ~55 m either side of the mooring line (harbours are narrow)


@dataclass(frozen=True, kw_only=True)
class VesselInfo(VesselIdentity):
    """A simulated vessel: the wire's identity fields plus where and how it sails."""

    idx: int
    berth: tuple[float, float]
    berth_heading: float
    ground: str
    phase_s: int


@dataclass(frozen=True)
class Fix:
    vessel: int
    t: float
    lon: float
    lat: float
    speed_kn: float
    course_deg: float
    in_port: bool


def _registrations(seed: int, count: int) -> list[str]:
    """Unique ``BĐ-9xxxx-TS`` style numbers (other provinces' prefixes only past 90,000)."""
    rng = stream(seed, "registrations")
    space = 90_000 * len(REGISTRATION_PREFIXES)
    if count > space:
        raise ValueError(f"at most {space} vessels can get unique registration numbers")
    if count <= 8_000:
        numbers = rng.sample(range(90_000, 100_000), count)
        return [f"BĐ-{n}-TS" for n in numbers]
    picks = sorted(rng.sample(range(space), count))
    rng.shuffle(picks)
    return [f"{REGISTRATION_PREFIXES[p // 90_000]}-{10_000 + p % 90_000}-TS" for p in picks]


def _make_info(seed: int, idx: int, registration: str, interval_s: int) -> VesselInfo:
    rng = stream(seed, "vessel-info", idx)
    port = names.weighted(rng, names.HOME_PORTS)
    (ax, ay), (bx, by) = geo.PORT_INFO[port].mooring
    f = rng.random()
    berth = (
        ax + f * (bx - ax) + rng.uniform(-MOORING_JITTER_DEG, MOORING_JITTER_DEG),
        ay + f * (by - ay) + rng.uniform(-MOORING_JITTER_DEG, MOORING_JITTER_DEG),
    )
    ground = names.weighted(rng, tuple((k, g.share) for k, g in geo.GROUNDS.items()))
    return VesselInfo(
        idx=idx,
        id=f"v{idx + 1:05d}",
        registration=registration,
        name=names.vessel_name(rng),
        owner=names.person_name(rng),
        length_m=round(15.0 + 15.0 * rng.betavariate(1.6, 3.0), 1),
        gear=names.weighted(rng, names.GEARS),
        home_port=port,
        berth=(round(berth[0], 5), round(berth[1], 5)),
        berth_heading=float(rng.randrange(0, 360)),
        ground=ground,
        phase_s=rng.randrange(0, interval_s),
    )


def _pick_ground(
    rng: random.Random, region: str, gate: tuple[float, float]
) -> tuple[float, float]:
    """A ground centre inside the region (~0.17 deg inside its edge) with no land within
    GROUND_CLEARANCE_KM (the fishing wander stays at sea) and open sea all the way from
    the port's offshore gate (the transit stays at sea). Checked once per voyage plan on
    the land mask, never per fix."""
    mask = land_mask()
    for name in (region, "central"):
        ground = geo.GROUNDS[name]
        box = ground.box
        for _ in range(60):
            if ground.distance_km is not None and ground.bearing_deg is not None:
                lo, mode, hi = ground.distance_km
                km = rng.triangular(lo, hi, mode)
                bearing = math.radians(rng.uniform(*ground.bearing_deg))
                lon, lat = geo.offset(*gate, km * math.sin(bearing), km * math.cos(bearing))
                if not (
                    box.min_lon + 0.17 <= lon <= box.max_lon - 0.17
                    and box.min_lat + 0.17 <= lat <= box.max_lat - 0.17
                ):
                    continue
            else:
                lon = rng.uniform(box.min_lon + 0.17, box.max_lon - 0.17)
                lat = rng.uniform(box.min_lat + 0.17, box.max_lat - 0.17)
            if mask.clear_disc(lon, lat, geo.GROUND_CLEARANCE_KM) and mask.segment_at_sea(
                gate, (lon, lat)
            ):
                return lon, lat
    return FALLBACK_GROUND


def _fishing_motion(
    rng: random.Random, t0: float, t1: float, origin: tuple[float, float]
) -> FishingMotion:
    def component() -> tuple[tuple[float, float], tuple[float, float], tuple[float, float]]:
        # displacement per axis <= 2 * (8.0 + 1.5) km, so within 27 km of the origin
        # (geo.FISHING_RADIUS_KM) whatever the phases
        amp = (rng.uniform(2.0, 8.0), rng.uniform(0.3, 1.5))
        omega = (2 * math.pi / (rng.uniform(12, 36) * HOUR),
                 2 * math.pi / (rng.uniform(2, 6) * HOUR))
        phase = (rng.uniform(0, 2 * math.pi), rng.uniform(0, 2 * math.pi))
        return amp, omega, phase

    ax, wx, px = component()
    ay, wy, py = component()
    # Bound the speed: |v| <= sqrt((sum a*w)_x^2 + (sum a*w)_y^2), in km/s.
    bound_kmps = math.hypot(sum(a * w for a, w in zip(ax, wx, strict=True)),
                            sum(a * w for a, w in zip(ay, wy, strict=True)))
    limit_kmps = MAX_FISHING_KN * geo.KM_PER_NM / HOUR
    scale = min(1.0, limit_kmps / bound_kmps)
    ax = (ax[0] * scale, ax[1] * scale)
    ay = (ay[0] * scale, ay[1] * scale)
    return FishingMotion(t0, t1, origin, ax, wx, px, ay, wy, py)


@dataclass(frozen=True)
class _Plan:
    """Time-independent draws for one voyage (so it can be laid out at any start)."""

    port_stay_s: float
    fishing_s: float
    ground: tuple[float, float]
    out_kn: float
    back_kn: float
    motion: FishingMotion  # laid out from t = 0; shifted to the voyage's fishing start
    dark: tuple[float, float] | None  # (fraction of the free at-sea span, duration s)
    home_via_ground: bool  # the straight run home from where fishing ends would cross land


class Trajectory:
    """One vessel's endless sequence of voyages, generated lazily in time order."""

    def __init__(self, info: VesselInfo, rng: random.Random, anchor: float) -> None:
        self.info = info
        self._rng = rng
        plan = self._draw_plan()
        laid_out = self._build(plan, 0.0)
        first = laid_out.shifted(anchor - rng.random() * laid_out.end)
        self._voyages: list[Voyage] = [first]
        self._starts: list[float] = [first.port_start]

    @property
    def earliest(self) -> float:
        return self._starts[0]

    def _draw_plan(self) -> _Plan:
        rng = self._rng
        region = self.info.ground if rng.random() < 0.9 else "central"
        offshore = region in ("hoang_sa", "truong_sa")
        fishing_days = rng.uniform(8, 18) if offshore else rng.uniform(4, 13)
        dark = None
        if rng.random() < DARK_PROBABILITY:
            dark = (rng.random(), rng.uniform(4 * HOUR, 4 * DAY))
        gate = geo.PORT_INFO[self.info.home_port].gate
        port_stay_s = rng.uniform(1.5, 6.0) * DAY
        ground = _pick_ground(rng, region, gate)
        out_kn, back_kn = rng.uniform(7.0, 10.0), rng.uniform(7.0, 10.0)
        motion_seed = rng.randrange(1 << 30)
        # where fishing ends does not depend on when it starts: check the way home once
        fishing_s = fishing_days * DAY
        motion = _fishing_motion(random.Random(motion_seed), 0.0, fishing_s, ground)
        last = motion.state(fishing_s)
        return _Plan(
            port_stay_s=port_stay_s,
            fishing_s=fishing_s,
            ground=ground,
            out_kn=out_kn,
            back_kn=back_kn,
            motion=motion,
            dark=dark,
            home_via_ground=not land_mask().segment_at_sea((last.lon, last.lat), gate),
        )

    def _build(self, plan: _Plan, port_start: float) -> Voyage:
        info = self.info
        route = list(geo.PORT_INFO[info.home_port].exit)  # harbour -> offshore gate
        depart = port_start + plan.port_stay_s
        out_legs = chain(depart, [info.berth, *route, plan.ground], plan.out_kn)
        fish_start = out_legs[-1].t1
        fish_end = fish_start + plan.fishing_s
        motion = dataclasses.replace(plan.motion, t0=fish_start, t1=fish_end)
        last = motion.state(fish_end)
        home = [(last.lon, last.lat)]
        if plan.home_via_ground:
            home.append(plan.ground)  # back through the checked disc and outbound leg
        back_legs = chain(fish_end, [*home, *reversed(route), info.berth], plan.back_kn)
        dark = None
        if plan.dark is not None:
            span = back_legs[-1].t1 - depart
            duration = min(plan.dark[1], span - 2 * HOUR)
            if duration >= 2 * HOUR:
                begin = depart + HOUR + plan.dark[0] * (span - duration - 2 * HOUR)
                dark = (begin, begin + duration)
        return Voyage(port_start, depart, info.berth, info.berth_heading, out_legs, motion,
                      back_legs, dark)

    def voyage_at(self, t: float) -> Voyage:
        while self._voyages[-1].end <= t:
            voyage = self._build(self._draw_plan(), self._voyages[-1].end)
            self._voyages.append(voyage)
            self._starts.append(voyage.port_start)
        i = bisect_right(self._starts, t) - 1
        return self._voyages[max(i, 0)]

    def state(self, t: float) -> State:
        return self.voyage_at(t).state(t)

    def is_dark(self, t: float) -> bool:
        return self.voyage_at(t).is_dark(t)

    def forget_before(self, t: float) -> None:
        """Drop voyages that ended before ``t`` (memory stays bounded in long runs)."""
        keep = 0
        while keep < len(self._voyages) - 1 and self._voyages[keep].end < t:
            keep += 1
        if keep:
            del self._voyages[:keep]
            del self._starts[:keep]


class Fleet:
    """All vessels, plus the VMS reporting schedule."""

    def __init__(self, seed: int, count: int, interval_s: int, anchor: float) -> None:
        if interval_s < 1:
            raise ValueError("VMS interval must be >= 1 s")
        self.interval_s = int(interval_s)
        regs = _registrations(seed, count)
        self.infos = [_make_info(seed, i, regs[i], self.interval_s) for i in range(count)]
        self._tracks = [Trajectory(info, stream(seed, "voyages", info.idx), anchor)
                        for info in self.infos]
        self._phase_list = [float(info.phase_s) for info in self.infos]
        self._phases = np.array(self._phase_list, dtype=np.float64)

    def __len__(self) -> int:
        return len(self.infos)

    def fix(self, idx: int, t: float) -> Fix:
        return self._fix_from(idx, t, self._tracks[idx].state(t))

    def _fix_from(self, idx: int, t: float, s: State) -> Fix:
        speed, course = s.speed_kn, s.course_deg
        if not s.in_port:  # a little sensor jitter, deterministic in (vessel, t)
            speed = max(0.0, speed + 0.25 * math.sin(t * 0.0137 + idx * 1.7))
            course = geo.normalise_course(course + 2.0 * math.sin(t * 0.0071 + idx * 2.3))
        return Fix(idx, t, s.lon, s.lat, round(speed, 1), round(course, 1), s.in_port)

    def fixes_between(self, t0: float, t1: float) -> list[Fix]:
        """Every report with ``t0 < t <= t1`` from vessels that are not dark, oldest first."""
        if t1 <= t0:
            return []
        step = float(self.interval_s)
        k_lo = np.floor((t0 - self._phases) / step) + 1
        k_hi = np.floor((t1 - self._phases) / step)
        out: list[Fix] = []
        lows, highs = k_lo.tolist(), k_hi.tolist()
        for idx in np.nonzero(k_hi >= k_lo)[0].tolist():
            phase = self._phase_list[idx]
            track = self._tracks[idx]
            for k in range(int(lows[idx]), int(highs[idx]) + 1):
                t = phase + k * step
                voyage = track.voyage_at(t)
                if not voyage.is_dark(t):
                    out.append(self._fix_from(idx, t, voyage.state(t)))
        out.sort(key=lambda f: (f.t, f.vessel))
        return out

    def last_fix_at_or_before(self, idx: int, t: float) -> Fix:
        """The most recent report not later than ``t`` (looking back past dark spells)."""
        step = float(self.interval_s)
        phase = self._phase_list[idx]
        track = self._tracks[idx]
        ft = phase + math.floor((t - phase) / step) * step
        while ft - step >= track.earliest and track.is_dark(ft):
            ft -= step
        return self.fix(idx, ft)

    def forget_before(self, t: float) -> None:
        for track in self._tracks:
            track.forget_before(t)
