"""The reference backend's stations and readings as OGC SensorThings API v1.1 (read-only)."""
