"""The county key fingerprint, shown in groups of 4, with "copy" and "save the notice for schools"."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.core.errors import TaizhangError
from desktop.gui.bureau.chooser import Chooser
from desktop.gui.bureau.messages import notice_file_name
from desktop.gui.common.errors import show_error
from desktop.gui.common.icons import icon


def two_lines(groups: str) -> str:
    """'aaaa bbbb … (16 groups)' → two lines of 8 groups, easier to read aloud over the phone."""
    parts = groups.split()
    half = (len(parts) + 1) // 2
    return " ".join(parts[:half]) + "\n" + " ".join(parts[half:])


def fingerprint_label(groups: str, name: str, larger_by: int = 3) -> QLabel:
    """The fingerprint as it is read aloud over the phone: two lines of groups, large, bold, fixed-width, on a
    grey card, selectable."""
    label = QLabel(two_lines(groups))
    label.setObjectName(name)
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setPointSize(max(font.pointSize(), 10) + larger_by)
    font.setBold(True)
    label.setFont(font)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setStyleSheet("background: #f1f3f4; border: 1px solid #dadce0; border-radius: 6px; padding: 10px;"
                        " color: #202124;")
    return label


class FingerprintPanel(QWidget):
    """``save_notice(path)`` writes the notice file; the panel asks where."""

    saved = Signal(str)

    def __init__(self, groups: str, save_notice: Callable[[str], object], chooser: Chooser, *,
                 suggested_name: str | None = None, parent=None):
        super().__init__(parent)
        self.setObjectName("fingerprintPanel")
        self._save_notice, self._chooser, self._suggested = save_notice, chooser, suggested_name or notice_file_name()
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.label = fingerprint_label(groups, "fingerprint")
        self.label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        lay.addWidget(self.label)
        self.groups = groups
        row = QHBoxLayout()
        self.copy_button = QPushButton(self.tr("复制指纹"))
        self.copy_button.setObjectName("copyFingerprint")
        self.copy_button.clicked.connect(self.copy)
        self.save_button = QPushButton(icon("export"), self.tr("保存给学校的指纹通知…"))
        self.save_button.setObjectName("saveNotice")
        self.save_button.setToolTip(self.tr("保存为文本文件，随任务清单一起发给各学校，供学校核对"))
        self.save_button.clicked.connect(self.save)
        row.addWidget(self.copy_button)
        row.addWidget(self.save_button)
        row.addStretch(1)
        lay.addLayout(row)
        self.status = QLabel()
        self.status.setObjectName("noticeStatus")
        self.status.setWordWrap(True)
        self.status.setStyleSheet("color: #1e7e34;")
        lay.addWidget(self.status)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.groups)
        self.status.setText(self.tr("指纹已复制"))

    def save(self) -> str | None:
        path = self._chooser.save_file(self.tr("保存指纹通知"), self._suggested, self.tr("文本文件 (*.txt)"))
        if not path:
            return None
        try:
            self._save_notice(path)
        except TaizhangError as exc:
            show_error(self, exc)
            return None
        self.status.setText(self.tr("已保存：{path}").format(path=path))
        self.saved.emit(path)
        return path
