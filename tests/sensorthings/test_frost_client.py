"""Fraunhofer IOSB's frost-sta-client (PyPI), a SensorThings client we did not write,
reads the reference backend's /sta/v1.1: things with a filter over several pages,
a thing's datastreams and locations, observations filtered by time and paged."""

from __future__ import annotations

import importlib.util

import pytest

from backend.timefmt import iso_z, parse_instant
from tests.externals import require_external

# furl (a frost-sta-client dependency) warns about its own deprecated call inside frost
pytestmark = pytest.mark.filterwarnings("ignore:furl.pathstr is deprecated:DeprecationWarning")


@pytest.fixture(scope="module")
def service(live_backend):
    require_external(importlib.util.find_spec("frost_sta_client") is not None,
                     "frost-sta-client", 'pip install -e ".[test]"')
    import frost_sta_client as fsc
    from frost_sta_client.service.auth_handler import AuthHandler

    class BearerAuth(AuthHandler):
        """The backend's bearer token (the library's own handler speaks HTTP Basic)."""

        def __init__(self, token: str) -> None:
            super().__init__()
            self.token = token

        def add_auth_header(self):
            def sign(request):
                request.headers["Authorization"] = f"Bearer {self.token}"
                return request
            return sign

    return fsc.SensorThingsService(f"{live_backend.url}/sta/v1.1",
                                   auth_handler=BearerAuth(live_backend.token))


def test_frost_lists_things_with_a_filter_over_pages(service):
    things = service.things().query().filter("properties/kind eq 'water_level'").top(10).list()
    names = [t.name for t in things]  # iterating follows @iot.nextLink
    assert len(names) == 26 == len(set(names))
    assert "Thạnh Hòa" in names and "Bình Nghi" in names


def test_frost_reads_a_thing_its_location_and_datastream(service):
    thing = service.things().find("TV-THANHHOA")
    assert thing.name == "Thạnh Hòa"
    assert thing.properties["alarm_levels"] == [6.0, 7.0, 8.0]
    (location,) = list(thing.get_locations().query().list())
    assert location.location["coordinates"] == [109.12, 13.87]
    (datastream,) = list(thing.get_datastreams().query().list())
    assert datastream.id == "TV-THANHHOA"
    assert datastream.unit_of_measurement.symbol == "m"


def test_frost_reads_observations_with_a_time_filter_and_paging(service):
    datastream = service.datastreams().find("RG-05")
    newest = datastream.get_observations().query().orderby("phenomenonTime", "DESC").top(1)
    latest = parse_instant(next(iter(newest.list())).phenomenon_time)
    since = latest - 12 * 3600
    observations = datastream.get_observations().query().filter(
        f"phenomenonTime gt {iso_z(since)}").orderby("phenomenonTime", "ASC").top(25).list()
    rows = [(parse_instant(o.phenomenon_time), o.result) for o in observations]
    assert 60 <= len(rows) <= 72  # 12 h of 10-minute readings over 3 pages (a few missing)
    times = [t for t, _ in rows]
    assert times == sorted(times) and len(set(times)) == len(times)
    assert since < times[0] and times[-1] == latest
    assert all(isinstance(v, float) and v >= 0 for _, v in rows)
