"""The common foot of the dialogs that send an operator's record to the backend (new
incident, position report): a red line that names what is wrong (the dialog stays open
with everything typed, nothing is lost) and Cancel beside the send button.

Signals: `submitted()` when the operator sends a form that passes `_check`.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel


class SendForm(QDialog):
    submitted = Signal()

    def _add_send_rows(self, form: QFormLayout, send_text: str, problem_name: str,
                       send_name: str) -> None:
        """The problem line (hidden until there is one) and the buttons under `form`."""
        self.problem = QLabel()
        self.problem.setObjectName(problem_name)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("QLabel { color: #b71c1c; font-weight: bold; }")
        self.problem.setVisible(False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.send = self.buttons.addButton(send_text, QDialogButtonBox.ButtonRole.AcceptRole)
        self.send.setObjectName(send_name)
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.problem)
        form.addRow(self.buttons)
        self.setMinimumWidth(480)

    def show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))

    def _check(self) -> bool:
        """Whether the form may be sent (a subclass names what is missing and says no)."""
        return True

    def _submit(self) -> None:
        if self._check():
            self.submitted.emit()
