"""Guard against a Qt binding that leaks references to None.

PySide6 6.12.0 on CPython 3.11 decrements None's reference count on every Qt call
that returns nothing; a map that paints for a while then aborts with
"Fatal Python error: none_dealloc". pyproject.toml caps the version; this test
fails if a build with the bug is ever installed again.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QPointF


def test_void_qt_calls_keep_none_refcount():
    point = QPointF()
    before = sys.getrefcount(None)
    for _ in range(2000):
        point.setX(1.0)
    assert sys.getrefcount(None) - before > -100
