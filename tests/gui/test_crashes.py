"""The GUI never fails silently: uncaught errors (GUI thread or any other) are logged to a rotating file in
the app data folder and shown in a dialog that says what to do and where the log is (DESIGN §11)."""

from __future__ import annotations

import logging.handlers
import sys
import threading

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.core.errors import TaizhangError
from desktop.gui.common import crashes


@pytest.fixture
def reporter(qapp, tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    rep = crashes.install(qapp, tmp_path)
    yield rep
    for h in list(crashes.log.handlers):
        crashes.log.removeHandler(h)
        h.close()
    for w in QApplication.topLevelWidgets():
        if isinstance(w, QMessageBox):
            w.close()


def test_an_error_on_the_gui_thread_is_logged_and_shown(reporter, tmp_path, qtbot):
    try:
        raise UnicodeDecodeError("utf-8", b"\xb5", 0, 1, "invalid start byte")
    except UnicodeDecodeError:
        sys.excepthook(*sys.exc_info())
    qtbot.waitUntil(lambda: bool(reporter.shown))
    assert "UnicodeDecodeError" in reporter.shown[0]
    log = (tmp_path / crashes.LOG_NAME).read_text(encoding="utf-8")
    assert "Traceback" in log and "UnicodeDecodeError" in log
    [box] = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    assert "意外错误" in box.text() and str(tmp_path / crashes.LOG_NAME) in box.informativeText()
    assert "重试" in box.informativeText()


def test_an_error_in_a_worker_thread_reaches_the_gui_thread(reporter, tmp_path, qtbot):
    def work():
        raise TaizhangError("文件被占用", "file in use")

    t = threading.Thread(target=work, name="export-worker")
    t.start()
    t.join()
    qtbot.waitUntil(lambda: bool(reporter.shown))
    assert reporter.shown[0] == "文件被占用\nfile in use"
    assert "export-worker" in (tmp_path / crashes.LOG_NAME).read_text(encoding="utf-8")


def test_the_log_rotates(reporter, tmp_path):
    [handler] = [h for h in crashes.log.handlers if isinstance(h, logging.handlers.RotatingFileHandler)]
    assert handler.maxBytes == crashes.LOG_BYTES and handler.backupCount == crashes.LOG_BACKUPS
    reporter.dialogs_enabled = False
