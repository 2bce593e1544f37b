"""Create the county install: name, where the database lives, an optional passphrase; then show the
new key's fingerprint (to send to schools) before the bureau window opens."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
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


class SetupDialog(QDialog):
    """What creating a county and a city install share: where the database lives (with 浏览…), the red error
    line, 创建 / 取消 and, once created, 完成; leaving after creation is finishing. A subclass lays out its
    own fields, checks them in ``create`` with ``target_error`` and calls ``created`` when the database exists."""

    def __init__(self, parent, chooser: Chooser | None, *, name: str, role: str):
        super().__init__(parent)
        self.setWindowIcon(icon("bureau"))
        self.chooser = chooser or Chooser(self)
        self.db_path: str | None = None
        self.path_edit = QLineEdit(str(locations.default_db_path(role)))
        self.path_edit.setObjectName("dbPath")
        self.error = QLabel()
        self.error.setObjectName("setupError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c5221f;")
        self.buttons = QDialogButtonBox()
        self.create_button = self.buttons.addButton(QCoreApplication.translate("SetupDialog", "创建"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.create_button.setObjectName(f"create{name}")
        self.cancel_button = self.buttons.addButton(QCoreApplication.translate("SetupDialog", "取消"),
                                                    QDialogButtonBox.ButtonRole.RejectRole)
        self.finish_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)  # the subclass names it
        self.finish_button.setObjectName("finishSetup")
        self.finish_button.hide()
        self.create_button.clicked.connect(self.create)
        self.cancel_button.clicked.connect(self.reject)
        self.finish_button.clicked.connect(self.accept)

    def path_row(self) -> QHBoxLayout:
        """The database path with its 浏览… button, for the subclass's form."""
        row = QHBoxLayout()
        browse = QPushButton(QCoreApplication.translate("SetupDialog", "浏览…"))
        browse.clicked.connect(self._browse)
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        return row

    def _browse(self) -> None:
        path = self.chooser.save_file(QCoreApplication.translate("SetupDialog", "数据文件保存位置"), self.path_edit.text(),
                                      QCoreApplication.translate("SetupDialog", "台账数据文件 (*.db)"))
        if path:
            self.path_edit.setText(path)

    def target(self) -> Path:
        return Path(self.path_edit.text().strip())

    def target_error(self) -> str | None:
        """Why the database cannot be created where the path says (its folder missing, a database there)."""
        path = self.target()
        if not path.name or not path.parent.is_dir():
            return QCoreApplication.translate("SetupDialog", "保存数据文件的文件夹不存在：{path}").format(path=path.parent)
        if path.exists() and path.stat().st_size > 0:
            return QCoreApplication.translate(
                "SetupDialog", "这个位置已经有一个数据文件，请换一个文件名（或在开始页“打开已有的数据文件”）")
        return None

    def create(self) -> bool:
        raise NotImplementedError

    def created(self, path: Path) -> None:
        """The database exists: only 完成 is left."""
        self.db_path = str(path)
        self.error.clear()
        self.create_button.hide()
        self.cancel_button.hide()
        self.finish_button.show()
        self.finish_button.setDefault(True)
        self.finish_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def reject(self) -> None:
        if self.db_path:  # already created: leaving is finishing
            self.accept()
        else:
            super().reject()


def run_setup(dialog: SetupDialog) -> str | None:
    """Show a setup dialog; the database path it created, or None if cancelled."""
    try:
        dialog.exec()
        return dialog.db_path
    finally:
        dialog.deleteLater()


class CountySetupDialog(SetupDialog):
    """Page 1 asks; "创建" calls ``services.setup.county_init``; page 2 shows the fingerprint."""

    def __init__(self, parent=None, *, chooser: Chooser | None = None):
        super().__init__(parent, chooser, name="County", role="county")
        self.setObjectName("countySetup")
        self.finish_button.setText(self.tr("完成，进入教育局台账"))
        self.setWindowTitle(self.tr("创建县区台账"))
        lay = QVBoxLayout(self)
        self.pages = QStackedWidget()
        lay.addWidget(self.pages)
        self.pages.addWidget(self._form_page())
        self.done_page = QWidget()
        self.pages.addWidget(self.done_page)
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
        form.addRow(self.tr("数据文件保存在："), self.path_row())
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
        lay.addWidget(self.error)
        lay.addStretch(1)
        return page

    def _normalise_name(self) -> None:
        """"民乐县教育局" becomes "民乐县" as the user leaves the field (the app adds 教育局 itself)."""
        name = services.setup.county_name(self.name_edit.text())
        if name and name != self.name_edit.text():
            self.name_edit.setText(name)

    def create(self) -> bool:
        self._normalise_name()
        name, path = self.name_edit.text().strip(), self.target()
        if not name:
            self.error.setText(self.tr("请填写县区名称"))
            return False
        if (problem := self.target_error()) is not None:
            self.error.setText(problem)
            return False
        if self.pass_edit.text() != self.pass_again.text():
            self.error.setText(self.tr("两次输入的口令不一致"))
            return False
        try:
            services.setup.county_init(path, name, passphrase=self.pass_edit.text() or None)
        except TaizhangError as exc:
            self.error.setText(message(exc))
            return False
        self.created(path)
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

    def _write_notice(self, path: str) -> None:
        with services.workspaces.own_connection(self.db_path) as db:
            services.setup.write_fingerprint_notice(db, path)

def create_county(parent, *, chooser: Chooser | None = None) -> str | None:
    """Ask, create the county database, show the fingerprint; the database path, or None if cancelled."""
    return run_setup(CountySetupDialog(parent, chooser=chooser))
