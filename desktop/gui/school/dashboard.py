"""The dashboard: completion %, tasks by status, overdue and missing evidence, what was reported."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.core.words import Status
from desktop.gui.common.icons import icon, status_icon
from desktop.gui.school.messages import status_name

_COLOURS = {Status.NOT_STARTED: "#5f6368", Status.IN_PROGRESS: "#1f6fd1", Status.DONE: "#1e8e3e",
            Status.NOT_APPLICABLE: "#78808a",
            "overdue": "#c5221f", "missing_evidence": "#b06000", "warnings": "#b06000"}


class _Card(QFrame):
    """A big number with a caption; clicking it (or Enter/Space on it) shows those tasks in the list."""

    clicked = Signal()

    def __init__(self, key: str, caption: str, qicon, parent=None):
        super().__init__(parent)
        self.key = key
        self.setObjectName(f"card_{key}")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        # Minimum, not Fixed: the caption wraps at narrow widths and the card must grow with it
        # (a Fixed card keeps one line's height and the second line is drawn over the number)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        self.setStyleSheet(f"QFrame#card_{key} {{ background: #ffffff; border: 1px solid #dadce0; border-radius: 8px; }}"
                           f" QFrame#card_{key}:hover {{ border-color: #1f6fd1; }}"
                           f" QFrame#card_{key}:focus {{ border: 2px solid #1f6fd1; }}")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(14, 10, 14, 10)
        top = QHBoxLayout()
        pic = QLabel()
        pic.setPixmap(qicon.pixmap(18, 18))
        self.caption = QLabel(caption)
        self.caption.setWordWrap(True)
        self.caption.setStyleSheet("color: #3c4043; font-size: 14px;")
        top.addWidget(pic, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.caption, 1)
        lay.addLayout(top)
        self.number = QLabel("0")
        self.number.setObjectName("number")
        self.number.setStyleSheet(f"color: {_COLOURS.get(key, '#202124')}; font-size: 28px; font-weight: bold;")
        lay.addWidget(self.number)
        self.setAccessibleName(caption)

    def set_value(self, value: int) -> None:
        self.number.setText(str(value))
        self.setAccessibleDescription(str(value))

    def mouseReleaseEvent(self, event):
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(event.position().toPoint()):
            self.clicked.emit()
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event):
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.clicked.emit()
        else:
            super().keyPressEvent(event)


class Dashboard(QScrollArea):
    """``show_tasks(kind)`` asks the main window to list the tasks behind a card
    (kind: a status, 'overdue', 'missing_evidence' or 'warnings')."""

    show_tasks = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        body.setObjectName("dashboardBody")
        body.setStyleSheet("#dashboardBody { background: #f8f9fa; }")
        lay = QVBoxLayout(body)
        lay.setContentsMargins(24, 20, 24, 20)
        lay.setSpacing(16)

        self.heading = QLabel()
        self.heading.setObjectName("dashboardHeading")
        self.heading.setWordWrap(True)
        self.heading.setStyleSheet("font-size: 18px; font-weight: bold; color: #202124;")
        lay.addWidget(self.heading)

        top = QFrame()
        top.setStyleSheet("QFrame#percentBox { background: #ffffff; border: 1px solid #dadce0; border-radius: 8px; }")
        top.setObjectName("percentBox")
        tl = QHBoxLayout(top)
        tl.setContentsMargins(20, 14, 20, 14)
        self.percent = QLabel("0%")
        self.percent.setObjectName("percent")
        self.percent.setStyleSheet("font-size: 44px; font-weight: bold; color: #1e8e3e;")
        tl.addWidget(self.percent)
        right = QVBoxLayout()
        self.percent_caption = QLabel()
        self.percent_caption.setWordWrap(True)
        self.percent_caption.setStyleSheet("color: #3c4043; font-size: 14px;")
        self.bar = QProgressBar()
        self.bar.setObjectName("completion")
        self.bar.setRange(0, 100)
        self.bar.setTextVisible(False)
        self.bar.setFixedHeight(14)
        self.bar.setStyleSheet("QProgressBar { background: #e8eaed; border: none; border-radius: 7px; }"
                               " QProgressBar::chunk { background: #1e8e3e; border-radius: 7px; }")
        right.addWidget(self.percent_caption)
        right.addWidget(self.bar)
        tl.addLayout(right, 1)
        lay.addWidget(top)

        caption = QLabel(self.tr("按状态（点击查看这些任务）"))
        caption.setStyleSheet("color: #5f6368;")
        lay.addWidget(caption)
        grid = QGridLayout()
        grid.setSpacing(12)
        self.cards: dict[str, _Card] = {}
        for i, s in enumerate((Status.NOT_STARTED, Status.IN_PROGRESS, Status.DONE, Status.NOT_APPLICABLE)):
            card = _Card(s, status_name(s), status_icon(s))
            grid.addWidget(card, 0, i)
            self.cards[s] = card
        caption2 = QLabel(self.tr("需要留意"))
        caption2.setStyleSheet("color: #5f6368;")
        for i, (key, text, ic) in enumerate((("overdue", self.tr("已超期未完成"), icon("overdue")),
                                             ("missing_evidence", self.tr("已完成但缺佐证材料"), icon("evidence")),
                                             ("warnings", self.tr("有提醒的任务"), icon("warning")),
                                             ("sent_back", self.tr("教育局退回修改"), icon("error")))):
            card = _Card(key, text, ic)
            grid.addWidget(card, 2, i)
            self.cards[key] = card
        grid.addWidget(caption2, 1, 0, 1, 4)
        for c in range(4):
            grid.setColumnStretch(c, 1)
        lay.addLayout(grid)
        for card in self.cards.values():
            card.clicked.connect(lambda k=card.key: self.show_tasks.emit(k))

        self.exports_label = QLabel()
        self.exports_label.setObjectName("exports")
        self.exports_label.setWordWrap(True)
        self.exports_label.setStyleSheet("color: #3c4043;")
        lay.addWidget(self.exports_label)
        lay.addStretch(1)
        self.setWidget(body)

    def set_summary(self, summary: dict, school_name: str = "") -> None:
        self.heading.setText(self.tr("{school} · {period} 完成情况").format(school=school_name, period=summary["period"]))
        self.percent.setText(f"{summary['percent']}%")
        self.bar.setValue(summary["percent"])
        self.percent_caption.setText(self.tr("本校 {tasks} 项任务中，已完成 {done} 项（不适用的 {na} 项不计入）").format(
            tasks=summary["tasks"], done=summary["done"], na=summary["by_status"][Status.NOT_APPLICABLE]))
        for status, n in summary["by_status"].items():
            self.cards[status].set_value(n)
        self.cards["overdue"].set_value(summary["overdue"])
        self.cards["missing_evidence"].set_value(summary["missing_evidence"])
        self.cards["warnings"].set_value(summary["with_warnings"])
        self.cards["sent_back"].set_value(summary.get("sent_back", 0))
        exports = summary.get("exports") or []
        if exports:
            last = exports[-1]
            self.exports_label.setText(self.tr("本周期已导出 {n} 次报送文件，最近一次：第 {rev} 次，{at}（{file}）").format(
                n=len(exports), rev=last["revision"], at=last["created_at"][:16].replace("T", " "),
                file=last["file_name"]))
        else:
            self.exports_label.setText(self.tr("本周期还没有导出过报送文件。"))
