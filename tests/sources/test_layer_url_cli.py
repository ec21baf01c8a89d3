"""`python main.py --layer URL --screenshot`: the picture waits for the collection's
first data and shows it; a collection whose server is down makes the run fail, naming
the layer and the reason."""

from __future__ import annotations

from PySide6.QtGui import QImage

from tests import ogc_server
from tests.e2e.test_screenshot import colour_share
from tests.main_process import run_main

# the default fill of a user vector layer (VectorLayerStyle: #3b82f6 at alpha 0x55) over
# the basemap's land colour (#f1ede2): the collection's land polygons, seen on land
LAND_UNDER_LAYER = "#b4c9e9"


def test_layer_url_is_on_the_screenshot(tmp_path, pygeoapi):
    out = tmp_path / "shot.png"
    url = f"{pygeoapi.url}/collections/land/items"
    result = run_main("--screenshot", str(out), "--size", "1200x800", "--layer", url,
                      "--lang", "en")
    assert result.returncode == 0, result.stderr[-2000:]
    image = QImage(str(out))
    share = colour_share(image, LAND_UNDER_LAYER, 8)
    assert share > 0.01, f"the collection's polygons are not on the picture: {share:.3%}"
    log = pygeoapi.log_path.read_text(encoding="utf-8", errors="replace")
    assert "/collections/land/items" in log  # asked of the real server


def test_layer_url_of_a_dead_server_fails_the_screenshot(tmp_path):
    out = tmp_path / "shot.png"
    url = f"http://127.0.0.1:{ogc_server.free_port()}/collections/land"
    result = run_main("--screenshot", str(out), "--layer", url, "--lang", "en",
                      "--timeout", "60")
    assert result.returncode == 6, result.stderr[-2000:]
    assert url in result.stderr and "does not answer" in result.stderr
    assert not out.exists()
