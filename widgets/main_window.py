"""The main window: one view of the map model (layers/map_model.py) — the map in the
centre, layer panel and inspector docked, status bar.

The model owns the layers, the selection and the time cursor; features plug in through
a typed `FeatureShell` (widgets/shell.py), never the window. The window never talks to
the network itself (everything goes through `ConsoleApp`).

Signals:
- `picture_ready()`: the basemap is drawn, every live layer has its first data and every
  other data source has reported once.
"""

from __future__ import annotations

import logging
from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QMainWindow,
    QMenu,
    QMessageBox,
    QToolBar,
    QWidget,
)

from console import config_file, secrets
from console.app import ConsoleApp
from console.geo.crs import lonlat_to_map_scalar
from console.settings import Settings
from layers.basemap_vector.layer import (
    BasemapData,
    HistoricProvinceLayer,
    VectorBasemapLayer,
    load_basemap,
)
from layers.map_model import MapModel
from layers.map_theme import theme_named
from layers.stations.layer import StationLayer
from layers.vessels.layer import VesselLayer
from widgets.connection_banner import ConnectionBanner, SourceBanners
from widgets.dock_tabs import WholeTabLabels
from widgets.features import FEATURES
from widgets.inspector import Inspector
from widgets.layer_panel import LayerPanel
from widgets.layout_store import LayoutStore
from widgets.map_canvas import MapCanvas
from widgets.overview_inset import OverviewInset
from widgets.record_items import show_item
from widgets.selection_sync import inspect_selection
from widgets.shell import FeatureShell
from widgets.status_bar import ConsoleStatusBar
from widgets.theme import apply_theme

log = logging.getLogger(__name__)

# province and its offshore fishing grounds (lon/lat), the operator's usual picture
DEFAULT_VIEW_LONLAT = (108.2, 12.0, 112.6, 15.8)
LEFT_PANEL_PX = 300
RIGHT_PANEL_PX = 400
DOCK_SHORTCUTS = {
    "layersDock": "F2",
    "inspectorDock": "F3",
    "alertsDock": "F4",
    "incidentListDock": "F6",
    "vesselListDock": "F7",
    "darkVesselsDock": "F8",
    "stationListDock": "F9",
    "bookmarksDock": "Ctrl+B",
}
ACTION_SHORTCUTS = {"exportHtml": "Ctrl+E", "exportPrint": "Ctrl+P"}
DEFAULT_TAB_GROUPS = (
    (Qt.DockWidgetArea.LeftDockWidgetArea, ("layersDock", "bookmarksDock")),
    (
        Qt.DockWidgetArea.RightDockWidgetArea,
        (
            "alertsDock",
            "incidentListDock",
            "vesselListDock",
            "darkVesselsDock",
            "dangerZoneDock",
            "stationListDock",
            "auditDock",
        ),
    ),
)


def default_view_extent() -> tuple[float, float, float, float]:
    x0, y0 = lonlat_to_map_scalar(DEFAULT_VIEW_LONLAT[0], DEFAULT_VIEW_LONLAT[1])
    x1, y1 = lonlat_to_map_scalar(DEFAULT_VIEW_LONLAT[2], DEFAULT_VIEW_LONLAT[3])
    return x0, y0, x1, y1


class MainWindow(QMainWindow):
    picture_ready = Signal()

    def __init__(self, app: ConsoleApp, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.app = app
        self.setWindowTitle(self.tr("IOC Console — Intelligent Operations Center"))
        self.model = MapModel(app, parent=self)
        self.layers = self.model.layers

        self.canvas = MapCanvas(self.layers, self)
        self.canvas.set_theme(theme_named(app.settings.theme))
        self.setCentralWidget(self.canvas)
        self.banner = ConnectionBanner(app.feeds, app.clock, parent=self.canvas)
        self.source_banners = SourceBanners(app.health, self.banner, parent=self.canvas)
        self.canvas.set_extent(default_view_extent())
        self.layer_panel = LayerPanel(self.layers)
        self.layer_panel.set_theme(self.canvas.theme)
        self.inspector = Inspector()
        self.menus: dict[str, QMenu] = {}
        self.toolbar = QToolBar(self.tr("Map tools"), self)
        self.toolbar.setObjectName("mapToolbar")  # unique: saveState depends on it
        self.addToolBar(self.toolbar)
        self._build_menus()
        self.status = ConsoleStatusBar(app, self)
        self.setStatusBar(self.status)
        self.shell = FeatureShell(
            host=self,
            app=app,
            model=self.model,
            canvas=self.canvas,
            inspector=self.inspector,
            status=self.status,
            menus=self.menus,
            toolbar=self.toolbar,
            layer_panel=self.layer_panel,
            apply_settings=self.apply_settings,
        )
        self.services = self.shell.services
        inspect_selection(self.shell)  # the inspector shows what is selected, wherever
        self.shell.add_dock(
            self.layer_panel, "layersDock", self.tr("Layers"), Qt.DockWidgetArea.LeftDockWidgetArea
        )
        self.shell.add_dock(
            self.inspector,
            "inspectorDock",
            self.tr("Inspector"),
            Qt.DockWidgetArea.RightDockWidgetArea,
        )
        self.owns_app = True  # closing the window quits the app, unless retired
        self._torn_down = False
        for install in FEATURES:
            install(self.shell)
        self._arrange_default_layout()
        self.layout().activate()  # settle the minimum size: docks stacked before tabifying
        WholeTabLabels(self)  # "Cảnh báo", not "Cản…"
        self._finish_shortcuts()
        # after every feature added its docks: capture the default, then restore the saved one
        self.layout_store = LayoutStore(self)
        self.menus["view"].addAction(self.layout_store.reset_action())
        self.layout_store.restore()

        self.canvas.identified.connect(self.inspector.show_hits)
        self.canvas.identified.connect(self._select_hit)
        self.inspector.navigate = self._navigate
        self.canvas.cursor_moved.connect(self.status.show_cursor)
        app.feeds.feed_ready.connect(self._check_picture_ready)
        app.tails_loaded.connect(self._check_picture_ready)
        app.summaries_answered.connect(self._check_picture_ready)
        app.health.changed.connect(self._check_picture_ready)
        app.startup_failed.connect(self._on_startup_failed)
        self._picture_announced = False
        self._load_basemap()

    # --- the map model's layers, for views and tests --------------------------------------

    @property
    def vessel_layer(self) -> VesselLayer:
        return self.model.vessels

    @property
    def station_layer(self) -> StationLayer:
        return self.model.stations

    @property
    def basemap_layer(self) -> VectorBasemapLayer | None:
        return self.model.basemap

    def _arrange_default_layout(self) -> None:
        """Tab groups so the map keeps most of the screen: left = layers and bookmarks;
        right = the inspector over the alert inbox and the operational lists."""
        for area, names in DEFAULT_TAB_GROUPS:
            docks = [d for n in names if (d := self.findChild(QDockWidget, n)) is not None]
            if not docks:
                continue
            for dock in docks:
                self.addDockWidget(area, dock)
            for dock in docks[1:]:
                self.tabifyDockWidget(docks[0], dock)
            docks[0].raise_()
        layers = self.findChild(QDockWidget, "layersDock")
        inspector = self.findChild(QDockWidget, "inspectorDock")
        self.resizeDocks(
            [layers, inspector], [LEFT_PANEL_PX, RIGHT_PANEL_PX], Qt.Orientation.Horizontal
        )

    def _finish_shortcuts(self) -> None:
        """One table of keyboard shortcuts for the frequent actions that features create
        (looked up by object name), then every action with a shortcut shows it in its
        tooltip, so toolbar buttons teach the keys too."""
        for dock in self.findChildren(QDockWidget):
            key = DOCK_SHORTCUTS.get(dock.objectName())
            if key:
                dock.toggleViewAction().setShortcut(QKeySequence(key))
        for action in self.findChildren(QAction):
            key = ACTION_SHORTCUTS.get(action.objectName())
            if key and action.shortcut().isEmpty():
                action.setShortcut(QKeySequence(key))
        for action in self.findChildren(QAction):
            shortcut = action.shortcut()
            if not shortcut.isEmpty():
                text = action.text().replace("&", "")
                native = shortcut.toString(QKeySequence.SequenceFormat.NativeText)
                action.setToolTip(f"{text} ({native})")


    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.menus["file"] = file_menu
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        view_menu = self.menuBar().addMenu(self.tr("&View"))
        self.menus["view"] = view_menu
        self.zoom_default_action = QAction(self.tr("Zoom to &province and fishing grounds"), self)
        self.zoom_default_action.setShortcut(QKeySequence("Home"))
        self.zoom_default_action.triggered.connect(
            lambda: self.canvas.set_extent(default_view_extent())
        )
        zoom_in = QAction(self.tr("Zoom &in"), self)
        zoom_in.setShortcut(QKeySequence.StandardKey.ZoomIn)
        zoom_in.triggered.connect(lambda: self.canvas.zoom(2.0))
        zoom_out = QAction(self.tr("Zoom &out"), self)
        zoom_out.setShortcut(QKeySequence.StandardKey.ZoomOut)
        zoom_out.triggered.connect(lambda: self.canvas.zoom(0.5))
        self.zoom_province_action = QAction(self.tr("Zoom to province &boundary"), self)
        self.zoom_province_action.triggered.connect(self._zoom_province)
        for action in (self.zoom_default_action, self.zoom_province_action, zoom_in, zoom_out):
            view_menu.addAction(action)
            self.toolbar.addAction(action)
        view_menu.addSeparator()
        self.menus["panels"] = view_menu.addMenu(self.tr("&Panels"))
        self.menus["layer"] = self.menuBar().addMenu(self.tr("&Layer"))
        self.menus["tools"] = self.menuBar().addMenu(self.tr("&Tools"))

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.menus["help"] = help_menu
        about = QAction(self.tr("&About IOC Console"), self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    def _zoom_province(self) -> None:
        basemap = self.model.basemap
        if basemap and basemap.province_extent:
            self.canvas.set_extent(basemap.province_extent, padding=0.05)

    def _about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About IOC Console"),
            self.tr(
                "IOC Console — operations map for the provincial Intelligent Operations Center.\n"
                "Backend: %1"
            ).replace("%1", self.app.backend_url or "—"),
        )

    # --- settings -------------------------------------------------------------------------

    language_change_requested = Signal(str)

    def apply_settings(self, settings: Settings, token: str | None = None) -> None:
        """Apply what can change live, save the file, and say what needs a restart."""
        old = self.app.settings
        self.app.settings = settings
        notes: list[str] = []
        try:
            path = config_file.save(settings, Settings())
        except OSError as exc:
            QMessageBox.warning(
                self,
                self.tr("Settings"),
                self.tr("Settings could not be saved: %1").replace("%1", str(exc)),
            )
            path = None
        apply_theme(QApplication.instance(), settings.theme, settings.font_scale)
        self.canvas.set_theme(theme_named(settings.theme))  # the map darkens too
        self.layer_panel.set_theme(self.canvas.theme)
        nautical = settings.distance_unit == "nm"
        self.canvas.scale_units = "nautical" if nautical else "metric"
        self.canvas.viewport().update()
        action = self.findChild(QAction, "scaleNauticalMiles")
        if action is not None:
            action.setChecked(nautical)
        if (settings.rules_file, settings.zones_file) != (old.rules_file, old.zones_file):
            notes.append(self.tr("Rule and zone files are read at the next start."))
        for feed in self.app.feeds.feeds():
            feed.interval_s = getattr(settings.poll, feed.name, feed.interval_s)
        if self.services.sources is not None:  # start / stop the configured data sources
            self.services.sources.apply(settings.sources)
        if token:
            url = settings.backend_url or ""
            if not secrets.store_token(url, token):
                notes.append(self.tr("No system keyring: the token is kept for this session only."))
            self.app.settings = replace(self.app.settings, token=token)
        if settings.backend_url != old.backend_url or token:
            notes.append(self.tr("The backend connection changes at the next start."))
        if path is not None:
            notes.append(self.tr("Settings saved to %1").replace("%1", str(path)))
        self.status.show_identity()  # the operator name may have changed
        self.statusBar().showMessage(" ".join(notes), 15000)
        if settings.language != old.language:
            self.language_change_requested.emit(settings.language)

    # --- basemap (read on a worker: no disk on the GUI thread) ---------------------------

    def _load_basemap(self) -> None:
        self.app.runner.submit("basemap", load_basemap, self._on_basemap, self._on_basemap_error)

    def _on_basemap(self, data: BasemapData) -> None:
        self.canvas.inset = OverviewInset(data, self.app.settings.language)
        self.canvas.inset.set_theme(self.canvas.theme)
        language = self.app.settings.language
        self.model.set_basemap(
            VectorBasemapLayer(data, language), HistoricProvinceLayer(data, language)
        )
        self._check_picture_ready()

    def _on_basemap_error(self, exc: Exception) -> None:
        log.error("basemap not loaded: %s", exc)
        self.statusBar().showMessage(
            self.tr("Basemap could not be loaded: %1").replace("%1", str(exc)), 15000
        )

    # --- readiness ------------------------------------------------------------------------

    def is_picture_ready(self) -> bool:
        """The basemap is in, every feed has its first data, the tails and the station
        summaries (rain classes, trends) have come, and every other data source (feature
        servers, SensorThings, AIS...) has reported once: with data, or with a failure
        that its banner shows."""
        return (
            self.model.basemap is not None
            and self.app.feeds.all_ready()
            and self.app.tails_ready
            and self.app.summary_poller.answered  # rain classes and level trends
            and not self.app.health.waiting()
        )

    def _check_picture_ready(self, *_args: object) -> None:
        if not self._picture_announced and self.is_picture_ready():
            self._picture_announced = True
            self.canvas.flush()
            self.picture_ready.emit()

    def _navigate(self, layer_id: str, item_id: str) -> None:
        """A drill-down in the inspector: show the item and select it everywhere."""
        show_item(self.shell, layer_id, item_id)
        self.model.select(layer_id, item_id)

    def _select_hit(self, hits: list) -> None:
        """A click on the map picks its top feature (or nothing) in the model."""
        top = hits[0] if hits else None
        self.model.select(top.layer_id if top else None, top.item_id if top else None)

    def flush_pending(self) -> None:
        """Draw now what has arrived: the map's dirty layers and every panel's coalesced
        refresh (lists and the alert inbox wait up to a second to batch bursts). For a
        picture taken at once, as `--screenshot` does, instead of waiting and hoping."""
        from widgets.live.deferred_refresh import DeferredRefresh
        from widgets.live.overview import OverviewStrip

        self.app.storm.flush()  # before the lists: the danger list shows its assessment
        self.canvas.flush()
        for deferred in self.findChildren(DeferredRefresh):
            deferred.flush()
        for strip in self.findChildren(OverviewStrip):
            strip.flush()

    def _on_startup_failed(self, message: str) -> None:
        self.statusBar().showMessage(message)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._torn_down:  # a second close (e.g. by a test harness) has nothing to undo
            super().closeEvent(event)
            return
        self._torn_down = True
        self.layout_store.save()
        self.shell.close_features()
        self.banner.stop()
        self.source_banners.stop()
        self.status.stop()
        self.canvas.close_canvas()
        self.model.close()  # disconnects each layer from its store and the rules
        if self.owns_app:
            self.app.shutdown()
        super().closeEvent(event)

    def retire(self) -> None:
        """Close this window but keep the ConsoleApp running (a new window replaces it,
        e.g. after a language change)."""
        self.owns_app = False
        self.close()
