"""NMEA 0183 AIS lines -> position reports and static data, with counters.

Why our own loop around pyais instead of its stream classes: those skip bad lines
silently, and an operator (and the source's health) must see how many lines were
malformed, truncated or failed their checksum. Parsing, checksums, fragment assembly
(`AISSentence.assemble_from_iterable`) and payload decoding are pyais's.

Pure Python, no Qt: runs on the source's reader thread; one decoder per source.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from pyais.exceptions import AISBaseException, UnknownMessageException
from pyais.messages import AISSentence, NMEASentenceFactory

from console.model.freshness import VesselSource

MAX_PENDING_FRAGMENTS = 64  # multi-part messages waiting for their next part
_POSITION_A = frozenset((1, 2, 3))
_POSITION_B = frozenset((18, 19))
_MOORED = 5  # navigational status "moored" (ITU-R M.1371-5, message 1 table)


@dataclass(slots=True)
class AisCounters:
    """Health of one AIS source. `sentences`: NMEA lines read (comments and blank lines
    are not); `decoded`: AIS messages decoded (a multi-part message counts once); `bad`:
    lines that were malformed, truncated, failed their checksum, or whose payload would
    not decode; `other`: well-formed NMEA that is not AIS ($GPGGA ...), ignored.
    `last_data`: wall-clock time of the last decoded message (None: none yet);
    `cpu_s`: CPU time the decoding process has used (what a sentence costs, whatever the
    machine's load)."""

    sentences: int = 0
    decoded: int = 0
    bad: int = 0
    other: int = 0
    positions: int = 0
    last_data: float | None = None
    cpu_s: float = 0.0

    def copy(self) -> AisCounters:
        return AisCounters(
            self.sentences, self.decoded, self.bad, self.other, self.positions, self.last_data,
            self.cpu_s,
        )


@dataclass(frozen=True, slots=True)
class AisPosition:
    """One position report (messages 1/2/3 class A, 18/19 class B). `fix_time` in epoch
    seconds: the receive time moved back to the report's own UTC second."""

    mmsi: int
    source: VesselSource
    lon: float
    lat: float
    fix_time: float
    speed_kn: float
    course_deg: float
    moored: bool


@dataclass(slots=True)
class AisStatic:
    """Static data of one MMSI, merged from messages 5 (class A), 19 and 24 A/B (class
    B) as they arrive: each fills what it carries."""

    name: str = ""
    callsign: str = ""
    imo: int = 0
    ship_type: int = 0
    length_m: float = 0.0


@dataclass(slots=True)
class Decoded:
    """What a batch of lines produced: positions in arrival order, and the MMSIs whose
    static data changed (their merged record is in `AisDecoder.statics`)."""

    positions: list[AisPosition] = field(default_factory=list)
    statics_changed: set[int] = field(default_factory=set)


def _fix_time(received: float, second: int) -> float:
    """The receive time moved back to the report's UTC second (0-59; 60+ means not
    available): freshness is judged by when the fix was made, not when it came in."""
    if not 0 <= second <= 59:
        return received
    back = (int(received) % 60 - second) % 60
    return float(int(received) - back)


class AisDecoder:
    """Feed it lines (bytes, one sentence each, CR/LF allowed); it returns what they
    decoded and keeps counters and the per-MMSI static data. Not thread-safe: one
    reader thread owns it."""

    def __init__(
        self, now: Callable[[], float] = time.time, use_tag_time: bool = False
    ) -> None:
        """`now` is the receive clock (the console passes its data clock); with
        `use_tag_time`, a tag block's receiver time (`c:`) is the receive time instead."""
        self.now = now
        self.use_tag_time = use_tag_time
        self.counters = AisCounters()
        self.statics: dict[int, AisStatic] = {}
        self._fragments: OrderedDict[tuple, list[AISSentence]] = OrderedDict()

    def feed(self, lines: Iterable[bytes]) -> Decoded:
        out = Decoded()
        received = self.now()
        for line in lines:
            self._line(line, received, out)
        return out

    def _line(self, line: bytes, received: float, out: Decoded) -> None:
        line = line.strip()
        if not line or line[:1] == b"#":
            return
        c = self.counters
        c.sentences += 1
        if line[:1] == b"!":
            # receivers (ShipPlotter-style logs, AISHub) append their own fields after
            # the checksum (",s36310,d-081,T59.0,r08TPHI1"): the sentence ends at "*hh"
            star = line.find(b"*")
            if 0 < star < len(line) - 3:
                line = line[: star + 3]
        try:
            sentence = NMEASentenceFactory.produce(line)
        except UnknownMessageException:
            if line[:1] in b"$!\\":
                c.other += 1  # NMEA, but not AIS ($GPGGA from the receiver's GPS ...)
            else:
                c.bad += 1
            return
        except (AISBaseException, ValueError, IndexError, TypeError):
            c.bad += 1  # not NMEA, truncated, a broken tag block or field
            return
        if not isinstance(sentence, AISSentence):
            c.other += 1
            return
        if not sentence.is_valid:
            c.bad += 1  # checksum
            return
        if sentence.frag_cnt > 1:
            whole = self._assemble(sentence)
            if whole is None:
                return
            sentence = whole
        try:
            message = sentence.decode()
        except (AISBaseException, ValueError, IndexError, TypeError):
            c.bad += 1  # empty or short payload, unknown type
            return
        c.decoded += 1
        c.last_data = time.time()
        if self.use_tag_time and sentence.tag_block is not None:
            received = self._tag_time(sentence, received)
        self._message(message, received, out)

    def _assemble(self, part: AISSentence) -> AISSentence | None:
        """Collect the parts of a multi-part message (in order, on one channel and
        sequence id); the whole message once its last part is in. An orphan or
        out-of-order part is counted bad; so is a message evicted unfinished."""
        key = (part.seq_id, part.channel, part.talker_id, part.frag_cnt)
        parts = self._fragments.get(key)
        if part.frag_num == 1:
            if parts is not None:
                self.counters.bad += len(parts)  # its predecessor never finished
            self._fragments[key] = [part]
            self._fragments.move_to_end(key)
            while len(self._fragments) > MAX_PENDING_FRAGMENTS:
                _, dropped = self._fragments.popitem(last=False)
                self.counters.bad += len(dropped)
            return None
        if parts is None or part.frag_num != len(parts) + 1:
            self.counters.bad += 1
            return None
        parts.append(part)
        if len(parts) < part.frag_cnt:
            return None
        del self._fragments[key]
        return AISSentence.assemble_from_iterable(parts)

    @staticmethod
    def _tag_time(sentence: AISSentence, received: float) -> float:
        tag = sentence.tag_block
        try:
            tag.init()
            stamp = float(tag.receiver_timestamp or "nan")
        except (AISBaseException, ValueError, TypeError):
            return received
        if stamp > 1e11:  # some receivers write milliseconds
            stamp /= 1000.0
        return stamp if stamp > 0 else received

    def _message(self, m, received: float, out: Decoded) -> None:
        kind = m.msg_type
        if kind in _POSITION_A or kind in _POSITION_B:
            if kind == 19:
                self._static(m.mmsi, out, name=m.shipname, ship_type=int(m.ship_type),
                             length=m.to_bow + m.to_stern)
            lon, lat = float(m.lon), float(m.lat)
            if not (-180.0 <= lon <= 180.0 and -90.0 <= lat <= 90.0):
                return  # 181 / 91: position not available
            source = VesselSource.AIS_A if kind in _POSITION_A else VesselSource.AIS_B
            speed = float(m.speed)
            course = float(m.course)
            moored = kind in _POSITION_A and int(m.status) == _MOORED
            out.positions.append(
                AisPosition(
                    int(m.mmsi), source, lon, lat, _fix_time(received, int(m.second)),
                    speed if speed < 102.3 else 0.0,  # 102.3: not available
                    course if course < 360.0 else 0.0,  # 360: not available
                    moored,
                )
            )
            self.counters.positions += 1
        elif kind == 5:
            self._static(m.mmsi, out, name=m.shipname, callsign=m.callsign, imo=int(m.imo),
                         ship_type=int(m.ship_type), length=m.to_bow + m.to_stern)
        elif kind == 24:
            if int(m.partno) == 0:
                self._static(m.mmsi, out, name=m.shipname)
            elif int(m.partno) == 1:
                self._static(m.mmsi, out, callsign=m.callsign, ship_type=int(m.ship_type),
                             length=getattr(m, "to_bow", 0) + getattr(m, "to_stern", 0))

    def _static(
        self, mmsi: int, out: Decoded, name: str = "", callsign: str = "", imo: int = 0,
        ship_type: int = 0, length: float = 0.0,
    ) -> None:
        """Merge what one static message carries (text fields trimmed of AIS padding)."""
        s = self.statics.setdefault(int(mmsi), AisStatic())
        name = (name or "").strip(" @")
        callsign = (callsign or "").strip(" @")
        if name:
            s.name = name
        if callsign:
            s.callsign = callsign
        if imo:
            s.imo = imo
        if ship_type:
            s.ship_type = ship_type
        if length:
            s.length_m = float(length)
        out.statics_changed.add(int(mmsi))
