"""Sensor time-series charts (pyqtgraph): docks, panels, axis, export."""
