"""The storm picture's logic: which vessels are in, or heading into, a bulletin's
danger zone (danger.py), and the watch that keeps that current and raises alerts
(watch.py)."""
