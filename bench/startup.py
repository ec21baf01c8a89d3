"""startup_to_first_frame_s: wall time from launching `main.py --screenshot` (start the
embedded backend, connect, first data on every layer, render) to the moment its log says
the PNG is written. The exit after it (shutting the backend down, saving settings) is
not start-up; it is printed beside the figure."""

from __future__ import annotations

import compileall
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.report import context, figure, machine_context, median

ROOT = Path(__file__).resolve().parents[1]
RUNS = 3
PACKAGES = ("console", "layers", "widgets", "backend", "resources")
WRITTEN = "screenshot written to "  # main.py's log line once the PNG is on disk


def compile_sources() -> None:
    """Byte-compile the project as an installed copy is (pip compiles what it installs;
    an editable checkout run with PYTHONDONTWRITEBYTECODE=1, as on our build machines,
    would otherwise compile ~600 modules at every start and time the compiler)."""
    for package in PACKAGES:
        compileall.compile_dir(ROOT / package, quiet=1)
    compileall.compile_file(ROOT / "main.py", quiet=1)


def run() -> None:
    compile_sources()
    times, exits = [], []
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(RUNS):
            out = Path(tmp) / f"shot{i}.png"
            start = time.perf_counter()
            proc = subprocess.Popen(
                [sys.executable, "main.py", "--screenshot", str(out), "--size", "1600x1000"],
                cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                text=True,
            )
            assert proc.stderr is not None
            written, tail = None, []
            for line in proc.stderr:  # the log, line by line, as the console writes it
                tail = [*tail[-20:], line]
                if written is None and WRITTEN in line:
                    written = time.perf_counter() - start
            code = proc.wait(300)
            if code != 0 or written is None or not out.exists():
                raise SystemExit(f"main.py --screenshot failed: {''.join(tail)[-500:]}")
            times.append(written)
            exits.append(time.perf_counter() - start - written)
    context(
        f"workload: python main.py --screenshot at 1600x1000, demo backend with 3,242 "
        f"vessels, 102 stations; {RUNS} runs: " + ", ".join(f"{t:.2f}s" for t in times)
        + "; then exit in " + ", ".join(f"{t:.2f}s" for t in exits)
        + "; sources byte-compiled first, as an installed copy is"
    )
    machine_context()
    figure("startup_to_first_frame_s", median(times), "s")
