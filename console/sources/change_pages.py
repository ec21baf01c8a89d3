"""One parser per change kind: the body a poll answers -> a `Page` of domain records.

The poll (`RestClient.vessels`, `.alert_decisions`, ...) and the change stream
(`console.sources.stream`, whose events carry the same bodies) both parse here, so a
change reaches the stores the same way whichever path brought it. Worker threads only:
validation holds the GIL for a few ms per 1,000 items.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from console.model.vessel_batch import VesselBatch
from console.sources import parse, wire
from console.sources.pages import Page


def vessels(body: bytes) -> Page[Any]:
    """The `format=rows` table: records, columns and map coordinates built here."""
    table = parse.validate(wire.VesselRows, body, "vessels")
    batch = VesselBatch.of_rows(table.rows)
    return Page(batch, table.cursor, table.server_time.timestamp(), table.next_after)


def _features(model: type[wire.LiveCollection], convert: Callable[[Any], Any], what: str
              ) -> Callable[[bytes], Page[Any]]:
    def page(body: bytes) -> Page[Any]:
        c = parse.validate(model, body, what)
        return Page([convert(f) for f in c.features], c.cursor, c.server_time.timestamp(),
                    c.next_after)
    return page


def _records(model: type[Any], field: str) -> Callable[[bytes], Page[Any]]:
    def page(body: bytes) -> Page[Any]:
        doc = parse.validate(model, body, field)
        return Page(getattr(doc, field), doc.cursor, doc.server_time.timestamp())
    return page


stations = _features(wire.StationCollection, parse.station, "stations")
cameras = _features(wire.CameraCollection, parse.camera, "cameras")
incidents = _features(wire.IncidentCollection, parse.incident, "incidents")
alert_decisions = _records(wire.AlertDecisions, "decisions")
reports = _records(wire.PositionReports, "reports")
closures = _records(wire.CrossingClosures, "closures")
alerts = _records(wire.ServerAlerts, "alerts")

PARSERS: dict[str, Callable[[bytes], Page[Any]]] = {
    "vessels": vessels, "stations": stations, "cameras": cameras, "incidents": incidents,
    "alert_decisions": alert_decisions, "reports": reports, "closures": closures,
    "alerts": alerts,
}
assert tuple(PARSERS) == wire.STREAM_KINDS
