"""A loopback TCP relay: a stable address in front of a backend that a test cuts off or
replaces. Bytes are forwarded both ways as they come, so a stream flows through it."""

from __future__ import annotations

import contextlib
import socket
import threading
from urllib.parse import urlsplit


class TcpRelay:
    """`cut()` drops every open connection and refuses new ones until `restore()`, which
    may name a new target (a backend restarted on another port)."""

    def __init__(self, target_url: str) -> None:
        self._target = self._address(target_url)
        self._up = True
        self._lock = threading.Lock()
        self._sockets: set[socket.socket] = set()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.connections = 0  # accepted while up
        threading.Thread(target=self._accept, daemon=True).start()

    @staticmethod
    def _address(url: str) -> tuple[str, int]:
        parts = urlsplit(url)
        return parts.hostname or "127.0.0.1", parts.port or 80

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._listener.getsockname()[1]}"

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return  # closed
            with self._lock:
                up, target = self._up, self._target
            if not up:
                client.close()
                continue
            try:
                upstream = socket.create_connection(target, timeout=5)
            except OSError:
                client.close()
                continue
            upstream.settimeout(None)
            with self._lock:
                self.connections += 1
                self._sockets.update((client, upstream))
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(a, b), daemon=True).start()

    def _pump(self, source: socket.socket, sink: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for s in (source, sink):
                with contextlib.suppress(OSError):
                    s.shutdown(socket.SHUT_RDWR)
            with self._lock:
                self._sockets.discard(source)

    def cut(self) -> None:
        with self._lock:
            self._up = False
            sockets = list(self._sockets)
        for s in sockets:
            with contextlib.suppress(OSError):
                s.shutdown(socket.SHUT_RDWR)

    def restore(self, target_url: str | None = None) -> None:
        with self._lock:
            if target_url is not None:
                self._target = self._address(target_url)
            self._up = True

    def close(self) -> None:
        self.cut()
        self._listener.close()
