"""Live operational picture widgets: vessel / dark-vessel / station lists, the alert
inbox and the overview strip (installed by widgets/live/install.py)."""
