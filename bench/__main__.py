"""`python -m bench [NAME ...]`: run all benchmarks or the named ones."""

from __future__ import annotations

import importlib
import sys

BENCHES = {
    "startup": "bench.startup",
    "map_frame": "bench.map_frame",
    "basemap_500k": "bench.basemap_500k",
    "basemap_shipped": "bench.basemap_shipped",
    "fault_stall": "bench.fault_stall",
    "live_frame": "bench.live_frame",
    "city_frame": "bench.city_frame",
    "live_100k": "bench.live_100k",
    "ingest": "bench.ingest",
    "ais_ingest": "bench.ais_ingest",
    "replay": "bench.replay",
    "incident_actions": "bench.incident_actions",
    "chart_open": "bench.chart_open",
    "chart_frame": "bench.chart_frame",
    "backend_durability": "bench.backend_durability",
    "backend_load": "bench.backend_load",
    "period_build": "bench.period_build",
    "video_wall": "bench.video_wall",
    "shared_ack": "bench.shared_ack",
    "ogc_layer": "bench.ogc_layer",
    "storm_inbox": "bench.storm_inbox",
    "alert_latency": "bench.alert_latency",
    "sta": "bench.sta",
}


def main(argv: list[str]) -> int:
    names = argv or list(BENCHES)
    unknown = [n for n in names if n not in BENCHES]
    if unknown:
        print(
            f"unknown benchmark(s): {', '.join(unknown)}; known: {', '.join(BENCHES)}",
            file=sys.stderr,
        )
        return 2
    for name in names:
        print(f"# --- {name}", flush=True)
        importlib.import_module(BENCHES[name]).run()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
