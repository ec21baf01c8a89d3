"""Locating the UI translations (the .qm files compiled from resources/i18n/*.ts)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator

from console import bulletin

I18N_DIR = Path(__file__).resolve().parents[1] / "resources" / "i18n"
LANGUAGES = ("vi", "en")  # source strings are English; Vietnamese is the default UI


def install_translator(app: QCoreApplication, language: str) -> QTranslator | None:
    """Load and install the translator for `language`; English needs none.
    Returns the translator (keep a reference) or None."""
    if language not in LANGUAGES:
        raise ValueError(f"unsupported language {language!r}; choose one of {LANGUAGES}")
    # numbers (6,31 / 1.523.792 in Vietnamese) and bulletin words follow the UI language
    bulletin.configure(language, QCoreApplication.translate)
    if language == "en":
        return None
    translator = QTranslator(app)
    path = I18N_DIR / f"ioc_console_{language}.qm"
    if not translator.load(str(path)):
        raise FileNotFoundError(f"translation file missing or unreadable: {path}")
    app.installTranslator(translator)
    return translator
