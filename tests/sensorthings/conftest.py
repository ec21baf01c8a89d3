"""A SensorThings server we did not write, for our client to read: django-ogc-sensorthings
(PyPI), in its own venv (.ci/venvs/sensorthings, installed by .ci/setup.d/55-sensorthings.sh;
Django and its pins stay out of the console's environment). The session fixture migrates
a throw-away SQLite file, starts Django's server on a free loopback port, waits (with a
deadline) until the service root answers, and seeds it (django_sta/seed.py says what).
"""

from __future__ import annotations

import os
import socket
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.externals import require_external
from tests.processes import stop_process, wait_for_http
from tests.sensorthings.django_sta import seed

ROOT = Path(__file__).resolve().parents[2]
VENV_PYTHON = ROOT / ".ci" / "venvs" / "sensorthings" / "bin" / "python"
SITE = Path(__file__).resolve().parent / "django_sta"
START_TIMEOUT_S = 60.0
INSTALL_HINT = "bash .ci/setup.d/55-sensorthings.sh (venv .ci/venvs/sensorthings)"


@dataclass(frozen=True)
class DjangoSta:
    url: str  # service root, .../sensorthings/v1.1
    things: list[dict]  # what was seeded
    seeded_at: float
    process: subprocess.Popen


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def django_available() -> bool:
    if not VENV_PYTHON.exists():
        return False
    probe = subprocess.run([str(VENV_PYTHON), "-c", "import sensorthings, django"],
                           capture_output=True, timeout=60, check=False)
    return probe.returncode == 0


@pytest.fixture(scope="session")
def django_sta(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DjangoSta]:
    require_external(django_available(), "django-ogc-sensorthings", INSTALL_HINT)
    port = _free_port()
    root = f"http://127.0.0.1:{port}/sensorthings"
    work = tmp_path_factory.mktemp("django-sta")
    env = {**os.environ, "STA_DB": str(work / "sta.sqlite3"), "STA_URL": root,
           "PYTHONPATH": str(SITE), "DJANGO_SETTINGS_MODULE": "sta_settings"}
    subprocess.run([str(VENV_PYTHON), "-m", "django", "migrate", "-v", "0"], env=env,
                   check=True, timeout=120, cwd=work)
    log = (work / "server.log").open("wb")
    process = subprocess.Popen(
        [str(VENV_PYTHON), "-m", "django", "runserver", f"127.0.0.1:{port}", "--noreload"],
        env=env, cwd=work, stdout=log, stderr=subprocess.STDOUT)
    url = f"{root}/v1.1"
    try:
        deadline = time.monotonic() + START_TIMEOUT_S
        if not wait_for_http(f"{url}/", deadline, lambda: process.poll() is None):
            if process.poll() is not None:
                raise RuntimeError(f"django-ogc-sensorthings exited: "
                                   f"{(work / 'server.log').read_text()[-2000:]}")
            raise RuntimeError("django-ogc-sensorthings did not answer in time")
        seeded_at = time.time()
        things = seed.seed(url, seeded_at)
        yield DjangoSta(url, things, seeded_at, process)
    finally:
        stop_process(process)
        log.close()
