"""Run `python main.py …` as an operator's shell would, headless, for the end-to-end
tests of the command line (screenshots, archive exports): one place that knows how."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run_main(*args: str, timeout: float = 180) -> subprocess.CompletedProcess:
    """The finished process (its output captured as text); a failure is for the caller to
    assert on, with the captured stderr."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, "main.py", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=timeout, check=False)
