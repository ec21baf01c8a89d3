"""Logging: a rotating log file per user plus stderr, with credentials redacted.

Log records pass through `RedactingFilter` at the handlers, so even a library that
logs a URL with a token or an Authorization header cannot leak it to disk.
"""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

import platformdirs

from console.redact import RedactingFilter

APP_NAME = "ioc-console"
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s]: %(message)s"


def log_dir() -> Path:
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def log_file() -> Path:
    return log_dir() / "console.log"


def setup_logging(level: int = logging.INFO, to_file: bool = True) -> Path | None:
    """Configure the root logger once; returns the log file path (or None)."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_ioc_console", False):
            root.removeHandler(handler)
            handler.close()
    formatter = logging.Formatter(LOG_FORMAT)
    handlers: list[logging.Handler] = [logging.StreamHandler()]
    path = None
    if to_file:
        path = log_file()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            handlers.append(
                logging.handlers.RotatingFileHandler(
                    path, maxBytes=5 * 1024 * 1024, backupCount=5, encoding="utf-8"
                )
            )
        except OSError as exc:  # read-only home: keep running, say so on stderr
            logging.getLogger(__name__).warning("no log file (%s): %s", path, exc)
            path = None
    for handler in handlers:
        handler.setFormatter(formatter)
        handler.addFilter(RedactingFilter())
        handler._ioc_console = True  # type: ignore[attr-defined]
        root.addHandler(handler)
    root.setLevel(level)
    return path


def tail(path: Path, max_bytes: int = 20_000) -> str:
    """The end of a log file, for 'copy diagnostics' (already redacted when written)."""
    try:
        with path.open("rb") as f:
            f.seek(0, 2)
            size = f.tell()
            f.seek(max(0, size - max_bytes))
            return f.read().decode("utf-8", "replace")
    except OSError:
        return ""
