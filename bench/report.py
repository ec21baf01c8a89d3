"""Printing figures in the DESIGN.md benchmark contract format."""

from __future__ import annotations

import statistics

import numpy as np


def figure(name: str, value: float, unit: str) -> None:
    print(f"BENCH {name} {value:.4g} {unit}", flush=True)


def context(text: str) -> None:
    print(f"# {text}", flush=True)


def percentile(values: list[float], q: float) -> float:
    return float(np.percentile(np.asarray(values), q))


def median(values: list[float]) -> float:
    return float(statistics.median(values))
