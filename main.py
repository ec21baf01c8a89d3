"""IOC Console entry point: arguments -> settings -> ConsoleApp -> MainWindow.

Wiring only; see DESIGN.md for the command-line contract.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

from console.logs import setup_logging
from console.settings import Settings

log = logging.getLogger("ioc-console")


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="main.py", description="IOC Console")
    parser.add_argument("--backend", metavar="URL", help="connect to a running backend")
    parser.add_argument("--token", help="bearer token (or set IOC_TOKEN)")
    parser.add_argument(
        "--lang",
        choices=("vi", "en"),
        default=None,
        help="UI language (default: the settings file's, else Vietnamese)",
    )
    parser.add_argument(
        "--screenshot",
        metavar="FILE.png",
        help="render the main window to FILE.png once data is in, then exit",
    )
    parser.add_argument(
        "--size",
        default="1600x1000",
        metavar="WxH",
        help="window size for --screenshot (default 1600x1000)",
    )
    parser.add_argument(
        "--timeout",
        "--wait-timeout",
        type=float,
        default=90.0,
        metavar="S",
        help="seconds to wait for first data and for every --layer in --screenshot and "
        "--export-html mode (default 90)",
    )
    parser.add_argument(
        "--layer",
        action="append",
        default=[],
        metavar="PATH|URL",
        help="add a vector (GeoJSON, GeoPackage, Shapefile) or MBTiles file, an XYZ tile URL "
        "template, or an OGC API - Features collection URL (.../collections/ID[/items]); "
        "repeatable",
    )
    parser.add_argument(
        "--ais",
        action="append",
        default=[],
        metavar="URL",
        help="add an AIS source: tcp://HOST:PORT (a receiver's NMEA server), udp://:PORT "
        "(listen), or file://PATH[?replay=fast][&loop=1] (a recording) (repeatable)",
    )
    parser.add_argument(
        "--sta",
        action="append",
        default=[],
        metavar="URL",
        help="add an OGC SensorThings API service root (e.g. https://host/FROST-Server/v1.1): "
        "its water-level and rain stations join the map, lists, alerts and charts "
        "(repeatable)",
    )
    parser.add_argument(
        "--archive",
        metavar="FILE",
        help="open a recorded archive (GeoPackage) with no backend: review mode",
    )
    parser.add_argument(
        "--export-html",
        metavar="FILE.html",
        help="write the current picture as a self-contained offline HTML map, then exit",
    )
    parser.add_argument(
        "--print",
        metavar="FILE.pdf|png",
        help="write the A4 print layout of the province view (PDF or PNG), then exit",
    )
    parser.add_argument(
        "--print-grid",
        action="store_true",
        help="with --print: add the site's local VN-2000 grid (kilometres)",
    )
    parser.add_argument(
        "--record",
        metavar="FILE.gpkg",
        help="record what the console receives into an archive file while it runs",
    )
    parser.add_argument(
        "--report",
        nargs=2,
        metavar=("FROM", "TO"),
        help="write the shift report for a local-time window (YYYY-MM-DDTHH:MM) and exit",
    )
    parser.add_argument("--out", metavar="FILE.pdf|html", help="the --report output file")
    parser.add_argument("--seed", type=int, default=1, help="demo backend seed")
    parser.add_argument(
        "--speed",
        type=float,
        default=60.0,
        help="demo backend speed (simulated seconds per real second)",
    )
    args = parser.parse_args(argv)
    outputs = [flag for flag, value in (("--screenshot", args.screenshot),
                                         ("--export-html", args.export_html),
                                         ("--print", args.print)) if value]
    if len(outputs) > 1:
        parser.error(f"use one of {', '.join(outputs)} in one run, not several")
    if args.print and Path(args.print).suffix.lower() not in (".pdf", ".png"):
        parser.error(f"--print writes .pdf or .png, not {args.print!r}")
    for url in args.sta:
        if not url.startswith(("http://", "https://")):
            parser.error(f"--sta needs an http:// or https:// URL, not {url!r}")
    try:
        w, h = (int(v) for v in args.size.lower().split("x"))
        if w < 320 or h < 240:
            raise ValueError
    except ValueError:
        parser.error(f"--size must look like 1600x1000 (at least 320x240), not {args.size!r}")
    args.width, args.height = w, h
    from console.sources.ais.endpoint import parse_endpoint

    for url in args.ais:
        try:
            parse_endpoint(url)
        except ValueError as exc:
            parser.error(f"--ais: {exc}")
    return args


def build_settings(args: argparse.Namespace) -> tuple[Settings, list[str]]:
    """Defaults, then the per-user settings file, then the command line (which wins).
    The token comes from --token, else IOC_TOKEN, else the OS keyring (never a file)."""
    from console import config_file, secrets

    settings, problems = config_file.load(Settings())
    overrides: dict = {"demo_seed": args.seed, "demo_speed": args.speed}
    if args.backend:
        overrides["backend_url"] = args.backend
    if args.lang:
        overrides["language"] = args.lang
    settings = replace(settings, **overrides)
    if settings.backend_url is None:  # a "backend" entry of the Sources list names it too
        backend = next((e for e in settings.sources if e.kind == "backend" and e.enabled), None)
        if backend is not None:
            settings = replace(settings, backend_url=backend.url)
    token = args.token
    if token is None and settings.backend_url:
        token = secrets.load_token(settings.backend_url)
    return replace(settings, token=token), problems


def when_all(signals, action) -> None:
    """Run `action` once, after every one of `signals` has fired (in any order)."""
    waiting = set(range(len(signals)))
    done = [False]

    def mark(which: int) -> None:
        waiting.discard(which)
        if not waiting and not done[0]:
            done[0] = True  # never again
            action()

    for i, signal in enumerate(signals):
        signal.connect(lambda *_a, i=i: mark(i))


def start_station_sources(app, args: argparse.Namespace) -> None:
    """The --sta services, polled beside the backend (not in review mode: offline)."""
    if args.sta and args.archive:
        log.warning("--sta ignored in review mode (--archive): the archive is offline")
        return
    from console.live.sta_source import start_sensorthings
    from console.sources.source_health import watch_sensorthings

    for entry in sta_entries(args.sta):
        source = start_sensorthings(app, entry)
        if source is not None:
            watch_sensorthings(app.health, source, entry["name"], entry["url"])


def sta_entries(urls: list[str]) -> list[dict]:
    """Settings-file entries (kind "sensorthings") for the --sta URLs."""
    from console.live.sta_source import DEFAULT_INTERVAL_S, KIND, source_name

    return [{"kind": KIND, "name": source_name(url), "url": url, "enabled": True,
             "interval_s": DEFAULT_INTERVAL_S} for url in urls]


def arrange_failures(app, window, requested, args, exit_code: dict, target: str) -> None:
    """Start-up, archive, layer and time-out failures of a headless run: one line on
    stderr naming the output file and the reason, a non-zero exit status, no file."""
    from PySide6.QtCore import QTimer

    def failed(message: str, code: int = 4) -> None:
        if exit_code["done"]:
            return
        exit_code["done"] = True
        print(f"error: {target} not written: {message}", file=sys.stderr)
        exit_code["value"] = code
        window.close()

    def layer_failed(path: str, reason: str) -> None:
        failed(f"layer {path} could not be loaded: {reason}", 6)

    def source_failed(status) -> None:
        source = next((s for s in app.station_sources if s.name == status.name), None)
        if status.ok is False and source is not None and not source.is_ready:
            failed(f"SensorThings source {status.url} failed: {status.message}", 7)

    def give_up() -> None:
        missing = [f.name for f in app.feeds.feeds() if not f.ready]
        missing += [f"layer {path}" for path in requested.pending]
        missing += [f"SensorThings {s.name}" for s in app.station_sources if not s.is_ready]
        missing += [f"source {h.name}" for h in app.health.waiting()]
        reason = app.feeds.status.message or "no data"
        failed(
            f"no first data within {args.timeout:g} s "
            f"(waiting for: {', '.join(missing) or 'start-up'}; last error: {reason})",
            3,
        )

    app.startup_failed.connect(failed)
    if app.review is not None:
        app.review.failed.connect(failed)
    requested.failed.connect(layer_failed)
    for source in app.station_sources:
        source.status_changed.connect(source_failed)
    QTimer.singleShot(int(args.timeout * 1000), give_up)


def arrange_output(
    app, window, requested, args: argparse.Namespace, exit_code, target: str, what: str,
    write, code: int, ais=None,
) -> None:
    """A headless run's one output (--screenshot, --export-html, --print): once every
    feed and every `--sta` source has its first data, every `--layer` is on the map and
    every `--ais` source has sent a first position, draw what is pending, `write()` the
    file and close; a failure to write exits with `code`, a source that fails first with
    7, a start-up, layer or time-out failure as `arrange_failures` says."""
    from PySide6.QtCore import QTimer

    def run() -> None:
        if exit_code["done"]:
            return
        exit_code["done"] = True
        window.flush_pending()
        try:
            write()
        except (OSError, RuntimeError, ImportError, ValueError) as exc:
            print(f"error: could not write {target}: {exc}", file=sys.stderr)
            exit_code["value"] = code
        else:
            log.info("%s written to %s", what, target)
        window.close()

    # on the next turn: the panels' refreshes pending then are flushed by run()
    sources_ready = requested.all_loaded
    if ais is not None:  # every --ais source's first position too
        from console.sources.ais.attach import both_ready

        sources_ready = both_ready(requested.all_loaded, ais.ready, parent=window)
        ais.failed.connect(lambda reason: _fail_headless(window, exit_code, target, reason))
    stations = [s.ready for s in app.station_sources if not s.is_ready]  # every --sta source
    when_all([picture_signal(app, window), sources_ready, *stations],
             lambda: QTimer.singleShot(0, run))
    arrange_failures(app, window, requested, args, exit_code, target)


def arrange_screenshot(
    qt_app, app, window, requested, args: argparse.Namespace, exit_code, ais=None
) -> None:
    """--screenshot: the main window as it is, rendered to a PNG."""
    target = Path(args.screenshot)
    window.resize(args.width, args.height)

    def write() -> None:
        qt_app.processEvents()
        image = window.grab()
        if image.isNull() or not image.save(str(target)):
            raise OSError("the picture could not be saved")

    arrange_output(app, window, requested, args, exit_code, str(target), "screenshot", write, 1,
                   ais)


def arrange_print(
    qt_app, app, window, requested, args: argparse.Namespace, exit_code, ais=None
) -> None:
    """--print: the A4 print layout of the province view (PDF or PNG by the extension),
    as File > Print makes it: legend, scale, grid, source and time, and the inset with
    Hoàng Sa and Trường Sa."""
    from widgets.main_window import default_view_extent
    from widgets.replay.feature import map_title, picture_time, print_grid, source_text
    from widgets.replay.print_map import export_print

    target = Path(args.print)
    window.resize(args.width, args.height)

    def write() -> None:
        shell = window.shell
        shell.canvas.set_extent(default_view_extent())
        qt_app.processEvents()
        grid = print_grid(shell, args.print_grid or app.settings.print_local_grid)
        export_print(shell, target, map_title(shell), picture_time(shell), source_text(shell),
                     grid)

    arrange_output(app, window, requested, args, exit_code, str(target), "print", write, 5,
                   ais)


def _fail_headless(window, exit_code: dict, target, reason: str) -> None:
    """A source given on the command line failed before the picture: say so, exit 7."""
    if exit_code["done"]:
        return
    exit_code["done"] = True
    print(f"error: {target} not written: {reason}", file=sys.stderr)
    exit_code["value"] = 7
    window.close()


def picture_signal(app, window):
    """The signal that says the picture is complete: the archive opened (review mode),
    else first data on every layer."""
    return app.review.ready if app.review is not None else window.picture_ready


def arrange_export_html(
    qt_app, app, window, requested, args: argparse.Namespace, exit_code, ais=None
) -> None:
    """--export-html: the picture as a self-contained offline HTML map."""
    from widgets.replay.feature import write_html

    def write() -> None:
        write_html(window.shell, args.export_html)

    arrange_output(app, window, requested, args, exit_code, args.export_html, "HTML map",
                   write, 5, ais)


def arrange_termination(qt_app):
    """SIGTERM / SIGINT close every window through its close event (the main window's
    flushes the outbox, closes the archive and saves the layout), then leave the event
    loop: a clean exit with status 0 instead of 143 (console/termination.py)."""
    from console.termination import TerminationSignals

    terminations = TerminationSignals(qt_app)

    def terminate(_signum: int) -> None:
        qt_app.closeAllWindows()
        qt_app.quit()  # even if another top-level window refused to close

    terminations.requested.connect(terminate)
    return terminations


def start_ais_sources(app, urls: list[str]):
    """Start every `--ais URL` source on the app; the readiness of all of them."""
    from console.sources.ais.attach import AisReadiness, start_ais
    from console.sources.source_health import watch_ais

    sources = [start_ais(app, url) for url in urls]
    for source, url in zip(sources, urls, strict=True):
        watch_ais(app.health, source, source.name, url)
    return AisReadiness(sources, parent=app)


def launch(args: argparse.Namespace) -> tuple[Any, Settings, list[str], Any]:
    """The Qt application, the settings and, unless another backend or an archive is
    named, the demo backend already starting: its start-up (~2 s, its simulator seeds
    the fleet) overlaps the console's imports and window instead of following them."""
    from PySide6.QtWidgets import QApplication

    from console.backend_process import start_demo_backend

    if args.export_html or args.print:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # headless scheduled outputs
    qt_app = QApplication.instance() or QApplication(sys.argv[:1])
    qt_app.setApplicationName("IOC Console")
    qt_app.setOrganizationName("IOC")
    settings, problems = build_settings(args)
    demo = (start_demo_backend(settings, qt_app)
            if not settings.backend_url and not args.archive else None)
    return qt_app, settings, problems, demo


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    log_path = setup_logging()
    log.info("IOC Console starting; log file: %s", log_path)
    if args.report:  # a scheduled run: no window, no demo backend
        from widgets.report.run import run_report

        return run_report(args)
    from PySide6.QtCore import QCoreApplication

    qt_app, settings, problems, demo = launch(args)

    from console.app import ConsoleApp
    from console.gc_guard import GuiThreadGarbageCollector, freeze_long_lived
    from widgets.requested_layers import RequestedLayers
    from widgets.theme import apply_theme
    from widgets.window_host import WindowHost

    collector = GuiThreadGarbageCollector(parent=qt_app)  # noqa: F841 (lives with qt_app)
    for problem in problems:
        log.warning("settings: %s", problem)
    apply_theme(qt_app, settings.theme, settings.font_scale)
    app = ConsoleApp(settings, demo_backend=demo)
    if args.archive:
        app.start_review(args.archive)  # before the window: features see app.review
    try:
        host = WindowHost(qt_app, app)
    except (OSError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    window = host.window
    terminations = arrange_termination(qt_app)
    if problems:
        window.statusBar().showMessage(
            QCoreApplication.translate(
                "Main", "Some settings were invalid and were ignored: %1"
            ).replace("%1", "; ".join(problems)),
            30000,
        )
    requested = RequestedLayers(window.services.map_features.loader, parent=window)
    exit_code = {"value": 0, "done": False}
    ais = start_ais_sources(app, args.ais) if args.ais and not args.archive else None
    start_station_sources(app, args)
    arrange = (arrange_screenshot if args.screenshot else arrange_export_html
               if args.export_html else arrange_print if args.print else None)
    if arrange is not None:
        arrange(qt_app, app, window, requested, args, exit_code, ais)
    requested.load(args.layer)
    window.picture_ready.connect(freeze_long_lived)  # shorter GC pauses from then on
    window.show()
    if not args.archive:
        app.start()
    if args.record and not args.archive:
        app.start_recording(args.record)
    window.picture_ready.connect(lambda: log.info("console up: first picture complete"))
    qt_app.exec()
    terminations.close()
    log.info("IOC Console stopped (exit status %d)", exit_code["value"])
    return exit_code["value"]


if __name__ == "__main__":
    sys.exit(main())
