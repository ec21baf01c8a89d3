"""Client side of the operators' decisions kept on the backend: alert acknowledgement and
shelving, incidents opened by an operator, manual position reports, crossing closures.

A mixin of `RestClient` (kept apart so rest_v1.py stays readable). Like the incident
actions, each POST carries the caller's Idempotency-Key, so an outbox may retry it
safely; a 409 raises `Conflict` with the backend's current state; a 403 raises
`Forbidden` with the server's message. Called from worker threads only.
"""

from __future__ import annotations

import contextlib
import json
from typing import Any

from console.model.incident import Incident
from console.sources import change_pages, parse, wire
from console.sources.errors import Conflict
from console.sources.pages import Page, Reply


class DecisionEndpoints:
    """Needs `_request`, `_checked`, `_get` and `_get_body` from RestClient."""

    _request: Any
    _checked: Any
    _get: Any
    _get_body: Any

    def _post(self, path: str, request: wire.BaseModel, key: str) -> Reply:
        return self._request("POST", path, data=request.model_dump_json(),
                             headers={"Content-Type": "application/json",
                                      "Idempotency-Key": key})

    def _page(self, path: str, kind: str, since: int | None) -> Page:
        """Parsed as the change stream's events are (`change_pages`)."""
        return change_pages.PARSERS[kind](self._get_body(path, kind, since=since))

    @staticmethod
    def _conflict(body: bytes, model: type[Any]) -> Conflict:
        doc = parse.validate(wire.ErrorBody, body, "conflict")
        current = None
        with contextlib.suppress(ValueError, TypeError):
            current = model.model_validate(json.loads(body).get("current"))
        return Conflict(doc.error.message, current)

    # --- alerts ---------------------------------------------------------------------------

    def alert_decisions(self, since: int | None = None) -> Page[wire.AlertDecision]:
        return self._page("/api/v1/alerts/decisions", "alert_decisions", since)

    def server_alerts(self, since: int | None = None) -> Page[wire.ServerAlert]:
        """The alerts the backend's rules raised (those its /health names)."""
        return self._page("/api/v1/alerts", "alerts", since)

    def alert_action(self, request: wire.AlertActionRequest, key: str) -> wire.AlertDecision:
        reply = self._post("/api/v1/alerts/actions", request, key)
        if reply.status == 409:
            raise self._conflict(reply.body, wire.AlertDecision)
        body = self._checked(reply, "alert action")
        return parse.validate(wire.AlertDecision, body, "alert decision")

    # --- incidents opened by an operator ------------------------------------------------------

    def create_incident(self, request: wire.IncidentCreateRequest, key: str) -> Incident:
        body = self._checked(self._post("/api/v1/incidents", request, key),
                             "new incident")
        return parse.incident(parse.validate(wire.IncidentFeature, body, "incident"))

    # --- manual position reports --------------------------------------------------------------

    def position_reports(self, since: int | None = None) -> Page[wire.PositionReport]:
        return self._page("/api/v1/reports", "reports", since)

    def vessel_reports(self, vessel_id: str) -> list[wire.PositionReport]:
        return list(self._get(f"/api/v1/vessels/{vessel_id}/reports", wire.PositionReports,
                              "position reports").reports)

    def report_position(self, vessel_id: str, request: wire.PositionReportRequest,
                        key: str) -> wire.PositionReport:
        body = self._checked(self._post(f"/api/v1/vessels/{vessel_id}/reports", request, key),
                             "position report")
        return parse.validate(wire.PositionReport, body, "position report")

    # --- the audit log (supervisor) ---------------------------------------------------------

    def audit(self, after: int = 0, limit: int = 500) -> wire.AuditPage:
        """Hash-chained audit entries after id `after`, oldest first (403 below the
        supervisor role)."""
        return self._get("/api/v1/audit", wire.AuditPage, "audit log", after=after, limit=limit)

    # --- crossing closures --------------------------------------------------------------------

    def crossing_closures(self, since: int | None = None) -> Page[wire.CrossingClosure]:
        return self._page("/api/v1/crossings/closures", "closures", since)

    def close_crossing(self, request: wire.CrossingCloseRequest,
                       key: str) -> wire.CrossingClosure:
        reply = self._post("/api/v1/crossings/closures", request, key)
        if reply.status == 409:
            raise self._conflict(reply.body, wire.CrossingClosure)
        body = self._checked(reply, "crossing closure")
        return parse.validate(wire.CrossingClosure, body, "crossing closure")
