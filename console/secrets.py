"""Where the backend token lives: the OS keyring when one works, else this session only.

keyring has no usable backend on a headless Linux box (it silently picks the 'fail'
backend), so we detect that and never fall back to a plain-text file: the token then
comes from IOC_TOKEN / --token, or the operator types it each session.
"""

from __future__ import annotations

import logging
import os

log = logging.getLogger(__name__)
SERVICE = "ioc-console"
ENV_VAR = "IOC_TOKEN"


def keyring_available() -> bool:
    try:
        import keyring
        from keyring.backends import fail
    except ImportError:
        return False
    try:
        backend = keyring.get_keyring()
    except Exception:  # a broken keyring config must not stop the console
        return False
    if isinstance(backend, fail.Keyring):
        return False
    return getattr(backend, "priority", 0) > 0


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
