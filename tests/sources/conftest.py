"""One pygeoapi server for the whole session (tests/ogc_server.py): it starts in about a
second, and every test only reads from it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests import ogc_server
from tests.externals import require_external


@pytest.fixture(scope="session")
def pygeoapi(tmp_path_factory) -> Iterator[ogc_server.PygeoapiServer]:
    require_external(
        ogc_server.available(),
        "pygeoapi (OGC API – Features server)",
        "run .ci/setup.d/50-pygeoapi.sh",
    )
    server = ogc_server.start(tmp_path_factory.mktemp("pygeoapi"))
    yield server
    server.stop()
