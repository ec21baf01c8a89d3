"""Owns the main window for the whole session and rebuilds it when the language changes.

Switching language at runtime by rebuilding the window (the ConsoleApp, its stores,
feeds and backend connection stay up) is one general mechanism: every string of every
feature is created again through the new translator, with no per-widget
retranslation code to forget."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

from console.app import ConsoleApp
from console.i18n import install_translator
from widgets import operator_state
from widgets.main_window import MainWindow

log = logging.getLogger(__name__)


class WindowHost(QObject):
    """Signals: `window_replaced(MainWindow)` after a rebuild."""

    window_replaced = Signal(object)

    def __init__(self, qt_app: QApplication, app: ConsoleApp) -> None:
        super().__init__()
        self.qt_app = qt_app
        self.app = app
        self.translator = install_translator(qt_app, app.settings.language)
        self.window = self._new_window()

    def _new_window(self) -> MainWindow:
        window = MainWindow(self.app)
        window.language_change_requested.connect(self.change_language)
        return window

    def change_language(self, language: str) -> None:
        # defer: the request comes from inside a dialog slot of the window being replaced
        QTimer.singleShot(0, lambda: self._rebuild(language))

    def _rebuild(self, language: str) -> None:
        old = self.window
        extent = old.canvas.extent()
        geometry = old.saveGeometry()
        kept = operator_state.snapshot(old)  # filters and searches
        selection = old.model.selection  # what the operator was looking at
        old.layout_store.save()
        if self.translator is not None:
            self.qt_app.removeTranslator(self.translator)
        self.translator = install_translator(self.qt_app, language)
        old.retire()
        window = self._new_window()
        window.restoreGeometry(geometry)
        operator_state.restore(window, kept)
        if selection is not None:  # map halo, inspector and lists follow, as before
            window.model.select(selection.layer_id, selection.item_id)
        window.canvas.set_extent(extent, padding=0.0)
        window.show()
        self.window = window
        old.deleteLater()
        log.info("UI language switched to %s", language)
        self.window_replaced.emit(window)
