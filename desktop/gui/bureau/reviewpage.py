"""Plan review: the document's text beside the parsed task tree, with what was read highlighted,
and an editor to fix each task (DESIGN §8, "side-by-side review")."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QAction, QColor, QKeySequence, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTextEdit,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop.core import services
from desktop.core.errors import TaizhangError
from desktop.gui.bureau.chooser import Chooser
from desktop.gui.bureau.messages import BLOCK_COLOR, KIND_COLORS, kind_name
from desktop.gui.bureau.plantree import COL_DEADLINE, COL_LABEL, COL_TARGETS, COL_TITLE, PlanTreeModel
from desktop.gui.bureau.taskeditor import TaskEditor
from desktop.gui.common.errors import message


def _utf16_offsets(text: str):
    """Python index → Qt (UTF-16) position; the identity for text without astral characters."""
    if all(ord(c) < 0x10000 for c in text):
        return lambda i: i
    prefix = [0]
    for ch in text:
        prefix.append(prefix[-1] + (2 if ord(ch) >= 0x10000 else 1))
    return lambda i: prefix[min(i, len(text))]


class ReviewPage(QWidget):
    plan_changed = Signal()

    def __init__(self, ws: services.workspaces.CountyWorkspace, chooser: Chooser, parent=None):
        super().__init__(parent)
        self.setObjectName("reviewPage")
        self.ws, self.db, self.chooser = ws, ws.db, chooser
        self.plan_id: str | None = None
        self.located: dict[str, object] = {}
        self._to_qt = lambda i: i
        self._source_text = ""
        self._syncing = False
        self._formats: dict[tuple[str, bool], QTextCharFormat] = {}
        self._build()

    # ------------------------------------------------------------------ building
    def _build(self) -> None:
        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 6, 8, 6)
        self.state_label = QLabel()
        self.state_label.setObjectName("planState")
        self.state_label.setWordWrap(True)
        lay.addWidget(self.state_label)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        lay.addWidget(self.splitter, 1)

        # the source text
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 4, 0)
        head = QHBoxLayout()
        self.source_title = QLabel(self.tr("原文"))
        self.source_title.setStyleSheet("font-weight: bold;")
        head.addWidget(self.source_title)
        head.addStretch(1)
        for kind in services.tasklist.source_kinds():
            chip = QLabel(kind_name(kind))
            chip.setStyleSheet(f"background: {KIND_COLORS[kind]}; border-radius: 3px; padding: 1px 4px;")
            head.addWidget(chip)
        ll.addLayout(head)
        self.source = QPlainTextEdit()
        self.source.setObjectName("sourceText")
        self.source.setReadOnly(True)
        self.source.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                            | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.source.cursorPositionChanged.connect(self._source_clicked)
        ll.addWidget(self.source, 1)
        self.attach_button = QPushButton(self.tr("载入原文…"))
        self.attach_button.setObjectName("attachSource")
        self.attach_button.setToolTip(self.tr("这个计划没有保存原文：选择原来的计划文件，以便对照核对"))
        self.attach_button.clicked.connect(self.attach_source)
        self.attach_button.hide()
        ll.addWidget(self.attach_button)
        self.splitter.addWidget(left)

        # the task tree and the structure actions
        middle = QWidget()
        ml = QVBoxLayout(middle)
        ml.setContentsMargins(4, 0, 4, 0)
        title = QLabel(self.tr("识别出的任务"))
        title.setStyleSheet("font-weight: bold;")
        ml.addWidget(title)
        self.model = PlanTreeModel(self)
        self.tree = QTreeView()
        self.tree.setObjectName("planTree")
        self.tree.setModel(self.model)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COL_LABEL, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_DEADLINE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_TARGETS, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.selectionModel().currentRowChanged.connect(self._current_changed)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        ml.addWidget(self.tree, 1)
        grid = QGridLayout()
        grid.setSpacing(4)
        self.actions: dict[str, QAction] = {}
        specs = [
            ("outdent", self.tr("← 升一级"), QKeySequence(Qt.Modifier.ALT | Qt.Key.Key_Left), self.outdent,
             self.tr("移到上一级：排在原上级之后")),
            ("indent", self.tr("降一级 →"), QKeySequence(Qt.Modifier.ALT | Qt.Key.Key_Right), self.indent,
             self.tr("移到下一级：成为前一项的下级")),
            ("split", self.tr("在光标处拆分"), QKeySequence(), self.split,
             self.tr("在右侧“具体内容”中把光标放在要拆开的位置，再点这里")),
            ("merge", self.tr("与下一项合并"), QKeySequence(), self.merge_next, self.tr("把紧跟着的同级任务并入这一项")),
            ("kind", self.tr("设为标题"), QKeySequence(), self.toggle_heading, self.tr("在标题和具体任务之间切换")),
            ("add", self.tr("新增任务"), QKeySequence(), self.add_task, self.tr("在这一项之后新增一项同级任务")),
            ("delete", self.tr("删除"), QKeySequence(), self.delete, self.tr("删除误识别的任务（已有学校报送的不能删除）")),
        ]
        for i, (name, text, keys, slot, tip) in enumerate(specs):
            action = QAction(text, self)
            action.setObjectName(f"{name}Action")
            action.setToolTip(tip)
            action.setStatusTip(tip)
            if not keys.isEmpty():
                action.setShortcut(keys)
                action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(lambda _checked=False, slot=slot: slot())
            self.actions[name] = action
            self.tree.addAction(action)
            button = QToolButton()
            button.setDefaultAction(action)
            button.setObjectName(f"{name}Button")
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            grid.addWidget(button, i // 4, i % 4)
        ml.addLayout(grid)
        self.struct_error = QLabel()
        self.struct_error.setObjectName("structError")
        self.struct_error.setWordWrap(True)
        self.struct_error.setStyleSheet("color: #c5221f;")
        ml.addWidget(self.struct_error)
        self.splitter.addWidget(middle)

        # the editor
        self.editor = TaskEditor(self.ws, self)
        self.editor.changed.connect(self._node_edited)
        self.splitter.addWidget(self.editor)
        self.splitter.setStretchFactor(0, 34)
        self.splitter.setStretchFactor(1, 28)
        self.splitter.setStretchFactor(2, 38)
        self.splitter.setSizes([440, 370, 520])

    # ------------------------------------------------------------------ loading
    def reload(self, select: str | None = None) -> None:
        state = services.tasklist.plan_state(self.db)
        current = select or self.current_id()
        if state is None:
            self.plan_id = None
            self.model.load([])
            self.state_label.setText(self.tr("还没有导入工作计划。点击上方“导入计划”，或把计划文件（.docx、.txt、.xlsx）拖到窗口里。"))
            self._set_source("", "")
            self.editor.show_node(None, None)
            return
        self.plan_id = state["id"]
        nodes = services.tasklist.plan_tasks(self.db, self.plan_id)
        self.model.load(nodes)
        self.tree.expandAll()
        self._show_state(state)
        source = services.tasklist.plan_source(self.db, self.plan_id)
        if source["text"] != self._source_text:
            self._set_source(source["text"], source["name"])
        self.located = services.tasklist.locate_in_source(self._source_text, nodes) if self._source_text else {}
        index = self.model.index_of(current) if current in self.model.task_ids() else self.model.index_of(
            next((n["task_id"] for n in nodes if not n["is_heading"]), None))
        if index.isValid():
            self.tree.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
            self.tree.scrollTo(index)
        else:
            self.editor.show_node(self.plan_id, None)
        self._highlight()
        self._update_actions()

    def _show_state(self, state: dict) -> None:
        if not state["version"]:
            status = self.tr("草稿，尚未发布")
        elif state["changed"]:
            status = self.tr("已发布第 {v} 版；之后有修改，重新发布后成为第 {n} 版").format(v=state["version"], n=state["version"] + 1)
        else:
            status = self.tr("已发布第 {v} 版").format(v=state["version"])
        text = self.tr("《{title}》 · {n} 项任务 · {status}").format(title=state["title"], n=state["tasks"], status=status)
        if state["placeholders"]:
            text += self.tr(" · <span style='color:#b06000'>{n} 个指标待填写目标值</span>").format(n=state["placeholders"])
        self.state_label.setText(text)

    def _set_source(self, text: str, name: str) -> None:
        self._source_text = text
        self._to_qt = _utf16_offsets(text)
        self._syncing = True
        try:
            self.source.setPlainText(text)
        finally:
            self._syncing = False
        self.source_title.setText(self.tr("原文：{name}").format(name=name) if name else self.tr("原文"))
        if not text:
            self.source.setPlaceholderText(self.tr("没有保存这个计划的原文。点击下方“载入原文…”选择原计划文件。")
                                           if self.plan_id else "")
        self.attach_button.setVisible(bool(self.plan_id) and not text)

    def current_id(self) -> str | None:
        node = self.model.node(self.tree.selectionModel().currentIndex())
        return node["task_id"] if node else None

    def select(self, task_id: str) -> None:
        index = self.model.index_of(task_id)
        if index.isValid():
            self.tree.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)

    # ------------------------------------------------------------------ selection, highlights
    def _current_changed(self, current, _previous) -> None:
        node = self.model.node(current)
        self.editor.show_node(self.plan_id, node)
        self.struct_error.clear()
        self._highlight()
        self._update_actions()
        if node and node["task_id"] in self.located and not self._syncing:
            self._scroll_source_to(self.located[node["task_id"]].block[0])

    def _update_actions(self) -> None:
        node = self.model.node(self.tree.selectionModel().currentIndex())
        for a in self.actions.values():
            a.setEnabled(node is not None)
        if node is not None:
            self.actions["kind"].setText(self.tr("设为任务") if node["is_heading"] else self.tr("设为标题"))
            self.actions["split"].setEnabled(not node["is_heading"])
            self.actions["merge"].setEnabled(not node["is_heading"])

    def _format(self, color: str, full_width: bool = False) -> QTextCharFormat:
        key = (color, full_width)
        if key not in self._formats:
            fmt = QTextCharFormat()
            fmt.setBackground(QColor(color))
            if full_width:
                fmt.setProperty(QTextFormat.Property.FullWidthSelection, True)
            self._formats[key] = fmt
        return self._formats[key]

    def _selection(self, start: int, end: int, fmt: QTextCharFormat) -> QTextEdit.ExtraSelection:
        # movePosition (it returns a bool) rather than setPosition: see _highlight
        sel = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.source.document())
        a = self._to_qt(start)
        cursor.movePosition(QTextCursor.MoveOperation.NextCharacter, QTextCursor.MoveMode.MoveAnchor, a)
        cursor.movePosition(QTextCursor.MoveOperation.NextCharacter, QTextCursor.MoveMode.KeepAnchor, self._to_qt(end) - a)
        sel.cursor, sel.format = cursor, fmt
        return sel

    def _highlight(self) -> None:
        """Colour every span the parser read, and the block of the selected node.

        Hundreds of spans: the per-span work avoids PySide calls that return None (under PySide6
        6.12 on Python 3.11 each such call takes a reference from None; formats are made once).
        """
        selections = []
        current = self.current_id()
        if current in self.located:
            a, b = self.located[current].block
            doc = self.source.document()
            first = doc.findBlock(self._to_qt(a))
            last = doc.findBlock(self._to_qt(max(a, b - 1)))
            block, fmt = first, self._format(BLOCK_COLOR, full_width=True)
            while block.isValid():
                sel = QTextEdit.ExtraSelection()
                sel.cursor, sel.format = QTextCursor(block), fmt
                selections.append(sel)
                if block == last:
                    break
                block = block.next()
        for loc in self.located.values():
            for start, end, kind in loc.spans:
                selections.append(self._selection(start, end, self._format(KIND_COLORS[kind])))
        self.source.setExtraSelections(selections)

    def _scroll_source_to(self, pos: int) -> None:
        self._syncing = True
        try:
            cursor = self.source.textCursor()
            cursor.setPosition(self._to_qt(pos))
            self.source.setTextCursor(cursor)
            self.source.centerCursor()
        finally:
            self._syncing = False

    def _source_clicked(self) -> None:
        if self._syncing or not self.located:
            return
        cursor = self.source.textCursor()
        if cursor.hasSelection():
            return
        text = self._source_text
        qt_pos = cursor.position()
        py_pos = qt_pos if self._to_qt(len(text)) == len(text) else next(
            (i for i in range(len(text) + 1) if self._to_qt(i) >= qt_pos), len(text))
        task_id = services.tasklist.node_at(self.located, py_pos)
        if task_id and task_id != self.current_id():
            self._syncing = True
            try:
                self.select(task_id)
            finally:
                self._syncing = False

    # ------------------------------------------------------------------ edits
    def _node_edited(self, node: dict) -> None:
        self.model.update_node(node)
        nodes = services.tasklist.plan_tasks(self.db, self.plan_id)
        self.located = services.tasklist.locate_in_source(self._source_text, nodes) if self._source_text else {}
        self._highlight()
        self._show_state(services.tasklist.plan_state(self.db))
        self.plan_changed.emit()

    def _structural(self, fn, *args, select: str | None = None) -> object:
        task_id = self.current_id()
        if task_id is None or self.plan_id is None:
            return None
        self.editor.commit_all()
        try:
            result = fn(self.db, self.plan_id, task_id, *args)
        except TaizhangError as exc:
            self.struct_error.setText(message(exc))
            return None
        self.struct_error.clear()
        target = select or (result if isinstance(result, str) and fn in (services.tasklist.split_task, services.tasklist.add_task_after)
                            else task_id)
        self.reload(select=target)
        self.plan_changed.emit()
        return result if result is not None else True

    def indent(self):
        return self._structural(services.tasklist.indent)

    def outdent(self):
        return self._structural(services.tasklist.outdent)

    def split(self, at: int | None = None):
        return self._structural(services.tasklist.split_task, self.editor.text_cursor() if at is None else at)

    def merge_next(self):
        return self._structural(services.tasklist.merge_with_next)

    def toggle_heading(self):
        node = self.model.node(self.tree.selectionModel().currentIndex())
        if node is None:
            return None
        return self._structural(services.tasklist.set_heading, not node["is_heading"])

    def add_task(self):
        return self._structural(services.tasklist.add_task_after)

    def delete(self):
        node = self.model.node(self.tree.selectionModel().currentIndex())
        if node is None:
            return None
        if not self.chooser.confirm(self.tr("删除任务"), self.tr("删除“{title}”？").format(title=node["title"])):
            return None
        index = self.tree.selectionModel().currentIndex()
        neighbour = self.model.node(self.tree.indexBelow(index)) or self.model.node(self.tree.indexAbove(index))
        return self._structural(services.tasklist.delete_node, select=neighbour["task_id"] if neighbour else None)

    def attach_source(self) -> None:
        if self.plan_id is None:
            return
        path = self.chooser.open_file(self.tr("选择原计划文件"), "", self.tr("计划文件 (*.docx *.txt *.xlsx *.doc *.wps *.pdf)"))
        if not path:
            return
        try:
            services.tasklist.attach_plan_source(self.db, self.plan_id, path)
        except TaizhangError as exc:
            self.struct_error.setText(message(exc))
            return
        self.reload()
