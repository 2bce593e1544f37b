"""The first screen when no database is open: "I am a school", "I am the bureau" or "I am the city"."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCommandLinkButton,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop import __version__
from desktop.gui.common import i18n
from desktop.gui.common.icons import icon


class StartScreen(QWidget):
    school_chosen = Signal()
    county_chosen = Signal()
    city_chosen = Signal()
    open_chosen = Signal()
    language_changed = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("startScreen")
        self.setWindowTitle(self.tr("台账 Taizhang"))
        self.setWindowIcon(icon("app"))
        lay = QVBoxLayout(self)
        lay.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)  # a fixed minimum, see below
        lay.setContentsMargins(48, 36, 48, 28)
        lay.setSpacing(16)
        title = QLabel(self.tr("台账：县教育局工作要点台账"))
        title.setObjectName("startTitle")
        title.setStyleSheet("font-size: 24px; font-weight: bold; color: #202124;")
        title.setWordWrap(True)
        lay.addWidget(title)
        intro = QLabel(self.tr("教育局把年度工作要点发给学校，学校逐项填写完成情况并上传佐证材料，导出签名文件报送教育局汇总。"
                               "全部在本机完成，不需要联网。"))
        intro.setWordWrap(True)
        intro.setStyleSheet("color: #3c4043; font-size: 14px;")
        lay.addWidget(intro)
        self.school_button = QCommandLinkButton(self.tr("我是学校：打开教育局下发的任务清单"),
                                                self.tr("第一次使用：选择教育局发来的任务清单文件（.xlsx），核对指纹，选择本校。"))
        self.school_button.setObjectName("schoolChoice")
        self.county_button = QCommandLinkButton(self.tr("我是教育局：创建县区台账"),
                                                self.tr("导入工作要点和学校名单，发布任务清单，汇总各校报送的文件。"))
        self.county_button.setObjectName("countyChoice")
        self.city_button = QCommandLinkButton(self.tr("我是市局：汇总各县区"),
                                              self.tr("导入各县区报送的县区汇总包，按县区、学校两级查看和导出汇总。"))
        self.city_button.setObjectName("cityChoice")
        for b, name in ((self.school_button, "school"), (self.county_button, "bureau"), (self.city_button, "bureau")):
            b.setIcon(icon(name))
            b.setIconSize(QSize(40, 40))
            b.setMinimumHeight(88)
            b.setStyleSheet("QCommandLinkButton { font-size: 17px; border: 1px solid #dadce0; border-radius: 8px;"
                            " padding: 10px; } QCommandLinkButton:hover { border-color: #1f6fd1; }")
            lay.addWidget(b)
        self.school_button.clicked.connect(self.school_chosen)
        self.county_button.clicked.connect(self.county_chosen)
        self.city_button.clicked.connect(self.city_chosen)
        self.status = QLabel()
        self.status.setObjectName("startStatus")
        self.status.setWordWrap(True)
        self.status.setStyleSheet("color: #c5221f;")
        self.status.hide()
        lay.addWidget(self.status)
        lay.addStretch(1)
        bottom = QHBoxLayout()
        self.open_button = QPushButton(self.tr("打开已有的数据文件…"))
        self.open_button.setObjectName("openExisting")
        self.open_button.setFlat(True)
        self.open_button.setStyleSheet("color: #1f6fd1; text-decoration: underline;")
        self.open_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.open_button.clicked.connect(self.open_chosen)
        bottom.addWidget(self.open_button)
        bottom.addStretch(1)
        lang = QLabel(self.tr("语言 Language："))
        self.language = QComboBox()
        self.language.setObjectName("language")
        for code, name in i18n.LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(self.language.findData(i18n.saved_language()))
        self.language.currentIndexChanged.connect(lambda _i: self.language_changed.emit(self.language.currentData()))
        lang.setBuddy(self.language)
        bottom.addWidget(lang)
        bottom.addWidget(self.language)
        version = QLabel(f"v{__version__}")
        version.setStyleSheet("color: #80868b;")
        bottom.addWidget(version)
        lay.addLayout(bottom)
        self.setMinimumSize(640, 480)
        self.resize(760, 520)

    def show_problem(self, text: str) -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))
