"""Maintainer tool: refresh the .ts sources from the code, then compile .qm files.

    python -m resources.i18n.update          # lupdate + lrelease
    python -m resources.i18n.update --check  # exit 1 if a .qm is missing or stale
    python -m resources.i18n.update --merge vi.json  # fill {source: translation}, compile

A merge key "Context::source" fills only that context: Qt's own strings (QFileDialog,
QPlatformTheme) share short sources like "Open" or "Name" with ours, where they mean
something else ("Đang mở" as an incident status, "Tên tàu" as a vessel column).

Translators edit the .ts files (Qt Linguist, `pyside6-linguist`); the .qm files are
compiled from them and checked in so a fresh install needs no Qt tools.
"""

from __future__ import annotations

import argparse
import filecmp
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from xml.etree import ElementTree

ROOT = Path(__file__).resolve().parents[2]
I18N = Path(__file__).resolve().parent
SOURCE_DIRS = ("console", "layers", "widgets")
LANGUAGES = ("vi",)


def _tool(name: str) -> str:
    found = shutil.which(name) or shutil.which(name, path=str(Path(sys.executable).parent))
    if not found:
        raise SystemExit(f"{name} not found: install PySide6-Essentials")
    return found


def sources() -> list[str]:
    files = [str(ROOT / "main.py")]
    for directory in SOURCE_DIRS:
        files += sorted(str(p) for p in (ROOT / directory).rglob("*.py"))
    return files


def ts_path(language: str) -> Path:
    return I18N / f"ioc_console_{language}.ts"


def qm_path(language: str) -> Path:
    return I18N / f"ioc_console_{language}.qm"


def compile_ts(ts: Path, qm: Path) -> None:
    subprocess.run([_tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def extract(ts: Path) -> None:
    """Merge the code's current strings into `ts` (new ones come in 'unfinished')."""
    subprocess.run(
        [
            _tool("pyside6-lupdate"),
            "-silent",
            "-no-obsolete",
            "-tr-function-alias",
            "translate+=_tr,translate+=_trl",
            *sources(),
            "-ts",
            str(ts),
        ],
        check=True,
    )


def update() -> None:
    for language in LANGUAGES:
        extract(ts_path(language))
        compile_ts(ts_path(language), qm_path(language))


def merge(language: str, translations: dict[str, str]) -> list[str]:
    """Fill translations (keyed by source text) into the .ts's unfinished messages; returns
    sources still missing. Finished ones are left alone: one English source can have
    different translations in different contexts ("Name" of a vessel, of a station), and a
    JSON keyed by source alone must not overwrite them."""
    ts = ts_path(language)
    tree = ElementTree.parse(ts)
    missing = []
    for context, message in (
        (c.findtext("name") or "", m) for c in tree.iter("context") for m in c.iter("message")
    ):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None:
            continue
        scoped = f"{context}::{source}"
        if (scoped in translations or source in translations) and (
            translation.get("type") == "unfinished" or scoped in translations
        ):
            translation.text = translations.get(scoped, translations.get(source))
            translation.attrib.pop("type", None)
        elif translation.get("type") == "unfinished":
            missing.append(source)
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return missing


def check() -> bool:
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        for language in LANGUAGES:
            fresh = Path(tmp) / f"{language}.qm"
            compile_ts(ts_path(language), fresh)
            if not qm_path(language).exists() or not filecmp.cmp(fresh, qm_path(language), False):
                print(f"{qm_path(language).name} is stale: run python -m resources.i18n.update")
                ok = False
    return ok


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--check", action="store_true")
    parser.add_argument(
        "--merge",
        metavar="FILE.json",
        action="append",
        default=[],
        help="Vietnamese translations {source: translation} to fill in, then compile",
    )
    args = parser.parse_args()
    if args.check:
        sys.exit(0 if check() else 1)
    update()
    if args.merge:
        merged: dict[str, str] = {}
        for path in args.merge:
            merged.update(json.loads(Path(path).read_text(encoding="utf-8")))
        left = merge("vi", merged)
        compile_ts(ts_path("vi"), qm_path("vi"))
        if left:
            print("still untranslated:", *left, sep="\n  ")
