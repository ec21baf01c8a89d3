"""The alert inbox panel: newest first, severity colours, filter by source,
acknowledge (selected / all, optional comment), timed shelving, zoom to.

A visible cue (a flashing banner with the count of unacknowledged high-severity
alerts) and an audible one: QtMultimedia is not part of PySide6-Essentials, so the
sound is `QApplication.beep()`, governed by `CuePolicy` (once / repeating,
rate-limited, from rules.json).

Signals: `zoom_requested(float, float)` (lon, lat).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
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

from console.rules.alerts import SOURCES, Alert, AlertInbox, CuePolicy
from console.timefmt import format_short
from widgets.live.deferred_refresh import DeferredRefresh
from widgets.live.simple_table import ID_ROLE, Cell, RowCache, row_table

MAX_ROWS = 500  # newest first; older rows stay in the inbox (and its counts)
SEVERITY_RANK = {k: i for i, k in enumerate(("info", "low", "medium", "high", "critical"))}
SEVERITY_COLORS = {
    "critical": "#b71c1c",
    "high": "#ef6c00",
    "medium": "#fbc02d",
    "low": "#7cb342",
    "info": "#90a4ae",
}


class AlertPanel(QWidget):
    zoom_requested = Signal(float, float)

    def __init__(self, inbox: AlertInbox, operator: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.inbox = inbox
        self.operator = operator
        self.policy = CuePolicy(inbox.settings)
        self.beeps = 0  # how many audible cues were given (tests, diagnostics)
        self.ask_comment = True
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
        self._build(inbox)
        # rows are rebuilt only while the panel is visible; the banner always follows
        self._deferred = DeferredRefresh(self, self._rebuild_rows, 1000)
        self._flash_on = False
        self._flash = QTimer(self)
        self._flash.setInterval(700)
        self._flash.timeout.connect(self._blink)
        self._tick = QTimer(self)
        self._tick.setInterval(2000)
        self._tick.timeout.connect(self._on_tick)
        self._tick.start()
        self._pending = QTimer(self)
        self._pending.setSingleShot(True)
        self._pending.setInterval(1000)
        self._pending.timeout.connect(self.refresh)
        inbox.changed.connect(self._schedule)
        inbox.cue.connect(self._on_cue)
        self.refresh()

    def _build(self, inbox: AlertInbox) -> None:
        self.banner = QLabel()
        self.banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.banner.setVisible(False)
        self.source = QComboBox()
        self.source.addItem(self.tr("All sources"), None)
        for key in SOURCES:
            self.source.addItem(self._sources[key], key)
        self.source.currentIndexChanged.connect(self.refresh)
        self.show_cleared = QComboBox()
        self.show_cleared.addItem(self.tr("Active and recent"), True)
        self.show_cleared.addItem(self.tr("Active only"), False)
        self.show_cleared.currentIndexChanged.connect(self.refresh)
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
        # rows arrive newest first (the inbox order); no proxy sort on every rebuild
        self.view.horizontalHeader().setStretchLastSection(False)
        self.view.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.view.setWordWrap(False)
        # the alert text needs the room: state shows as a paler row (cleared) and in the
        # detail line under the table; the column stays in the model (and exports)
        self.view.setColumnHidden(4, True)
        self.view.doubleClicked.connect(self.zoom_to_current)
        self.view.selectionModel().currentRowChanged.connect(self._show_detail)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self._build_buttons(inbox)
        filters = QHBoxLayout()
        filters.addWidget(self.source)
        filters.addWidget(self.show_cleared)
        buttons = QGridLayout()  # two columns: the panel stays narrow and the map wide
        for i, b in enumerate(
            (self.ack, self.ack_all, self.shelve, self.zoom, self.close_crossing)
        ):
            buttons.addWidget(b, i // 2, i % 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.banner)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.detail)
        layout.addLayout(buttons)

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
        self.zoom = QPushButton(self.tr("Zoom to"))
        self.zoom.clicked.connect(self.zoom_to_current)
        self.close_crossing = QPushButton(self.tr("Close crossing…"))
        self.close_crossing.setEnabled(False)
        self.close_crossing.clicked.connect(self._close_crossing)
        self.crossing_closer = None  # callable(vessel_id) set by the installer

    def stop(self) -> None:
        self._flash.stop()
        self._tick.stop()
        self._pending.stop()
        self.inbox.changed.disconnect(self._schedule)
        self.inbox.cue.disconnect(self._on_cue)

    # --- rows -----------------------------------------------------------------------------

    def _schedule(self) -> None:
        if not self._pending.isActive():
            self._pending.start()

    def refresh(self) -> None:
        """Rebuild the rows (newest `MAX_ROWS`); skipped while hidden, except the banner."""
        self._update_banner()
        self._deferred.refresh()

    def _rebuild_rows(self) -> None:
        source = self.source.currentData()
        with_cleared = bool(self.show_cleared.currentData())
        alerts = [
            a
            for a in self.inbox.alerts(include_shelved=False)
            if (source is None or a.source == source) and (with_cleared or a.active)
        ][:MAX_ROWS]
        now = max((a.raised_at for a in alerts), default=0.0)  # alerts carry source time
        day = int((now + 7 * 3600) // 86400)  # local day: times show 'HH:MM' or 'dd/mm HH:MM'
        ids = [a.id for a in alerts]
        signatures = [
            (a.severity, a.active, a.title, a.raised_at, self._state_text(a), day) for a in alerts
        ]
        rows = self._cache.rows(ids, signatures, lambda k: self._cells(alerts[k], now))
        self.model.set_rows(ids, rows)
        if not self._sized and rows:  # once: per-refresh sizing measures every row
            self._sized = True
            for column in (0, 1, 2):
                self.view.resizeColumnToContents(column)

    def _cells(self, a: Alert, now: float) -> list[Cell]:
        color = QColor(SEVERITY_COLORS.get(a.severity, "#90a4ae"))
        fg = QColor("#ffffff") if a.severity in ("critical", "high") else QColor("#000000")
        if not a.active:
            color = color.lighter(160)
        return [
            Cell(
                self._severities.get(a.severity, a.severity),
                SEVERITY_RANK.get(a.severity, 0),
                background=color,
                foreground=fg,
            ),
            Cell(format_short(a.raised_at, now), a.raised_at),
            Cell(self._sources.get(a.source, a.source)),
            Cell(a.title),
            Cell(self._state_text(a), int(a.active) * 2 + int(not a.acknowledged)),
        ]

    def _state_text(self, a: Alert) -> str:
        parts = [self.tr("Active") if a.active else self.tr("Cleared")]
        if a.acknowledged:
            parts.append(self.tr("ack. by %1").replace("%1", a.ack_by or ""))
        if a.flapping:
            parts.append(self.tr("flapping"))
        if a.occurrences > 1:
            parts.append(f"×{a.occurrences}")
        return ", ".join(parts)

    def selected_alerts(self) -> list[Alert]:
        ids = {self.proxy.data(i, ID_ROLE) for i in self.view.selectionModel().selectedRows()}
        return [a for i in ids if (a := self.inbox.get(i)) is not None]

    def _current(self) -> Alert | None:
        index = self.view.currentIndex()
        return self.inbox.get(self.proxy.data(index, ID_ROLE)) if index.isValid() else None

    def _close_crossing(self) -> None:
        a = self._current()
        if a is not None and a.item_id and self.crossing_closer is not None:
            self.crossing_closer(a.item_id)

    def _show_detail(self, *_a: object) -> None:
        a = self._current()
        self.close_crossing.setEnabled(
            a is not None and a.key.startswith(("boundary:crossed:", "boundary:returned:"))
        )
        if a is None:
            self.detail.clear()
            return
        text = a.message
        if a.ack_comment:
            text += "\n" + self.tr("Comment: %1").replace("%1", a.ack_comment)
        self.detail.setText(text)

    # --- operator actions -----------------------------------------------------------------

    def _comment(self) -> str | None:
        if not self.ask_comment:
            return None
        text, ok = QInputDialog.getText(
            self, self.tr("Acknowledge"), self.tr("Comment (optional):")
        )
        return text.strip() or None if ok else None

    def acknowledge_selected(self, comment: str | None = None) -> int:
        alerts = self.selected_alerts() or ([c] if (c := self._current()) else [])
        if not alerts:
            return 0
        if comment is None or isinstance(comment, bool):
            comment = self._comment()
        return self.inbox.acknowledge([a.id for a in alerts], self.operator, comment)

    def acknowledge_all(self, comment: str | None = None) -> int:
        if comment is None or isinstance(comment, bool):
            comment = self._comment()
        return self.inbox.acknowledge_all(self.operator, comment, self.source.currentData())

    def shelve_selected(self, seconds: float) -> None:
        alerts = self.selected_alerts() or ([c] if (c := self._current()) else [])
        if alerts:
            self.inbox.shelve([a.id for a in alerts], seconds)

    def zoom_to_current(self, *_a: object) -> None:
        a = self._current()
        if a is not None and a.lon is not None and a.lat is not None:
            self.zoom_requested.emit(a.lon, a.lat)

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

    def _update_banner(self) -> None:
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
