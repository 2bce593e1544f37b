"""The GUI never fails silently (DESIGN §11): a rotating log file, and one dialog for every unexpected error.

The windowed Windows build has no console, so an exception that escapes a slot or a worker thread would
vanish. ``install()`` sets ``sys.excepthook`` and ``threading.excepthook``: the traceback goes to
``taizhang.log`` in the app data folder (rotating, 1 MB × 3), and the person sees a dialog, Chinese first,
saying what to do and where the log is. Errors from other threads are shown on the GUI thread.
"""

from __future__ import annotations

import logging
import logging.handlers
import sys
import threading
import traceback
from pathlib import Path

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.core.errors import TaizhangError

LOG_NAME = "taizhang.log"
LOG_BYTES = 1 << 20
LOG_BACKUPS = 3
log = logging.getLogger("taizhang")


def setup_logging(folder: Path) -> Path:
    """Log to ``folder/taizhang.log`` (rotating); returns the path. Safe to call more than once."""
    path = Path(folder) / LOG_NAME
    for h in list(log.handlers):
        if isinstance(h, logging.handlers.RotatingFileHandler):
            if Path(h.baseFilename) == path:
                return path
            log.removeHandler(h)
            h.close()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(path, maxBytes=LOG_BYTES, backupCount=LOG_BACKUPS,
                                                       encoding="utf-8", delay=True)
    except OSError:
        return path  # a read-only profile: the dialog still shows, the log is only missing
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(threadName)s %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    return path


class CrashReporter(QObject):
    """Shows one dialog per unexpected error, on the GUI thread."""

    report = Signal(str, str)  # summary, traceback text

    def __init__(self, log_path: Path, parent=None):
        super().__init__(parent)
        self.log_path = log_path
        self.shown: list[str] = []  # summaries shown (tests read this)
        self.dialogs_enabled = True
        self.report.connect(self._show)

    def handle(self, exc_type, exc, tb, thread_name: str = "") -> None:
        text = "".join(traceback.format_exception(exc_type, exc, tb))
        log.error("unexpected error%s\n%s", f" in thread {thread_name}" if thread_name else "", text)
        for h in log.handlers:
            h.flush()
        summary = f"{exc.zh}\n{exc.en}" if isinstance(exc, TaizhangError) else f"{exc_type.__name__}: {exc}"
        self.report.emit(summary, text)  # queued to the GUI thread when raised elsewhere

    @Slot(str, str)
    def _show(self, summary: str, details: str) -> None:
        self.shown.append(summary)
        if not self.dialogs_enabled:
            return
        box = QMessageBox(QMessageBox.Icon.Critical, self.tr("台账 — 出现意外错误"),
                          self.tr("程序出现了意外错误，刚才的操作可能没有完成。"))
        box.setInformativeText(self.tr(
            "已保存的数据不会丢失。请先关闭本窗口，再重试刚才的操作；如果仍然出错，请重新启动程序。\n"
            "若要求助，请把日志文件发给技术支持：\n{path}").format(path=str(self.log_path)))
        box.setDetailedText(f"{summary}\n\n{details}")
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.open()  # not exec(): never a nested event loop inside an excepthook
        self._box = box


def install(app: QApplication, folder: Path) -> CrashReporter:
    """Log to ``folder`` and route every uncaught exception (any thread) to the reporter."""
    path = setup_logging(folder)
    reporter = CrashReporter(path, app)

    def on_main(exc_type, exc, tb):
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        reporter.handle(exc_type, exc, tb)

    def on_thread(args: threading.ExceptHookArgs):
        if args.exc_type is SystemExit:
            return
        reporter.handle(args.exc_type, args.exc_value, args.exc_traceback,
                        args.thread.name if args.thread else "")

    sys.excepthook = on_main
    threading.excepthook = on_thread
    app._taizhang_crash_reporter = reporter  # kept alive with the app
    log.info("started")
    return reporter
