"""The REST client against the real reference backend on loopback."""

from __future__ import annotations

import logging
import uuid

import pytest

from console.sources import wire
from console.sources.errors import AuthError, BackendUnreachable, Conflict, NotFound
from console.sources.http import HttpSettings
from console.sources.rest_v1 import RestClient


@pytest.fixture
def client(live_backend):
    c = RestClient(live_backend.url, live_backend.token)
    yield c
    c.close()


def test_health_and_collections(client):
    health = client.health()
    assert health.speed > 0 and health.site
    vessels = client.vessels()
    assert len(vessels.items) == 3242
    assert all(v.registration.startswith("BĐ-") for v in vessels.items)
    assert len(client.stations().items) == 102


def test_since_cursor_is_incremental(client):
    first = client.incidents()
    again = client.incidents(since=first.cursor)
    assert len(again.items) < len(first.items)
    assert all(
        i.id in {x.id for x in first.items} or i.reported_at >= first.server_time - 3600
        for i in again.items
    )


def test_bbox_filter(client):
    page = client.cameras(bbox="109.15,13.70,109.30,13.90")
    assert page.items
    assert all(109.15 <= c.lon <= 109.30 and 13.70 <= c.lat <= 13.90 for c in page.items)


def test_track_and_observations_columnar(client):
    vessel = client.vessels().items[0]
    health = client.health()
    track = client.track(vessel.id, health.server_time - 24 * 3600, health.server_time)
    assert list(track.t) == sorted(track.t)
    station = client.stations().items[0]
    obs = client.observations(station.id, health.server_time - 6 * 3600, health.server_time)
    assert len(obs.t) == len(obs.value) > 10


def test_fleet_tracks_cover_many_vessels(client):
    health = client.health()
    tracks = client.fleet_tracks(health.server_time - 6 * 3600, health.server_time)
    assert len(set(tracks.vessel_id)) > 1000
    assert len(tracks.t) == len(tracks.lon) == len(tracks.lat)


def test_wrong_token_is_auth_error(live_backend):
    c = RestClient(live_backend.url, "wrong-token")
    with pytest.raises(AuthError):
        c.vessels()


def test_unknown_vessel_is_not_found(client):
    with pytest.raises(NotFound):
        client.track("no-such-vessel", 0.0, 3600.0)


def test_unreachable_backend_raises_quickly():
    c = RestClient("http://127.0.0.1:9", "x", HttpSettings(connect_timeout_s=0.5, get_retries=0))
    with pytest.raises(BackendUnreachable):
        c.health()


def test_stale_version_conflict_carries_current_state(client):
    incident = next(i for i in client.incidents().items if i.status == "new")
    request = wire.IncidentActionRequest(
        action="acknowledge", expected_version=incident.version, actor="op-a"
    )
    updated = client.incident_action(incident.id, request, str(uuid.uuid4()))
    assert updated.version == incident.version + 1
    stale = wire.IncidentActionRequest(
        action="assign", expected_version=incident.version, actor="op-b", assignee="Đội CSGT 1"
    )
    with pytest.raises(Conflict) as info:
        client.incident_action(incident.id, stale, str(uuid.uuid4()))
    assert info.value.current.status == "acknowledged"
    assert info.value.current.history[-1].actor == "op-a"


def test_token_never_logged(live_backend, caplog):
    caplog.set_level(logging.DEBUG)
    c = RestClient(live_backend.url, live_backend.token)
    c.vessels()
    with pytest.raises(NotFound):
        c.track("missing", 0.0, 10.0)
    assert live_backend.token not in caplog.text
