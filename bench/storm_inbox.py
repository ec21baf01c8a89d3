"""storm_inbox_top_rows: what the alert inbox shows in the storm scenario's first
minutes, on the embedded demo backend — the top-level rows an operator must read
(alert groups count as one row each), with the alerts behind them and how many are
"high" or worse. Bar: <= 10 top-level rows, nothing hidden (every alert in the inbox is
one row or a member of one group; checked here, and the run fails if not)."""

from __future__ import annotations

from collections import Counter

from bench.live_common import open_window
from bench.report import context, figure, machine_context
from console.settings import Settings


def run() -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    from console.rules.alert_groups import AlertGroup, group_rows

    qt_app, app, window = open_window(Settings(operator="bench"))
    # the rain alerts come with the first station summaries, polled after the picture
    loop = QEventLoop()
    app.rules.summaries_updated.connect(loop.quit)
    QTimer.singleShot(60_000, loop.quit)
    loop.exec()
    window.flush_pending()
    panel = window.services.live.alerts
    panel.refresh()
    window.flush_pending()
    qt_app.processEvents()
    inbox_rows = panel._wanted()  # what the inbox view holds (before grouping)
    top = [i for i in panel.model.ids if not isinstance(i, tuple)]
    groups = group_rows(inbox_rows, app.rules.inbox.settings.group_min)
    members = sum(len(r.members) if isinstance(r, AlertGroup) else 1 for r in groups)
    if members != len(inbox_rows) or len(groups) != len(top):
        raise SystemExit(f"rows hide alerts: {members} reachable of {len(inbox_rows)}")
    severities = Counter(a.severity for a in inbox_rows)
    kinds = Counter(type(r).__name__ for r in groups)
    context(
        f"workload: demo backend (storm scenario), console at start with the first station "
        f"summaries in; inbox holds {len(inbox_rows)} alerts: "
        + ", ".join(f"{n} {s}" for s, n in sorted(severities.items()))
        + f"; shown as {kinds.get('AlertGroup', 0)} groups and {kinds.get('Alert', 0)} "
        f"single rows; flood state: {app.rules.inbox.in_flood()} "
        f"({app.rules.inbox.flood_count()} opened in the window)"
    )
    machine_context()
    figure("storm_inbox_top_rows", float(len(top)), "rows")
    figure("storm_inbox_alerts", float(len(inbox_rows)), "alerts")
    figure("storm_inbox_high_or_critical",
           float(severities.get("high", 0) + severities.get("critical", 0)), "alerts")
    window.close()
    app.shutdown()


if __name__ == "__main__":
    run()
