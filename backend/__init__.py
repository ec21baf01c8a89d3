"""Reference IOC REST service and its simulator.

The console talks to this service by default (``python main.py`` starts it as a
child process). It shares only the wire format (``console.sources.wire``) with
the console, never internals, so it can be replaced by the province's real
backend without touching the console.
"""

__version__ = "0.1.0"
SITE = "Bình Định"
