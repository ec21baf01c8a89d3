"""Recorded real AIS sentences (sources and licences in README.md beside this file)."""

from pathlib import Path

AIS_DIR = Path(__file__).resolve().parent
GPSD_SAMPLE = AIS_DIR / "gpsd-sample.aivdm"
PYAIS_SAMPLE = AIS_DIR / "pyais-nmea-data-sample.txt"
