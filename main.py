"""IOC Console entry point: arguments -> settings -> ConsoleApp -> MainWindow.

Wiring only; see DESIGN.md for the command-line contract.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

from console.settings import Settings
from console.sources.http import RedactingFilter

log = logging.getLogger("ioc-console")


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="main.py", description="IOC Console")
    parser.add_argument("--backend", metavar="URL", help="connect to a running backend")
    parser.add_argument("--token", help="bearer token (or set IOC_TOKEN)")
    parser.add_argument("--lang", choices=("vi", "en"), default="vi", help="UI language")
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
        type=float,
        default=90.0,
        help="seconds to wait for first data in --screenshot mode",
    )
    parser.add_argument("--seed", type=int, default=1, help="demo backend seed")
    parser.add_argument(
        "--speed",
        type=float,
        default=60.0,
        help="demo backend speed (simulated seconds per real second)",
    )
    args = parser.parse_args(argv)
    try:
        w, h = (int(v) for v in args.size.lower().split("x"))
        if w < 320 or h < 240:
            raise ValueError
    except ValueError:
        parser.error(f"--size must look like 1600x1000 (at least 320x240), not {args.size!r}")
    args.width, args.height = w, h
    return args


def setup_logging() -> None:
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RedactingFilter())
    logging.basicConfig(level=logging.INFO, handlers=[handler])


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    setup_logging()
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from console.app import ConsoleApp
    from console.i18n import install_translator
    from widgets.main_window import MainWindow

    qt_app = QApplication.instance() or QApplication(sys.argv[:1])
    qt_app.setApplicationName("IOC Console")
    qt_app.setOrganizationName("IOC")
    try:
        translator = install_translator(qt_app, args.lang)  # noqa: F841 (kept alive)
    except (OSError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    settings = Settings(
        backend_url=args.backend,
        token=args.token or os.environ.get("IOC_TOKEN"),
        language=args.lang,
        demo_seed=args.seed,
        demo_speed=args.speed,
    )
    app = ConsoleApp(settings)
    window = MainWindow(app)
    exit_code = {"value": 0}

    if args.screenshot:
        target = Path(args.screenshot)
        window.resize(args.width, args.height)

        def capture() -> None:
            window.canvas.flush()
            qt_app.processEvents()
            image = window.grab()
            if image.isNull() or not image.save(str(target)):
                print(f"error: could not write screenshot to {target}", file=sys.stderr)
                exit_code["value"] = 1
            else:
                log.info("screenshot written to %s", target)
            window.close()

        def give_up() -> None:
            missing = [f.name for f in app.feeds.feeds() if not f.ready]
            reason = app.feeds.status.message or "no data"
            print(
                f"error: no first data within {args.timeout:g} s "
                f"(waiting for: {', '.join(missing) or 'start-up'}; last error: {reason})",
                file=sys.stderr,
            )
            exit_code["value"] = 3
            window.close()

        def failed(message: str) -> None:
            print(f"error: {message}", file=sys.stderr)
            exit_code["value"] = 4
            window.close()

        window.picture_ready.connect(lambda: QTimer.singleShot(0, capture))
        app.startup_failed.connect(failed)
        QTimer.singleShot(int(args.timeout * 1000), give_up)
    window.show()
    app.start()
    qt_app.exec()
    return exit_code["value"]


if __name__ == "__main__":
    sys.exit(main())
