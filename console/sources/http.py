"""HTTP session for backend clients: timeouts, retries on idempotent calls, auth, redaction.

`requests` has no timeout and no retries by default; every call here has both
(retries only for idempotent GETs, with jittered backoff so a control room full of
consoles does not hammer a recovering backend in lockstep).
"""

from __future__ import annotations

import time

import requests
import urllib3
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from console.redact import redact
from console.sources.errors import BackendUnreachable, BadResponse
from console.sources.http_settings import HttpSettings
from console.sources.pages import Reply

MAX_BODY_BYTES = 64 * 1024 * 1024


def make_session(token: str | None, settings: HttpSettings, user_agent: str) -> requests.Session:
    """A session whose GETs retry on connection errors and 502/503/504 (never POSTs:
    a retried action is the outbox's job, with an idempotency key)."""
    session = requests.Session()
    retry = Retry(
        total=settings.get_retries,
        connect=settings.get_retries,
        read=settings.get_retries,
        status=settings.get_retries,
        backoff_factor=settings.backoff_factor_s,
        backoff_jitter=settings.backoff_jitter_s,
        status_forcelist=(502, 503, 504),
        allowed_methods=frozenset({"GET", "HEAD"}),
        raise_on_status=False,
        # a server's Retry-After (e.g. 60 s for an offline camera) must not park a worker
        respect_retry_after_header=False,
    )
    adapter = HTTPAdapter(max_retries=retry, pool_connections=4, pool_maxsize=8)
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    session.headers["User-Agent"] = user_agent
    session.headers["Accept"] = "application/json"
    if token:
        session.headers["Authorization"] = f"Bearer {token}"
    return session


def bounded_request(
    session: requests.Session,
    method: str,
    url: str,
    settings: HttpSettings,
    what: str,
    server: str = "",
    **kwargs: object,
) -> tuple[Reply, requests.structures.CaseInsensitiveDict[str]]:
    """One HTTP exchange: the reply and its headers. The body is streamed with a size cap
    and an overall deadline: per-read timeouts alone let a server that drips one byte a
    second hold a worker forever, and an unbounded read lets a broken server exhaust
    memory. `what` names the request and `server` the service in error messages (never a
    credential)."""
    deadline = time.monotonic() + settings.total_timeout_s
    try:
        response = session.request(
            method, url, timeout=settings.timeout, stream=True, **kwargs  # type: ignore[arg-type]
        )
        try:
            chunks: list[bytes] = []
            size = 0
            # read1 returns whatever one socket read brings, so the deadline is
            # checked even while a server drips a byte at a time
            while chunk := response.raw.read1(256 * 1024, decode_content=True):
                size += len(chunk)
                if size > MAX_BODY_BYTES:
                    raise BadResponse(
                        f"{what}: response larger than {MAX_BODY_BYTES // (1024 * 1024)} MiB"
                    )
                if time.monotonic() > deadline:
                    raise BackendUnreachable(f"{what}: response too slow")
                chunks.append(chunk)
            return Reply(response.status_code, b"".join(chunks)), response.headers
        finally:
            response.close()
    except requests.Timeout as exc:
        raise BackendUnreachable(f"{what}: timed out") from exc
    except requests.ConnectionError as exc:
        # after the last retry a read timeout arrives as a ConnectionError: say what it is
        reason = getattr(exc.args[0], "reason", None) if exc.args else None
        if isinstance(reason, urllib3.exceptions.ReadTimeoutError):
            raise BackendUnreachable(f"{what}: timed out") from exc
        where = f" to {server}" if server else ""
        raise BackendUnreachable(redact(f"{what}: cannot connect{where}")) from exc
    except (requests.RequestException, urllib3.exceptions.HTTPError) as exc:
        raise BackendUnreachable(redact(f"{what}: {exc}")) from exc


def exchange(session: requests.Session, settings: HttpSettings, method: str, url: str,
             what: str, server: str, **kwargs: object) -> Reply:
    """`bounded_request` when the headers are not needed."""
    reply, _headers = bounded_request(session, method, url, settings, what, server, **kwargs)
    return reply
