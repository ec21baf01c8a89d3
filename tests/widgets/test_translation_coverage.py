"""Every visible string of the main window is translated: with the Vietnamese UI, no menu,
action, dock, button, label, header or tab shows an English source string."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDockWidget,
    QGroupBox,
    QLabel,
    QMenu,
    QTabBar,
    QToolBar,
)

from console.app import ConsoleApp
from console.i18n import install_translator
from console.settings import Settings
from resources.i18n import update
from tests.conftest import show_window, start_window
from widgets.main_window import MainWindow


def english_sources() -> set[str]:
    """Source strings whose Vietnamese differs (so seeing them means 'untranslated')."""
    tree = ET.parse(update.ts_path("vi"))
    out = set()
    for message in tree.iter("message"):
        source = message.findtext("source") or ""
        translation = message.findtext("translation") or ""
        if source.strip() and translation != source and any(c.isalpha() for c in source):
            out.add(source.replace("&", ""))
    return out


def visible_texts(window: MainWindow) -> list[tuple[str, str]]:
    texts: list[tuple[str, str]] = []
    for menu in window.findChildren(QMenu):
        texts.append(("menu", menu.title()))
        texts += [("action", a.text()) for a in menu.actions() if not a.isSeparator()]
    for bar in window.findChildren(QToolBar):
        texts.append(("toolbar", bar.windowTitle()))
        texts += [("tool", a.text()) for a in bar.actions()]
    texts += [("dock", d.windowTitle()) for d in window.findChildren(QDockWidget)]
    texts += [("label", w.text()) for w in window.findChildren(QLabel)]
    texts += [("button", w.text()) for w in window.findChildren(QAbstractButton)]
    texts += [("group", w.title()) for w in window.findChildren(QGroupBox)]
    for tabs in window.findChildren(QTabBar):
        texts += [("tab", tabs.tabText(i)) for i in range(tabs.count())]
    for combo in window.findChildren(QComboBox):
        texts += [("combo", combo.itemText(i)) for i in range(combo.count())]
    for view in window.findChildren(QAbstractItemView):
        model = view.model()
        if model is None:
            continue
        try:
            columns = model.columnCount(QModelIndex())
        except TypeError:  # list models hide columnCount: they have one column
            columns = 1
        for column in range(columns):
            header = model.headerData(column, Qt.Orientation.Horizontal)
            if isinstance(header, str):
                texts.append(("header", header))
    return [(kind, t.replace("&", "")) for kind, t in texts if t]


def test_no_english_left_in_the_vietnamese_main_window(qtbot, live_backend):
    qt_app = QApplication.instance()
    translator = install_translator(qt_app, "vi")
    try:
        app = ConsoleApp(Settings(backend_url=live_backend.url, token=live_backend.token))
        window = start_window(qtbot, show_window(qtbot, app, size=None))
        sources = english_sources()
        untranslated = sorted(
            {f"{kind}: {text}" for kind, text in visible_texts(window) if text in sources}
        )
        assert untranslated == []
        window.close()
    finally:
        qt_app.removeTranslator(translator)
