"""The Vietnamese translation follows the glossary (resources/i18n/glossary.json): one
word for one thing, none of the variants a control room stumbles on."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

from resources.i18n import update

GLOSSARY = json.loads((Path(update.I18N) / "glossary.json").read_text(encoding="utf-8"))


def _messages() -> list[tuple[str, str, str]]:
    tree = ET.parse(update.ts_path("vi"))
    return [
        (ctx.findtext("name"), m.findtext("source") or "", m.findtext("translation") or "")
        for ctx in tree.iter("context")
        for m in ctx.iter("message")
    ]


def _plain(text: str) -> str:
    return text.replace("&", "").strip().casefold()


def test_glossary_terms_are_translated_as_the_glossary_says():
    wrong = []
    for context, source, translation in _messages():
        for term in GLOSSARY["terms"]:
            if _plain(source) == _plain(term["en"]) and _plain(translation) != _plain(
                term["vi"]
            ):
                wrong.append(f"{context}: {source!r} -> {translation!r} (want {term['vi']!r})")
    assert wrong == []


def test_no_translation_uses_an_avoided_variant():
    found = []
    for context, source, translation in _messages():
        for term in GLOSSARY["terms"]:
            for bad in term["avoid"]:
                if bad.casefold() in translation.casefold():
                    found.append(f"{context}: {source!r} -> {translation!r} has {bad!r}")
    assert found == []
