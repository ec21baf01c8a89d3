"""Masking credentials in text bound for a log or an error message.

Apart from the HTTP clients so that logging (set up first thing at start-up) does not
load the HTTP stack: the console spawns its demo backend as early as it can.
"""

from __future__ import annotations

import logging
import re

_BEARER = re.compile(r"(Bearer\s+)[^\s'\"]+", re.IGNORECASE)
_TOKEN_PARAM = re.compile(r"((?:token|access_token|api_key)=)[^&\s'\"]+", re.IGNORECASE)


def redact(text: str) -> str:
    """Mask credentials in a string destined for a log or an error message."""
    return _TOKEN_PARAM.sub(r"\1***", _BEARER.sub(r"\1***", text))


class RedactingFilter(logging.Filter):
    """Logging filter that masks bearer tokens in every record passing through it."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        return True
