"""Show a user-facing error without blocking (QMessageBox.open, never exec)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.core.errors import TaizhangError
from desktop.gui.common.i18n import pick


def message(exc: BaseException) -> str:
    if isinstance(exc, TaizhangError):
        return pick(exc.zh, exc.en)
    return f"{type(exc).__name__}: {exc}"


def show_error(parent: QWidget | None, exc: BaseException, title: str | None = None) -> QMessageBox:
    box = QMessageBox(QMessageBox.Icon.Warning, title or QCoreApplication.translate("Errors", "出错了"),
                      message(exc), QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("errorBox")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
