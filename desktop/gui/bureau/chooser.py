"""The questions the bureau window asks the user (files to open, where to save, a passphrase, yes/no).

They are collected in one object so tests can answer them without a modal dialog: a window takes
a ``Chooser`` and tests pass their own.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMessageBox, QWidget


class Chooser:
    def __init__(self, parent: QWidget | None = None):
        self.parent = parent

    def open_file(self, title: str, folder: str, filters: str) -> str | None:
        path, _ = QFileDialog.getOpenFileName(self.parent, title, folder, filters)
        return path or None

    def open_files(self, title: str, folder: str, filters: str) -> list[str]:
        paths, _ = QFileDialog.getOpenFileNames(self.parent, title, folder, filters)
        return paths

    def open_folder(self, title: str, folder: str) -> str | None:
        return QFileDialog.getExistingDirectory(self.parent, title, folder) or None

    def save_file(self, title: str, suggested: str, filters: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(self.parent, title, suggested, filters)
        return path or None

    def passphrase(self, title: str, label: str) -> str | None:
        text, ok = QInputDialog.getText(self.parent, title, label, QLineEdit.EchoMode.Password)
        return text if ok else None

    def confirm(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(self.parent, title, text,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes
