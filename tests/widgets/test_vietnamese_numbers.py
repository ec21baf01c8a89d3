"""The Vietnamese UI writes numbers the Vietnamese way (1.523.792, 12,5 kn) in the
overview strip and the vessel texts, through console.bulletin like the station texts."""

from __future__ import annotations

import pytest

from console import bulletin
from console.live.clock import SourceClock
from console.model.freshness import VmsThresholds
from console.model.vessel import Vessel
from console.stores.vessels import VesselStore
from console.summary import Summary
from layers.vessels.layer import VesselLayer
from widgets.live.overview import OverviewStrip

T = 1_795_321_800.0


@pytest.fixture
def vietnamese():
    bulletin.configure("vi")
    yield
    bulletin.configure("en")


def test_overview_groups_thousands_with_a_point(qtbot, vietnamese):
    strip = OverviewStrip(lambda: Summary(1_523_792, 885, 70, (7, 0, 0), 0, 13))
    qtbot.addWidget(strip)
    assert ">1.523.792</b>" in strip.labels["at_sea"].text()
    assert strip.value("at_sea") == 1_523_792
    strip.stop()


def test_vessel_inspector_uses_the_decimal_comma(vietnamese):
    clock = SourceClock()
    clock.observe(T + 60)
    store = VesselStore()
    store.apply([Vessel("v1", "BĐ-96789-TS", "Tàu 1", "Nguyễn Văn A", 15.5, "Lưới vây",
                        "Quy Nhơn", "at_sea", 110.6, 13.3, T, 12.5, 90.0)])
    _title, rows = VesselLayer(store, clock, VmsThresholds()).describe(0)
    rows = dict(rows)
    assert rows["Speed"] == "12,5 kn"
    assert rows["Length"] == "15,5 m"
    assert rows["Position"] == "13,3000° N, 110,6000° E"
