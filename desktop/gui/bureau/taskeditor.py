"""The review editor for one node of the plan: number, title, text, units, deadline, 适用学校, targets.

Every change is stored as it is made (``desktop.core.tasklist.editing``); a bad value is refused with a
message under the form and the field shows the stored value again.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core import services
from desktop.core.errors import TaizhangError
from desktop.core.words import EvidenceRule
from desktop.gui.bureau.messages import KIND_COLORS, field_label, kind_name
from desktop.gui.bureau.targetsmodel import COL_DEFINITION, COL_TEXT, COL_UNIT, COL_VALUE, TargetsModel
from desktop.gui.common.errors import message

TEXT_SAVE_DELAY_MS = 700


def qt_to_py(text: str, pos: int) -> int:
    """A QTextCursor position (UTF-16 code units) as an index into the Python string."""
    if text.isascii() or all(ord(c) < 0x10000 for c in text):
        return pos
    units = 0
    for i, ch in enumerate(text):
        if units >= pos:
            return i
        units += 2 if ord(ch) >= 0x10000 else 1
    return len(text)


def evidence_rule_combo(parent) -> QComboBox:
    """必需 / 可选 / 不需 for one task; what each asks of the school is in the item's tooltip (DESIGN §13)."""
    combo = QComboBox(parent)
    combo.setObjectName("evidenceRule")
    for rule, text, tip in (
            (EvidenceRule.REQUIRED, QCoreApplication.translate("TaskEditor", "必需"),
             QCoreApplication.translate("TaskEditor", "必需：学校必须上传佐证材料")),
            (EvidenceRule.OPTIONAL, QCoreApplication.translate("TaskEditor", "可选（默认）"),
             QCoreApplication.translate("TaskEditor", "可选：学校可以上传（默认）")),
            (EvidenceRule.NOT_NEEDED, QCoreApplication.translate("TaskEditor", "不需"),
             QCoreApplication.translate("TaskEditor", "不需：不要求上传，学校端不显示佐证材料框"))):
        combo.addItem(text, str(rule))
        combo.setItemData(combo.count() - 1, tip, Qt.ItemDataRole.ToolTipRole)
    combo.setCurrentIndex(1)
    combo.setToolTip(QCoreApplication.translate("TaskEditor", "学校是否要为本任务上传佐证材料；“不需”时学校端不显示佐证材料框"))
    return combo


def chip(kind: str) -> QLabel:
    """A field label coloured like its highlight in the source text."""
    label = QLabel(field_label(kind_name(kind)))
    label.setStyleSheet(f"background: {KIND_COLORS[kind]}; border-radius: 3px; padding: 1px 4px;")
    return label


class _FocusOut(QObject):
    def __init__(self, callback, parent):
        super().__init__(parent)
        self._callback = callback

    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.FocusOut:
            self._callback()
        return False


class TaskEditor(QWidget):
    changed = Signal(dict)  # the stored node after an edit

    def __init__(self, ws: services.workspaces.CountyWorkspace, parent=None):
        super().__init__(parent)
        self.setObjectName("taskEditor")
        self.ws, self.db = ws, ws.db
        self.plan_id: str | None = None
        self.node: dict | None = None
        self._loading = False
        self._text_timer = QTimer(self)
        self._text_timer.setSingleShot(True)
        self._text_timer.setInterval(TEXT_SAVE_DELAY_MS)
        self._text_timer.timeout.connect(self.flush)
        self._build()
        self.show_node(None, None)

    # ------------------------------------------------------------------ building
    def _build(self) -> None:
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 0, 0, 0)
        self.heading_label = QLabel()
        self.heading_label.setObjectName("editorHeading")
        self.heading_label.setWordWrap(True)
        self.heading_label.setStyleSheet("font-weight: bold; color: #3c4043;")
        lay.addWidget(self.heading_label)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.label_edit = QLineEdit()
        self.label_edit.setObjectName("labelEdit")
        self.label_edit.setMaximumWidth(120)
        self.label_edit.editingFinished.connect(lambda: self._save_line("label", self.label_edit))
        form.addRow(self.tr("编号："), self.label_edit)
        self.title_edit = QLineEdit()
        self.title_edit.setObjectName("titleEdit")
        self.title_edit.editingFinished.connect(lambda: self._save_line("title", self.title_edit))
        form.addRow(chip("title"), self.title_edit)
        self.text_edit = QPlainTextEdit()
        self.text_edit.setObjectName("textEdit")
        self.text_edit.setMinimumHeight(64)
        self.text_edit.setMaximumHeight(150)
        self.text_edit.textChanged.connect(self._text_changed)
        self.text_edit.installEventFilter(_FocusOut(self.flush, self))
        form.addRow(self.tr("具体内容："), self.text_edit)
        self.units_edit = QLineEdit()
        self.units_edit.setObjectName("unitsEdit")
        self.units_edit.setPlaceholderText(self.tr("用顿号分隔，例如：基础教育股、各中小学"))
        self.units_edit.editingFinished.connect(lambda: self._save_line("units", self.units_edit))
        form.addRow(chip("units"), self.units_edit)
        self.deadline_edit = QLineEdit()
        self.deadline_edit.setObjectName("deadlineEdit")
        self.deadline_edit.setPlaceholderText(self.tr("年-月，例如 2026-06；不限时留空"))
        self.deadline_edit.setMaximumWidth(220)
        self.deadline_edit.editingFinished.connect(lambda: self._save_line("deadline", self.deadline_edit))
        # the evidence rule shares the deadline's row: the window must keep its height on a 1280×720 screen
        self.evidence_combo = evidence_rule_combo(self)
        self.evidence_combo.currentIndexChanged.connect(self._save_evidence_rule)
        deadline_row = QHBoxLayout()
        deadline_row.addWidget(self.deadline_edit)
        deadline_row.addSpacing(16)
        evidence_caption = QLabel(self.tr("佐证材料："))
        evidence_caption.setBuddy(self.evidence_combo)
        deadline_row.addWidget(evidence_caption)
        deadline_row.addWidget(self.evidence_combo)
        deadline_row.addStretch(1)
        form.addRow(chip("deadline"), deadline_row)
        lay.addLayout(form)

        lay.addWidget(QLabel(self.tr("适用学校（学校只看到适用于本校类型的任务；都不勾选 = 所有学校）：")))
        grid = QGridLayout()
        self.type_boxes: dict[str, QCheckBox] = {}
        for i, t in enumerate(services.tasklist.review_school_types()):
            box = QCheckBox(t)
            box.setObjectName(f"applies_{t}")
            box.toggled.connect(lambda _c: self._save_applies())
            self.type_boxes[t] = box
            grid.addWidget(box, i // 4, i % 4)
        lay.addLayout(grid)
        named = QHBoxLayout()
        named.addWidget(QLabel(self.tr("指定学校：")))
        self.named_edit = QLineEdit()
        self.named_edit.setObjectName("namedSchools")
        self.named_edit.setPlaceholderText(self.tr("学校名称，用顿号分隔"))
        self.named_edit.editingFinished.connect(self._save_applies)
        named.addWidget(self.named_edit, 1)
        self.infer_button = QPushButton(self.tr("按责任单位推断"))
        self.infer_button.setObjectName("inferApplies")
        self.infer_button.setToolTip(self.tr("根据“责任单位”中的各中小学、各幼儿园等重新推断适用学校"))
        self.infer_button.clicked.connect(self._infer_applies)
        named.addWidget(self.infer_button)
        lay.addLayout(named)

        targets_head = QHBoxLayout()
        targets_head.addWidget(chip("target"))
        targets_head.addStretch(1)
        self.add_target_button = QPushButton(self.tr("添加指标"))
        self.add_target_button.setObjectName("addTarget")
        self.add_target_button.clicked.connect(self._add_target)
        self.remove_target_button = QPushButton(self.tr("删除指标"))
        self.remove_target_button.setObjectName("removeTarget")
        self.remove_target_button.clicked.connect(self._remove_target)
        targets_head.addWidget(self.add_target_button)
        targets_head.addWidget(self.remove_target_button)
        lay.addLayout(targets_head)
        self.targets = TargetsModel(parent=self)
        self.targets.failed.connect(self._show_error)
        self.targets.edited.connect(self._targets_edited)
        self.targets_view = QTableView()
        self.targets_view.setObjectName("targetsView")
        self.targets_view.setModel(self.targets)
        self.targets_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.targets_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.targets_view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                          | QAbstractItemView.EditTrigger.EditKeyPressed
                                          | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.targets_view.verticalHeader().setVisible(False)
        header = self.targets_view.horizontalHeader()
        header.setSectionResizeMode(COL_TEXT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_VALUE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_UNIT, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_DEFINITION, QHeaderView.ResizeMode.Stretch)
        self.targets_view.setMinimumHeight(84)
        lay.addWidget(self.targets_view, 1)
        self.error = QLabel()
        self.error.setObjectName("editorError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c5221f;")
        lay.addWidget(self.error)
        self._task_widgets = [self.units_edit, self.deadline_edit, self.evidence_combo, self.named_edit, self.infer_button,
                              self.add_target_button, self.remove_target_button, self.targets_view,
                              *self.type_boxes.values()]

    # ------------------------------------------------------------------ showing
    def show_node(self, plan_id: str | None, node: dict | None) -> None:
        self.flush()
        self.plan_id, self.node = plan_id, node
        self._loading = True
        try:
            self.error.clear()
            self.setEnabled(node is not None)
            n = node or {"path": [], "title": "", "text": "", "units": [], "deadline": None, "applies_to": [],
                         "targets": [], "is_heading": True, "task_id": ""}
            if node is None:
                self.heading_label.setText(self.tr("在左侧选择一项任务进行核对和修改"))
            else:
                kind = self.tr("标题") if n["is_heading"] else self.tr("任务")
                self.heading_label.setText(self.tr("{kind} · 编号 {id}").format(kind=kind, id=n["task_id"]))
            self.label_edit.setText(n["path"][-1] if n["path"] else "")
            self.title_edit.setText(n["title"])
            self.text_edit.setPlainText(n["text"])
            self.units_edit.setText("、".join(n["units"]))
            self.deadline_edit.setText(n["deadline"] or "")
            self.evidence_combo.setCurrentIndex(max(0, self.evidence_combo.findData(n.get("evidence") or str(EvidenceRule.OPTIONAL))))
            types = set(services.tasklist.review_school_types())
            for t, box in self.type_boxes.items():
                box.setChecked(t in n["applies_to"])
            self.named_edit.setText("、".join(x for x in n["applies_to"] if x not in types))
            self.targets.load(n["targets"], self._save_target)
            for edit in (self.label_edit, self.title_edit, self.units_edit, self.deadline_edit, self.named_edit):
                edit.setCursorPosition(0)  # a long value shows its start (the lead unit), not its end
            for w in self._task_widgets:
                w.setEnabled(node is not None and not n["is_heading"])
        finally:
            self._loading = False

    def text_cursor(self) -> int:
        """Where the cursor is in the task text (a Python index), for splitting."""
        return qt_to_py(self.text_edit.toPlainText(), self.text_edit.textCursor().position())

    # ------------------------------------------------------------------ saving
    def _save(self, **fields) -> bool:
        if self.node is None or self._loading:
            return False
        try:
            node = services.tasklist.update_task(self.db, self.plan_id, self.node["task_id"], **fields)
        except TaizhangError as exc:
            self._show_error(exc)
            return False
        self.node = node
        self.error.clear()
        self.changed.emit(node)
        return True

    def _save_evidence_rule(self, _index: int) -> None:
        rule = self.evidence_combo.currentData()
        if self.node is not None and not self._loading and rule != (self.node.get("evidence") or EvidenceRule.OPTIONAL):
            self._save(evidence=rule)

    def _save_line(self, field: str, edit: QLineEdit) -> None:
        if self.node is None or self._loading:
            return
        value = edit.text().strip()
        current = {"label": self.node["path"][-1] if self.node["path"] else "", "title": self.node["title"],
                   "units": "、".join(self.node["units"]), "deadline": self.node["deadline"] or ""}[field]
        if value == current:
            return
        ok = self._save(**{field: value})
        self._loading = True
        try:  # show the stored (normalised) value, or the old one after a refusal
            stored = {"label": self.node["path"][-1] if self.node["path"] else "", "title": self.node["title"],
                      "units": "、".join(self.node["units"]), "deadline": self.node["deadline"] or ""}[field]
            if ok or field != "deadline":
                edit.setText(stored)
        finally:
            self._loading = False

    def _text_changed(self) -> None:
        if not self._loading and self.node is not None:
            self._text_timer.start()

    def flush(self) -> None:
        """Store the text being typed now (before a structural edit or another node is shown)."""
        self._text_timer.stop()
        if self.node is None or self._loading:
            return
        text = self.text_edit.toPlainText().strip()
        if text != self.node["text"]:
            self._save(text=text)

    def commit_all(self) -> None:
        """Store every field still being edited: the line typed into but not left yet, an open cell of the
        targets table, and the task text (the window closes, or a publish or structural edit starts, without
        the field losing focus first — editingFinished never comes then)."""
        if self.node is None or self._loading:
            self._text_timer.stop()
            return
        if self.targets_view.state() == QAbstractItemView.State.EditingState:
            editor = QApplication.focusWidget()
            if editor is not None and self.targets_view.isAncestorOf(editor):
                self.targets_view.itemDelegate().commitData.emit(editor)
        for field, edit in (("label", self.label_edit), ("title", self.title_edit), ("units", self.units_edit),
                            ("deadline", self.deadline_edit)):
            if self.node is not None:
                self._save_line(field, edit)
        if self.node is not None:
            self._save_applies()
        self.flush()

    def _applies_value(self) -> list[str]:
        types = [t for t, box in self.type_boxes.items() if box.isChecked()]
        return types + services.tasklist.split_units(self.named_edit.text())

    def _save_applies(self) -> None:
        if self.node is None or self._loading:
            return
        value = self._applies_value()
        if value != self.node["applies_to"]:
            self._save(applies_to=value)

    def _infer_applies(self) -> None:
        if self.node is None:
            return
        value = services.tasklist.applies_from_units(self.node["units"])
        if self._save(applies_to=value):
            self.show_node(self.plan_id, self.node)

    def _save_target(self, seq: int, **fields) -> None:
        services.tasklist.update_target(self.db, self.plan_id, self.node["task_id"], seq, **fields)

    def _reload_node(self) -> None:
        node = services.tasklist.plan_task(self.db, self.plan_id, self.node["task_id"])
        if node is not None:
            self.node = node
            self.changed.emit(node)

    def _targets_edited(self) -> None:
        self._reload_node()
        self.targets.replace(self.node["targets"])
        self.error.clear()

    def _add_target(self) -> None:
        if self.node is None:
            return
        try:
            services.tasklist.add_target(self.db, self.plan_id, self.node["task_id"], self.tr("新指标"))
        except TaizhangError as exc:
            self._show_error(exc)
            return
        self._reload_node()
        self.targets.load(self.node["targets"])
        index = self.targets.index(self.targets.rowCount() - 1, COL_TEXT)
        self.targets_view.setCurrentIndex(index)
        self.targets_view.edit(index)

    def _remove_target(self) -> None:
        if self.node is None:
            return
        seq = self.targets.seq(self.targets_view.currentIndex().row())
        if seq is None:
            self.error.setText(self.tr("请先在表格中选择要删除的指标"))
            return
        try:
            services.tasklist.remove_target(self.db, self.plan_id, self.node["task_id"], seq)
        except TaizhangError as exc:
            self._show_error(exc)
            return
        self._reload_node()
        self.targets.load(self.node["targets"])

    def _show_error(self, exc: BaseException) -> None:
        self.error.setText(message(exc))
