"""Import the schools' packages: drop files, folders or .zip archives; the merge runs on a worker
thread (a BackgroundOp with its own connection) with a progress bar and Cancel; one result row per file; key-change requests decided here.

The window never waits on the result table: rows arrive in bounded chunks on a timer (at most ``CHUNK`` per
flush), every row is one line of a fixed height (nothing is measured per row), a long reason is elided in
the table and shown whole in the row's tooltip and in the detail line under the table."""

from __future__ import annotations

from itertools import accumulate
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core import services
from desktop.core.errors import TaizhangError
from desktop.core.words import Outcome
from desktop.gui.bureau.chooser import Chooser
from desktop.gui.bureau.importmodels import (
    COL_ADVICE,
    COL_FILE,
    COL_OUTCOME,
    COL_PERIOD,
    COL_REASON,
    COL_REVISION,
    COL_SCHOOL,
    KeyRequestsModel,
    ProblemFilter,
    ResultsModel,
)
from desktop.gui.bureau.messages import comma
from desktop.gui.bureau.papercheck import PaperCheckBar
from desktop.gui.common.errors import message
from desktop.gui.common.icons import icon
from desktop.gui.common.ops import BackgroundOp
from desktop.gui.common.sizes import human_size

FLUSH_MS = 100
CHUNK = 200  # result rows taken in per flush: a flush stays a few milliseconds however big the batch
BAR_STEPS = 1000  # the bar's range: it moves by the bytes merged, so a few big files advance it evenly
SHOW_BYTES_FROM = 8 << 20  # a batch this big also shows how many of its bytes are done
ROW_HEIGHT = 26


def local_paths(mime) -> list[str]:
    """The local files and folders a drag carries (nothing else is accepted)."""
    if not mime.hasUrls():
        return []
    paths = [u.toLocalFile() for u in mime.urls() if u.isLocalFile()]
    return [p for p in paths if p]


class DropZone(QFrame):
    dropped = Signal(list)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("dropZone")
        self.setAcceptDrops(True)
        self._idle = ("QFrame#dropZone { border: 2px dashed #9aa0a6; border-radius: 8px; background: #f8f9fa; }")
        self._hover = ("QFrame#dropZone { border: 2px dashed #1a73e8; border-radius: 8px; background: #e8f0fe; }")
        self.setStyleSheet(self._idle)

    def dragEnterEvent(self, event):
        if local_paths(event.mimeData()):
            self.setStyleSheet(self._hover)
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragLeaveEvent(self, event):
        self.setStyleSheet(self._idle)

    def dropEvent(self, event):
        self.setStyleSheet(self._idle)
        paths = local_paths(event.mimeData())
        if paths:
            event.acceptProposedAction()
            self.dropped.emit(paths)
        else:
            event.ignore()


class ImportPage(QWidget):
    merged = Signal()  # school data changed (the overview reloads)
    finished = Signal(list, bool)  # outcomes of the run, cancelled
    worker_created = Signal(object)  # the merge's BackgroundOp, just before it starts (tests watch its signals)
    review_requested = Signal(str, str, str)  # school code, task id (''), period: a result row double-clicked

    def __init__(self, ws: services.workspaces.CountyWorkspace, chooser: Chooser, parent=None):
        super().__init__(parent)
        self.setObjectName("importPage")
        self.ws, self.db, self.db_path, self.chooser = ws, ws.db, ws.path, chooser
        self.worker: BackgroundOp | None = None  # the merge or a key approval in flight
        self.total = 0
        self.done = 0
        self.last_seconds: float | None = None
        self._pending: list = []
        self._result: tuple | None = None  # the merge's (outcomes, cancelled, seconds), applied once drained
        self._thread_over = False
        self._flush_timer = QTimer(self)
        self._flush_timer.setInterval(FLUSH_MS)
        self._flush_timer.timeout.connect(self._flush)
        self.results = ResultsModel(self)
        self.filter = ProblemFilter(self)
        self.filter.setSourceModel(self.results)
        self.keys = KeyRequestsModel(self)
        self._build()

    # ------------------------------------------------------------------ building
    def _build(self) -> None:
        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 6, 8, 6)
        self.drop_zone = DropZone()
        self.drop_zone.dropped.connect(self.start_import)
        dz = QHBoxLayout(self.drop_zone)
        dz.setContentsMargins(16, 12, 16, 12)
        tip = QLabel(self.tr("把学校报送的文件（.xlsx）、整个文件夹或 .zip 压缩包拖到这里，\n"
                             "或者点右边的按钮选择。同一文件重复导入不会重复计算。"))
        tip.setStyleSheet("font-size: 14px; color: #3c4043; border: none; background: transparent;")
        dz.addWidget(tip, 1)
        self.files_button = QPushButton(icon("open"), self.tr("选择文件…"))
        self.files_button.setObjectName("chooseFiles")
        self.files_button.clicked.connect(self.choose_files)
        self.folder_button = QPushButton(icon("open"), self.tr("选择文件夹…"))
        self.folder_button.setObjectName("chooseFolder")
        self.folder_button.clicked.connect(self.choose_folder)
        dz.addWidget(self.files_button)
        dz.addWidget(self.folder_button)
        lay.addWidget(self.drop_zone)

        progress = QHBoxLayout()
        self.progress = QProgressBar()
        self.progress.setObjectName("importProgress")
        self.progress.setRange(0, BAR_STEPS)
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.cancel_button = QPushButton(self.tr("取消导入"))
        self.cancel_button.setObjectName("cancelImport")
        self.cancel_button.setToolTip(self.tr("已经合并的文件保留，没有开始的文件不导入；不会有合并了一半的文件"))
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.hide()
        progress.addWidget(self.progress, 1)
        progress.addWidget(self.cancel_button)
        lay.addLayout(progress)
        self.summary = QLabel(self.tr("还没有导入文件。"))
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        lay.addWidget(self.summary)

        bar = QHBoxLayout()
        self.problems_only = QCheckBox(self.tr("只看有问题的文件"))
        self.problems_only.setObjectName("problemsOnly")
        self.problems_only.toggled.connect(self.filter.set_problems_only)
        bar.addWidget(self.problems_only)
        bar.addStretch(1)
        self.paper = PaperCheckBar(self.ws, self.chooser)
        self.paper.confirmed.connect(self._confirmed_by_paper)
        bar.addWidget(self.paper)
        lay.addLayout(bar)
        self.table = QTableView()
        self.table.setObjectName("resultsView")
        self.table.setModel(self.filter)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        # one line per row, all of one height: a thousand rows are never measured one by one. The reason and
        # the advice (long in English) share the width left over, elided; the full text is the cell's
        # tooltip and the detail line under the table (the selected row)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        header = self.table.horizontalHeader()
        header.setResizeContentsPrecision(0)  # the columns fit the rows in view, not every row of the batch
        for col in (COL_FILE, COL_SCHOOL, COL_PERIOD, COL_REVISION, COL_OUTCOME):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_REASON, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_ADVICE, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(self._review_row)
        self.table.setToolTip(self.tr("双击已合并的文件，审核该校的报送"))
        self.table.selectionModel().currentRowChanged.connect(lambda _c, _p: self._show_row())
        results = QWidget()  # the results and the keys share a splitter: a thousand first keys never squeeze
        rl = QVBoxLayout(results)  # the results to a few rows on a 720-line screen
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.table, 1)
        self.row_detail = QLabel()
        self.row_detail.setObjectName("rowDetail")
        self.row_detail.setWordWrap(True)
        self.row_detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.row_detail.setStyleSheet("color: #3c4043;")
        rl.addWidget(self.row_detail)

        self.keys_box = QGroupBox(self.tr("学校密钥：待批准的新密钥与未确认的首次密钥"))
        self.keys_box.setObjectName("keysBox")
        kl = QVBoxLayout(self.keys_box)
        explain = QLabel(self.tr("学校重装系统或换电脑后，会用新的密钥签名。请先打电话与学校核对新指纹，"
                                 "确认无误再批准：批准后，等待中的文件立即合并；拒绝则一直不合并。"
                                 "“未确认”是没有用注册码的首次密钥：数据已合并但带未确认标记，批准时只确认您核对过的那一个指纹。"))
        explain.setWordWrap(True)
        explain.setStyleSheet("color: #5f6368;")
        kl.addWidget(explain)
        self.keys_view = QTableView()
        self.keys_view.setObjectName("keysView")
        self.keys_view.setModel(self.keys)
        self.keys_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.keys_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.keys_view.verticalHeader().setVisible(False)
        self.keys_view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.keys_view.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        # a county whose schools came without enrolment codes lists a first key per school: the columns
        # fit the rows in view, not a thousand rows measured on every reload
        self.keys_view.horizontalHeader().setResizeContentsPrecision(0)
        self.keys_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.keys_view.horizontalHeader().setStretchLastSection(True)
        self.keys_view.selectionModel().currentRowChanged.connect(lambda _c, _p: self._show_fingerprints())
        kl.addWidget(self.keys_view)
        self.key_detail = QLabel()
        self.key_detail.setObjectName("keyDetail")
        self.key_detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.key_detail.setStyleSheet("font-family: monospace;")
        kl.addWidget(self.key_detail)
        kb = QHBoxLayout()
        self.approve_button = QPushButton(self.tr("核实无误，批准新密钥"))
        self.approve_button.setObjectName("approveKey")
        self.approve_button.clicked.connect(self.approve)
        self.refuse_button = QPushButton(self.tr("拒绝"))
        self.refuse_button.setObjectName("refuseKey")
        self.refuse_button.clicked.connect(self.refuse)
        kb.addWidget(self.approve_button)
        kb.addWidget(self.refuse_button)
        kb.addStretch(1)
        kl.addLayout(kb)
        self.split = QSplitter(Qt.Orientation.Vertical)
        self.split.setObjectName("resultsKeysSplit")
        self.split.setChildrenCollapsible(False)
        self.split.addWidget(results)
        self.split.addWidget(self.keys_box)
        self.split.setStretchFactor(0, 3)
        self.split.setStretchFactor(1, 1)
        lay.addWidget(self.split, 1)
        self.keys_box.hide()
        self.error = QLabel()
        self.error.setObjectName("importError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c5221f;")
        lay.addWidget(self.error)

    # ------------------------------------------------------------------ state
    def reload(self) -> None:
        self.results.set_school_names({s["code"]: s["name"] for s in services.roster.schools(self.db)})
        self.keys.load(services.intake.key_requests(self.db))
        self.keys_box.setVisible(self.keys.rowCount() > 0)
        if self.keys.rowCount():
            self.keys_view.selectRow(0)
        self._show_fingerprints()

    @property
    def running(self) -> bool:
        return self.worker is not None

    def choose_files(self) -> None:
        paths = self.chooser.open_files(self.tr("选择学校报送的文件"), "",
                                        self.tr("报送文件 (*.xlsx *.zip);;所有文件 (*)"))
        if paths:
            self.start_import(paths)

    def choose_folder(self) -> None:
        folder = self.chooser.open_folder(self.tr("选择存放报送文件的文件夹"), "")
        if folder:
            self.start_import([folder])

    # ------------------------------------------------------------------ the run
    def start_import(self, paths: list[str]) -> bool:
        if self.worker is not None:
            self.error.setText(self.tr("正在导入，请等这一批完成或取消后再导入"))
            return False
        self.error.clear()
        self.reload()
        self.results.clear()
        self._pending, self._result, self._thread_over = [], None, False
        self._show_row()
        self.problems_only.setChecked(False)
        self.total = self.done = 0
        self._done_bytes: list[int] = []  # bytes of the first n files, n = 1, 2, … (merge order)
        self.progress.setRange(0, 0)  # busy until the files are counted
        self.progress.setValue(0)
        self.progress.show()
        self.cancel_button.setEnabled(True)
        self.cancel_button.show()
        self._set_busy(True)
        self.summary.setText(self.tr("正在查找文件…"))
        paths = [str(Path(p)) for p in paths]

        def merge(job):
            sizes = services.intake.input_sizes(paths)
            job.count(len(sizes), sizes)
            outcomes = services.intake.merge_files(job.db, paths, progress=job.progress, cancelled=job.cancelled)
            return outcomes, job.cancelled(), job.seconds

        worker = (BackgroundOp(self, merge, db_path=self.db_path)
                  .with_progress(self._progressed, self._counted)
                  .on_success(lambda r: self._completed(*r))
                  .on_failure(self._failed)
                  .on_done(self._thread_done)
                  .cancellable())
        self.worker = worker
        self._flush_timer.start()
        self.worker_created.emit(worker)
        worker.run()
        return True

    def cancel(self) -> None:
        if self.worker is not None:
            self.worker.cancel()
            self.cancel_button.setEnabled(False)
            self.summary.setText(self.tr("正在取消：当前文件合并完后停止…"))

    def _set_busy(self, busy: bool) -> None:
        for w in (self.files_button, self.folder_button, self.approve_button, self.refuse_button):
            w.setEnabled(not busy)
        self.drop_zone.setAcceptDrops(not busy)

    def _counted(self, total: int, sizes: list[int] | None) -> None:
        self.total = total
        self._done_bytes = list(accumulate(sizes or []))
        self.progress.setRange(0, BAR_STEPS)
        self._show_progress()
        self.summary.setText(self.tr("找到 {n} 个文件，正在核验并合并…").format(n=total))

    def _progressed(self, n: int, outcome) -> None:
        self.done = n
        self._pending.append(outcome)

    def _flush(self) -> None:
        """Take in at most ``CHUNK`` waiting rows; once the thread is over and nothing waits, wrap up."""
        if self._pending:
            batch, self._pending = self._pending[:CHUNK], self._pending[CHUNK:]
            self.results.append(batch)
        if self.total:
            self._show_progress()
        if self._thread_over and not self._pending:
            self._wrap_up()

    def _show_progress(self) -> None:
        """The bar at the share of bytes merged (of files, when sizes are unknown), with files and bytes in words."""
        done = min(self.done, self.total)
        sizes = self._done_bytes
        total_bytes = sizes[-1] if sizes and len(sizes) == self.total else 0
        if total_bytes:
            done_bytes = sizes[done - 1] if done else 0
            self.progress.setValue(round(BAR_STEPS * done_bytes / total_bytes))
        else:
            self.progress.setValue(round(BAR_STEPS * done / max(self.total, 1)))
        text = self.tr("{done} / {total} 个文件").format(done=done, total=self.total)
        if total_bytes >= SHOW_BYTES_FROM:
            text += self.tr("（{done} / {total}）").format(done=human_size(done_bytes), total=human_size(total_bytes))
        self.progress.setFormat(text.replace("%", "%%"))

    def _summary_text(self, cancelled: bool, seconds: float | None) -> str:
        c = self.results.counts()
        n = sum(c.values())
        parts = [self.tr("已合并 {n}").format(n=c.get(Outcome.ACCEPTED, 0)),
                 self.tr("重复 {n}").format(n=c.get(Outcome.DUPLICATE, 0)),
                 self.tr("旧版次 {n}").format(n=c.get("stale", 0)), self.tr("拒收 {n}").format(n=c.get(Outcome.REJECTED, 0))]
        head = (self.tr("已取消：处理了 {n} / {total} 个文件（未处理的文件没有导入，可以再导入一次）").format(n=n, total=self.total)
                if cancelled else self.tr("导入完成：{n} 个文件").format(n=n))
        text = self.tr("{head} —— {counts}").format(head=head, counts=comma().join(parts))
        if seconds is not None:
            text += self.tr("（用时 {s} 秒）").format(s=f"{seconds:.1f}" if seconds >= 1 else f"{seconds:.2f}")
        if c.get(Outcome.REJECTED):
            text += self.tr("。有被拒收的文件：勾选“只看有问题的文件”查看原因和处理办法。")
        return text

    def _completed(self, outcomes: list, cancelled: bool, seconds: float) -> None:
        self._result = (outcomes, cancelled, seconds)  # applied once the rows still waiting are in

    def _failed(self, exc) -> None:
        self.error.setText(message(exc))

    def _thread_done(self) -> None:
        self._thread_over = True
        if self._pending:
            self._flush_timer.start()  # the timer takes in the rest, a chunk at a time, then wraps up
        else:
            self._wrap_up()

    def _wrap_up(self) -> None:
        """Every row is in: the final outcomes (the copy flags found after the batch), the summary, and the
        pages that show school data reload."""
        self._flush_timer.stop()
        self._thread_over = False
        result, self._result = self._result, None
        if result is not None:
            outcomes, cancelled, seconds = result
            self.results.update(outcomes)
            self.last_seconds = seconds
            self.summary.setText(self._summary_text(cancelled, seconds))
            self.summary.setStyleSheet("color: #8a1c1c;" if self.results.counts().get(Outcome.REJECTED) else "")
            self._show_row()
            self.finished.emit(outcomes, cancelled)
        self.worker = None
        self.progress.hide()
        self.cancel_button.hide()
        self._set_busy(False)
        self.reload()
        self.merged.emit()

    def shutdown(self, ms: int = 60000) -> bool:
        """Closing the window: stop after the file in hand, wait for the thread, deliver nothing more."""
        self._flush_timer.stop()
        self._pending, self._result, self._thread_over = [], None, False
        worker = self.worker
        if worker is None:
            return True
        done = worker.shutdown(ms)
        self.worker = None
        return done

    def _show_row(self) -> None:
        """The detail line: the selected row's file, its whole reason and what to do."""
        index = self.table.currentIndex()
        if not index.isValid():
            self.row_detail.setText(self.tr("选中一行，这里显示完整的原因和处理办法。") if self.results.rowCount() else "")
            return
        row = self.filter.mapToSource(index).row()
        cells = [self.results.index(row, col).data() or "" for col in (COL_FILE, COL_OUTCOME, COL_REASON, COL_ADVICE)]
        text = self.tr("{file}：{outcome}").format(file=cells[0], outcome=cells[1])
        if cells[2]:
            text += "\n" + cells[2]
        if cells[3]:
            text += "\n" + self.tr("怎么办：{advice}").format(advice=cells[3])
        self.row_detail.setText(text)

    # ------------------------------------------------------------------ keys
    def _review_row(self, index) -> None:
        """An accepted file's row links to the review of that school (审核)."""
        if not index.isValid():
            return
        o = self.results.outcomes()[self.filter.mapToSource(index).row()]
        if o.school and o.outcome == Outcome.ACCEPTED:
            self.review_requested.emit(o.school, "", o.period or "")

    def _show_fingerprints(self) -> None:
        r = self.keys.request(self.keys_view.currentIndex().row())
        if r is None:
            self.key_detail.clear()
            return
        if r.get("kind") == "unconfirmed":
            self.key_detail.setText(self.tr("未确认的密钥（首次使用，无注册码）：{fp}\n与该校电话核对一致后可批准确认；"
                                            "该校用注册码报送时会自动确认。").format(fp=r["fingerprint_groups"]))
            return
        old = r["pinned_groups"] or "—"
        if r.get("pinned_unconfirmed"):
            old += self.tr("（未确认）")
        self.key_detail.setText(self.tr("待批准密钥指纹：{new}\n在用密钥指纹：{old}").format(new=r["fingerprint_groups"], old=old))

    def _selected_request(self) -> dict | None:
        row = self.keys_view.currentIndex().row()
        request = self.keys.request(row)
        if request is None:
            self.error.setText(self.tr("请先选择一条密钥更换申请"))
        return request

    def approve(self) -> bool:
        r = self._selected_request()
        if r is None:
            return False
        text = self.tr("请先打电话与{name}核对新密钥指纹：\n\n{fp}\n\n核对一致后批准。批准后，该校等待中的 {n} 个文件会立即合并。"
                       ).format(name=r["name"] or r["school"], fp=r["fingerprint_groups"], n=r["waiting"])
        if r.get("pinned_unconfirmed") and r.get("kind") != "unconfirmed":
            text += self.tr("\n\n该校原有的未确认密钥发来的数据将被搁置（保留在历史中）。")
        if not self.chooser.confirm(self.tr("批准新密钥"), text):
            return False
        if self.worker is not None:
            self.error.setText(self.tr("正在导入，请等这一批完成或取消后再导入"))
            return False
        self.error.clear()
        name = r["name"] or r["school"]
        self.summary.setText(self.tr("正在合并{name}等待中的文件…").format(name=name))
        self.progress.setRange(0, 0)
        self.progress.show()
        self._set_busy(True)

        def approved(outcomes) -> None:
            self._pending.extend(outcomes)  # taken in a chunk at a time once the thread is over
            self.summary.setText(self.tr("已批准{name}的新密钥，合并了 {n} 个等待中的文件。").format(
                name=name, n=sum(1 for o in outcomes if o.outcome == Outcome.ACCEPTED)))
            self.summary.setStyleSheet("")

        # the held files are merged now, which can take a while: on a worker thread, with its own connection
        fingerprint = r["fingerprint"]  # exactly the key shown in the dialog, never "the newest pending one"
        self.worker = (BackgroundOp(self, lambda job: services.intake.approve_key(job.db, r["school"], fingerprint),
                                    db_path=self.db_path, title=self.tr("批准新密钥"))
                       .on_success(approved)
                       .on_failure(lambda exc: self.error.setText(message(exc)))
                       .on_done(self._thread_done))
        self.worker.run()
        return True

    def _confirmed_by_paper(self, outcomes: list) -> None:
        if outcomes:
            self.results.append(outcomes)
        self.reload()
        self.merged.emit()

    def refuse(self) -> bool:
        r = self._selected_request()
        if r is None:
            return False
        if not self.chooser.confirm(self.tr("拒绝新密钥"), self.tr("拒绝{name}的新密钥？用这把密钥签名的文件都不会合并。").format(
                name=r["name"] or r["school"])):
            return False
        if r.get("kind") == "unconfirmed":
            self.error.setText(self.tr("未确认的密钥不能单独拒绝：另一个密钥到达时再批准那一个"))
            return False
        try:
            services.intake.refuse_key(self.db, r["school"], r["fingerprint"])
        except TaizhangError as exc:
            self.error.setText(message(exc))
            return False
        self.summary.setText(self.tr("已拒绝{name}的新密钥。").format(name=r["name"] or r["school"]))
        self.reload()
        return True
