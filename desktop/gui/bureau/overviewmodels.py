"""Models of the overview: the school × task matrix, completion per task and per school, evidence."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPoint, QRect, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPixmap, QPolygon
from PySide6.QtWidgets import QStyledItemDelegate

from desktop.core.words import ReviewState, Status
from desktop.gui.bureau.messages import (
    NOT_APPLICABLE_COLOR,
    NOT_REPORTED_COLOR,
    STATUS_COLORS,
    comma,
    percent,
    school_label,
    status_name,
    tr,
)
from desktop.gui.common.sizes import human_size

_NO_PARENT = QModelIndex()  # the default 'parent' of the model methods
CellRole = Qt.ItemDataRole.UserRole + 1  # (school code, task id)
SortRole = Qt.ItemDataRole.UserRole + 2
CarriedRole = Qt.ItemDataRole.UserRole + 3  # CARRIED_UNCONFIRMED / CARRIED_CONFIRMED / None (the school's own answer)
NOT_REPORTED = "未报送"
NOT_APPLICABLE = "—"


# A cell whose answer the school carried from its last period (DESIGN §13) has a corner mark: orange while the
# school has not confirmed it, blue once it confirmed it (确认沿用); an answer of the period has none.
CARRIED_UNCONFIRMED, CARRIED_CONFIRMED = "unconfirmed", "confirmed"
CARRIED_COLORS = {CARRIED_UNCONFIRMED: "#e37400", CARRIED_CONFIRMED: "#1a73e8"}


def carried_name(kind: str | None) -> str:
    return {CARRIED_UNCONFIRMED: tr("沿用上期，学校未确认"), CARRIED_CONFIRMED: tr("沿用上期，学校已确认")}.get(kind or "", "")


def paint_carried_mark(painter: QPainter, rect: QRect, kind: str) -> None:
    """The corner mark of a carried answer in the top right of ``rect``."""
    size = max(6, min(11, rect.height() // 2))
    right, top = rect.right() + 1, rect.top()
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(CARRIED_COLORS[kind]))
    painter.drawPolygon(QPolygon([QPoint(right - size, top), QPoint(right, top), QPoint(right, top + size)]))
    painter.restore()


def carried_legend_pixmap(kind: str, width: int = 26, height: int = 18) -> QPixmap:
    """A small blank cell with the mark, for the legend."""
    pix = QPixmap(width, height)
    pix.fill(QColor("#ffffff"))
    painter = QPainter(pix)
    painter.setPen(QColor("#dadce0"))
    painter.drawRect(0, 0, width - 1, height - 1)
    paint_carried_mark(painter, QRect(0, 0, width, height), kind)
    painter.end()
    return pix


class CarriedMarkDelegate(QStyledItemDelegate):
    """Paints a matrix cell as usual, then the carried mark its model gives (CarriedRole)."""

    def paint(self, painter, option, index):
        super().paint(painter, option, index)
        kind = index.data(CarriedRole)
        if kind in CARRIED_COLORS:
            paint_carried_mark(painter, option.rect, kind)


def short_status(status: str) -> str:
    return {Status.DONE: tr("完成"), Status.IN_PROGRESS: tr("进行"), Status.NOT_STARTED: tr("未开始"),
            Status.NOT_APPLICABLE: tr("不适用"),
            NOT_REPORTED: tr("未报"), NOT_APPLICABLE: ""}.get(status, status)


def status_label(status: str) -> str:
    return {NOT_REPORTED: tr("未报送"), NOT_APPLICABLE: tr("不适用于该校类型")}.get(status) or status_name(status)


class MatrixModel(QAbstractTableModel):
    """Rows are schools, columns are tasks; each cell is one lookup in dicts prepared by ``load``,
    so the view only pays for the cells it shows (300 schools × 60 tasks scroll smoothly)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._schools: list[dict] = []
        self._tasks: list[dict] = []
        self._status: dict = {}
        self._applicable: dict[str, set] = {}
        self._reported: set[str] = set()
        self._evidence: dict = {}
        self._carried: dict = {}  # (school, task) → confirmed, for the answers carried from the last period
        self._italic = QFont()
        self._italic.setItalic(True)
        self._brushes = {k: QBrush(QColor(v)) for k, v in STATUS_COLORS.items()}
        self._brushes[NOT_REPORTED] = QBrush(QColor(NOT_REPORTED_COLOR))
        self._brushes[NOT_APPLICABLE] = QBrush(QColor(NOT_APPLICABLE_COLOR))
        self._muted = QBrush(QColor("#9aa0a6"))

    def load(self, ov: dict | None) -> None:
        self.beginResetModel()
        if ov is None:
            self._schools, self._tasks, self._status, self._applicable, self._reported, self._evidence = \
                [], [], {}, {}, set(), {}
            self._carried = {}
        else:
            self._schools, self._tasks = ov["schools"], ov["tasks"]
            self._status, self._applicable = ov["status"], ov["applicable"]
            self._reported, self._evidence = set(ov["submissions"]), ov["evidence"]
            self._carried = ov.get("carried", {})
        self.endResetModel()

    def cell_status(self, row: int, column: int) -> str:
        code, task_id = self._schools[row]["code"], self._tasks[column]["task_id"]
        if task_id not in self._applicable.get(code, ()):
            return NOT_APPLICABLE
        if code not in self._reported:
            return NOT_REPORTED
        return self._status.get((code, task_id), Status.NOT_STARTED)

    def cell_carried(self, row: int, column: int) -> str | None:
        """CARRIED_UNCONFIRMED / CARRIED_CONFIRMED when the school's reported answer is its last period's, else None."""
        if self.cell_status(row, column) in (NOT_APPLICABLE, NOT_REPORTED):
            return None
        confirmed = self._carried.get((self._schools[row]["code"], self._tasks[column]["task_id"]))
        if confirmed is None:
            return None
        return CARRIED_CONFIRMED if confirmed else CARRIED_UNCONFIRMED

    def cell(self, index: QModelIndex) -> tuple[str, str] | None:
        if not index.isValid():
            return None
        return self._schools[index.row()]["code"], self._tasks[index.column()]["task_id"]

    def rowCount(self, parent=_NO_PARENT):
        return 0 if parent.isValid() else len(self._schools)

    def columnCount(self, parent=_NO_PARENT):
        return 0 if parent.isValid() else len(self._tasks)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal:
            if not 0 <= section < len(self._tasks):
                return None
            t = self._tasks[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return t["task_id"]
            if role == Qt.ItemDataRole.ToolTipRole:
                return f"{t['task_id']} {t['title']}"
        else:
            if not 0 <= section < len(self._schools):
                return None
            s = self._schools[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return s["name"]
            if role == Qt.ItemDataRole.ToolTipRole:
                return school_label(s["name"], comma().join((s["code"], s["type"] or "—", s["township"] or "—")))
            if role == Qt.ItemDataRole.ForegroundRole and s["code"] not in self._reported:
                return QBrush(QColor("#c5221f"))
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return short_status(self.cell_status(index.row(), index.column()))
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._brushes.get(self.cell_status(index.row(), index.column()))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ForegroundRole and self.cell_status(index.row(), index.column()) == NOT_REPORTED:
            return self._muted
        if role == CarriedRole:
            return self.cell_carried(index.row(), index.column())
        if role == Qt.ItemDataRole.FontRole and self.cell_carried(index.row(), index.column()) == CARRIED_UNCONFIRMED:
            return self._italic
        if role == Qt.ItemDataRole.ToolTipRole:
            s, t = self._schools[index.row()], self._tasks[index.column()]
            status = self.cell_status(index.row(), index.column())
            n_ev = self._evidence.get((s["code"], t["task_id"]), 0)
            tip = f"{s['name']}\n{t['task_id']} {t['title']}\n{status_label(status)}"
            carried = self.cell_carried(index.row(), index.column())
            if carried:
                tip += "\n" + carried_name(carried)
            if n_ev:
                tip += "\n" + tr("佐证材料 {n} 个").format(n=n_ev)
            return tip
        if role == CellRole:
            return self.cell(index)
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class RecordsModel(QAbstractTableModel):
    """A read-only table of dicts; ``columns`` are (header, function of the row → shown text)."""

    def __init__(self, columns: list[tuple[str, Callable[[dict], object]]], parent=None):
        super().__init__(parent)
        self._columns = columns
        self._rows: list[dict] = []
        self.colors: Callable[[dict, int], str | None] = lambda row, col: None

    def load(self, rows: list[dict]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def record(self, row: int) -> dict | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent=_NO_PARENT):
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=_NO_PARENT):
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole:
            return self._columns[section][0] if orientation == Qt.Orientation.Horizontal else str(section + 1)
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            value = self._columns[index.column()][1](row)
            return "" if value is None else str(value)
        if role == SortRole:
            value = self._columns[index.column()][1](row)
            if isinstance(value, str) and value.endswith("%"):
                try:
                    return float(value[:-1])
                except ValueError:
                    return value
            return value if isinstance(value, (int, float)) else str(value or "")
        if role == Qt.ItemDataRole.ForegroundRole:
            color = self.colors(row, index.column())
            return QBrush(QColor(color)) if color else None
        if role == Qt.ItemDataRole.ToolTipRole:
            value = self._columns[index.column()][1](row)
            return str(value) if value not in (None, "") else None
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


def task_columns() -> list[tuple[str, Callable[[dict], object]]]:
    return [
        (tr("编号"), lambda r: r["task_id"]),
        (tr("任务"), lambda r: r["title"]),
        (tr("完成时限"), lambda r: r["deadline"] or ""),
        (tr("适用学校"), lambda r: r["applicable"]),
        (tr("已报学校"), lambda r: r["reported"]),
        (tr("已完成"), lambda r: r["n_已完成"]),
        (tr("进行中"), lambda r: r["n_进行中"]),
        (tr("未开始"), lambda r: r["n_未开始"]),
        (tr("不适用"), lambda r: r["n_不适用"]),
        (tr("完成率"), lambda r: percent(r["rate"]) if r["reported"] else "—"),
        (tr("审核"), lambda r: tr("通过 {p}，退回 {r}").format(p=r["n_passed"], r=r["n_returned"]) if r["reported"] else ""),
    ]


def school_state(r: dict) -> str:
    if not r["reported"]:
        return tr("未报送")
    state = tr("逾期报送") if r["late"] else tr("按时报送")
    # DESIGN §16: a report on a first key nobody has confirmed is marked wherever its figures are shown
    return tr("{state}（密钥未确认）").format(state=state) if r.get("unconfirmed") else state


def school_columns() -> list[tuple[str, Callable[[dict], object]]]:
    return [
        (tr("学校代码"), lambda r: r["code"]),
        (tr("学校名称"), lambda r: r["name"]),
        (tr("类型"), lambda r: r["type"]),
        (tr("乡镇"), lambda r: r["township"]),
        (tr("报送情况"), school_state),
        (tr("版次"), lambda r: r["revision"] or ""),
        (tr("报送时间"), lambda r: (r["created_at"] or "")[:16].replace("T", " ")),
        (tr("适用任务"), lambda r: r["applicable"]),
        (tr("已完成"), lambda r: r["n_已完成"] if r["reported"] else ""),
        (tr("进行中"), lambda r: r["n_进行中"] if r["reported"] else ""),
        (tr("未开始"), lambda r: r["n_未开始"] if r["reported"] else ""),
        (tr("完成率"), lambda r: percent(r["rate"]) if r["reported"] else "—"),
        (tr("审核状态"), lambda r: tr("{state}（通过 {p}，退回 {r}）").format(
            state=review_state_name(r["review"]), p=r["n_passed"], r=r["n_returned"]) if r["reported"] else ""),
    ]


def review_state_name(state: str) -> str:
    return {ReviewState.UNREVIEWED: tr("未审核"), ReviewState.PASSED: tr("通过"),
            ReviewState.RETURNED: tr("退回修改")}.get(state, state)


SCHOOL_STATE_COL = 4


class SchoolFilter(QSortFilterProxyModel):
    """All schools, only those not reported, or only those reported late."""

    ALL, MISSING, LATE = range(3)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._mode = self.ALL
        self.setSortRole(SortRole)

    def set_mode(self, mode: int) -> None:
        self.beginFilterChange()
        self._mode = mode
        self.endFilterChange()

    def filterAcceptsRow(self, source_row, source_parent):
        if self._mode == self.ALL:
            return True
        r = self.sourceModel().record(source_row)
        if r is None:
            return False
        return (not r["reported"]) if self._mode == self.MISSING else r["late"]


class EvidenceModel(QAbstractTableModel):
    """The evidence files of one school's entry (name, size)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[dict] = []
        self._headers = (tr("文件名"), tr("大小"))

    def load(self, rows: list[dict]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def item(self, row: int) -> dict | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent=_NO_PARENT):
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=_NO_PARENT):
        return 0 if parent.isValid() else 2

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        e = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return e["name"] if index.column() == 0 else human_size(e["size"])
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{e['name']}\nSHA-256 {e['sha256']}"
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

