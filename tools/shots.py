"""What the screenshot tools share: a chooser that answers without dialogs, waiting for the event loop, and a
private settings folder so a run never reads or writes the real user's settings."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEventLoop, QSettings, QStandardPaths, QTimer


class ScriptedChooser:
    """Answers the window's questions without dialogs: ``saves`` are the paths handed out to save dialogs, in
    order; every confirmation is yes."""

    def __init__(self, saves=()):
        self.saves: list = list(saves)

    def open_file(self, *a):
        return None

    def open_files(self, *a):
        return []

    def open_folder(self, *a):
        return None

    def save_file(self, *a):
        return self.saves.pop(0) if self.saves else None

    def passphrase(self, *a):
        return None

    def confirm(self, *a):
        return True


def settle(ms: int = 200) -> None:
    """Let the event loop run for ``ms`` (layouts, repaints, queued signals)."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wait_for(signal, timeout_ms: int = 120000) -> None:
    """Run the event loop until ``signal`` fires (or the timeout passes)."""
    loop = QEventLoop()
    signal.connect(lambda *a: loop.quit())
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()


def private_settings(work: Path) -> None:
    """Qt's test-mode locations and an ini settings file under ``work``: call before the application is made."""
    QStandardPaths.setTestModeEnabled(True)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(work / "settings"))
