"""Explicit quality rules for gauge readings: flag suspect points, never drop or invent.

A chart must neither crash on bad input nor silently lie. ``clean`` sorts readings by
time, resolves duplicate timestamps, and returns one flag word per reading; the chart
draws suspect readings as such (markers, not part of the line), and alarm logic uses
``latest_valid`` so an alarm level is never raised from a suspect reading alone.
Pure numpy; any thread.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntFlag
from functools import cached_property

import numpy as np


class Flag(IntFlag):
    OK = 0
    MISSING = 1  # no value (gap; drawn as a gap)
    DUPLICATE = 2  # several readings for one instant with different values
    REORDERED = 4  # arrived out of order (informational: sorting fixes it)
    SENTINEL = 8  # a logger code such as 9999 / -9999
    OUT_OF_RANGE = 16  # physically absurd (negative rain, level far outside the gauge range)
    SPIKE = 32  # jumps away from both neighbours and back
    FLATLINE = 64  # stuck sensor: the same non-zero value for too long


SUSPECT = Flag.DUPLICATE | Flag.SENTINEL | Flag.OUT_OF_RANGE | Flag.SPIKE | Flag.FLATLINE


@dataclass(frozen=True)
class QualityRules:
    """Thresholds; per station kind. Configuration, not code: build from settings."""

    sentinels: tuple[float, ...] = (9999.0, -9999.0, 999.9, -999.0, 99999.0)
    rain_max_mm_per_step: float = 80.0  # 10-minute world record is ~40 mm
    level_span_m: float = 40.0  # readings further than this from the station's levels
    spike_m: float = 1.0  # level jump (m) away from and back toward both neighbours
    flat_steps: int = 36  # 6 h of identical water-level readings = stuck sensor
    rain_flat_steps: int = 18  # 3 h of identical non-zero rain = stuck tipping bucket


@dataclass(frozen=True)
class CleanSeries:
    t: np.ndarray  # epoch seconds UTC, strictly increasing
    value: np.ndarray  # NaN where missing
    flags: np.ndarray  # uint8 Flag bits per reading

    # cached: charts ask for these on every redraw of series with millions of readings
    @cached_property
    def _suspect(self) -> np.ndarray:
        return (self.flags & int(SUSPECT)) != 0

    @cached_property
    def _valid(self) -> np.ndarray:
        return np.where(self._suspect, np.nan, self.value)

    def suspect(self) -> np.ndarray:
        return self._suspect

    @cached_property
    def flag_counts(self) -> dict[Flag, int]:
        return describe(self.flags)

    def valid_values(self) -> np.ndarray:
        """Values with missing and suspect readings as NaN (what lines and alarms use)."""
        return self._valid


def clean(
    t: np.ndarray,
    value: np.ndarray,
    kind: str,
    rules: QualityRules | None = None,
    reference: float | None = None,
) -> CleanSeries:
    """Sort, de-duplicate and flag. ``reference``: a typical level of the gauge (e.g. BĐ1 or
    the normal level) used for the plausible range of water levels."""
    rules = rules or QualityRules()
    t = np.asarray(t, dtype=np.float64)
    v = np.asarray(value, dtype=np.float64)
    if len(t) == 0:
        return CleanSeries(t, v, np.zeros(0, dtype=np.uint8))
    reordered = bool(np.any(np.diff(t) < 0))
    order = np.argsort(t, kind="stable")
    t, v = t[order], v[order]
    # duplicates: keep the last received value; flag when the values disagree
    last = np.ones(len(t), dtype=bool)
    last[:-1] = t[1:] != t[:-1]
    conflict = np.zeros(len(t), dtype=bool)
    if not last.all():
        groups = np.cumsum(np.r_[True, t[1:] != t[:-1]]) - 1
        vmin = np.full(groups[-1] + 1, np.inf)
        vmax = np.full(groups[-1] + 1, -np.inf)
        finite = np.nan_to_num(v, nan=np.inf)
        np.minimum.at(vmin, groups, finite)
        np.maximum.at(vmax, groups, np.nan_to_num(v, nan=-np.inf))
        conflict = (vmin != vmax)[groups]
    t, v, conflict = t[last], v[last], conflict[last]
    flags = np.zeros(len(t), dtype=np.uint8)
    if reordered:
        flags |= np.where(np.diff(order[last], prepend=-1) < 0, int(Flag.REORDERED), 0).astype(
            np.uint8
        )
    flags[conflict] |= int(Flag.DUPLICATE)
    flags[~np.isfinite(v)] |= int(Flag.MISSING)
    flags[np.isin(v, rules.sentinels)] |= int(Flag.SENTINEL)
    rain = kind == "rain"
    with np.errstate(invalid="ignore"):
        if rain:
            absurd = (v < 0) | (v > rules.rain_max_mm_per_step)
        elif reference is not None:
            absurd = np.abs(v - reference) > rules.level_span_m
        else:
            absurd = np.zeros(len(v), dtype=bool)
    flags[absurd & ((flags & int(Flag.SENTINEL)) == 0)] |= int(Flag.OUT_OF_RANGE)
    usable = (flags & int(Flag.MISSING | Flag.SENTINEL | Flag.OUT_OF_RANGE)) == 0
    if not rain:
        flags[_spikes(v, usable, rules.spike_m)] |= int(Flag.SPIKE)
    steps = rules.rain_flat_steps if rain else rules.flat_steps
    flags[_flatline(v, usable, steps, ignore_zero=rain)] |= int(Flag.FLATLINE)
    return CleanSeries(t, v, flags)


def _spikes(v: np.ndarray, usable: np.ndarray, jump: float) -> np.ndarray:
    """A usable reading that differs by more than ``jump`` from both usable neighbours,
    in the same direction (up-and-back or down-and-back)."""
    out = np.zeros(len(v), dtype=bool)
    idx = np.flatnonzero(usable)
    if len(idx) < 3:
        return out
    x = v[idx]
    d_prev = x[1:-1] - x[:-2]
    d_next = x[1:-1] - x[2:]
    spike = (np.abs(d_prev) > jump) & (np.abs(d_next) > jump) & (np.sign(d_prev) == np.sign(d_next))
    out[idx[1:-1][spike]] = True
    return out


def _flatline(v: np.ndarray, usable: np.ndarray, steps: int, ignore_zero: bool) -> np.ndarray:
    """Runs of at least ``steps`` identical consecutive usable readings."""
    out = np.zeros(len(v), dtype=bool)
    if len(v) < steps or steps < 2:
        return out
    same = usable[1:] & usable[:-1] & (v[1:] == v[:-1])
    if ignore_zero:
        same &= v[1:] != 0
    # run boundaries of "same" == True
    padded = np.r_[False, same, False].astype(np.int8)
    starts = np.flatnonzero(np.diff(padded) == 1)
    ends = np.flatnonzero(np.diff(padded) == -1)
    for a, b in zip(starts, ends, strict=True):
        if b - a + 1 >= steps:  # run covers readings a..b
            out[a : b + 1] = True
    return out


def latest_valid(series: CleanSeries) -> tuple[float, float] | None:
    """(t, value) of the newest reading that is neither missing nor suspect."""
    valid = series.valid_values()
    end = len(valid)
    chunk = 1024
    while end > 0:  # newest first, in chunks: usually the last reading is the answer
        start = max(0, end - chunk)
        good = np.flatnonzero(np.isfinite(valid[start:end]))
        if len(good):
            i = start + int(good[-1])
            return float(series.t[i]), float(series.value[i])
        end, chunk = start, chunk * 4
    return None


def describe(flags: np.ndarray) -> dict[Flag, int]:
    """How many readings carry each suspect / missing flag (for the chart's status line)."""
    return {
        f: int(np.count_nonzero(flags & int(f)))
        for f in (
            Flag.MISSING,
            Flag.DUPLICATE,
            Flag.SENTINEL,
            Flag.OUT_OF_RANGE,
            Flag.SPIKE,
            Flag.FLATLINE,
        )
        if np.any(flags & int(f))
    }
