"""Benchmarks that print figures (`BENCH <name> <value> <unit>`), never pass/fail timers."""
