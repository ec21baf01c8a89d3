"""One pygeoapi server for the whole session (tests/ogc_server.py): it starts in about a
second, and every test only reads from it. Its data lives in a folder of its own, not
under pytest's numbered temp folders, which another pytest run of the same user may
prune while this session still serves from them."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests import ogc_server
from tests.externals import require_external


@pytest.fixture(scope="session")
def pygeoapi() -> Iterator[ogc_server.PygeoapiServer]:
    require_external(
        ogc_server.available(),
        "pygeoapi (OGC API – Features server)",
        "run .ci/setup.d/50-pygeoapi.sh",
    )
    folder = Path(tempfile.mkdtemp(prefix="ioc-pygeoapi-"))
    server = ogc_server.start(folder)
    yield server
    server.stop()
    shutil.rmtree(folder, ignore_errors=True)
