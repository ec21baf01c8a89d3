"""Build the RulesEngine for a ConsoleApp from the configuration files.

Kept out of app.py so the app only gains two lines. Reads rules.json and the zones file
once at start-up (small files, before the window shows); the crossing audit database is
written through the job runner afterwards, never on the GUI thread.
"""

from __future__ import annotations

import itertools
import logging
import os
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from console.rules.config import DEFAULT_RULES, RulesConfig, load_rules
from console.rules.crossings import CrossingLog
from console.rules.engine import RulesEngine
from console.rules.geofence import ZoneSet, load_zones

if TYPE_CHECKING:
    from console.app import ConsoleApp

log = logging.getLogger(__name__)
RULES_ENV = "IOC_RULES_FILE"
_ids = itertools.count()


def rules_path(configured: str | None = None) -> Path:
    """The rules file from the settings, else $IOC_RULES_FILE, else the shipped defaults."""
    return Path(configured or os.environ.get(RULES_ENV) or DEFAULT_RULES).expanduser()


def load_config(configured: str | None = None, zones_file: str | None = None) -> RulesConfig:
    config = _load_rules_file(rules_path(configured))
    if zones_file:
        config = replace(config, zones=replace(config.zones, file=Path(zones_file).expanduser()))
    return config


def _load_rules_file(path: Path) -> RulesConfig:
    try:
        return load_rules(path)
    except (OSError, ValueError) as exc:
        log.error("rules file %s unusable (%s); using the shipped defaults", path, exc)
        return load_rules(DEFAULT_RULES)


def build_rules(app: ConsoleApp, config: RulesConfig | None = None) -> RulesEngine:
    config = config or load_config(app.settings.rules_file, app.settings.zones_file)
    try:
        zones = load_zones(config.zones.file)
    except (OSError, ValueError, KeyError) as exc:
        log.error("zones file %s unusable (%s): zone rules are off", config.zones.file, exc)
        zones = []
    try:
        crossing_log: CrossingLog | None = CrossingLog()
    except OSError as exc:  # read-only home etc.: the rules still run, unaudited
        log.error("crossing audit database unavailable: %s", exc)
        crossing_log = None

    def persist_async(fn) -> None:
        app.runner.submit(
            f"audit-{next(_ids)}", fn, lambda _r: None, lambda e: log.error("audit: %s", e)
        )

    engine = RulesEngine(
        config,
        ZoneSet(zones, config.zones.boundary_warning_nm),
        app.vessels,
        app.stations,
        app.cameras,
        app.incidents,
        app.clock,
        language=app.settings.language,
        crossing_log=crossing_log,
        persist_async=persist_async,
        parent=app,
    )
    for crossing in crossing_log.open_crossings() if crossing_log else []:
        engine.vessel_rules.crossings[crossing.vessel_id] = crossing
    return engine


class SummaryPoller:
    """Fetches station summaries (rain sums, level trend) on a worker every `interval_s`
    of wall time once the app is connected, and hands them to the rules engine and to
    whoever listens to `engine.summaries_updated`. Failures are logged and retried on
    the next tick (the map then keeps showing the previous sums)."""

    def __init__(self, app: ConsoleApp, engine: RulesEngine, interval_s: float = 30.0,
                 on_answered: Callable[[], None] | None = None) -> None:
        """`on_answered()`: the first poll came back (sums applied, or a failure logged);
        the first picture waits for it (rain classes and trends come from the sums)."""
        from PySide6.QtCore import QTimer

        self.app, self.engine = app, engine
        self.answered = False
        self._on_answered = on_answered
        self._timer = QTimer(engine)
        self._timer.setInterval(int(interval_s * 1000))
        self._timer.timeout.connect(self.poll)
        app.connected.connect(self._start)

    def _start(self, _url: str) -> None:
        self._timer.start()
        self.poll()

    def stop(self) -> None:
        self._timer.stop()

    def poll(self) -> None:
        client = self.app.client
        if client is None:
            return
        self.app.runner.submit(
            "station-summaries",
            client.station_summaries,
            lambda page: (self.engine.apply_rain_summaries(page.items), self._answer()),
            lambda exc: (log.warning("station summaries not available: %s", exc),
                         self._answer()),
        )

    def _answer(self) -> None:
        if not self.answered:
            self.answered = True
            if self._on_answered is not None:
                self._on_answered()
