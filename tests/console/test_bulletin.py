"""Bulletin wording and number formats (console.bulletin), pinned to what the province's
flood bulletins actually printed: each row is a statement from a cited bulletin, and our
phrase for the same value must say it the same way (nearest level, above/below/at)."""

from __future__ import annotations

import pytest

from console import bulletin

THANH_HOA = (6.0, 7.0, 8.0)
BINH_NGHI = (15.5, 16.5, 17.5)
VINH_SON = (71.0, 72.5, 74.0)
VAN_CANH = (42.5, 44.0, 45.5)
DIEU_TRI = (3.5, 4.5, 5.5)

# (value, levels, what the bulletin said, where) -- Vietnamese wording, decimal comma
SAID = [
    (7.34, THANH_HOA, "7,34 m, trên BĐ2 0,34 m", "Đài KTTV Bình Định 24/11/2017"),
    (7.62, THANH_HOA, "7,62 m, dưới BĐ3 0,38 m", "Đài KTTV Bình Định 29/11 (07h)"),
    (6.60, THANH_HOA, "6,60 m, dưới BĐ2 0,40 m", "Đài KTTV Bình Định 04/11/2017"),
    (8.55, THANH_HOA, "8,55 m, trên BĐ3 0,55 m", "Đài KTTV Gia Lai 19/11/2025"),
    (8.00, THANH_HOA, "8,00 m, ở mức BĐ3", "Đài KTTV Gia Lai 19/11/2025 (7h)"),
    (7.50, THANH_HOA, "7,50 m, dưới BĐ3 0,50 m", "Đài KTTV Bình Định 18/11/2025 table"),
    (16.31, BINH_NGHI, "16,31 m, dưới BĐ2 0,19 m", "Đài KTTV Bình Định 03/12/2017"),
    (15.86, BINH_NGHI, "15,86 m, trên BĐ1 0,36 m", "Đài KTTV Bình Định 24/11/2017"),
    (72.24, VINH_SON, "72,24 m, dưới BĐ2 0,26 m", "Đài KTTV Bình Định 29/11 (07h)"),
    (71.05, VINH_SON, "71,05 m, trên BĐ1 0,05 m", "Đài KTTV Bình Định 24/11/2017"),
    (41.76, VAN_CANH, "41,76 m, dưới BĐ1 0,74 m", "Đài KTTV Bình Định 29/11 (07h)"),
    (44.73, VAN_CANH, "44,73 m, trên BĐ2 0,73 m", "Đài KTTV Bình Định 04/11/2017"),
    (5.44, DIEU_TRI, "5,44 m, dưới BĐ3 0,06 m", "Đài KTTV Bình Định 10/12/2018"),
    (6.30, DIEU_TRI, "6,30 m, trên BĐ3 0,80 m", "Đài KTTV Bình Định 04/11/2017"),
]

VI_WORDS = {
    "%1, above BĐ%2 by %3": "%1, trên BĐ%2 %3",
    "%1, below BĐ%2 by %3": "%1, dưới BĐ%2 %3",
    "%1, at BĐ%2": "%1, ở mức BĐ%2",
    "disaster risk level %1": "cấp độ rủi ro thiên tai: cấp %1",
    "disaster risk level %1 or higher": "cấp độ rủi ro thiên tai: cấp %1 trở lên",
}


@pytest.fixture
def vietnamese():
    bulletin.configure("vi", lambda _ctx, text: VI_WORDS.get(text, text))
    yield
    bulletin.configure("en", None)


@pytest.mark.parametrize(("value", "levels", "said", "where"), SAID)
def test_phrase_names_the_level_the_bulletin_names(vietnamese, value, levels, said, where):
    assert bulletin.level_phrase(value, levels) == said, where


def test_english_uses_the_decimal_point_and_the_same_levels():
    assert bulletin.level_phrase(6.31, THANH_HOA) == "6.31 m, above BĐ1 by 0.31 m"
    assert bulletin.level_phrase(7.62, THANH_HOA) == "7.62 m, below BĐ3 by 0.38 m"
    assert bulletin.level_phrase(3.10, THANH_HOA) == "3.10 m, below BĐ1 by 2.90 m"


def test_highest_level_reached_is_kept_when_the_next_is_named():
    status = bulletin.level_status(7.62, THANH_HOA)
    assert (status.reached, status.named, status.relation) == (2, 3, "below")


@pytest.mark.parametrize(
    ("value", "decimals", "vi", "en"),
    [
        (1523792, 0, "1.523.792", "1,523,792"),
        (6.31, 2, "6,31", "6.31"),
        (1234.5, 1, "1.234,5", "1,234.5"),
        (-0.38, 2, "-0,38", "-0.38"),
        (float("nan"), 2, "–", "–"),
    ],
)
def test_number_formats(value, decimals, vi, en):
    assert bulletin.number(value, decimals, "vi") == vi
    assert bulletin.number(value, decimals, "en") == en


def test_risk_phrase(vietnamese):
    assert bulletin.risk_phrase(2) == "cấp độ rủi ro thiên tai: cấp 2"
    assert bulletin.risk_phrase(3, open_ended=True) == "cấp độ rủi ro thiên tai: cấp 3 trở lên"


def test_alert_texts_write_counts_and_coordinates_as_the_language_does(vietnamese):
    """Alert titles and messages use the UI's number format, as the overview strip does:
    'Storm danger zone: 2027 vessels' beside a strip saying '2.027' read as two numbers."""
    from console.rules.phrases import phrase

    title, message = phrase("storm_first", {"storm": "Bão số 9", "inside": 2027,
                                            "heading": 1150})
    assert "2.027" in str(title) and "2.027" in str(message) and "1.150" in str(message)
    _title, dark = phrase("vms_lost", {"registration": "BĐ-92904-TS", "name": "Tàu 1",
                                       "fix_time": 1_795_000_000.0, "lat": 13.9512,
                                       "lon": 109.3105})
    assert "13,951" in str(dark) and "109,311" in str(dark)
