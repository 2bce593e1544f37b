"""The task detail pane: what the plan asks, and what the school records (autosaved on every edit)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QRegularExpression, QSize, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QDesktopServices,
    QKeySequence,
    QPainter,
    QPalette,
    QRegularExpressionValidator,
    QShortcut,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSlider,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.core import services
from desktop.core.errors import TaizhangError
from desktop.core.words import EvidenceRule, Status
from desktop.gui.common.errors import message
from desktop.gui.common.icons import icon, status_icon
from desktop.gui.common.ops import BackgroundOp
from desktop.gui.school.carried import CarriedBox, PlanChangeBox
from desktop.gui.school.evidencemodel import EvidenceModel
from desktop.gui.school.messages import status_name, warning_text
from desktop.gui.school.reuse import ReuseDialog
from desktop.gui.school.taskmodel import display_label

STATUSES = (Status.NOT_STARTED, Status.IN_PROGRESS, Status.DONE, Status.NOT_APPLICABLE)
TEXT_DEBOUNCE_MS = 300
_NUMBER = QRegularExpression(r"^\s*-?[0-9]{0,15}([.][0-9]{0,6})?\s*[%％]?\s*$")
_RED = "#c5221f"


def _dropped_files(event) -> list[str]:
    mime = event.mimeData()
    if not mime.hasUrls():
        return []
    return [u.toLocalFile() for u in mime.urls() if u.isLocalFile() and Path(u.toLocalFile()).is_file()]


class EvidenceView(QListView):
    """Thumbnails of a task's evidence; files dropped on it are attached."""

    files_dropped = Signal(list)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setIconSize(QSize(96, 96))
        self.setGridSize(QSize(150, 140))
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setMovement(QListView.Movement.Static)
        self.setWordWrap(True)
        self.setUniformItemSizes(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(False)
        self.setMinimumHeight(160)

    def paintEvent(self, event):
        super().paintEvent(event)
        if self.model() is not None and self.model().rowCount() == 0:
            painter = QPainter(self.viewport())
            painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(self.viewport().rect(), Qt.AlignmentFlag.AlignCenter,
                             self.tr("把照片或文件拖到这里"))

    def dragEnterEvent(self, event):
        if event.mimeData().hasUrls():
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event):
        if event.mimeData().hasUrls():
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event):
        files = _dropped_files(event)
        if files:
            event.acceptProposedAction()
            self.files_dropped.emit(files)
        else:
            event.ignore()


class TaskDetail(QScrollArea):
    """Shows one task. Every edit is saved through ``services`` (text after a short pause, choices at
    once); ``saved`` carries the task's fresh board row so the tree and dashboard can follow."""

    saved = Signal(dict)
    error = Signal(str)

    def __init__(self, ws, parent=None, *, opener: Callable[[Path], bool] | None = None,
                 file_chooser: Callable[[QWidget], list[str]] | None = None):
        super().__init__(parent)
        self.ws = ws
        self._row: dict | None = None
        self._dirty: set[str] = set()
        self._dirty_targets: dict[int, str] = {}
        self._loading = False
        self._opener = opener or (lambda path: QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))))
        self._file_chooser = file_chooser or self._choose_files
        self.evidence_op: BackgroundOp | None = None  # adding or removing evidence, on a worker thread
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(TEXT_DEBOUNCE_MS)
        self._timer.timeout.connect(self.flush)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAcceptDrops(True)
        self._build()
        self.show_task(None)

    # ------------------------------------------------------------------------- building
    def _build(self) -> None:
        body = QWidget()
        body.setObjectName("detailBody")
        # never squeezed below its natural height: a banner or a row shown while the user works makes the
        # panel scroll instead of pressing the fields together under the cursor
        body.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        outer = QVBoxLayout(body)
        outer.setContentsMargins(16, 12, 16, 16)
        outer.setSpacing(12)

        self.empty_label = QLabel(self.tr("请在左侧选择一项任务。"))
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setStyleSheet("color: #5f6368; font-size: 15px; padding: 40px;")
        outer.addWidget(self.empty_label)

        self.content = QWidget()
        col = QVBoxLayout(self.content)
        col.setContentsMargins(0, 0, 0, 0)
        col.setSpacing(12)
        outer.addWidget(self.content)

        self.title_label = QLabel()
        self.title_label.setObjectName("taskTitle")
        self.title_label.setWordWrap(True)
        self.title_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title_label.setFont(font)
        col.addWidget(self.title_label)

        # the bureau sent this task back (审核意见): its comment stands beside the entry until the next feedback
        self.review_box, self.review_label = _callout("sentBack", "sentBackText", "error",
                                                     "#fce8e6", "#f28b82", "#8c1d18")
        self.review_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.review_box.hide()
        col.addWidget(self.review_box)
        self.change_box = PlanChangeBox(self)  # a revised plan changed this task: shown until seen
        self.change_box.seen.connect(self._change_seen)
        col.addWidget(self.change_box)

        plan_box = QGroupBox(self.tr("任务要求"))
        grid = QGridLayout(plan_box)
        grid.setColumnStretch(1, 1)
        grid.setHorizontalSpacing(12)
        self.text_label = QLabel()
        self.text_label.setObjectName("taskText")
        self.text_label.setWordWrap(True)
        self.text_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                                | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        grid.addWidget(self.text_label, 0, 0, 1, 2)
        self.units_label = self._value_label()
        self.deadline_label = self._value_label()
        self.deadline_label.setObjectName("deadline")
        self.applies_label = self._value_label()
        for r, (caption, widget) in enumerate(((self.tr("责任单位"), self.units_label),
                                               (self.tr("完成时限"), self.deadline_label),
                                               (self.tr("适用学校"), self.applies_label)), start=1):
            cap = QLabel(caption + self.tr("："))
            cap.setStyleSheet("color: #5f6368;")
            grid.addWidget(cap, r, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(widget, r, 1)
        col.addWidget(plan_box)
        self.carried_box = CarriedBox(self)  # 沿用上期 and last period's answer, above the fields it speaks of
        self.carried_box.confirm.connect(self._confirm_carried)
        self.carried_box.confirm_section.connect(self._confirm_carried)
        self.carried_box.carry_again.connect(self.ask_carry_again)
        col.addWidget(self.carried_box)

        self.warning_box, self.warning_label = _callout("warnings", "warningText", "warning",
                                                       "#fef7e0", "#f2c94c", "#5c3c00")
        # the banner goes below the fields (added after them): choosing a status shows or hides it, and
        # above them it moved the fields about 60 px under the cursor

        work = QGroupBox(self.tr("完成情况"))
        self.work_group = work
        form = QGridLayout(work)
        form.setColumnStretch(1, 1)
        form.setHorizontalSpacing(12)
        form.setVerticalSpacing(8)
        self.status_combo = QComboBox()
        self.status_combo.setObjectName("status")
        for s in STATUSES:
            self.status_combo.addItem(status_icon(s), status_name(s), s)
        self.status_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.status_combo.currentIndexChanged.connect(self._status_changed)
        form.addWidget(self._caption(self.tr("状态"), self.status_combo), 0, 0)
        status_row = QHBoxLayout()
        status_row.addWidget(self.status_combo)
        status_row.addSpacing(16)
        self.progress_caption = self._caption(self.tr("进度"), None)
        status_row.addWidget(self.progress_caption)
        self.progress_slider = QSlider(Qt.Orientation.Horizontal)
        self.progress_slider.setRange(0, 100)
        self.progress_slider.setSingleStep(5)
        self.progress_slider.setPageStep(10)
        self.progress_slider.setMinimumWidth(120)
        self.progress_spin = QSpinBox()
        self.progress_spin.setObjectName("progress")
        self.progress_spin.setRange(0, 100)
        self.progress_spin.setSingleStep(10)
        self.progress_spin.setSuffix("%")
        self.progress_caption.setBuddy(self.progress_spin)
        self.progress_slider.valueChanged.connect(self.progress_spin.setValue)
        self.progress_spin.valueChanged.connect(self.progress_slider.setValue)
        self.progress_spin.valueChanged.connect(lambda _v: self._edited("progress"))
        status_row.addWidget(self.progress_slider, 1)
        status_row.addWidget(self.progress_spin)
        # 不适用 swaps the progress for its reason in the same row, so the rows below never move
        self.na_caption = self._caption(self.tr("不适用原因"), None)
        self.na_reason = QLineEdit()
        self.na_reason.setObjectName("naReason")
        self.na_reason.setPlaceholderText(self.tr("例如：本校无此学段"))
        self.na_caption.setBuddy(self.na_reason)
        self.na_reason.textEdited.connect(lambda _t: self._edited("na_reason"))
        status_row.addWidget(self.na_caption)
        status_row.addWidget(self.na_reason, 1)
        form.addLayout(status_row, 0, 1)

        self.targets_caption = QLabel(self.tr("量化指标："))
        self.targets_caption.setStyleSheet("color: #5f6368;")
        form.addWidget(self.targets_caption, 2, 0, Qt.AlignmentFlag.AlignTop)
        self.targets_box = QWidget()
        self.targets_grid = QGridLayout(self.targets_box)
        self.targets_grid.setContentsMargins(0, 0, 0, 0)
        self.targets_grid.setColumnStretch(0, 1)
        form.addWidget(self.targets_box, 2, 1)
        self.target_edits: dict[int, QLineEdit] = {}
        self.target_notes: dict[int, QLabel] = {}

        self.texts: dict[str, QPlainTextEdit] = {}
        for r, (key, caption, hint) in enumerate((
                ("narrative", self.tr("完成情况说明"), self.tr("做了什么、做到什么程度（可写数量、时间、范围）")),
                ("problems", self.tr("存在问题"), self.tr("遇到的困难和不足")),
                ("next_steps", self.tr("下步打算"), self.tr("接下来准备怎么做"))), start=3):
            edit = QPlainTextEdit()
            edit.setObjectName(key)
            edit.setPlaceholderText(hint)
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(120 if key == "narrative" else 84)
            edit.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            edit.textChanged.connect(lambda k=key: self._edited(k))
            self.texts[key] = edit
            form.addWidget(self._caption(caption, edit), r, 0, Qt.AlignmentFlag.AlignTop)
            form.addWidget(edit, r, 1)
        self.save_error = QLabel()
        self.save_error.setObjectName("saveError")
        self.save_error.setWordWrap(True)
        self.save_error.setStyleSheet(f"color: {_RED};")
        self.save_error.hide()
        form.addWidget(self.save_error, 6, 0, 1, 2)
        col.addWidget(work)
        col.addWidget(self.warning_box)

        ev = QGroupBox(self.tr("佐证材料"))
        self.evidence_group = ev
        el = QVBoxLayout(ev)
        bar = QHBoxLayout()
        hint = QLabel(self.tr("把照片、文件拖到下面的框里，或点“添加文件”。"))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #5f6368;")
        bar.addWidget(hint, 1)
        self.add_button = QPushButton(icon("open"), self.tr("添加文件…"))
        self.add_button.setObjectName("addEvidence")
        self.add_button.clicked.connect(self._add_clicked)
        self.open_button = QPushButton(self.tr("打开"))
        self.open_button.setObjectName("openEvidence")
        self.open_button.clicked.connect(self.open_selected)
        self.remove_button = QPushButton(self.tr("移除"))
        self.remove_button.setObjectName("removeEvidence")
        self.remove_button.clicked.connect(self.remove_selected)
        self.reuse_button = QPushButton(self.tr("从已有材料选择…"))
        self.reuse_button.setObjectName("reuseEvidence")
        self.reuse_button.setToolTip(self.tr("同一份材料用作几项任务的佐证：只保存一份，不必重复上传"))
        self.reuse_button.clicked.connect(self._reuse_clicked)
        for b in (self.add_button, self.reuse_button, self.open_button, self.remove_button):
            bar.addWidget(b)
        el.addLayout(bar)
        self.evidence_busy = QWidget()  # shown while a file is copied into the database (a big one takes a while)
        self.evidence_busy.setObjectName("evidenceBusy")
        busy = QHBoxLayout(self.evidence_busy)
        busy.setContentsMargins(0, 0, 0, 0)
        self.evidence_busy_label = QLabel()
        bar_busy = QProgressBar()
        bar_busy.setRange(0, 0)
        bar_busy.setTextVisible(False)
        bar_busy.setMaximumHeight(12)
        busy.addWidget(self.evidence_busy_label)
        busy.addWidget(bar_busy, 1)
        self.evidence_busy.hide()
        el.addWidget(self.evidence_busy)
        self.evidence_model = EvidenceModel(lambda sha: services.reporting.evidence_preview_bytes(self.ws, sha), self)
        self.evidence_view = EvidenceView()
        self.evidence_view.setObjectName("evidence")
        self.evidence_view.setModel(self.evidence_model)
        self.evidence_view.files_dropped.connect(self.attach_files)
        self.evidence_view.doubleClicked.connect(lambda _i: self.open_selected())
        self.evidence_view.selectionModel().selectionChanged.connect(self._update_buttons)
        QShortcut(QKeySequence.StandardKey.Delete, self.evidence_view, self.remove_selected,
                  context=Qt.ShortcutContext.WidgetShortcut)
        QShortcut(QKeySequence(Qt.Key.Key_Return), self.evidence_view, self.open_selected,
                  context=Qt.ShortcutContext.WidgetShortcut)
        el.addWidget(self.evidence_view)
        col.addWidget(ev)
        self.no_evidence_label = QLabel(self.tr("本任务不需要上传佐证材料（教育局规定）。"))
        self.no_evidence_label.setObjectName("noEvidenceNeeded")
        self.no_evidence_label.setStyleSheet("color: #5f6368;")
        self.no_evidence_label.hide()
        col.addWidget(self.no_evidence_label)
        col.addStretch(1)
        outer.addStretch(1)
        self.setWidget(body)

    def _value_label(self) -> QLabel:
        label = QLabel()
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def _caption(self, text: str, buddy) -> QLabel:
        label = QLabel(text + self.tr("："))
        label.setStyleSheet("color: #5f6368;")
        if buddy is not None:
            label.setBuddy(buddy)
        return label

    # ------------------------------------------------------------------------- showing a task
    @property
    def task_id(self) -> str | None:
        return self._row["task_id"] if self._row else None

    def show_task(self, row: dict | None) -> None:
        """Show ``row`` (a board row); pending edits of the previous task are saved first."""
        self.flush()
        self._row = row
        self._loading = True
        try:
            self.empty_label.setVisible(row is None)
            self.content.setVisible(row is not None)
            if row is None:
                return
            label = display_label(row["path"][-1]) if row["path"] else ""
            self.title_label.setText(f"{label}{row['title']}")
            self.text_label.setText(row.get("text") or row["title"])
            self.units_label.setText("、".join(row.get("units") or []) or self.tr("（未注明）"))
            self.applies_label.setText("、".join(row.get("applies_to") or []) or self.tr("全部学校"))
            entry = row["entry"]
            self.status_combo.setCurrentIndex(STATUSES.index(entry["status"]))
            self.progress_spin.setValue(entry["progress"])
            self.na_reason.setText(entry["na_reason"])
            for key, edit in self.texts.items():
                edit.setPlainText(entry[key])  # also clears the edit's undo history
            self._build_targets(row)
            self.evidence_model.set_items(services.reporting.task_evidence(self.ws, row["task_id"]))
            self.save_error.hide()
            self.carried_box.show_task(row, services.reporting.previous_entry(self.ws, row["task_id"]))
            for key, edit in self.texts.items():
                edit.setToolTip(self.carried_box.previous_text(key))
            self._refresh(row)
            self.verticalScrollBar().setValue(0)
        finally:
            self._loading = False

    def _build_targets(self, row: dict) -> None:
        while self.targets_grid.count():
            item = self.targets_grid.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        self.target_edits.clear()
        self.target_notes.clear()
        targets = row.get("targets") or []
        self.targets_caption.setVisible(bool(targets))
        self.targets_box.setVisible(bool(targets))
        values = {iv["seq"]: iv["value"] for iv in row["entry"]["indicators"]}
        for r, t in enumerate(targets):
            text = QLabel(t["text"] + (self.tr("\n口径：{definition}").format(definition=t["definition"])
                                       if t.get("definition") else ""))
            text.setWordWrap(True)
            text.setToolTip(t.get("definition") or "")
            goal = (self.tr("目标：{value}{unit}").format(value=t["value"], unit=t.get("unit", ""))
                    if t.get("value") is not None and not t.get("placeholder") else self.tr("目标：待教育局确定"))
            goal_label = QLabel(goal)
            goal_label.setStyleSheet("color: #5f6368;")
            edit = QLineEdit(values.get(t["seq"], ""))
            edit.setObjectName(f"target{t['seq']}")
            edit.setPlaceholderText(self.tr("完成值"))
            edit.setValidator(QRegularExpressionValidator(_NUMBER, edit))
            edit.setMaximumWidth(110)
            edit.setAlignment(Qt.AlignmentFlag.AlignRight)
            edit.setAccessibleName(self.tr("“{text}”的完成值").format(text=t["text"]))
            edit.textEdited.connect(lambda value, seq=t["seq"]: self._target_edited(seq, value))
            edit.editingFinished.connect(self.flush)
            unit = QLabel(t.get("unit", ""))
            note = QLabel()
            note.setStyleSheet(f"color: {_RED};")
            note.setWordWrap(True)
            note.hide()
            self.targets_grid.addWidget(text, 2 * r, 0)
            self.targets_grid.addWidget(goal_label, 2 * r, 1)
            self.targets_grid.addWidget(edit, 2 * r, 2)
            self.targets_grid.addWidget(unit, 2 * r, 3)
            self.targets_grid.addWidget(note, 2 * r + 1, 0, 1, 4)
            self.target_edits[t["seq"]] = edit
            self.target_notes[t["seq"]] = note

    def _refresh(self, row: dict) -> None:
        """Things that follow from the saved state: deadline colour, warnings, visibility, counts."""
        self._row = row
        deadline = row.get("deadline")
        if not deadline:
            self.deadline_label.setText(self.tr("（未注明）"))
            self.deadline_label.setStyleSheet("")
        elif row["overdue"]:
            self.deadline_label.setText(self.tr("{deadline}（已超期）").format(deadline=deadline))
            self.deadline_label.setStyleSheet(f"color: {_RED}; font-weight: bold;")
        else:
            self.deadline_label.setText(deadline)
            self.deadline_label.setStyleSheet("")
        na = row["entry"]["status"] == Status.NOT_APPLICABLE
        self.na_caption.setVisible(na)
        self.na_reason.setVisible(na)
        for w in (self.progress_caption, self.progress_slider, self.progress_spin):
            w.setVisible(not na)
        review = row.get("review")
        if row.get("sent_back"):
            self.review_label.setText(self.tr("教育局退回修改：{comment}\n请按意见修改后重新导出报送。").format(
                comment=review["comment"] or self.tr("（未写意见）")))
        self.review_box.setVisible(bool(row.get("sent_back")))
        self.warning_label.setText("\n".join(warning_text(w) for w in row["warnings"]))
        self.warning_box.setVisible(bool(row["warnings"]))
        short = {w["params"]["text"]: w for w in row["warnings"] if w["code"] in ("below_target", "above_limit")}
        for t in row.get("targets") or []:
            note = self.target_notes.get(t["seq"])
            if note is None:
                continue
            w = short.get(t["text"])
            note.setVisible(w is not None)
            if w is not None:
                note.setText(warning_text(w))
        rule = row.get("evidence_rule")
        if rule == EvidenceRule.REQUIRED:
            self.evidence_group.setTitle(self.tr("佐证材料（{n}）· 必需上传").format(n=row["evidence"]))
        else:
            self.evidence_group.setTitle(self.tr("佐证材料（{n}）").format(n=row["evidence"]))
        # 不需: the bureau asks for none, so the box is hidden (files attached before stay listed)
        hidden = rule == EvidenceRule.NOT_NEEDED and not row["evidence"]
        self.evidence_group.setVisible(not hidden)
        self.no_evidence_label.setVisible(hidden)
        self.carried_box.update_state(row)
        self.change_box.show_change(row["task_id"], row.get("plan_change"))
        self._update_buttons()

    def _update_buttons(self, *_args) -> None:
        has = bool(self.evidence_view.selectionModel().selectedIndexes())
        busy = self.evidence_op is not None
        self.open_button.setEnabled(has)
        self.remove_button.setEnabled(has and not busy)
        self.add_button.setEnabled(not busy)

    # ------------------------------------------------------------------------- saving
    def _edited(self, key: str) -> None:
        if self._loading or self._row is None:
            return
        self._dirty.add(key)
        self._timer.start()

    def _target_edited(self, seq: int, value: str) -> None:
        if self._loading or self._row is None:
            return
        self._dirty_targets[seq] = value
        self._timer.start()

    def _status_changed(self, _index: int) -> None:
        if self._loading or self._row is None:
            return
        self._dirty.add("status")
        self.flush()

    def pending(self) -> bool:
        return bool(self._dirty or self._dirty_targets)

    def flush(self) -> None:
        """Save whatever was edited since the last save (called by the timer, on leaving a task, on close)."""
        self._timer.stop()
        if self._row is None or not self.pending():
            return
        task_id = self._row["task_id"]
        fields = {}
        for key in self._dirty:
            if key == "status":
                fields["status"] = self.status_combo.currentData()
            elif key == "progress":
                fields["progress"] = self.progress_spin.value()
            elif key == "na_reason":
                fields["na_reason"] = self.na_reason.text()
            else:
                fields[key] = self.texts[key].toPlainText()
        targets, self._dirty_targets = self._dirty_targets, {}
        self._dirty = set()
        row, problem = None, None
        try:
            if fields:
                row = services.reporting.save_task(self.ws, task_id, **fields)
        except TaizhangError as exc:
            problem = exc
        for seq, value in targets.items():
            try:
                row = services.reporting.set_achieved(self.ws, task_id, seq, value)
            except TaizhangError as exc:
                problem = exc
        if problem is not None:
            self.save_error.setText(self.tr("未能保存：{reason}").format(reason=message(problem)))
            self.save_error.show()
            self.error.emit(message(problem))
        else:
            self.save_error.hide()
        if row is None:
            return
        if self._row is not None and self._row["task_id"] == task_id:
            self._sync_choices(row)
            self._refresh(row)
        self.saved.emit(row)

    def _sync_choices(self, row: dict) -> None:
        """Follow changes the service made (已完成 moves progress to 100) without re-saving them."""
        self._loading = True
        try:
            entry = row["entry"]
            if self.progress_spin.value() != entry["progress"]:
                self.progress_spin.setValue(entry["progress"])
            if self.status_combo.currentData() != entry["status"]:
                self.status_combo.setCurrentIndex(STATUSES.index(entry["status"]))
        finally:
            self._loading = False

    # ------------------------------------------------------------------------- evidence
    def _choose_files(self, parent) -> list[str]:
        files, _ = QFileDialog.getOpenFileNames(parent, self.tr("选择佐证材料"), "",
                                                self.tr("所有文件 (*);;图片 (*.png *.jpg *.jpeg);;文档 (*.pdf *.docx *.xlsx)"))
        return files

    def _confirm_carried(self, task_id: str) -> None:
        """确认沿用 of this task, or (a heading's id) of every carried task in its section."""
        self.flush()
        try:
            done = services.reporting.confirm_carried(self.ws, task_id)
        except TaizhangError as exc:
            self.error.emit(message(exc))
            return
        for tid in done:
            row = services.reporting.task_state(self.ws, tid)
            if self._row is not None and self._row["task_id"] == tid:
                self._refresh(row)
            self.saved.emit(row)

    def ask_carry_again(self, task_id: str) -> None:
        """改回上期内容 asks first (this period's answer is replaced); 撤销确认 loses nothing and does not ask."""
        self.flush()
        row = services.reporting.task_state(self.ws, task_id)
        if row["entry"].get("carried_from"):
            self.carry_again(task_id)
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("改回上期内容"),
                          self.tr("用上期的填报替换本期对这项任务的填写？本期的状态、说明和完成值会改回上期的；"
                                  "本期新加的佐证材料会从本任务移除。"),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setObjectName("confirmCarryAgain")
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("改回上期内容"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("取消"))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.accepted.connect(lambda: self.carry_again(task_id))
        box.open()

    def carry_again(self, task_id: str) -> dict | None:
        """Last period's answer back for the task (services.reporting.carry_again); the task is shown afresh."""
        try:
            row = services.reporting.carry_again(self.ws, task_id)
        except TaizhangError as exc:
            self.error.emit(message(exc))
            return None
        if self._row is not None and self._row["task_id"] == task_id:
            self.show_task(row)
        self.saved.emit(row)
        return row

    def _change_seen(self, task_id: str) -> None:
        services.reporting.mark_change_seen(self.ws, task_id)
        row = services.reporting.task_state(self.ws, task_id)
        if self._row is not None and self._row["task_id"] == task_id:
            self._refresh(row)
        self.saved.emit(row)

    def _reuse_clicked(self) -> None:
        if self._row is None:
            return
        dialog = ReuseDialog(self.ws, self._row["task_id"], self)
        task_id = self._row["task_id"]
        dialog.accepted.connect(lambda: dialog.chosen and self.reuse_file(task_id, dialog.chosen))
        dialog.open()

    def reuse_file(self, task_id: str, sha256: str) -> None:
        """Link a stored file to the task (one small insert: no worker thread needed)."""
        try:
            row = services.reporting.reuse_evidence(self.ws, task_id, sha256)
        except TaizhangError as exc:
            self.error.emit(message(exc))
            return
        self._evidence_changed(row)

    def _add_clicked(self) -> None:
        files = self._file_chooser(self)
        if files:
            self.attach_files(files)

    @property
    def busy(self) -> bool:
        """Evidence is being added or removed (on a worker thread); the pane's edits wait for it."""
        return self.evidence_op is not None

    def _run_evidence_op(self, fn, text: str, on_success) -> bool:
        """Run ``fn(ws)`` on a worker thread over its own connection, with the pane busy meanwhile.

        Pending text is saved first, and the 完成情况 box is disabled while the op runs, so no autosave
        competes with the op for the database and no edit lands on the wrong task; the op's task row is
        refreshed (``saved``) when it completes, whichever task is shown by then."""
        if self.evidence_op is not None:
            self.error.emit(self.tr("正在处理佐证材料，请稍候"))
            return False
        self.flush()
        snapshot = services.workspaces.school_workspace_on(self.ws, None)  # the facts as they are now

        def work(job):
            return fn(services.workspaces.school_workspace_on(snapshot, job.db))

        self.evidence_busy_label.setText(text)
        self.evidence_busy.show()
        self.work_group.setEnabled(False)
        self.evidence_op = (BackgroundOp(self, work, db_path=self.ws.path, title=self.tr("佐证材料"))
                            .on_success(on_success)
                            .on_failure(lambda exc: self.error.emit(message(exc)))
                            .on_done(self._evidence_op_done))
        self._update_buttons()
        self.evidence_op.run()
        return True

    def _evidence_op_done(self) -> None:
        self.evidence_op = None
        self.evidence_busy.hide()
        self.work_group.setEnabled(True)
        self._update_buttons()

    def attach_files(self, files: list[str]) -> bool:
        """Copy ``files`` into the database on a worker thread (a 300 MB video must not freeze the window)."""
        if self._row is None:
            return False
        task_id = self._row["task_id"]

        def attach(ws):
            row, problems = None, []
            for f in files:
                try:
                    row = services.reporting.attach_evidence(ws, task_id, f)
                except TaizhangError as exc:
                    problems.append(f"{Path(f).name}：{message(exc)}")
            return row, problems

        def attached(result) -> None:
            row, problems = result
            if problems:
                self.save_error.setText(self.tr("有文件未能添加：") + "\n" + "\n".join(problems))
                self.save_error.show()
                self.error.emit("\n".join(problems))
            if row is not None:
                self._evidence_changed(row)

        names = "、".join(Path(f).name for f in files[:3]) + ("…" if len(files) > 3 else "")
        return self._run_evidence_op(attach, self.tr("正在添加佐证材料：{names}").format(names=names), attached)

    def _selected(self) -> dict | None:
        indexes = self.evidence_view.selectionModel().selectedIndexes()
        return self.evidence_model.item(indexes[0]) if indexes else None

    def open_selected(self) -> None:
        item = self._selected()
        if item is None:
            return
        try:
            path = services.reporting.evidence_copy(self.ws, item["sha256"], services.files.temp_folder())
        except (TaizhangError, OSError) as exc:
            self.error.emit(message(exc))
            return
        self._opener(path)

    def remove_selected(self) -> None:
        item = self._selected()
        if item is None or self._row is None:
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("移除佐证材料"),
                          self.tr("从本任务中移除“{name}”？").format(name=item["name"]),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setObjectName("confirmRemove")
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("移除"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("取消"))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        task_id = self._row["task_id"]
        box.accepted.connect(lambda: self._remove(task_id, item["sha256"]))
        box.open()

    def _remove(self, task_id: str, sha256: str) -> bool:
        return self._run_evidence_op(lambda ws: services.reporting.detach_evidence(ws, task_id, sha256),
                                     self.tr("正在移除佐证材料…"), self._evidence_changed)

    def _evidence_changed(self, row: dict) -> None:
        """An op changed the evidence of ``row``'s task: refresh it if shown, and tell the tree either way."""
        if self._row is not None and self._row["task_id"] == row["task_id"]:
            self.evidence_model.set_items(services.reporting.task_evidence(self.ws, row["task_id"]))
            self._refresh(row)
        self.saved.emit(row)

    # drops anywhere on the pane attach files too
    def dragEnterEvent(self, event):
        if event.mimeData().hasUrls() and self._row is not None and self.evidence_op is None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event):
        self.dragEnterEvent(event)

    def dropEvent(self, event):
        files = _dropped_files(event)
        if files and self._row is not None:
            event.acceptProposedAction()
            self.attach_files(files)
        else:
            event.ignore()

    def cleanup(self) -> None:
        if self.evidence_op is not None:  # closing: let the file in hand finish (one transaction), deliver nothing
            self.evidence_op.shutdown()
            self.evidence_op = None
        self.flush()
        services.files.remove_temp_folder()  # the copies opened in other programs go with the window


def _callout(name: str, text_name: str, icon_name: str, background: str, border: str,
             colour: str) -> tuple[QFrame, QLabel]:
    """A tinted box with an icon and a wrapping text (the bureau's comment, the task's warnings)."""
    box = QFrame()
    box.setObjectName(name)
    box.setStyleSheet(f"#{name} {{ background: {background}; border: 1px solid {border}; border-radius: 6px; }}")
    row = QHBoxLayout(box)
    row.setContentsMargins(10, 8, 10, 8)
    mark = QLabel()
    mark.setPixmap(icon(icon_name).pixmap(20, 20))
    row.addWidget(mark, 0, Qt.AlignmentFlag.AlignTop)
    label = QLabel()
    label.setObjectName(text_name)
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {colour};")
    row.addWidget(label, 1)
    return box, label
