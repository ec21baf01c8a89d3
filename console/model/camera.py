"""Traffic / security cameras."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Camera:
    id: str
    name: str
    kind: str  # "traffic" | "security"
    status: str  # "online" | "offline"
    lon: float
    lat: float
    last_seen: float
