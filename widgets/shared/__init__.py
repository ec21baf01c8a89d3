"""Operators' shared decisions in the window: new incidents, manual position reports of
dark vessels, their map layer and details (see feature.py)."""
