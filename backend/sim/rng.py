"""Reproducible randomness, one independent stream per entity.

A single shared ``random.Random`` would make vessel 17's voyages depend on how
many draws vessel 16 made; per-entity streams keep each entity's story stable
when counts or tick timing change. ``random.Random(str)`` hashes the string with
SHA-512, so streams do not depend on ``PYTHONHASHSEED``.
"""

from __future__ import annotations

import random

import numpy as np


def stream(seed: int, *keys: object) -> random.Random:
    """An independent generator for the entity named by ``keys``."""
    return random.Random(f"ioc:{seed}:" + ":".join(str(k) for k in keys))


_GOLDEN = np.uint64(0x9E3779B97F4A7C15)
_MIX1 = np.uint64(0xBF58476D1CE4E5B9)
_MIX2 = np.uint64(0x94D049BB133111EB)


def _splitmix(x: np.ndarray) -> np.ndarray:
    x = x + _GOLDEN
    x = (x ^ (x >> np.uint64(30))) * _MIX1
    x = (x ^ (x >> np.uint64(27))) * _MIX2
    return x ^ (x >> np.uint64(31))


def unit_noise(seed: int, salt: int, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Uniform [0, 1) values addressed by integer keys ``(seed, salt, a, b)``.

    Stateless counter-based noise: sample (station 12, step 4711) is the same
    value whether it is computed in the start-up history or in a live tick.
    ``a`` and ``b`` broadcast like numpy arrays.
    """
    with np.errstate(over="ignore"):
        ka = np.asarray(a, dtype=np.int64).astype(np.uint64)
        kb = np.asarray(b, dtype=np.int64).astype(np.uint64)
        base = _splitmix(np.asarray([seed * 1_000_003 + salt], dtype=np.uint64))
        x = _splitmix(base ^ _splitmix(ka * np.uint64(0xD1B54A32D192ED03)) ^ kb)
    return (x >> np.uint64(11)).astype(np.float64) / float(1 << 53)
