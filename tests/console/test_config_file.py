"""The settings file: valid keys apply, invalid ones are reported and the previous good
value is kept, tokens are refused, and what is saved reads back the same."""

from __future__ import annotations

from pathlib import Path

from console import config_file
from console.settings import PollIntervals, Settings


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_valid_settings_apply(tmp_path):
    path = write(tmp_path / "s.toml", 'language = "en"\ntheme = "dark"\n[poll]\nvessels = 5\n')
    settings, errors = config_file.load(Settings(), path)
    assert errors == []
    assert settings.language == "en" and settings.theme == "dark"
    assert settings.poll.vessels == 5.0 and settings.poll.stations == 5.0


def test_invalid_values_reported_and_previous_kept(tmp_path):
    path = write(
        tmp_path / "s.toml",
        'language = "fr"\nfont_scale = 9\nnope = 1\n'
        '[poll]\nvessels = "fast"\ncameras = -3\n[vms]\nlost_after_s = 7200\n',
    )
    base = Settings(language="vi", poll=PollIntervals(vessels=2.0))
    settings, errors = config_file.load(base, path)
    assert settings.language == "vi" and settings.poll.vessels == 2.0
    assert settings.poll.cameras == 10.0
    assert settings.vms.lost_after_s == 7200.0  # the valid key in the same file still applies
    text = "\n".join(errors)
    for fragment in (
        "language: must be 'vi' or 'en'",
        "font_scale",
        "nope: unknown setting",
        "poll.vessels: 'fast' is not a valid float",
        "poll.cameras: must not be",
    ):
        assert fragment in text


def test_unknown_crs_rejected(tmp_path):
    path = write(tmp_path / "s.toml", 'local_grid_crs = "EPSG:999999"\n')
    settings, errors = config_file.load(Settings(), path)
    assert settings.local_grid_crs == "EPSG:9217"
    assert "unknown CRS" in errors[0]


def test_broken_toml_keeps_defaults_with_message(tmp_path):
    path = write(tmp_path / "s.toml", "language = \n[[[")
    settings, errors = config_file.load(Settings(), path)
    assert settings == Settings(operator=settings.operator)
    assert "cannot read settings" in errors[0]


def test_token_never_accepted_or_written(tmp_path):
    path = write(tmp_path / "s.toml", 'token = "s3cret"\n')
    settings, errors = config_file.load(Settings(), path)
    assert settings.token is None and "never stored in the settings file" in errors[0]
    out = config_file.save(Settings(token="s3cret", theme="dark"), Settings(), tmp_path / "o.toml")
    assert "s3cret" not in out.read_text(encoding="utf-8")


def test_round_trip(tmp_path):
    original = Settings(
        language="en",
        theme="dark",
        font_scale=1.5,
        backend_url="https://ioc.example.vn/api",
        poll=PollIntervals(vessels=4.0),
    )
    path = config_file.save(original, Settings(), tmp_path / "rt.toml")
    loaded, errors = config_file.load(Settings(), path)
    assert errors == []
    assert loaded == original


def test_site_rule_and_zone_files(tmp_path):
    from console.rules.setup import load_config

    missing = write(tmp_path / "s.toml", f'rules_file = "{tmp_path / "nope.json"}"\n')
    settings, errors = config_file.load(Settings(), missing)
    assert settings.rules_file is None and "no such file" in errors[0]

    zones = tmp_path / "zones.geojson"
    zones.write_text('{"type": "FeatureCollection", "features": []}', encoding="utf-8")
    rules = tmp_path / "rules.json"
    rules.write_text('{"vms": {"default": {"lost_after_s": 3600}}}', encoding="utf-8")
    path = write(
        tmp_path / "t.toml",
        f'rules_file = "{rules}"\nzones_file = "{zones}"\ndistance_unit = "nm"\n',
    )
    settings, errors = config_file.load(Settings(), path)
    assert errors == [] and settings.distance_unit == "nm"
    config = load_config(settings.rules_file, settings.zones_file)
    assert config.zones.file == zones
    assert config.vms.lost_after_s == 3600
