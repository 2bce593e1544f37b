"""Create the city install (市局): its name and where the database lives; then show the city key's fingerprint."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from desktop.core import services
from desktop.core.errors import TaizhangError
from desktop.gui.bureau.chooser import Chooser
from desktop.gui.common import locations
from desktop.gui.common.errors import message
from desktop.gui.common.icons import icon


class CitySetupDialog(QDialog):
    """"创建" calls ``services.rollup.city_init``; then the dialog shows the key fingerprint and "完成"."""

    def __init__(self, parent=None, *, chooser: Chooser | None = None):
        super().__init__(parent)
        self.setObjectName("citySetup")
        self.setWindowTitle(self.tr("创建市局汇总台账"))
        self.setWindowIcon(icon("bureau"))
        self.chooser = chooser or Chooser(self)
        self.db_path: str | None = None
        lay = QVBoxLayout(self)
        intro = QLabel(self.tr("本机将作为市教育局的台账：导入各县区报送的县区汇总包，按县区和学校两级汇总。"
                               "各县区在教育局台账的“汇总”页用“县区汇总包…”导出该文件。"))
        intro.setWordWrap(True)
        lay.addWidget(intro)
        form = QFormLayout()
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("cityName")
        self.name_edit.setPlaceholderText(self.tr("例如：张掖市"))
        form.addRow(self.tr("市名称："), self.name_edit)
        path_row = QHBoxLayout()
        self.path_edit = QLineEdit(str(locations.default_db_path("city")))
        self.path_edit.setObjectName("dbPath")
        browse = QPushButton(self.tr("浏览…"))
        browse.clicked.connect(self._browse)
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(browse)
        form.addRow(self.tr("数据文件保存在："), path_row)
        lay.addLayout(form)
        self.error = QLabel()
        self.error.setObjectName("setupError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c5221f;")
        lay.addWidget(self.error)
        self.done_text = QLabel()
        self.done_text.setObjectName("cityFingerprint")
        self.done_text.setWordWrap(True)
        self.done_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.done_text.hide()
        lay.addWidget(self.done_text)
        lay.addStretch(1)
        self.buttons = QDialogButtonBox()
        self.create_button = self.buttons.addButton(self.tr("创建"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.create_button.setObjectName("createCity")
        self.cancel_button = self.buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        self.finish_button = self.buttons.addButton(self.tr("完成，进入市局台账"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.finish_button.setObjectName("finishSetup")
        self.finish_button.hide()
        self.create_button.clicked.connect(self.create)
        self.cancel_button.clicked.connect(self.reject)
        self.finish_button.clicked.connect(self.accept)
        lay.addWidget(self.buttons)
        self.resize(600, 320)

    def _browse(self) -> None:
        path = self.chooser.save_file(self.tr("数据文件保存位置"), self.path_edit.text(), self.tr("台账数据文件 (*.db)"))
        if path:
            self.path_edit.setText(path)

    def create(self) -> bool:
        name = "".join(self.name_edit.text().split())
        path = Path(self.path_edit.text().strip())
        if not name:
            self.error.setText(self.tr("请填写市名称"))
            return False
        if not path.name or not path.parent.is_dir():
            self.error.setText(self.tr("保存数据文件的文件夹不存在：{path}").format(path=path.parent))
            return False
        if path.exists() and path.stat().st_size > 0:
            self.error.setText(self.tr("这个位置已经有一个数据文件，请换一个文件名（或在开始页“打开已有的数据文件”）"))
            return False
        try:
            ident = services.rollup.city_init(path, name)
        except TaizhangError as exc:
            self.error.setText(message(exc))
            return False
        self.db_path = str(path)
        self.error.clear()
        self.done_text.setText(self.tr("{city}的市局台账已创建。本局公钥指纹：\n{fp}").format(
            city=name, fp=services.setup.format_fingerprint(ident.fingerprint)))
        self.done_text.show()
        self.create_button.hide()
        self.cancel_button.hide()
        self.finish_button.show()
        self.finish_button.setDefault(True)
        return True

    def reject(self) -> None:
        if self.db_path:
            self.accept()
        else:
            super().reject()


def create_city(parent, *, chooser: Chooser | None = None) -> str | None:
    """Ask, create the city database; its path, or None if cancelled."""
    dialog = CitySetupDialog(parent, chooser=chooser)
    try:
        dialog.exec()
        return dialog.db_path
    finally:
        dialog.deleteLater()
