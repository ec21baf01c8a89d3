"""Generated test data: province-like layers in VN-2000 (EPSG:9217), MBTiles files,
PNG tiles, and a loopback tile server. Nothing is downloaded."""

from __future__ import annotations

import sqlite3
import threading
from http.server import ThreadingHTTPServer
from pathlib import Path

import numpy as np
import shapely

from console.geo.crs import transformer
from tests.loopback_http import QuietHandler

QUY_NHON = (109.2237, 13.7765)  # lon, lat


def vn2000(lon: float, lat: float) -> tuple[float, float]:
    east, north = transformer("EPSG:4326", "EPSG:9217").transform(lon, lat)
    return float(east), float(north)


def make_gpkg(path: Path) -> Path:
    """Two tables in EPSG:9217: 'communes' (3 polygons) and 'stations' (4 points),
    plus a line table 'roads' in WGS84."""
    import geopandas as gpd

    cx, cy = vn2000(*QUY_NHON)
    polys = [
        shapely.box(cx - 6000 + i * 4000, cy - 3000, cx - 2000 + i * 4000, cy + 3000)
        for i in range(3)
    ]
    communes = gpd.GeoDataFrame(
        {
            "name": ["Phường Hải Cảng", "Phường Thị Nại", "Phường Đống Đa"],
            "pop": [21000, 18000, 25000],
        },
        geometry=polys,
        crs="EPSG:9217",
    )
    communes.to_file(path, layer="communes", driver="GPKG", engine="pyogrio")
    points = [
        shapely.Point(cx + dx, cy + dy)
        for dx, dy in ((0, 0), (1500, 500), (-3000, 2000), (5000, -2500))
    ]
    stations = gpd.GeoDataFrame(
        {"code": ["QN1", "QN2", "QN3", "QN4"]}, geometry=points, crs="EPSG:9217"
    )
    stations.to_file(path, layer="stations", driver="GPKG", engine="pyogrio")
    lon, lat = QUY_NHON
    road = shapely.LineString(
        [(lon - 0.08, lat - 0.05), (lon, lat - 0.02), (lon + 0.06, lat + 0.04)]
    )
    roads = gpd.GeoDataFrame({"ref": ["QL1D"]}, geometry=[road], crs="EPSG:4326")
    roads.to_file(path, layer="roads", driver="GPKG", engine="pyogrio")
    return path


def png_tile(color: tuple[int, int, int]) -> bytes:
    """A 256 px PNG of one colour with a darker top band (to check the row order)."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QColor, QImage

    image = QImage(256, 256, QImage.Format.Format_RGB32)
    image.fill(QColor(*color))
    for y in range(32):
        for x in range(256):
            image.setPixelColor(x, y, QColor(*(c // 3 for c in color)))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def make_mbtiles(
    path: Path, tiles: dict[tuple[int, int, int], bytes], meta: dict[str, str]
) -> Path:
    """Write `tiles` keyed by XYZ (z, x, y) using the MBTiles TMS row order by hand."""
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE metadata (name TEXT, value TEXT)")
    conn.execute(
        "CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER,"
        " tile_data BLOB)"
    )
    conn.executemany("INSERT INTO metadata VALUES (?, ?)", meta.items())
    for (z, x, y), data in tiles.items():
        conn.execute("INSERT INTO tiles VALUES (?, ?, ?, ?)", (z, x, (1 << z) - 1 - y, data))
    conn.commit()
    conn.close()
    return path


class TileServer:
    """A loopback XYZ server: /z/x/y.png returns a PNG whose colour encodes z; counts
    requests; 404 for z > max_zoom.

    `gate`: while cleared, every request is recorded on arrival and then held until it
    is set, so a test can decide when the client's in-flight loads may finish.
    """

    def __init__(self, max_zoom: int = 14) -> None:
        self.requests: list[str] = []
        self.user_agents: set[str] = set()
        self.max_zoom = max_zoom
        self.gate = threading.Event()
        self.gate.set()
        server = self

        class Handler(QuietHandler):
            def do_GET(self) -> None:
                server.requests.append(self.path)
                server.user_agents.add(self.headers.get("User-Agent", ""))
                server.gate.wait(10)
                try:
                    z, _x, y = (
                        int(p) for p in self.path.strip("/").removesuffix(".png").split("/")
                    )
                except ValueError:
                    self.send_error(400)
                    return
                if z > server.max_zoom:
                    self.send_error(404)
                    return
                self.reply(200, "image/png", png_tile((40 + 10 * z, 120, 200 - (y % 2) * 40)))

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/{{z}}/{{x}}/{{y}}.png"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.gate.set()
        self.httpd.shutdown()
        self.httpd.server_close()


def coastline_polygon(vertices: int, seed: int = 1) -> shapely.Polygon:
    """A ragged, valid polygon of about `vertices` vertices around Bình Định (EPSG:3857)."""
    rng = np.random.default_rng(seed)
    t = np.linspace(0, 2 * np.pi, vertices, endpoint=False)
    r = 250_000 * (1 + 0.12 * np.sin(7 * t) + 0.04 * np.sin(53 * t) + 0.01 * np.sin(997 * t))
    r = r + rng.normal(0, 40, vertices)
    cx, cy = transformer("EPSG:4326", "EPSG:3857").transform(*QUY_NHON)
    return shapely.Polygon(np.column_stack([cx - 200_000 + r * np.cos(t), cy + r * np.sin(t)]))
