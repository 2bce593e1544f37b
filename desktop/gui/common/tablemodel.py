"""The part every flat table model shares: rows under a row of headers."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

_NO_PARENT = QModelIndex()  # the default 'parent' of the model methods


class RowsTableModel(QAbstractTableModel):
    """A flat table of ``self._rows`` (one item per row) under ``self._headers`` (one title per column);
    subclasses set both and supply ``data``. Rows are numbered from 1 in the vertical header."""

    _rows: list = []
    _headers: tuple = ()

    def rowCount(self, parent=_NO_PARENT):
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=_NO_PARENT):
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section] if orientation == Qt.Orientation.Horizontal else str(section + 1)
        return None
