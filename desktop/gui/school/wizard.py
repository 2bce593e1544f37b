"""First run on a school PC: open the plan workbook → compare the county fingerprint → pick the
school → optional passphrase and where to keep the data → the school database is created."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from desktop.core import services
from desktop.core.errors import TaizhangError
from desktop.gui.common import locations
from desktop.gui.common.errors import message
from desktop.gui.common.icons import icon
from desktop.gui.school.rostermodel import RosterFilter, RosterModel

PAGE_OPEN, PAGE_FINGERPRINT, PAGE_SCHOOL, PAGE_KEY = range(4)
_ERROR_STYLE = "color: #c5221f;"


def _error_label() -> QLabel:
    label = QLabel()
    label.setObjectName("error")
    label.setWordWrap(True)
    label.setStyleSheet(_ERROR_STYLE)
    label.hide()
    return label


class OpenPlanPage(QWizardPage):
    def __init__(self, wizard: SchoolSetupWizard):
        super().__init__()
        self.w = wizard
        self.setTitle(self.tr("打开教育局下发的任务清单"))
        self.setSubTitle(self.tr("教育局会通过 U 盘、邮件或工作群发来一个 Excel 文件（任务清单）。请选择这个文件。"))
        lay = QVBoxLayout(self)
        row = QHBoxLayout()
        self.path = QLineEdit()
        self.path.setObjectName("planPath")
        self.path.setPlaceholderText(self.tr("任务清单文件（.xlsx）"))
        self.path.textChanged.connect(self.completeChanged)
        browse = QPushButton(icon("open"), self.tr("选择文件…"))
        browse.setObjectName("browsePlan")
        browse.clicked.connect(self._browse)
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        lay.addLayout(row)
        note = QLabel(self.tr("程序会核对文件的数字签名：文件在发出后被改动过（例如用 Excel/WPS 打开后保存）将无法打开，"
                              "请向教育局重新索取。"))
        note.setWordWrap(True)
        note.setStyleSheet("color: #5f6368;")
        lay.addWidget(note)
        self.error = _error_label()
        lay.addWidget(self.error)
        lay.addStretch(1)

    def _browse(self) -> None:
        path = self.w.plan_chooser(self)
        if path:
            self.path.setText(path)

    def isComplete(self) -> bool:
        return bool(self.path.text().strip())

    def validatePage(self) -> bool:
        try:
            self.w.preview = services.setup.preview_plan(self.path.text().strip())
        except (TaizhangError, OSError) as exc:
            self.error.setText(self.tr("无法打开这个任务清单：{reason}").format(reason=message(exc)))
            self.error.show()
            return False
        except Exception:  # a damaged file the verifier did not classify (zlib, zip errors)
            self.error.setText(self.tr("无法打开这个任务清单：文件已损坏，请向教育局重新索取。"))
            self.error.show()
            return False
        self.error.hide()
        return True


class FingerprintPage(QWizardPage):
    def __init__(self, wizard: SchoolSetupWizard):
        super().__init__()
        self.w = wizard
        self.setTitle(self.tr("核对教育局的公钥指纹"))
        self.setSubTitle(self.tr("签名有效。请把下面的指纹与教育局通知（文件或工作群消息）中的指纹逐组比对，全部一致再继续。"))
        lay = QVBoxLayout(self)
        self.about = QLabel()
        self.about.setObjectName("planAbout")
        self.about.setWordWrap(True)
        lay.addWidget(self.about)
        self.groups = QGridLayout()
        self.groups.setHorizontalSpacing(18)
        self.groups.setVerticalSpacing(6)
        box = QWidget()
        box.setObjectName("fingerprintBox")
        box.setStyleSheet("#fingerprintBox { background: #f1f3f4; border: 1px solid #dadce0; border-radius: 8px; }")
        box.setLayout(self.groups)
        self.group_labels: list[QLabel] = []
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(max(15.0, font.pointSizeF() * 1.6))
        font.setBold(True)
        for i in range(16):
            label = QLabel()
            label.setFont(font)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            num = QLabel(str(i + 1))
            num.setStyleSheet("color: #80868b; font-size: 10px;")
            num.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.groups.addWidget(num, (i // 4) * 2, i % 4)
            self.groups.addWidget(label, (i // 4) * 2 + 1, i % 4)
            self.group_labels.append(label)
        self.groups.setContentsMargins(20, 12, 20, 12)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(box)
        row.addStretch(1)
        lay.addLayout(row)
        self.confirm = QCheckBox(self.tr("我已逐组核对，指纹与教育局通知中的完全一致"))
        self.confirm.setObjectName("confirmFingerprint")
        self.registerField("fingerprintConfirmed*", self.confirm)
        lay.addWidget(self.confirm)
        warn = QLabel(self.tr("如果有任何一组不一致，请不要继续，立即与教育局联系：文件可能不是教育局发出的。"))
        warn.setWordWrap(True)
        warn.setStyleSheet("color: #8a5a00;")
        lay.addWidget(warn)
        lay.addStretch(1)

    def initializePage(self) -> None:
        p = self.w.preview
        self.about.setText(self.tr("发布单位：{county}\n任务清单：{title}（第 {version} 版，{tasks} 项任务，{schools} 所学校）").format(
            county=p["county"], title=p["title"], version=p["version"], tasks=p["tasks"], schools=len(p["schools"])))
        fp = p["fingerprint"]
        for i, label in enumerate(self.group_labels):
            label.setText(fp[i * 4:(i + 1) * 4])
        self.confirm.setChecked(False)


class SchoolPage(QWizardPage):
    def __init__(self, wizard: SchoolSetupWizard):
        super().__init__()
        self.w = wizard
        self.setTitle(self.tr("选择本校"))
        self.setSubTitle(self.tr("在教育局的学校名单中找到本校。可以输入学校名称或代码的一部分来查找。"))
        lay = QVBoxLayout(self)
        self.search = QLineEdit()
        self.search.setObjectName("schoolSearch")
        self.search.setPlaceholderText(self.tr("输入学校名称或代码查找，例如：第一小学"))
        self.search.setClearButtonEnabled(True)
        lay.addWidget(self.search)
        self.model = RosterModel(self)
        self.proxy = RosterFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setObjectName("schools")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setMinimumSectionSize(90)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for c in (1, 2, 3):
            self.table.horizontalHeader().setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.selectionModel().selectionChanged.connect(self._selected)
        self.table.doubleClicked.connect(lambda _i: self.wizard().next())
        lay.addWidget(self.table, 1)
        self.chosen = QLabel()
        self.chosen.setObjectName("chosenSchool")
        self.chosen.setStyleSheet("font-weight: bold;")
        lay.addWidget(self.chosen)
        enrol_box = QWidget()
        enrol_box.setObjectName("enrolBox")
        enrol_box.setStyleSheet("#enrolBox { background: #e8f0fe; border: 1px solid #aecbfa; border-radius: 6px; }")
        el = QGridLayout(enrol_box)
        el.setColumnStretch(1, 1)
        label = QLabel(self.tr("本校注册码："))
        self.enrol = QLineEdit()
        self.enrol.setObjectName("enrolCode")
        self.enrol.setPlaceholderText(self.tr("教育局通知中本校的 8 位注册码，例如 ACDE-FGHJ（没有可不填）"))
        self.enrol.setMaxLength(20)
        label.setBuddy(self.enrol)
        el.addWidget(label, 0, 0)
        el.addWidget(self.enrol, 0, 1)
        hint = QLabel(self.tr("注册码证明报送文件确实来自本校，教育局收到后立即确认本校密钥。不填也能报送，但首次报送会标为“未确认”，"
                              "需另行确认。请确认上面选中的学校正是本校：注册码只对本校有效。"))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #3c4043;")
        el.addWidget(hint, 1, 0, 1, 2)
        self.enrol_error = _error_label()
        el.addWidget(self.enrol_error, 2, 0, 1, 2)
        lay.addWidget(enrol_box)
        self.search.textChanged.connect(self._search)
        self.search.returnPressed.connect(self._first_match)

    def initializePage(self) -> None:
        self.model.set_schools(self.w.preview["schools"])
        self.w.school = None
        self.chosen.clear()

    def _search(self, text: str) -> None:
        self.proxy.set_search(text)
        if self.proxy.rowCount() == 1:
            self._first_match()

    def _first_match(self) -> None:
        if self.proxy.rowCount():
            self.table.selectionModel().select(
                self.proxy.index(0, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)

    def select_code(self, code: str) -> bool:
        for r in range(self.proxy.rowCount()):
            idx = self.proxy.index(r, 0)
            if self.model.school(self.proxy.mapToSource(idx).row())["code"] == code:
                self.table.selectionModel().select(idx, QItemSelectionModel.SelectionFlag.ClearAndSelect
                                                   | QItemSelectionModel.SelectionFlag.Rows)
                self.table.scrollTo(idx)
                return True
        return False

    def _selected(self, *_args) -> None:
        rows = self.table.selectionModel().selectedRows()
        self.w.school = self.model.school(self.proxy.mapToSource(rows[0]).row()) if rows else None
        s = self.w.school
        self.chosen.setText(self.tr("已选择：{name}（{code}，{type}）").format(**s) if s else "")
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.w.school is not None

    def validatePage(self) -> bool:
        try:
            self.w.enrol = services.setup.check_enrolment_code(self.enrol.text())
        except TaizhangError as exc:
            self.enrol_error.setText(message(exc))
            self.enrol_error.show()
            return False
        self.enrol_error.hide()
        return True


class KeyPage(QWizardPage):
    def __init__(self, wizard: SchoolSetupWizard):
        super().__init__()
        self.w = wizard
        self.setTitle(self.tr("创建本校密钥并保存数据"))
        self.setSubTitle(self.tr("程序会为本校生成一把签名密钥，导出的报送文件都用它签名。"))
        self.setFinalPage(True)
        lay = QVBoxLayout(self)
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        self.pass1 = QLineEdit()
        self.pass1.setObjectName("passphrase")
        self.pass1.setEchoMode(QLineEdit.EchoMode.Password)
        self.pass1.setPlaceholderText(self.tr("可不填"))
        self.pass2 = QLineEdit()
        self.pass2.setObjectName("passphrase2")
        self.pass2.setEchoMode(QLineEdit.EchoMode.Password)
        c1 = QLabel(self.tr("密钥口令（可选）："))
        c1.setBuddy(self.pass1)
        c2 = QLabel(self.tr("再输入一次："))
        c2.setBuddy(self.pass2)
        grid.addWidget(c1, 0, 0)
        grid.addWidget(self.pass1, 0, 1, 1, 2)
        grid.addWidget(c2, 1, 0)
        grid.addWidget(self.pass2, 1, 1, 1, 2)
        note = QLabel(self.tr("设置口令后，每次导出报送文件都要输入它。口令忘记后无法找回，只能重新初始化（需教育局重新登记本校密钥）。"
                              "多人共用的电脑建议设置。"))
        note.setWordWrap(True)
        note.setStyleSheet("color: #5f6368;")
        grid.addWidget(note, 2, 1, 1, 2)
        c3 = QLabel(self.tr("数据文件："))
        self.db_path = QLineEdit()
        self.db_path.setObjectName("dbPath")
        c3.setBuddy(self.db_path)
        change = QPushButton(self.tr("更改…"))
        change.clicked.connect(self._change)
        grid.addWidget(c3, 3, 0)
        grid.addWidget(self.db_path, 3, 1)
        grid.addWidget(change, 3, 2)
        note2 = QLabel(self.tr("全部填报内容和佐证材料都保存在这一个文件里。备份请用“文件 → 备份数据文件”，或关闭程序后再复制它。"))
        note2.setWordWrap(True)
        note2.setStyleSheet("color: #5f6368;")
        grid.addWidget(note2, 4, 1, 1, 2)
        lay.addLayout(grid)
        self.error = _error_label()
        lay.addWidget(self.error)
        lay.addStretch(1)
        self.db_path.textChanged.connect(self.completeChanged)

    def initializePage(self) -> None:
        if not self.db_path.text():
            default = locations.default_db_path("school")
            n = 2
            while default.exists():
                default = default.with_name(f"school-{n}.db")
                n += 1
            self.db_path.setText(str(default))

    def _change(self) -> None:
        path = self.w.db_chooser(self, self.db_path.text())
        if path:
            self.db_path.setText(path)

    def isComplete(self) -> bool:
        return bool(self.db_path.text().strip())

    def validatePage(self) -> bool:
        if self.pass1.text() != self.pass2.text():
            self.error.setText(self.tr("两次输入的口令不一致。"))
            self.error.show()
            return False
        path = Path(self.db_path.text().strip())
        if path.exists() and path.stat().st_size > 0:
            self.error.setText(self.tr("这个位置已经有一个数据文件，请换一个文件名。"))
            self.error.show()
            return False
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            # the bytes verified and shown on the fingerprint page, and the fingerprint the person compared
            services.setup.school_init(self.w.preview["data"], self.w.school["code"], path,
                                       county_fingerprint=self.w.preview["fingerprint"], enrol=self.w.enrol,
                                       passphrase=self.pass1.text() or None)
        except (TaizhangError, OSError) as exc:
            self.error.setText(self.tr("未能创建数据文件：{reason}").format(reason=message(exc)))
            self.error.show()
            return False
        self.error.hide()
        self.w.db_path = str(path)
        return True


class SchoolSetupWizard(QWizard):
    """After ``accepted``, ``db_path`` is the new school database.

    ``plan_chooser(parent) -> path`` and ``db_chooser(parent, suggested) -> path`` can be replaced
    (tests do, so no file dialog blocks them).
    """

    def __init__(self, parent=None, *, plan_chooser: Callable[[QWidget], str | None] | None = None,
                 db_chooser: Callable[[QWidget, str], str | None] | None = None):
        super().__init__(parent)
        self.preview: dict | None = None
        self.school: dict | None = None
        self.enrol: str | None = None
        self.db_path: str | None = None
        self.plan_chooser = plan_chooser or self._choose_plan
        self.db_chooser = db_chooser or self._choose_db
        self.setObjectName("schoolWizard")
        self.setWindowTitle(self.tr("台账 · 学校端初次设置"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, False)
        self.setMinimumSize(720, 540)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("下一步 >"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< 上一步"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("完成"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("取消"))
        self.open_page = OpenPlanPage(self)
        self.fingerprint_page = FingerprintPage(self)
        self.school_page = SchoolPage(self)
        self.key_page = KeyPage(self)
        for pid, page in ((PAGE_OPEN, self.open_page), (PAGE_FINGERPRINT, self.fingerprint_page),
                          (PAGE_SCHOOL, self.school_page), (PAGE_KEY, self.key_page)):
            self.setPage(pid, page)

    def _choose_plan(self, parent) -> str | None:
        path, _ = QFileDialog.getOpenFileName(parent, self.tr("打开任务清单"), str(Path.home()),
                                              self.tr("任务清单 (*.xlsx)"))
        return path or None

    def _choose_db(self, parent, suggested: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(parent, self.tr("数据文件保存位置"), suggested,
                                              self.tr("台账数据文件 (*.db)"))
        return path or None
