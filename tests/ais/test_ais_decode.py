"""Decoding real recorded AIS sentences: class A and B positions, static data 5 and 24
joined by MMSI, multi-part messages, and damaged lines counted and skipped."""

from __future__ import annotations

import pytest

from console.model.freshness import VesselSource
from console.sources.ais.decode import AisDecoder
from console.sources.ais.identity import AisIdentities
from tests.ais.data import CLASS_A, DAMAGED, GPSD, PYAIS, T0, lines


def decode(*paths):
    d = AisDecoder(now=lambda: T0)
    positions = []
    for path in paths:
        positions += d.feed(lines(path)).positions
    return d, positions


def test_class_a_position_matches_the_reference_decode():
    # GPSD's file gives this sentence's decode, checked with two other decoders
    _d, positions = decode(GPSD)
    p = next(p for p in positions if p.mmsi == 371798000)
    assert p.source is VesselSource.AIS_A
    assert p.speed_kn == pytest.approx(12.3)
    assert p.lon == pytest.approx(-123.395383, abs=1e-5)
    assert p.lat == pytest.approx(48.381633, abs=1e-5)
    assert p.course_deg == pytest.approx(224.0)
    assert p.fix_time == T0 - 27  # its time stamp is second 33: the minute before T0


def test_two_part_type_5_gives_the_ship_static_data():
    d, _ = decode(GPSD)
    ever = d.statics[351759000]
    assert (ever.name, ever.callsign, ever.imo) == ("EVER DIADEM", "3FOF8", 9134270)
    assert ever.length_m == 225 + 70  # to bow + to stern


def test_class_b_positions_and_type_19_and_24_static_data():
    d, positions = decode(GPSD)
    class_b = {p.mmsi for p in positions if p.source is VesselSource.AIS_B}
    assert {338087471, 338088483, 368161000, 367059850} <= class_b
    assert d.statics[367059850].name == "CAPT.J.RIMES"  # type 19: position + name
    assert d.statics[271040660].name == "GOZDEM-1"  # type 24 part A
    assert d.statics[271040660].callsign == "YM5504"  # ... and part B, joined by MMSI


def test_static_data_is_joined_to_positions_by_mmsi():
    d, positions = decode(GPSD)
    identities = AisIdentities(d.statics)
    batch = identities.batch([p for p in positions if p.mmsi == 367059850])
    (record,) = batch.records
    assert record.id == "ais:367059850"
    assert record.name == "CAPT.J.RIMES"
    assert batch.source.tolist() == [VesselSource.AIS_B]
    assert batch.mmsi.tolist() == [367059850]


def test_a_real_receivers_traffic_decodes_with_its_empty_payloads_counted():
    d, positions = decode(PYAIS)
    c = d.counters
    assert c.sentences == 898
    # 100 empty payloads ("!AIVDM,1,1,,B,,0*25"); and the recording holds 20 first halves
    # of two-part messages without their second: 8 are overtaken by a new message with
    # the same sequence id (counted bad), 12 still wait at the end
    assert c.bad == 100 + 8
    assert c.decoded == 898 - 100 - 20
    assert len(positions) == c.positions == 663 + 76 + 19  # types 1, 3 and 18 with a fix
    assert c.last_data is not None


def test_damaged_lines_are_counted_and_skipped_never_fatal():
    d = AisDecoder(now=lambda: T0)
    out = d.feed([*DAMAGED, CLASS_A, b"$GPGGA,184353.07,1929.045,S,02410.506,E,1,04*6D"])
    assert d.counters.bad == len(DAMAGED)
    assert d.counters.decoded == 1
    assert [p.mmsi for p in out.positions] == [371798000]  # the good line after them


def test_receiver_fields_after_the_checksum_are_tolerated():
    # GPSD's file keeps some sentences as receivers logged them, with fields after the
    # checksum (",s36310,d-081,T59.01777335"); and one line that lost its "!"
    d, _ = decode(GPSD)
    assert d.counters.decoded == 102
    assert d.counters.bad == 1


def test_a_two_part_message_waits_for_its_second_part():
    first, second = [ln for ln in lines(GPSD) if (ln.startswith(b"!AIVDM,2,") and b",1,A,55?" in ln)
                     or ln.startswith(b"!AIVDM,2,2,1,A,888")][:2]
    d = AisDecoder(now=lambda: T0)
    d.feed([first])
    assert 351759000 not in d.statics and d.counters.decoded == 0
    d.feed([second])
    assert d.statics[351759000].name == "EVER DIADEM"
    assert (d.counters.decoded, d.counters.bad) == (1, 0)
