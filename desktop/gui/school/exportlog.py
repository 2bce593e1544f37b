"""导出记录 and the printed 备案表: every file this school exported, the exact signed copy saved again, and
the A4 cover sheet (备案表, with its QR code) printed for any of them — right after an export or later.

Both write files on a worker thread (BackgroundOp with its own connection); the PDF is opened for
printing when it is written."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core import services
from desktop.gui.common import locations
from desktop.gui.common.errors import message
from desktop.gui.common.icons import icon
from desktop.gui.common.ops import BackgroundOp
from desktop.gui.common.sizes import human_size

_LAST_DIR = "school/cover_dir"
Chooser = Callable[[QWidget, str, str, str], str | None]  # (parent, title, suggested path, filter) -> path


def _save_dialog(parent: QWidget, title: str, suggested: str, pattern: str) -> str | None:
    path, _ = QFileDialog.getSaveFileName(parent, title, suggested, pattern)
    return path or None


def _open_file(path: str) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(path))


def cover_name(export_file: str) -> str:
    """The 备案表 is named after the file it describes: ``<report name>_备案表.pdf``."""
    return f"{Path(export_file).stem}_备案表.pdf"


class CoverPrinter(QObject):
    """Writes the 备案表 PDF of one export (by period and revision) and opens it. ``done(info)`` on success;
    a failure (the original not kept, a file that no longer verifies, a folder that cannot be written)
    goes to ``failed(text)`` and the log."""

    done = Signal(dict)
    failed = Signal(str)

    def __init__(self, parent: QWidget, db_path, *, chooser: Chooser | None = None,
                 opener: Callable[[str], None] | None = None):
        super().__init__(parent)
        self._parent = parent
        self._db_path = db_path
        self._chooser = chooser or _save_dialog
        self._opener = opener or _open_file
        self._op: BackgroundOp | None = None

    def busy(self) -> bool:
        return self._op is not None

    def shutdown(self) -> None:
        """Wait for a PDF being written (a fraction of a second) before the window that owns it goes."""
        if self._op is not None:
            self._op.shutdown()
            self._op = None

    def print_cover(self, *, period: str, revision: int, file_name: str) -> bool:
        """Ask where to save the PDF, then write it off the GUI thread. False when the user cancelled."""
        if self._op is not None:
            return False
        folder = locations.settings().value(_LAST_DIR) or str(Path.home())
        out = self._chooser(self._parent, self.tr("保存备案表（PDF）"), str(Path(folder) / cover_name(file_name)),
                            self.tr("PDF 文件 (*.pdf)"))
        if not out:
            return False
        if not out.lower().endswith(".pdf"):
            out += ".pdf"

        def write(job):
            return services.reporting.print_cover(job.db, out, revision=revision, period=period)

        self._op = (BackgroundOp(self._parent, write, db_path=self._db_path, title=self.tr("打印备案表失败"))
                    .on_success(self._written)
                    .on_failure(lambda exc: self.failed.emit(message(exc)))
                    .on_done(self._finished))
        self._op.run()
        return True

    def _written(self, info: dict) -> None:
        locations.settings().setValue(_LAST_DIR, str(Path(info["file"]).parent))
        self._opener(info["file"])
        self.done.emit(info)

    def _finished(self) -> None:
        self._op = None


class ExportLogDialog(QDialog):
    """导出记录: newest first; 打印备案表… and 另存原件… for the selected export."""

    def __init__(self, db_path, rows: list[dict], parent=None, *, chooser: Chooser | None = None,
                 opener: Callable[[str], None] | None = None):
        super().__init__(parent)
        self._db_path = db_path
        self._rows = rows
        self._chooser = chooser or _save_dialog
        self._op: BackgroundOp | None = None
        self.setObjectName("exportLogDialog")
        self.setWindowTitle(self.tr("导出记录"))
        self.resize(900, 420)
        self.setMinimumSize(640, 320)
        lay = QVBoxLayout(self)
        intro = QLabel(self.tr("本校导出过的每一份报送文件。选中一行，可以再打印它的备案表，或把签名原件另存一份"
                               "（与当初导出的文件一字不差，报送码和校验值相同）。"))
        intro.setWordWrap(True)
        lay.addWidget(intro)
        self.table = QTableWidget(0, 6)
        self.table.setObjectName("exportLog")
        self.table.setHorizontalHeaderLabels([self.tr("导出时间"), self.tr("填报周期"), self.tr("版次"),
                                              self.tr("报送码"), self.tr("文件名"), self.tr("原件")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _i: self.print_selected())
        lay.addWidget(self.table, 1)
        self.empty = QLabel(self.tr("还没有导出过报送文件。"))
        self.empty.setObjectName("exportLogEmpty")
        self.empty.setStyleSheet("color: #5f6368;")
        lay.addWidget(self.empty)
        self.status = QLabel()
        self.status.setObjectName("exportLogStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay.addWidget(self.status)
        buttons = QHBoxLayout()
        self.print_button = QPushButton(icon("export"), self.tr("打印备案表…"))
        self.print_button.setObjectName("printCover")
        self.print_button.clicked.connect(self.print_selected)
        self.save_button = QPushButton(self.tr("另存原件…"))
        self.save_button.setObjectName("saveAgain")
        self.save_button.clicked.connect(self.save_selected)
        close = QPushButton(self.tr("关闭"))
        close.clicked.connect(self.accept)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        lay.addLayout(buttons)
        self.printer = CoverPrinter(self, db_path, chooser=self._chooser, opener=opener)
        self.printer.done.connect(lambda info: self.status.setText(
            self.tr("备案表已保存：{file}").format(file=info["file"])))
        self.printer.failed.connect(self._failed)
        self._fill()

    def _fill(self) -> None:
        self.table.setRowCount(len(self._rows))
        for r, row in enumerate(self._rows):
            kept = self.tr("已保存（{size}）").format(size=human_size(row["size"])) if row["kept"] else \
                self.tr("未保存（本版本之前导出）")
            cells = (row["created_at"][:16].replace("T", " "), row["period"], str(row["revision"]),
                     row["package_code"], row["file_name"], kept)
            for c, text in enumerate(cells):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.table.setVisible(bool(self._rows))
        self.empty.setVisible(not self._rows)
        if self._rows:
            self.table.selectRow(0)
        self._update_buttons()

    def selected(self) -> dict | None:
        rows = self.table.selectionModel().selectedRows()
        return self._rows[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        row = self.selected()
        idle = self._op is None and not self.printer.busy()
        self.print_button.setEnabled(bool(row) and row["kept"] and idle)
        self.save_button.setEnabled(bool(row) and row["kept"] and idle)
        if row and not row["kept"]:
            self.status.setText(self.tr("这次导出的原件没有保存在本机（由较早的版本导出），请用当初导出的文件。"))

    def print_selected(self) -> None:
        row = self.selected()
        if row and row["kept"] and self.printer.print_cover(period=row["period"], revision=row["revision"],
                                                            file_name=row["file_name"]):
            self.status.setText(self.tr("正在生成备案表……"))

    def save_selected(self) -> None:
        row = self.selected()
        if not row or not row["kept"] or self._op is not None:
            return
        folder = locations.settings().value(_LAST_DIR) or str(Path.home())
        out = self._chooser(self, self.tr("另存报送文件原件"), str(Path(folder) / row["file_name"]),
                            self.tr("Excel 工作簿 (*.xlsx)"))
        if not out:
            return
        if not out.lower().endswith(".xlsx"):
            out += ".xlsx"
        period, revision = row["period"], row["revision"]

        def save(job):
            return services.reporting.save_export_again(job.db, out, revision=revision, period=period)

        self.status.setText(self.tr("正在保存……"))
        self._op = (BackgroundOp(self, save, db_path=self._db_path, title=self.tr("另存原件失败"))
                    .on_success(lambda info: self.status.setText(
                        self.tr("已另存：{file}（报送码 {code}）").format(file=info["file"], code=info["package_code"])))
                    .on_failure(self._failed)
                    .on_done(self._op_done))
        self._update_buttons()
        self._op.run()

    def _failed(self, exc) -> None:
        self.status.setText(self.tr("没有完成：{reason}").format(reason=exc if isinstance(exc, str) else message(exc)))

    def _op_done(self) -> None:
        self._op = None
        self._update_buttons()

    def done(self, result: int) -> None:  # a running save ends before the dialog goes
        if self._op is not None:
            self._op.shutdown()
            self._op = None
        self.printer.shutdown()
        super().done(result)
