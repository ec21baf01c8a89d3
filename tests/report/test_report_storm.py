"""The shift report's storm section equals the archive's own rows: the bulletins in force
during the window, and the vessels whose recorded fixes lay inside a zone in force, at
sea (expected values from plain SQL over the GeoPackage, not through the reader)."""

from __future__ import annotations

import sqlite3

from console import bulletin
from console.archive.reader import read_archive
from console.report import html
from console.report.compute import build_report
from tests.report import shift_archive as sa


def _expected_inside(path) -> dict[str, list[tuple[float, int]]]:
    """vessel id -> [(fix time, bulletin number)] of its fixes inside a zone in force."""
    rows = sa.sql(path, "SELECT name, issued_at, number, west, south, east, north"
                      " FROM storm_bulletins ORDER BY name, issued_at")
    out: dict[str, list[tuple[float, int]]] = {}
    for k, (name, issued, number, west, south, east, north) in enumerate(rows):
        until = issued + 24 * 3600
        if k + 1 < len(rows) and rows[k + 1][0] == name:
            until = min(until, rows[k + 1][1])
        for vid, t in sa.sql(
            path, "SELECT vessel_id, t FROM vessel_fixes WHERE status != 'in_port'"
                  " AND t >= ? AND t >= ? AND t < ? AND t <= ? AND lon BETWEEN ? AND ?"
                  " AND lat BETWEEN ? AND ?",
            issued, sa.START, until, sa.END, west, east, south, north,
        ):
            out.setdefault(vid, []).append((t, number))
    return out


def test_bulletins_in_force_during_the_window(report):
    assert [(b.name, b.number) for b in report.storms] == [
        ("Bão số 9", 1), ("Bão số 9", 2), ("Bão số 9", 3), ("Bão số 9", 4)]
    assert report.storms_recorded


def test_vessels_inside_a_danger_zone_equal_the_archive(archive, report):
    expected = _expected_inside(archive)
    last_fix = dict(sa.sql(archive, "SELECT vessel_id, MAX(t) FROM vessel_fixes WHERE t <= ?"
                         " GROUP BY vessel_id", sa.END))
    got = {v.vessel_id: v for v in report.storm_vessels}
    assert set(got) == set(expected) == {"v00000", "v00002", "v00004"}
    for vid, fixes in expected.items():
        first, last = min(fixes), max(fixes)
        row = got[vid]
        assert (row.first_inside, row.bulletin_number) == first
        assert row.last_inside == last[0]
        assert row.inside_at_end == (last[0] == last_fix[vid])
        (lon, lat), = sa.sql(archive, "SELECT lon, lat FROM vessel_fixes WHERE vessel_id = ?"
                                    " AND t = ?", vid, last[0])
        assert (row.lon, row.lat) == (lon, lat)
    assert got["v00000"].bulletin_number == 2 and not got["v00000"].inside_at_end
    assert got["v00002"].inside_at_end and got["v00004"].inside_at_end
    # inside at the end first, then by registration
    assert [v.vessel_id for v in report.storm_vessels] == ["v00002", "v00004", "v00000"]


def test_the_html_lists_the_bulletins_and_the_vessels(report):
    bulletin.configure("vi")
    try:
        page = html.render(report, {})
    finally:
        bulletin.configure(None)
    section = page[page.index("Storm danger zone"):]  # untranslated: no language installed
    for v in report.storm_vessels:
        assert v.registration in section
    assert "109,4–109,5° E" in section or "109,4–109,4° E" in section  # zone in VN numbers
    assert "3 (2)" in page  # summary: three vessels, two still inside at the end


def test_an_archive_from_before_storm_recording_says_it_cannot_tell(tmp_path):
    path = tmp_path / "old.gpkg"
    sa.write(path)
    with sqlite3.connect(str(path)) as conn:
        conn.execute("DROP TABLE storm_bulletins")
    report = build_report(read_archive(path), sa.START, sa.END, "en")
    assert not report.storms_recorded and report.storms == [] and report.storm_vessels == []
    assert "cannot tell which vessels were in a danger zone" in html.render(report, {})


def test_paper_cuts_a_long_list_and_says_how_many_the_html_file_lists_all(report):
    from dataclasses import replace

    many = replace(report, storm_vessels=report.storm_vessels * 50)  # 150 rows

    def rows(page: str) -> str:
        table = page[page.index("Vessels inside the danger zone"):]
        return table[:table.index("<h2>")].count("<tr>") - 1  # minus the header

    paper = html.render(many, {}, paper=True)
    assert rows(paper) == html.STORM_ROWS + 1 and "… and 50 more" in paper
    screen = html.render(many, {})
    assert rows(screen) == 150 and "more:" not in screen
