"""The console's client for operators' decisions on the backend, against a real backend:
typed answers, Conflict with the backend's current state on a 409, and a second client
(another console) seeing each decision through the `since` cursor."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest

from console.sources import wire
from console.sources.errors import Conflict
from console.sources.rest_v1 import RestClient


@pytest.fixture
def consoles(live_backend):
    a, b = RestClient(live_backend.url, live_backend.token), RestClient(live_backend.url,
                                                                       live_backend.token)
    yield a, b
    a.close()
    b.close()


def key() -> str:
    return uuid.uuid4().hex


def test_alert_acknowledged_on_one_console_is_seen_on_the_other(consoles):
    a, b = consoles
    cursor = b.alert_decisions().cursor
    raised = datetime(2026, 11, 20, 3, tzinfo=UTC)
    request = wire.AlertActionRequest(key=f"test:{uuid.uuid4().hex}", action="acknowledge",
                                      raised_at=raised, comment="ok", actor="ca-truc-A")
    decision = a.alert_action(request, key())
    assert decision.ack_by == "ca-truc-A"  # the shared demo account names its operator
    page = b.alert_decisions(since=cursor)
    assert [d.key for d in page.items] == [request.key] and page.cursor > cursor
    with pytest.raises(Conflict) as conflict:
        b.alert_action(request.model_copy(update={"actor": "ca-truc-B"}), key())
    assert isinstance(conflict.value.current, wire.AlertDecision)
    assert conflict.value.current.ack_by == "ca-truc-A"


def test_incident_report_and_closure_round_trip(consoles):
    a, b = consoles
    incidents_cursor = b.incidents().cursor
    created = a.create_incident(wire.IncidentCreateRequest(
        type="field_report", severity="low", title="Phản ánh: hố ga mất nắp",
        geometry=wire.PointGeometry(coordinates=(109.22, 13.77)), actor="ca-truc-A"), key())
    assert created.status == "new" and created.history[0].actor == "ca-truc-A"
    assert created.id in {i.id for i in b.incidents(since=incidents_cursor).items}

    now = b.health().server_time
    cursor = b.position_reports().cursor
    report = a.report_position("v00005", wire.PositionReportRequest(
        reported_at=datetime.fromtimestamp(now, UTC) - timedelta(hours=1), channel="radio",
        geometry=wire.PointGeometry(coordinates=(110.9, 13.2))), key())
    assert [r.id for r in b.position_reports(since=cursor).items] == [report.id]
    assert report.id in {r.id for r in b.vessel_reports("v00005")}

    crossed = datetime.fromtimestamp(now, UTC).replace(microsecond=0) - timedelta(hours=5)
    closure = a.close_crossing(wire.CrossingCloseRequest(
        vessel_id="v00005", crossed_at=crossed, reason="case_opened"), key())
    with pytest.raises(Conflict) as conflict:
        b.close_crossing(wire.CrossingCloseRequest(
            vessel_id="v00005", crossed_at=crossed, reason="position_error"), key())
    assert conflict.value.current == closure
