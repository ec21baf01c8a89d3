"""The "ais" source kind: an AIS receiver (tcp://HOST:PORT, udp://:PORT) or a recording
(file://PATH) whose targets join the fleet (console/sources/ais)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from console.sources.ais.attach import start_ais
from console.sources.ais.endpoint import parse_endpoint
from console.sources.registry import SourceEntry, SourceKind, register
from console.sources.source_health import watch_ais

if TYPE_CHECKING:
    from widgets.sources.manager import SourceManager


def _check_url(url: str) -> str | None:
    try:
        parse_endpoint(url)
    except ValueError as exc:
        return str(exc)
    return None


def _start(host: SourceManager, entry: SourceEntry):
    source = start_ais(host.app, entry.url, entry.name)
    watch_ais(host.health, source, entry.name, entry.url)
    return source


register(SourceKind(
    kind="ais",
    title=lambda: QCoreApplication.translate("Sources", "AIS receiver"),
    credentials="none",
    check_url=_check_url,
    start=_start,
))
