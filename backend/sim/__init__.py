"""Seeded simulator of the province: fishing fleet, hydrology, cameras, incidents.

Every quantity is a deterministic function of ``(seed, entity, time)`` or of an
entity's own random stream consumed in time order, so the same seed and start
give the same data no matter how often (or how irregularly) the engine ticks.
"""
