"""Servers the tests start as child processes (the backend, pygeoapi, a SensorThings
service): waiting for them to answer, with a deadline, and stopping them, in one place."""

from __future__ import annotations

import subprocess
import time
from collections.abc import Callable

import requests


def wait_for_http(url: str, deadline: float, running: Callable[[], bool] = lambda: True,
                  timeout_s: float = 2.0) -> bool:
    """Poll `url` until it answers with success (True), or until the monotonic `deadline`
    passes or `running()` says the server is gone (False): bounded, never a fixed guess."""
    while True:
        try:
            if requests.get(url, timeout=timeout_s).ok:
                return True
        except requests.RequestException:  # not accepting yet, or workers still starting
            pass
        if time.monotonic() > deadline or not running():
            return False
        time.sleep(0.05)


def stop_process(process: subprocess.Popen, grace_s: float = 10.0) -> int:
    """Ask `process` to stop (SIGTERM), kill it if it has not within `grace_s`; its exit
    code."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(grace_s)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(5)
    return process.returncode
