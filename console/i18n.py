"""Translation for the Qt-free core, and locating the UI translations (.qm files).

Pure modules (rules, formatting) translate their messages through `translate`, which is
the identity until the GUI installs Qt's translator (`install_translator` does, at
start): so the rules run and are tested without Qt, and still speak Vietnamese in the
console. Call it through an alias named `_tr` (`from console.i18n import translate as
_tr`) with literal arguments: `resources/i18n/update.py` runs lupdate with
`-tr-function-alias translate+=_tr`, which is how the strings reach the .ts files.

QtCore is imported only inside `install_translator`, never at import time.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtCore import QCoreApplication, QTranslator

I18N_DIR = Path(__file__).resolve().parents[1] / "resources" / "i18n"
LANGUAGES = ("vi", "en")  # source strings are English; Vietnamese is the default UI

Translate = Callable[[str, str], str]


def _identity(_context: str, text: str) -> str:
    return text


_translate: Translate = _identity
_language = "en"  # the UI language: number formats follow it (console.bulletin)


def translate(context: str, text: str) -> str:
    """`text` in the UI language (the source text until a translator is installed).
    Any thread: Qt's translate is thread-safe, the identity trivially."""
    return _translate(context, text)


def set_translate(fn: Translate | None) -> None:
    """Install the function `translate` delegates to (None: back to the identity)."""
    global _translate  # noqa: PLW0603 -- one process-wide hook, like Qt's own translator list
    _translate = fn or _identity


def language() -> str:
    """The UI language installed last ('en' until one is)."""
    return _language


def set_language(lang: str) -> None:
    global _language  # noqa: PLW0603 -- one process-wide UI language, like Qt's locale
    _language = lang


def install_translator(app: QCoreApplication, language: str) -> QTranslator | None:
    """Load and install the translator for `language`; English needs none. Routes the
    core's `translate` through Qt either way. Returns the translator (keep a reference)
    or None."""
    from PySide6.QtCore import QCoreApplication, QTranslator

    if language not in LANGUAGES:
        raise ValueError(f"unsupported language {language!r}; choose one of {LANGUAGES}")
    set_translate(QCoreApplication.translate)
    set_language(language)  # numbers (6,31 / 1.523.792 in Vietnamese) follow it
    for old in _qt_base:  # Qt's own strings of the previous language
        app.removeTranslator(old)
    _qt_base.clear()
    if language == "en":
        return None
    qt_base = _load_qt_base(app, language)
    if qt_base is not None:
        _qt_base.append(qt_base)
    translator = QTranslator(app)
    path = I18N_DIR / f"ioc_console_{language}.qm"
    if not translator.load(str(path)):
        raise FileNotFoundError(f"translation file missing or unreadable: {path}")
    app.installTranslator(translator)  # installed last: searched first, ours win
    return translator


_qt_base: list[QTranslator] = []


def _load_qt_base(app: QCoreApplication, language: str) -> QTranslator | None:
    """Qt's own translation (qtbase_vi.qm: file dialogs, standard buttons) from PySide6's
    translations folder, when that folder has one; PySide6 wheels ship none for
    Vietnamese today, so `widgets.qt_strings` puts those strings in our file too."""
    from PySide6.QtCore import QLibraryInfo, QTranslator

    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    translator = QTranslator(app)
    if not translator.load(f"qtbase_{language}", folder):
        return None
    app.installTranslator(translator)
    return translator


class Text:
    """A user-visible message kept as its code (context + English source) and its
    parameters, rendered in the UI language each time it is shown (`str(text)`).

    Why: an alert raised while the console speaks English must read Vietnamese after a
    switch to Vietnamese (and back); a string translated when the alert was raised is
    frozen in that language. Create it with `translate_later` imported as `_trl`, literal
    arguments, parameters after: `_trl("VesselRules", "VMS signal lost: %1").args(reg)`
    (lupdate reads the `_trl(context, source)` call; `update.py` declares the alias).

    Parameters are rendered with `str()` when the text is: plain values, other `Text`s,
    or `Call`s for language-dependent formatting (numbers with a decimal comma). Equal
    texts have equal codes and parameters; a `Text` equals a `str` when it renders to it
    (so it is unhashable: never a dict key)."""

    __slots__ = ("context", "params", "source")

    def __init__(self, context: str, source: str, params: tuple[object, ...] = ()) -> None:
        self.context, self.source, self.params = context, source, params

    def args(self, *params: object) -> Text:
        """This message with its %1, %2, … parameters."""
        return Text(self.context, self.source, params)

    def __str__(self) -> str:
        text = translate(self.context, self.source) if self.context else self.source
        for n in range(len(self.params), 0, -1):  # %10 before %1
            text = text.replace(f"%{n}", str(self.params[n - 1]))
        return text

    def __repr__(self) -> str:
        return f"Text({self.context!r}, {self.source!r}, {self.params!r})"

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Text):
            return (self.context, self.source, self.params) == (
                other.context,
                other.source,
                other.params,
            )
        if isinstance(other, str):
            return str(self) == other
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # equal to its rendering, which changes

    def __contains__(self, part: str) -> bool:
        return part in str(self)

    def __len__(self) -> int:
        return len(str(self))

    def __getattr__(self, name: str) -> object:
        """Read-only str methods (startswith, endswith, split, …) on the rendering, so
        code that reads a message as text keeps working; it gets the current language."""
        if name.startswith("_") or not hasattr(str, name):
            raise AttributeError(name)
        return getattr(str(self), name)

    def __add__(self, other: object) -> Text:
        """Concatenation that stays lazy: both sides render when the result does."""
        return Text("", "%1%2", (self, other))

    def __radd__(self, other: object) -> Text:
        return Text("", "%1%2", (other, self))


class Call:
    """A parameter rendered by calling `fn(*args)` when its `Text` is rendered: for
    formatting that follows the UI language (bulletin numbers, phrases). Equal when the
    function and arguments are."""

    __slots__ = ("args", "fn")

    def __init__(self, fn: Callable[..., object], *args: object) -> None:
        self.fn, self.args = fn, args

    def __str__(self) -> str:
        return str(self.fn(*self.args))

    def __repr__(self) -> str:
        return f"Call({getattr(self.fn, '__name__', self.fn)!r}, {self.args!r})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Call):
            return NotImplemented
        return self.fn == other.fn and self.args == other.args

    __hash__ = None  # type: ignore[assignment]


def translate_later(context: str, source: str) -> Text:
    """A `Text` to be rendered when shown; import it as `_trl` (lupdate's alias)."""
    return Text(context, source)
