"""The settings file's `[[sources]]` list and source credentials: bad entries are named
and skipped (the good ones kept), the list survives a save, credentials never reach the
file or a log line."""

from __future__ import annotations

import logging

from console import config_file, secrets
from console.settings import Settings
from console.sources.registry import SourceEntry, parse_entries

GOOD = {
    "kind": "ogcapi-features",
    "name": "Thửa đất",
    "url": "https://gis.example.vn/ogc/collections/parcels",
}


def test_bad_entries_are_named_and_the_good_ones_kept():
    entries, errors = parse_entries([
        GOOD,
        {"kind": "wms", "name": "x", "url": "https://a"},
        {"kind": "ais", "name": "", "url": "tcp://127.0.0.1:10110"},
        {"kind": "sensorthings", "name": "Trạm", "url": "https://sta.example.vn/v1.1",
         "interval_s": 0.2},
        {"kind": "ais", "name": "Port", "url": "udp://:10110", "token": "x"},
        dict(GOOD, name="again"),
        {"kind": "ais", "name": "AIS Quy Nhơn", "url": "udp://:10110", "enabled": False},
    ])
    assert entries == (
        SourceEntry("ogcapi-features", "Thửa đất", GOOD["url"]),
        SourceEntry("ais", "AIS Quy Nhơn", "udp://:10110", enabled=False),
    )
    assert [e.split("]")[0] + "]" for e in errors] == [
        f"sources[{i}]" for i in (2, 3, 4, 5, 6)
    ]
    assert "kind must be one of" in errors[0] and "listed twice" in errors[4]
    assert "unknown key(s) token" in errors[3]  # never a secret in the file


def test_the_list_survives_a_save_and_credentials_stay_out(tmp_path):
    settings, errors = config_file.apply_overrides(
        Settings(), {"sources": [dict(GOOD, interval_s=120), {
            "kind": "backend", "name": "IOC", "url": "https://ioc.example.vn/api"}]}
    )
    assert errors == []
    path = config_file.save(settings, Settings(), tmp_path / "settings.toml")
    text = path.read_text(encoding="utf-8")
    assert text.count("[[sources]]") == 2 and "interval_s = 120.0" in text
    loaded, problems = config_file.load(Settings(), path)
    assert problems == [] and loaded.sources == settings.sources


def test_credentials_are_masked_and_kept_for_the_session_without_a_keyring(caplog):
    assert not secrets.keyring_available()  # tests run without an OS keyring
    creds = secrets.Credentials("reader", "p4ss-w0rd", None)
    assert "p4ss-w0rd" not in repr(creds) and "p4ss-w0rd" not in str(creds)
    with caplog.at_level(logging.DEBUG):
        logging.getLogger("test").warning("using %s", creds)
    assert "p4ss-w0rd" not in caplog.text
    url = "https://gis.example.vn/ogc"
    assert secrets.store_credentials("ogcapi-features", url, creds) is False  # no keyring
    assert secrets.load_credentials("ogcapi-features", url) == creds  # this session only
    secrets.store_credentials("ogcapi-features", url, None)
    assert secrets.load_credentials("ogcapi-features", url) is None
