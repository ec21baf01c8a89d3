"""The core's translation indirection: rules and formatting speak the UI language once
the GUI installs Qt's translator, and need no Qt before that."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from console import i18n
from console.timefmt import format_age

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def restore_hook():
    saved = i18n._translate
    yield
    i18n.set_translate(saved)


def test_identity_until_a_translator_is_installed(restore_hook) -> None:
    i18n.set_translate(None)
    assert format_age(45) == "45 s"
    assert format_age(3 * 3600 + 5 * 60) == "3 h 05 min"


def test_formatting_goes_through_the_installed_function(restore_hook) -> None:
    seen = []
    i18n.set_translate(lambda context, text: seen.append((context, text)) or f"<{text}>")
    assert format_age(45) == "<45 s>"
    assert seen == [("Age", "%1 s")]


def test_install_translator_routes_the_core_through_qt(qapp, restore_hook) -> None:
    i18n.set_translate(None)
    translator = i18n.install_translator(qapp, "vi")
    try:
        assert format_age(45) == "45 giây"  # resources/i18n/ioc_console_vi.ts
    finally:
        qapp.removeTranslator(translator)


def test_pure_formatting_imports_no_qt() -> None:
    code = (
        "import sys, console.timefmt, console.i18n;"
        "print(sorted(m for m in sys.modules if m.startswith('PySide6')))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]"
