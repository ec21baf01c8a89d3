"""A fault-injecting HTTP proxy for loopback tests and benchmarks.

Sits in front of a real backend and, depending on `mode`, passes requests through or
misbehaves the way real networks and servers do: hang, drip the body a byte at a time,
reset the connection, answer 500, answer garbage JSON, or send a huge body. Used to
prove the console never freezes and recovers when the faults stop.

    proxy = FaultProxy("http://127.0.0.1:8000"); proxy.start(); proxy.mode = "hang"
    ...; proxy.stop()

Every misbehaviour is bounded in time and size, and the proxy only listens on loopback.
"""

from __future__ import annotations

import argparse
import http.client
import socket
import struct
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

MODES = ("pass", "hang", "drip", "reset", "500", "garbage", "huge")
MAX_HANG_S = 60.0
HUGE_BYTES = 96 * 1024 * 1024
DRIP_INTERVAL_S = 0.2
STREAM_PATH = "/api/v1/stream"  # relayed as it comes, not read whole


class FaultProxy:
    def __init__(self, target: str, host: str = "127.0.0.1", port: int = 0) -> None:
        parts = urlsplit(target)
        self.target_host = parts.hostname or "127.0.0.1"
        self.target_port = parts.port or 80
        self.mode = "pass"
        self.requests_seen = 0
        self._stopping = threading.Event()
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *_args: object) -> None:  # quiet
                pass

            def do_GET(self) -> None:
                proxy.handle(self)

            def do_POST(self) -> None:
                proxy.handle(self)

        self._server = ThreadingHTTPServer((host, port), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> FaultProxy:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopping.set()
        self._server.shutdown()
        self._server.server_close()

    # --- behaviour ------------------------------------------------------------------------

    def handle(self, request: BaseHTTPRequestHandler) -> None:
        self.requests_seen += 1
        length = int(request.headers.get("Content-Length") or 0)
        body = request.rfile.read(length) if length else b""
        mode = self.mode
        if mode == "hang":
            deadline = time.monotonic() + MAX_HANG_S
            while self.mode == "hang" and time.monotonic() < deadline:
                if self._stopping.wait(0.05):
                    break
            request.close_connection = True
            return
        if mode == "reset":
            sock = request.connection
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            request.close_connection = True
            return
        if mode == "500":
            self._reply(request, 500, b"Internal Server Error", "text/plain")
            return
        if mode == "garbage":
            self._reply(
                request, 200, b'{"type": "FeatureCollection", "features": [{"ty', "application/json"
            )
            return
        if mode == "huge":
            self._send_huge(request)
            return
        if request.path.startswith(STREAM_PATH):
            self._relay_stream(request)
            return
        status, headers, payload = self._forward(request, body)
        if mode == "drip":
            self._drip(request, status, headers, payload)
        else:
            self._reply(request, status, payload, headers.get("Content-Type", ""))

    def _forward(
        self, request: BaseHTTPRequestHandler, body: bytes
    ) -> tuple[int, dict[str, str], bytes]:
        conn = http.client.HTTPConnection(self.target_host, self.target_port, timeout=30)
        try:
            headers = {
                k: v
                for k, v in request.headers.items()
                if k.lower() not in ("host", "connection", "accept-encoding")
            }
            conn.request(request.command, request.path, body=body or None, headers=headers)
            response = conn.getresponse()
            return response.status, dict(response.getheaders()), response.read()
        except OSError:
            return 502, {"Content-Type": "text/plain"}, b"upstream unreachable"
        finally:
            conn.close()

    def _relay_stream(self, request: BaseHTTPRequestHandler) -> None:
        """The change stream, passed on as it comes (dripped in "drip" mode) while the mode
        stays what it was; any change of mode cuts it, as a network fault would (checked
        at each chunk, and the backend sends a heartbeat every few seconds)."""
        mode = self.mode
        conn = http.client.HTTPConnection(self.target_host, self.target_port, timeout=30)
        request.close_connection = True  # no length: the end of the stream is the close
        try:
            headers = {k: v for k, v in request.headers.items()
                       if k.lower() not in ("host", "connection", "accept-encoding")}
            conn.request("GET", request.path, headers=headers)
            response = conn.getresponse()
            request.send_response(response.status)
            request.send_header("Content-Type", response.getheader("Content-Type") or "")
            request.send_header("Connection", "close")
            request.end_headers()
            while self.mode == mode and not self._stopping.is_set():
                chunk = response.read1(65536)
                if not chunk:
                    break
                step = 1 if mode == "drip" else len(chunk)  # drip: a byte at a time
                for i in range(0, len(chunk), step):
                    if self.mode != mode or self._stopping.is_set():
                        return
                    request.wfile.write(chunk[i:i + step])
                    request.wfile.flush()
                    if mode == "drip":
                        time.sleep(DRIP_INTERVAL_S)
        except OSError:
            pass
        finally:
            conn.close()

    @staticmethod
    def _reply(
        request: BaseHTTPRequestHandler, status: int, payload: bytes, content_type: str
    ) -> None:
        try:
            request.send_response(status)
            if content_type:
                request.send_header("Content-Type", content_type)
            request.send_header("Content-Length", str(len(payload)))
            request.end_headers()
            request.wfile.write(payload)
        except OSError:
            request.close_connection = True

    def _drip(
        self, request: BaseHTTPRequestHandler, status: int, headers: dict[str, str], payload: bytes
    ) -> None:
        try:
            request.send_response(status)
            request.send_header("Content-Type", headers.get("Content-Type", ""))
            request.send_header("Content-Length", str(len(payload)))
            request.end_headers()
            for i in range(len(payload)):
                if self.mode != "drip" or self._stopping.is_set():
                    break
                request.wfile.write(payload[i : i + 1])
                request.wfile.flush()
                time.sleep(DRIP_INTERVAL_S)
        except OSError:
            pass
        request.close_connection = True

    @staticmethod
    def _send_huge(request: BaseHTTPRequestHandler) -> None:
        try:
            request.send_response(200)
            request.send_header("Content-Type", "application/json")
            request.send_header("Content-Length", str(HUGE_BYTES))
            request.end_headers()
            block = b" " * (1024 * 1024)
            for _ in range(HUGE_BYTES // len(block)):
                request.wfile.write(block)
        except OSError:
            pass
        request.close_connection = True


def main() -> None:
    parser = argparse.ArgumentParser(description="fault-injecting proxy (loopback only)")
    parser.add_argument("--target", required=True, help="backend URL, e.g. http://127.0.0.1:8000")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--mode", choices=MODES, default="pass")
    args = parser.parse_args()
    proxy = FaultProxy(args.target, port=args.port)
    proxy.mode = args.mode
    proxy.start()
    print(f"FAULTPROXY LISTENING {proxy.url} mode={proxy.mode}", flush=True)
    try:
        while True:
            line = input()
            if line.strip() in MODES:
                proxy.mode = line.strip()
                print(f"mode={proxy.mode}", flush=True)
    except (EOFError, KeyboardInterrupt):
        proxy.stop()


if __name__ == "__main__":
    main()


class FaultProxyProcess:
    """The proxy in its own process, driven over stdin: what a test or benchmark of the
    console should use, so the proxy's own Python work (dripping, pushing a huge body)
    does not compete with the console for the GIL and distort its measurements."""

    def __init__(self, target: str, start_timeout_s: float = 20.0) -> None:
        import subprocess
        import sys

        self._process = subprocess.Popen(
            [sys.executable, "-m", "backend.faultproxy", "--target", target],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1,
        )
        line = self._readline(start_timeout_s)
        if not line.startswith("FAULTPROXY LISTENING "):
            self.stop()
            raise RuntimeError(f"fault proxy did not start: {line!r}")
        self.url = line.split()[2]
        self._mode = "pass"

    def _readline(self, timeout_s: float) -> str:
        import select

        assert self._process.stdout is not None
        ready, _, _ = select.select([self._process.stdout], [], [], timeout_s)
        if not ready:
            raise RuntimeError("fault proxy did not answer")
        return self._process.stdout.readline().strip()

    @property
    def mode(self) -> str:
        return self._mode

    @mode.setter
    def mode(self, mode: str) -> None:
        if mode not in MODES:
            raise ValueError(mode)
        assert self._process.stdin is not None
        self._process.stdin.write(mode + "\n")
        self._process.stdin.flush()
        answer = self._readline(10.0)
        if answer != f"mode={mode}":
            raise RuntimeError(f"fault proxy did not switch to {mode}: {answer!r}")
        self._mode = mode

    def stop(self) -> None:
        import subprocess

        if self._process.stdin:
            self._process.stdin.close()
        try:
            self._process.wait(5)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait(5)
