"""`python main.py --sta URL`: the picture waits for the SensorThings source's first data,
and a source that fails makes the headless run fail with its reason."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import requests

from tests.loopback_http import QuietHandler, serving
from tests.main_process import run_main
from tests.sensorthings.test_sta_console import _closed_port


def _log_text() -> str:
    state = Path(os.environ["XDG_STATE_HOME"])
    return "\n".join(p.read_text(errors="replace") for p in state.rglob("*.log"))


@contextmanager
def held_until_first_picture(target: str) -> Iterator[str]:
    """A loopback proxy to `target` that holds every request until the console's log says
    its first picture (backend data) is complete: the SensorThings source is then surely
    the last to arrive, so a screenshot that did not wait for it would lack it."""
    release = threading.Event()

    class Proxy(QuietHandler):
        def do_GET(self) -> None:
            release.wait(120)
            upstream = requests.get(target + self.path, timeout=30)
            self.reply(upstream.status_code, "application/json", upstream.content)

    stop = threading.Event()

    def watch_log() -> None:
        deadline = time.monotonic() + 120
        while not stop.is_set() and time.monotonic() < deadline:
            if "first picture complete" in _log_text():
                release.set()
                return
            stop.wait(0.05)  # polling another process' log file, bounded by the deadline

    watcher = threading.Thread(target=watch_log, daemon=True)
    with serving(Proxy) as url:
        watcher.start()
        try:
            yield url
        finally:
            stop.set()
            release.set()


def test_screenshot_waits_for_the_sensorthings_source(tmp_path, live_backend, django_sta):
    out = tmp_path / "sta.png"
    root, _, path = django_sta.url.partition("/sensorthings")
    with held_until_first_picture(root) as proxy:
        result = run_main("--backend", live_backend.url, "--token", live_backend.token,
                          "--sta", f"{proxy}/sensorthings{path}", "--screenshot", str(out),
                          "--timeout", "60", "--lang", "en")
    assert result.returncode == 0, result.stderr[-2000:]
    assert out.stat().st_size > 10_000
    log = _log_text()
    picture = log.index("first picture complete")
    ready = log.index("SensorThings 127.0.0.1:")
    assert "3 stations (1 skipped)" in log[ready:ready + 200]
    assert picture < ready < log.index("screenshot written to")


def test_a_failing_source_fails_the_screenshot_with_its_reason(tmp_path, live_backend):
    out = tmp_path / "never.png"
    url = f"http://127.0.0.1:{_closed_port()}/v1.1"
    result = run_main("--backend", live_backend.url, "--token", live_backend.token,
                      "--sta", url, "--screenshot", str(out), "--timeout", "60")
    assert result.returncode == 7
    assert f"SensorThings source {url} failed" in result.stderr
    assert "cannot connect" in result.stderr
    assert not out.exists()


def test_sta_needs_an_http_url():
    result = run_main("--sta", "ftp://example.org/v1.1", timeout=30)
    assert result.returncode == 2
    assert "--sta needs an http:// or https:// URL" in result.stderr
