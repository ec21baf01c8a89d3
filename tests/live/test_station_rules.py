"""Water-level crossings with hysteresis; rain; cameras and incidents into the inbox."""

from __future__ import annotations

from console.model.station_summary import StationSummary as RainSummary
from console.rules.thresholds import hysteretic_level
from tests.live.conftest import camera, gauge, incident


def test_hysteresis_levels():
    levels = (6.0, 7.0, 8.0)
    assert hysteretic_level(6.99, levels, 0, 0.05) == 1
    assert hysteretic_level(7.0, levels, 1, 0.05) == 2
    assert hysteretic_level(6.97, levels, 2, 0.05) == 2  # within hysteresis: holds
    assert hysteretic_level(6.94, levels, 2, 0.05) == 1
    assert hysteretic_level(5.0, levels, 2, 0.05) == 0


def test_rising_crossing_alerts_noisy_gauge_does_not_flap_falling_clears(rig):
    t = rig.clock.t
    rig.stations.apply([gauge(5.5, t)])
    assert rig.inbox.active() == []
    rig.stations.apply([gauge(6.02, t + 600)])
    alert = rig.inbox.by_key("water:s1")
    assert alert.active and alert.severity == "medium" and "BĐ1" in alert.title
    # noise around 6.0 m: 5.98, 6.01, 5.97 ... stays one active alert
    for i, v in enumerate((5.98, 6.01, 5.97, 6.03, 5.96)):
        rig.stations.apply([gauge(v, t + 1200 + i * 600)])
    assert len(rig.inbox) == 1 and alert.active and alert.occurrences == 1
    rig.stations.apply([gauge(7.30, t + 6000)])
    assert alert.severity == "high" and "above BĐ2 by 0.30 m" in alert.message
    # the alert states the disaster risk level as the bulletins do (Decision 18/2021)
    assert alert.message.endswith("7.30 m, above BĐ2 by 0.30 m; disaster risk level 1")
    rig.stations.apply([gauge(5.5, t + 9000)])
    assert not alert.active


def test_heavy_rain_from_summaries(rig):
    from console.model.station import Station

    rain = Station(
        "r1", "R1", "An Hòa", "rain", None, "mm", 108.9, 14.5, None, None, rig.clock.t, 3.0
    )
    rig.stations.apply([rain])
    rig.engine.apply_rain_summaries([RainSummary("r1", 5.0, 20.0, 40.0)])
    assert rig.inbox.active() == []  # moderate: shown on the map, not an alert
    rig.engine.apply_rain_summaries([RainSummary("r1", 15.0, 60.0, 120.0)])
    alert = rig.inbox.by_key("rain:r1")
    assert alert.active and alert.severity == "medium" and "120 mm in 24 h" in alert.message
    assert alert.message.endswith("; disaster risk level 1")  # 100-200 mm / 24 h: Art. 44(1)
    # a 3-hour burst past the warning (flash floods) is what must be acted on now
    rig.engine.apply_rain_summaries([RainSummary("r1", 40.0, 110.0, 160.0)])
    assert alert.active and alert.severity == "high"


def test_alert_text_in_vietnamese_uses_the_decimal_comma_and_names_the_level(rig):
    from console import bulletin

    words = {"%1, above BĐ%2 by %3": "%1, trên BĐ%2 %3",
             "%1, below BĐ%2 by %3": "%1, dưới BĐ%2 %3",
             "disaster risk level %1": "cấp độ rủi ro thiên tai: cấp %1"}
    bulletin.configure("vi", lambda _ctx, text: words.get(text, text))
    t = rig.clock.t
    rig.stations.apply([gauge(5.5, t)])
    rig.stations.apply([gauge(6.31, t + 600)])
    assert rig.inbox.by_key("water:s1").message.endswith(
        "6,31 m, trên BĐ1 0,31 m; cấp độ rủi ro thiên tai: cấp 1"
    )
    rig.stations.apply([gauge(7.62, t + 1200)])  # reached BĐ2, the bulletin names BĐ3
    assert "7,62 m, dưới BĐ3 0,38 m" in rig.inbox.by_key("water:s1").message


def test_camera_offline_and_new_critical_incident(rig):
    t = rig.clock.t
    rig.cameras.apply([camera("c1", "online", t)])
    assert rig.inbox.active() == []
    rig.cameras.apply([camera("c1", "offline", t + 60)])
    assert rig.inbox.by_key("camera:c1:offline").active
    rig.cameras.apply([camera("c1", "online", t + 120)])
    assert not rig.inbox.by_key("camera:c1:offline").active
    rig.incidents.apply([incident("i1", "low", "new", t)])
    assert rig.inbox.by_key("incident:i1") is None
    rig.incidents.apply([incident("i2", "critical", "new", t)])
    a = rig.inbox.by_key("incident:i2")
    assert a.active and a.severity == "critical" and a.source == "incident"
    rig.incidents.apply([incident("i2", "critical", "acknowledged", t + 60)])
    assert not a.active


def test_dark_vessel_alert_by_time_and_recovery(rig):
    rig.fix("d1", 110.6, 13.3)
    rig.clock.t += 7 * 3600
    rig.engine.check_time()
    a = rig.inbox.by_key("dark:d1")
    assert a.active and "VMS signal lost" in a.title
    rig.fix("d1", 110.7, 13.3)
    assert not a.active
