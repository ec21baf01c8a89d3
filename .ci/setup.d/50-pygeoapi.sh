# OGC API – Features client tests (tests/sources/test_ogc_features*.py) run against a real
# pygeoapi server. pygeoapi pins its own stack (Flask, rasterio, pydantic...), so it
# lives in its own venv, .ci/venvs/pygeoapi (git-ignored); 0.21 is the last release
# that supports Python 3.11. The tests find it there (tests/ogc_server.py).
pygeoapi_venv=.ci/venvs/pygeoapi
if ! "${pygeoapi_venv}/bin/python" -c \
    'import importlib.metadata as m, sys; sys.exit(not m.version("pygeoapi").startswith("0.21."))' \
    2>/dev/null; then
  python3 -m venv "${pygeoapi_venv}"
  "${pygeoapi_venv}/bin/pip" install -q "pygeoapi==0.21.*"
fi
unset pygeoapi_venv
