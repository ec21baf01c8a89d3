"""startup_to_first_frame_s: wall time of `main.py --screenshot` (start the embedded
backend, connect, first data on every layer, render, write the PNG, exit)."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.report import context, figure, median

ROOT = Path(__file__).resolve().parents[1]
RUNS = 3


def run() -> None:
    times = []
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(RUNS):
            out = Path(tmp) / f"shot{i}.png"
            start = time.perf_counter()
            result = subprocess.run(
                [sys.executable, "main.py", "--screenshot", str(out), "--size", "1600x1000"],
                cwd=ROOT,
                env=env,
                capture_output=True,
                text=True,
                timeout=300,
                check=False,
            )
            elapsed = time.perf_counter() - start
            if result.returncode != 0 or not out.exists():
                raise SystemExit(f"main.py --screenshot failed: {result.stderr[-500:]}")
            times.append(elapsed)
    context(
        f"workload: python main.py --screenshot at 1600x1000, demo backend with 3,242 "
        f"vessels, 102 stations; {RUNS} runs: " + ", ".join(f"{t:.2f}s" for t in times)
    )
    figure("startup_to_first_frame_s", median(times), "s")
