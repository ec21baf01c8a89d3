"""What a feature module may use of the main window: a small typed shell.

Features (widgets/features.py) get this and the map model, never the window itself: add
a dock, an action to a menu or the toolbar, a message in the status bar, teardown on
close. What one feature offers another (the live picture, the chart docks, ...) is a typed
slot of `FeatureServices`, not an attribute hung on the window and read back with
`getattr`. So no feature imports `widgets.main_window`, and the window stays one view of
the map model.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QToolBar, QWidget

if TYPE_CHECKING:  # types of what features offer each other (no runtime import: no cycle)
    from console.app import ConsoleApp
    from console.settings import Settings
    from layers.map_model import MapModel
    from widgets.cameras.wall import CameraWall
    from widgets.diagnostics import ExceptionReporter
    from widgets.incidents.list_widget import IncidentListWidget
    from widgets.inspector import Inspector
    from widgets.layer_panel import LayerPanel
    from widgets.live.install import LivePicture
    from widgets.map_canvas import MapCanvas
    from widgets.map_features import MapFeatures
    from widgets.period.feature import PeriodFeature
    from widgets.replay.feature import _Exports as Exports
    from widgets.replay.slider import TimeSlider
    from widgets.report.feature import ReportFeature
    from widgets.status_bar import ConsoleStatusBar
    from widgets.storm.danger_list import DangerList
    from widgets.timeseries.dock import ChartDocks


@dataclass
class FeatureServices:
    """What features offer each other, filled in as they are installed (None until)."""

    live: LivePicture | None = None
    chart_docks: ChartDocks | None = None
    open_station_chart: Callable[..., Any] | None = None
    incident_list: IncidentListWidget | None = None
    exports: Exports | None = None
    replay_slider: TimeSlider | None = None
    map_features: MapFeatures | None = None
    exception_reporter: ExceptionReporter | None = None
    shift_report: ReportFeature | None = None
    period: PeriodFeature | None = None
    camera_wall: CameraWall | None = None
    danger_list: DangerList | None = None


@dataclass
class FeatureShell:
    """The main window's extension points, handed to each feature's `install(shell)`."""

    host: QMainWindow  # dialogs' parent and the docks' home; features use the methods below
    app: ConsoleApp
    model: MapModel
    canvas: MapCanvas
    inspector: Inspector
    status: ConsoleStatusBar
    menus: dict[str, QMenu]
    toolbar: QToolBar
    layer_panel: LayerPanel
    apply_settings: Callable[[Settings, str | None], None]
    services: FeatureServices = field(default_factory=FeatureServices)
    _closers: list[Callable[[], None]] = field(default_factory=list)

    @property
    def widget(self) -> QWidget:
        """The parent for a feature's dialogs and message boxes."""
        return self.host

    def add_dock(
        self, widget: QWidget, name: str, title: str, area: Qt.DockWidgetArea
    ) -> QDockWidget:
        """Dock `widget` with a unique object name and list it in View > Panels."""
        if self.host.findChild(QDockWidget, name) is not None:
            raise ValueError(f"dock object name {name!r} is already used")
        dock = QDockWidget(title, self.host)
        dock.setObjectName(name)  # unique: saveState/restoreState depend on it
        dock.setWidget(widget)
        self.host.addDockWidget(area, dock)
        self.menus["panels"].addAction(dock.toggleViewAction())
        return dock

    def place_dock(self, dock: QDockWidget, area: Qt.DockWidgetArea) -> None:
        """Put an existing dock (e.g. a chart opened on demand) into `area`."""
        self.host.addDockWidget(area, dock)

    def find_dock(self, name: str) -> QDockWidget | None:
        return self.host.findChild(QDockWidget, name)

    def tabify(self, first: QDockWidget, second: QDockWidget) -> None:
        self.host.tabifyDockWidget(first, second)

    def split(self, first: QDockWidget, second: QDockWidget, orientation: Qt.Orientation) -> None:
        self.host.splitDockWidget(first, second, orientation)

    def show_message(self, text: str, timeout_ms: int = 0) -> None:
        self.status.showMessage(text, timeout_ms)

    def title(self) -> str:
        return self.host.windowTitle()

    def set_title(self, text: str) -> None:
        self.host.setWindowTitle(text)

    def on_close(self, closer: Callable[[], None]) -> None:
        """Register teardown (disconnects, timers) to run when the window closes."""
        self._closers.append(closer)

    def close_features(self) -> None:
        """Run the features' teardown, last installed first (the window calls this)."""
        for closer in reversed(self._closers):
            closer()
        self._closers.clear()
