"""Data sources as configuration: the settings file's `sources` list and the registry
of source kinds that can run them.

The per-user settings file (console/config_file.py) holds one table per source:

    [[sources]]
    kind = "ogcapi-features"      # "backend" | "ogcapi-features" | "sensorthings" | "ais"
    name = "Land parcels"
    url = "https://gis.example.vn/ogcapi/collections/parcels"
    enabled = true
    interval_s = 300              # optional: seconds between refreshes (absent: the kind's)

Credentials never live there: user/password or a token go to the OS keyring through
`console.secrets.store_credentials(kind, url, Credentials(...))`.

Plugging in a kind (one entry each)
-----------------------------------
A kind registers one `SourceKind` at import time:

    register(SourceKind(
        kind="sensorthings",
        title=lambda: _tr("Sources", "SensorThings API"),
        credentials="basic-or-token",      # "none" | "basic" | "token" | "basic-or-token"
        default_interval_s=60.0,
        check_url=lambda url: None if url.startswith(("http://", "https://")) else "...",
        start=start_sensorthings,          # (host, entry) -> RunningSource, or None
    ))

and the module that registers it is listed in `widgets/sources/kinds.py`
(`KIND_MODULES`), which the Sources feature imports at start. `start(host, entry)` is
called on the GUI thread for every enabled entry of the kind; `host` offers:

- `host.app`: the `ConsoleApp` (job runner for blocking work, stores, settings, clock);
- `host.health`: the `HealthBoard` (console/sources/health.py): register the source with
  `health.register(health_key(entry), entry.kind, entry.name, entry.url)`, then report
  `health.data(key, items)` on each arrival and `health.error(key, text)` on each
  failure: the status area, the Sources page and the per-source banner follow from that;
- `host.credentials(entry)`: the keyring's `Credentials` or None (read it on a worker if
  the keyring may be slow);
- `host.shell`: the window's `FeatureShell`, for kinds that add map layers.

It returns an object with `stop()` (called when the source is removed or the window
closes). Never block the GUI thread: network and disk go through `host.app.runner`.
A kind whose module is not installed leaves its entries listed, marked unavailable.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

KIND_NAMES = ("backend", "ogcapi-features", "sensorthings", "ais")
CREDENTIAL_MODES = ("none", "basic", "token", "basic-or-token")


@dataclass(frozen=True, slots=True)
class SourceEntry:
    """One configured source (one `[[sources]]` table)."""

    kind: str
    name: str
    url: str
    enabled: bool = True
    interval_s: float | None = None

    @property
    def key(self) -> str:
        """The source's identity in the health board and the keyring."""
        return source_key(self.kind, self.url)

    def to_dict(self) -> dict[str, object]:
        out: dict[str, object] = {
            "kind": self.kind, "name": self.name, "url": self.url, "enabled": self.enabled
        }
        if self.interval_s is not None:
            out["interval_s"] = self.interval_s
        return out


def http_url_problem(url: str) -> str | None:
    """`check_url` of the kinds reached over HTTP(S): what is wrong with `url`, or None."""
    if not url.startswith(("http://", "https://")):
        return "must start with http:// or https://"
    return None


def source_key(kind: str, url: str) -> str:
    return f"{kind}:{url}"


class RunningSource(Protocol):
    def stop(self) -> None: ...


@dataclass(frozen=True, slots=True)
class SourceKind:
    kind: str
    title: Callable[[], str]  # translated name for the Sources page
    credentials: str = "none"
    default_interval_s: float | None = None
    check_url: Callable[[str], str | None] | None = None  # None: fine, else the problem
    start: Callable[[Any, SourceEntry], RunningSource | None] | None = None
    # one spelling per source (e.g. a collection URL with or without /items): the health
    # board knows a source by source_key(kind, normalize_url(url)) = health_key(entry)
    normalize_url: Callable[[str], str] | None = None


_KINDS: dict[str, SourceKind] = {}


def register(kind: SourceKind) -> None:
    """Add (or replace) a kind. Its name must be one of KIND_NAMES, so that settings
    files stay readable by every console version that knows the list."""
    if kind.kind not in KIND_NAMES:
        raise ValueError(f"unknown source kind {kind.kind!r} (add it to KIND_NAMES)")
    if kind.credentials not in CREDENTIAL_MODES:
        raise ValueError(f"credentials must be one of {CREDENTIAL_MODES}")
    _KINDS[kind.kind] = kind


def kind_of(name: str) -> SourceKind | None:
    return _KINDS.get(name)


def kinds() -> list[SourceKind]:
    return [_KINDS[k] for k in KIND_NAMES if k in _KINDS]


def health_key(entry: SourceEntry) -> str:
    """The key under which the running source reports its health."""
    kind = _KINDS.get(entry.kind)
    url = kind.normalize_url(entry.url) if kind and kind.normalize_url else entry.url
    return source_key(entry.kind, url)


def check_entry(entry: SourceEntry) -> str | None:
    """What is wrong with `entry` (None: nothing). Kind-specific URL rules come from the
    registered kind; an unregistered kind is accepted (listed as unavailable)."""
    if entry.kind not in KIND_NAMES:
        return f"kind must be one of {', '.join(KIND_NAMES)}"
    if not entry.name.strip():
        return "name must not be empty"
    if not entry.url.strip():
        return "url must not be empty"
    if entry.interval_s is not None and not (
        math.isfinite(entry.interval_s) and entry.interval_s >= 1
    ):
        return "interval_s must be at least 1 second"
    kind = _KINDS.get(entry.kind)
    if kind is not None and kind.check_url is not None:
        return kind.check_url(entry.url)
    return None


def parse_entries(raw: object) -> tuple[tuple[SourceEntry, ...], list[str]]:
    """The `sources` list of the settings file -> entries and the problems (each bad
    entry is named and skipped; the good ones are kept)."""
    if not isinstance(raw, list | tuple):
        return (), ["sources: must be a list of [[sources]] tables"]
    entries: list[SourceEntry] = []
    errors: list[str] = []
    seen: set[str] = set()
    for i, raw_item in enumerate(raw):
        where = f"sources[{i + 1}]"
        item = raw_item.to_dict() if isinstance(raw_item, SourceEntry) else raw_item
        if not isinstance(item, dict):
            errors.append(f"{where}: must be a table")
            continue
        unknown = set(item) - {"kind", "name", "url", "enabled", "interval_s"}
        if unknown:
            errors.append(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
            continue
        interval = item.get("interval_s")
        enabled = item.get("enabled", True)
        number = isinstance(interval, int | float) and not isinstance(interval, bool)
        if (
            not isinstance(enabled, bool)
            or not (interval is None or number)
            or not all(isinstance(item.get(k), str) for k in ("kind", "name", "url"))
        ):
            errors.append(f"{where}: kind, name and url are text, enabled true/false, "
                          "interval_s a number")
            continue
        entry = SourceEntry(
            item["kind"], item["name"].strip(), item["url"].strip(), enabled,
            None if interval is None else float(interval),
        )
        problem = check_entry(entry)
        if problem:
            errors.append(f"{where} ({entry.name or entry.url}): {problem}")
            continue
        if entry.key in seen:
            errors.append(f"{where}: {entry.kind} {entry.url} is listed twice")
            continue
        seen.add(entry.key)
        entries.append(entry)
    return tuple(entries), errors
