"""Who the console is signed in as, according to the backend (GET /api/v1/me).

The backend enforces rights; the console only mirrors them so it can disable, and
explain, what the user's role may not do instead of letting the operator find out
from a refusal.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Identity:
    name: str
    role: str  # viewer / operator / supervisor
    shared: bool  # the demo account: several people, so actions carry a local name
    permissions: frozenset[str]

    def may(self, permission: str) -> bool:
        return permission in self.permissions

    def actor(self, local_name: str) -> str:
        """The name an action records: the account's own, or on a shared account the
        operator name set on this workstation."""
        return (local_name or self.name) if self.shared else self.name
