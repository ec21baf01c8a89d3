"""The modules that register source kinds (console/sources/registry.py), imported once
by the Sources feature. A new kind adds one line here."""

from __future__ import annotations

import importlib
import logging

log = logging.getLogger(__name__)

KIND_MODULES = (
    "widgets.sources.ogc_kind",  # ogcapi-features, backend
    "widgets.sources.sta_kind",  # sensorthings
    "widgets.sources.ais_kind",  # ais
)


def load_kinds() -> None:
    for name in KIND_MODULES:
        try:
            importlib.import_module(name)
        except ImportError as exc:  # a kind's optional dependency missing: others run
            log.warning("source kind module %s not loaded: %s", name, exc)
