"""The health record of a source: state, age, error counts and the outage start."""

from __future__ import annotations

from console.sources.health import HealthBoard, HealthState


def test_health_follows_data_and_errors(qtbot):
    board = HealthBoard()
    changed: list[str] = []
    board.changed.connect(changed.append)
    board.register("k", "ogcapi-features", "Parcels", "http://gis/collections/p")
    assert board.get("k").state is HealthState.WAITING and board.get("k").age() is None
    board.data("k", 12, when=1000.0)
    assert board.get("k").state is HealthState.OK and board.get("k").age(now=1030.0) == 30.0
    board.error("k", "cannot connect", when=1100.0)
    board.error("k", "cannot connect", when=1160.0)
    h = board.get("k")
    assert h.state is HealthState.FAILING and h.failures == 2 and h.error_count == 2
    assert h.failing_since == 1100.0 and h.last_error_at == 1160.0  # one outage, one start
    assert board.failing() == [h] and h.items == 12  # the last data is still counted
    board.data("k", 13, when=1200.0)
    h = board.get("k")
    assert h.state is HealthState.OK and h.failing_since is None and h.error_count == 2
    board.unregister("k")
    assert board.get("k") is None and changed.count("k") == 5


def test_a_backend_entry_in_the_sources_names_the_backend(tmp_path, monkeypatch):
    from main import build_settings, parse_args

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    (tmp_path / "ioc-console").mkdir()
    (tmp_path / "ioc-console" / "settings.toml").write_text(
        '[[sources]]\nkind = "backend"\nname = "IOC"\nurl = "https://ioc.example.vn/api"\n',
        encoding="utf-8",
    )
    settings, problems = build_settings(parse_args([]))
    assert problems == [] and settings.backend_url == "https://ioc.example.vn/api"
    settings, _ = build_settings(parse_args(["--backend", "http://127.0.0.1:9000"]))
    assert settings.backend_url == "http://127.0.0.1:9000"  # the command line wins
