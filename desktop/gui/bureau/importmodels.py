"""Models of the import screen: one row per file merged, and the pending key-change requests."""

from __future__ import annotations

import copy
import os

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from desktop.core.words import SUSPECTED_COPY, Outcome
from desktop.gui.bureau.messages import (
    OUTCOME_COLORS,
    PROBLEM_OUTCOMES,
    advice,
    outcome_name,
    plain_reason,
    school_label,
)
from desktop.gui.common.icons import icon
from desktop.gui.common.tablemodel import RowsTableModel

COL_FILE, COL_SCHOOL, COL_PERIOD, COL_REVISION, COL_OUTCOME, COL_REASON, COL_ADVICE = range(7)
OutcomeRole = Qt.ItemDataRole.UserRole + 1


class ResultsModel(RowsTableModel):
    """Merge outcomes (``desktop.core.intake.merge.Outcome``) in the order the files were merged.

    The model keeps its own copy of each outcome: the merge's thread goes on working on its objects (the
    疑似重复材料 flag is added to them after the whole batch), and the GUI never reads what another thread
    writes. ``update`` takes the final outcomes and tells the views which rows changed."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list = []
        self._names: dict[str, str] = {}
        self._headers = (self.tr("文件"), self.tr("学校"), self.tr("周期"), self.tr("版次"), self.tr("结果"),
                         self.tr("原因"), self.tr("怎么办"))

    def set_school_names(self, names: dict[str, str]) -> None:
        self._names = dict(names)

    def clear(self) -> None:
        self.beginResetModel()
        self._rows = []
        self.endResetModel()

    def append(self, outcomes: list) -> None:
        if not outcomes:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(outcomes) - 1)
        self._rows.extend(copy.deepcopy(o) for o in outcomes)
        self.endInsertRows()

    def update(self, outcomes: list, first: int = 0) -> None:
        """The batch's final outcomes (``outcomes[i]`` is row ``first + i``): rows whose outcome changed since
        they were shown (the copy flag, its reason line) are replaced, and a dataChanged tells the views."""
        changed = []
        for i, o in enumerate(outcomes[:max(0, len(self._rows) - first)], start=first):
            if self._rows[i] != o:
                self._rows[i] = copy.deepcopy(o)
                changed.append(i)
        if changed:
            self.dataChanged.emit(self.index(changed[0], 0), self.index(changed[-1], self.columnCount() - 1))

    def outcomes(self) -> list:
        return list(self._rows)

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for o in self._rows:
            out[o.outcome] = out.get(o.outcome, 0) + 1
        return out

    def _school(self, o) -> str:
        if not o.school:
            return ""
        name = self._names.get(o.school)
        return school_label(name, o.school) if name else o.school

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        o = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == COL_FILE:
                return os.path.basename(o.file.replace("!", os.sep)) or o.file
            if col == COL_SCHOOL:
                return self._school(o)
            if col == COL_PERIOD:
                return o.period or ""
            if col == COL_REVISION:
                return "" if o.revision is None else self.tr("第 {n} 次").format(n=o.revision)
            if col == COL_OUTCOME:
                name = outcome_name(o.outcome)
                return name + self.tr("（疑似重复材料）") if SUSPECTED_COPY in o.flags else name
            if col == COL_REASON:
                if o.reason:
                    return plain_reason(o.reason)
                return "" if o.outcome != Outcome.ACCEPTED else self.tr("首次报送")
            if col == COL_ADVICE:
                return advice(o.code) if o.outcome != Outcome.ACCEPTED else ""
        elif role == Qt.ItemDataRole.ToolTipRole:
            if col == COL_FILE:
                return o.file
            if col in (COL_REASON, COL_ADVICE):
                return self.data(index, Qt.ItemDataRole.DisplayRole) or None
        elif role == Qt.ItemDataRole.ForegroundRole and col == COL_OUTCOME:
            return QBrush(QColor(OUTCOME_COLORS.get(o.outcome, "#202124")))
        elif role == Qt.ItemDataRole.FontRole and col == COL_OUTCOME:
            font = QFont()
            font.setBold(True)
            return font
        elif role == Qt.ItemDataRole.DecorationRole and col == COL_OUTCOME:
            if o.outcome == Outcome.REJECTED:
                return icon("error")
            if o.outcome == "stale" or SUSPECTED_COPY in o.flags:
                return icon("warning")
        elif role == OutcomeRole:
            return o.outcome
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class ProblemFilter(QSortFilterProxyModel):
    """All files, or only those with a problem (rejected, stale)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._problems_only = False

    def set_problems_only(self, on: bool) -> None:
        self.beginFilterChange()
        self._problems_only = on
        self.endFilterChange()

    def filterAcceptsRow(self, source_row, source_parent):
        if not self._problems_only:
            return True
        index = self.sourceModel().index(source_row, 0, source_parent)
        return index.data(OutcomeRole) in PROBLEM_OUTCOMES


KCOL_SCHOOL, KCOL_NEW, KCOL_OLD, KCOL_SEEN, KCOL_WAITING = range(5)


class KeyRequestsModel(RowsTableModel):
    """Schools whose files came with a new signing key (``services.intake.key_requests``)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[dict] = []
        self._headers = (self.tr("学校"), self.tr("待定密钥指纹"), self.tr("在用密钥指纹"), self.tr("首次收到"),
                         self.tr("等待合并的文件"))

    def load(self, rows: list[dict]) -> None:
        self.beginResetModel()
        self._rows = [dict(r) for r in rows]
        self.endResetModel()

    def request(self, row: int) -> dict | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        r = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == KCOL_SCHOOL:
                label = school_label(r["name"], r["school"]) if r["name"] else r["school"]
                return label + (self.tr("（未确认）") if r.get("kind") == "unconfirmed" else "")
            if col == KCOL_NEW:
                if r.get("kind") == "unconfirmed":
                    return self.tr("（无）")
                return " ".join(r["fingerprint_groups"].split()[:4]) + " …"
            if col == KCOL_OLD:
                if not r["pinned_groups"]:
                    return "—"
                short = " ".join(r["pinned_groups"].split()[:4]) + " …"
                return short + (self.tr(" 未确认") if r.get("pinned_unconfirmed") else "")
            if col == KCOL_SEEN:
                return (r["first_seen"] or "")[:16].replace("T", " ")
            if col == KCOL_WAITING:
                return str(r["waiting"])
        elif role == Qt.ItemDataRole.ForegroundRole and r.get("pinned_unconfirmed") and col in (KCOL_SCHOOL, KCOL_OLD):
            return QColor("#b06000")
        elif role == Qt.ItemDataRole.ToolTipRole and col in (KCOL_NEW, KCOL_OLD):
            return r["fingerprint_groups"] if col == KCOL_NEW else r["pinned_groups"]
        elif role == Qt.ItemDataRole.FontRole and col in (KCOL_NEW, KCOL_OLD):
            font = QFont("monospace")
            font.setStyleHint(QFont.StyleHint.Monospace)
            return font
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
