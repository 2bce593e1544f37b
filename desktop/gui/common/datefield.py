"""A date field people can type into (2026-07-10, 2026/7/10, 2026年7月10日) or pick from a calendar.

QDateEdit only takes typing section by section, so a whole date typed or pasted in is lost."""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from desktop.core.clock import parse_day
from desktop.core.errors import TaizhangError


class DateField(QWidget):
    """A line edit plus a calendar button; :meth:`day` gives the date as '2026-07-10'."""

    date_changed = Signal(str)

    def __init__(self, day: QDate | None = None, parent=None):
        super().__init__(parent)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(self.tr("如 2026-07-10"))
        self.edit.setToolTip(self.tr("可直接输入 2026-07-10、2026/7/10 或 2026年7月10日，也可点右边的按钮选择"))
        self.edit.setMaximumWidth(150)
        self.edit.editingFinished.connect(self._normalise)
        lay.addWidget(self.edit)
        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(True)
        self.calendar.clicked.connect(self._picked)
        self.menu = QMenu(self)
        holder = QWidgetAction(self.menu)
        holder.setDefaultWidget(self.calendar)
        self.menu.addAction(holder)
        self.button = QToolButton()
        self.button.setArrowType(Qt.ArrowType.DownArrow)
        self.button.setToolTip(self.tr("在日历中选择"))
        self.button.setMenu(self.menu)
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.menu.aboutToShow.connect(self._sync_calendar)
        lay.addWidget(self.button)
        if day is not None:
            self.set_day(day)

    def setObjectName(self, name: str) -> None:
        super().setObjectName(name)
        self.edit.setObjectName(name + "Edit")

    def set_day(self, day: QDate | str) -> None:
        text = day.toString("yyyy-MM-dd") if isinstance(day, QDate) else parse_day(day)
        self.edit.setText(text)
        self.date_changed.emit(text)

    def day(self) -> str:
        """The date as '2026-07-10'; raises TaizhangError (zh/en) when what is typed is not a date."""
        return parse_day(self.edit.text())

    def _normalise(self) -> None:
        try:
            text = self.day()
        except TaizhangError:
            return  # left as typed; the action that uses the date says what is wrong
        if text != self.edit.text():
            self.edit.setText(text)
        self.date_changed.emit(text)

    def _sync_calendar(self) -> None:
        with contextlib.suppress(TaizhangError):  # a half-typed date: the calendar stays where it was
            self.calendar.setSelectedDate(QDate.fromString(self.day(), "yyyy-MM-dd"))

    def _picked(self, day: QDate) -> None:
        self.set_day(day)
        self.menu.hide()
