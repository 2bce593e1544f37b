"""The parsed plan as a tree (headings → tasks) for the review screen."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from desktop.gui.common.icons import icon

_NO_PARENT = QModelIndex()  # the default 'parent' of the model methods
COL_LABEL, COL_TITLE, COL_DEADLINE, COL_TARGETS = range(4)
TaskIdRole = Qt.ItemDataRole.UserRole + 1


class _Node:
    __slots__ = ("data", "parent", "children", "row", "key")

    def __init__(self, data: dict | None, parent: _Node | None, key: int):
        self.data, self.parent, self.children, self.row, self.key = data, parent, [], 0, key


class PlanTreeModel(QAbstractItemModel):
    """Indexes carry an integer key into ``_nodes`` (never a Python object pointer)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._root = _Node(None, None, 0)
        self._nodes: list[_Node] = [self._root]
        self._by_id: dict[str, _Node] = {}
        self._headers = (self.tr("编号"), self.tr("任务"), self.tr("完成时限"), self.tr("指标"))

    # ------------------------------------------------------------------ loading
    def load(self, nodes: list[dict]) -> None:
        """``nodes`` in document order, as ``planstore.plan_tasks`` gives them."""
        self.beginResetModel()
        root = _Node(None, None, 0)
        all_nodes, by_id = [root], {}
        for data in nodes:
            parent = by_id.get(data["parent_id"], root) if data["parent_id"] else root
            node = _Node(data, parent, len(all_nodes))
            node.row = len(parent.children)
            parent.children.append(node)
            all_nodes.append(node)
            by_id[data["task_id"]] = node
        self._root, self._nodes, self._by_id = root, all_nodes, by_id
        self.endResetModel()

    def update_node(self, data: dict) -> None:
        """A field edit: same place in the tree, new values."""
        node = self._by_id.get(data["task_id"])
        if node is None:
            return
        node.data = data
        self.dataChanged.emit(self._index(node, 0), self._index(node, COL_TARGETS))

    def index_of(self, task_id: str | None) -> QModelIndex:
        node = self._by_id.get(task_id) if task_id else None
        return self._index(node, 0) if node else QModelIndex()

    def node(self, index: QModelIndex) -> dict | None:
        return self._node(index).data if index.isValid() else None

    def task_ids(self) -> list[str]:
        return list(self._by_id)

    # ------------------------------------------------------------------ the model
    def _node(self, index: QModelIndex | QPersistentModelIndex) -> _Node:
        if not index.isValid():
            return self._root
        key = index.internalId()
        return self._nodes[key] if 0 < key < len(self._nodes) else self._root

    def _index(self, node: _Node, column: int) -> QModelIndex:
        return self.createIndex(node.row, column, node.key)

    def index(self, row, column, parent=_NO_PARENT):
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        return self._index(self._node(parent).children[row], column)

    def parent(self, index=_NO_PARENT):
        if not index.isValid():
            return QModelIndex()
        up = self._node(index).parent
        if up is None or up is self._root:
            return QModelIndex()
        return self._index(up, 0)

    def rowCount(self, parent=_NO_PARENT):
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._node(parent).children)

    def columnCount(self, parent=_NO_PARENT):
        return len(self._headers)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        d = self._node(index).data
        col = index.column()
        holes = sum(1 for x in d["targets"] if x["value"] is None)
        if role == Qt.ItemDataRole.DisplayRole:
            if col == COL_LABEL:
                return d["path"][-1] if d["path"] else ""
            if col == COL_TITLE:
                return d["title"]
            if col == COL_DEADLINE:
                return "" if d["is_heading"] else (d["deadline"] or "—")
            if col == COL_TARGETS:
                return "" if d["is_heading"] or not d["targets"] else str(len(d["targets"]))
        elif role == TaskIdRole:
            return d["task_id"]
        elif role == Qt.ItemDataRole.ToolTipRole:
            if col == COL_TARGETS and holes:
                return self.tr("有 {n} 个指标还没有填写目标值").format(n=holes)
            text = d["text"] or d["title"]
            return self.tr("编号 {id}").format(id=d["task_id"]) + "\n" + text[:400]
        elif role == Qt.ItemDataRole.FontRole and d["is_heading"]:
            font = QFont()
            font.setBold(True)
            return font
        elif role == Qt.ItemDataRole.DecorationRole and col == COL_TARGETS and holes:
            return icon("warning")
        elif role == Qt.ItemDataRole.ForegroundRole and col == COL_DEADLINE and not d["is_heading"] and not d["deadline"]:
            return QBrush(QColor("#80868b"))
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
