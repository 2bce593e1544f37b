"""审核 (DESIGN §12): review a school's merged report task by task, decide overall, write feedback files.

Left: the schools with a merged report for the period and their overall decision. Right: the chosen school's
tasks (status, decision, comment, whether the entry changed since the reviewed revision); below them the
entry, what changed since the review, and the decision controls (通过 / 退回修改 with a comment, quick
comments to pick from). Decisions are one small transaction each; writing feedback files runs off the GUI
thread (BackgroundOp).
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.core import services
from desktop.core.errors import TaizhangError
from desktop.core.words import REVIEW_COLOURS, ReviewState
from desktop.gui.bureau.chooser import Chooser
from desktop.gui.bureau.messages import status_name
from desktop.gui.common.errors import message
from desktop.gui.common.ops import BackgroundOp
from desktop.gui.common.tablemodel import RowsTableModel
from desktop.gui.common.tableviews import records_view


def review_name(_widget: QWidget, state: str) -> str:
    """A stored review word (未审核 / 通过 / 退回修改) in the user's language."""
    names = {ReviewState.UNREVIEWED: QCoreApplication.translate("ReviewState", "未审核"),
             ReviewState.PASSED: QCoreApplication.translate("ReviewState", "通过"),
             ReviewState.RETURNED: QCoreApplication.translate("ReviewState", "退回修改")}
    return names.get(state, state)


class SchoolsModel(RowsTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[dict] = []
        self._headers = (self.tr("学校"), self.tr("版次"), self.tr("总体结论"), self.tr("退回"))

    def load(self, rows: list[dict]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def row_of(self, code: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r["code"] == code), -1)

    def school(self, row: int) -> dict | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        r, col = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (f"{r['name']}（{r['code']}）", str(r["revision"]), review_name(self, r["overall"]),
                    str(r["returned"]))[col]
        if role == Qt.ItemDataRole.BackgroundRole and col == 2:
            return QColor("#" + REVIEW_COLOURS[r["overall"]])
        return None


def carried_sentence(_widget: QWidget, t: dict) -> str:
    """What the bureau reads about an answer the school carried from its last period (DESIGN §13)."""
    if t["carried_confirmed"]:
        text = QCoreApplication.translate("Carried", "沿用上期（{period}）的填报，学校已确认仍然属实")
    else:
        text = QCoreApplication.translate("Carried", "沿用上期（{period}）的填报，学校未确认也未修改")
    return text.format(period=t["carried_from"])


class TasksModel(RowsTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[dict] = []
        self._headers = (self.tr("编号"), self.tr("任务"), self.tr("填报状态"), self.tr("审核"), self.tr("意见"),
                         self.tr("审核后改动"))

    def load(self, rows: list[dict]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def task(self, row: int) -> dict | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, task_id: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r["task_id"] == task_id), -1)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        r, col = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            changed = self.tr("有改动（{n} 处）").format(n=len(r["changes"])) if r["changes"] else ""
            status = status_name(r["status"])
            if r.get("carried_from"):
                status = (self.tr("{status}（沿用·已确认）") if r["carried_confirmed"]
                          else self.tr("{status}（沿用·未确认）")).format(status=status)
            return (r["task_id"], r["title"], status, review_name(self, r["state"]), r["comment"], changed)[col]
        if role == Qt.ItemDataRole.BackgroundRole and col == 3:
            return QColor("#" + REVIEW_COLOURS[r["state"]])
        if role == Qt.ItemDataRole.ForegroundRole and col == 5 and r["changes"]:
            return QColor("#b06000")
        if role == Qt.ItemDataRole.ForegroundRole and col == 2 and r.get("carried_from"):
            return QColor("#1a73e8" if r["carried_confirmed"] else "#b06000")
        if role == Qt.ItemDataRole.ToolTipRole and col == 2 and r.get("carried_from"):
            return carried_sentence(self, r)
        if role == Qt.ItemDataRole.ToolTipRole and col in (1, 4):
            return r["title"] if col == 1 else r["comment"]
        return None


class SchoolReviewPage(QWidget):
    """The 审核 tab of the bureau window."""

    decided = Signal(str)  # school code, after any decision (the overview refreshes its 审核 figures)

    def __init__(self, ws: services.workspaces.CountyWorkspace, chooser: Chooser, parent=None):
        super().__init__(parent)
        self.setObjectName("schoolReviewPage")
        self.ws, self.db, self.chooser = ws, ws.db, chooser
        self.board: dict | None = None
        self._chosen: str | None = None  # the period the user picked (else the busiest one)
        self.feedback_op: BackgroundOp | None = None
        self.schools = SchoolsModel(self)
        self.tasks = TasksModel(self)
        self._build()

    # ------------------------------------------------------------------ building
    def _build(self) -> None:
        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 6, 8, 6)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("填报周期：")))
        self.period = QComboBox()
        self.period.setObjectName("reviewPeriod")
        self.period.currentIndexChanged.connect(self._period_chosen)
        top.addWidget(self.period)
        top.addWidget(QLabel(self.tr("审核人：")))
        self.reviewer = QLineEdit()
        self.reviewer.setObjectName("reviewerName")
        self.reviewer.setMaximumWidth(160)
        self.reviewer.editingFinished.connect(
            lambda: services.review.set_reviewer_name(self.db, self.reviewer.text()))
        top.addWidget(self.reviewer)
        self.status = QLabel()
        self.status.setObjectName("reviewStatus")
        top.addWidget(self.status, 1)
        self.write_one = QPushButton(self.tr("写出本校审核意见…"))
        self.write_one.setObjectName("writeFeedback")
        self.write_one.clicked.connect(self.write_feedback)
        top.addWidget(self.write_one)
        self.write_all = QPushButton(self.tr("写出全部审核意见…"))
        self.write_all.setObjectName("writeAllFeedback")
        self.write_all.setToolTip(self.tr("为每所已有审核结论的学校写出一份审核意见文件，放到所选文件夹"))
        self.write_all.clicked.connect(self.write_all_feedback)
        top.addWidget(self.write_all)
        lay.addLayout(top)

        split = QSplitter(Qt.Orientation.Horizontal)
        self.schools_view = self._table(self.schools, "reviewSchools", stretch=0)
        self.schools_view.selectionModel().currentRowChanged.connect(self._school_changed)
        split.addWidget(self.schools_view)

        right = QSplitter(Qt.Orientation.Vertical)
        upper = QWidget()
        ul = QVBoxLayout(upper)
        ul.setContentsMargins(0, 0, 0, 0)
        overall = QHBoxLayout()
        self.overall_label = QLabel()
        self.overall_label.setObjectName("overallLabel")
        overall.addWidget(self.overall_label)
        self.overall_comment = QLineEdit()
        self.overall_comment.setObjectName("overallComment")
        self.overall_comment.setPlaceholderText(self.tr("总体意见（学校会在审核意见文件的封面上看到）"))
        overall.addWidget(self.overall_comment, 1)
        self.overall_pass = QPushButton(self.tr("总体通过"))
        self.overall_pass.setObjectName("overallPass")
        self.overall_pass.clicked.connect(lambda: self.decide_overall(ReviewState.PASSED))
        overall.addWidget(self.overall_pass)
        self.overall_return = QPushButton(self.tr("总体退回修改"))
        self.overall_return.setObjectName("overallReturn")
        self.overall_return.clicked.connect(lambda: self.decide_overall(ReviewState.RETURNED))
        overall.addWidget(self.overall_return)
        ul.addLayout(overall)
        self.tasks_view = self._table(self.tasks, "reviewTasks", stretch=1)
        self.tasks_view.selectionModel().currentRowChanged.connect(self._task_changed)
        ul.addWidget(self.tasks_view, 1)
        right.addWidget(upper)

        lower = QWidget()
        ll = QHBoxLayout(lower)
        ll.setContentsMargins(0, 0, 0, 0)
        self.entry = QTextBrowser()
        self.entry.setObjectName("reviewEntry")
        ll.addWidget(self.entry, 3)
        box = QGroupBox(self.tr("本项结论"))
        bl = QVBoxLayout(box)
        self.quick = QComboBox()
        self.quick.setObjectName("quickComments")
        self.quick.addItem(self.tr("常用意见…"), "")
        for text in services.review.QUICK_COMMENTS:
            self.quick.addItem(text, text)
        self.quick.activated.connect(self._quick_picked)
        bl.addWidget(self.quick)
        self.comment = QPlainTextEdit()
        self.comment.setObjectName("taskComment")
        self.comment.setPlaceholderText(self.tr("退回修改时请写明要改什么"))
        bl.addWidget(self.comment, 1)
        buttons = QHBoxLayout()
        self.pass_button = QPushButton(self.tr("通过"))
        self.pass_button.setObjectName("taskPass")
        self.pass_button.setShortcut("Ctrl+P")
        self.pass_button.clicked.connect(lambda: self.decide(ReviewState.PASSED))
        buttons.addWidget(self.pass_button)
        self.return_button = QPushButton(self.tr("退回修改"))
        self.return_button.setObjectName("taskReturn")
        self.return_button.setShortcut("Ctrl+R")
        self.return_button.clicked.connect(lambda: self.decide(ReviewState.RETURNED))
        buttons.addWidget(self.return_button)
        bl.addLayout(buttons)
        self.decision_error = QLabel()
        self.decision_error.setObjectName("decisionError")
        self.decision_error.setStyleSheet("color: #c5221f;")
        self.decision_error.setWordWrap(True)
        bl.addWidget(self.decision_error)
        ll.addWidget(box, 2)
        right.addWidget(lower)
        right.setSizes([420, 300])
        split.addWidget(right)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 3)
        split.setSizes([300, 1000])
        lay.addWidget(split, 1)
        self._enable()

    def _table(self, model, name: str, stretch: int) -> QTableView:
        return records_view(model, name, stretch, single_selection=True)

    # ------------------------------------------------------------------ data
    def _period_chosen(self, _index: int) -> None:
        self._chosen = self.period.currentData()
        self.reload()

    def _set_period(self, period: str) -> None:
        self.period.blockSignals(True)
        self.period.setCurrentIndex(max(0, self.period.findData(period)))
        self.period.blockSignals(False)
        self._chosen = period

    def reload(self) -> None:
        """Periods, then the schools of the chosen period (the chosen school and task stay chosen)."""
        wanted = self._chosen
        self.period.blockSignals(True)
        try:
            self.period.clear()
            for p in services.roster.period_list(self.db):
                self.period.addItem(p["name"], p["name"])
            if wanted is None or self.period.findData(wanted) < 0:
                wanted = services.standing.overview_period(self.db)
            self.period.setCurrentIndex(max(0, self.period.findData(wanted)))
        finally:
            self.period.blockSignals(False)
        if not self.reviewer.hasFocus():
            self.reviewer.setText(services.review.reviewer_name(self.db))
        code = self.board["school"]["code"] if self.board else None
        task = self.current_task()
        self._load_schools()
        if code is not None:
            self.show_school(code, task["task_id"] if task else None)

    def _load_schools(self) -> None:
        period = self.period.currentData()
        try:
            rows = services.review.review_list(self.db, period) if period else []
        except TaizhangError:
            rows = []
        self.schools.load(rows)
        self.status.setText(self.tr("{n} 所学校的报送可审核").format(n=len(rows)) if rows
                            else self.tr("这个周期还没有已合并的报送。"))
        if not rows:
            self.board = None
            self.tasks.load([])
            self._show_task(None)
        self._enable()

    def show_school(self, code: str, task_id: str | None = None, period: str | None = None) -> bool:
        """Open the review of school ``code`` (from the matrix, a school's row, an import result)."""
        if period is None:  # the period of the school's latest report, when the one shown has none
            try:
                period = services.review.review_board(self.db, code)["period"] if \
                    self.schools.row_of(code) < 0 else None
            except TaizhangError:
                period = None
        if period is not None and self.period.findData(period) >= 0 and self.period.currentData() != period:
            self._set_period(period)
            self._load_schools()
        row = self.schools.row_of(code)
        if row < 0:
            self._load_schools()
            row = self.schools.row_of(code)
        if row < 0:
            self.status.setText(self.tr("{code} 在这个周期还没有已合并的报送").format(code=code))
            return False
        self.schools_view.selectionModel().blockSignals(True)
        self.schools_view.selectRow(row)
        self.schools_view.selectionModel().blockSignals(False)
        self._load_board(code)
        if task_id is not None and (r := self.tasks.row_of(task_id)) >= 0:
            self.tasks_view.selectRow(r)
        elif self.tasks.rowCount():
            self.tasks_view.selectRow(0)
        return True

    def _load_board(self, code: str) -> None:
        try:
            self.board = services.review.review_board(self.db, code, self.period.currentData())
        except TaizhangError as exc:
            self.board = None
            self.tasks.load([])
            self.status.setText(message(exc))
            self._enable()
            return
        self.tasks.load(self.board["tasks"])
        self._show_overall()
        self._enable()

    def _show_overall(self) -> None:
        b = self.board
        if b is None:
            self.overall_label.setText("")
            return
        o, c = b["overall"], b["counts"]
        self.overall_label.setText(self.tr("<b>{school}</b> 第 {rev} 次报送 · 总体：<b>{state}</b> · 通过 {p}，退回 {r}，"
                                           "未审核 {u}").format(
            school=html.escape(b["school"]["name"]), rev=b["revision"], state=review_name(self, o["state"]),
            p=c[ReviewState.PASSED], r=c[ReviewState.RETURNED], u=c[ReviewState.UNREVIEWED]))
        if not self.overall_comment.hasFocus():
            self.overall_comment.setText(o["comment"])

    def _school_changed(self, current: QModelIndex, _previous=None) -> None:
        school = self.schools.school(current.row())
        if school is not None:
            self._load_board(school["code"])
            if self.tasks.rowCount():
                self.tasks_view.selectRow(0)

    def current_task(self) -> dict | None:
        index = self.tasks_view.currentIndex()
        return self.tasks.task(index.row()) if index.isValid() else None

    def _task_changed(self, current: QModelIndex, _previous=None) -> None:
        self._show_task(self.tasks.task(current.row()))

    def _show_task(self, t: dict | None) -> None:
        self.decision_error.setText("")
        if t is None:
            self.entry.setHtml("")
            self.comment.setPlainText("")
            self._enable()
            return
        self.comment.setPlainText(t["comment"])
        self.entry.setHtml(self._html(t))
        self._enable()

    def _html(self, t: dict) -> str:
        esc = html.escape
        parts = [f"<h3>{esc(t['task_id'])} {esc(t['title'])}</h3>",
                 self.tr("<p>填报状态：<b>{status}</b>，进度 {p}%</p>").format(status=esc(status_name(t["status"])),
                                                                       p=t["progress"])]
        if t.get("carried_from"):
            colour = "#1a73e8" if t["carried_confirmed"] else "#b06000"
            parts.append(f"<p style='color:{colour}'><b>{esc(carried_sentence(self, t))}</b></p>")
        for label, value in ((self.tr("完成情况说明"), t["narrative"]), (self.tr("存在问题"), t["problems"]),
                             (self.tr("下步打算"), t["next_steps"])):
            if value:
                parts.append(f"<p><b>{esc(label)}</b><br>{esc(value).replace(chr(10), '<br>')}</p>")
        if t["evidence"]:
            label = self.tr("佐证材料")
            parts.append(f"<p><b>{esc(label)}</b>：{esc('、'.join(t['evidence']))}</p>")
        if t["reviewer"]:
            parts.append(self.tr("<p style='color:#5f6368'>{state}：{who}，{when}（第 {rev} 次报送）</p>").format(
                state=esc(review_name(self, t["state"])), who=esc(t["reviewer"]), when=esc((t["decided_at"] or "")[:16]
                                                                                         .replace("T", " ")),
                rev=t["reviewed_revision"]))
        if t["changes"]:
            parts.append(self.tr("<h4 style='color:#b06000'>自审核的第 {a} 次报送以来的改动</h4>").format(
                a=t["since_revision"]))
            parts.append(self._diff_html(t["changes"]))
        return "".join(parts)

    def _diff_html(self, changes: list[dict]) -> str:
        esc = html.escape
        out = []
        for c in changes:
            label = esc(c["label"])
            if c["field"] == "evidence":
                items = [f"<span style='color:#188038'>+ {esc(n)}</span>" for n in c["added"]]
                items += [f"<span style='color:#c5221f'>− {esc(n)}</span>" for n in c["removed"]]
                out.append(f"<p><b>{label}</b>：{'，'.join(items)}</p>")
            elif "lines" in c:
                lines = []
                for line in c["lines"]:
                    colour = "#188038" if line.startswith("+") else "#c5221f" if line.startswith("-") else "#5f6368"
                    bg = "#e6f4ea" if line.startswith("+") else "#fce8e6" if line.startswith("-") else "transparent"
                    lines.append(f"<div style='color:{colour}; background:{bg}'>{esc(line)}</div>")
                out.append(f"<p><b>{label}</b></p>{''.join(lines)}")
            else:
                seq = self.tr(" 第{n}项").format(n=c["seq"]) if c["field"] == "indicators" else ""
                out.append(f"<p><b>{label}{esc(seq)}</b>：<span style='color:#c5221f'>{esc(str(c['old'] or ''))}</span>"
                           f" → <span style='color:#188038'>{esc(str(c['new'] or ''))}</span></p>")
        return "".join(out)

    def _enable(self) -> None:
        has_school, has_task = self.board is not None, self.current_task() is not None
        for w in (self.overall_pass, self.overall_return, self.overall_comment, self.write_one):
            w.setEnabled(has_school and self.feedback_op is None)
        for w in (self.pass_button, self.return_button, self.comment, self.quick):
            w.setEnabled(has_task)
        self.write_all.setEnabled(self.schools.rowCount() > 0 and self.feedback_op is None)

    def _quick_picked(self, index: int) -> None:
        text = self.quick.itemData(index)
        if text:
            current = self.comment.toPlainText().strip()
            self.comment.setPlainText(f"{current}\n{text}" if current else text)
        self.quick.setCurrentIndex(0)

    # ------------------------------------------------------------------ decisions
    def _reviewer(self) -> str:
        name = self.reviewer.text().strip()
        services.review.set_reviewer_name(self.db, name)
        return name

    def decide(self, state: str) -> bool:
        """Record ``state`` with the comment on the chosen task, then move to the next task."""
        t, b = self.current_task(), self.board
        if t is None or b is None:
            return False
        comment = self.comment.toPlainText().strip()
        if state == ReviewState.RETURNED and not comment:
            self.decision_error.setText(self.tr("退回修改请写明意见（可从“常用意见”中选）。"))
            self.comment.setFocus()
            return False
        try:
            self.board = services.review.decide(self.db, b["school"]["code"], state, task_id=t["task_id"],
                                                comment=comment, reviewer=self._reviewer(), period=b["period"])
        except TaizhangError as exc:
            self.decision_error.setText(message(exc))
            return False
        row = self.tasks.row_of(t["task_id"])
        self.tasks.load(self.board["tasks"])
        self._show_overall()
        self._refresh_school_row()
        self.tasks_view.selectRow(min(row + 1, self.tasks.rowCount() - 1))
        self.decided.emit(b["school"]["code"])
        return True

    def decide_overall(self, state: str) -> bool:
        b = self.board
        if b is None:
            return False
        try:
            self.board = services.review.decide(self.db, b["school"]["code"], state,
                                                comment=self.overall_comment.text().strip(),
                                                reviewer=self._reviewer(), period=b["period"])
        except TaizhangError as exc:
            self.status.setText(message(exc))
            return False
        self._show_overall()
        self._refresh_school_row()
        self.decided.emit(b["school"]["code"])
        return True

    def _refresh_school_row(self) -> None:
        code = self.board["school"]["code"] if self.board else None
        self.schools_view.selectionModel().blockSignals(True)
        self._load_schools()
        if code is not None and (row := self.schools.row_of(code)) >= 0:
            self.schools_view.selectRow(row)
        self.schools_view.selectionModel().blockSignals(False)

    # ------------------------------------------------------------------ feedback files
    def write_feedback(self) -> str | None:
        b = self.board
        if b is None or self.feedback_op is not None:
            return None
        name = services.review.feedback_file_name(b["school"], b["period"], b["revision"])
        path = self.chooser.save_file(self.tr("写出审核意见"), name, self.tr("Excel 工作簿 (*.xlsx)"))
        if not path:
            return None
        code, period = b["school"]["code"], b["period"]
        self._run(lambda job: [services.review.write_feedback(job.db, code, path, period=period)] and [path])
        return path

    def write_all_feedback(self) -> str | None:
        period = self.period.currentData()
        if period is None or self.feedback_op is not None:
            return None
        folder = self.chooser.open_folder(self.tr("审核意见文件放到哪个文件夹"), "")
        if not folder:
            return None
        self._run(lambda job: [w["file"] for w in services.review.write_all_feedback(job.db, folder, period=period)])
        return folder

    def _run(self, fn) -> None:
        self.status.setText(self.tr("正在写出审核意见…"))
        self.feedback_op = (BackgroundOp(self, fn, db_path=self.ws.path, title=self.tr("写出审核意见"))
                            .on_success(self._written)
                            .on_failure(lambda exc: self.status.setText(message(exc)))
                            .on_done(self._feedback_done))
        self._enable()
        self.feedback_op.run()

    def _written(self, files: list[str]) -> None:
        self.status.setText(self.tr("已写出 {n} 份审核意见：{files}").format(n=len(files), files="；".join(files[:3])))

    def _feedback_done(self) -> None:
        self.feedback_op = None
        self._enable()

    def shutdown(self) -> None:
        if self.feedback_op is not None:
            self.feedback_op.shutdown(60000)
            self.feedback_op = None
