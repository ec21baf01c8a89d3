"""Fuzzing file input: any bytes in a .geojson file, and structured-but-wrong GeoJSON,
either load or raise VectorFileError with a message — never another exception."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from console.geo.vector_io import VectorFileError, read_vector

# GDAL and geopandas warn about odd input (duplicate ids, empty geometries): expected here
pytestmark = pytest.mark.filterwarnings(
    "ignore::UserWarning",
    "ignore::RuntimeWarning",
    "ignore::pytest.PytestUnraisableExceptionWarning",
)

coordinate = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True), st.integers(), st.text(max_size=3)
)
geometry = st.fixed_dictionaries(
    {
        "type": st.sampled_from(["Point", "LineString", "Polygon", "MultiPolygon", "Nope"]),
        "coordinates": st.recursive(
            st.lists(coordinate, max_size=3),
            lambda inner: st.lists(inner, max_size=3),
            max_leaves=12,
        ),
    }
)
feature = st.fixed_dictionaries(
    {
        "type": st.sampled_from(["Feature", "feature"]),
        "geometry": st.one_of(st.none(), geometry),
        "properties": st.dictionaries(
            st.text(max_size=5),
            st.one_of(st.none(), st.integers(), st.text(max_size=5)),
            max_size=3,
        ),
    }
)
collection = st.fixed_dictionaries(
    {
        "type": st.sampled_from(["FeatureCollection", "Feature", "Nope"]),
        "features": st.lists(feature, max_size=4),
    }
)


def load(payload: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "layer.geojson"
        path.write_bytes(payload)
        try:
            tables = read_vector(path)
        except VectorFileError as exc:
            assert str(exc)
            return
        for table in tables:
            assert table is not None


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=200))
def test_random_bytes_give_a_clear_error(payload):
    load(payload)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(collection)
def test_wrong_geojson_gives_a_clear_error(doc):
    load(json.dumps(doc, allow_nan=True).encode())
