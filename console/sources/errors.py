"""Exceptions the data sources raise; each carries a message fit for an operator."""

from __future__ import annotations


class SourceError(Exception):
    """Base class: something went wrong talking to a data source."""


class BackendUnreachable(SourceError):
    """Connection refused, DNS failure, timeout: the backend did not answer."""


class AuthError(SourceError):
    """The backend refused our credentials (401/403)."""


class BadResponse(SourceError):
    """The backend answered, but with something we cannot accept (5xx, bad JSON, bad schema)."""


class NotFound(SourceError):
    """The item asked for does not exist (404)."""


class Conflict(SourceError):
    """409: the item changed since we read it. `current` holds the backend's state."""

    def __init__(self, message: str, current: object) -> None:
        super().__init__(message)
        self.current = current


class Rejected(SourceError):
    """4xx other than the above: the request itself was refused (message from the server)."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


class Forbidden(Rejected):
    """403: the user's role may not do this. Not retried: the message (from the server)
    names the role needed and is shown to the operator as is."""

    def __init__(self, message: str, required_role: str | None = None) -> None:
        super().__init__(message, 403)
        self.required_role = required_role
