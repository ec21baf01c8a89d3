"""Reference IOC REST service and its simulator.

The console talks to this service by default (``python main.py`` starts it as a
child process). It shares only the wire format (``console.sources.wire``) with
the console, never internals, so it can be replaced by the province's real
backend without touching the console.
"""

__version__ = "0.1.0"
# the IOC the demo stands for: Quy Nhơn, centre of Gia Lai province since 1 July 2025
# (former Bình Định and former Gia Lai merged, Resolution 202/2025/QH15)
SITE = "Quy Nhơn, Gia Lai"
