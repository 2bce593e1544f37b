"""Table models of the roster (schools) and the reporting periods, editable in place."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate

from desktop.core import services
from desktop.core.errors import TaizhangError

_NO_PARENT = QModelIndex()  # the default 'parent' of the model methods
SCHOOL_FIELDS = ("code", "name", "type", "township")
COL_CODE, COL_NAME, COL_TYPE, COL_TOWNSHIP = range(4)


class _EditableTable(QAbstractTableModel):
    """Rows of dicts; ``save(key, **fields)`` stores an edit and may raise TaizhangError."""

    failed = Signal(object)
    edited = Signal()
    fields: tuple[str, ...] = ()
    editable: tuple[str, ...] = ()
    key = "code"

    def __init__(self, save: Callable[..., object] | None = None, parent=None):
        super().__init__(parent)
        self._rows: list[dict] = []
        self._save = save

    def load(self, rows: list[dict]) -> None:
        self.beginResetModel()
        self._rows = [dict(r) for r in rows]
        self.endResetModel()

    def row_data(self, row: int) -> dict | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent=_NO_PARENT):
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=_NO_PARENT):
        return 0 if parent.isValid() else len(self.fields)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section] if orientation == Qt.Orientation.Horizontal else str(section + 1)
        return None

    def headers(self) -> tuple[str, ...]:
        raise NotImplementedError

    def display(self, row: dict, field: str):
        return row.get(field) or ""

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, field = self._rows[index.row()], self.fields[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(row, field)
        if role == Qt.ItemDataRole.EditRole:
            return row.get(field) or ""
        return self.extra(row, field, role)

    def extra(self, row: dict, field: str, role):
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.fields[index.column()] in self.editable and self._save is not None:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole):
        if not index.isValid() or role != Qt.ItemDataRole.EditRole or self._save is None:
            return False
        row, field = self._rows[index.row()], self.fields[index.column()]
        if field not in self.editable:
            return False
        value = str(value if value is not None else "").strip()
        if value == str(row.get(field) or ""):
            return False
        try:
            self._save(row[self.key], **{field: value})
        except TaizhangError as exc:
            self.failed.emit(exc)
            return False
        row[field] = value
        self.dataChanged.emit(index, index)
        self.edited.emit()
        return True


class SchoolsModel(_EditableTable):
    fields = (*SCHOOL_FIELDS, "enrolment")
    editable = ("name", "type", "township")

    def headers(self):
        return (self.tr("学校代码"), self.tr("学校名称"), self.tr("学校类型"), self.tr("所属乡镇"), self.tr("注册码"))

    def display(self, row: dict, field: str):
        if field == "enrolment":
            code = row.get("enrolment") or ""
            return code + (self.tr("（已使用）") if code and row.get("enrolled") else "")
        return super().display(row, field)

    def extra(self, row, field, role):
        if role == Qt.ItemDataRole.ToolTipRole and field == "enrolment":
            return self.tr("随通知发给该校的一次性注册码：学校在初次设置时输入，教育局收到其报送即确认该校密钥")
        if role == Qt.ItemDataRole.FontRole and field == "enrolment":
            font = QFont("monospace")
            font.setStyleHint(QFont.StyleHint.Monospace)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and field == "code":
            return self.tr("学校代码是报送文件里识别学校的依据，不能修改")
        if role == Qt.ItemDataRole.ForegroundRole and field == "code":
            return QBrush(QColor("#5f6368"))
        return None


class PeriodsModel(_EditableTable):
    fields = ("name", "due_date", "closed", "reported")
    editable = ("due_date",)
    key = "name"

    def __init__(self, save=None, parent=None):
        super().__init__(save, parent)

    def headers(self):
        return (self.tr("填报周期"), self.tr("截止日期"), self.tr("状态"), self.tr("已报送学校"))

    def display(self, row, field):
        if field == "closed":
            return self.tr("已关闭") if row["closed"] else self.tr("接收中")
        if field == "reported":
            return str(row.get("reported", 0))
        if field == "due_date":
            return row.get("due_date") or self.tr("未设")
        return row.get(field) or ""

    def extra(self, row, field, role):
        if role == Qt.ItemDataRole.ForegroundRole and field == "closed" and row["closed"]:
            return QBrush(QColor("#c5221f"))
        if role == Qt.ItemDataRole.ToolTipRole and field == "due_date":
            return self.tr("格式：YYYY-MM-DD，双击修改")
        if role == Qt.ItemDataRole.TextAlignmentRole and field == "reported":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class TypeDelegate(QStyledItemDelegate):
    """School type: pick a known type or type another."""

    def createEditor(self, parent, option, index):
        box = QComboBox(parent)
        box.setEditable(True)
        box.addItems(services.roster.school_types())
        return box

    def setEditorData(self, editor, index):
        editor.setCurrentText(index.data(Qt.ItemDataRole.EditRole) or "")

    def setModelData(self, editor, model, index):
        model.setData(index, editor.currentText(), Qt.ItemDataRole.EditRole)
