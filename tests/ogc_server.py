"""A real pygeoapi server (OGC API – Features, software we did not write) on loopback,
serving the shipped basemap themes (resources/basemap, sources in its SOURCES.md).

pygeoapi lives in its own venv, `.ci/venvs/pygeoapi` (installed by
`.ci/setup.d/50-pygeoapi.sh`). The GeoJSON provider wants a unique id per feature, so
each theme is copied with one added property, `fid` ("land.17"); nothing else changes.
The land theme (694 polygons) needs many pages at a small `limit`; it also advertises
EPSG:3857 besides CRS84 (so the client asks in the map's CRS), the places theme only
CRS84 (so the client reprojects), and the province theme a temporal extent.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import requests

from tests.processes import stop_process

ROOT = Path(__file__).resolve().parents[1]
VENV_PYTHON = ROOT / ".ci" / "venvs" / "pygeoapi" / "bin" / "python"
BASEMAP = ROOT / "resources" / "basemap"
THEMES = {
    "land": "Land (GSHHG shoreline)",
    "places": "Places (GeoNames)",
    "rivers": "Rivers",
    "province": "Province boundary",
}
MAP_CRS = "http://www.opengis.net/def/crs/EPSG/0/3857"
CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84"
MAX_ITEMS = 100  # the server's page cap: land needs 7 pages


def available() -> bool:
    return VENV_PYTHON.is_file()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def write_data(folder: Path) -> dict[str, int]:
    """Copies of the themes with a `fid` per feature; returns the feature counts."""
    counts = {}
    for theme in THEMES:
        doc = json.loads((BASEMAP / f"{theme}.geojson").read_text(encoding="utf-8"))
        features = [f for f in doc["features"] if f.get("geometry")]
        for i, feature in enumerate(features):
            feature["properties"] = {"fid": f"{theme}.{i}", **feature["properties"]}
        out = {"type": "FeatureCollection", "features": features}
        (folder / f"{theme}.geojson").write_text(json.dumps(out), encoding="utf-8")
        counts[theme] = len(features)
    return counts


def _resource(theme: str, folder: Path) -> str:
    crs = f"[{CRS84}, {MAP_CRS}]" if theme == "land" else f"[{CRS84}]"
    temporal = (
        "\n      temporal:\n        begin: 2025-07-01T00:00:00Z\n        end: null"
        if theme == "province"
        else ""
    )
    return f"""
  {theme}:
    type: collection
    title: {THEMES[theme]}
    description: shipped basemap theme {theme} (resources/basemap/SOURCES.md)
    keywords: [basemap]
    links: []
    extents:
      spatial:
        bbox: [102.0, 6.0, 118.0, 18.0]
        crs: {CRS84}{temporal}
    providers:
      - type: feature
        name: GeoJSON
        data: {folder / (theme + '.geojson')}
        id_field: fid
        crs: {crs}
"""


def write_config(folder: Path, port: int) -> tuple[Path, Path]:
    """pygeoapi's YAML config and a minimal OpenAPI document (the console never reads
    /openapi; pygeoapi only needs the file to exist)."""
    url = f"http://127.0.0.1:{port}"
    resources = "".join(_resource(theme, folder) for theme in THEMES)
    config = f"""
server:
  bind: {{host: 127.0.0.1, port: {port}}}
  url: {url}
  mimetype: application/json; charset=UTF-8
  encoding: utf-8
  languages: [en-US]
  pretty_print: false
  limits:
    default_items: 10
    max_items: {MAX_ITEMS}
  map:
    url: http://127.0.0.1:{port}/none/{{z}}/{{x}}/{{y}}.png
    attribution: none
logging:
  level: ERROR
metadata:
  identification:
    title: IOC Console test feature server
    description: the shipped basemap themes served by pygeoapi for the console's tests
    keywords: [test]
    keywords_type: theme
    terms_of_service: none
    url: {url}
  license:
    name: see resources/basemap/SOURCES.md
    url: {url}
  provider:
    name: IOC Console tests
    url: {url}
  contact:
    name: IOC Console tests
resources:{resources}"""
    config_path = folder / "pygeoapi.yml"
    config_path.write_text(config, encoding="utf-8")
    openapi = folder / "openapi.json"
    openapi.write_text(
        json.dumps({"openapi": "3.0.2", "info": {"title": "test", "version": "0"}, "paths": {}}),
        encoding="utf-8",
    )
    return config_path, openapi


@dataclass
class PygeoapiServer:
    url: str
    process: subprocess.Popen
    counts: dict[str, int]
    log_path: Path

    def stop(self) -> None:
        stop_process(self.process)


def start(folder: Path, timeout_s: float = 60.0, port: int | None = None) -> PygeoapiServer:
    """Start pygeoapi (Flask's threaded server) on a free loopback port (or `port`, to
    bring a stopped server back) and wait, with a deadline, until /collections answers."""
    folder.mkdir(parents=True, exist_ok=True)
    counts = write_data(folder)
    port = port or free_port()
    config, openapi = write_config(folder, port)
    env = dict(os.environ, PYGEOAPI_CONFIG=str(config), PYGEOAPI_OPENAPI=str(openapi))
    log_path = folder / "pygeoapi.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [str(VENV_PYTHON), "-m", "flask", "--app", "pygeoapi.flask_app", "run",
             "--host", "127.0.0.1", "--port", str(port), "--with-threads"],
            cwd=folder, env=env, stdout=log, stderr=subprocess.STDOUT,
        )
    server = PygeoapiServer(f"http://127.0.0.1:{port}", process, counts, log_path)
    deadline = time.monotonic() + timeout_s
    while True:
        if process.poll() is not None:
            raise RuntimeError(f"pygeoapi exited: {log_path.read_text()[-2000:]}")
        try:
            if requests.get(f"{server.url}/collections?f=json", timeout=2).ok:
                return server
        except requests.RequestException:
            pass
        if time.monotonic() > deadline:
            server.stop()
            raise RuntimeError(f"pygeoapi not ready in {timeout_s:g} s")
        time.sleep(0.1)  # poll interval of the readiness loop (bounded by the deadline)
