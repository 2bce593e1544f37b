"""Create the city install (市局): its name and where the database lives; then show the city key's fingerprint.
The path, the buttons and the checks are the county's setup dialog's (``bureau.setup.SetupDialog``)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QVBoxLayout

from desktop.core import services
from desktop.core.errors import TaizhangError
from desktop.gui.bureau.chooser import Chooser
from desktop.gui.bureau.setup import SetupDialog, run_setup
from desktop.gui.common.errors import message


class CitySetupDialog(SetupDialog):
    """"创建" calls ``services.rollup.city_init``; then the dialog shows the key fingerprint and "完成"."""

    def __init__(self, parent=None, *, chooser: Chooser | None = None):
        super().__init__(parent, chooser, name="City", role="city")
        self.setObjectName("citySetup")
        self.setWindowTitle(self.tr("创建市局汇总台账"))
        self.finish_button.setText(self.tr("完成，进入市局台账"))
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
        form.addRow(self.tr("数据文件保存在："), self.path_row())
        lay.addLayout(form)
        lay.addWidget(self.error)
        self.done_text = QLabel()
        self.done_text.setObjectName("cityFingerprint")
        self.done_text.setWordWrap(True)
        self.done_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.done_text.hide()
        lay.addWidget(self.done_text)
        lay.addStretch(1)
        lay.addWidget(self.buttons)
        self.resize(600, 320)

    def create(self) -> bool:
        name, path = "".join(self.name_edit.text().split()), self.target()
        if not name:
            self.error.setText(self.tr("请填写市名称"))
            return False
        if (problem := self.target_error()) is not None:
            self.error.setText(problem)
            return False
        try:
            ident = services.rollup.city_init(path, name)
        except TaizhangError as exc:
            self.error.setText(message(exc))
            return False
        self.created(path)
        self.done_text.setText(self.tr("{city}的市局台账已创建。本局公钥指纹：\n{fp}").format(
            city=name, fp=services.setup.format_fingerprint(ident.fingerprint)))
        self.done_text.show()
        return True


def create_city(parent, *, chooser: Chooser | None = None) -> str | None:
    """Ask, create the city database; its path, or None if cancelled."""
    return run_setup(CitySetupDialog(parent, chooser=chooser))
