"""The change stream (GET /api/v1/stream) at the protocol level: every change once, in
the poll's own bodies, resumable by the event id after a cut connection and after a
SIGKILL + restart on the same database; authenticated like every route."""

from __future__ import annotations

import signal
import time
import uuid
from collections.abc import Callable

import pytest
import requests
from conftest import TOKEN, RunningBackend

from console.sources import wire
from console.sources.stream import SseEvent, SseParser

QUIET = ("--speed", "0.01", "--vessels", "200", "--cameras", "10")  # the sim barely moves
RAISED = "2026-11-20T03:00:00Z"


class Reader:
    """One raw stream connection, read with the console's SSE parser."""

    def __init__(self, backend: RunningBackend, last_event_id: str | None = None,
                 **params: object) -> None:
        headers = {"Authorization": f"Bearer {TOKEN}"}
        if last_event_id is not None:
            headers["Last-Event-ID"] = last_event_id
        params.setdefault("heartbeat_s", 0.5)
        self.response = requests.get(f"{backend.url}/api/v1/stream", params=params,
                                     headers=headers, stream=True, timeout=(5, 10))
        assert self.response.status_code == 200, self.response.text
        assert self.response.headers["content-type"].startswith("text/event-stream")
        self.parser = SseParser()
        self.events: list[SseEvent] = []

    def until(self, done: Callable[[list[SseEvent]], bool], timeout_s: float = 20.0,
              ) -> list[SseEvent]:
        deadline = time.monotonic() + timeout_s
        while not done(self.events):
            assert time.monotonic() < deadline, f"stream: condition not met, {self.events}"
            chunk = self.response.raw.read1(65536)
            assert chunk, "the stream ended"
            self.events += self.parser.feed(chunk)
        return self.events

    def close(self) -> None:
        self.response.close()


def caught_up(events: list[SseEvent]) -> bool:
    """A heartbeat comes after a complete round: everything changed so far was sent."""
    return bool(events) and events[-1].name == "heartbeat"


def api(backend: RunningBackend, method: str, path: str, body: dict | None = None
        ) -> requests.Response:
    return requests.request(method, f"{backend.url}/api/v1{path}", json=body, timeout=10,
                            headers={"Authorization": f"Bearer {TOKEN}",
                                     "Idempotency-Key": uuid.uuid4().hex})


def acknowledge(backend: RunningBackend, key: str) -> None:
    r = api(backend, "POST", "/alerts/actions",
            {"key": key, "action": "acknowledge", "raised_at": RAISED})
    assert r.status_code == 200, r.text


def incident_versions(events: list[SseEvent]) -> list[tuple[str, int]]:
    return [(f.id, f.properties.version) for e in events if e.name == "incidents"
            for f in wire.IncidentCollection.model_validate_json(e.data).features]


def decision_keys(events: list[SseEvent]) -> list[str]:
    return [d.key for e in events if e.name == "alert_decisions"
            for d in wire.AlertDecisions.model_validate_json(e.data).decisions]


def test_resume_after_a_cut_mid_list_has_no_gap_and_no_duplicate(launch_backend):
    backend = launch_backend(*QUIET)
    kinds = {"kinds": "incidents,alert_decisions", "limit": 3}  # the list comes in pages
    first = Reader(backend, **kinds)
    got = first.until(lambda ev: sum(e.name == "incidents" for e in ev) >= 2)
    first.close()  # cut in the middle of the incident list
    cut_at = wire.decode_stream_cursor(got[-1].id or "")
    assert cut_at["incidents"][1] is not None, "the cut should fall inside a cut page"
    # changes made while this client is away
    for i in range(4):
        acknowledge(backend, f"test:resume:{i}")
    listed = api(backend, "GET", "/incidents?status=new").json()["features"]
    for feature in listed[:3]:
        r = api(backend, "POST", f"/incidents/{feature['id']}/actions",
                {"action": "acknowledge", "expected_version": feature["properties"]["version"],
                 "actor": "op.stream"})
        assert r.status_code == 200, r.text
    second = Reader(backend, last_event_id=got[-1].id, **kinds)
    resumed = second.until(caught_up)
    second.close()
    assert resumed[0].name == "open"
    pairs = incident_versions(got) + incident_versions(resumed)
    assert len(pairs) == len(set(pairs)), "an incident version was sent twice"
    latest: dict[str, int] = {}
    for item, version in pairs:
        latest[item] = max(version, latest.get(item, 0))
    now = {f["id"]: f["properties"]["version"] for f in api(backend, "GET", "/incidents")
           .json()["features"]}
    assert latest == now, "the stream's picture differs from the poll's: a gap"
    keys = decision_keys(got) + decision_keys(resumed)
    assert sorted(keys) == [f"test:resume:{i}" for i in range(4)]


def test_resume_across_sigkill_and_restart_on_the_same_database(launch_backend, tmp_path):
    db = str(tmp_path / "stream.db")
    before = launch_backend(*QUIET, "--db", db)
    reader = Reader(before, kinds="alert_decisions")
    for i in range(3):
        acknowledge(before, f"test:restart:{i}")
    got = reader.until(lambda ev: len(decision_keys(ev)) == 3)
    last_id = got[-1].id
    reader.close()
    before.proc.send_signal(signal.SIGKILL)
    before.proc.wait(10)
    after = launch_backend(*QUIET, "--db", db)
    for i in range(3, 5):
        acknowledge(after, f"test:restart:{i}")
    resumed = Reader(after, last_event_id=last_id, kinds="alert_decisions")
    events = resumed.until(caught_up)
    resumed.close()
    assert decision_keys(events) == ["test:restart:3", "test:restart:4"]
    fresh = Reader(after, kinds="alert_decisions")  # no cursor: the full list, once
    assert sorted(decision_keys(fresh.until(caught_up))) == [
        f"test:restart:{i}" for i in range(5)]
    fresh.close()


def test_query_cursor_resumes_like_last_event_id_and_header_wins(backend):
    everything = Reader(backend, kinds="cameras")
    events = everything.until(caught_up)
    everything.close()
    assert sum(len(wire.CameraCollection.model_validate_json(e.data).features)
               for e in events if e.name == "cameras") >= 10
    position = events[-1].id
    by_query = Reader(backend, kinds="cameras", cursor=position)
    by_header = Reader(backend, last_event_id=position, kinds="cameras", cursor="cameras:0")
    for reader in (by_query, by_header):
        opening = reader.until(lambda ev: len(ev) >= 1)[0]
        reader.close()
        assert (opening.name, opening.id) == ("open", position)  # resumed right there


def test_events_carry_the_poll_bodies(backend):
    reader = Reader(backend, kinds="vessels,stations", limit=500)
    events = reader.until(lambda ev: any(e.name == "stations" for e in ev))
    reader.close()
    opening = wire.StreamOpen.model_validate_json(events[0].data)
    assert opening.kinds == ["vessels", "stations"]
    pages = [wire.VesselRows.model_validate_json(e.data) for e in events if e.name == "vessels"]
    # the first pass: pages cut at the limit, each continuing the last, to the one that
    # completes it (a simulator tick meanwhile may add a page of later changes after it)
    ends = [k for k, page in enumerate(pages) if page.next_after is None]
    first_pass = pages[: ends[0] + 1]
    assert max(len(page.rows) for page in first_pass) == 500
    assert all(len(page.rows) <= 500 for page in pages)
    assert len({row[0] for page in first_pass for row in page.rows}) == 3242  # every vessel


@pytest.mark.parametrize(("params", "headers", "status", "code"), [
    ({}, {}, 401, "unauthorized"),
    ({"cursor": "ships:1"}, {"Authorization": f"Bearer {TOKEN}"}, 400, "invalid_cursor"),
    ({"kinds": "vessels,ships"}, {"Authorization": f"Bearer {TOKEN}"}, 400, "invalid_kinds"),
    ({}, {"Authorization": f"Bearer {TOKEN}", "Last-Event-ID": "vessels:x"}, 400,
     "invalid_cursor"),
])
def test_refusals(backend, params, headers, status, code):
    r = requests.get(f"{backend.url}/api/v1/stream", params=params, headers=headers,
                     timeout=10)
    assert r.status_code == status
    assert wire.ErrorBody.model_validate(r.json()).error.code == code


def test_token_never_in_the_backend_output(backend):
    reader = Reader(backend, kinds="closures")
    reader.until(caught_up)
    reader.close()
    assert TOKEN not in backend.output()
