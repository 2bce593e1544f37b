"""The school's task tree: a QAbstractItemModel over the board rows, and the proxy that filters it.

Rows come from ``services.reporting.task_board`` (plain dicts); the model only presents them. Headings are
parents (from ``parent_id``) and show how many of their tasks are done.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from desktop.core.words import Status
from desktop.gui.common.icons import icon, status_icon

_NO_PARENT = QModelIndex()  # the default 'parent' of the model methods

TaskIdRole = Qt.ItemDataRole.UserRole + 1
StatusRole = Qt.ItemDataRole.UserRole + 2
IsHeadingRole = Qt.ItemDataRole.UserRole + 3
OverdueRole = Qt.ItemDataRole.UserRole + 4
MissingEvidenceRole = Qt.ItemDataRole.UserRole + 5
AppliesRole = Qt.ItemDataRole.UserRole + 6
WarningsRole = Qt.ItemDataRole.UserRole + 7
RowRole = Qt.ItemDataRole.UserRole + 8

COL_TITLE, COL_STATUS, COL_DEADLINE, COL_EVIDENCE = range(4)
_RED = QColor("#c5221f")
_GREY = QColor("#80868b")
_BLUE = QColor("#1a73e8")
_PUNCT = "、.．)）:："


def display_label(label: str) -> str:
    """'一' → '一、', '3' → '3.', '（二）' → '（二）' (labels are stored as written in the plan)."""
    label = str(label).strip()
    if not label or label[-1] in _PUNCT:
        return label
    if label.isascii() and label.isdigit():
        return label + "."
    if all("\u4e00" <= ch <= "\u9fff" for ch in label):
        return label + "、"
    return label


class _Node:
    __slots__ = ("row", "parent", "children", "index_in_parent", "haystack", "total", "done")

    def __init__(self, row: dict | None, parent: _Node | None):
        self.row = row
        self.parent = parent
        self.children: list[_Node] = []
        self.index_in_parent = 0
        self.haystack = ""
        self.total = 0
        self.done = 0


class TaskTreeModel(QAbstractItemModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._root = _Node(None, None)
        self._by_id: dict[str, _Node] = {}

    # ---------------------------------------------------------------- loading and updating
    def set_board(self, rows: list[dict]) -> None:
        self.beginResetModel()
        self._root = _Node(None, None)
        self._by_id = {}
        for row in rows:
            parent = self._by_id.get(row.get("parent_id")) or self._root
            if parent.row is not None and not parent.row["is_heading"]:
                parent = self._root
            node = _Node(row, parent)
            node.index_in_parent = len(parent.children)
            node.haystack = self._haystack(row)
            parent.children.append(node)
            self._by_id[row["task_id"]] = node
        self._recount(self._root)
        self.endResetModel()

    @staticmethod
    def _haystack(row: dict) -> str:
        return " ".join([" ".join(row["path"]), row["task_id"], row["title"], row.get("text", ""),
                         " ".join(row.get("units", []))]).casefold()

    def _recount(self, node: _Node) -> None:
        node.total = node.done = 0
        for child in node.children:
            if child.row["is_heading"]:
                self._recount(child)
                node.total += child.total
                node.done += child.done
            elif child.row["applies"] and child.row["entry"]["status"] != Status.NOT_APPLICABLE:
                node.total += 1
                node.done += child.row["entry"]["status"] == Status.DONE

    def update_row(self, row: dict) -> None:
        """Replace one task's row (after an autosave) and refresh it and its headings' counts."""
        node = self._by_id.get(row["task_id"])
        if node is None:
            return
        row = dict(row, applies=node.row["applies"]) if "applies" not in row else row
        node.row = row
        node.haystack = self._haystack(row)
        self._recount(self._root)
        last = self.columnCount() - 1
        while node is not None and node.row is not None:
            self.dataChanged.emit(self._index(node, 0), self._index(node, last))
            node = node.parent

    def row_for(self, task_id: str) -> dict | None:
        node = self._by_id.get(task_id)
        return node.row if node else None

    def rows(self) -> list[dict]:
        return [n.row for n in self._by_id.values()]

    def index_for(self, task_id: str, column: int = 0) -> QModelIndex:
        node = self._by_id.get(task_id)
        return self._index(node, column) if node else QModelIndex()

    def node(self, index: QModelIndex) -> _Node | None:
        if not index.isValid():
            return None
        return index.internalPointer()

    def _index(self, node: _Node, column: int) -> QModelIndex:
        return self.createIndex(node.index_in_parent, column, node)

    # ---------------------------------------------------------------- QAbstractItemModel
    def index(self, row: int, column: int, parent: QModelIndex | QPersistentModelIndex = _NO_PARENT) -> QModelIndex:
        owner = parent.internalPointer() if parent.isValid() else self._root
        if row < 0 or column < 0 or column >= 4 or row >= len(owner.children) or (parent.isValid() and parent.column()):
            return QModelIndex()
        return self.createIndex(row, column, owner.children[row])

    def parent(self, index: QModelIndex | QPersistentModelIndex = _NO_PARENT) -> QModelIndex:  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        node: _Node = index.internalPointer()
        if node.parent is None or node.parent is self._root:
            return QModelIndex()
        return self.createIndex(node.parent.index_in_parent, 0, node.parent)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _NO_PARENT) -> int:
        if parent.column() > 0:
            return 0
        owner = parent.internalPointer() if parent.isValid() else self._root
        return len(owner.children)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _NO_PARENT) -> int:
        return 4

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("任务"), self.tr("完成"), self.tr("时限"), self.tr("佐证"))[section]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        node: _Node = index.internalPointer()
        row, col = node.row, index.column()
        heading = row["is_heading"]
        if role == Qt.ItemDataRole.DisplayRole:
            if col == COL_TITLE:
                return f"{display_label(row['path'][-1]) if row['path'] else ''}{row['title']}"
            if heading:
                return f"{node.done}/{node.total}" if col == COL_STATUS and node.total else None
            if col == COL_STATUS:
                # the status is the icon in the first column; this column warns (and says 退回)
                if row.get("sent_back"):
                    return self.tr("退回")
                if row.get("carried_unconfirmed"):
                    return self.tr("沿用")  # carried from the last period, not confirmed yet
                return self.tr("有变化") if row.get("plan_change") else None  # a revised plan changed it: unseen
            if col == COL_DEADLINE:
                return row.get("deadline") or ""
            if col == COL_EVIDENCE:
                return str(row["evidence"]) if row["evidence"] else ""
            return None
        if role == Qt.ItemDataRole.DecorationRole:
            if heading:
                return None
            if col == COL_TITLE:
                return status_icon(row["entry"]["status"])
            if col == COL_STATUS and row["warnings"]:
                return icon("warning")
            if col == COL_DEADLINE and row["overdue"]:
                return icon("overdue")
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(node)
        if role == Qt.ItemDataRole.ForegroundRole:
            if not heading and not row["applies"]:
                return QBrush(_GREY)
            if col == COL_DEADLINE and row.get("overdue"):
                return QBrush(_RED)
            if row.get("sent_back") and col in (COL_TITLE, COL_STATUS):
                return QBrush(_RED)
            if col == COL_STATUS and (row.get("carried_unconfirmed") or row.get("plan_change")):
                return QBrush(_BLUE)
            return None
        if role == Qt.ItemDataRole.FontRole and heading:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (COL_STATUS, COL_EVIDENCE):
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.AccessibleTextRole and col == COL_TITLE:
            return f"{row['title']} {self._status_text(row['entry']['status'])}" if not heading else row["title"]
        return self._custom(row, role)

    def _custom(self, row: dict, role: int):
        if role == TaskIdRole:
            return row["task_id"]
        if role == IsHeadingRole:
            return row["is_heading"]
        if role == StatusRole:
            return None if row["is_heading"] else row["entry"]["status"]
        if role == OverdueRole:
            return row["overdue"]
        if role == MissingEvidenceRole:
            return row["missing_evidence"]
        if role == AppliesRole:
            return row["applies"]
        if role == WarningsRole:
            return len(row["warnings"])
        return None

    def _status_text(self, status: str) -> str:
        return {Status.NOT_STARTED: self.tr("未开始"), Status.IN_PROGRESS: self.tr("进行中"),
                Status.DONE: self.tr("已完成"), Status.NOT_APPLICABLE: self.tr("不适用")}.get(status, status)

    def _tooltip(self, node: _Node) -> str:
        row = node.row
        if row["is_heading"]:
            return self.tr("{title}\n本节已完成 {done}/{total} 项").format(title=row["title"], done=node.done,
                                                                      total=node.total)
        lines = [row["title"]]
        if not row["applies"]:
            lines.append(self.tr("（不属于本校类型的任务）"))
        lines.append(self.tr("状态：{status}，进度 {progress}%").format(
            status=self._status_text(row["entry"]["status"]), progress=row["entry"]["progress"]))
        if row["overdue"]:
            lines.append(self.tr("已超过完成时限 {deadline}").format(deadline=row["deadline"]))
        lines.append(self.tr("佐证材料 {n} 份").format(n=row["evidence"]))
        if row.get("carried_unconfirmed"):
            lines.append(self.tr("沿用上期的填报，尚未确认"))
        if row.get("plan_change"):
            lines.append(self.tr("任务清单修订时改动了本任务，尚未查看"))
        if row["warnings"]:
            lines.append(self.tr("有 {n} 条提醒").format(n=len(row["warnings"])))
        if row.get("sent_back"):
            lines.append(self.tr("教育局退回修改：{comment}").format(comment=row["review"]["comment"]))
        return "\n".join(lines)


class TaskFilterProxy(QSortFilterProxyModel):
    """Search text, status, overdue, missing evidence and "only my school's tasks"; headings show
    when any task under them matches (recursive filtering)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setRecursiveFilteringEnabled(True)
        self.setDynamicSortFilter(False)
        self._text = ""
        self._statuses: frozenset[str] | None = None
        self._overdue = False
        self._missing = False
        self._warnings = False
        self._sent_back = False
        self._mine = True
        self._accepted: set = set()
        self._count = 0
        self._dirty = True

    def set_filters(self, *, text: str | None = None, statuses=..., overdue: bool | None = None,
                    missing_evidence: bool | None = None, warnings: bool | None = None,
                    mine_only: bool | None = None, sent_back: bool | None = None) -> None:
        """Change any of the filters (others are kept) and re-filter once.

        ``invalidate()`` (one layout change) rather than begin/endFilterChange (row by row inserts and
        removals): three times faster on 500 tasks, and the view keeps its selection either way.
        """
        if text is not None:
            self._text = text.strip().casefold()
        if statuses is not ...:
            self._statuses = frozenset(statuses) if statuses else None
        if overdue is not None:
            self._overdue = overdue
        if missing_evidence is not None:
            self._missing = missing_evidence
        if warnings is not None:
            self._warnings = warnings
        if mine_only is not None:
            self._mine = mine_only
        if sent_back is not None:
            self._sent_back = sent_back
        self.invalidate()

    def filters(self) -> dict:
        return {"text": self._text, "statuses": self._statuses, "overdue": self._overdue,
                "missing_evidence": self._missing, "warnings": self._warnings, "mine_only": self._mine,
                "sent_back": self._sent_back}

    def is_filtered(self) -> bool:
        return bool(self._text or self._statuses or self._overdue or self._missing or self._warnings
                    or self._sent_back)

    def accepts(self, row: dict, haystack: str) -> bool:
        """Whether a leaf task passes the filters (headings pass when one of their tasks does)."""
        if self._mine and not row["applies"]:
            return False
        if self._statuses is not None and row["entry"]["status"] not in self._statuses:
            return False
        if self._overdue and not row["overdue"]:
            return False
        if self._missing and not row["missing_evidence"]:
            return False
        if self._warnings and not row["warnings"]:
            return False
        if self._sent_back and not row.get("sent_back"):
            return False
        return all(word in haystack for word in self._text.split()) if self._text else True

    def _compute(self) -> None:
        """Decide every row in one pass over the tree (cheaper than Qt asking row by row and walking
        each heading's children again for recursive filtering)."""
        accepted: set = set()
        count = 0
        model = self.sourceModel()

        def walk(node) -> bool:
            nonlocal count
            any_child = False
            for child in node.children:
                if child.row["is_heading"]:
                    ok = walk(child)
                else:
                    ok = self.accepts(child.row, child.haystack)
                    count += ok
                if ok:
                    accepted.add(child)
                    any_child = True
            return any_child

        if model is not None:
            walk(model._root)
        self._accepted = accepted
        self._count = count
        self._dirty = False

    def _mark_dirty(self) -> None:
        self._dirty = True

    @property
    def visible_count(self) -> int:
        """How many leaf tasks pass the filters."""
        if self._dirty:
            self._compute()
        return self._count

    def invalidate(self) -> None:
        self._dirty = True
        super().invalidate()

    def setSourceModel(self, model) -> None:
        self._dirty = True
        if model is not None:
            model.modelAboutToBeReset.connect(self._mark_dirty)
        super().setSourceModel(model)

    def filterAcceptsRow(self, source_row: int, source_parent) -> bool:
        if self._dirty:
            self._compute()
        owner = source_parent.internalPointer() if source_parent.isValid() else self.sourceModel()._root
        return owner.children[source_row] in self._accepted

    def refilter_row(self) -> None:
        """Re-apply the filters after an edit changed a row (the proxy is not dynamic, so the task
        being edited does not vanish under the user's cursor)."""
        self.invalidate()
