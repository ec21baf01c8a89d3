"""Write `simulated-quy-nhon.nmea`: SIMULATED AIS traffic off Quy Nhơn for the demo and
the screenshot (the recorded real files in this folder are from other seas).

Invented, and labelled so in the file: ships on a coastal lane ~25 km offshore and at
the Quy Nhơn anchorage (class A, messages 1 and 5), small craft near the coast (class
B, messages 18 and 24), and three boats of the demo backend's VMS fleet (seed 1) whose
AIS name is their registration, so the console shows them once with both sources.
Encoded with pyais; the anchorage is the simulator's cited port table's (backend/sim/
geo.py). Run: `python -m resources.ais.simulate`.
"""

from __future__ import annotations

import random
from pathlib import Path

from pyais.encode import encode_dict

from backend.sim.geo import PORT_INFO
from backend.sim.vessels import _registrations

OUT = Path(__file__).resolve().parent / "simulated-quy-nhon.nmea"
MID = 574  # Viet Nam's maritime identification digits (ITU MID table)


def _lines(message: dict) -> list[str]:
    return encode_dict(message, radio_channel="A", talker_id="AI", sentence_type="VDM")


def build(seed: int = 19) -> list[str]:
    rng = random.Random(seed)
    anchor_lon, anchor_lat = PORT_INFO["Quy Nhơn"].anchor
    out = ["# SIMULATED AIS traffic off Quy Nhon (not a recording): resources/ais/simulate.py"]
    mmsi = MID * 1_000_000 + 100_000

    def ship(lon, lat, speed, course, status, name, callsign, ship_type, length):
        nonlocal mmsi
        mmsi += rng.randrange(1, 997)
        out.extend(_lines({"type": 1, "mmsi": mmsi, "status": status, "speed": speed,
                           "lon": lon, "lat": lat, "course": course, "heading": int(course),
                           "second": rng.randrange(60)}))
        out.extend(_lines({"type": 5, "mmsi": mmsi, "shipname": name, "callsign": callsign,
                           "ship_type": ship_type, "to_bow": int(length * 0.7),
                           "to_stern": length - int(length * 0.7), "seq_id": 1}))

    def boat(lon, lat, speed, course, name, ship_type=30, length=14):
        nonlocal mmsi
        mmsi += rng.randrange(1, 997)
        out.extend(_lines({"type": 18, "mmsi": mmsi, "speed": speed, "lon": lon, "lat": lat,
                           "course": course, "heading": int(course),
                           "second": rng.randrange(60)}))
        out.extend(_lines({"type": 24, "mmsi": mmsi, "partno": 0, "shipname": name}))
        out.extend(_lines({"type": 24, "mmsi": mmsi, "partno": 1, "ship_type": ship_type,
                           "callsign": "", "to_bow": length // 2,
                           "to_stern": length - length // 2}))

    for i in range(9):  # the coastal lane, both ways
        north = i % 2 == 0
        ship(round(109.52 + rng.uniform(-0.04, 0.04), 5), round(13.2 + i * 0.13, 5),
             round(rng.uniform(9, 14), 1), rng.uniform(355, 360) if north else 180.0, 0,
             f"SIM TRADER {i + 1}", f"XVS{i:02d}", 70 + i % 2 * 10, rng.randrange(90, 190))
    for i in range(4):  # waiting at the anchorage
        ship(round(anchor_lon + 0.03 + rng.uniform(0, 0.03), 5),
             round(anchor_lat - 0.02 + rng.uniform(-0.02, 0.02), 5),
             0.0, 0.0, 1, f"SIM ANCHOR {i + 1}", f"XVA{i:02d}", 70, rng.randrange(80, 150))
    for i in range(12):  # small craft near the coast
        boat(round(109.28 + rng.uniform(0, 0.14), 5), round(13.55 + rng.uniform(0, 0.5), 5),
             round(rng.uniform(0, 7), 1), round(rng.uniform(0, 359), 1), f"SIM BOAT {i + 1}")
    for i, registration in enumerate(_registrations(1, 3242)[:3]):  # also on VMS
        name = registration.replace("Đ", "D").replace("-", " ")
        boat(round(109.30 + 0.03 * i, 5), round(13.82 + 0.02 * i, 5), 6.5, 60.0, name)
    return out


if __name__ == "__main__":
    OUT.write_text("\n".join(build()) + "\n", encoding="ascii")
    print(f"wrote {OUT}")
