"""Start the GUI: one QApplication, the main window, and the smoke-test timer used by CI."""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow


class MainWindow(QMainWindow):
    def __init__(self, db_path: str | None = None):
        super().__init__()
        self.setWindowTitle(self.tr("台账 Taizhang"))
        label = QLabel(self.tr("台账：县教育局工作要点台账。请先打开教育局下发的任务清单。"))
        label.setWordWrap(True)
        label.setMargin(24)
        self.setCentralWidget(label)
        self.resize(960, 640)


def run(db: str | None = None, smoke: float | None = None) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Taizhang")
    window = MainWindow(db)
    window.show()
    if smoke:
        QTimer.singleShot(int(smoke * 1000), app.quit)
    return app.exec()
