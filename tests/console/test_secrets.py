"""The token goes only to an OS credential store; any other keyring backend is refused.

Backends are fake objects installed with `keyring.set_keyring`, so the result does not
depend on which keyring the test machine happens to have.
"""

from __future__ import annotations

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import SecretService, chainer, fail, macOS

from console import secrets

URL = "https://ioc.example.vn"
TOKEN = "t0ken-value"


class _MemoryVault:
    """Stands in for the OS store behind a backend object: records what was written."""

    def __init__(self) -> None:
        self.saved: dict[tuple[str, str], str] = {}

    def attach(self, backend: object) -> object:
        backend.set_password = lambda s, u, p: self.saved.__setitem__((s, u), p)
        backend.get_password = lambda s, u: self.saved.get((s, u))
        return backend


def os_store(cls: type) -> object:
    """An instance of a real OS-store backend class, without touching D-Bus / Keychain."""
    return cls.__new__(cls)


class PlaintextKeyring(KeyringBackend):
    """Like keyrings.alt.file.PlaintextKeyring: usable priority, writes a plain file."""

    priority = 0.5

    def __init__(self, vault: _MemoryVault) -> None:
        super().__init__()
        self.vault = vault

    def set_password(self, service: str, username: str, password: str) -> None:
        self.vault.saved[(service, username)] = password

    def get_password(self, service: str, username: str) -> str | None:
        return self.vault.saved.get((service, username))

    def delete_password(self, service: str, username: str) -> None:
        self.vault.saved.pop((service, username), None)


class LookalikeSecretService(SecretService.Keyring):
    """A subclass of an OS store may store anywhere: not on the allow-list."""


@pytest.fixture
def use_backend(monkeypatch):
    """Installs a backend for one test and restores whatever keyring had before."""
    monkeypatch.delenv("IOC_TOKEN", raising=False)
    previous = keyring.get_keyring()
    yield keyring.set_keyring
    keyring.set_keyring(previous)


@pytest.mark.parametrize("cls", [SecretService.Keyring, macOS.Keyring])
def test_os_store_holds_the_token(use_backend, cls):
    vault = _MemoryVault()
    use_backend(vault.attach(os_store(cls)))
    assert secrets.keyring_available() is True
    assert secrets.store_token(URL, TOKEN) is True
    assert vault.saved == {(secrets.SERVICE, URL): TOKEN}
    assert secrets.load_token(URL) == TOKEN


def test_windows_credential_locker_is_an_os_store():
    from keyring.backends import Windows

    assert secrets.is_os_store(os_store(Windows.WinVaultKeyring))


def test_plaintext_keyring_refused_and_nothing_written(use_backend, tmp_path):
    vault = _MemoryVault()
    use_backend(PlaintextKeyring(vault))
    assert secrets.keyring_available() is False
    assert secrets.store_token(URL, TOKEN) is False
    assert vault.saved == {}
    assert secrets.load_token(URL) is None
    # the XDG config/data/cache/state dirs all live under tmp_path (autouse fixture)
    for file in tmp_path.rglob("*"):
        if file.is_file():
            assert TOKEN.encode() not in file.read_bytes()


@pytest.mark.parametrize(
    "backend",
    [fail.Keyring(), os_store(LookalikeSecretService), object()],
    ids=["fail", "subclass-of-os-store", "unknown"],
)
def test_other_backends_refused(backend):
    assert secrets.is_os_store(backend) is False


def test_chainer_qualifies_only_when_every_member_does(monkeypatch):
    chain = chainer.ChainerBackend()
    monkeypatch.setattr(
        chainer.ChainerBackend, "backends", [os_store(SecretService.Keyring), fail.Keyring()]
    )
    assert secrets.is_os_store(chain) is False
    monkeypatch.setattr(
        chainer.ChainerBackend,
        "backends",
        [os_store(SecretService.Keyring), os_store(macOS.Keyring)],
    )
    assert secrets.is_os_store(chain) is True
    monkeypatch.setattr(chainer.ChainerBackend, "backends", [])
    assert secrets.is_os_store(chain) is False


def test_env_token_wins(monkeypatch):
    monkeypatch.setenv("IOC_TOKEN", "from-env")
    assert secrets.load_token("https://x") == "from-env"
