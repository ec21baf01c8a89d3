"""A loopback MJPEG server that misbehaves on demand, for the video fault tests.

Modes (switch `server.mode` at any time; each connection reads it as it goes):
- "pass": a good multipart/x-mixed-replace stream of JPEG frames at `fps`;
- "hang": accepts and sends nothing at all (not even headers);
- "stall": sends the headers and a few good frames, then nothing;
- "garbage": sends the headers, then random bytes forever;
- "refuse": closes every connection at once.
Every wait is bounded (MAX_HOLD_S) and it listens on loopback only.
"""

from __future__ import annotations

import os
import socket
import threading
import time

from backend import video

MAX_HOLD_S = 60.0
MODES = ("pass", "hang", "stall", "garbage", "refuse")


class FaultStreamServer:
    def __init__(self, fps: int = 25, width: int = 320, height: int = 180) -> None:
        self.mode = "pass"
        self.fps = fps
        self.frames = video.jpeg_loop("cam-fault", 1, 0.0, 7, width, height, fps)
        self.connections = 0
        self._sock = socket.socket()
        self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._sock.bind(("127.0.0.1", 0))
        self._sock.listen(16)
        self._stopping = threading.Event()
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._sock.getsockname()[1]}/stream.mjpeg"

    def stop(self) -> None:
        self._stopping.set()
        self._sock.close()

    def _accept(self) -> None:
        while not self._stopping.is_set():
            try:
                conn, _ = self._sock.accept()
            except OSError:
                return
            self.connections += 1
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _hold(self, deadline: float, while_mode: str) -> None:
        while self.mode == while_mode and time.monotonic() < deadline:
            if self._stopping.wait(0.05):
                return

    def _serve(self, conn: socket.socket) -> None:
        deadline = time.monotonic() + MAX_HOLD_S
        try:
            conn.settimeout(5)
            conn.recv(65536)  # the request; its content does not matter here
            mode = self.mode
            if mode == "refuse":
                return
            if mode == "hang":
                self._hold(deadline, "hang")
                return
            conn.sendall(
                b"HTTP/1.1 200 OK\r\nContent-Type: multipart/x-mixed-replace; boundary="
                + video.BOUNDARY.encode() + b"\r\nConnection: close\r\n\r\n"
            )
            sent = 0
            while time.monotonic() < deadline and not self._stopping.is_set():
                mode = self.mode
                if mode == "garbage":
                    conn.sendall(os.urandom(4096))
                    time.sleep(0.02)
                    continue
                if mode in ("stall", "hang") and sent >= 5:
                    self._hold(deadline, mode)
                    return
                if mode == "refuse":
                    return
                conn.sendall(video.part(self.frames[sent % len(self.frames)]))
                sent += 1
                time.sleep(1 / self.fps)
        except OSError:
            pass
        finally:
            conn.close()
