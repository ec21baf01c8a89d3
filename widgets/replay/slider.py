"""The review-mode time slider: play / pause, speed, step, jump to alerts.

A thin view over the one `ReplayCursor` (console/replay/cursor.py): every control calls
the cursor, and the slider and the time label follow `cursor.time_changed`. The slider
works in whole seconds from the start of the archive. GUI thread only.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSlider,
    QStyle,
    QToolButton,
    QWidget,
)

from console.replay.cursor import SPEEDS, ReplayCursor
from console.replay.state import ReplayState
from console.timefmt import format_local

STEPS_S = (60.0, 600.0, 3600.0)


class TimeSlider(QWidget):
    def __init__(
        self, cursor: ReplayCursor, state: ReplayState, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("replaySlider")
        self.cursor = cursor
        self.state = state
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 2, 6, 2)

        style = self.style()
        icons = {
            "replayPrevAlert": QStyle.StandardPixmap.SP_MediaSkipBackward,
            "replayStepBack": QStyle.StandardPixmap.SP_MediaSeekBackward,
            "replayPlay": QStyle.StandardPixmap.SP_MediaPlay,
            "replayStepForward": QStyle.StandardPixmap.SP_MediaSeekForward,
            "replayNextAlert": QStyle.StandardPixmap.SP_MediaSkipForward,
        }

        def button(name: str, text: str, tip: str, slot) -> QToolButton:
            b = QToolButton(self)
            b.setObjectName(name)
            b.setIcon(style.standardIcon(icons[name]))
            b.setText(text)
            b.setToolTip(tip)
            b.clicked.connect(slot)
            row.addWidget(b)
            return b

        self.prev_alert = button(
            "replayPrevAlert",
            self.tr("Previous alert"),
            self.tr("Previous alert"),
            lambda: self._jump_alert(False),
        )
        self.back = button(
            "replayStepBack", self.tr("Step back"), self.tr("Step back"), lambda: self._step(-1)
        )
        self.play = button("replayPlay", self.tr("Play"), self.tr("Play / pause"), self._toggle)
        self.forward = button(
            "replayStepForward",
            self.tr("Step forward"),
            self.tr("Step forward"),
            lambda: self._step(1),
        )
        self.next_alert = button(
            "replayNextAlert",
            self.tr("Next alert"),
            self.tr("Next alert"),
            lambda: self._jump_alert(True),
        )
        self.step_box = QComboBox(self)
        self.step_box.setObjectName("replayStep")
        for s in STEPS_S:
            self.step_box.addItem(self.tr("step %1 min").replace("%1", f"{s / 60:g}"), s)
        self.step_box.setCurrentIndex(1)
        row.addWidget(self.step_box)
        self.slider = QSlider(Qt.Orientation.Horizontal, self)
        self.slider.setObjectName("replayTime")
        self.slider.setRange(0, max(int(cursor.end - cursor.start), 1))
        self.slider.setSingleStep(60)
        self.slider.setPageStep(3600)
        self.slider.valueChanged.connect(self._on_slider)
        self.slider.setMinimumWidth(320)
        row.addWidget(self.slider, 1)
        self.label = QLabel(self)
        self.label.setObjectName("replayTimeLabel")
        self.label.setMinimumWidth(150)
        row.addWidget(self.label)
        self.speed_box = QComboBox(self)
        self.speed_box.setObjectName("replaySpeed")
        for speed in SPEEDS:
            self.speed_box.addItem(f"{speed:g}×", speed)
        self.speed_box.setCurrentIndex(SPEEDS.index(60.0))
        self.speed_box.currentIndexChanged.connect(
            lambda _i: cursor.set_speed(self.speed_box.currentData())
        )
        row.addWidget(self.speed_box)
        cursor.set_speed(self.speed_box.currentData())
        cursor.time_changed.connect(self._on_time)
        cursor.playing_changed.connect(self._on_playing)
        self._on_time(cursor.time)

    def close_cursor(self) -> None:
        self.cursor.time_changed.disconnect(self._on_time)
        self.cursor.playing_changed.disconnect(self._on_playing)

    def _on_slider(self, value: int) -> None:
        self.cursor.set_time(self.cursor.start + value)

    def _on_time(self, t: float) -> None:
        self.slider.blockSignals(True)
        self.slider.setValue(round(t - self.cursor.start))
        self.slider.blockSignals(False)
        self.label.setText(format_local(t, seconds=True))

    def _on_playing(self, playing: bool) -> None:
        icon = (
            QStyle.StandardPixmap.SP_MediaPause if playing else QStyle.StandardPixmap.SP_MediaPlay
        )
        self.play.setIcon(self.style().standardIcon(icon))
        self.play.setText(self.tr("Pause") if playing else self.tr("Play"))

    def _toggle(self) -> None:
        if self.cursor.playing:
            self.cursor.pause()
        else:
            self.cursor.play()

    def _step(self, sign: int) -> None:
        self.cursor.step(sign * float(self.step_box.currentData()))

    def _jump_alert(self, forward: bool) -> None:
        t = self.state.next_alert(self.cursor.time, forward)
        if t is not None:
            self.cursor.set_time(t)
