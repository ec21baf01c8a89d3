"""The console's text/event-stream parser against the event-stream rules it relies on."""

from __future__ import annotations

import pytest

from console.sources import wire
from console.sources.errors import BadResponse
from console.sources.stream import SseEvent, SseParser

STREAM = (b"retry: 1000\n\n: a comment\nid: vessels:5\nevent: vessels\ndata: {\"a\":1}\n\n"
          b"event: heartbeat\r\ndata: one\r\ndata: two\r\n\r\n"
          b"id: x\rdata:no-space\r\r"
          b"event: nothing\n\n")
EXPECTED = [SseEvent("vessels", '{"a":1}', "vessels:5"),
            SseEvent("heartbeat", "one\ntwo", None),
            SseEvent("message", "no-space", "x")]


def test_whole_stream():
    parser = SseParser()
    assert parser.feed(STREAM) == EXPECTED
    assert parser.retry_ms == 1000


@pytest.mark.parametrize("size", [1, 2, 3, 7])
def test_any_split_of_the_bytes_gives_the_same_events(size):
    """Chunks end anywhere, between a CR and its LF too."""
    parser = SseParser()
    events = []
    for i in range(0, len(STREAM), size):
        events += parser.feed(STREAM[i:i + size])
    assert events == EXPECTED


def test_multibyte_text_split_across_chunks():
    data = 'data: {"name":"Cầu Thị Nại"}\n\n'.encode()
    parser = SseParser()
    events = [e for i in range(len(data)) for e in parser.feed(data[i:i + 1])]
    assert events == [SseEvent("message", '{"name":"Cầu Thị Nại"}', None)]


def test_an_endless_event_is_refused(monkeypatch):
    monkeypatch.setattr("console.sources.stream.MAX_EVENT_BYTES", 100)
    parser = SseParser()
    with pytest.raises(BadResponse):
        for _ in range(20):
            parser.feed(b"data: " + b"x" * 10 + b"\n")


def test_stream_cursor_round_trip_and_refusals():
    positions = {"vessels": (57, 1234), "stations": (60, None), "closures": (0, None)}
    text = wire.encode_stream_cursor(positions)
    assert text == "vessels:57:1234,stations:60,closures:0"
    assert wire.decode_stream_cursor(text) == positions
    assert wire.decode_stream_cursor("") == {}
    for bad in ("ships:1", "vessels", "vessels:-1", "vessels:1:2:3", "vessels:x",
                f"vessels:{2**63}"):
        with pytest.raises(ValueError):
            wire.decode_stream_cursor(bad)


def test_a_large_event_in_small_chunks():
    """A page-sized event cut into socket-sized reads: whole, once."""
    data = "x" * 2_000_000
    raw = f"id: a\nevent: vessels\ndata: {data}\n\n".encode()
    parser = SseParser()
    events = [e for i in range(0, len(raw), 4096) for e in parser.feed(raw[i:i + 4096])]
    assert events == [SseEvent("vessels", data, "a")]
