"""A past period built from the backend's history endpoints (a real backend process on
loopback): the archive holds what the endpoints serve, the build can be cancelled and
resumed without fetching again what it already wrote, and the report's figures equal
the backend's own history."""

from __future__ import annotations

import numpy as np
import pytest

from console.archive.history import Cancelled, build_period_archive
from console.archive.reader import read_archive
from console.report.compute import build_report
from console.sources.rest_v1 import RestClient


class CountingClient:
    """The real client, counting the history requests it makes."""

    def __init__(self, client: RestClient) -> None:
        self._client = client
        self.history_calls: list[str] = []
        self.track_calls = 0

    def __getattr__(self, name):
        return getattr(self._client, name)

    def history(self, station_id, start, end):
        self.history_calls.append(station_id)
        return self._client.history(station_id, start, end)

    def fleet_tracks(self, start, end):
        self.track_calls += 1
        return self._client.fleet_tracks(start, end)


@pytest.fixture
def client(live_backend):
    c = RestClient(live_backend.url, live_backend.token)
    yield c
    c.close()


def test_period_archive_holds_the_history_and_the_report_matches_it(client, tmp_path):
    now = client.health().server_time
    start, end = now - 12 * 3600, now - 3600
    path = build_period_archive(client, start, end, tmp_path / "p.gpkg")
    data = read_archive(path)
    report = build_report(data, start, end, "en", source=client.base_url)
    rain = [s for s in data.stations if s.kind == "rain"]
    assert len(rain) > 10 and report.rain
    for row in report.rain[:3] + report.rain[-2:]:
        series = client.history(row.station_id, start, end)
        keep = (series.t > start) & (series.t <= end) & np.isfinite(series.value)
        assert row.total_mm == pytest.approx(float(series.value[keep].sum()), abs=1e-6)
    top = report.levels[0]
    series = client.history(top.station_id, start, end)
    assert top.peak_m == pytest.approx(float(np.nanmax(series.value)))
    tracks = client.fleet_tracks(start, end)
    assert len(data.fix_t) == len(tracks.t)
    assert not report.alerts_available  # the backend keeps no alert history
    # the storm bulletins in force then, and who was inside their zones by the tracks
    served = client.storm_bulletins(start, end)
    assert served and [b.number for b in data.storms] == [b.number for b in served]
    assert [b.number for b in report.storms] == [b.number for b in served]
    inside: set[str] = set()
    for k, b in enumerate(served):  # the archive's fixes at sea in each zone in force
        until = served[k + 1].issued_at if k + 1 < len(served) else b.issued_at + 86400
        z = b.danger_zone
        t, lon, lat = data.fix_t, data.fix_lon, data.fix_lat
        sel = ((t >= max(b.issued_at, start)) & (t < until) & (t <= end)
               & (lon >= z.west) & (lon <= z.east) & (lat >= z.south) & (lat <= z.north)
               & (data.fix_status != "in_port"))
        inside |= {data.vessels[i].id for i in data.fix_vessel[sel].tolist()}
    assert inside and {v.vessel_id for v in report.storm_vessels} == inside


def test_build_cancels_and_resumes_without_refetching(client, tmp_path):
    now = client.health().server_time
    start, end = now - 7 * 3600, now - 3600
    counting = CountingClient(client)
    seen: list[int] = []
    with pytest.raises(Cancelled):
        build_period_archive(counting, start, end, tmp_path / "p.gpkg",
                             progress=lambda done, total, what: seen.append(done),
                             cancelled=lambda: len(seen) >= 5)
    first = list(counting.history_calls)
    assert len(first) == 5
    counting.history_calls.clear()
    progress: list[tuple[int, int]] = []
    build_period_archive(counting, start, end, tmp_path / "p.gpkg",
                         progress=lambda done, total, what: progress.append((done, total)))
    assert not set(first) & set(counting.history_calls)  # resumed: not fetched again
    assert progress[-1][0] == progress[-1][1]  # finished
    data = read_archive(tmp_path / "p.gpkg")
    assert set(data.obs) >= set(first)
    assert len(data.obs) == len(first) + len(counting.history_calls)
