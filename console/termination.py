"""SIGTERM / SIGINT end the console through its normal close path, not mid-instruction.

Without a handler, SIGTERM kills the process (status 143): the outbox is not written,
the archive keeps an un-checkpointed WAL, the window layout is not saved. A plain
Python handler is no better on its own: Python runs it only when the interpreter gets
control back, and while Qt's event loop waits in C++ that may be never.

So the handler does nothing but exist (it replaces the default "terminate"), and
`signal.set_wakeup_fd` makes the interpreter write each signal's number to one end
of a socket pair. A `QSocketNotifier` on the other end wakes the event loop, which
reads the numbers and emits `requested(int)` on the GUI thread. No polling, no sleep.

Signals:
- `requested(int)`: a termination signal arrived (its number); emitted on the thread
  that owns this object (the GUI thread).
"""

from __future__ import annotations

import contextlib
import logging
import signal
import socket

from PySide6.QtCore import QObject, QSocketNotifier, Signal

log = logging.getLogger(__name__)

HANDLED = (signal.SIGTERM, signal.SIGINT)


class TerminationSignals(QObject):
    requested = Signal(int)

    def __init__(self, parent: QObject | None = None) -> None:
        """Install the handlers. Main thread only (a Python rule for signal handlers)."""
        super().__init__(parent)
        self._reader, self._writer = socket.socketpair()
        self._reader.setblocking(False)
        self._writer.setblocking(False)
        self._previous_fd = signal.set_wakeup_fd(self._writer.fileno(), warn_on_full_buffer=False)
        self._previous = {sig: signal.signal(sig, _ignore_here) for sig in HANDLED}
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._drain)

    def _drain(self, *_args: object) -> None:
        try:
            data = self._reader.recv(64)
        except (BlockingIOError, InterruptedError):
            return
        for number in data:
            if number in {int(s) for s in HANDLED}:
                log.info("received %s: closing normally", signal.Signals(number).name)
                self.requested.emit(number)

    def close(self) -> None:
        """Restore the previous handlers and wakeup fd (tests; a second app in-process)."""
        self._notifier.setEnabled(False)
        signal.set_wakeup_fd(self._previous_fd)
        for sig, handler in self._previous.items():
            signal.signal(sig, signal.SIG_DFL if handler is None else handler)
        for sock in (self._reader, self._writer):
            with contextlib.suppress(OSError):
                sock.close()


def _ignore_here(_signum: int, _frame: object) -> None:
    """The work happens in `TerminationSignals._drain`, on the event loop."""
