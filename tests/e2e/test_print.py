"""`python main.py --print` end to end: the A4 print of the province view as a PDF a
newspaper or a ministry could publish — both archipelagos named (the inset), a complete
legend (no entry cut short), the data source and time (not a loopback address)."""

from __future__ import annotations

import re
import subprocess

from tests.externals import require_program
from tests.main_process import run_main


def test_print_pdf_is_publishable(tmp_path):
    pdftotext = require_program("pdftotext", install_hint="apt-get install -y poppler-utils")
    out = tmp_path / "tinh.pdf"
    result = run_main("--print", str(out))
    assert result.returncode == 0, result.stderr[-2000:]
    text = subprocess.run([pdftotext, str(out), "-"], capture_output=True, text=True,
                          check=True).stdout
    flat = re.sub(r"\s+", " ", text)
    assert "Quần đảo Hoàng Sa" in flat and "Quần đảo Trường Sa" in flat
    assert "…" not in text  # no legend entry (or anything else) elided
    for whole in ("Tỉnh Bình Định cũ (trước 1/7/2025)", "Vùng nguy hiểm (24 giờ tới)",
                  "Hồ chứa đạt/vượt mực nước dâng bình thường"):
        assert whole in flat, whole
    assert "127.0.0.1" not in text and "localhost" not in text
    assert re.search(r"Thời điểm: \d\d/\d\d/\d{4} \d\d:\d\d", flat)
    assert "GSHHG" in flat  # the basemap's credit line


def test_print_refuses_another_extension(tmp_path):
    result = run_main("--print", str(tmp_path / "map.svg"))
    assert result.returncode == 2 and "--print writes .pdf or .png" in result.stderr
