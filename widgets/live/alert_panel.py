"""The alert inbox panel: unacknowledged alerts first by severity (critical pinned on
top), then newest first; severity colours, filter by source, acknowledge (selected / all,
optional comment), timed shelving with undo and a "shelved" view, zoom to.

The order holds while the operator aims (pointer over the rows, or a row selected):
new alerts wait behind an "N new ↑" button instead of pushing rows under the cursor.
Every row says its state (new / acknowledged by whom / shelved until when) and the
header counts each state. The full text of a row is in its tooltip and, for the
current row (arrow keys, Space or Enter), in the details line under the table.

A visible cue (a flashing banner with the count of unacknowledged high-severity
alerts) and an audible one: QtMultimedia is not part of PySide6-Essentials, so the
sound is `QApplication.beep()`, governed by `CuePolicy` (once / repeating,
rate-limited, from rules.json).

Choosing a row (click or arrow keys) or "Zoom to" selects the alert's object (vessel,
station, camera, incident) everywhere: `object_selected(layer_id, item_id)`.

Acknowledgements and shelving are shared: with `decisions` set (the installer does), they
go to the backend through the outbox and every console shows them with who and when;
a row waiting to be sent says so (⏳). `set_rights` disables what the signed-in role
may not do, with the reason in the tooltip; a refusal by the backend is shown in the
notice line with the backend's own message.

Signals: `zoom_requested(float, float)` (lon, lat), `object_selected(str, str)`.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from console.i18n import language
from console.live.timers import timer
from console.rules.alert_groups import AlertGroup, group_rows
from console.rules.alerts import SOURCES, Alert, AlertInbox, CuePolicy
from console.shared.actions import OperatorDecisions
from console.timefmt import format_local, format_short, local
from widgets.live.deferred_refresh import DeferredRefresh
from widgets.live.order_hold import OrderHold
from widgets.live.simple_table import ID_ROLE, Cell, RowCache, row_table
from widgets.operator_state import keep

MAX_ROWS = 500  # in inbox order; later rows stay in the inbox (and its counts)
# rows are rebuilt at most this often: a change after a quiet spell shows on the next turn
# of the event loop (a second console's decision, a new incident), a burst is coalesced
REFRESH_MIN_MS = 250
MIN_ROWS = 8  # the list keeps room for this many rows (the dock's useful minimum)
SEVERITY_RANK = {k: i for i, k in enumerate(("info", "low", "medium", "high", "critical"))}
SOURCE_LAYERS = {  # alert source -> the map layer of the object it is about
    "vessel": "vessels",
    "water_level": "stations",
    "rain": "stations",
    "camera": "cameras",
    "incident": "incidents",
}
SEVERITY_COLORS = {
    "critical": "#b71c1c",
    "high": "#ef6c00",
    "medium": "#fbc02d",
    "low": "#7cb342",
    "info": "#90a4ae",
}


class AlertPanel(QWidget):
    zoom_requested = Signal(float, float)
    extent_requested = Signal(float, float, float, float)  # lon0, lat0, lon1, lat1
    object_selected = Signal(str, str)

    def __init__(self, inbox: AlertInbox, operator: Callable[[], str],
                 parent: QWidget | None = None) -> None:
        """`operator()`: the name a local acknowledgement records, asked at the moment
        (the operator may set their name in Settings after the panel was built)."""
        super().__init__(parent)
        self.inbox = inbox
        self.operator = operator
        self.policy = CuePolicy(inbox.settings)
        self.beeps = 0  # how many audible cues were given (tests, diagnostics)
        self.ask_comment = True
        self.decisions: OperatorDecisions | None = None  # shared through the backend
        self._may: Callable[[str], bool] = lambda _permission: True
        self._denied: Callable[[], str] = lambda: ""
        self._sources = {
            "vessel": self.tr("Vessel"),
            "water_level": self.tr("Water level"),
            "rain": self.tr("Rain"),
            "camera": self.tr("Camera"),
            "incident": self.tr("Incident"),
        }
        self._severities = {
            "critical": self.tr("Critical"),
            "high": self.tr("High"),
            "medium": self.tr("Medium"),
            "low": self.tr("Low"),
            "info": self.tr("Info"),
        }
        self._sized = False
        self._cache = RowCache()
        self.expanded: set[str] = set()  # keys of the groups the operator opened
        self._groups: dict[str, AlertGroup] = {}
        self._build(inbox)
        # rows are rebuilt only while the panel is visible; the banner always follows
        self._deferred = DeferredRefresh(self, self._rebuild_rows, 1000)
        self._flash_on = False
        self._flash = timer(self, 700, self._blink)
        self._tick = timer(self, 2000, self._on_tick, start=True)
        self._pending = timer(self, REFRESH_MIN_MS, self.refresh, single_shot=True)
        self._refreshed_at = -math.inf  # monotonic time of the last refresh
        inbox.changed.connect(self._schedule)
        inbox.cue.connect(self._on_cue)
        self.refresh()

    def _build(self, inbox: AlertInbox) -> None:
        self.banner = self._build_banner()
        self.flood = self._build_flood()
        header = self._build_header()
        self.source = QComboBox()
        self.source.addItem(self.tr("All sources"), None)
        for key in SOURCES:
            self.source.addItem(self._sources[key], key)
        self.source.currentIndexChanged.connect(self.refresh)
        keep(self.source, "alertSourceFilter")
        self.show_cleared = QComboBox()
        self.show_cleared.addItem(self.tr("Active and recent"), True)
        self.show_cleared.addItem(self.tr("Active only"), False)
        self.show_cleared.currentIndexChanged.connect(self.refresh)
        keep(self.show_cleared, "alertClearedFilter")
        self.model, self.proxy, self.view = row_table(
            [
                self.tr("Severity"),
                self.tr("Time"),
                self.tr("Source"),
                self.tr("Alert"),
                self.tr("State"),
            ],
            self,
        )
        # rows arrive in the inbox order; no proxy sort on every rebuild
        self.view.horizontalHeader().setStretchLastSection(False)
        self.view.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.view.setWordWrap(False)
        # the alert text needs the room: its first words name the source ("Water level…",
        # "VMS signal lost…", "Camera offline…") and the filter selects by source; the
        # column stays in the model (tooltips, exports)
        self.view.setColumnHidden(2, True)
        self.view.setMinimumHeight(self._rows_height(MIN_ROWS))
        self.view.doubleClicked.connect(self._on_double_click)
        self.view.selectionModel().currentRowChanged.connect(self._show_detail)
        self.view.selectionModel().selectionChanged.connect(self._on_chosen)
        self._rebuilding = False
        self.view.installEventFilter(self)  # Space / Enter: the full text in the details
        self.hold = OrderHold(self.view)
        self.hold.released.connect(self._rebuild_now)
        self.notice = self._build_notice()
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._build_undo_bar()
        self._build_buttons(inbox)
        filters = QHBoxLayout()
        filters.addWidget(self.source)
        filters.addWidget(self.show_cleared)
        buttons = QGridLayout()  # two columns: the panel stays narrow and the map wide
        for i, b in enumerate(
            (self.ack, self.ack_all, self.shelve, self.unshelve, self.zoom, self.close_crossing)
        ):
            buttons.addWidget(b, i // 2, i % 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.banner)
        layout.addWidget(self.flood)
        layout.addLayout(header)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.undo_bar)
        layout.addWidget(self.notice)
        layout.addWidget(self.detail)
        layout.addLayout(buttons)

    @staticmethod
    def _build_notice() -> QLabel:
        notice = QLabel()  # the backend's refusal, in its own words
        notice.setObjectName("alertNotice")
        notice.setWordWrap(True)
        notice.setStyleSheet("QLabel { color: #b71c1c; font-weight: bold; }")
        notice.setVisible(False)
        return notice

    @staticmethod
    def _build_banner() -> QLabel:
        banner = QLabel()  # "N high-severity alerts need acknowledgement", flashing
        banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        banner.setWordWrap(True)  # wraps in a narrow dock instead of widening it
        banner.setVisible(False)
        return banner

    @staticmethod
    def _build_flood() -> QLabel:
        flood = QLabel()  # "Alarm flood: N alerts in 10 min — grouped by kind"
        flood.setWordWrap(True)
        flood.setStyleSheet(
            "QLabel { background: #4a148c; color: white; font-weight: bold; padding: 3px; }"
        )
        flood.setVisible(False)
        return flood

    def _build_header(self) -> QGridLayout:
        self.counts = QLabel()  # "3 new · 2 acknowledged · 1 shelved"
        self.counts.setWordWrap(True)
        self.new_rows = QPushButton()  # "N new ↑": brings held-back alerts in
        self.new_rows.setVisible(False)
        self.new_rows.clicked.connect(self._bring_in)
        self.shelved_view = QToolButton()
        self.shelved_view.setCheckable(True)
        self.shelved_view.toggled.connect(self._on_view)
        keep(self.shelved_view, "alertShelvedView")
        # the counts and the shelved view's toggle share a line (the inspector above
        # needs the height); "N new ↑" gets a line of its own when it appears: beside
        # them it would widen the dock and push the map aside whenever alerts wait
        header = QGridLayout()
        header.addWidget(self.counts, 0, 0)
        header.addWidget(self.shelved_view, 0, 1, Qt.AlignmentFlag.AlignRight)
        header.addWidget(self.new_rows, 1, 0, 1, 2, Qt.AlignmentFlag.AlignLeft)
        header.setColumnStretch(0, 1)
        return header

    def _rows_height(self, rows: int) -> int:
        """The height the table needs to show `rows` rows (its useful minimum)."""
        return (
            self.view.horizontalHeader().sizeHint().height()
            + rows * self.view.verticalHeader().defaultSectionSize()
            + 2 * self.view.frameWidth()
        )

    def _build_undo_bar(self) -> None:
        self.undo_label = QLabel()  # feedback after shelving, with its undo
        self.undo = QPushButton(self.tr("Undo"))
        self.undo.clicked.connect(self._undo_shelve)
        self._undo_ids: list[int] = []
        undo_row = QHBoxLayout()
        undo_row.addWidget(self.undo_label, 1)
        undo_row.addWidget(self.undo)
        undo_row.setContentsMargins(0, 0, 0, 0)
        self.undo_bar = QWidget()
        self.undo_bar.setLayout(undo_row)
        self.undo_bar.setVisible(False)

    def _build_buttons(self, inbox: AlertInbox) -> None:
        self.ack = QPushButton(self.tr("Acknowledge"))
        self.ack.clicked.connect(self.acknowledge_selected)
        self.ack_all = QPushButton(self.tr("Acknowledge all"))
        self.ack_all.clicked.connect(self.acknowledge_all)
        self.shelve = QToolButton()
        self.shelve.setText(self.tr("Shelve"))
        self.shelve.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.shelve)
        for minutes in inbox.settings.shelve_choices_min:
            action = menu.addAction(self.tr("for %1 min").replace("%1", str(minutes)))
            action.triggered.connect(lambda _c=False, m=minutes: self.shelve_selected(m * 60))
        self.shelve.setMenu(menu)
        self.unshelve = QPushButton(self.tr("Un-shelve"))
        self.unshelve.clicked.connect(self.unshelve_selected)
        self.unshelve.setEnabled(False)
        self.zoom = QPushButton(self.tr("Zoom to"))
        self.zoom.clicked.connect(self.zoom_to_current)
        self.close_crossing = QPushButton(self.tr("Close crossing…"))
        self.close_crossing.setEnabled(False)
        self.close_crossing.clicked.connect(self._close_crossing)
        self.crossing_closer = None  # callable(vessel_id) set by the installer

    # --- rights and shared decisions -------------------------------------------------------

    def set_rights(self, may: Callable[[str], bool], denied: Callable[[], str]) -> None:
        """What the signed-in role may do (`may(permission)`) and why not (`denied()`)."""
        self._may, self._denied = may, denied
        self._update_buttons()

    def _update_buttons(self) -> None:
        shelved_view = self.shelved_view.isChecked()
        current = self._current()
        crossing = current is not None and current.key.startswith(
            ("boundary:crossed:", "boundary:returned:"))
        for button, permission, wanted in (
            (self.ack, "alert.acknowledge", True),
            (self.ack_all, "alert.acknowledge", True),
            (self.shelve, "alert.shelve", not shelved_view),
            (self.unshelve, "alert.unshelve", shelved_view),
            (self.close_crossing, "crossing.close", crossing),
        ):
            permitted = self._may(permission)
            button.setEnabled(wanted and permitted)
            button.setToolTip("" if permitted else self._denied())

    def show_notice(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def stop(self) -> None:
        self._flash.stop()
        self._tick.stop()
        self._pending.stop()
        self.inbox.changed.disconnect(self._schedule)
        self.inbox.cue.disconnect(self._on_cue)

    # --- rows -----------------------------------------------------------------------------

    def _schedule(self) -> None:
        """Throttled with a leading edge (see REFRESH_MIN_MS): no fixed wait before an
        isolated change, at most one rebuild per REFRESH_MIN_MS in a burst."""
        if not self._pending.isActive():
            wait_s = self._refreshed_at + REFRESH_MIN_MS / 1000 - time.monotonic()
            self._pending.start(max(0, round(wait_s * 1000)))

    def schedule_refresh(self, *_args: object) -> None:
        """Rows follow something besides the inbox (the outbox: ⏳ marks), coalesced."""
        self._schedule()

    def refresh(self) -> None:
        """Rebuild the rows (first `MAX_ROWS`); skipped while hidden, except the banner."""
        self._refreshed_at = time.monotonic()
        self._update_banner()
        self._deferred.refresh()

    def _rebuild_now(self) -> None:
        self._deferred.refresh()

    def _bring_in(self) -> None:
        """'N new ↑': show the waiting alerts in their places and scroll to the top."""
        self.hold.bring_in()
        self.view.scrollToTop()

    def _on_view(self, _shelved: bool) -> None:
        self._update_buttons()
        self.view.clearSelection()
        self.refresh()

    def _wanted(self) -> list[Alert]:
        source = self.source.currentData()
        with_cleared = bool(self.show_cleared.currentData())
        shelved = self.shelved_view.isChecked()
        return [
            a
            for a in self.inbox.inbox_order("shelved" if shelved else "inbox")
            if (source is None or a.source == source) and (shelved or with_cleared or a.active)
        ][:MAX_ROWS]

    def _rebuild_rows(self) -> None:
        wanted = self._wanted()
        top = group_rows(wanted, self.inbox.settings.group_min)
        self._groups = {r.key: r for r in top if isinstance(r, AlertGroup)}
        self.expanded &= set(self._groups)
        by_id: dict = {self._row_id(r): r for r in top}
        shown_top = [i for i in self.model.ids if not isinstance(i, tuple)]
        top_ids = [i for i in self.hold.arrange(shown_top, list(by_id)) if i in by_id]
        self._update_new_rows([by_id[i] for i in self.hold.waiting])
        ids: list = []
        rows_of: dict = {}
        for row_id in top_ids:
            ids.append(row_id)
            rows_of[row_id] = by_id[row_id]
            if row_id in self.expanded:
                for member in by_id[row_id].members:  # ("m", id): a member under its group
                    ids.append(("m", member.id))
                    rows_of[("m", member.id)] = member
        now = max((a.raised_at for a in wanted), default=0.0)  # alerts carry source time
        lang = language()  # texts render in the UI language: a switch rebuilds the rows
        signatures = [self._signature(i, rows_of[i], now, lang) for i in ids]
        selected = self._selected_ids()
        current = self.view.currentIndex()
        current_id = self.proxy.data(current, ID_ROLE) if current.isValid() else None
        rows = self._cache.rows(ids, signatures, lambda k: self._cells_of(ids[k],
                                                                          rows_of[ids[k]], now))
        self._rebuilding = True  # selection moved by a rebuild is not the operator's
        try:
            self.model.set_rows(ids, rows)
            self._restore_selection(selected, current_id)
        finally:
            self._rebuilding = False
        if not self._sized and rows:  # once: per-refresh sizing measures every row
            self._sized = True
            for column in (0, 1, 4):
                self.view.resizeColumnToContents(column)
        self._show_detail()

    @staticmethod
    def _row_id(row: Alert | AlertGroup) -> object:
        return row.key if isinstance(row, AlertGroup) else row.id

    def _signature(self, row_id: object, row: Alert | AlertGroup, now: float, lang: str):
        shown_time = format_short(row.raised_at, now)  # 'HH:MM' turns 'dd/mm' with time
        if isinstance(row, AlertGroup):
            return ("group", row.severity, row.active, len(row.members),
                    tuple(a.id for a in row.members[:4]), row_id in self.expanded,
                    row.raised_at, self._group_state(row), shown_time, lang)
        return (row.severity, row.active, row.title, row.message, row.raised_at,
                self._state_text(row), shown_time, lang, isinstance(row_id, tuple))

    def _cells_of(self, row_id: object, row: Alert | AlertGroup, now: float) -> list[Cell]:
        if isinstance(row, AlertGroup):
            return self._group_cells(row, now)
        cells = self._cells(row, now)
        if isinstance(row_id, tuple):  # a member, indented under its group
            cells[3] = Cell("      " + str(row.title), tooltip=cells[3].tooltip)
        return cells

    def _group_cells(self, g: AlertGroup, now: float) -> list[Cell]:
        color = QColor(SEVERITY_COLORS.get(g.severity, "#90a4ae"))
        fg = QColor("#ffffff") if g.severity in ("critical", "high") else QColor("#000000")
        if not g.active:
            color = color.lighter(160)
        mark = "▾ " if g.key in self.expanded else "▸ "
        title = g.title()
        full = title + "\n" + self.tr("Double-click or → to show each; acting on this row "
                                      "acts on all %1.").replace("%1", str(len(g.members)))
        return [
            Cell(self._severities.get(g.severity, g.severity), SEVERITY_RANK.get(g.severity, 0),
                 background=color, foreground=fg, tooltip=full),
            Cell(format_short(g.raised_at, now), g.raised_at,
                 tooltip=format_local(g.raised_at) + "\n" + full),
            Cell(self._sources.get(g.source, g.source), tooltip=full),
            Cell(mark + title, tooltip=full),
            Cell(self._group_state(g), int(g.active) * 2 + int(not g.acknowledged),
                 tooltip=full),
        ]

    def _group_state(self, g: AlertGroup) -> str:
        if g.acknowledged:
            return self.tr("acknowledged")
        return self.tr("new")

    def _restore_selection(self, selected: list[int], current: int | None) -> None:
        """Re-select rows a model reset (a new order) dropped: the operator's choice
        survives bringing new alerts in."""
        if not selected or self.view.selectionModel().hasSelection():
            return
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        for row, row_id in enumerate(self.model.ids):
            if row_id in selected:
                index = self.proxy.index(row, 0)
                self.view.selectionModel().select(index, flags)
                if row_id == current:
                    self.view.selectionModel().setCurrentIndex(
                        index, QItemSelectionModel.SelectionFlag.NoUpdate
                    )

    def _update_new_rows(self, waiting: list[Alert]) -> None:
        self.new_rows.setVisible(bool(waiting))
        if not waiting:
            return
        self.new_rows.setText(self.tr("%1 new ↑").replace("%1", str(len(waiting))))
        worst = max(waiting, key=lambda a: SEVERITY_RANK.get(a.severity, 0)).severity
        bg = SEVERITY_COLORS.get(worst, "#90a4ae")
        fg = "white" if worst in ("critical", "high") else "black"
        self.new_rows.setStyleSheet(
            f"QPushButton {{ background: {bg}; color: {fg}; font-weight: bold; }}"
        )

    def _cells(self, a: Alert, now: float) -> list[Cell]:
        color = QColor(SEVERITY_COLORS.get(a.severity, "#90a4ae"))
        fg = QColor("#ffffff") if a.severity in ("critical", "high") else QColor("#000000")
        if not a.active:
            color = color.lighter(160)
        full = self._full_text(a)
        return [
            Cell(
                self._severities.get(a.severity, a.severity),
                SEVERITY_RANK.get(a.severity, 0),
                background=color,
                foreground=fg,
                tooltip=full,
            ),
            Cell(format_short(a.raised_at, now), a.raised_at,
                 tooltip=format_local(a.raised_at) + "\n" + full),
            Cell(self._sources.get(a.source, a.source), tooltip=full),
            Cell(str(a.title), tooltip=full),
            Cell(self._state_text(a), int(a.active) * 2 + int(not a.acknowledged), tooltip=full),
        ]

    def _state_text(self, a: Alert) -> str:
        """The row's state, shortest first: new / acknowledged by whom / shelved until,
        and ⏳ while this console's action on it waits to reach the backend."""
        if a.shelved_until is not None:
            until = local(a.shelved_until).strftime("%H:%M")
            parts = [self.tr("shelved until %1").replace("%1", until)]
            if a.shelved_by:
                parts[0] += " " + self.tr("by %1").replace("%1", a.shelved_by)
        elif a.acknowledged:
            parts = [self.tr("ack. by %1").replace("%1", a.ack_by or "")]
            if a.ack_at is not None:
                parts[0] += " " + local(a.ack_at).strftime("%H:%M")
        else:
            parts = [self.tr("new")]
        if self.decisions is not None and self.decisions.pending_alert(a.key) is not None:
            parts.insert(0, self.tr("⏳ not yet sent"))
        if (self.decisions is not None and a.item_id
                and a.key.startswith(("boundary:crossed:", "boundary:returned:"))
                and self.decisions.closing(a.item_id)):
            parts.insert(0, self.tr("⏳ closing"))
        if not a.active:
            parts.append(self.tr("cleared"))
        if a.flapping:
            parts.append(self.tr("flapping"))
        if a.occurrences > 1:
            parts.append(f"×{a.occurrences}")
        return ", ".join(parts)

    def _full_text(self, a: Alert) -> str:
        lines = [str(a.title), str(a.message), self._state_text(a)]
        if a.ack_comment:
            lines.append(self.tr("Comment: %1").replace("%1", a.ack_comment))
        # who judged it: the backend's alerts are the same on every console; this
        # console's own (a source the backend does not serve) only here
        lines.append(self.tr("Raised by the backend: the same alert on every console")
                     if a.origin == "server" else self.tr("Raised by this console's rules"))
        return "\n".join(line for line in lines if line)

    def _selected_ids(self) -> list[object]:
        return [self.proxy.data(i, ID_ROLE) for i in self.view.selectionModel().selectedRows()]

    def _alerts_of(self, row_id: object) -> list[Alert]:
        """The alerts a row stands for: a group's members, or the one alert."""
        if isinstance(row_id, str):
            group = self._groups.get(row_id)
            return list(group.members) if group is not None else []
        alert_id = row_id[1] if isinstance(row_id, tuple) else row_id
        alert = self.inbox.get(alert_id)
        return [alert] if alert is not None else []

    def selected_alerts(self) -> list[Alert]:
        seen: dict[int, Alert] = {}
        for row_id in self._selected_ids():
            for a in self._alerts_of(row_id):
                seen[a.id] = a
        return list(seen.values())

    def _current_id(self) -> object | None:
        index = self.view.currentIndex()
        return self.proxy.data(index, ID_ROLE) if index.isValid() else None

    def _current(self) -> Alert | None:
        """The current row's alert (None on a group row: it stands for several)."""
        row_id = self._current_id()
        if row_id is None or isinstance(row_id, str):
            return None
        alerts = self._alerts_of(row_id)
        return alerts[0] if alerts else None

    def _current_alerts(self) -> list[Alert]:
        row_id = self._current_id()
        return [] if row_id is None else self._alerts_of(row_id)

    def shown_alerts(self) -> list[Alert]:
        """Every alert the current view holds: its own rows and its groups' members."""
        seen: dict[int, Alert] = {}
        for row_id in self.model.ids:
            for a in self._alerts_of(row_id):
                seen.setdefault(a.id, a)
        return list(seen.values())

    def group_of(self, alert_id: int) -> str | None:
        """The key of the shown group that holds `alert_id`, if it is folded into one."""
        for key, group in self._groups.items():
            if any(a.id == alert_id for a in group.members):
                return key
        return None

    def reveal(self, alert_id: int) -> int | None:
        """The row showing `alert_id`, opening its group when it is folded in one (None
        when the alert is not in the current view)."""
        if alert_id in self.model.ids:
            return self.model.ids.index(alert_id)
        key = self.group_of(alert_id)
        if key is None:
            return None
        if key not in self.expanded:
            self.toggle_group(key)
        member = ("m", alert_id)
        return self.model.ids.index(member) if member in self.model.ids else None

    def toggle_group(self, key: str) -> None:
        """Open or close a group's member rows (double-click, → / ←, Enter)."""
        if key not in self._groups:
            return
        self.expanded.symmetric_difference_update({key})
        self._rebuild_now()

    def _on_double_click(self, index) -> None:
        row_id = self.proxy.data(index, ID_ROLE)
        if isinstance(row_id, str):
            self.toggle_group(row_id)
        else:
            self.zoom_to_current()

    def _on_chosen(self, *_a: object) -> None:
        """The operator chose one alert: select what it is about everywhere."""
        alerts = self.selected_alerts()
        if not self._rebuilding and len(alerts) == 1:
            self._select_object(alerts[0])

    def _select_object(self, a: Alert) -> None:
        layer_id = SOURCE_LAYERS.get(a.source)
        if layer_id is not None and a.item_id:
            self.object_selected.emit(layer_id, a.item_id)

    def _close_crossing(self) -> None:
        a = self._current()
        if a is not None and a.item_id and self.crossing_closer is not None:
            self.crossing_closer(a.item_id)

    def _show_detail(self, *_a: object) -> None:
        a = self._current()
        self._update_buttons()
        group = self._groups.get(self._current_id()) if isinstance(
            self._current_id(), str) else None
        if group is not None:
            self.detail.setText(group.title())
            return
        if a is None:
            self.detail.clear()
            return
        self.detail.setText(self._full_text(a))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Space / Enter on a row puts its full text in the details (and keeps focus)."""
        if watched is self.view and event.type() == QEvent.Type.KeyPress:
            row_id = self._current_id()
            key = event.key()
            if isinstance(row_id, str) and (
                (key == Qt.Key.Key_Right and row_id not in self.expanded)
                or (key == Qt.Key.Key_Left and row_id in self.expanded)
                or key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            ):
                self.toggle_group(row_id)
                return True
            if key in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._show_detail()
                return True
        return super().eventFilter(watched, event)

    # --- operator actions -----------------------------------------------------------------

    def _confirm(self, count: int) -> tuple[bool, str | None]:
        """Ask for the optional comment, saying how many alerts the answer acknowledges.
        (False, None) when the operator cancels: then nothing is acknowledged."""
        if not self.ask_comment:
            return True, None
        what = (self.tr("Acknowledge this alert.") if count == 1 else
                self.tr("Acknowledge %1 alerts.").replace("%1", str(count)))
        text, ok = QInputDialog.getText(
            self, self.tr("Acknowledge"), what + "\n" + self.tr("Comment (optional):")
        )
        return ok, (text.strip() or None) if ok else None

    def acknowledge_selected(self, comment: str | None = None) -> int:
        alerts = [a for a in self.selected_alerts() or self._current_alerts()
                  if not a.acknowledged]
        return self._ask_and_acknowledge(alerts, comment)

    def acknowledge_all(self, comment: str | None = None) -> int:
        """Acknowledge every unacknowledged alert the inbox shows (its filters applied:
        what the operator has not seen is not acknowledged for them)."""
        alerts = [a for a in self.shown_alerts() if not a.acknowledged]
        return self._ask_and_acknowledge(alerts, comment)

    def _ask_and_acknowledge(self, alerts: list[Alert], comment: str | None) -> int:
        if not alerts:
            return 0
        if comment is None or isinstance(comment, bool):  # (a button's `checked`)
            confirmed, comment = self._confirm(len(alerts))
            if not confirmed:
                return 0
        return self._acknowledge(alerts, comment)

    def _shared(self) -> OperatorDecisions | None:
        """The shared decisions while a backend is in use (not in archive review)."""
        d = self.decisions
        return d if d is not None and d.outbox.has_backend else None

    def _acknowledge(self, alerts: list[Alert], comment: str | None) -> int:
        if self._shared() is None:  # no backend (a bare inbox, a review): this console only
            return self.inbox.acknowledge([a.id for a in alerts], self.operator(), comment)
        self.show_notice("")
        return self._shared().acknowledge(alerts, comment)  # type: ignore[union-attr]

    def shelve_selected(self, seconds: float) -> None:
        """Shelve the selected alerts and say so, with an undo (a shelved alert leaves
        the list: without feedback the operator cannot tell it from a lost click)."""
        alerts = self.selected_alerts() or self._current_alerts()
        if not alerts:
            return
        self.view.clearSelection()
        if self._shared() is None:
            self.inbox.shelve([a.id for a in alerts], seconds)
        else:
            self.show_notice("")
            self._shared().shelve(alerts, round(seconds / 60))  # type: ignore[union-attr]
        self._undo_ids = [a.id for a in alerts]
        until = local(alerts[0].shelved_until or 0.0).strftime("%H:%M")
        self.undo_label.setText(
            self.tr("%1 alert(s) shelved until %2")
            .replace("%1", str(len(alerts)))
            .replace("%2", until)
        )
        self.undo_bar.setVisible(True)
        self.refresh()

    def _unshelve(self, ids: list[int]) -> None:
        if self._shared() is None:
            self.inbox.unshelve(ids)
        else:
            self._shared().unshelve(  # type: ignore[union-attr]
                [a for i in ids if (a := self.inbox.get(i)) is not None])

    def _undo_shelve(self) -> None:
        self._unshelve(self._undo_ids)
        self._undo_ids = []
        self.undo_bar.setVisible(False)
        self.refresh()

    def unshelve_selected(self) -> None:
        """Back to the inbox: the selected alerts of the shelved view."""
        alerts = self.selected_alerts() or self._current_alerts()
        if alerts:
            self.view.clearSelection()
            self._unshelve([a.id for a in alerts])
            self.refresh()

    def zoom_to_current(self, *_a: object) -> None:
        """To the alert, selecting its object (the halo marks it on the map); for a
        group, to the area all its members cover."""
        placed = [a for a in self._current_alerts() if a.lon is not None and a.lat is not None]
        if len(placed) == 1:
            self.zoom_requested.emit(placed[0].lon, placed[0].lat)
            self._select_object(placed[0])
        elif placed:
            lons = [a.lon for a in placed]
            lats = [a.lat for a in placed]
            self.extent_requested.emit(min(lons), min(lats), max(lons), max(lats))

    # --- cues -----------------------------------------------------------------------------

    def _on_cue(self, alert: Alert) -> None:
        if self.policy.on_cue(alert):
            self._beep()
        self._schedule()  # banner and rows follow on the next refresh (coalesced)

    def _on_tick(self) -> None:
        if self.policy.on_tick(self.inbox):
            self._beep()

    def _beep(self) -> None:
        self.beeps += 1
        QApplication.beep()

    def loud_pending(self) -> int:
        loud = self.inbox.settings.sound_severities
        return sum(1 for a in self.inbox.unacknowledged() if a.active and a.severity in loud)

    def _update_counts(self) -> None:
        c = self.inbox.counts()
        self.counts.setText(
            self.tr("%1 new · %2 acknowledged · %3 shelved")
            .replace("%1", str(c["new"]))
            .replace("%2", str(c["acknowledged"]))
            .replace("%3", str(c["shelved"]))
        )
        self.shelved_view.setText(self.tr("Shelved (%1)").replace("%1", str(c["shelved"])))

    def _update_flood(self) -> None:
        n = self.inbox.flood_count()
        flooding = n > self.inbox.settings.flood_alerts
        self.flood.setVisible(flooding)
        if flooding:
            minutes = round(self.inbox.settings.flood_window_s / 60)
            self.flood.setText(
                self.tr("Alarm flood: %1 new alerts in %2 min, %3 standing from before. "
                        "Alerts of one kind are grouped; work the top rows first.")
                .replace("%1", str(n)).replace("%2", str(minutes))
                .replace("%3", str(self.inbox.standing_count()))
            )

    def _update_banner(self) -> None:
        self._update_flood()
        self._update_counts()
        n = self.loud_pending()
        self.banner.setVisible(n > 0)
        if n:
            self.banner.setText(
                self.tr("%1 high-severity alerts need acknowledgement").replace("%1", str(n))
            )
            if not self._flash.isActive():
                self._flash.start()
        else:
            self._flash.stop()
        self._blink(toggle=False)

    def _blink(self, toggle: bool = True) -> None:
        if toggle:
            self._flash_on = not self._flash_on
        bg = "#b71c1c" if self._flash_on else "#ef6c00"
        self.banner.setStyleSheet(
            f"QLabel {{ background: {bg}; color: white; font-weight: bold; padding: 4px; }}"
        )
