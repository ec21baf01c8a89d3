"""Real recorded sentences over the OS's TCP and UDP on loopback, through `AisSource`
(reader thread -> pyais -> identities) into the vessel store; damaged lines in the
stream are counted and the stream goes on."""

from __future__ import annotations

import socket
import threading

import pytest

from console.sources.ais.decode import AisDecoder
from console.sources.ais.source import AisSource
from console.stores.vessels import VesselStore
from tests.ais.data import DAMAGED, GPSD, PYAIS, T0, lines


def expected(*paths):
    d = AisDecoder(now=lambda: T0)
    mmsis = set()
    for path in paths:
        mmsis |= {p.mmsi for p in d.feed(lines(path)).positions}
    return d.counters, mmsis


class OneShotTcpServer:
    """Accepts one client and sends `payload` in uneven pieces (sentences cut across
    reads, as TCP delivers them), then keeps the connection open until closed."""

    def __init__(self, payload: bytes, port: int = 0) -> None:
        self.sock = socket.create_server(("127.0.0.1", port))
        self.port = self.sock.getsockname()[1]
        self.payload = payload
        self.done = threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        self.sock.settimeout(20)
        conn, _ = self.sock.accept()
        with conn:
            data, i, step = self.payload, 0, 1
            while i < len(data):
                conn.sendall(data[i : i + step])
                i += step
                step = step * 7 % 1499 + 1  # 1, 8, 57, 400, ... bytes: cuts anywhere
            self.done.wait(20)

    def close(self) -> None:
        self.done.set()
        self.thread.join(5)
        self.sock.close()


def run_source(qtbot, url: str, store: VesselStore) -> AisSource:
    source = AisSource(url, now=lambda: T0)
    source.batch_ready.connect(store.apply)
    source.start()
    return source


def test_tcp_client_receives_real_sentences_and_counts_damaged_lines(qtbot):
    payload = b"\r\n".join([*lines(GPSD), *DAMAGED, *lines(PYAIS)]) + b"\r\n"
    server = OneShotTcpServer(payload)
    want, mmsis = expected(GPSD, PYAIS)
    store = VesselStore()
    source = run_source(qtbot, f"tcp://127.0.0.1:{server.port}", store)
    try:
        qtbot.waitUntil(lambda: source.health().counters.sentences == want.sentences
                        + len(DAMAGED), timeout=20000)
        qtbot.waitUntil(lambda: len(store) == len(mmsis), timeout=10000)
        c = source.health().counters
        assert c.decoded == want.decoded
        assert c.bad == want.bad + len(DAMAGED)
        assert source.health().state == "receiving"
        assert {store.at(r).id for r in range(len(store))} == {f"ais:{m}" for m in mmsis}
    finally:
        source.stop()
        server.close()


def test_tcp_reconnects_after_the_server_is_down(qtbot):
    probe = socket.create_server(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()  # nothing listens there now
    store = VesselStore()
    source = run_source(qtbot, f"tcp://127.0.0.1:{port}", store)
    try:
        qtbot.waitUntil(lambda: source.health().state == "error", timeout=10000)
        assert "refused" in source.health().error
        server = OneShotTcpServer(b"\r\n".join(lines(GPSD)) + b"\r\n", port)  # back
        try:
            qtbot.waitUntil(lambda: len(store) > 0, timeout=20000)
            assert source.health().state == "receiving"
            assert source.health().error == ""
        finally:
            server.close()
    finally:
        source.stop()


def test_udp_listener_receives_real_sentences(qtbot):
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    store = VesselStore()
    source = run_source(qtbot, f"udp://127.0.0.1:{port}", store)
    want, mmsis = expected(PYAIS)
    sender = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        assert source.listening.wait(10)
        recorded = lines(PYAIS)
        for bad in DAMAGED:
            sender.sendto(bad, ("127.0.0.1", port))
        # receivers send one sentence per datagram, or a few lines in one
        for i in range(0, len(recorded), 3):
            sender.sendto(b"\r\n".join(recorded[i : i + 3]), ("127.0.0.1", port))
        total = want.sentences + len(DAMAGED)
        qtbot.waitUntil(lambda: source.health().counters.sentences == total, timeout=20000)
        qtbot.waitUntil(lambda: len(store) == len(mmsis), timeout=10000)
        c = source.health().counters
        assert c.decoded == want.decoded
        assert c.bad == want.bad + len(DAMAGED)
    finally:
        sender.close()
        source.stop()


def test_file_replays_as_fast_as_possible_and_finishes(qtbot, tmp_path):
    store = VesselStore()
    source = run_source(qtbot, f"file://{GPSD}?replay=fast", store)
    with qtbot.waitSignal(source.first_data, timeout=10000):
        pass
    qtbot.waitUntil(lambda: source.health().state == "finished", timeout=10000)
    assert source.health().counters.decoded == 102
    source.stop()


def test_a_missing_file_is_an_error_not_a_crash(qtbot, tmp_path):
    source = run_source(qtbot, f"file://{tmp_path / 'none.nmea'}", VesselStore())
    qtbot.waitUntil(lambda: source.health().state == "error", timeout=10000)
    assert "none.nmea" in source.health().error
    source.stop()


@pytest.mark.parametrize(
    "url", ["tcp://:5631", "udp://", "http://x:1", "file://", "tcp://host:99999", "ais"]
)
def test_bad_addresses_are_refused_with_a_readable_reason(url):
    with pytest.raises(ValueError, match="tcp://HOST:PORT"):
        AisSource(url)
