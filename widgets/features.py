"""Feature modules plugged into the main shell.

Each entry is `install(shell: FeatureShell) -> None`: it creates its docks with
`shell.add_dock(...)`, adds actions to `shell.menus[...]` / `shell.toolbar`, connects
to `shell.canvas`, `shell.inspector` and `shell.app`, and registers its teardown with
`shell.on_close(...)`. Keeping features out of main_window.py keeps that file small and
lets features be developed side by side.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from widgets.cameras.feature import install as install_cameras
from widgets.diagnostics import install as install_diagnostics
from widgets.incidents.feature import install as install_incidents
from widgets.live.install import install as install_live_picture
from widgets.map_features import install as install_map_features
from widgets.period.feature import install as install_period
from widgets.replay.feature import install as install_replay
from widgets.report.feature import install as install_shift_report
from widgets.settings_dialog import install as install_settings
from widgets.storm.feature import install as install_storm
from widgets.timeseries.install import install as install_station_charts

if TYPE_CHECKING:
    from widgets.shell import FeatureShell

FEATURES: list[Callable[[FeatureShell], None]] = [
    install_diagnostics,
    install_settings,
    install_incidents,
    install_cameras,
    install_station_charts,
    install_map_features,
    install_live_picture,
    install_storm,
    install_replay,
    install_period,
    install_shift_report,
]
