"""Support tools: unhandled exceptions caught and shown once, and "copy diagnostics".

An unhandled exception in a slot must not kill a 24/7 console: it is logged with its
traceback, shown to the operator once per distinct error (not once per repeat), and
the console carries on.
"""

from __future__ import annotations

import logging
import platform
import sys
import traceback
from types import TracebackType

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from console import __version__
from console.logs import log_file, tail
from console.sources.http import redact

log = logging.getLogger(__name__)
_tr = QCoreApplication.translate


class ExceptionReporter(QObject):
    """Installs itself as sys.excepthook; restores the previous hook on `uninstall`."""

    def __init__(self, parent_widget: QWidget | None = None) -> None:
        super().__init__(parent_widget)
        self.parent_widget = parent_widget
        self.shown: set[str] = set()
        self.count = 0
        self._previous = sys.excepthook
        sys.excepthook = self.handle

    def uninstall(self) -> None:
        if sys.excepthook == self.handle:
            sys.excepthook = self._previous

    def handle(
        self, kind: type[BaseException], value: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            self._previous(kind, value, tb)
            return
        self.count += 1
        text = redact("".join(traceback.format_exception(kind, value, tb)))
        log.error("unhandled exception:\n%s", text)
        signature = f"{kind.__name__}:{value}"
        if signature in self.shown:
            return
        self.shown.add(signature)
        # show after the current slot returns: never open a modal box inside a paint
        QTimer.singleShot(0, lambda: self._show(kind.__name__, str(value)))

    def _show(self, name: str, message: str) -> None:
        box = QMessageBox(self.parent_widget)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Unexpected error"))
        box.setText(
            self.tr(
                "An unexpected error occurred; the console keeps running. "
                "Details are in the log (Help › Copy diagnostics)."
            )
        )
        box.setDetailedText(redact(f"{name}: {message}"))
        box.setModal(False)
        box.show()


def diagnostics_text(shell) -> str:
    """What support needs: versions, backend, connection state, feeds, recent log."""
    app = shell.app
    status = app.feeds.status
    lines = [
        f"IOC Console {__version__} · Python {platform.python_version()} · "
        f"PySide6 {pyside_version} · {platform.platform()}",
        f"backend: {app.backend_url} (site: {app.site})",
        f"connection: {status.state.value} since {status.since:.0f}: {status.message}",
    ]
    for feed in app.feeds.feeds():
        lines.append(
            f"feed {feed.name}: ready={feed.ready} cursor={feed.cursor} "
            f"failures={feed.failures} items={feed.items_seen} "
            f"last_error={feed.last_error}"
        )
    lines.append(f"log file: {log_file()}")
    lines.append("--- recent log ---")
    lines.append(tail(log_file()))
    return redact("\n".join(lines))


def install(shell) -> None:
    reporter = ExceptionReporter(shell.widget)
    shell.services.exception_reporter = reporter
    shell.on_close(reporter.uninstall)
    action = QAction(_tr("Diagnostics", "Copy &diagnostics"), shell.widget)
    action.setToolTip(
        _tr("Diagnostics", "Copy versions, connection state and the recent log for support")
    )

    def copy() -> None:
        QGuiApplication.clipboard().setText(diagnostics_text(shell))
        shell.status.showMessage(_tr("Diagnostics", "Diagnostics copied to the clipboard"), 5000)

    action.triggered.connect(copy)
    shell.menus["help"].addAction(action)
