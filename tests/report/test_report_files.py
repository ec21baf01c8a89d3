"""The shift report as files: HTML and PDF carry the archive's figures, escape the
archive's text, embed the map and charts; `main.py --report` writes them and refuses
bad input with a clear message and a non-zero exit."""

from __future__ import annotations

import re
import subprocess
from dataclasses import replace

import pytest

import main
from console import bulletin
from console.archive.reader import read_archive
from console.report.compute import build_report
from tests.externals import require_program
from tests.report import shift_archive as sa
from widgets.report.writer import write_report

HOSTILE = "<script>alert(1)</script>"


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    path = tmp_path_factory.mktemp("files") / "night.gpkg"
    sa.write(path)
    return path


def _report(archive, lang="vi"):
    bulletin.configure(lang)
    return build_report(read_archive(archive), sa.START, sa.END, lang)


def test_html_has_the_figures_escaped_text_and_pictures(qapp, archive, tmp_path):
    report = _report(archive)
    first = replace(report.incidents_opened[0], title=HOSTILE)
    report = replace(report, incidents_opened=[first, *report.incidents_opened[1:]])
    out = write_report(report, tmp_path / "r.html")
    text = out.read_text(encoding="utf-8")
    heavy = report.heaviest_rain
    assert f"{heavy.name}: {bulletin.quantity(heavy.total_mm, 'mm', 1)}" in text
    assert bulletin.number(heavy.total_mm, 1) == "273,5"  # Vietnamese decimal comma
    assert "7,30 m" in text and report.levels[0].phrase in text
    for vessel in report.vessels:
        assert vessel.registration in text
    assert HOSTILE not in text and "&lt;script&gt;" in text
    pictures = re.findall(r'<img src="data:image/png;base64,([A-Za-z0-9+/=]+)"', text)
    assert len(pictures) == 3  # map, rain chart, level chart
    assert all(len(p) > 2000 for p in pictures)


def test_pdf_pages_carry_the_figures(qapp, archive, tmp_path):
    require_program("pdftotext", install_hint="apt-get install -y poppler-utils")
    report = _report(archive)
    out = write_report(report, tmp_path / "r.pdf")
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True,
                          text=True, check=True).stdout
    pages = text.count("\f")
    assert 2 <= pages <= 6
    assert "273,5" in text and "7,30 m" in text
    for row in report.rain:
        assert row.name in text and bulletin.number(row.total_mm, 1) in text
    assert "trực ban A" in text and "trực ban B" in text


def _run(argv, capsys):
    code = main.main(argv)
    return code, capsys.readouterr().err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--report", "2025-11-18 19:00", "2025-11-19T07:00"], "must be local time like"),
        (["--report", "2025-11-19T07:00", "2025-11-18T19:00"], "must be after FROM"),
        (["--report", "2025-11-18T19:00", "2025-11-19T07:00"], "needs --out"),
        (["--report", "2025-11-18T19:00", "2025-11-19T07:00", "--out", "r.docx"],
         "must end in .pdf or .html"),
    ],
)
def test_bad_input_exits_non_zero_with_a_clear_message(qapp, archive, tmp_path, capsys,
                                                       argv, message):
    argv = [a if a != "r.docx" else str(tmp_path / "r.docx") for a in argv]
    code, err = _run([*argv, "--archive", str(archive)], capsys)
    assert code == 2 and message in err


def test_missing_archive_exits_non_zero(qapp, tmp_path, capsys):
    code, err = _run(["--report", "2025-11-18T19:00", "2025-11-19T07:00", "--out",
                      str(tmp_path / "r.pdf"), "--archive", str(tmp_path / "no.gpkg")], capsys)
    assert code == 4 and "no.gpkg" in err and not (tmp_path / "r.pdf").exists()


def test_report_run_writes_english_html_on_request(qapp, archive, tmp_path, capsys):
    out = tmp_path / "r.html"
    code, err = _run(["--report", "2025-11-18T19:00", "2025-11-19T07:00", "--out", str(out),
                      "--archive", str(archive), "--lang", "en"], capsys)
    assert code == 0, err
    text = out.read_text(encoding="utf-8")
    assert "Shift report 18/11/2025 19:00 – 19/11/2025 07:00" in text
    assert "273.5 mm" in text  # English decimal point
