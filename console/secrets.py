"""Where the backend token lives: the OS keyring when one works, else this session only.

keyring has no usable backend on a headless Linux box (it silently picks the 'fail'
backend), and a "working" backend is not necessarily a safe one: keyrings.alt's
PlaintextKeyring reports priority 0.5 and writes the token to a plain file. So the
backend must be on an allow-list of OS credential stores, which keep secrets encrypted
and tied to the user's login: Secret Service (GNOME Keyring, KeePassXC …; through
SecretStorage or libsecret), KWallet, the macOS Keychain and the Windows Credential
Locker. keyring's chainer qualifies only when every member does. Anything else (file
keyrings, third-party backends, subclasses of the listed ones) is refused and the token
comes from IOC_TOKEN / --token, or the operator types it each session.

Other data sources (feature servers, SensorThings services, AIS feeds) keep their
`Credentials` (user and password, or a token) under the same service name, one keyring
entry per source kind and URL; with no OS store they live only as long as the session.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
from dataclasses import dataclass, field

log = logging.getLogger(__name__)
SERVICE = "ioc-console"
ENV_VAR = "IOC_TOKEN"


# exact classes (module.qualname), so a subclass that stores elsewhere is not let in
OS_STORES = frozenset(
    {
        "keyring.backends.SecretService.Keyring",
        "keyring.backends.libsecret.Keyring",
        "keyring.backends.kwallet.DBusKeyring",
        "keyring.backends.kwallet.DBusKeyringKWallet4",
        "keyring.backends.macOS.Keyring",
        "keyring.backends.Windows.WinVaultKeyring",
    }
)
CHAINER = "keyring.backends.chainer.ChainerBackend"


def _class_name(backend: object) -> str:
    cls = type(backend)
    return f"{cls.__module__}.{cls.__qualname__}"


def is_os_store(backend: object) -> bool:
    """True when `backend` keeps secrets in an OS credential store (see module doc).

    A chainer writes to its first member that accepts and reads from any, so it is safe
    only when it has members and all of them are OS stores.
    """
    name = _class_name(backend)
    if name in OS_STORES:
        return True
    if name != CHAINER:
        return False
    try:
        members = list(backend.backends)  # type: ignore[attr-defined]
    except Exception:  # a member failing to load: cannot vouch for the chain
        return False
    return bool(members) and all(_class_name(m) in OS_STORES for m in members)


def keyring_available() -> bool:
    """True when keyring's chosen backend is an OS store; logs which backend was refused."""
    try:
        import keyring
    except ImportError:
        return False
    try:
        backend = keyring.get_keyring()
    except Exception:  # a broken keyring config must not stop the console
        return False
    if is_os_store(backend):
        return True
    log.info("keyring backend %s is not an OS store: not used", _class_name(backend))
    return False


def load_token(backend_url: str) -> str | None:
    """Token for `backend_url`: environment first, then the keyring; never a file."""
    env = os.environ.get(ENV_VAR)
    if env:
        return env
    if not keyring_available():
        return None
    import keyring

    try:
        return keyring.get_password(SERVICE, backend_url)
    except Exception as exc:
        log.warning("keyring read failed: %s", type(exc).__name__)
        return None


def store_token(backend_url: str, token: str) -> bool:
    """Save to the keyring; False (nothing written anywhere) when no keyring works."""
    if not keyring_available():
        return False
    import keyring

    try:
        keyring.set_password(SERVICE, backend_url, token)
    except Exception as exc:
        log.warning("keyring write failed: %s", type(exc).__name__)
        return False
    return True


# --- credentials of other data sources (feature servers, SensorThings, AIS...) ----------


@dataclass(frozen=True, slots=True)
class Credentials:
    """A user name and password, or a token, for one source. `repr` never shows them, so
    a credential that ends up in a log line or a traceback stays hidden."""

    user: str | None = None
    password: str | None = field(default=None, repr=False)
    token: str | None = field(default=None, repr=False)

    def __repr__(self) -> str:
        secret = "token" if self.token else "password" if self.password else "none"
        return f"Credentials(user={self.user!r}, secret={secret})"

    def is_empty(self) -> bool:
        return not (self.user or self.password or self.token)


def _source_key(kind: str, url: str) -> str:
    return f"source:{kind}:{url}"


# with no OS keyring: credentials typed this session, in memory only (never a file)
_session_credentials: dict[str, Credentials] = {}


def load_credentials(kind: str, url: str) -> Credentials | None:
    """The credentials for the source (`kind`, `url`): typed this session, else the
    keyring's; None when there are none."""
    session = _session_credentials.get(_source_key(kind, url))
    if session is not None:
        return session
    if not keyring_available():
        return None
    import keyring

    try:
        raw = keyring.get_password(SERVICE, _source_key(kind, url))
    except Exception as exc:
        log.warning("keyring read failed: %s", type(exc).__name__)
        return None
    if not raw:
        return None
    try:
        data = json.loads(raw)
    except ValueError:
        return None
    return Credentials(data.get("user"), data.get("password"), data.get("token"))


def store_credentials(kind: str, url: str, credentials: Credentials | None) -> bool:
    """Save (or, given None / empty, delete) the source's credentials in the keyring;
    False when no OS keyring works: then they are kept in memory for this session only,
    nothing is written anywhere."""
    key = _source_key(kind, url)
    if credentials is None or credentials.is_empty():
        _session_credentials.pop(key, None)
    else:
        _session_credentials[key] = credentials
    if not keyring_available():
        return False
    import keyring

    try:
        if credentials is None or credentials.is_empty():
            with contextlib.suppress(keyring.errors.PasswordDeleteError):
                keyring.delete_password(SERVICE, key)
        else:
            payload = {
                "user": credentials.user,
                "password": credentials.password,
                "token": credentials.token,
            }
            keyring.set_password(SERVICE, key, json.dumps(payload))
    except Exception as exc:
        log.warning("keyring write failed: %s", type(exc).__name__)
        return False
    return True
