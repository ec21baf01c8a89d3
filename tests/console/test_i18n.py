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


def test_text_renders_in_the_language_of_the_moment(restore_hook) -> None:
    """A Text keeps its code and parameters: it reads in whatever language is installed
    when it is shown, parameters (and concatenations) included."""
    words = {"VMS signal lost: %1": "Mất tín hiệu: %1", "; left at %1": "; rời lúc %1"}
    lost = i18n.translate_later("VesselRules", "VMS signal lost: %1").args("BĐ-92904-TS")
    left = lost + i18n.translate_later("VesselRules", "; left at %1").args("19:05")
    separator = {"decimal": "."}
    number = i18n.Call(lambda v: f"{v:.2f}".replace(".", separator["decimal"]), 7.3)
    depth = i18n.Text("", "%1 m", (number,))
    i18n.set_translate(None)
    assert str(lost) == "VMS signal lost: BĐ-92904-TS" and "lost" in lost
    assert str(left) == "VMS signal lost: BĐ-92904-TS; left at 19:05"
    assert str(depth) == "7.30 m"
    separator["decimal"] = ","  # Vietnamese numbers: the Call runs when shown
    assert str(depth) == "7,30 m"
    i18n.set_translate(lambda _ctx, text: words.get(text, text))
    assert str(lost) == "Mất tín hiệu: BĐ-92904-TS" and lost.startswith("Mất")
    assert str(left) == "Mất tín hiệu: BĐ-92904-TS; rời lúc 19:05"
    # equal by code and parameters (an alert re-raised with the same text is no change)
    same = i18n.translate_later("VesselRules", "VMS signal lost: %1").args("BĐ-92904-TS")
    other = i18n.translate_later("VesselRules", "VMS signal lost: %1").args("BĐ-1-TS")
    assert lost == same and lost != other and lost == "Mất tín hiệu: BĐ-92904-TS"
    ten = i18n.Text("", "%1|%10", tuple("abcdefghij"))
    assert str(ten) == "a|j"  # %10 is not %1 followed by 0
