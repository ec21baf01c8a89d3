"""One live camera picture: the latest decoded frame with the camera's name, the time and
the stream's state drawn over it, and a button that saves a still.

Threads: decoding runs on the stream's own thread (console/video/stream.py); this widget
only `poll()`s the one-frame slot from the GUI thread (the wall polls all its tiles on
one timer, so their repaints land in one pass) and blits what it finds. A late GUI
therefore skips frames and never replays a backlog. The frame arrives scaled to the
tile (`set_target_size` on resize) as BGRA that QImage wraps without copying.

Times drawn are wall-clock local (site) time: video is live, whatever speed the
simulator's data clock runs at.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDropEvent,
    QFont,
    QFontMetrics,
    QImage,
    QPainter,
    QPaintEvent,
    QPixmap,
    QResizeEvent,
)
from PySide6.QtWidgets import QSizePolicy, QToolButton, QWidget

from console.app import ConsoleApp
from console.live.timers import timer
from console.timefmt import local
from console.video.stream import Frame, StreamState, StreamStatus, VideoSource, VideoStream
from widgets.cameras.record_mime import dropped_record
from widgets.cameras.still import save_still

POLL_MS = 20  # a 25 fps stream brings a frame every 40 ms; polling faster halves latency
_BACKGROUND = QColor("#101418")
_BAR = QColor(0, 0, 0, 170)
_LIVE = QColor("#43a047")
_WAITING = QColor("#ffb300")
_LOST = QColor("#c62828")


def hms(t: float) -> str:
    return local(t).strftime("%H:%M:%S")


class VideoTile(QWidget):
    """Plays one camera. `play(camera_id, title)` takes the stream from the backend;
    `play_source` plays any URL (an RTSP camera). `camera_dropped(id)` is emitted when a
    camera is dropped on the tile; the owner decides what to do with it."""

    camera_dropped = Signal(str)
    still_saved = Signal(Path)
    still_failed = Signal(str)

    def __init__(self, app: ConsoleApp, parent: QWidget | None = None, *,
                 accept_drops: bool = False, autopoll: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("videoTile")
        self._app = app
        self.camera_id: str | None = None
        self.title = ""
        self.stream: VideoStream | None = None
        self.frame: Frame | None = None
        self._image: QImage | None = None
        self._status: StreamStatus | None = None
        self._suspended = False
        self._captions: dict[str, tuple[tuple, QPixmap]] = {}
        self.still_folder: Path | None = None  # None: the user's documents folder
        self.setMinimumSize(160, 90)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        self.setAcceptDrops(accept_drops)
        self.still_button = QToolButton(self)
        self.still_button.setObjectName("saveStill")
        self.still_button.setText(self.tr("Save still"))
        self.still_button.setToolTip(
            self.tr("Save the picture now as a PNG in your documents folder")
        )
        self.still_button.setStyleSheet(
            "QToolButton { background: rgba(0,0,0,150); color: white; border: 1px solid #90a4ae;"
            " border-radius: 3px; padding: 2px 6px; }"
            "QToolButton:hover { background: rgba(38,50,56,220); }"
        )
        self.still_button.clicked.connect(self.save_still)
        self.still_button.hide()
        self._poll_timer = timer(self, POLL_MS, self.poll, start=autopoll)

    # --- what plays ------------------------------------------------------------------------

    def play(self, camera_id: str, title: str) -> None:
        """Play a camera: its own URL when settings name one ([video] camera_urls: RTSP
        or MJPEG, no backend token sent), else the backend's MJPEG stream."""
        video = self._app.settings.video
        direct = video.direct_url(camera_id)
        if direct is not None:
            self.play_source(VideoSource(direct), camera_id, title)
            return
        client = self._app.client
        self.camera_id, self.title = camera_id, title
        if client is None:
            self._stop_stream()
            self._status = StreamStatus(StreamState.LOST, None,
                                        self.tr("not connected to the backend"))
            self.update()
            return
        url, headers = client.camera_stream(camera_id, video.fps, video.width, video.height)
        self.play_source(VideoSource(url, headers), camera_id, title)

    def play_source(self, source: VideoSource, camera_id: str, title: str) -> None:
        self._stop_stream()
        self.camera_id, self.title = camera_id, title
        self.stream = VideoStream(source, name=camera_id)
        self.stream.set_target_size(self.width(), self.height())
        self._status = self.stream.status()
        if not self._suspended:
            self.stream.start()
        self.update()

    def clear(self) -> None:
        self._stop_stream()
        self.camera_id, self.title = None, ""
        self.update()

    def _stop_stream(self) -> None:
        if self.stream is not None:
            self.stream.stop()  # the thread ends by itself; never waited for here
        self.stream, self.frame, self._image, self._status = None, None, None, None
        self.still_button.hide()

    def suspend(self, suspended: bool) -> None:
        """Stop decoding while nobody can see the tile (a hidden dock); resume after."""
        if suspended == self._suspended:
            return
        self._suspended = suspended
        if self.stream is None:
            return
        if suspended:
            source, camera_id, title = self.stream.source, self.camera_id, self.title
            self.stream.stop()
            # a stopped stream cannot restart: keep a fresh one ready for resume
            self.stream = VideoStream(source, name=camera_id or "")
            self.camera_id, self.title = camera_id, title
        else:
            self.stream.set_target_size(self.width(), self.height())
            self.stream.start()

    def dispose(self) -> None:
        self._poll_timer.stop()
        self._stop_stream()

    # --- GUI-thread polling ----------------------------------------------------------------

    def poll(self) -> bool:
        """Take the newest frame and the state; repaint when either changed."""
        stream = self.stream
        if stream is None or self._suspended:
            return False
        changed = False
        frame = stream.take()
        if frame is not None:
            self.frame = frame
            width, height = frame.size
            self._image = QImage(frame.pixels.data, width, height, width * 4,
                                 QImage.Format.Format_RGB32)
            changed = True
        status = stream.status()
        if status != self._status:
            self._status = status
            changed = True
        if changed:
            self.update()
        return changed

    @property
    def state(self) -> StreamState | None:
        return self._status.state if self._status else None

    def state_text(self) -> str:
        """What the tile says about its stream (also drawn on it)."""
        status = self._status
        if self.camera_id is None:
            return self.tr("Drag a camera here from the map or the list")
        if status is None or status.state is StreamState.STOPPED:
            return self.tr("Stopped")
        if status.state is StreamState.CONNECTING:
            return self.tr("Connecting…")
        if status.state is StreamState.PLAYING:
            return self.tr("Live")
        since = hms(status.lost_since) if status.lost_since is not None else "—"
        return self.tr("Stream lost since %1").replace("%1", since)

    def _offline_in_store(self) -> bool:
        camera = self._app.cameras.get(self.camera_id) if self.camera_id else None
        return camera is not None and camera.status != "online"

    # --- drawing ---------------------------------------------------------------------------

    def sizeHint(self) -> QSize:
        return QSize(480, 270)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.stream is not None:
            self.stream.set_target_size(self.width(), self.height())
        hint = self.still_button.sizeHint()
        self.still_button.move(self.width() - hint.width() - 6, self.height() - hint.height() - 6)

    def picture_rect(self) -> QRect:
        """Where the frame is drawn: as large as fits, aspect kept, centred."""
        if self._image is None:
            return QRect()
        iw, ih = self._image.width(), self._image.height()
        scale = min(self.width() / iw, self.height() / ih)
        w, h = round(iw * scale), round(ih * scale)
        return QRect((self.width() - w) // 2, (self.height() - h) // 2, w, h)

    def _fonts(self) -> tuple[QFont, QFont, int]:
        font = QFont(self.font())
        font.setPixelSize(max(11, min(15, self.height() // 18)))
        bold = QFont(font)
        bold.setBold(True)
        return font, bold, QFontMetrics(font).height() + 6

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        state = self.state
        picture = self.picture_rect()
        if picture.isNull() or picture != self.rect():
            painter.fillRect(self.rect(), _BACKGROUND)
        if self._image is not None:
            painter.drawImage(picture, self._image)
            if state is StreamState.LOST:
                painter.fillRect(self.rect(), QColor(0, 0, 0, 140))  # last picture, dimmed
        font, _bold, line = self._fonts()
        if self.camera_id is None:
            painter.setFont(font)
            painter.setPen(QColor("#90a4ae"))
            painter.drawText(self.rect().adjusted(12, 12, -12, -12),
                             Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                             self.state_text())
            painter.end()
            return
        # the captions change once a second at most: drawn once into pixmaps, then blitted
        time_text = hms(self.frame.received_at) if self.frame else "--:--:--"
        painter.drawPixmap(0, 0, self._cached("top", (time_text,), self._draw_top_bar))
        chip = self._cached("chip", (state,), self._draw_chip)
        painter.drawPixmap(6, self.height() - chip.height() - 6, chip)
        if state is StreamState.LOST and self._status is not None:
            self._draw_lost(painter, font, line)
        painter.end()

    def _cached(self, part: str, key: tuple, draw) -> QPixmap:
        """A caption pixmap, redrawn only when its text, the tile size or the font change."""
        full_key = (*key, self.title, self.camera_id, self.state_text(), self.width(),
                    self.height(), self.font().key())
        cached = self._captions.get(part)
        if cached is None or cached[0] != full_key:
            cached = (full_key, draw())
            self._captions[part] = cached
        return cached[1]

    def _draw_top_bar(self) -> QPixmap:
        """Camera name left, time of the frame right, on a dark band."""
        font, bold, line = self._fonts()
        pixmap = QPixmap(max(self.width(), 1), line)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.fillRect(pixmap.rect(), _BAR)
        painter.setPen(QColor("#ffffff"))
        painter.setFont(font)
        time_text = hms(self.frame.received_at) if self.frame else "--:--:--"
        time_width = painter.fontMetrics().horizontalAdvance(time_text) + 8
        painter.drawText(QRect(self.width() - time_width - 4, 0, time_width, line),
                         Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, time_text)
        painter.setFont(bold)
        name_rect = QRect(8, 0, self.width() - time_width - 16, line)
        name = painter.fontMetrics().elidedText(self.title or self.camera_id or "",
                                                Qt.TextElideMode.ElideRight, name_rect.width())
        painter.drawText(name_rect, Qt.AlignmentFlag.AlignVCenter, name)
        painter.end()
        return pixmap

    def _draw_chip(self) -> QPixmap:
        """The stream's state, a coloured dot and its words."""
        font, _bold, line = self._fonts()
        text = self.state_text()
        width = min(QFontMetrics(font).horizontalAdvance(text) + 22, max(self.width() - 12, 1))
        pixmap = QPixmap(width, line)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.fillRect(pixmap.rect(), _BAR)
        colour = {StreamState.PLAYING: _LIVE, StreamState.LOST: _LOST}.get(self.state, _WAITING)
        painter.setBrush(colour)
        painter.setPen(Qt.PenStyle.NoPen)
        dot = line // 3
        painter.drawEllipse(6, line // 2 - dot // 2, dot, dot)
        painter.setPen(QColor("#ffffff"))
        painter.setFont(font)
        painter.drawText(pixmap.rect().adjusted(16, 0, 0, 0), Qt.AlignmentFlag.AlignVCenter,
                         text)
        painter.end()
        return pixmap

    def _draw_lost(self, painter: QPainter, font: QFont, line: int) -> None:
        status = self._status
        assert status is not None
        band = QRect(0, self.height() // 2 - line, self.width(), 2 * line)
        painter.fillRect(band, QColor(198, 40, 40, 200))
        detail = (self.tr("Camera offline") if self._offline_in_store()
                  else self.tr("Reconnecting…"))
        big = QFont(font)
        big.setBold(True)
        painter.setFont(big)
        painter.drawText(band.adjusted(8, 0, -8, -line), Qt.AlignmentFlag.AlignCenter,
                         self.state_text())
        painter.setFont(font)
        painter.drawText(band.adjusted(8, line, -8, 0), Qt.AlignmentFlag.AlignCenter,
                         painter.fontMetrics().elidedText(
                             f"{detail} ({status.error})" if status.error else detail,
                             Qt.TextElideMode.ElideRight, self.width() - 16))

    # --- still -----------------------------------------------------------------------------

    def enterEvent(self, event) -> None:
        """The still button shows under the pointer only: nine of them would cover the wall."""
        super().enterEvent(event)
        if self.frame is not None:
            self.still_button.show()

    def leaveEvent(self, event) -> None:
        super().leaveEvent(event)
        self.still_button.hide()

    def save_still(self) -> None:
        """Save the picture shown now as a timestamped PNG (on a worker)."""
        if self._image is None or self.camera_id is None or self.frame is None:
            self.still_failed.emit(self.tr("No picture to save yet."))
            return
        save_still(self._app, self._image, self.camera_id,
                   self.still_saved.emit, lambda exc: self.still_failed.emit(str(exc)),
                   folder=self.still_folder, t=self.frame.received_at)

    # --- drop a camera ---------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        record = dropped_record(event.mimeData())
        if record is not None and record[0] == "cameras":
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        record = dropped_record(event.mimeData())
        if record is None or record[0] != "cameras":
            event.ignore()
            return
        event.acceptProposedAction()
        self.camera_dropped.emit(record[1])
