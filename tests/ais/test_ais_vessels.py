"""AIS as a second vessel source: each vessel judged by its own sources' rhythm, the same
boat in VMS and AIS shown once with both, AIS-only targets never "dark" VMS vessels."""

from __future__ import annotations

import numpy as np

from console.model.freshness import SOURCE_BITS, VesselSource, VmsState
from console.rules.config import load_rules
from console.rules.dark import dark_vessels
from console.sources.ais.decode import AisDecoder
from console.sources.ais.identity import AisIdentities, AisLinks
from console.stores.vessels import VesselStore
from layers.vessels.layer import VARIANTS, VesselLayer, source_label
from tests.ais.data import GPSD, T0, sentences_of
from tests.live.conftest import FakeClock, vessel

CLASS_B = 338087471  # type 18 in GPSD's sample
CLASS_B_NAMED = 367059850  # type 19 (position + name "CAPT.J.RIMES")
CLASS_A = 371798000  # type 1
POLICY = load_rules().freshness()  # the shipped rules file's thresholds


def ais_batch(mmsi: int, t: float, links: AisLinks | None = None):
    d = AisDecoder(now=lambda: t)
    positions = d.feed(sentences_of(GPSD, mmsi)).positions
    return AisIdentities(d.statics, links).batch(positions)


def state(store: VesselStore, vessel_id: str, now: float) -> VmsState:
    row = store.row_of(vessel_id)
    return VmsState(int(store.states(now, POLICY)[row]))


def test_class_b_is_not_lost_at_3_min_and_lost_after_6_while_vms_keeps_its_rhythm():
    store = VesselStore()
    store.apply([vessel("v1", T0, 109.3, 13.8)])  # a VMS vessel, fix at T0
    batch = ais_batch(CLASS_B, T0)
    store.apply(batch)
    fix = float(batch.fix_time[0])  # the report's own second, just before T0
    ais = f"ais:{CLASS_B}"
    assert state(store, ais, fix + 60) is VmsState.FRESH
    assert state(store, ais, fix + 3 * 60) is not VmsState.LOST
    assert state(store, ais, fix + 6 * 60 + 1) is VmsState.LOST
    # VMS: reporting at 6 min, late (not lost) at 3 h, lost after 6 h — as before
    assert state(store, "v1", T0 + 6 * 60 + 1) is VmsState.FRESH
    assert state(store, "v1", T0 + 3 * 3600) is VmsState.LATE
    assert state(store, "v1", T0 + 6 * 3600 + 1) is VmsState.LOST


def test_class_a_is_late_after_its_slow_rate_and_lost_after_6_min():
    store = VesselStore()
    batch = ais_batch(CLASS_A, T0)
    store.apply(batch)
    fix = float(batch.fix_time[0])
    ais = f"ais:{CLASS_A}"
    assert state(store, ais, fix + 30) is VmsState.FRESH
    assert state(store, ais, fix + 4 * 60) is VmsState.LATE
    assert state(store, ais, fix + 7 * 60) is VmsState.LOST


def test_the_rules_file_overrides_a_source_and_only_that_source(tmp_path):
    import json

    from console.rules.config import DEFAULT_RULES, parse_rules

    data = json.loads(DEFAULT_RULES.read_text(encoding="utf-8"))
    data["vms"]["sources"]["ais_b"] = {"lost_after_s": 1800}
    policy = parse_rules(data).freshness()
    assert policy.ais_b.lost_after_s == 1800
    assert policy.ais_b.report_interval_s == 30  # the rest keeps AIS class B's defaults
    assert policy.ais_a.lost_after_s == 360
    assert policy.vms.lost_after_s == 21600


def test_same_vessel_by_registration_is_one_row_with_both_sources():
    store = VesselStore()
    # a VMS vessel whose registration is what the AIS transponder broadcasts as its name
    store.apply([vessel("v7", T0 - 5 * 3600, 109.3, 13.8, registration="CAPT J RIMES")])
    links = AisLinks.build(store.records(), ("registration",))
    store.apply(ais_batch(CLASS_B_NAMED, T0, links))
    assert len(store) == 1
    row = store.row_of("v7")
    assert store.sources[row] == SOURCE_BITS[VesselSource.VMS] | SOURCE_BITS[VesselSource.AIS_B]
    assert store.mmsi[row] == CLASS_B_NAMED
    assert store.at(row).registration == "CAPT J RIMES"  # the VMS identity is kept
    assert store.at(row).lon < -80  # the newer AIS position is shown
    # VMS alone: 5 h silent = late; AIS heard a minute ago: the vessel is reporting
    assert state(store, "v7", T0 + 60) is VmsState.FRESH
    # AIS out of range for 10 min, VMS still within its 2 h: reporting, not lost
    store.apply([vessel("v7", T0, 109.3, 13.8, registration="CAPT J RIMES")])
    assert state(store, "v7", T0 + 600) is VmsState.FRESH
    assert source_label(int(store.sources[row])) == "VMS + AIS B"


def test_mmsi_table_match_and_match_modes_are_configurable():
    fleet = [vessel("v9", T0, 109.3, 13.8, registration="BĐ-96789-TS")]
    by_table = AisLinks.build(fleet, ("mmsi",), {"BD 96789 TS": CLASS_B})
    store = VesselStore()
    store.apply(fleet)
    store.apply(ais_batch(CLASS_B, T0, by_table))
    assert len(store) == 1 and store.mmsi[store.row_of("v9")] == CLASS_B
    # registration matching switched off: the named AIS target stays its own row
    named = [vessel("v7", T0, 109.3, 13.8, registration="CAPT J RIMES")]
    store2 = VesselStore()
    store2.apply(named)
    store2.apply(ais_batch(CLASS_B_NAMED, T0, AisLinks.build(named, ("mmsi",))))
    assert len(store2) == 2


def test_a_lost_ais_target_is_not_a_dark_vessel_but_a_lost_vms_vessel_is():
    store = VesselStore()
    store.apply([vessel("v1", T0, 109.3, 13.8)])
    store.apply(ais_batch(CLASS_A, T0))
    later = T0 + 7 * 3600
    assert state(store, f"ais:{CLASS_A}", later) is VmsState.LOST
    assert [d.vessel_id for d in dark_vessels(store, later, POLICY)] == ["v1"]


def test_map_symbols_tell_ais_vms_and_both_apart(qtbot):
    store = VesselStore()
    store.apply([vessel("v1", T0, 109.3, 13.8), vessel("v7", T0, 109.4, 13.9,
                                                       registration="CAPT J RIMES")])
    links = AisLinks.build(store.records(), ("registration",))
    store.apply(ais_batch(CLASS_A, T0, links))
    store.apply(ais_batch(CLASS_B_NAMED, T0, links))
    layer = VesselLayer(store, FakeClock(T0 + 1), POLICY)
    cls = layer.symbol_classes()
    variant = {store.at(r).id: VARIANTS[int(cls[r]) % len(VARIANTS)] for r in range(len(store))}
    assert variant == {"v1": "vms", "v7": "both", f"ais:{CLASS_A}": "ais"}
    styles = layer.symbol_styles()
    assert styles[int(cls[store.row_of(f"ais:{CLASS_A}")])].variant == "ais"
    assert np.all(cls // len(VARIANTS) == VmsState.FRESH.value)  # same state, same colour
    layer.close()
