"""The bureau's first tab: the county key fingerprint and the year's steps, each with where it stands."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.core import services
from desktop.gui.bureau.chooser import Chooser
from desktop.gui.bureau.fingerprint import FingerprintPanel
from desktop.gui.bureau.messages import list_sep

STEPS = ("import_plan", "review", "roster", "periods", "publish", "import", "overview")
_DONE, _TODO, _WARN = "#1e7e34", "#5f6368", "#b06000"


class HomePage(QWidget):
    go = Signal(str)  # one of STEPS

    def __init__(self, ws: services.workspaces.CountyWorkspace, chooser: Chooser, parent=None):
        super().__init__(parent)
        self.setObjectName("homePage")
        self.ws, self.db, self.chooser = ws, ws.db, chooser
        info = ws.info
        lay = QVBoxLayout(self)
        lay.setContentsMargins(24, 16, 24, 16)
        lay.setSpacing(12)
        title = QLabel(self.tr("{county}教育局 · 工作要点台账").format(county=info["county"]))
        title.setObjectName("homeTitle")
        title.setStyleSheet("font-size: 20px; font-weight: bold;")
        lay.addWidget(title)

        key_box = QGroupBox(self.tr("本局签名密钥指纹（发给各学校核对）"))
        kl = QVBoxLayout(key_box)
        self.fingerprint = FingerprintPanel(info["fingerprint_groups"],
                                            lambda path: services.setup.write_fingerprint_notice(self.db, path), chooser)
        kl.addWidget(self.fingerprint)
        lay.addWidget(key_box)

        steps = QGroupBox(self.tr("年度工作步骤"))
        grid = QGridLayout(steps)
        grid.setColumnStretch(2, 1)
        grid.setHorizontalSpacing(14)
        names = {
            "import_plan": (self.tr("① 导入工作要点"), self.tr("导入计划…")),
            "review": (self.tr("② 核对识别出的任务"), self.tr("去核对")),
            "roster": (self.tr("③ 学校名单"), self.tr("去编辑")),
            "periods": (self.tr("④ 填报周期"), self.tr("去设置")),
            "publish": (self.tr("⑤ 发布任务清单"), self.tr("发布…")),
            "import": (self.tr("⑥ 导入学校报送"), self.tr("去导入")),
            "overview": (self.tr("⑦ 查看汇总、导出汇总表"), self.tr("去查看")),
        }
        self.status: dict[str, QLabel] = {}
        self.buttons: dict[str, QPushButton] = {}
        for row, step in enumerate(STEPS):
            name, action = names[step]
            label = QLabel(name)
            label.setStyleSheet("font-weight: bold;")
            grid.addWidget(label, row, 0)
            button = QPushButton(action)
            button.setObjectName(f"step_{step}")
            button.clicked.connect(lambda _c=False, s=step: self.go.emit(s))
            grid.addWidget(button, row, 1)
            status = QLabel()
            status.setObjectName(f"stepStatus_{step}")
            status.setWordWrap(True)
            status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(status, row, 2)
            self.status[step], self.buttons[step] = status, button
        lay.addWidget(steps)
        lay.addStretch(1)

    def _set(self, step: str, text: str, color: str) -> None:
        self.status[step].setText(text)
        self.status[step].setStyleSheet(f"color: {color};")

    def reload(self) -> None:
        state = services.tasklist.plan_state(self.db)
        schools = services.roster.schools(self.db)
        periods = services.roster.period_list(self.db)
        if state is None:
            self._set("import_plan", self.tr("还没有导入。支持 .docx、.txt、.xlsx（Word 的 .doc/.wps 请另存为 .docx）"), _TODO)
            self._set("review", self.tr("导入后逐项核对：任务名称、责任单位、完成时限、量化指标、适用学校"), _TODO)
        else:
            self._set("import_plan", self.tr("《{title}》：{n} 项任务").format(title=state["title"], n=state["tasks"]), _DONE)
            if state["placeholders"]:
                self._set("review", self.tr("有 {n} 个量化指标的目标值还没填写（原文中是 x、xx 等占位符）").format(
                    n=state["placeholders"]), _WARN)
            else:
                self._set("review", self.tr("量化指标都已有目标值；发布前请再逐项核对一遍"), _DONE)
        self._set("roster", self.tr("{n} 所学校").format(n=len(schools)) if schools else self.tr("还没有学校名单"),
                  _DONE if schools else _TODO)
        if periods:
            text = list_sep().join(p["name"] + (self.tr("（{d} 截止）").format(d=p["due_date"]) if p["due_date"] else "")
                            + (self.tr("（已关闭）") if p["closed"] else "") for p in periods)
            self._set("periods", text, _DONE)
        else:
            self._set("periods", self.tr("还没有填报周期"), _TODO)
        if state is None or not state["version"]:
            self._set("publish", self.tr("尚未发布"), _TODO)
        elif state["changed"]:
            self._set("publish", self.tr("已发布第 {v} 版，之后又有修改：重新发布后请把新任务清单发给学校").format(v=state["version"]), _WARN)
        else:
            self._set("publish", self.tr("已发布第 {v} 版（{at}）").format(
                v=state["version"], at=(state["published_at"] or "")[:16].replace("T", " ")), _DONE)
        keys = services.intake.key_requests(self.db)
        reported = max((p["reported"] for p in periods), default=0)
        text = self.tr("已收到 {n} / {total} 所学校的报送").format(n=reported, total=len(schools))
        changed = sum(1 for k in keys if k["kind"] == "pending")
        if changed:
            text += self.tr("；{n} 所学校换了新密钥，待批准").format(n=changed)
        if len(keys) > changed:  # first keys that came without an enrolment code: merged, marked 未确认
            text += self.tr("；{n} 所学校的首次密钥未确认（电话核对指纹后在“导入报送”页确认）").format(n=len(keys) - changed)
        self._set("import", text, _WARN if keys else (_DONE if reported else _TODO))
        self._set("overview", self.tr("学校×任务完成情况、未报送和逾期学校"), _TODO)
