"""The quantitative targets of one task in the review editor (text, value, unit, 口径说明), editable in place."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor

from desktop.core.errors import TaizhangError
from desktop.gui.common.tablemodel import RowsTableModel

COL_TEXT, COL_VALUE, COL_UNIT, COL_DEFINITION = range(4)
_FIELDS = ("text", "value", "unit", "definition")


class TargetsModel(RowsTableModel):
    """``save(seq, **fields)`` stores an edit (it raises TaizhangError for a bad value)."""

    failed = Signal(object)
    edited = Signal()

    def __init__(self, save: Callable[..., object] | None = None, parent=None):
        super().__init__(parent)
        self._rows: list[dict] = []
        self._save = save
        self._headers = (self.tr("指标（原文）"), self.tr("目标值"), self.tr("单位"), self.tr("口径说明（怎么统计）"))

    def load(self, targets: list[dict], save: Callable[..., object] | None = None) -> None:
        self.beginResetModel()
        self._rows = [dict(t) for t in targets]
        if save is not None:
            self._save = save
        self.endResetModel()

    def seq(self, row: int) -> int | None:
        return self._rows[row]["seq"] if 0 <= row < len(self._rows) else None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        t = self._rows[index.row()]
        field = _FIELDS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            value = t.get(field)
            if field == "value" and value is None:
                return self.tr("待填写") if role == Qt.ItemDataRole.DisplayRole else ""
            return value or ""
        if role == Qt.ItemDataRole.BackgroundRole and field == "value" and t.get("value") is None:
            return QBrush(QColor("#ffe0b2"))
        if role == Qt.ItemDataRole.ToolTipRole and field == "value" and t.get("value") is None:
            return self.tr("原文中的目标值是占位符（如 x、xx、**），请填写具体数字")
        if role == Qt.ItemDataRole.ToolTipRole and field == "definition":
            return self.tr("告诉学校这个数怎么统计（例如：按人次计，同一人多次只计一次）；学校填报时能看到")
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole):
        if not index.isValid() or role != Qt.ItemDataRole.EditRole or self._save is None:
            return False
        t = self._rows[index.row()]
        field = _FIELDS[index.column()]
        value = str(value if value is not None else "")
        if value.strip() == str(t.get(field) or ""):
            return False
        try:
            self._save(t["seq"], **{field: value})
        except TaizhangError as exc:
            self.failed.emit(exc)
            return False
        self.edited.emit()
        return True

    def replace(self, targets: list[dict]) -> None:
        """The stored values after an edit (same rows, normalised values)."""
        if len(targets) != len(self._rows):
            self.load(targets)
            return
        self._rows = [dict(t) for t in targets]
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(_FIELDS) - 1))
