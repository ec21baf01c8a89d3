"""URL routes of the test SensorThings server: the package's v1.1 API under /sensorthings/."""

from django.urls import include, path

urlpatterns = [path("sensorthings/", include("sensorthings.versions.v1_1.urls"))]
