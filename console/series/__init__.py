"""Sensor time series for charts: quality rules, cache, aggregates, projections (no Qt)."""
