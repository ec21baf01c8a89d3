"""Third-party software that tests run against (a browser, pdftotext, a feature server,
a database server...): skipped with a reason on a developer's machine that lacks it,
but a failure in CI, where `.ci/run` installs every one of them and sets
IOC_REQUIRE_EXTERNALS=1 — so a broken install can never pass as a green run."""

from __future__ import annotations

import os
import shutil

import pytest


def externals_required() -> bool:
    """True in CI (`.ci/run`), where a missing external is an error, not a skip."""
    return os.environ.get("IOC_REQUIRE_EXTERNALS") == "1"


def require_external(available: bool, what: str, install_hint: str) -> None:
    """Skip (developer machine) or fail (CI) the calling test when `what` is missing."""
    if available:
        return
    message = f"{what} is not available ({install_hint})"
    if externals_required():
        pytest.fail(f"{message}; .ci/run should have installed it")
    pytest.skip(message)


def require_program(*names: str, install_hint: str) -> str:
    """The path of the first of `names` on PATH; skip or fail (see above) when none is."""
    for name in names:
        path = shutil.which(name)
        if path:
            return path
    require_external(False, " or ".join(names), install_hint)
    raise AssertionError("unreachable")  # require_external skipped or failed
