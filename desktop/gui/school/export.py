"""The export dialog: hard errors (block) and warnings (confirm), then the signed package is written
on a worker thread with a progress bar; the result page shows the file, package code and fingerprint."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QFileInfo, QSize, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core import services
from desktop.core.errors import TaizhangError
from desktop.gui.common import locations
from desktop.gui.common.errors import message
from desktop.gui.common.icons import icon
from desktop.gui.common.ops import BackgroundOp
from desktop.gui.school.exportlog import Chooser, CoverPrinter
from desktop.gui.school.messages import warning_text
from desktop.gui.school.taskmodel import display_label

_LAST_DIR = "school/export_dir"
TaskRole = Qt.ItemDataRole.UserRole + 1


class ExportCancelled(Exception):
    pass


class ExportDialog(QDialog):
    """``go_to_task(task_id)`` asks the main window to show a task named in the lists."""

    go_to_task = Signal(str)
    exported = Signal(dict)

    def __init__(self, ws, parent=None, *, save_chooser: Callable[[QWidget, str], str | None] | None = None,
                 cover_chooser: Chooser | None = None, opener: Callable[[str], None] | None = None):
        super().__init__(parent)
        self.ws = ws
        self.result_info: dict | None = None
        self._worker: BackgroundOp | None = None
        self._save_chooser = save_chooser or self._choose_target
        self.cover_printer = CoverPrinter(self, ws.path, chooser=cover_chooser, opener=opener)
        self.cover_printer.done.connect(lambda info: self.done_status.setText(
            self.tr("备案表已保存并打开：{file}。打印后由负责人签字、加盖公章，交教育局。").format(file=info["file"])))
        self.cover_printer.failed.connect(lambda text: self.done_status.setText(
            self.tr("没有生成备案表：{reason}").format(reason=text)))
        self.setWindowTitle(self.tr("导出报送文件"))
        self.setObjectName("exportDialog")
        self.setMinimumSize(720, 560)
        self.resize(800, 620)
        self.stack = QStackedWidget()
        lay = QVBoxLayout(self)
        lay.addWidget(self.stack)
        self._build_check_page()
        self._build_done_page()
        self.refresh()

    # ------------------------------------------------------------------------- page 1: check
    def _build_check_page(self) -> None:
        page = QWidget()
        lay = QVBoxLayout(page)
        lay.setSpacing(10)
        heading = QLabel(self.tr("导出前检查"))
        heading.setStyleSheet("font-size: 18px; font-weight: bold;")
        lay.addWidget(heading)
        self.summary = QLabel()
        self.summary.setObjectName("exportSummary")
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet("font-size: 14px;")
        lay.addWidget(self.summary)

        self.errors_caption = QLabel()
        self.errors_caption.setStyleSheet("color: #c5221f; font-weight: bold;")
        self.errors_caption.setWordWrap(True)
        self.errors = QListWidget()
        self.errors.setObjectName("errors")
        self.errors.setWordWrap(True)
        self.errors.setIconSize(QSize(16, 16))
        self.errors.itemActivated.connect(self._activated)
        self.warnings_caption = QLabel()
        self.warnings_caption.setStyleSheet("color: #8a5a00; font-weight: bold;")
        self.warnings_caption.setWordWrap(True)
        self.warnings = QListWidget()
        self.warnings.setObjectName("warnings")
        self.warnings.setWordWrap(True)
        self.warnings.setIconSize(QSize(16, 16))
        self.warnings.itemActivated.connect(self._activated)
        self.confirm = QCheckBox(self.tr("我已看过以上提醒，仍然导出"))
        self.confirm.setObjectName("confirmWarnings")
        self.confirm.toggled.connect(self._update_buttons)
        self.all_clear = QLabel(self.tr("检查通过：没有发现问题。"))
        self.all_clear.setStyleSheet("color: #1e8e3e; font-weight: bold;")
        for w in (self.errors_caption, self.errors, self.warnings_caption, self.warnings, self.confirm,
                  self.all_clear):
            lay.addWidget(w)

        form = QGridLayout()
        form.setColumnStretch(1, 1)
        target_caption = QLabel(self.tr("保存到："))
        self.target = QLineEdit()
        self.target.setObjectName("target")
        target_caption.setBuddy(self.target)
        self.target.textChanged.connect(self._update_buttons)
        browse = QPushButton(self.tr("选择位置…"))
        browse.clicked.connect(self._browse)
        form.addWidget(target_caption, 0, 0)
        form.addWidget(self.target, 0, 1)
        form.addWidget(browse, 0, 2)
        self.pass_caption = QLabel(self.tr("私钥口令："))
        self.passphrase = QLineEdit()
        self.passphrase.setObjectName("passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.pass_caption.setBuddy(self.passphrase)
        form.addWidget(self.pass_caption, 1, 0)
        form.addWidget(self.passphrase, 1, 1, 1, 2)
        lay.addLayout(form)
        self.progress = QProgressBar()
        self.progress.setObjectName("progress")
        self.progress.hide()
        self.status = QLabel()
        self.status.setObjectName("exportStatus")
        self.status.setWordWrap(True)
        lay.addWidget(self.progress)
        lay.addWidget(self.status)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.export_button = QPushButton(icon("export"), self.tr("导出"))
        self.export_button.setObjectName("exportButton")
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.start_export)
        self.cancel_button = QPushButton(self.tr("取消"))
        self.cancel_button.setObjectName("cancelButton")
        self.cancel_button.clicked.connect(self._cancel_clicked)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.cancel_button)
        lay.addLayout(buttons)
        self.stack.addWidget(page)

    def refresh(self) -> None:
        """Run the pre-export check and show its result."""
        self.check = services.reporting.export_check(self.ws)
        c = self.check
        self.summary.setText(self.tr("学校：{school}（{code}）\n填报周期：{period}　本次为第 {rev} 次报送\n"
                                     "共 {tasks} 项任务，佐证材料 {files} 份").format(
            school=self.ws.school_name, code=self.ws.school_code, period=c["period"], rev=c["revision"],
            tasks=c["tasks"], files=c["evidence_files"]))
        self._fill(self.errors, c["errors"], "error")
        self._fill(self.warnings, c["warnings"], "warning")
        self.errors_caption.setText(self.tr("必须先改正以下 {n} 个问题才能导出（双击可转到该任务）：").format(n=len(c["errors"])))
        self.warnings_caption.setText(self.tr("请确认以下 {n} 条提醒（可以导出）：").format(n=len(c["warnings"])))
        for w in (self.errors_caption, self.errors):
            w.setVisible(bool(c["errors"]))
        for w in (self.warnings_caption, self.warnings, self.confirm):
            w.setVisible(bool(c["warnings"]))
        self.all_clear.setVisible(not c["errors"] and not c["warnings"])
        self.pass_caption.setVisible(self.ws.key_protected)
        self.passphrase.setVisible(self.ws.key_protected)
        if not self.target.text():
            folder = locations.settings().value(_LAST_DIR) or str(Path.home())
            self.target.setText(str(Path(folder) / services.reporting.suggested_export_name(self.ws)))
        self._update_buttons()

    def _fill(self, widget: QListWidget, items: list[dict], kind: str) -> None:
        widget.clear()
        for w in items:
            where = ""
            if w.get("task_id"):
                label = display_label(w["path"][-1]) if w.get("path") else ""
                where = f"{label}{w.get('title', '')}：" if w.get("title") else f"{w['task_id']}："
            item = QListWidgetItem(icon(kind), where + warning_text(w))
            item.setData(TaskRole, w.get("task_id"))
            widget.addItem(item)
        widget.setMinimumHeight(min(200, 26 * len(items) + 8))

    def _activated(self, item: QListWidgetItem) -> None:
        task_id = item.data(TaskRole)
        if task_id:
            self.go_to_task.emit(task_id)
            self.reject()

    def _update_buttons(self, *_args) -> None:
        running = self._worker is not None
        c = self.check
        ok = (not c["errors"] and (not c["warnings"] or self.confirm.isChecked())
              and bool(self.target.text().strip()) and not running)
        self.export_button.setEnabled(ok)

    def _choose_target(self, parent, suggested: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(parent, self.tr("保存报送文件"), suggested, self.tr("Excel 工作簿 (*.xlsx)"))
        return path or None

    def _browse(self) -> None:
        path = self._save_chooser(self, self.target.text())
        if path:
            if not path.lower().endswith(".xlsx"):
                path += ".xlsx"
            self.target.setText(path)

    # ------------------------------------------------------------------------- running
    def start_export(self) -> None:
        if not self.export_button.isEnabled():
            return
        out = Path(self.target.text().strip())
        if not out.parent.is_dir():
            self.status.setText(self.tr("文件夹不存在：{folder}").format(folder=str(out.parent)))
            return
        passphrase = self.passphrase.text() or None
        if self.ws.key_protected:
            try:
                services.reporting.check_passphrase(self.ws, passphrase)
            except TaizhangError as exc:
                self.status.setText(message(exc))
                return
        self.progress.show()
        self.progress.setRange(0, 0)
        self.status.setText(self.tr("正在写入并签名……"))
        db_path, period = self.ws.path, self.ws.period

        def export(job):  # export_report_file opens the op's own connection to db_path
            def report(done, total):
                if job.cancelled():
                    raise ExportCancelled()
                job.progress(done, total)

            return services.reporting.export_report_file(db_path, out, period=period, passphrase=passphrase, progress=report)

        self._worker = (BackgroundOp(self, export, title=self.tr("导出失败"))
                        .with_progress(self._progressed)
                        .on_success(self._succeeded)
                        .on_failure(self._failed)
                        .on_done(self._finished)
                        .cancellable())
        self._update_buttons()
        self._worker.run()

    def is_running(self) -> bool:
        return self._worker is not None

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.status.setText(self.tr("正在写入佐证材料 {done}/{total}……").format(done=done, total=total))

    def _succeeded(self, info: dict) -> None:
        self.result_info = info
        locations.settings().setValue(_LAST_DIR, str(Path(info["file"]).parent))
        self.done_file.setText(QFileInfo(info["file"]).absoluteFilePath())
        self.done_code.setText(info["package_code"])
        self.done_revision.setText(self.tr("{period}，第 {rev} 次报送（共 {n} 项任务，佐证材料 {files} 份）").format(
            period=info["period"], rev=info["revision"], n=info["entries"], files=info["evidence"]))
        groups = info["fingerprint_groups"].split()
        self.done_fingerprint.setText("\n".join(" ".join(groups[i:i + 4]) for i in range(0, len(groups), 4)))
        self.stack.setCurrentIndex(1)
        self.close_button.setFocus()
        self.exported.emit(info)

    def _failed(self, exc) -> None:
        self.progress.hide()
        if isinstance(exc, ExportCancelled):
            self.status.setText(self.tr("已取消导出，没有写入任何文件。"))
        else:
            self.status.setText(self.tr("导出失败：{reason}").format(reason=message(exc)))

    def _finished(self) -> None:
        self._worker = None
        self._update_buttons()

    def _cancel_clicked(self) -> None:
        if self._worker is not None:
            self._worker.cancel()
            self.status.setText(self.tr("正在取消……"))
        else:
            self.reject()

    def done(self, result: int) -> None:  # closing waits for a running export (it ends or cancels quickly)
        if self._worker is not None:
            self._worker.shutdown()
            self._finished()
        self.cover_printer.shutdown()
        super().done(result)

    # ------------------------------------------------------------------------- page 2: done
    def _build_done_page(self) -> None:
        page = QWidget()
        lay = QVBoxLayout(page)
        lay.setSpacing(10)
        ok = QLabel(self.tr("报送文件已导出并签名"))
        ok.setStyleSheet("font-size: 18px; font-weight: bold; color: #1e8e3e;")
        lay.addWidget(ok)
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        grid.setVerticalSpacing(10)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setPointSizeF(mono.pointSizeF() * 1.3)
        self.done_file = QLabel()
        self.done_file.setObjectName("doneFile")
        self.done_file.setWordWrap(True)
        self.done_file.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.done_revision = QLabel()
        self.done_revision.setWordWrap(True)
        self.done_code = QLabel()
        self.done_code.setObjectName("doneCode")
        self.done_code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        code_font = mono
        code_font.setBold(True)
        self.done_code.setFont(code_font)
        self.done_code.setStyleSheet("font-size: 22px; color: #174ea6;")
        self.done_fingerprint = QLabel()
        self.done_fingerprint.setObjectName("doneFingerprint")
        self.done_fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        fp_font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        fp_font.setPointSizeF(fp_font.pointSizeF() * 1.25)
        self.done_fingerprint.setFont(fp_font)
        rows = ((self.tr("文件"), self.done_file), (self.tr("报送"), self.done_revision),
                (self.tr("报送码"), self.done_code), (self.tr("学校公钥指纹"), self.done_fingerprint))
        for r, (caption, widget) in enumerate(rows):
            cap = QLabel(caption + self.tr("："))
            cap.setStyleSheet("color: #5f6368;")
            grid.addWidget(cap, r, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(widget, r, 1)
        lay.addLayout(grid)
        note = QLabel(self.tr("请把这个文件交给教育局（U 盘、邮件或工作群均可），不要用 Excel/WPS 修改后再保存，否则签名失效。"
                              "需要纸质备案表时点“打印备案表”：报送码、指纹和二维码都印在上面，签字盖章后交教育局。"
                              "如需更正，改好后再导出一次，版次自动加一。以后也可以在“文件 → 导出记录”里再打印。"))
        note.setWordWrap(True)
        note.setStyleSheet("color: #3c4043; background: #e8f0fe; padding: 10px; border-radius: 6px;")
        lay.addWidget(note)
        self.done_status = QLabel()
        self.done_status.setObjectName("coverStatus")
        self.done_status.setWordWrap(True)
        lay.addWidget(self.done_status)
        lay.addStretch(1)
        buttons = QHBoxLayout()
        self.cover_button = QPushButton(icon("export"), self.tr("打印备案表…"))
        self.cover_button.setObjectName("printCover")
        self.cover_button.setToolTip(self.tr("生成 A4 备案表（PDF，带二维码），打印后签字盖章交教育局"))
        self.cover_button.clicked.connect(self.print_cover)
        buttons.addWidget(self.cover_button)
        folder = QPushButton(icon("open"), self.tr("打开所在文件夹"))
        folder.setObjectName("openFolder")
        folder.clicked.connect(self._open_folder)
        self.close_button = QPushButton(self.tr("完成"))
        self.close_button.setObjectName("closeButton")
        self.close_button.clicked.connect(self.accept)
        buttons.addWidget(folder)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        lay.addLayout(buttons)
        self.stack.addWidget(page)

    def print_cover(self) -> None:
        info = self.result_info
        if info and self.cover_printer.print_cover(period=info["period"], revision=info["revision"],
                                                   file_name=Path(info["file"]).name):
            self.done_status.setText(self.tr("正在生成备案表……"))

    def _open_folder(self) -> None:
        if self.result_info:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(self.result_info["file"]).parent)))
