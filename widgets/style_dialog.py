"""Style dialog of a user vector layer: fill, stroke, width, point symbol and size,
label field, visible scale range, opacity. 'Apply' restyles the layer at once."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QPushButton,
    QSlider,
    QWidget,
)

from layers._draw.qt_style import qcolor
from layers.vector_file.layer import VectorFileLayer
from layers.vector_file.style import VectorLayerStyle

SYMBOLS = ("o", "s", "t", "d", "+", "x", "star")


def _hex(color: QColor) -> str:
    return f"#{color.red():02x}{color.green():02x}{color.blue():02x}{color.alpha():02x}"


class ColorButton(QPushButton):
    def __init__(self, color: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.color = color
        self.clicked.connect(self._pick)
        self._show()

    def _show(self) -> None:
        self.setText(self.color)
        self.setStyleSheet(f"QPushButton {{ background: {self.color[:7]}; }}")

    def _pick(self) -> None:
        chosen = QColorDialog.getColor(
            qcolor(self.color), self, "", QColorDialog.ColorDialogOption.ShowAlphaChannel
        )
        if chosen.isValid():
            self.color = _hex(chosen)
            self._show()


class StyleDialog(QDialog):
    def __init__(self, layer: VectorFileLayer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("styleDialog")
        self.setWindowTitle(self.tr("Style — %1").replace("%1", layer.title))
        self.layer = layer
        s = layer.style
        self.fill = ColorButton(s.fill, self)
        self.stroke = ColorButton(s.stroke, self)
        self.width = QDoubleSpinBox(self)
        self.width.setRange(0.0, 12.0)
        self.width.setSingleStep(0.5)
        self.width.setValue(s.width)
        self.symbol = QComboBox(self)
        self.symbol.addItems(SYMBOLS)
        self.symbol.setCurrentText(s.symbol)
        self.size = QDoubleSpinBox(self)
        self.size.setRange(2.0, 48.0)
        self.size.setValue(s.size)
        self.label = QComboBox(self)
        self.label.addItem(self.tr("(none)"), None)
        for column in layer.table.columns:
            self.label.addItem(column, column)
        self.label.setCurrentIndex(max(0, self.label.findData(s.label_field)))
        self.min_scale = self._scale_box(s.min_scale)
        self.max_scale = self._scale_box(s.max_scale)
        self.opacity = QSlider(Qt.Orientation.Horizontal, self)
        self.opacity.setRange(0, 100)
        self.opacity.setValue(round(layer.opacity * 100))
        form = QFormLayout(self)
        form.addRow(self.tr("Fill"), self.fill)
        form.addRow(self.tr("Stroke"), self.stroke)
        form.addRow(self.tr("Stroke width (px)"), self.width)
        form.addRow(self.tr("Point symbol"), self.symbol)
        form.addRow(self.tr("Point size (px)"), self.size)
        form.addRow(self.tr("Label field"), self.label)
        form.addRow(self.tr("Hide when zoomed out beyond 1:"), self.min_scale)
        form.addRow(self.tr("Hide when zoomed in beyond 1:"), self.max_scale)
        form.addRow(self.tr("Opacity"), self.opacity)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Apply
            | QDialogButtonBox.StandardButton.Cancel,
            parent=self,
        )
        buttons.accepted.connect(self._ok)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Apply).clicked.connect(self.apply)
        form.addRow(buttons)

    def _scale_box(self, value: float | None) -> QDoubleSpinBox:
        box = QDoubleSpinBox(self)
        box.setRange(0, 1e9)
        box.setDecimals(0)
        box.setSpecialValueText(self.tr("no limit"))
        box.setValue(value or 0)
        return box

    def chosen_style(self) -> VectorLayerStyle:
        return VectorLayerStyle(
            fill=self.fill.color,
            stroke=self.stroke.color,
            width=self.width.value(),
            symbol=self.symbol.currentText(),
            size=self.size.value(),
            label_field=self.label.currentData(),
            min_scale=self.min_scale.value() or None,
            max_scale=self.max_scale.value() or None,
        )

    def apply(self) -> None:
        self.layer.set_opacity(self.opacity.value() / 100)
        self.layer.set_style(self.chosen_style())  # the layer emits, only on a change

    def _ok(self) -> None:
        self.apply()
        self.accept()
