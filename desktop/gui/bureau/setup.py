"""Create the county install: name, where the database lives, an optional passphrase; then show the
new key's fingerprint (to send to schools) before the bureau window opens."""

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
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core import services
from desktop.core.errors import TaizhangError
from desktop.gui.bureau.chooser import Chooser
from desktop.gui.bureau.fingerprint import FingerprintPanel
from desktop.gui.bureau.messages import notice_file_name
from desktop.gui.common import locations
from desktop.gui.common.errors import message
from desktop.gui.common.icons import icon


class CountySetupDialog(QDialog):
    """Page 1 asks; "创建" calls ``services.setup.county_init``; page 2 shows the fingerprint."""

    def __init__(self, parent=None, *, chooser: Chooser | None = None):
        super().__init__(parent)
        self.setObjectName("countySetup")
        self.setWindowTitle(self.tr("创建县区台账"))
        self.setWindowIcon(icon("bureau"))
        self.chooser = chooser or Chooser(self)
        self.db_path: str | None = None
        lay = QVBoxLayout(self)
        self.pages = QStackedWidget()
        lay.addWidget(self.pages)
        self.pages.addWidget(self._form_page())
        self.done_page = QWidget()
        self.pages.addWidget(self.done_page)
        self.buttons = QDialogButtonBox()
        self.create_button = self.buttons.addButton(self.tr("创建"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.create_button.setObjectName("createCounty")
        self.cancel_button = self.buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        self.finish_button = self.buttons.addButton(self.tr("完成，进入教育局台账"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.finish_button.setObjectName("finishSetup")
        self.finish_button.hide()
        self.create_button.clicked.connect(self.create)
        self.cancel_button.clicked.connect(self.reject)
        self.finish_button.clicked.connect(self.accept)
        lay.addWidget(self.buttons)
        self.resize(640, 420)

    def _form_page(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        intro = QLabel(self.tr("本机将作为县教育局的台账：导入工作要点、发布任务清单、汇总各校报送。"
                               "程序会为本局生成一把签名密钥，学校凭它的指纹确认任务清单确实来自本局。"))
        intro.setWordWrap(True)
        lay.addWidget(intro)
        form = QFormLayout()
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("countyName")
        self.name_edit.setPlaceholderText(self.tr("例如：民乐县"))
        self.name_edit.editingFinished.connect(self._normalise_name)
        form.addRow(self.tr("县区名称："), self.name_edit)
        path_row = QHBoxLayout()
        self.path_edit = QLineEdit(str(locations.default_db_path("county")))
        self.path_edit.setObjectName("dbPath")
        browse = QPushButton(self.tr("浏览…"))
        browse.clicked.connect(self._browse)
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(browse)
        form.addRow(self.tr("数据文件保存在："), path_row)
        self.pass_edit = QLineEdit()
        self.pass_edit.setObjectName("passphrase")
        self.pass_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.pass_edit.setPlaceholderText(self.tr("可不填"))
        form.addRow(self.tr("密钥口令（可选）："), self.pass_edit)
        self.pass_again = QLineEdit()
        self.pass_again.setObjectName("passphraseAgain")
        self.pass_again.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("再输入一次口令："), self.pass_again)
        lay.addLayout(form)
        hint = QLabel(self.tr("设置口令后，每次发布任务清单都要输入口令。口令忘记后无法找回，只能重新创建密钥并通知各学校。"))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #5f6368;")
        lay.addWidget(hint)
        self.error = QLabel()
        self.error.setObjectName("setupError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c5221f;")
        lay.addWidget(self.error)
        lay.addStretch(1)
        return page

    def _browse(self) -> None:
        path = self.chooser.save_file(self.tr("数据文件保存位置"), self.path_edit.text(), self.tr("台账数据文件 (*.db)"))
        if path:
            self.path_edit.setText(path)

    def _normalise_name(self) -> None:
        """"民乐县教育局" becomes "民乐县" as the user leaves the field (the app adds 教育局 itself)."""
        name = services.setup.county_name(self.name_edit.text())
        if name and name != self.name_edit.text():
            self.name_edit.setText(name)

    def create(self) -> bool:
        self._normalise_name()
        name = self.name_edit.text().strip()
        path = Path(self.path_edit.text().strip())
        if not name:
            self.error.setText(self.tr("请填写县区名称"))
            return False
        if not path.name or not path.parent.is_dir():
            self.error.setText(self.tr("保存数据文件的文件夹不存在：{path}").format(path=path.parent))
            return False
        if path.exists() and path.stat().st_size > 0:
            self.error.setText(self.tr("这个位置已经有一个数据文件，请换一个文件名（或在开始页“打开已有的数据文件”）"))
            return False
        if self.pass_edit.text() != self.pass_again.text():
            self.error.setText(self.tr("两次输入的口令不一致"))
            return False
        try:
            services.setup.county_init(path, name, passphrase=self.pass_edit.text() or None)
        except TaizhangError as exc:
            self.error.setText(message(exc))
            return False
        self.db_path = str(path)
        self._show_done(name)
        return True

    def _show_done(self, name: str) -> None:
        with services.workspaces.own_connection(self.db_path) as db:
            info = services.setup.county_info(db)
        lay = QVBoxLayout(self.done_page)
        title = QLabel(self.tr("{county}的台账已创建").format(county=name))
        title.setStyleSheet("font-size: 18px; font-weight: bold;")
        lay.addWidget(title)
        text = QLabel(self.tr("这是本局签名密钥的指纹。请把它随任务清单一起通知各学校（或打印在通知上）："
                              "学校第一次打开任务清单时，会核对程序显示的指纹与通知上的是否一致。"))
        text.setWordWrap(True)
        lay.addWidget(text)
        self.fingerprint = FingerprintPanel(info["fingerprint_groups"], self._write_notice, self.chooser,
                                            suggested_name=str(Path(self.db_path).parent / notice_file_name()))
        lay.addWidget(self.fingerprint)
        later = QLabel(self.tr("以后也可以在教育局台账的“首页”查看和保存指纹。"))
        later.setStyleSheet("color: #5f6368;")
        lay.addWidget(later)
        lay.addStretch(1)
        self.pages.setCurrentWidget(self.done_page)
        self.create_button.hide()
        self.cancel_button.hide()
        self.finish_button.show()
        self.finish_button.setDefault(True)
        self.finish_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _write_notice(self, path: str) -> None:
        with services.workspaces.own_connection(self.db_path) as db:
            services.setup.write_fingerprint_notice(db, path)

    def reject(self) -> None:
        if self.db_path:  # already created: leaving is finishing
            self.accept()
        else:
            super().reject()


def create_county(parent, *, chooser: Chooser | None = None) -> str | None:
    """Ask, create the county database, show the fingerprint; the database path, or None if cancelled."""
    dialog = CountySetupDialog(parent, chooser=chooser)
    try:
        dialog.exec()
        return dialog.db_path
    finally:
        dialog.deleteLater()
