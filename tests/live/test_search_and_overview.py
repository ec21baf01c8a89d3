"""Vessel search with or without diacritics, the vessel and dark lists, and the overview
numbers — on the widgets an operator uses."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from console.live.clock import SourceClock
from console.model.freshness import VmsThresholds
from console.summary import summarize
from console.textnorm import fold
from layers.vessels.layer import VesselLayer
from tests.live.conftest import FakeClock, camera, gauge, incident, vessel
from widgets.live.dark_list import DarkVesselList
from widgets.live.vessel_list import VesselList


def test_fold_maps_d_stroke_and_strips_marks():
    assert fold("BĐ-96789-TS") == "bd96789ts"
    assert fold("bđ-96789") == "bd96789"
    assert fold("BD 96789") == "bd96789"
    assert fold("Hoài Nhơn") == "hoainhon"
    assert fold("ĐOÀN Văn Đức") == "doanvanduc"


def test_fast_fold_agrees_with_the_exact_unicode_path():
    """The translate-table fold must give exactly what NFD decomposition gives, for every
    character it covers and for mixed strings that leave the table (CJK, ligatures)."""
    import random

    from console.textnorm import _fold_exact

    for code in list(range(0x20, 0x250)) + list(range(0x1E00, 0x1F00)) + [0xFB01, 0x4E00]:
        assert fold(chr(code)) == _fold_exact(chr(code)), hex(code)
    alphabet = "aăâbcdđeêghiklmnoôơpqrstuưvxyÀẢÃÁẠẰẲẴẮẶẦẨẪẤẬĐÈẺẼÉẸỀỂỄẾỆỲỶỸÝỴ -.0123ﬁ中"
    rng = random.Random(7)
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 24)))
        assert fold(text) == _fold_exact(text), text


def test_a_large_fleet_enters_the_list_in_chunks_and_all_of_it_arrives(qtbot):
    """20,000 new vessels must not be folded and inserted in one GUI-thread turn; the
    list fills over a few turns and ends with every vessel searchable."""
    from console.stores.vessels import VesselStore

    clock = FakeClock()
    store = VesselStore(tail_length=2)
    n = 5 * 2000 + 17
    store.apply(
        [
            vessel(f"v{i}", clock.t, 110.0 + i * 1e-5, 13.5, registration=f"BĐ-{90000 + i}-TS")
            for i in range(n)
        ]
    )
    listing = VesselList(VesselLayer(store, clock, VmsThresholds()))
    qtbot.addWidget(listing)
    inserted: list[int] = []
    listing.model.rowsInserted.connect(lambda _p, first, last: inserted.append(last - first + 1))
    assert listing.model.rowCount() == listing.model.INSERT_CHUNK  # first turn only
    listing.search.setText("bd 99999")  # typed while the list fills
    qtbot.waitUntil(lambda: listing.model.rowCount() == n, timeout=5000)
    assert max(inserted) <= listing.model.INSERT_CHUNK
    assert listing.proxy.rowCount() == 1  # the last chunk was matched too
    assert listing.proxy.data(listing.proxy.index(0, 0)) == "BĐ-99999-TS"
    listing.close_list()


def fleet(rig_clock: SourceClock):
    from console.stores.vessels import VesselStore

    store = VesselStore(tail_length=4)
    t = rig_clock.now()
    store.apply(
        [
            vessel(
                "a",
                t - 600,
                110.5,
                13.5,
                registration="BĐ-96789-TS",
                name="Hoài Nhơn 07",
                owner="Trần Văn Bình",
            ),
            vessel(
                "b",
                t - 600,
                110.6,
                13.6,
                registration="BĐ-91234-TS",
                name="Phúc Lộc 12",
                owner="Đặng Thị Hoa",
            ),
            vessel(
                "c",
                t - 8 * 3600,
                111.0,
                14.0,
                registration="BĐ-95555-TS",
                name="Thắng Lợi 3",
                owner="Lê Hoài",
            ),
            vessel(
                "d",
                t - 3600,
                109.27,
                13.77,
                registration="BĐ-90001-TS",
                name="Cát Hải 1",
                owner="Võ Nhơn",
                status="in_port",
                speed_kn=0.0,
            ),
        ]
    )
    return store


@pytest.fixture
def fleet_layer() -> VesselLayer:
    """The vessel layer over `fleet` on a fake clock (`.clock` moves time)."""
    clock = FakeClock()
    return VesselLayer(fleet(clock), clock, VmsThresholds())


def test_vessel_list_search_finds_with_and_without_diacritics(qtbot, fleet_layer):
    listing = VesselList(fleet_layer)
    qtbot.addWidget(listing)
    assert listing.proxy.rowCount() == 4

    def regs() -> set[str]:
        model = listing.proxy
        return {model.data(model.index(r, 0)) for r in range(model.rowCount())}

    for query in ("BD 96789", "bđ-96789", "BĐ-96789-TS", "96789"):
        listing.search.setText(query)
        assert regs() == {"BĐ-96789-TS"}, query
    listing.search.setText("Hoai Nhon")  # the name, typed without marks
    assert regs() == {"BĐ-96789-TS"}
    listing.search.setText("dang thi")  # owner with Đ, typed as d
    assert regs() == {"BĐ-91234-TS"}
    listing.search.setText("hoai")  # name of one, owner of another
    assert regs() == {"BĐ-96789-TS", "BĐ-95555-TS"}
    assert listing.count.text().startswith("2 ")
    listing.search.clear()
    listing.view.sortByColumn(4, Qt.SortOrder.DescendingOrder)
    assert listing.proxy.data(listing.proxy.index(0, 0)) == "BĐ-95555-TS"  # oldest fix first
    listing.close_list()


def test_dark_list_shows_silence_and_last_position(qtbot, fleet_layer):
    clock = fleet_layer.clock
    dark = DarkVesselList(fleet_layer)
    qtbot.addWidget(dark)
    dark.show()  # hidden lists do not rebuild; the operator opens the tab
    qtbot.waitExposed(dark)
    model = dark.proxy
    assert model.rowCount() == 1
    assert model.data(model.index(0, 0)) == "BĐ-95555-TS"
    assert model.data(model.index(0, 2)) == "8 h 00 min"
    assert "14.0000° N, 111.0000° E" in model.data(model.index(0, 4))
    clock.t += 3600  # silence grows with time alone: shown current without a rebuild
    assert model.data(model.index(0, 2)) == "9 h 00 min"
    dark.stop()


def test_overview_numbers(rig):
    t = rig.clock.t
    rig.vessels.apply(
        [
            vessel("s1", t, 110.6, 13.3),
            vessel("s2", t, 110.10, 13.30),  # in the restricted exercise area
            vessel("p1", t, 109.27, 13.77, status="in_port", speed_kn=0.0),
            vessel("k1", t - 7 * 3600, 111.0, 14.0),  # dark
        ]
    )
    rig.stations.apply([gauge(7.2, t, "w1"), gauge(5.0, t, "w2"), gauge(8.4, t, "w3")])
    rig.cameras.apply([camera("c1", "offline", t), camera("c2", "online", t)])
    rig.incidents.apply(
        [
            incident("i1", "high", "new", t),
            incident("i2", "low", "assigned", t),
            incident("i3", "low", "closed", t),
        ]
    )
    s = summarize(
        rig.vessels,
        rig.stations,
        rig.incidents,
        rig.cameras,
        rig.clock.now(),
        rig.config.vms,
        violating=rig.engine.vessel_rules.violating,
        station_level=rig.engine.station_rules.level_of,
        alerts_unacknowledged=len(rig.inbox.unacknowledged()),
    )
    assert (s.vessels_at_sea, s.vessels_in_port, s.vessels_dark) == (3, 1, 1)
    assert s.vessels_violating == 1
    assert s.stations_alarm == (0, 1, 1) and s.stations_normal == 1
    assert s.incidents_open == 2
    assert s.incidents_by_status == {"new": 1, "assigned": 1}
    assert s.cameras_offline == 1
    # alerts: zone (s2), BĐ2 (w1), BĐ3 (w3), camera c1, incident i1 (k1 dark comes by time)
    assert s.alerts_unacknowledged == 5
