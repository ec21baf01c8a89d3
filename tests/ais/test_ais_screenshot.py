"""`main.py --screenshot` with `--ais`: the picture waits for every AIS source's first
position, and a source that fails is named in a non-zero exit (no file)."""

from __future__ import annotations

from resources.ais import AIS_DIR
from tests.main_process import run_main


def test_screenshot_with_ais_waits_for_it_and_a_failing_source_is_named(tmp_path):
    out = tmp_path / "ais.png"
    sim = AIS_DIR / "simulated-quy-nhon.nmea"
    ok = run_main("--screenshot", str(out), "--size", "1200x800",
                  "--ais", f"file://{sim}?replay=fast&loop=1")
    assert ok.returncode == 0, ok.stderr[-2000:]
    assert out.stat().st_size > 10_000
    missing = tmp_path / "no-such-recording.nmea"
    bad = tmp_path / "bad.png"
    failed = run_main("--screenshot", str(bad), "--ais", f"file://{missing}")
    assert failed.returncode == 7
    assert "no-such-recording.nmea" in failed.stderr and str(bad) in failed.stderr
    assert not bad.exists()
