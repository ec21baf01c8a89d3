"""Recorded archive files (GeoPackage): writer, reader and the live recorder."""
