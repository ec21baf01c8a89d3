"""Chart value axes write numbers in the UI language's format (console.bulletin)."""

from __future__ import annotations

from console import bulletin
from widgets.timeseries.number_axis import NumberAxis


def test_ticks_use_the_vietnamese_decimal_comma_and_thousands_point(qapp):
    axis = NumberAxis("left")
    bulletin.configure("vi")
    assert axis.tickStrings([6.5, 7.0, 7.5], 1.0, 0.5) == ["6,5", "7,0", "7,5"]
    assert axis.tickStrings([1000.0, 2000.0], 1.0, 1000.0) == ["1.000", "2.000"]
    bulletin.configure("en")
    assert axis.tickStrings([6.5, 7.0], 1.0, 0.5) == ["6.5", "7.0"]
