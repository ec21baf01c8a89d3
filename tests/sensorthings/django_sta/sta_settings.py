"""Django settings of the third-party SensorThings server the tests read
(django-ogc-sensorthings, in its own venv .ci/venvs/sensorthings): its own Django ORM
backend on a throw-away SQLite file named by $STA_DB, served at $STA_URL."""

import os
from uuid import UUID

SECRET_KEY = "test-only-not-secret"  # a loopback test server, never deployed
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
ROOT_URLCONF = "sta_urls"
USE_TZ = True
INSTALLED_APPS = [
    "django.contrib.contenttypes",
    "django.contrib.auth",
    "sensorthings.versions.v1_1",
    "sensorthings.versions.v1_1.backends.django",
    "sensorthings.versions.v1_1.extensions.dataarray",
]
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": os.environ["STA_DB"]}}
SENSORTHINGS_V1_1_SERVICE_URL = os.environ["STA_URL"]
SENSORTHINGS_V1_1_BACKEND_ADAPTER = (
    "sensorthings.versions.v1_1.backends.django.adapter.DjangoBackendAdapter")
SENSORTHINGS_V1_1_ID_TYPE = UUID
SENSORTHINGS_V1_1_ID_DELIMITER = "'"
