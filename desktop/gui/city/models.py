"""The city window's tables: import results, county keys, counties × figures, a county's schools, a school's
entries. Plain list models (the city's numbers come from services.rollup)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from desktop.core import services
from desktop.core.words import (
    NOT_REPORTED,
    STATUS_COLOURS,
    STATUSES,
    SUSPECTED_COPY,
    CopyKind,
    Outcome,
    Reason,
)
from desktop.gui.common.tablemodel import RowsTableModel

NOT_REPORTED_BRUSH = QBrush(QColor(f"#{STATUS_COLOURS[NOT_REPORTED]}"))
REJECTED_BRUSH = QBrush(QColor("#fce8e6"))
FLAGGED_BRUSH = QBrush(QColor("#fef7e0"))  # 疑似重复材料: merged, for a person to check


# The empty context: lupdate files calls of this module-level tr() there, so the lookup must use it too
_CTX = ""


def tr(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


def percent(value) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


def _two_lines(groups: str) -> str:
    """A fingerprint in groups of 4 as two lines of 8 groups (both fit beside each other on a small screen)."""
    parts = groups.split()
    return " ".join(parts[:8]) + "\n" + " ".join(parts[8:]) if len(parts) > 8 else groups


def outcome_name(outcome: str) -> str:
    return {Outcome.ACCEPTED: tr("已合并"), Outcome.DUPLICATE: tr("重复"), Outcome.STALE: tr("旧版次"),
            Outcome.REJECTED: tr("拒收")}.get(outcome, outcome)


def status_name(status: str) -> str:
    return QCoreApplication.translate("StatusName", status)


class _Records(RowsTableModel):
    """Rows of dicts; ``_cells(row)`` gives the shown values; ``_brush(row)`` an optional background."""

    def load(self, rows: list) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def record(self, row: int):
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def _cells(self, r) -> tuple:
        raise NotImplementedError

    def _tip(self, r, column: int):
        return self._cells(r)[column]

    def _brush(self, r, column: int):
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        r = self._rows[index.row()]
        if role == Qt.ItemDataRole.ToolTipRole:
            value = self._tip(r, index.column())
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.DisplayRole:
            value = self._cells(r)[index.column()]
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._brush(r, index.column())
        return None


class CityResultsModel(_Records):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows = []
        self._headers = (self.tr("文件"), self.tr("结果"), self.tr("县区"), self.tr("周期"), self.tr("版次"), self.tr("原因"))
        self._confirmed: set[int] = set()  # rows (by id) of a county whose key was approved after they were merged

    def key_confirmed(self, county: str) -> None:
        """The county's key was compared and approved: its rows so far stop asking for it (the reason stays as
        merged); a row that comes later (another new key) is not touched."""
        self._confirmed |= {id(o) for o in self._rows if o.county == county}
        if self._rows:
            self.dataChanged.emit(self.index(0, 1), self.index(len(self._rows) - 1, len(self._headers) - 1))

    def append(self, outcomes: list) -> None:
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(outcomes) - 1)
        self._rows.extend(outcomes)
        self.endInsertRows()

    def _cells(self, o) -> tuple:
        result = outcome_name(o.outcome)
        if o.code == Reason.KEY_PENDING:  # held, not turned down: merged once the key is approved below
            return self._row(o, tr("密钥已批准，已重新合并") if id(o) in self._confirmed else tr("待批准密钥"))
        notes = [tr("密钥已核对")] if o.code == Reason.UNCONFIRMED_KEY and id(o) in self._confirmed else []
        if SUSPECTED_COPY in getattr(o, "flags", ()):
            notes.append(tr("疑似重复材料"))
        if notes:
            result = tr("{result}（{notes}）").format(result=result, notes=tr("，").join(notes))
        confirmed = o.code == Reason.UNCONFIRMED_KEY and id(o) in self._confirmed
        reason = services.rollup.reason_once_approved(o.reason) if confirmed else o.reason
        return self._row(o, result, reason)

    @staticmethod
    def _row(o, result: str, reason: str | None = None) -> tuple:
        return (Path(o.file).name or o.file, result, o.county or "", o.period or "", o.revision or "",
                o.reason if reason is None else reason)

    def _tip(self, o, column: int):
        return o.file if column == 0 else self._cells(o)[column]

    def _brush(self, o, column: int):
        if o.code == Reason.KEY_PENDING or SUSPECTED_COPY in getattr(o, "flags", ()):
            return FLAGGED_BRUSH
        return REJECTED_BRUSH if o.outcome == Outcome.REJECTED else None

    def flagged(self) -> int:
        return sum(1 for o in self._rows if SUSPECTED_COPY in getattr(o, "flags", ()))

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for o in self._rows:
            out[o.outcome] = out.get(o.outcome, 0) + 1
        return out


class CityKeysModel(_Records):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows = []
        self._headers = (self.tr("县区"), self.tr("情况"), self.tr("待核对的密钥指纹"), self.tr("原密钥指纹"), self.tr("等待合并的文件"),
                         self.tr("首次收到"))

    def _cells(self, r) -> tuple:
        first = r["kind"] == "unconfirmed"
        kind = self.tr("首次收到，未核对") if first else self.tr("密钥已更换")
        old = self.tr("—（首次使用）") if first else _two_lines(r["pinned_groups"])
        return (r["county"], kind, _two_lines(r["fingerprint_groups"]), old, r["waiting"],
                r["first_seen"][:16].replace("T", " "))


class CountiesModel(_Records):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows = []
        self._headers = (self.tr("县区"), self.tr("工作计划"), self.tr("汇总版次"), self.tr("学校数"), self.tr("已报送"), self.tr("未报送"), self.tr("报送率"),
                         self.tr("完成率"), *[status_name(s) for s in STATUSES], self.tr("县区密钥"))

    def _cells(self, c) -> tuple:
        return (c["county"], c["plan_title"], c["revision"], c["schools"], c["reported"], c["n_not_reported"],
                percent(c["report_rate"]), percent(c["rate"]), *[c["by_status"][str(s)] for s in STATUSES],
                self.tr("未核对") if c.get("key_unconfirmed") else self.tr("已核对"))

    def _brush(self, c, column: int):
        return FLAGGED_BRUSH if column == len(self._headers) - 1 and c.get("key_unconfirmed") else None


class CitySchoolsModel(_Records):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows = []
        self._headers = (self.tr("学校代码"), self.tr("学校名称"), self.tr("乡镇"), self.tr("报送情况"), self.tr("县内排名"),
                         self.tr("完成率"), *[status_name(s) for s in STATUSES])

    def _cells(self, p) -> tuple:
        state = (self.tr("已报送（密钥未确认）") if p["unconfirmed"] else self.tr("已报送")) if p["reported"] else self.tr("未报送")
        counts = [p[f"n_{s}"] for s in STATUSES] if p["reported"] else [""] * len(STATUSES)
        return (p["code"], p["name"], p["township"], state, p["rank"] or "—", percent(p["rate"]), *counts)

    def _tip(self, p, column: int):
        if column == 0 and p.get("copies"):
            return tr("疑似重复材料：与其他县区学校相同的佐证材料或完成情况说明 {n} 处，见右侧填报").format(n=p["copies"])
        return f"{p['name']}（{p['type']}）" if column == 1 else self._cells(p)[column]

    def _brush(self, p, column: int):
        if column == 0 and p.get("copies"):
            return FLAGGED_BRUSH
        return None if p["reported"] else NOT_REPORTED_BRUSH


class CityEntriesModel(_Records):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows = []
        self._headers = (self.tr("编号"), self.tr("任务"), self.tr("状态"), self.tr("进度%"), self.tr("疑似重复材料"),
                         self.tr("完成情况说明"), self.tr("存在问题"), self.tr("佐证材料"))

    def _cells(self, e) -> tuple:
        return (e["task_id"], e["title"], status_name(e["status"]), e["progress"], copies_short(e.get("copies", [])),
                e["narrative"], e["problems"], len(e["evidence"]))

    def _tip(self, e, column: int):
        return copies_text(e.get("copies", [])) if column == COL_COPIES else self._cells(e)[column]

    def _brush(self, e, column: int):
        if column == COL_COPIES and e.get("copies"):
            return FLAGGED_BRUSH
        colour = STATUS_COLOURS.get(e["status"]) if column == 2 else None
        return QBrush(QColor(f"#{colour}")) if colour else None


COL_COPIES, COL_NARRATIVE = 4, 5  # the entries' columns: the flag beside the text it is about


def copies_short(groups: list) -> str:
    """'同 临泽县 C0003' — what the cell shows, short beside the text (the tooltip says what and with whom)."""
    others = list(dict.fromkeys(" ".join(o.split()[:2]) for g in groups for o in g["others"]))
    if not others:
        return ""
    return tr("同 {who}").format(who=others[0]) + (tr("等") if len(others) > 1 else "")


def copies_text(groups: list) -> str:
    """'佐证材料“照片.jpg”与 乙县 B00001 某校相同' — one line per group this entry is part of."""
    lines = []
    for g in groups:
        others = "、".join(g["others"][:3]) + (tr("等") if len(g["others"]) > 3 else "")
        if g["kind"] == CopyKind.EVIDENCE:
            lines.append(tr("佐证材料“{name}”与 {others} 相同").format(name=g["label"], others=others))
        else:
            lines.append(tr("完成情况说明与 {others} 相同").format(others=others))
    return "\n".join(lines)
