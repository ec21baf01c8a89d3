"""Printing figures in the DESIGN.md benchmark contract format, the machine context line
and the one definition of a GUI stall that every bench uses."""

from __future__ import annotations

import os
import statistics

import numpy as np


def figure(name: str, value: float, unit: str) -> None:
    text = f"{value:.0f}" if abs(value) >= 10_000 else f"{value:.4g}"
    print(f"BENCH {name} {text} {unit}", flush=True)


def context(text: str) -> None:
    print(f"# {text}", flush=True)


def machine() -> str:
    """What the figures were measured on, read from the machine (never typed in)."""
    cores = os.cpu_count() or 0
    load = os.getloadavg() if hasattr(os, "getloadavg") else (float("nan"),) * 3
    return f"machine: {cores} cores, load average {load[0]:.2f} / {load[1]:.2f} / {load[2]:.2f}"


def machine_context() -> None:
    context(machine())


def percentile(values: list[float], q: float) -> float:
    return float(np.percentile(np.asarray(values), q))


def median(values: list[float]) -> float:
    return float(statistics.median(values))


class StallMeter:
    """The one definition of a stall for every bench: the longest gap between two
    turns of the GUI event loop, in ms, minus nothing. A 1 ms timer on the GUI thread
    notes when each turn ran; a gap between ticks is time the loop could not run
    (a frozen window for that long). Use as a context manager or start()/stop()."""

    INTERVAL_MS = 1

    def __init__(self) -> None:
        from console.diagnostics import EventLoopStallMeter

        self._meter = EventLoopStallMeter(self.INTERVAL_MS)
        self.gaps_ms: list[float] = []

    def start(self) -> StallMeter:
        self.gaps_ms = []
        self._meter.gap_observer = self.gaps_ms.append
        self._meter.start()
        return self

    def stop(self) -> float:
        """The longest gap seen (ms)."""
        return self._meter.stop()

    def __enter__(self) -> StallMeter:
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.stop()

    @property
    def max_ms(self) -> float:
        return self._meter.max_gap_ms

    @property
    def busy_max_ms(self) -> float:
        """The GUI thread's own CPU time in its longest turn (context for `max_ms` on
        a shared machine: the rest of a gap is waiting for a core or the GIL)."""
        return self._meter.max_busy_ms

    def p99_ms(self) -> float:
        return percentile(self.gaps_ms, 99) if self.gaps_ms else float("nan")
