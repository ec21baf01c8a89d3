"""Disaster risk level (Decision 18/2021/QĐ-TTg) at the boundaries of each band, from the
shipped resources/config/risk_levels.json, cross-checked with bulletins that stated it."""

from __future__ import annotations

import pytest

from console import risk

CFG = risk.load()
LEVELS = (6.0, 7.0, 8.0)  # any station in the default area (1)
VAN_CANH = (42.5, 44.0, 45.5)  # area 4
VINH_SON = (71.0, 72.5, 74.0)  # area 1


def _flood(station: str, value: float, levels=LEVELS):
    found = CFG.flood(station, value, levels)
    return None if found is None else (found.level, found.open_ended)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (5.99, None),  # below BĐ1: no flood risk level
        (6.00, (1, False)),  # Art. 45(1a): BĐ1 to below BĐ2, area 1
        (6.99, (1, False)),
        (7.00, (1, False)),  # 45(1b): BĐ2 to below BĐ3, area 1
        (7.99, (1, False)),
        (8.00, (2, False)),  # 45(2c): BĐ3 to below BĐ3 + 1.0 m, areas 1-2
        (8.99, (2, False)),
        (9.00, (2, True)),  # beyond the clauses we read: "level 2 or higher"
    ],
)
def test_flood_area_1_bands(value, expected):
    assert _flood("TV-THANHHOA", value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (42.49, None),
        (42.50, (2, False)),  # 45(2a): BĐ1 to below BĐ2, area 4
        (43.99, (2, False)),
        (44.00, (3, False)),  # 45(3a): BĐ2 to below BĐ3 + 0.3 m, area 4
        (45.79, (3, False)),
        (45.80, (3, True)),
    ],
)
def test_flood_area_4_bands(value, expected):
    assert _flood("TV-VANCANH", value, VAN_CANH) == expected


def test_areas_agree_with_the_bulletins_that_stated_a_level():
    # 17/11/2025, Vân Canh forecast peak 45.00 m: "Cảnh báo cấp độ rủi ro thiên tai do lũ: Cấp 3"
    assert _flood("TV-VANCANH", 45.00, VAN_CANH) == (3, False)
    # 11/10/2022, Vĩnh Sơn 73.14 m (above BĐ2): "Cảnh báo cấp độ rủi ro thiên tai do lũ: Cấp 1"
    assert _flood("TV-VINHSON", 73.14, VINH_SON) == (1, False)


def test_no_risk_without_a_reading_or_levels():
    assert CFG.flood("TV-THANHHOA", None, LEVELS) is None
    assert CFG.flood("TV-THANHHOA", 9.0, None) is None


@pytest.mark.parametrize(
    ("mm", "expected"),
    [(None, None), (99.9, None), (100.0, (1, False)), (199.9, (1, False)), (200.0, (1, True))],
)
def test_heavy_rain_bands(mm, expected):
    found = CFG.heavy_rain(mm)
    assert (None if found is None else (found.level, found.open_ended)) == expected


def test_official_colours_only_for_levels_1_to_5():
    assert set(CFG.colours) == {1, 2, 3, 4, 5}
    assert CFG.colour(3) == "#ff9f1c"  # orange
    assert CFG.colour(0) is None


def test_bands_out_of_order_are_rejected():
    bad = {"flood": {"areas": {"1": [{"from": [2, 0.0], "level": 1},
                                     {"from": [1, 0.0], "level": 1}]}}}
    with pytest.raises(ValueError):
        risk.parse(bad)


def test_a_site_file_moves_a_station_to_another_area():
    data = {"flood": {"areas": {"1": [{"from": [1, 0.0], "level": 1}],
                                "4": [{"from": [1, 0.0], "level": 2}]},
                      "default_area": 1, "stations": {"X": {"area": 4}}}}
    cfg = risk.parse(data)
    assert cfg.flood("X", 6.5, LEVELS).level == 2
    assert cfg.flood("Y", 6.5, LEVELS).level == 1
