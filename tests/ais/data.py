"""The recorded AIS files shipped in resources/ais (sources and licences: README.md)."""

from __future__ import annotations

from pathlib import Path

from resources.ais import GPSD_SAMPLE, PYAIS_SAMPLE

GPSD = GPSD_SAMPLE
PYAIS = PYAIS_SAMPLE
T0 = 1_800_000_000.0  # receive clock of the tests (a minute boundary: second 0)

# damaged lines a real feed carries, each must be counted bad and skipped
CLASS_A = b"!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A"  # first sentence of GPSD's file
DAMAGED = [
    b"!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4B",  # checksum off by one
    b"!AIVDM,1,1,,A,15RTgt0PAso;90TKcj",  # truncated mid-payload
    b"!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ",  # no checksum field
    b"!AIVDM,1,1,,A,,0*26",  # empty payload (valid checksum)
    b"!AIVDM,2,2,9,A,88888888880,2*2D",  # second part with no first part
    b"\xff\xfe!AIVDM garbage",  # not ASCII
    b"IamNotAnAisMessage",
    b"!AIVDM,9,1,1,A,15RT,0*00",
]


def lines(path: Path) -> list[bytes]:
    return path.read_bytes().splitlines()


def sentences_of(path: Path, mmsi: int) -> list[bytes]:
    """The recorded line(s) of one MMSI's single-part messages (found by decoding)."""
    from pyais import decode

    found = []
    for line in lines(path):
        if not line.startswith(b"!AIVDM,1,1"):
            continue
        try:
            if decode(line.split(b",s")[0].split(b",d-")[0]).mmsi == mmsi:
                found.append(line)
        except Exception:
            continue
    return found
