"""What one request gives back, shared by every part of the REST client: a raw `Reply`
and an incremental `Page` of parsed items. Its own module so the endpoint modules
(rest_v1, rest_decisions) import it without importing each other."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    """One incremental poll: the items changed since the last cursor, and the new cursor.

    `after` is set when the backend cut the page at the requested limit: the next call
    passes since=cursor, after=after and continues exactly there."""

    items: Sequence[T]
    cursor: int
    server_time: float
    after: int | None = None

    @property
    def complete(self) -> bool:
        return self.after is None


@dataclass(frozen=True, slots=True)
class Reply:
    status: int
    body: bytes
