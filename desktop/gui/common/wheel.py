"""Shift + mouse wheel scrolls a wide table sideways (as in Excel, WPS and the browsers).

Qt's own Shift + wheel pages the vertical scroll bar on Windows, so a school × task matrix wider than
the screen could only be scrolled sideways by dragging the scroll bar."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractScrollArea

STEPS_PER_NOTCH = 3  # single steps per wheel notch, as Qt scrolls lines


class _ShiftWheel(QObject):
    def __init__(self, area: QAbstractScrollArea):
        super().__init__(area)
        self.area = area

    def eventFilter(self, obj, event):
        if event.type() != QEvent.Type.Wheel or not event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            return False
        delta = event.angleDelta()
        notch = delta.y() or delta.x()  # some platforms already turn Shift + wheel into a sideways delta
        if not notch:
            return False
        bar = self.area.horizontalScrollBar()
        bar.setValue(bar.value() - round(notch / 120 * STEPS_PER_NOTCH * bar.singleStep()))
        return True


def shift_wheel_scrolls_sideways(area: QAbstractScrollArea) -> None:
    area.viewport().installEventFilter(_ShiftWheel(area))
