"""The alert inbox: dedup, flap suppression, acknowledge, shelving, sound policy."""

from __future__ import annotations

from console.rules.alerts import AlertInbox, CuePolicy
from console.rules.config import AlertSettings


class Clock:
    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t


def make(qtbot, **kw):
    src, wall = Clock(), Clock()
    inbox = AlertInbox(AlertSettings(**kw), now=src, wall=wall)
    return inbox, src, wall


def test_same_ongoing_condition_is_one_alert(qtbot):
    inbox, src, _ = make(qtbot)
    with qtbot.waitSignal(inbox.cue):
        assert inbox.raise_alert("k", "camera", "medium", "Cam 1 offline", "m") is not None
    for _ in range(5):
        src.t += 10
        assert inbox.raise_alert("k", "camera", "medium", "Cam 1 offline", "m") is None
    assert len(inbox) == 1


def test_escalation_reopens_acknowledgement_and_cues(qtbot):
    inbox, _, _ = make(qtbot)
    a = inbox.raise_alert("w", "water_level", "medium", "BĐ1", "m")
    inbox.acknowledge([a.id], "op")
    with qtbot.waitSignal(inbox.cue):
        inbox.raise_alert("w", "water_level", "high", "BĐ2", "m2")
    assert not a.acknowledged and a.severity == "high" and len(inbox) == 1


def test_flapping_signal_stays_one_row_and_stops_cueing(qtbot):
    inbox, src, _ = make(qtbot, flap_window_s=600, flap_max_transitions=3)
    cues = []
    inbox.cue.connect(cues.append)
    for _ in range(6):
        inbox.raise_alert("f", "rain", "high", "rain", "m")
        src.t += 30
        inbox.clear("f")
        src.t += 30
    assert len(inbox) == 1
    alert = inbox.by_key("f")
    assert alert.flapping and alert.occurrences == 6
    assert len(cues) == 3  # cued until it was recognised as flapping


def test_condition_returning_after_the_flap_window_is_a_new_alert(qtbot):
    inbox, src, _ = make(qtbot, flap_window_s=600)
    inbox.raise_alert("c", "camera", "medium", "off", "m")
    inbox.clear("c")
    src.t += 3600
    inbox.raise_alert("c", "camera", "medium", "off", "m")
    assert len(inbox) == 2
    assert [a.active for a in inbox.alerts()] == [True, False]  # newest first


def test_acknowledge_single_and_all_with_comment(qtbot):
    inbox, _, _ = make(qtbot)
    a = inbox.raise_alert("a", "camera", "medium", "a", "m")
    b = inbox.raise_alert("b", "incident", "high", "b", "m")
    c = inbox.raise_alert("c", "vessel", "low", "c", "m")
    assert inbox.acknowledge([a.id], "op1", "đã gọi kỹ thuật") == 1
    assert a.ack_by == "op1" and a.ack_comment == "đã gọi kỹ thuật"
    assert inbox.acknowledge_all("op2", source="incident") == 1
    assert b.ack_by == "op2" and not c.acknowledged
    assert inbox.acknowledge_all("op2") == 1 and c.acknowledged


def test_shelving_hides_for_a_time_then_returns(qtbot):
    inbox, _, wall = make(qtbot)
    a = inbox.raise_alert("s", "camera", "high", "s", "m")
    inbox.shelve([a.id], 900)
    assert inbox.alerts(include_shelved=False) == []
    wall.t += 899
    assert inbox.expire_shelves() == []
    wall.t += 2
    with qtbot.waitSignal(inbox.cue):
        assert inbox.expire_shelves() == [a]
    assert inbox.alerts(include_shelved=False) == [a]


def test_sound_policy_once_repeat_and_rate_limit(qtbot):
    inbox, _, wall = make(qtbot)
    settings = AlertSettings(sound="repeat", sound_min_interval_s=10)
    policy = CuePolicy(settings, wall=wall)
    low = inbox.raise_alert("l", "camera", "medium", "l", "m")
    assert not policy.on_cue(low)  # not loud
    hi = inbox.raise_alert("h", "incident", "critical", "h", "m")
    assert policy.on_cue(hi)
    wall.t += 5
    assert not policy.on_tick(inbox)  # rate-limited
    wall.t += 6
    assert policy.on_tick(inbox)  # still unacknowledged: repeats
    inbox.acknowledge([hi.id], "op")
    wall.t += 20
    assert not policy.on_tick(inbox)
    once = CuePolicy(AlertSettings(sound="once"), wall=wall)
    assert once.on_cue(hi) and not once.on_tick(inbox)
