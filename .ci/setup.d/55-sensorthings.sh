# The SensorThings server our client is tested against (tests/sensorthings): the PyPI
# package django-ogc-sensorthings, in its own venv so that Django and its pins stay out of
# the console's environment. (Fraunhofer's frost-sta-client, which reads OUR server in
# the tests, shares the console's dependencies and comes with the [test] extra.)
sta_venv=.ci/venvs/sensorthings
if ! "$sta_venv/bin/python" -c "import sensorthings, django" >/dev/null 2>&1; then
  python3 -m venv "$sta_venv"
  "$sta_venv/bin/pip" install -q "django-ogc-sensorthings==1.2.0" "django>=4.2,<6"
fi
