"""The shift report's figures equal the archive's own rows for a fixed window.

The expected values are read from the GeoPackage with plain SQL (not through the reader
the report uses), so a wrong window edge, a wrong peak or a lost acknowledgement in the
report makes these fail."""

from __future__ import annotations

import sqlite3

import pytest

from console import bulletin
from console.archive.reader import read_archive
from console.report.compute import build_report
from tests.report import shift_archive as sa


def test_rain_totals_and_heaviest(archive, report):
    expected = dict(sa.sql(
        archive,
        "SELECT o.station_id, SUM(o.value) FROM station_observations o JOIN stations s"
        " USING (station_id) WHERE s.kind = 'rain' AND o.t > ? AND o.t <= ?"
        " GROUP BY o.station_id", sa.START, sa.END,
    ))
    got = {r.station_id: r.total_mm for r in report.rain}
    assert got.keys() == expected.keys() == {"r1", "r2", "r3"}
    for sid, total in expected.items():
        assert got[sid] == pytest.approx(total, abs=1e-9)
    assert report.heaviest_rain.station_id == max(expected, key=expected.get) == "r2"
    assert [r.station_id for r in report.rain] == sorted(expected, key=lambda s: -expected[s])


def test_level_peaks_times_and_margins(archive, report):
    for row in report.levels:
        (peak,) = sa.sql(
            archive,
            "SELECT MAX(value) FROM station_observations WHERE station_id = ? AND t BETWEEN"
            " ? AND ?", row.station_id, sa.START, sa.END,
        )[0]
        (first_t,) = sa.sql(
            archive,
            "SELECT MIN(t) FROM station_observations WHERE station_id = ? AND value = ?"
            " AND t BETWEEN ? AND ?", row.station_id, peak, sa.START, sa.END,
        )[0]
        assert (row.peak_m, row.peak_t) == (peak, first_t)
    w1, w2 = sorted(report.levels, key=lambda r: r.station_id)
    # w1 peaks at 7,30 m: above BĐ2 by 0,30 m, as the bulletins say it
    assert w1.peak_m == 7.30 and w1.reached == 2
    assert w1.phrase == bulletin.level_phrase(7.30, (6.0, 7.0, 8.0), "m", "vi")
    assert "7,30 m" in w1.phrase and "0,30 m" in w1.phrase
    assert w2.reached == 1 and report.levels[0].station_id == "w1"  # worst first


def test_reservoir_peak_and_margin(archive, report):
    (res,) = report.reservoirs
    peak, = sa.sql(archive, "SELECT MAX(value) FROM station_observations WHERE station_id ="
                 " 'h1' AND t BETWEEN ? AND ?", sa.START, sa.END)[0]
    last, = sa.sql(archive, "SELECT value FROM station_observations WHERE station_id = 'h1'"
                 " AND t <= ? ORDER BY t DESC LIMIT 1", sa.END)[0]
    assert res.peak_m == peak and res.last_m == last
    assert res.margin_m == pytest.approx(last - 91.93)


def test_vessels_dark_and_in_violation(archive, report):
    last_fix = dict(sa.sql(archive, "SELECT vessel_id, MAX(t) FROM vessel_fixes WHERE t <= ?"
                         " GROUP BY vessel_id", sa.END))
    lost = [v for v in report.vessels if v.state == "lost"]
    assert [v.vessel_id for v in lost] == ["v00003", "v00001"]  # longest silent first
    for v in lost:
        assert v.fix_time == last_fix[v.vessel_id]
        assert v.silent_s == sa.END - last_fix[v.vessel_id]
    assert report.vessels_known == len(last_fix) == 6
    (bad,) = report.vessels_in("violation")
    assert bad.vessel_id == "v00002" and "coastal" in bad.detail


def test_incidents_opened_closed_and_response_times(report):
    assert [r.incident_id for r in report.incidents_opened] == ["inc-b", "inc-c"]
    assert [r.incident_id for r in report.incidents_closed] == ["inc-a", "inc-b"]
    b = report.incidents_opened[0]
    assert b.response_s == 900.0 and b.resolve_s == 900.0 * 9  # audit trail times
    c = report.incidents_opened[1]
    assert c.closed_at is None and c.status_at_end == "acknowledged"


def test_cameras_offline_in_window(report):
    rows = {r.camera_id: r for r in report.cameras_offline}
    assert set(rows) == {"cam-1", "cam-2"}
    assert rows["cam-1"].back_at is not None and rows["cam-1"].back_at <= sa.END
    assert rows["cam-2"].back_at is None  # still offline at 07:00


def test_alerts_in_window_with_who_acknowledged(archive, report):
    expected = sa.sql(archive, "SELECT alert_id, ack_by FROM alerts WHERE raised_at >= ? AND"
                    " raised_at < ? ORDER BY raised_at", sa.START, sa.END)
    assert [(a.alert_id, a.ack_by) for a in report.alerts] == expected
    assert expected == [(2, "trực ban A"), (3, None), (4, "trực ban B")]
    assert report.alerts_have_acks


def test_archive_without_ack_columns_still_reports(tmp_path):
    """An archive recorded before acknowledgements were archived opens; the report says
    it cannot tell who acknowledged rather than claiming nobody did."""
    from tests.archive.factory import T0, write_sample

    path = tmp_path / "old.gpkg"
    write_sample(path)
    with sqlite3.connect(str(path)) as conn:
        conn.execute("ALTER TABLE alerts DROP COLUMN ack_by")
        conn.execute("ALTER TABLE alerts DROP COLUMN ack_at")
    data = read_archive(path)
    assert not data.alert_acks_recorded
    report = build_report(data, T0, T0 + 3600, "en")
    assert [(a.alert_id, a.ack_by) for a in report.alerts] == [(1, None)]
    assert not report.alerts_have_acks
