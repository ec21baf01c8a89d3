"""`main.py --report FROM TO --out FILE.pdf|html`: the shift report for a scheduled run.

Headless (offscreen Qt unless a display is asked for), no window: read the source (an
archive file, or the backend's history built into a temporary archive), compute, write,
exit. Exit status: 0 written; 2 bad arguments; 4 the source failed; 5 the file could not
be written — each with one line on stderr that names the problem.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import tempfile
from datetime import datetime
from pathlib import Path

from console.timefmt import VIETNAM

log = logging.getLogger(__name__)
TIME_FORMAT = "%Y-%m-%dT%H:%M"
EXIT_BAD_INPUT, EXIT_SOURCE, EXIT_WRITE = 2, 4, 5


class ReportInputError(ValueError):
    """An argument of the report run is wrong (the message says which and how)."""


def parse_local(text: str, what: str) -> float:
    """'2025-11-18T19:00' in Vietnam time -> epoch seconds UTC."""
    try:
        when = datetime.strptime(text, TIME_FORMAT)
    except ValueError:
        raise ReportInputError(
            f"--report {what} must be local time like 2025-11-18T19:00, not {text!r}"
        ) from None
    return when.replace(tzinfo=VIETNAM).timestamp()


def check(args: argparse.Namespace) -> tuple[float, float, Path]:
    """The window and output path, or ReportInputError saying what is wrong."""
    start = parse_local(args.report[0], "FROM")
    end = parse_local(args.report[1], "TO")
    if end <= start:
        raise ReportInputError(f"--report TO ({args.report[1]}) must be after FROM "
                               f"({args.report[0]})")
    if not args.out:
        raise ReportInputError("--report needs --out FILE.pdf or --out FILE.html")
    out = Path(args.out)
    if out.suffix.lower() not in (".pdf", ".html", ".htm"):
        raise ReportInputError(f"--out must end in .pdf or .html, not {out.name!r}")
    if not out.parent.is_dir():
        raise ReportInputError(f"--out: folder {out.parent} does not exist")
    if bool(args.archive) == bool(args.backend):
        raise ReportInputError("--report needs exactly one source: --archive FILE or "
                               "--backend URL")
    return start, end, out


def _load(args: argparse.Namespace, start: float, end: float, workdir: Path):
    """The archive data to report on: the file given, or one built from the backend."""
    from console.archive.reader import read_archive

    if args.archive:
        return read_archive(args.archive), str(args.archive)
    from console.archive.history import build_period_archive
    from console.sources.rest_v1 import RestClient

    client = RestClient(args.backend, args.token or os.environ.get("IOC_TOKEN"))
    try:
        path = build_period_archive(client, start, end, workdir / "period.gpkg")
    finally:
        client.close()
    return read_archive(path), args.backend


def run_report(args: argparse.Namespace) -> int:
    """The whole scheduled run; returns the exit status."""
    try:
        start, end, out = check(args)
    except ReportInputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from console.i18n import install_translator, set_translate

    app = QApplication.instance() or QApplication(sys.argv[:1])
    language = args.lang or "vi"  # the report is Vietnamese unless English is asked for
    translator = install_translator(app, language)
    try:
        return _produce(args, start, end, out, language)
    finally:  # an in-process caller (tests) gets its translation state back
        if translator is not None:
            app.removeTranslator(translator)
        set_translate(None)


def _produce(args: argparse.Namespace, start: float, end: float, out: Path, language: str) -> int:
    from console.archive.reader import ArchiveError
    from console.report.compute import build_report
    from console.sources.errors import SourceError
    from widgets.report.writer import write_report

    with tempfile.TemporaryDirectory(prefix="ioc-report-") as tmp:
        try:
            data, source = _load(args, start, end, Path(tmp))
        except (ArchiveError, SourceError, OSError) as exc:
            print(f"error: report source failed: {exc}", file=sys.stderr)
            return EXIT_SOURCE
        first, last = data.time_range()
        if last < start or first > end:
            log.warning("the source holds no data in the window (it spans %s .. %s)",
                        first, last)
            print("warning: the source holds no data in the report window", file=sys.stderr)
        report = build_report(data, start, end, language, source=source)
        try:
            write_report(report, out)
        except (OSError, ValueError) as exc:
            print(f"error: could not write {out}: {exc}", file=sys.stderr)
            return EXIT_WRITE
    log.info("shift report written to %s", out)
    print(out)
    return 0
