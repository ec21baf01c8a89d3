"""What reading the reference backend's stations over SensorThings costs, on a real
`python -m backend` (its /sta/v1.1) read by our client (console/sources/sensorthings.py):

- sta_first_poll_s: the client's first poll: ObservedProperties, 102 Things with their
  Locations and Datastreams, and 24 h of readings of every station as dataArray pages;
- sta_next_poll_ms_p50: a later poll (stations again, readings since the newest seen);
- sta_series_ms_p50: one chart series, 7 days of 10-minute readings as dataArray;
- sta_things_latest_ms_p50: the server answering one nested $expand a generic client
  would send for "every station with its latest reading".
No GUI is involved: the console runs all of these on workers (see tests for the stall).
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

import requests

from bench.backend_durability import TOKEN, start_backend
from bench.report import context, figure, machine_context, median
from console.sources.sensorthings import SensorThingsClient

REPEATS = 5


def run() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        # real time, as a SensorThings service runs (the client reads the last 24 h)
        proc, url, _ = start_backend(Path(tmp) / "bench.db", speed=1)
        try:
            _measure(f"{url}/sta/v1.1")
        finally:
            proc.terminate()
            proc.wait(10)


def _measure(root: str) -> None:
    client = SensorThingsClient(root, "bench", token=TOKEN)
    began = time.perf_counter()
    first = client.poll()
    first_s = time.perf_counter() - began
    readings = sum(len(r.t) for r in client._readings.values())
    nxt, series, latest = [], [], []
    water = next(s for s in first.stations if s.code == "TV-THANHHOA")
    session = requests.Session()
    session.headers["Authorization"] = f"Bearer {TOKEN}"
    expand = "Locations,Datastreams($expand=Observations($orderby=phenomenonTime desc;$top=1))"
    for _ in range(REPEATS):
        began = time.perf_counter()
        client.poll()
        nxt.append((time.perf_counter() - began) * 1000)
        began = time.perf_counter()
        got = client.history(water.id, time.time() - 7 * 86400, time.time() + 86400)
        series.append((time.perf_counter() - began) * 1000)
        began = time.perf_counter()
        answer = session.get(f"{root}/Things", params={"$expand": expand, "$top": "1000"},
                             timeout=60)
        answer.raise_for_status()
        latest.append((time.perf_counter() - began) * 1000)
    machine_context()
    context(f"workload: {len(first.stations)} stations, {readings} readings in the first "
            f"poll ({first.requests} requests, 1000 readings a page); a 7-day series of "
            f"{len(got.t)} readings; {REPEATS} repeats of the later figures")
    figure("sta_first_poll_s", first_s, "s")
    figure("sta_next_poll_ms_p50", median(nxt), "ms")
    figure("sta_series_ms_p50", median(series), "ms")
    figure("sta_things_latest_ms_p50", median(latest), "ms")
