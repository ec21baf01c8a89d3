"""The overview strip: the numbers an IOC director asks for, refreshed every few
seconds from console.summary (vessels at sea / in port / dark / in violation, stations
per alarm level, open incidents by status, cameras offline, unacknowledged alerts)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QLabel, QWidget

from console import bulletin
from console.live.timers import timer
from console.summary import Summary
from widgets.flow_layout import FlowLayout
from widgets.theme import readable_hue


class OverviewStrip(QWidget):
    def __init__(self, compute: Callable[[], Summary], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._compute = compute
        self.setObjectName("overviewStrip")
        layout = FlowLayout(self)  # wraps rather than widening the window
        layout.setContentsMargins(6, 2, 6, 2)
        self.labels: dict[str, QLabel] = {}
        groups = [
            ("at_sea", self.tr("At sea"), "#1f9d55"),
            ("in_port", self.tr("In port"), "#4d5661"),
            ("dark", self.tr("Dark"), "#d62728"),
            ("violating", self.tr("In violation"), "#c2185b"),
            None,
            ("bd1", self.tr("BĐ1"), "#b59b00"),
            ("bd2", self.tr("BĐ2"), "#e65100"),
            ("bd3", self.tr("BĐ3"), "#b71c1c"),
            ("heavy_rain", self.tr("Heavy rain"), "#08306b"),
            None,
            ("inc_new", self.tr("Incidents new"), "#b71c1c"),
            ("inc_ack", self.tr("acknowledged"), "#37474f"),
            ("inc_assigned", self.tr("assigned"), "#37474f"),
            None,
            ("cam_off", self.tr("Cameras offline"), "#6d4c41"),
            ("alerts", self.tr("Unacknowledged alerts"), "#b71c1c"),
        ]
        for g in groups:
            if g is None:
                sep = QFrame()
                sep.setFrameShape(QFrame.Shape.VLine)
                layout.addWidget(sep)
                continue
            key, title, color = g
            label = QLabel()
            label.setProperty("title", title)
            label.setProperty("color", color)
            layout.addWidget(label)
            self.labels[key] = label
        self._extra: dict[str, Callable[[], int]] = {}
        self._layout = layout
        self._timer = timer(self, 3000, self.refresh, start=True)
        self._pending = timer(self, 100, self.refresh, single_shot=True)
        self.refresh()

    def add_counter(self, key: str, title: str, color: str, value: Callable[[], int]) -> None:
        """One more number on the strip, from another feature (e.g. vessels in a storm's
        danger zone), drawn like the others and refreshed with them."""
        sep = QFrame()
        sep.setFrameShape(QFrame.Shape.VLine)
        label = QLabel()
        label.setProperty("title", title)
        label.setProperty("color", color)
        self._layout.addWidget(sep)
        self._layout.addWidget(label)
        self.labels[key] = label
        self._extra[key] = value
        self.refresh()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_height()

    def _fit_height(self) -> None:
        """As tall as the wrapped lines: a dock ignores its content's height-for-width,
        so a second line was clipped off, and the numbers on it (the storm's danger
        zone count at 1600 px) were silently gone."""
        needed = self._layout.heightForWidth(max(1, self.width()))
        if needed != self.minimumHeight():
            self.setMinimumHeight(needed)

    def flush(self) -> None:
        """Refresh now if a coalesced refresh is pending."""
        if self._pending.isActive():
            self._pending.stop()
            self.refresh()

    def schedule_refresh(self, *_args: object) -> None:
        """Coalesce bursts of data updates into one refresh on the next event-loop turn."""
        if not self._pending.isActive():
            self._pending.start()

    def stop(self) -> None:
        self._timer.stop()
        self._pending.stop()

    def refresh(self) -> None:
        s = self._compute()
        values = {
            "at_sea": s.vessels_at_sea,
            "in_port": s.vessels_in_port,
            "dark": s.vessels_dark,
            "violating": s.vessels_violating,
            "bd1": s.stations_alarm[0],
            "bd2": s.stations_alarm[1],
            "bd3": s.stations_alarm[2],
            "heavy_rain": s.rain_heavy,
            "inc_new": s.incidents_by_status.get("new", 0),
            "inc_ack": s.incidents_by_status.get("acknowledged", 0),
            "inc_assigned": s.incidents_by_status.get("assigned", 0),
            "cam_off": s.cameras_offline,
            "alerts": s.alerts_unacknowledged,
        } | {key: value() for key, value in self._extra.items()}
        for key, label in self.labels.items():
            value = values[key]
            color = readable_hue(self, label.property("color") if value else "#607d8b")
            label.setText(
                f"<span style='color:{color}'><b style='font-size:13pt'>"
                f"{bulletin.number(value, 0)}</b> "
                f"{label.property('title')}</span>"
            )
        self._fit_height()  # a longer number may push a figure onto another line

    def value(self, key: str) -> int:
        """The number shown under `key` (tests)."""
        import re

        m = re.search(r"<b[^>]*>([\d.,]+)</b>", self.labels[key].text())
        return int(re.sub(r"[.,]", "", m.group(1))) if m else -1
