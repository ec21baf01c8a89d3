"""AIS source addresses: `tcp://HOST:PORT`, `udp://[HOST]:PORT`, `file://PATH`.

A file replays at its own tag-block times (`c:`) by default; `?replay=fast` reads it as
fast as the decoder goes (tests, benches); `&loop=1` starts again at the end (a demo).
Parsing is strict and its errors say what a valid address looks like (the command line
and the settings file show them as they are).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

from console.i18n import translate as _tr

SCHEMES = ("tcp", "udp", "file")


@dataclass(frozen=True, slots=True)
class AisEndpoint:
    scheme: str  # "tcp" | "udp" | "file"
    host: str = ""  # tcp: the receiver; udp: the address to listen on ("" = all)
    port: int = 0
    path: str = ""  # file
    fast: bool = False  # file: as fast as possible instead of at the recorded times
    loop: bool = False  # file: start again at the end
    url: str = ""

    def __str__(self) -> str:
        return self.url


def _bad(url: str) -> ValueError:
    return ValueError(
        _tr("AisEndpoint", "not an AIS source address: %1 (use tcp://HOST:PORT, "
            "udp://:PORT or file://PATH)").replace("%1", url)
    )


def parse_endpoint(url: str) -> AisEndpoint:
    """Parse an AIS address; ValueError with a readable reason when it is not one."""
    text = url.strip()
    parts = urlsplit(text)
    scheme = parts.scheme.lower()
    if scheme not in SCHEMES:
        raise _bad(url)
    if scheme == "file":
        path = unquote(parts.netloc + parts.path)
        if not path:
            raise _bad(url)
        query = parse_qs(parts.query)
        replay = query.get("replay", ["timed"])[0]
        if replay not in ("timed", "fast"):
            raise _bad(url)
        loop = query.get("loop", ["0"])[0] in ("1", "true", "yes")
        return AisEndpoint("file", path=str(Path(path).expanduser()), fast=replay == "fast",
                           loop=loop, url=text)
    try:
        port = parts.port
    except ValueError:
        raise _bad(url) from None
    if port is None or not 0 < port < 65536 or parts.path not in ("", "/"):
        raise _bad(url)
    host = parts.hostname or ""
    if scheme == "tcp" and not host:
        raise _bad(url)
    return AisEndpoint(scheme, host=host, port=port, url=text)
