"""`python main.py --screenshot` end to end: a real map picture, or a clear failure."""

from __future__ import annotations

from PySide6.QtGui import QColor, QImage

from tests.main_process import run_main


def colour_share(image: QImage, target: str, tolerance: int = 12) -> float:
    """Share of sampled pixels close to `target` colour."""
    goal = QColor(target)
    hits = total = 0
    for y in range(0, image.height(), 4):
        for x in range(0, image.width(), 4):
            c = image.pixelColor(x, y)
            total += 1
            if (
                abs(c.red() - goal.red()) <= tolerance
                and abs(c.green() - goal.green()) <= tolerance
                and abs(c.blue() - goal.blue()) <= tolerance
            ):
                hits += 1
    return hits / total


def test_screenshot_is_a_real_map(tmp_path):
    out = tmp_path / "shot.png"
    result = run_main("--screenshot", str(out), "--size", "1600x1000")
    assert result.returncode == 0, result.stderr[-2000:]
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1600, 1000)
    sea = colour_share(image, "#c6dcec")
    land = colour_share(image, "#f1ede2") + colour_share(image, "#fbf7ea")
    vessels = colour_share(image, "#1f9d55", 30)
    assert sea > 0.15, f"too little sea: {sea:.2%}"
    assert land > 0.03, f"too little land: {land:.2%}"
    assert vessels > 0.001, f"no vessel symbols visible: {vessels:.3%}"
    distinct = {image.pixel(x, y) for y in range(0, 1000, 5) for x in range(0, 1600, 5)}
    assert len(distinct) > 200  # not blank, not a flat fill


def test_screenshot_fails_clearly_without_backend(tmp_path):
    out = tmp_path / "never.png"
    result = run_main(
        "--backend",
        "http://127.0.0.1:9",
        "--token",
        "x",
        "--screenshot",
        str(out),
        "--timeout",
        "4",
        timeout=60,
    )
    assert result.returncode != 0
    assert f"error: {out} not written: no first data within 4 s" in result.stderr
    assert not out.exists()


def test_bad_size_is_rejected_with_message():
    result = run_main("--screenshot", "x.png", "--size", "huge", timeout=30)
    assert result.returncode == 2
    assert "--size must look like 1600x1000" in result.stderr


def test_screenshot_refuses_a_layer_that_cannot_load(tmp_path, live_backend):
    """The picture must hold what was asked for: a broken --layer is an error, not a
    picture without it."""
    scrambled = tmp_path / "scrambled.gpkg"
    scrambled.write_bytes(b"SQLite format 3\x00" + bytes(range(256)) * 64)
    out = tmp_path / "shot.png"
    result = run_main(
        *("--backend", live_backend.url, "--token", live_backend.token, "--lang", "en"),
        *("--layer", str(scrambled), "--screenshot", str(out), "--timeout", "60"),
        timeout=120,
    )
    assert result.returncode == 6, result.stderr[-2000:]
    line = next(x for x in result.stderr.splitlines() if x.startswith("error:"))
    assert line.startswith(f"error: {out} not written: layer {scrambled} could not be loaded: ")
    assert not out.exists()


def test_screenshot_waits_for_a_slow_large_layer(tmp_path, live_backend):
    """A 1,000,001-vertex polygon takes seconds to read and prepare, longer than the live
    feeds take to arrive from a running backend: the picture waits for it."""
    import geopandas as gpd

    from tests.map.data import coastline_polygon

    big = tmp_path / "coast.gpkg"
    poly = coastline_polygon(1_000_001)
    gpd.GeoDataFrame({"name": ["coast"]}, geometry=[poly], crs="EPSG:3857").to_file(big)
    out = tmp_path / "shot.png"
    result = run_main(
        *("--backend", live_backend.url, "--token", live_backend.token, "--lang", "en"),
        *("--layer", str(big), "--screenshot", str(out), "--size", "1600x1000"),
        timeout=180,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    # the layer's outline (default user-layer stroke) runs through the map
    outline = colour_share(QImage(str(out)), "#1d4ed8", 20)
    assert outline > 0.001, f"layer outline not in the picture: {outline:.3%}"
