"""Closing a permitted-boundary crossing: the operator picks one of the three reasons
(device/position error, returned within 2 h, case opened) and may add a comment."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from console.rules.crossings import CLOSE_REASONS


class CloseCrossingDialog(QDialog):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Close boundary crossing"))
        names = {
            "position_error": self.tr("Device / position error"),
            "returned_within_2h": self.tr("Returned within 2 h"),
            "case_opened": self.tr("Case opened"),
        }
        self.reason = QComboBox()
        for key in CLOSE_REASONS:
            self.reason.addItem(names[key], key)
        self.comment = QLineEdit()
        form = QFormLayout(self)
        form.addRow(QLabel(title))
        form.addRow(self.tr("Reason"), self.reason)
        form.addRow(self.tr("Comment"), self.comment)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> tuple[str, str | None]:
        return self.reason.currentData(), self.comment.text().strip() or None
