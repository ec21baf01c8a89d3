"""The Vietnamese translation is complete and its compiled .qm is up to date."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from resources.i18n import update


def test_every_string_has_a_vietnamese_translation():
    tree = ET.parse(update.ts_path("vi"))
    unfinished = [
        m.findtext("source")
        for m in tree.iter("message")
        if m.find("translation").get("type") == "unfinished" or not m.findtext("translation")
    ]
    assert unfinished == []


def test_compiled_qm_matches_ts():
    assert update.check()


def test_ts_covers_every_string_in_the_code(tmp_path):
    """Re-extract the code's strings into a copy of the .ts: nothing may be new."""
    copy = tmp_path / "vi.ts"
    copy.write_bytes(update.ts_path("vi").read_bytes())
    update.extract(copy)
    tree = ET.parse(copy)
    untranslated = [
        m.findtext("source")
        for m in tree.iter("message")
        if m.find("translation").get("type") == "unfinished"
    ]
    assert untranslated == [], "run python -m resources.i18n.update and translate these"
