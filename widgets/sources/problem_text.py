"""The operator's sentence for a data source that failed, in the UI language.

Clients raise `console.sources.errors` classes whose own text is technical (it goes to
the log and to tooltips); this is the one place that words each kind of failure for
the operator, naming the server but never credentials.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from PySide6.QtCore import QCoreApplication

from console.sources.errors import (
    AuthError,
    BackendUnreachable,
    BadResponse,
    NotFound,
    Rejected,
)
from console.sources.ogc_features import NotAFeatureService

CONTEXT = "SourceProblem"


def server_name(url: str) -> str:
    """host:port of a URL (what an operator recognises; no path, no credentials)."""
    return urlsplit(url).netloc.rsplit("@", 1)[-1] or url


def source_sentence(exc: BaseException, url: str) -> str:
    """What to tell the operator about `exc` raised while reading from `url`."""
    where = server_name(url)
    if isinstance(exc, BackendUnreachable):
        text = QCoreApplication.translate(
            CONTEXT, "The server %1 does not answer (it may be down, or the address is wrong)."
        )
    elif isinstance(exc, AuthError):
        text = QCoreApplication.translate(
            CONTEXT, "The server %1 refused access: check the user name, password or token."
        )
    elif isinstance(exc, NotFound):
        text = QCoreApplication.translate(
            CONTEXT, "The server %1 has no such collection or page."
        )
    elif isinstance(exc, NotAFeatureService):
        text = QCoreApplication.translate(
            CONTEXT, "%1 did not answer as an OGC API – Features service."
        )
    elif isinstance(exc, Rejected):
        text = QCoreApplication.translate(CONTEXT, "The server %1 refused the request.")
    elif isinstance(exc, BadResponse):
        text = QCoreApplication.translate(
            CONTEXT, "The server %1 sent an answer that cannot be read."
        )
    elif isinstance(exc, ValueError):
        text = QCoreApplication.translate(CONTEXT, "%1 is not a valid server address.")
    else:
        text = QCoreApplication.translate(CONTEXT, "Reading from %1 failed.")
    return text.replace("%1", where)
