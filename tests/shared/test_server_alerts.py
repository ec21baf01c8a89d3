"""Alerts raised by the backend, seen by consoles (console/rules/server_alerts.py).

On a backend whose simulator takes a river past a published alarm level, two consoles
show the one alert the backend raised (same key, same onset), their own rules for that
kind being off; acknowledged on one, it is acknowledged on the other. The backend is
SIGKILLed and restarted: the console keeps the alert meanwhile, and afterwards holds it
once, still acknowledged, while changes keep coming with cursors that only moved forward.
A backend that raises no alerts (older, or `--no-alerts`) leaves them to the console's
own rules."""

from __future__ import annotations

import signal
from datetime import datetime

import pytest

from console.live.feeds import ConnectionState
from console.rules.judge import SHARED_KINDS
from tests.conftest import start_backend, stop_backend
from tests.incidents.test_roles import add_user
from tests.shared.conftest import api, open_console

FAST = ["--vessels", "200", "--speed", "120"]  # 2 sim minutes per real second


@pytest.fixture(scope="module")
def staffed_backend(tmp_path_factory):
    """Overrides the shared fixture: a faster world (rivers reach BĐ1 within ~15 s, the
    next level only minutes later: an acknowledgement is not reset meanwhile), on a
    database file that a restart keeps."""
    db = tmp_path_factory.mktemp("server-alerts") / "ioc.db"
    tokens = {"minh.op": add_user(db, "minh.op", "operator"),
              "hoa.op": add_user(db, "hoa.op", "operator")}
    backend = start_backend(["--db", str(db), *FAST], token="demo-shared-token")
    yield backend, tokens, db
    stop_backend(backend)


@pytest.fixture
def consoles(qtbot, monkeypatch, tmp_path, staffed_backend):
    from tests.shared.conftest import Consoles

    backend, tokens, _db = staffed_backend
    opened = Consoles(qtbot, monkeypatch, tmp_path, backend, tokens)
    yield opened
    opened.close_all()


def spy_raises(win) -> list[tuple[str, str, str]]:
    """Every (key, kind, origin) the console's inbox is asked to raise from now on."""
    inbox, calls = win.app.rules.inbox, []
    raise_alert = inbox.raise_alert

    def spied(key, source, *args, **kwargs):
        calls.append((key, source, kwargs.get("origin", "local")))
        return raise_alert(key, source, *args, **kwargs)

    inbox.raise_alert = spied
    return calls


def common_water_alert(qtbot, *wins, raised: list | None = None) -> str:
    """A water-level alert active and unacknowledged on every console (and raised, or
    re-graded, since the spies in `raised` began)."""
    def common():
        keys = None
        for n, win in enumerate(wins):
            seen = None if raised is None else {c[0] for c in raised[n]}
            mine = {a.key for a in win.app.rules.inbox.active("water_level")
                    if a.key.startswith("water:") and not a.acknowledged
                    and (seen is None or a.key in seen)}
            keys = mine if keys is None else keys & mine
        return sorted(keys or ())

    qtbot.waitUntil(lambda: bool(common()), timeout=40000)
    return common()[0]


def test_backend_alert_is_one_on_two_consoles_and_outlives_a_backend_restart(
        qtbot, consoles, staffed_backend):
    backend, tokens, db = staffed_backend
    a = consoles.open("a", "minh.op")
    b = consoles.open("b", "hoa.op")
    for win in (a, b):
        assert win.app.rules.server_kinds == set(SHARED_KINDS)
        qtbot.waitUntil(lambda w=win: w.app.feeds.is_ready("alerts"), timeout=20000)
    raised_a, raised_b = spy_raises(a), spy_raises(b)
    key = common_water_alert(qtbot, a, b, raised=[raised_a, raised_b])
    station = key.split(":", 1)[1]
    alert_a, alert_b = a.app.rules.inbox.by_key(key), b.app.rules.inbox.by_key(key)
    # one occurrence: the backend's, with its onset, on both consoles
    assert alert_a.raised_at == alert_b.raised_at
    assert alert_a.origin == alert_b.origin == "server"
    served = [x for x in api(backend, tokens["hoa.op"], "/alerts")["alerts"]
              if x["key"] == key and x["active"]]
    assert len(served) == 1
    assert datetime.fromisoformat(served[0]["onset"]).timestamp() == alert_a.raised_at
    # the consoles' own rules raised none of the kinds the backend raises
    for win, raised in ((a, raised_a), (b, raised_b)):
        assert not win.app.rules.raises_locally("water_level", station)
        assert [c for c in raised if c[1] in SHARED_KINDS and c[2] != "server"] == []

    # acknowledged on one console, acknowledged on the other, with who and the comment
    # (through what the alert panel's Acknowledge calls: the panel's selection is left
    # alone while this fast world folds rows into groups, see the alert list's crash on
    # a removed selected row, worked on apart)
    assert a.app.decisions.acknowledge([alert_a], "đã báo UBND xã") == 1
    qtbot.waitUntil(lambda: alert_b.ack_by == "minh.op", timeout=15000)
    assert alert_b.ack_comment == "đã báo UBND xã"
    qtbot.waitUntil(lambda: any(
        x["key"] == key and (x.get("decision") or {}).get("ack_by") == "minh.op"
        for x in api(backend, tokens["hoa.op"], "/alerts")["alerts"]), timeout=15000)

    # the backend dies: the console keeps the last state the backend gave, says it is
    # not connected; restarted on the same database and port, it carries on
    cursor = b.app.feeds._feeds["alerts"].cursor
    backend.process.send_signal(signal.SIGKILL)
    backend.process.wait(10)
    qtbot.waitUntil(lambda: b.app.feeds.status.state is not ConnectionState.CONNECTED,
                    timeout=20000)
    assert b.app.rules.inbox.by_key(key) is alert_b and alert_b.ack_by == "minh.op"
    port = backend.url.rsplit(":", 1)[1]
    again = start_backend(["--db", str(db), *FAST, "--port", port], token="demo-shared-token")
    try:
        assert again.url == backend.url
        qtbot.waitUntil(lambda: b.app.feeds.status.state is ConnectionState.CONNECTED,
                        timeout=30000)
        feed = b.app.feeds._feeds["alerts"]
        qtbot.waitUntil(lambda: feed.cursor is not None and feed.cursor > cursor,
                        timeout=30000)  # new changes arrive; the cursor moved forward
        rows = [x for x in b.app.rules.inbox.alerts() if x.key == key]
        assert rows == [alert_b]  # the same row, not a second one
        assert alert_b.ack_by == "minh.op"
        served = [x for x in api(again, tokens["hoa.op"], "/alerts?since=0")["alerts"]
                  if x["key"] == key]
        assert len({x["onset"] for x in served}) == len(served)  # each occurrence once
        # a console started now shows the same occurrence, acknowledged, from the backend
        consoles.close(a)
        c = consoles.open("c", "minh.op")
        qtbot.waitUntil(lambda: c.app.rules.inbox.by_key(key) is not None
                        and c.app.rules.inbox.by_key(key).ack_by == "minh.op", timeout=30000)
        late = c.app.rules.inbox.by_key(key)
        assert (late.raised_at, late.origin) == (alert_b.raised_at, "server")
    finally:
        stop_backend(again)


def test_a_backend_that_raises_no_alerts_leaves_them_to_the_console(qtbot, monkeypatch,
                                                                    tmp_path):
    backend = start_backend(["--no-alerts", "--vessels", "200", "--speed", "600"])
    try:
        win = open_console(qtbot, monkeypatch, tmp_path, "old", backend.url, backend.token)
        assert win.app.rules.server_kinds == frozenset()
        assert "alerts" not in win.app.feeds._feeds  # nothing asked of an older backend
        raised = spy_raises(win)
        key = common_water_alert(qtbot, win, raised=[raised])
        assert win.app.rules.inbox.by_key(key).origin == "local"
        assert {c[2] for c in raised if c[0] == key} == {"local"}
        win.close()
    finally:
        stop_backend(backend)
