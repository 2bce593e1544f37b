"""The bureau (county) main window: home, plan review, roster and periods, import, overview."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QIcon, QKeySequence, QShortcut
from PySide6.QtWidgets import QMainWindow, QMessageBox, QTabWidget

from desktop.core import services
from desktop.core.errors import TaizhangError
from desktop.core.words import Outcome
from desktop.gui.bureau.chooser import Chooser
from desktop.gui.bureau.homepage import HomePage
from desktop.gui.bureau.importpage import ImportPage, local_paths
from desktop.gui.bureau.overviewpage import OverviewPage
from desktop.gui.bureau.reviewpage import ReviewPage
from desktop.gui.bureau.rosterpage import RosterPage
from desktop.gui.bureau.schoolreview import SchoolReviewPage
from desktop.gui.common import i18n, locations
from desktop.gui.common.errors import message, show_error
from desktop.gui.common.icons import icon
from desktop.gui.common.ops import BackgroundOp

TAB_HOME, TAB_REVIEW, TAB_ROSTER, TAB_IMPORT, TAB_OVERVIEW, TAB_SCHOOL_REVIEW = range(6)


class BureauWindow(QMainWindow):
    plan_imported = Signal(str)  # plan id
    published = Signal(dict)  # the published content, once the signed file is written

    def __init__(self, db_path: str, parent=None, *, chooser: Chooser | None = None):
        super().__init__(parent)
        self.ws = services.workspaces.open_county_workspace(db_path)
        self.db_path, self.db, self.info = self.ws.path, self.ws.db, self.ws.info
        self.chooser = chooser or Chooser(self)
        self.plan_worker: BackgroundOp | None = None  # a plan import in flight
        self.publish_op: BackgroundOp | None = None  # a publish in flight
        self.setObjectName("bureauWindow")
        self.setWindowIcon(icon("bureau"))
        self.setWindowTitle(self.tr("台账 · {county}教育局").format(county=self.info["county"]))
        self.setAcceptDrops(True)
        self._build_actions()
        self.tabs = QTabWidget()
        self.tabs.setObjectName("bureauTabs")
        self.tabs.setDocumentMode(True)
        self.home = HomePage(self.ws, self.chooser)
        self.review = ReviewPage(self.ws, self.chooser)
        self.roster = RosterPage(self.ws, self.chooser)
        self.importer = ImportPage(self.ws, self.chooser)
        self.overview = OverviewPage(self.ws, self.chooser)
        self.school_review = SchoolReviewPage(self.ws, self.chooser)
        self.tabs.addTab(self.home, icon("bureau"), self.tr("首页"))
        self.tabs.addTab(self.review, icon("file"), self.tr("计划核对"))
        self.tabs.addTab(self.roster, icon("school"), self.tr("学校与周期"))
        self.tabs.addTab(self.importer, icon("open"), self.tr("导入报送"))
        self.tabs.addTab(self.overview, icon("dashboard"), self.tr("汇总情况"))
        self.tabs.addTab(self.school_review, icon("school"), self.tr("审核"))
        self.setCentralWidget(self.tabs)
        self.home.go.connect(self._go)
        self.review.plan_changed.connect(self._plan_changed)
        self.roster.changed.connect(self._plan_changed)
        self.roster.saved.connect(
            lambda path: self.statusBar().showMessage(self.tr("已保存：{path}").format(path=path), 15000))
        self.importer.merged.connect(self._merged)
        self.importer.finished.connect(self._import_finished)
        self.importer.review_requested.connect(self.review_school)
        self.overview.review_requested.connect(self.review_school)
        self.school_review.decided.connect(lambda _code: self.overview.reload())
        self.overview.exported.connect(
            lambda path: self.statusBar().showMessage(self.tr("汇总表已导出：{path}").format(path=path), 15000))
        self.tabs.currentChanged.connect(self._tab_changed)
        # Ctrl+PgDown / Ctrl+PgUp switch tabs wherever the focus is (as in browsers, Excel and WPS)
        for keys, step in ((Qt.Key.Key_PageDown, 1), (Qt.Key.Key_PageUp, -1)):
            shortcut = QShortcut(QKeySequence(Qt.Modifier.CTRL | keys), self)
            shortcut.activated.connect(lambda step=step: self.tabs.setCurrentIndex(
                (self.tabs.currentIndex() + step) % self.tabs.count()))
        self.statusBar().showMessage(self.tr("数据文件：{path}").format(path=self.db_path))
        locations.place_window(self, "bureau", 1320, 820)
        self.reload()

    # ------------------------------------------------------------------ building
    def _build_actions(self) -> None:
        def action(name, text, slot, icon_name=None, keys=None, tip=None):
            a = QAction(icon(icon_name) if icon_name else QIcon(), text, self)
            a.setObjectName(name)
            a.triggered.connect(slot)
            if keys is not None:
                a.setShortcut(keys)
            if tip:
                a.setToolTip(tip)
                a.setStatusTip(tip)
            return a

        self.import_plan_action = action("importPlanAction", self.tr("导入计划(&P)…"), lambda: self.import_plan(),
                                         "open", QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_O),
                                         self.tr("打开教育局的工作要点文件（.docx、.txt、.xlsx），识别出任务"))
        self.publish_action = action("publishAction", self.tr("发布任务清单(&B)…"), lambda: self.publish(), "export",
                                     QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_B),
                                     self.tr("写出签名的任务清单文件（.xlsx），发给各学校"))
        self.import_files_action = action("importFilesAction", self.tr("导入报送文件(&I)…"),
                                          lambda: self._import_files(), "open",
                                          QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_I))
        self.import_folder_action = action("importFolderAction", self.tr("导入文件夹(&D)…"),
                                           lambda: self._import_folder(), "open")
        self.summary_action = action("summaryAction", self.tr("导出汇总表(&S)…"), lambda: self.export_summary(), "export",
                                     QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_S))
        self.county_package_action = action(
            "countyPackageAction", self.tr("导出县区汇总包(&C)…"),
            lambda: (self.tabs.setCurrentIndex(TAB_OVERVIEW), self.overview.write_county_package()), "export",
            tip=self.tr("报送市局：签名的县区汇总包（各校当前的填报、学校名单和本局的汇总数字）"))
        self.notice_action = action("noticeAction", self.tr("保存指纹通知(&N)…"), lambda: self.home.fingerprint.save())
        self.backup_action = action("backupAction", self.tr("备份数据文件(&K)…"), lambda: self.backup())
        quit_action = action("quitAction", self.tr("退出(&X)"), self.close, keys=QKeySequence.StandardKey.Quit)
        menu = self.menuBar().addMenu(self.tr("文件(&F)"))
        for a in (self.import_plan_action, self.publish_action, None, self.import_files_action,
                  self.import_folder_action, self.summary_action, self.county_package_action, None, self.notice_action, self.backup_action, None,
                  quit_action):
            if a is None:
                menu.addSeparator()
            else:
                menu.addAction(a)
        lang_menu = self.menuBar().addMenu(self.tr("语言(&L)"))
        i18n.fill_language_menu(lang_menu, self)
        tb = self.addToolBar(self.tr("工具栏"))
        tb.setObjectName("bureauToolbar")
        tb.setMovable(False)
        tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for a in (self.import_plan_action, self.publish_action, self.import_files_action, self.summary_action):
            tb.addAction(a)

    # ------------------------------------------------------------------ refreshing
    def reload(self) -> None:
        self.home.reload()
        self.review.reload()
        self.roster.reload()
        self.importer.reload()
        self.overview.reload()
        self.school_review.reload()

    def review_school(self, code: str, task_id: str = "", period: str = "") -> bool:
        """Open the 审核 tab on school ``code`` (and ``task_id``): from the matrix, a school's row, an import result."""
        self.tabs.setCurrentIndex(TAB_SCHOOL_REVIEW)
        return self.school_review.show_school(code, task_id or None, period or None)

    def _tab_changed(self, index: int) -> None:
        page = self.tabs.widget(index)
        if page in (self.home, self.roster, self.overview, self.school_review):
            page.reload()
        elif page is self.importer and not self.importer.running:
            self.importer.reload()

    def _plan_changed(self) -> None:
        self.home.reload()
        if self.sender() is self.roster:
            self.review.reload()

    def _merged(self) -> None:
        """School data changed: the overview reloads off the GUI thread, the page in view now; the other pages
        reload when they are shown (``_tab_changed``), not all at once in the slot that ends an import."""
        self.overview.reload_in_background()  # a county's figures take seconds: off the GUI thread
        page = self.tabs.currentWidget()
        if page in (self.home, self.roster, self.school_review):
            page.reload()

    def _import_finished(self, outcomes: list, cancelled: bool) -> None:
        accepted = sum(1 for o in outcomes if o.outcome == Outcome.ACCEPTED)
        self.statusBar().showMessage(self.tr("导入{state}：{n} 个文件，合并 {a} 个").format(
            state=self.tr("已取消") if cancelled else self.tr("完成"), n=len(outcomes), a=accepted), 15000)

    def _go(self, step: str) -> None:
        if step == "import_plan":
            self.import_plan()
        elif step == "publish":
            self.publish()
        else:
            self.tabs.setCurrentIndex({"review": TAB_REVIEW, "roster": TAB_ROSTER, "periods": TAB_ROSTER,
                                       "import": TAB_IMPORT, "overview": TAB_OVERVIEW}[step])

    # ------------------------------------------------------------------ plan
    def import_plan(self, path: str | None = None) -> bool:
        """Parse a plan document on a worker thread; ``plan_imported`` is emitted when it is stored."""
        if self.plan_worker is not None:
            return False
        path = path or self.chooser.open_file(self.tr("打开工作要点文件"), "", self.tr("计划文件 (*.docx *.txt *.xlsx *.doc *.wps *.pdf)"))
        if not path:
            return False
        state = services.tasklist.plan_state(self.db)
        if state is not None and not self.chooser.confirm(
                self.tr("重新导入计划"),
                self.tr("已经有计划《{title}》。如果导入的是同一份计划的修订稿，编号相同的任务保持原来的任务编号，"
                        "但核对时做的修改会被新文件的内容替换。继续导入吗？").format(title=state["title"])):
            return False
        self.statusBar().showMessage(self.tr("正在识别计划文件：{name}…").format(name=Path(path).name))
        self.import_plan_action.setEnabled(False)
        # parsing a long document takes seconds: on a worker thread, which stores the draft on its own connection
        self.plan_worker = (BackgroundOp(self, lambda job: services.tasklist.import_plan(job.db, path),
                                         db_path=self.db_path, title=self.tr("无法导入计划"))
                            .on_success(self._plan_imported)
                            .on_failure(self._plan_failed)
                            .on_done(self._plan_worker_done))
        self.plan_worker.run()
        return True

    def _plan_imported(self, plan_id: str) -> None:
        self.review.reload()
        self.home.reload()
        self.tabs.setCurrentIndex(TAB_REVIEW)
        state = services.tasklist.plan_state(self.db)
        self.statusBar().showMessage(self.tr("识别出 {n} 项任务，请逐项核对").format(n=state["tasks"] if state else 0), 15000)
        self.plan_imported.emit(plan_id)

    def _plan_failed(self, exc) -> None:
        self.statusBar().clearMessage()
        show_error(self, exc, self.tr("无法导入计划"))

    def _plan_worker_done(self) -> None:
        self.plan_worker = None
        self.import_plan_action.setEnabled(True)

    def publish(self, out: str | None = None) -> BackgroundOp | None:
        """Ask where (and for the passphrase), then sign and write the plan workbook on a worker thread.

        Returns the running op (``published`` is emitted with the content when the file is written),
        or None when nothing was started."""
        if self.publish_op is not None:
            return None
        self.review.editor.commit_all()
        check = services.tasklist.publish_check(self.db)
        if check["errors"]:
            show_error(self, TaizhangError("；".join(z for z, _ in check["errors"]), "; ".join(e for _, e in check["errors"])),
                       self.tr("还不能发布"))
            return None
        if check["warnings"]:
            from desktop.gui.common.i18n import pick

            text = "\n".join(pick(z, e) for z, e in check["warnings"]) + "\n\n" + self.tr("仍然发布吗？")
            if not self.chooser.confirm(self.tr("发布任务清单"), text):
                return None
        state = services.tasklist.plan_state(self.db)
        version = state["version"] + (1 if state["changed"] or not state["version"] else 0)
        suggested = str(Path(self.db_path).parent / self.tr("{title}-任务清单-第{version}版.xlsx").format(
            title=state["title"], version=version))
        out = out or self.chooser.save_file(self.tr("发布任务清单"), suggested, self.tr("Excel 工作簿 (*.xlsx)"))
        if not out:
            return None
        passphrase = None
        if self.info["key_protected"]:
            passphrase = self.chooser.passphrase(self.tr("输入密钥口令"), self.tr("发布任务清单需要本局密钥的口令："))
            if passphrase is None:
                return None
        self.publish_action.setEnabled(False)
        self.statusBar().showMessage(self.tr("正在签名并写出任务清单…"))
        self.publish_op = (BackgroundOp(self, lambda job: services.tasklist.publish(job.db, out, passphrase=passphrase),
                                        db_path=self.db_path, title=self.tr("发布失败"))
                           .on_success(lambda content: self._published(content, out))
                           .on_failure(self._publish_failed)
                           .on_done(self._publish_done))
        return self.publish_op.run()

    def _publish_failed(self, exc) -> None:
        self.statusBar().clearMessage()
        show_error(self, exc, self.tr("发布失败"))

    def _publish_done(self) -> None:
        self.publish_op = None
        self.publish_action.setEnabled(True)

    def _published(self, content: dict, out: str) -> None:
        self.reload()
        v = content["plan"]["version"]
        self.statusBar().showMessage(self.tr("已发布第 {v} 版：{path}").format(v=v, path=out), 20000)
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("任务清单已发布"),
                          self.tr("已写出第 {v} 版任务清单：\n{path}\n\n请把这个文件和“指纹通知”一起发给各学校。").format(v=v, path=out),
                          QMessageBox.StandardButton.Ok, self)
        box.setObjectName("publishedBox")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.published.emit(content)

    # ------------------------------------------------------------------ import, summary, backup
    def _import_files(self) -> None:
        self.tabs.setCurrentIndex(TAB_IMPORT)
        self.importer.choose_files()

    def _import_folder(self) -> None:
        self.tabs.setCurrentIndex(TAB_IMPORT)
        self.importer.choose_folder()

    def import_paths(self, paths: list[str]) -> bool:
        self.tabs.setCurrentIndex(TAB_IMPORT)
        return self.importer.start_import(paths)

    def export_summary(self) -> str | None:
        self.tabs.setCurrentIndex(TAB_OVERVIEW)
        return self.overview.export_summary()

    def backup(self) -> str | None:
        out = self.chooser.save_file(self.tr("备份数据文件"), str(Path(self.db_path).with_suffix(".backup.db")),
                                     self.tr("台账数据文件 (*.db)"))
        if not out:
            return None
        try:
            services.files.backup(self.db_path, out)
        except TaizhangError as exc:
            show_error(self, exc)
            return None
        self.statusBar().showMessage(self.tr("已备份到：{path}").format(path=out), 15000)
        return out

    # ------------------------------------------------------------------ drag and drop
    def dragEnterEvent(self, event):
        if local_paths(event.mimeData()) and not self.importer.running:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event):
        self.dragEnterEvent(event)

    def dropEvent(self, event):
        paths = local_paths(event.mimeData())
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.handle_drop(paths)

    def handle_drop(self, paths: list[str]) -> bool:
        """A plan document imports the plan; anything else (reports, folders, .zip) is merged."""
        if len(paths) == 1 and services.tasklist.is_plan_document(paths[0]):
            return self.import_plan(paths[0])
        return self.import_paths(paths)

    # ------------------------------------------------------------------ closing
    def closeEvent(self, event):
        locations.remember_window(self, "bureau")
        self.review.editor.commit_all()
        self.importer.shutdown()
        self.overview.shutdown()
        for op in (self.plan_worker, self.publish_op):
            if op is not None:
                op.shutdown(30000)
        self.plan_worker = self.publish_op = None
        try:
            services.workspaces.close_county_workspace(self.ws)
        except Exception as exc:  # closing twice, or a closed connection: nothing to keep
            self.statusBar().showMessage(message(exc))
        super().closeEvent(event)
