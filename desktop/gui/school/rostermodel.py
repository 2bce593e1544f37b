"""The plan's school roster as a table model (for picking one's school in the first-run wizard)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QRegularExpression, QSortFilterProxyModel, Qt

_NO_PARENT = QModelIndex()  # the default 'parent' of the model methods

CodeRole = Qt.ItemDataRole.UserRole + 1


class RosterModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[dict] = []

    def set_schools(self, rows: list[dict]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def school(self, row: int) -> dict:
        return self._rows[row]

    def rowCount(self, parent=_NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=_NO_PARENT) -> int:
        return 0 if parent.isValid() else 4

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("学校名称"), self.tr("学校代码"), self.tr("类型"), self.tr("乡镇"))[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (row["name"], row["code"], row.get("type", ""), row.get("township", ""))[index.column()]
        if role == CodeRole:
            return row["code"]
        return None


class RosterFilter(QSortFilterProxyModel):
    """Matches the search text against the name, code and township (case-insensitive)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setFilterKeyColumn(-1)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def set_search(self, text: str) -> None:
        self.setFilterRegularExpression(QRegularExpression(QRegularExpression.escape(text.strip()),
                                                           QRegularExpression.PatternOption.CaseInsensitiveOption))
