"""The offline HTML map: no network references for scripts or styles, hostile strings
shown as text, and markers visible in a real browser with networking off."""

from __future__ import annotations

import json
import re
import subprocess
from types import SimpleNamespace

import pytest

from console.export.html import export_html, render_html
from console.export.picture import build_picture
from console.model.freshness import FreshnessPolicy, VmsThresholds
from console.stores.records import RecordStore
from console.stores.vessels import VesselStore
from tests.archive.factory import HOSTILE, T0, incident, station, vessel
from tests.externals import require_program

pytest.importorskip("folium")


@pytest.fixture
def picture(qapp):
    vessels, stations, incidents = VesselStore(), RecordStore(), RecordStore()
    for k in range(4):
        vessels.apply([vessel(i, T0 + 600 * k, k, HOSTILE if i == 0 else None) for i in range(7)])
    stations.apply([station(i, T0, 5.5 + i) for i in range(3)])  # below BĐ1 .. above BĐ2
    incidents.apply([incident("new", T0, 1, title=HOSTILE)])
    app = SimpleNamespace(
        settings=SimpleNamespace(vms=VmsThresholds(), freshness=FreshnessPolicy()),
        vessels=vessels,
        stations=stations,
        incidents=incidents,
    )
    return build_picture(app, None, T0 + 1800, source=HOSTILE)


def test_no_external_scripts_or_styles(picture):
    page = render_html(picture, "Bản đồ tác chiến")
    assert not re.search(r"<script[^>]*\bsrc\s*=", page, re.I), "scripts must be inline"
    assert not re.search(r"<link[^>]*\bhref\s*=\s*[\"']?(https?:)?//", page, re.I)
    assert not re.search(r"@import|url\(\s*[\"']?(https?:)?//", page, re.I)
    assert "cdn.jsdelivr" not in page and "code.jquery" not in page
    assert "L.map(" in page  # Leaflet itself is in the file


def test_hostile_strings_are_escaped(picture):
    page = render_html(picture, HOSTILE)
    assert HOSTILE not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page  # the title
    assert "\\u0026lt;img src=x onerror=alert(1)\\u0026gt;" in page  # popups / tooltips



def test_markers_show_in_a_browser_with_no_network(picture, tmp_path):
    browser = require_program("chromium", "chromium-browser", "google-chrome",
                              install_hint="apt-get install -y chromium")
    page = export_html(picture, tmp_path / "map.html", "Bản đồ " + HOSTILE)
    args = [
        browser,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        f"--user-data-dir={tmp_path / 'profile'}",
        "--proxy-server=127.0.0.1:9",
        "--host-resolver-rules=MAP * ~NOTFOUND",
        "--virtual-time-budget=5000",
        "--dump-dom",
        page.as_uri(),
    ]
    dom = subprocess.run(args, capture_output=True, text=True, timeout=120, check=True).stdout
    assert len(re.findall(r'<path class="ioc-vessel leaflet-interactive"', dom)) == 7
    assert len(re.findall(r'<path class="ioc-station leaflet-interactive"', dom)) == 3
    assert len(re.findall(r'<path class="ioc-incident leaflet-interactive"', dom)) == 1
    assert 'id="ioc-legend"' in dom
    assert not re.search(r"<img[^>]*onerror", dom), "a hostile name became markup"
    assert "Bản đồ &lt;img src=x onerror=alert(1)&gt;" in dom  # shown as text


def test_page_credits_the_basemap_sources_and_names_both_archipelagos(picture):
    page = render_html(picture, "Bản đồ")
    credit = re.search(r'<div id="ioc-attribution">([^<]*)</div>', page)
    assert credit is not None
    for source in ("GSHHG", "Natural Earth", "GeoNames (CC BY 4.0)"):
        assert source in credit.group(1)
    for name in ("Quần đảo Hoàng Sa (Việt Nam)", "Quần đảo Trường Sa (Việt Nam)"):
        # labels sit in the page's script as JSON strings (non-ASCII as \uXXXX)
        assert json.dumps(name)[1:-1] in page or name in page, name
