"""Exports of the current picture: offline HTML map, tables (CSV / GeoPackage), print layout."""
