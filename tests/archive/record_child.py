"""Child process for the crash test: records forever through the real Recorder until
killed. Prints `FLUSHED <batches>` after each written batch (stdout, unbuffered)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication, QTimer

from console.archive.recorder import Recorder
from console.stores.records import RecordStore
from console.stores.vessels import VesselStore
from tests.archive.factory import T0, station, vessel


def main(path: str) -> None:
    app = QCoreApplication([])
    vessels, stations = VesselStore(), RecordStore()
    incidents, cameras = RecordStore(), RecordStore()
    recorder = Recorder(path, vessels, stations, incidents, cameras)
    recorder.flushed.connect(lambda n: print(f"FLUSHED {n}", flush=True))
    recorder.start({"site": "test"})
    step = {"k": 0}

    def ingest() -> None:
        k = step["k"] = step["k"] + 1
        t = T0 + 600 * k
        vessels.apply([vessel(i, t, k) for i in range(50)])
        stations.apply([station(i, t, 5.0 + 0.01 * k) for i in range(5)])

    timer = QTimer()
    timer.timeout.connect(ingest)
    timer.start(5)
    app.exec()


if __name__ == "__main__":
    main(sys.argv[1])
