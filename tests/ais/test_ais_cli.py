"""`--ais URL` on the command line, and the wiring `start_ais` uses: batches into the
vessel store, VMS vessels that arrive later re-linked to their AIS targets."""

from __future__ import annotations

import pytest

from console.rules.config import AisMatchSettings
from console.sources.ais.attach import AisIngest, AisReadiness
from console.sources.ais.source import AisSource
from console.stores.vessels import VesselStore
from main import parse_args
from tests.ais.data import GPSD, T0
from tests.live.conftest import vessel


def test_ais_option_is_repeatable_and_checked():
    args = parse_args(["--ais", "tcp://192.0.2.7:5631", "--ais", "udp://:10110",
                       "--ais", "file:///var/log/ais.nmea?replay=fast&loop=1"])
    assert args.ais == ["tcp://192.0.2.7:5631", "udp://:10110",
                        "file:///var/log/ais.nmea?replay=fast&loop=1"]
    assert parse_args([]).ais == []


@pytest.mark.parametrize("url", ["tcp://:5631", "serial:///dev/ttyUSB0", "udp://:0"])
def test_a_bad_ais_address_stops_at_the_command_line(url, capsys):
    with pytest.raises(SystemExit) as exc:
        parse_args(["--ais", url])
    assert exc.value.code == 2
    assert "--ais" in capsys.readouterr().err


def test_ingest_merges_batches_and_relinks_when_the_vms_fleet_arrives(qtbot):
    store = VesselStore()
    source = AisSource(f"file://{GPSD}?replay=fast", now=lambda: T0)
    ingest = AisIngest(source, store, AisMatchSettings(("registration",)))
    # the VMS vessel arrives first: its registration is the AIS name of MMSI 367059850
    store.apply([vessel("v7", T0 - 600, 109.3, 13.8, registration="CAPT J RIMES")])
    ready = AisReadiness([source])
    with qtbot.waitSignal(ready.ready, timeout=10000):
        source.start()
    qtbot.waitUntil(lambda: source.health().state == "finished", timeout=10000)
    qtbot.waitUntil(lambda: store.mmsi[store.row_of("v7")] == 367059850, timeout=5000)
    assert store.row_of("ais:367059850") is None  # shown once, as the VMS vessel
    assert store.row_of("ais:371798000") is not None  # other targets: AIS only
    ingest.close()
