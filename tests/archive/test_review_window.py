"""Review mode in the real window: `--archive` opens with no backend, the slider drives
the map, the exports write files users can open, and `--export-html` works headless."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QImage

from console.app import ConsoleApp
from console.export.tables import item_tables, write_csv, write_gpkg
from console.settings import Settings
from layers.stations.layer import BD1, BD2, NORMAL
from tests.archive.factory import HOSTILE, T0, write_sample
from tests.main_process import run_main
from widgets.main_window import MainWindow


@pytest.fixture
def review(qtbot, tmp_path):
    path = tmp_path / "rec.gpkg"
    write_sample(path, vessels=5, fixes=6)
    app = ConsoleApp(Settings())
    app.start_review(str(path))
    win = MainWindow(app)
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitSignal(app.review.ready, timeout=20000):
        pass
    yield win
    win.close()


def test_slider_drives_the_map_with_no_backend(qtbot, review):
    app = review.app
    assert app.client is not None and app.backend_process is None  # nothing started
    slider = review.services.replay_slider
    assert slider.slider.maximum() == int(app.review.cursor.end - app.review.cursor.start)
    row = app.vessels.row_of("v00001")
    x_end = float(app.vessels.x[row])
    slider.slider.setValue(0)  # what a user dragging to the start does
    assert app.review.cursor.time == app.review.cursor.start == T0
    assert app.vessels.fix_time[row] == T0
    assert float(app.vessels.x[row]) != x_end
    assert app.clock.now() == T0
    assert app.incidents.get("inc-1").status == "closed"  # not reported yet: hidden
    # station colours follow the level at the slider time (5.0 m, 6.0 m, 7.0 m at T0)
    levels = [app.rules.station_rules.level_of(app.stations.get(f"s{i}")) for i in range(3)]
    assert levels == [0, 1, 2]
    classes = [review.station_layer.classify(app.stations.get(f"s{i}")) for i in range(3)]
    assert classes == [NORMAL, BD1, BD2]
    slider.forward.click()  # one step (10 min)
    assert app.review.cursor.time == T0 + 600
    assert app.incidents.get("inc-1").status == "new"
    assert app.storm.bulletin is None  # no bulletin issued yet at T0 + 10 min
    slider.next_alert.click()
    assert app.review.cursor.time == T0 + 1200
    assert [a.title for a in app.rules.inbox.active()] == ["Trên BĐ2"]  # recorded only
    # the bulletin recorded at T0 + 20 min is in force: the storm and its danger list
    assert app.storm.bulletin is not None and app.storm.bulletin.name == "Bão thử"
    qtbot.waitUntil(lambda: len(app.storm.at_risk()) == 5)  # the whole fleet, at sea
    slider.slider.setValue(0)
    assert app.storm.bulletin is None
    assert "rec.gpkg" in review.windowTitle()


def test_data_and_print_exports(qtbot, review, tmp_path):
    pyogrio = pytest.importorskip("pyogrio")
    geopandas = pytest.importorskip("geopandas")
    tables = item_tables(review.app, None)
    assert set(tables) == {"vessels", "stations", "incidents", "cameras"}
    csvs = write_csv(tables, tmp_path / "view.csv")
    text = (tmp_path / "view_vessels.csv").read_text(encoding="utf-8-sig")
    assert HOSTILE in text and len(csvs) == 4  # data exports keep the raw value
    out = write_gpkg(tables, tmp_path / "view.gpkg")
    assert {n for n, _ in pyogrio.list_layers(out)} == set(tables)
    vessels = geopandas.read_file(out, layer="vessels")
    assert len(vessels) == 5 and vessels.crs.to_epsg() == 4326
    selected = item_tables(review.app, None, ids={"v00002"})
    assert [r["id"] for r in selected["vessels"]] == ["v00002"]

    from widgets.replay.print_map import export_print

    png = export_print(review.shell, tmp_path / "map.png", "Bản đồ", T0, "archive")
    image = QImage(str(png))
    assert image.width() > image.height() > 1000  # A4 landscape at 150 dpi
    pdf = export_print(review.shell, tmp_path / "map.pdf", "Bản đồ", T0, "archive")
    assert pdf.read_bytes().startswith(b"%PDF")
    from widgets.replay.print_map import footer_text

    footer = footer_text(review.shell, T0, "archive")
    assert "archive" in footer
    for credit in ("GSHHG", "Natural Earth", "GeoNames"):
        assert credit in footer


def test_export_html_headless_from_an_archive(tmp_path):
    path = tmp_path / "rec.gpkg"
    write_sample(path, vessels=5, fixes=6)
    out = tmp_path / "report.html"
    result = run_main("--archive", str(path), "--export-html", str(out), "--lang", "en",
                      timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    page = out.read_text(encoding="utf-8")
    assert "ioc-vessel" in page and HOSTILE not in page


def test_archive_that_does_not_open_exits_with_a_message(tmp_path):
    bad = tmp_path / "bad.gpkg"
    bad.write_text("not an archive")
    result = run_main("--archive", str(bad), "--export-html", str(tmp_path / "x.html"),
                      timeout=120)
    assert result.returncode == 4
    assert "not a GeoPackage" in result.stderr
