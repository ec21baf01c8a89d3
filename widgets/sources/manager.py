"""Runs the configured data sources (the settings' `sources` list) through the kind
registry (console/sources/registry.py): one running object per enabled entry whose kind
is installed. Applying new settings stops what was removed or disabled, and starts what
is new; an unchanged entry keeps running undisturbed.

This object is the `host` every kind's `start(host, entry)` receives: `app`, `health`,
`shell` and `credentials(entry)`.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from console import secrets
from console.sources.registry import RunningSource, SourceEntry, kind_of

if TYPE_CHECKING:
    from console.app import ConsoleApp
    from console.sources.health import HealthBoard
    from widgets.shell import FeatureShell

log = logging.getLogger(__name__)


class SourceManager(QObject):
    def __init__(self, shell: FeatureShell) -> None:
        super().__init__(shell.widget)
        self.shell = shell
        self.running: dict[SourceEntry, RunningSource] = {}

    @property
    def app(self) -> ConsoleApp:
        return self.shell.app

    @property
    def health(self) -> HealthBoard:
        return self.shell.app.health

    def credentials(self, entry: SourceEntry) -> secrets.Credentials | None:
        return secrets.load_credentials(entry.kind, entry.url)

    def apply(self, entries: tuple[SourceEntry, ...] | list[SourceEntry]) -> None:
        """Run exactly the enabled `entries` (GUI thread)."""
        wanted = [e for e in entries if e.enabled]
        for entry in list(self.running):
            if entry not in wanted:
                self.running.pop(entry).stop()
        for entry in wanted:
            if entry in self.running:
                continue
            kind = kind_of(entry.kind)
            if kind is None or kind.start is None:
                if kind is None:
                    log.warning("source %s: kind %s is not installed", entry.name, entry.kind)
                continue
            started = kind.start(self, entry)
            if started is not None:
                self.running[entry] = started

    def stop_all(self) -> None:
        for running in self.running.values():
            running.stop()
        self.running.clear()
