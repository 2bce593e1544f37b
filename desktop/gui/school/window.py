"""The school's main window: task tree with search and filters, the task detail, the dashboard, export."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTime, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLayout,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTabWidget,
    QToolBar,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop.core import services
from desktop.core.errors import TaizhangError
from desktop.core.words import Status
from desktop.gui.common import i18n, locations
from desktop.gui.common.errors import message, show_error
from desktop.gui.common.icons import icon, status_icon
from desktop.gui.school.dashboard import Dashboard
from desktop.gui.school.detail import TaskDetail
from desktop.gui.school.export import ExportDialog
from desktop.gui.school.exportlog import ExportLogDialog
from desktop.gui.school.messages import status_name
from desktop.gui.school.planchanges import PlanChangesDialog
from desktop.gui.school.taskmodel import (
    COL_DEADLINE,
    COL_EVIDENCE,
    COL_STATUS,
    COL_TITLE,
    TaskFilterProxy,
    TaskIdRole,
    TaskTreeModel,
)

_NO_PARENT = QModelIndex()  # the default 'parent' of the model methods

TAB_DETAIL, TAB_DASHBOARD = range(2)


class SchoolWindow(QMainWindow):
    """Opens the school database at ``db_path``; every edit is saved as it is made."""

    closed = Signal()

    def __init__(self, db_path: str, parent=None, *, opener: Callable | None = None,
                 file_chooser: Callable | None = None, save_chooser: Callable | None = None,
                 plan_chooser: Callable | None = None, feedback_chooser: Callable | None = None,
                 cover_chooser: Callable | None = None, cover_opener: Callable | None = None):
        super().__init__(parent)
        self.ws = services.reporting.open_workspace(db_path)
        self._save_chooser = save_chooser
        self._cover_chooser = cover_chooser  # None: the save dialog; tests pass a path
        self._cover_opener = cover_opener  # None: open the PDF with the system viewer
        self._plan_chooser = plan_chooser or self._choose_plan
        self._feedback_chooser = feedback_chooser or self._choose_feedback
        self.export_dialog: ExportDialog | None = None
        self.setObjectName("schoolWindow")
        self.setWindowIcon(icon("app"))
        self.setWindowTitle(self.tr("台账 · {school} · {plan}").format(school=self.ws.school_name,
                                                                       plan=self.ws.plan["title"]))
        self.model = TaskTreeModel(self)
        self.proxy = TaskFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self._build_actions()
        self._build_toolbar()
        self._build_central(opener, file_chooser)
        self._saved_label = QLabel()
        self._saved_label.setObjectName("savedLabel")
        self.statusBar().addPermanentWidget(self._saved_label)
        self.statusBar().showMessage(self.tr("{school}（{code}）· 所有修改都会自动保存").format(
            school=self.ws.school_name, code=self.ws.school_code))
        # A fixed minimum instead of one that follows the contents: a status text or a long task title
        # must not change the window's minimum size while the user works.
        self.layout().setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self.setMinimumSize(960, 640)
        locations.place_window(self, "school", 1280, 800)
        self.reload()
        self.restore_selection()

    # ------------------------------------------------------------------------- building
    def _build_actions(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("文件(&F)"))
        self.export_action = QAction(icon("export"), self.tr("导出报送文件(&E)…"), self)
        self.export_action.setObjectName("exportAction")
        self.export_action.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_E))
        self.export_action.triggered.connect(self.open_export)
        file_menu.addAction(self.export_action)
        self.history_action = QAction(self.tr("导出记录（再打印备案表）(&H)…"), self)
        self.history_action.setObjectName("exportHistoryAction")
        self.history_action.setIconText(self.tr("导出记录"))
        self.history_action.setToolTip(self.tr("导出过的报送文件：再打印备案表，或另存签名原件"))
        self.history_action.triggered.connect(lambda: self.open_export_history())
        file_menu.addAction(self.history_action)
        update = QAction(icon("open"), self.tr("载入新版任务清单(&U)…"), self)
        update.triggered.connect(self.load_plan_update)
        file_menu.addAction(update)
        self.changes_action = QAction(self.tr("任务清单变化(&C)…"), self)
        self.changes_action.setObjectName("planChangesAction")
        self.changes_action.triggered.connect(self.show_plan_changes)
        file_menu.addAction(self.changes_action)
        self.feedback_action = QAction(icon("open"), self.tr("载入审核意见(&R)…"), self)
        self.feedback_action.setObjectName("loadFeedbackAction")
        self.feedback_action.setToolTip(self.tr("载入教育局发回的审核意见文件，退回修改的任务会在列表中标出"))
        self.feedback_action.triggered.connect(lambda: self.load_feedback())
        file_menu.addAction(self.feedback_action)
        backup = QAction(self.tr("备份数据文件(&B)…"), self)
        backup.triggered.connect(self.backup)
        file_menu.addAction(backup)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("退出(&X)"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        edit_menu = bar.addMenu(self.tr("编辑(&E)"))
        undo = QAction(self.tr("撤销(&U)"), self)
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        undo.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)  # the text boxes handle Ctrl+Z themselves
        undo.triggered.connect(lambda: self._focused_call("undo"))
        redo = QAction(self.tr("重做(&R)"), self)
        redo.setShortcut(QKeySequence.StandardKey.Redo)
        redo.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        redo.triggered.connect(lambda: self._focused_call("redo"))
        find = QAction(self.tr("查找任务(&F)"), self)
        find.setShortcut(QKeySequence.StandardKey.Find)
        find.triggered.connect(self._focus_search)
        for a in (undo, redo, find):
            edit_menu.addAction(a)

        view_menu = bar.addMenu(self.tr("查看(&V)"))
        detail = QAction(self.tr("任务详情"), self)
        detail.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_1))
        detail.triggered.connect(lambda: self.tabs.setCurrentIndex(TAB_DETAIL))
        dash = QAction(icon("dashboard"), self.tr("总体情况"), self)
        dash.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_2))
        dash.triggered.connect(lambda: self.tabs.setCurrentIndex(TAB_DASHBOARD))
        tree = QAction(self.tr("任务列表"), self)
        tree.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_L))
        tree.triggered.connect(lambda: self.tree.setFocus())
        for a in (detail, dash, tree):
            view_menu.addAction(a)

        lang_menu = bar.addMenu(self.tr("语言(&L)"))
        i18n.fill_language_menu(lang_menu, self)

    def _build_toolbar(self) -> None:
        tb = QToolBar(self.tr("工具栏"))
        tb.setObjectName("mainToolbar")
        tb.setMovable(False)
        tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.addToolBar(tb)
        caption = QLabel(self.tr("填报周期："))
        self.period_combo = QComboBox()
        self.period_combo.setObjectName("period")
        self.period_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        caption.setBuddy(self.period_combo)
        for p in services.reporting.workspace_periods(self.ws):
            text = p["name"] + (self.tr("（{due} 截止）").format(due=p["due_date"]) if p["due_date"] else "")
            self.period_combo.addItem(text, p["name"])
        self.period_combo.setCurrentIndex(max(0, self.period_combo.findData(self.ws.period)))
        self.period_combo.currentIndexChanged.connect(self._period_changed)
        box = QWidget()
        bl = QHBoxLayout(box)
        bl.setContentsMargins(8, 0, 8, 0)
        bl.addWidget(caption)
        bl.addWidget(self.period_combo)
        tb.addWidget(box)
        tb.addSeparator()
        tb.addAction(self.export_action)
        tb.addAction(self.history_action)

    def _build_central(self, opener, file_chooser) -> None:
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(8, 8, 4, 8)
        ll.setSpacing(6)
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText(self.tr("搜索任务（名称、内容、责任单位）"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda t: self._apply_filters())
        self.search.returnPressed.connect(lambda: self.tree.setFocus())
        ll.addWidget(self.search)
        row1 = QHBoxLayout()
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("statusFilter")
        self.status_filter.addItem(self.tr("全部状态"), None)
        for s in (Status.NOT_STARTED, Status.IN_PROGRESS, Status.DONE, Status.NOT_APPLICABLE):
            self.status_filter.addItem(status_icon(s), status_name(s), s)
        self.status_filter.addItem(self.tr("未完成（未开始+进行中）"), "open")
        self.status_filter.currentIndexChanged.connect(lambda _i: self._apply_filters())
        self.mine_only = QCheckBox(self.tr("只看本校任务"))
        self.mine_only.setObjectName("mineOnly")
        self.mine_only.setChecked(True)
        self.mine_only.setToolTip(self.tr("只列出适用于本校类型（{type}）的任务").format(type=self.ws.school_type or "—"))
        self.mine_only.toggled.connect(lambda _c: self._apply_filters())
        row1.addWidget(self.status_filter, 1)
        row1.addWidget(self.mine_only)
        ll.addLayout(row1)
        row2 = QHBoxLayout()
        self.overdue_only = QCheckBox(self.tr("已超期"))
        self.overdue_only.setObjectName("overdueOnly")
        self.missing_only = QCheckBox(self.tr("缺佐证"))
        self.missing_only.setObjectName("missingOnly")
        self.missing_only.setToolTip(self.tr("已完成但没有佐证材料的任务"))
        self.warnings_only = QCheckBox(self.tr("有提醒"))
        self.warnings_only.setObjectName("warningsOnly")
        self.returned_only = QCheckBox(self.tr("退回修改"))
        self.returned_only.setObjectName("returnedOnly")
        self.returned_only.setToolTip(self.tr("教育局审核后退回修改的任务"))
        for cb in (self.overdue_only, self.missing_only, self.warnings_only, self.returned_only):
            cb.toggled.connect(lambda _c: self._apply_filters())
            row2.addWidget(cb)
        row2.addStretch(1)
        self.clear_filters = QPushButton(self.tr("清除筛选"))
        self.clear_filters.setObjectName("clearFilters")
        self.clear_filters.clicked.connect(self.reset_filters)
        row2.addWidget(self.clear_filters)
        ll.addLayout(row2)

        self.tree = QTreeView()
        self.tree.setObjectName("tasks")
        self.tree.setModel(self.proxy)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setAccessibleName(self.tr("任务列表"))
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        # Fixed widths from the font, not ResizeToContents: that measures every row on every change.
        fm = self.tree.fontMetrics()
        icon_w = self.tree.style().pixelMetric(self.tree.style().PixelMetric.PM_SmallIconSize) + 8
        widths = {COL_STATUS: max(fm.horizontalAdvance("88/88"), fm.horizontalAdvance(self.model.headerData(COL_STATUS, Qt.Orientation.Horizontal))) + icon_w,
                  COL_DEADLINE: max(fm.horizontalAdvance("2026-12"), fm.horizontalAdvance(self.model.headerData(COL_DEADLINE, Qt.Orientation.Horizontal))) + icon_w + 8,
                  COL_EVIDENCE: max(fm.horizontalAdvance("888"), fm.horizontalAdvance(self.model.headerData(COL_EVIDENCE, Qt.Orientation.Horizontal))) + 16}
        for c, w in widths.items():
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(c, w)
        self.tree.selectionModel().currentRowChanged.connect(self._current_changed)
        ll.addWidget(self.tree, 1)
        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        self.count_label.setStyleSheet("color: #5f6368;")
        ll.addWidget(self.count_label)

        self.detail = TaskDetail(self.ws, opener=opener, file_chooser=file_chooser)
        self.detail.saved.connect(self._row_saved)
        self.detail.error.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.dashboard = Dashboard()
        self.dashboard.setObjectName("dashboard")
        self.dashboard.show_tasks.connect(self.show_tasks)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("tabs")
        self.tabs.addTab(self.detail, self.tr("任务详情"))
        self.tabs.addTab(self.dashboard, icon("dashboard"), self.tr("总体情况"))

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("splitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(0, 4)
        self.splitter.setStretchFactor(1, 5)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([560, 700])
        left.setMinimumWidth(360)
        self.tabs.setMinimumWidth(500)
        self.setCentralWidget(self.splitter)

    # ------------------------------------------------------------------------- data
    def reload(self) -> None:
        """Read the board again (start, period change, plan update)."""
        board = services.reporting.task_board(self.ws)
        self.model.set_board(board)
        self.tree.expandAll()
        self._refresh_dashboard()
        self._update_count()

    def _refresh_dashboard(self) -> None:
        self.dashboard.set_summary(services.reporting.workspace_dashboard(self.ws, self.model.rows()), self.ws.school_name)

    def _update_count(self) -> None:
        shown = self.proxy.visible_count
        total = sum(1 for r in self.model.rows() if not r["is_heading"] and r["applies"])
        self.count_label.setText(self.tr("显示 {shown} 项任务（本校共 {total} 项）").format(shown=shown, total=total))

    def _row_saved(self, row: dict) -> None:
        self.model.update_row(row)
        self._refresh_dashboard()
        self._saved_label.setText(self.tr("已自动保存 {time}").format(time=QTime.currentTime().toString("HH:mm:ss")))

    # ------------------------------------------------------------------------- selection
    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        task_id = current.data(TaskIdRole)
        row = self.model.row_for(task_id)
        if row is None or row["is_heading"]:
            return
        if self.detail.task_id != task_id:
            self.detail.show_task(row)
            services.reporting.remember_selected_task(self.ws, task_id)

    def select_task(self, task_id: str) -> bool:
        """Select and show ``task_id`` (clearing filters that hide it)."""
        src = self.model.index_for(task_id)
        if not src.isValid():
            return False
        idx = self.proxy.mapFromSource(src)
        if not idx.isValid():
            self.reset_filters()
            if not self.model.row_for(task_id)["applies"]:
                self.mine_only.setChecked(False)
            idx = self.proxy.mapFromSource(src)
        if not idx.isValid():
            return False
        self.tree.selectionModel().setCurrentIndex(idx, QItemSelectionModel.SelectionFlag.ClearAndSelect
                                                   | QItemSelectionModel.SelectionFlag.Rows)
        self.tree.scrollTo(idx)
        self.tabs.setCurrentIndex(TAB_DETAIL)
        return True

    def restore_selection(self) -> None:
        task_id = services.reporting.selected_task(self.ws)
        if task_id and not self.model.row_for(task_id)["is_heading"] and self.select_task(task_id):
            return
        first = self._first_task()
        if first is not None:
            self.select_task(first)

    def _first_task(self, parent: QModelIndex = _NO_PARENT) -> str | None:
        for r in range(self.proxy.rowCount(parent)):
            idx = self.proxy.index(r, 0, parent)
            row = self.model.row_for(idx.data(TaskIdRole))
            if not row["is_heading"]:
                return row["task_id"]
            found = self._first_task(idx)
            if found:
                return found
        return None

    # ------------------------------------------------------------------------- filters
    def _apply_filters(self) -> None:
        data = self.status_filter.currentData()
        statuses = None if data is None else ((Status.NOT_STARTED, Status.IN_PROGRESS) if data == "open" else (data,))
        self.proxy.set_filters(text=self.search.text(), statuses=statuses, overdue=self.overdue_only.isChecked(),
                               missing_evidence=self.missing_only.isChecked(), warnings=self.warnings_only.isChecked(),
                               mine_only=self.mine_only.isChecked(), sent_back=self.returned_only.isChecked())
        self.tree.expandAll()
        self._update_count()

    def reset_filters(self) -> None:
        widgets = (self.search, self.status_filter, self.overdue_only, self.missing_only, self.warnings_only,
                   self.returned_only)
        for w in widgets:
            w.blockSignals(True)
        self.search.clear()
        self.status_filter.setCurrentIndex(0)
        for cb in (self.overdue_only, self.missing_only, self.warnings_only, self.returned_only):
            cb.setChecked(False)
        for w in widgets:
            w.blockSignals(False)
        self._apply_filters()

    def show_tasks(self, kind: str) -> None:
        """From a dashboard card: list those tasks."""
        self.reset_filters()
        if kind == "overdue":
            self.overdue_only.setChecked(True)
        elif kind == "missing_evidence":
            self.missing_only.setChecked(True)
        elif kind == "warnings":
            self.warnings_only.setChecked(True)
        elif kind == "sent_back":
            self.returned_only.setChecked(True)
        else:
            self.status_filter.setCurrentIndex(max(0, self.status_filter.findData(kind)))
        self.tree.setFocus()

    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _focused_call(self, name: str) -> None:
        widget = self.focusWidget()
        if widget is not None and hasattr(widget, name):
            getattr(widget, name)()

    # ------------------------------------------------------------------------- actions
    def _period_changed(self, _index: int) -> None:
        self.detail.flush()
        task_id = self.detail.task_id
        try:
            services.reporting.set_period(self.ws, self.period_combo.currentData())
        except TaizhangError as exc:
            show_error(self, exc)
            return
        self.detail.show_task(None)
        self.reload()
        if task_id:
            self.select_task(task_id)

    def open_export_history(self) -> ExportLogDialog:
        """导出记录 (non-blocking): every exported file, with 打印备案表 and 另存原件."""
        dialog = ExportLogDialog(self.ws.path, services.reporting.export_history(self.ws.db), self,
                                 chooser=self._cover_chooser, opener=self._cover_opener)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def open_export(self) -> ExportDialog:
        """Open the export dialog (non-blocking); it checks errors and warnings first."""
        self.detail.flush()
        dialog = ExportDialog(self.ws, self, save_chooser=self._save_chooser, cover_chooser=self._cover_chooser,
                              opener=self._cover_opener)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.go_to_task.connect(self.select_task)
        dialog.exported.connect(lambda _info: self._refresh_dashboard())
        dialog.destroyed.connect(lambda: setattr(self, "export_dialog", None))
        self.export_dialog = dialog
        dialog.open()
        return dialog

    def _choose_plan(self, parent) -> str | None:
        path, _ = QFileDialog.getOpenFileName(parent, self.tr("载入新版任务清单"), str(Path.home()),
                                              self.tr("任务清单 (*.xlsx)"))
        return path or None

    def load_plan_update(self) -> None:
        path = self._plan_chooser(self)
        if not path:
            return
        self.detail.flush()
        try:
            try:
                plan = services.setup.load_plan_update(self.ws.db, path)
            except services.setup.OtherPlan as other:  # last year's plan, another plan: a choice, never an update
                if not self.ask_switch_plan(other.current, other.offered):
                    return
                plan = services.setup.load_plan_update(self.ws.db, path, switch=True)
        except TaizhangError as exc:
            show_error(self, exc)
            return
        task_id = self.detail.task_id
        services.reporting.close_workspace(self.ws)
        self.ws = services.reporting.open_workspace(self.ws.path)
        self.detail.ws = self.ws
        self.detail.show_task(None)
        self.reload()
        if task_id:
            self.select_task(task_id)
        self.statusBar().showMessage(self.tr("已载入任务清单第 {version} 版").format(version=plan["version"]), 8000)
        if plan.get("changes"):
            self.show_plan_changes()

    def show_plan_changes(self) -> PlanChangesDialog:
        """任务清单变化: what the revised plans changed (added, removed, changed; the archived entries)."""
        dialog = PlanChangesDialog(self.ws, self)
        dialog.finished.connect(lambda _r: self.reload())
        dialog.open()
        return dialog

    def ask_switch_plan(self, current: dict, offered: dict) -> bool:
        """Ask before changing to another plan (tests replace this)."""
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("这是另一份任务清单"),
                          self.tr("选中的文件是《{new}》（第 {nv} 版），不是当前《{cur}》（第 {cv} 版）的更新。\n\n"
                                  "如果是去年的清单，请不要切换。确定要改用这份新清单吗？").format(
                              new=offered["title"], nv=offered["version"], cur=current["title"], cv=current["version"]),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        return box.exec() == QMessageBox.StandardButton.Yes
    def _choose_feedback(self, parent) -> str | None:
        path, _ = QFileDialog.getOpenFileName(parent, self.tr("载入审核意见"), str(Path.home()),
                                              self.tr("审核意见 (*.xlsx)"))
        return path or None

    def load_feedback(self, path: str | None = None) -> dict | None:
        """文件 → 载入审核意见: verify and keep the bureau's feedback; sent-back tasks are flagged in the tree."""
        path = path or self._feedback_chooser(self)
        if not path:
            return None
        self.detail.flush()
        try:
            loaded = services.reporting.load_feedback_file(self.ws, path)
        except TaizhangError as exc:
            show_error(self, exc)
            return None
        task_id = self.detail.task_id
        self.reload()
        returned = loaded["returned"]
        if returned:
            self.show_tasks("sent_back")
            self.select_task(returned[0]["task_id"])
        elif task_id:
            self.select_task(task_id)
        if self.detail.task_id:  # the task shown before may be the one sent back: show its comment now
            self.detail.show_task(self.model.row_for(self.detail.task_id))
        self.statusBar().showMessage(self.tr("已载入审核意见：退回修改 {n} 项，通过 {p} 项").format(
            n=len(returned), p=loaded["passed"]), 15000)
        return loaded

    def backup(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("备份数据文件"), str(Path.home() / "台账备份.db"),
                                              self.tr("台账数据文件 (*.db)"))
        if not path:
            return
        self.detail.flush()
        try:
            services.files.backup(self.ws.path, path)
        except TaizhangError as exc:
            show_error(self, exc)
            return
        self.statusBar().showMessage(self.tr("已备份到 {path}").format(path=path), 8000)

    def closeEvent(self, event) -> None:
        if self.export_dialog is not None and self.export_dialog.is_running():
            event.ignore()
            self.statusBar().showMessage(self.tr("正在导出，请稍候……"), 5000)
            return
        try:
            self.detail.cleanup()
            if self.detail.task_id:
                services.reporting.remember_selected_task(self.ws, self.detail.task_id)
        except TaizhangError as exc:  # never lose the window over a last save; tell the user
            self.statusBar().showMessage(message(exc))
        locations.remember_window(self, "school")
        services.reporting.close_workspace(self.ws)
        self.ws.db = _Closed()
        super().closeEvent(event)
        self.closed.emit()


class _Closed:
    """Stands in for the closed database so a late signal fails loudly instead of writing."""

    def execute(self, *_a, **_k):
        raise TaizhangError("数据文件已关闭", "the database is closed")

    def close(self):
        pass
