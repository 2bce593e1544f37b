"""任务清单变化: what the revised plans changed — tasks added, removed (their entries archived, still shown here)
and changed, with the old and the new text — and which of them the school has not seen yet."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from desktop.core import services
from desktop.core.words import PlanChange
from desktop.gui.school.messages import status_name


class PlanChangesDialog(QDialog):
    def __init__(self, ws, parent=None):
        super().__init__(parent)
        self.ws = ws
        self.setObjectName("planChangesDialog")
        self.setWindowTitle(self.tr("任务清单变化"))
        self.resize(900, 520)
        lay = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setObjectName("planChangesSummary")
        self.summary.setWordWrap(True)
        lay.addWidget(self.summary)
        self.tree = QTreeWidget()
        self.tree.setObjectName("planChanges")
        self.tree.setHeaderLabels([self.tr("变化"), self.tr("编号"), self.tr("任务"), self.tr("原内容"), self.tr("新内容"),
                                   self.tr("状态")])
        self.tree.setWordWrap(True)
        self.tree.setAlternatingRowColors(True)
        header = self.tree.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for col, width in enumerate((110, 60, 200, 210, 210, 60)):
            self.tree.setColumnWidth(col, width)
        lay.addWidget(self.tree, 1)
        self.detail = QPlainTextEdit()  # the selected change in full: the old and the new text
        self.detail.setObjectName("planChangeDetail")
        self.detail.setReadOnly(True)
        self.detail.setMaximumHeight(150)
        self.detail.setPlaceholderText(self.tr("选中一行，在这里看原内容和新内容的全文"))
        self.tree.currentItemChanged.connect(self._show_detail)
        lay.addWidget(self.detail)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.seen_button = QPushButton(self.tr("全部标为已看"))
        self.seen_button.setObjectName("markAllSeen")
        self.seen_button.clicked.connect(self.mark_all_seen)
        buttons.addButton(self.seen_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.load()

    def load(self) -> None:
        changes = services.reporting.plan_change_list(self.ws)
        kinds = {PlanChange.ADDED: self.tr("新增"), PlanChange.REMOVED: self.tr("删除"), PlanChange.CHANGED: self.tr("修改")}
        self.tree.clear()
        counts = {k: 0 for k in kinds}
        for c in changes:
            counts[c["kind"]] = counts.get(c["kind"], 0) + 1
            old, new = c["old"] or {}, c["new"] or {}
            item = QTreeWidgetItem([
                self.tr("第 {v} 版 {kind}").format(v=c["version"], kind=kinds.get(c["kind"], c["kind"])),
                c["task_id"], (new or old).get("title", ""),
                old.get("text", "") if c["kind"] != PlanChange.ADDED else "",
                new.get("text", "") if c["kind"] != PlanChange.REMOVED else "",
                self.tr("已看") if c["seen_at"] else self.tr("未看")])
            for col in (3, 4):
                item.setToolTip(col, item.text(col))
            item.setData(0, Qt.ItemDataRole.UserRole, self._full_text(c))
            if not c["seen_at"]:
                font = item.font(0)
                font.setBold(True)
                item.setFont(0, font)
                item.setFont(5, font)
            self.tree.addTopLevelItem(item)
            for a in c["archived"]:
                child = QTreeWidgetItem(["", "", self.tr("存档：{period}").format(period=a["period"]),
                                         self.tr("{status} {progress}%").format(status=status_name(a["status"]),
                                                                                progress=a["progress"]),
                                         a["narrative"], ""])
                child.setToolTip(4, a["narrative"])
                item.addChild(child)
            item.setExpanded(True)
        if changes:
            self.summary.setText(self.tr("新增 {a} 项，删除 {r} 项（本校的填报记录已存档，没有删除），修改 {c} 项。"
                                         "加粗的是还没有看过的变化。").format(
                a=counts[PlanChange.ADDED], r=counts[PlanChange.REMOVED], c=counts[PlanChange.CHANGED]))
        else:
            self.summary.setText(self.tr("任务清单还没有修订过。"))
        self.seen_button.setEnabled(any(not c["seen_at"] for c in changes))
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)

    def _full_text(self, c: dict) -> str:
        old, new = c["old"] or {}, c["new"] or {}
        lines = []
        for key, name in (("title", self.tr("任务")), ("text", self.tr("具体内容")), ("deadline", self.tr("完成时限")),
                          ("evidence", self.tr("佐证要求"))):
            before, after = old.get(key) or "", new.get(key) or ""
            if c["kind"] == PlanChange.CHANGED and before == after:
                continue
            if before:
                lines.append(self.tr("原{name}：{value}").format(name=name, value=before))
            if after:
                lines.append(self.tr("新{name}：{value}").format(name=name, value=after))
        return "\n".join(lines)

    def _show_detail(self, item, _previous=None) -> None:
        self.detail.setPlainText(item.data(0, Qt.ItemDataRole.UserRole) or "" if item is not None else "")

    def mark_all_seen(self) -> None:
        services.reporting.mark_change_seen(self.ws)
        self.load()
