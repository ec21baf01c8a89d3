"""The operator's sentence for a data source that failed, in the UI language.

Clients raise `console.sources.errors` classes whose own text is technical (it goes to
the log and to tooltips); this is the one place that words each kind of failure for
the operator, naming the server but never credentials.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from console.sources.errors import (
    AuthError,
    BackendUnreachable,
    BadResponse,
    NotFound,
    Rejected,
)
from console.sources.ogc_features import NotAFeatureService

CONTEXT = "SourceProblem"
# most specific first: NotAFeatureService is a BadResponse
SENTENCES: tuple[tuple[type[BaseException], str], ...] = (
    (BackendUnreachable, QT_TRANSLATE_NOOP(
        "SourceProblem",
        "The server %1 does not answer (it may be down, or the address is wrong).",
    )),
    (AuthError, QT_TRANSLATE_NOOP(
        "SourceProblem",
        "The server %1 refused access: check the user name, password or token.",
    )),
    (NotFound, QT_TRANSLATE_NOOP("SourceProblem", "The server %1 has no such collection.")),
    (NotAFeatureService, QT_TRANSLATE_NOOP(
        "SourceProblem", "%1 did not answer as an OGC API – Features service."
    )),
    (Rejected, QT_TRANSLATE_NOOP("SourceProblem", "The server %1 refused the request.")),
    (BadResponse, QT_TRANSLATE_NOOP(
        "SourceProblem", "The server %1 sent an answer that cannot be read."
    )),
    (ValueError, QT_TRANSLATE_NOOP("SourceProblem", "%1 is not a valid server address.")),
)
GENERAL = QT_TRANSLATE_NOOP("SourceProblem", "Reading from %1 failed.")


def server_name(url: str) -> str:
    """host:port of a URL (what an operator recognises; no path, no credentials)."""
    return urlsplit(url).netloc.rsplit("@", 1)[-1] or url


def source_sentence(exc: BaseException, url: str) -> str:
    """What to tell the operator about `exc` raised while reading from `url`."""
    template = next((text for cls, text in SENTENCES if isinstance(exc, cls)), GENERAL)
    return QCoreApplication.translate(CONTEXT, template).replace("%1", server_name(url))
