"""从已有材料中选择: one file the school stored already backs one more task (stored once, not uploaded again)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from desktop.core import services
from desktop.gui.common.sizes import human_size


class ReuseDialog(QDialog):
    """Lists the school's stored files (newest first) with the tasks they back; ``chosen`` is the SHA-256."""

    def __init__(self, ws, task_id: str, parent=None):
        super().__init__(parent)
        self.setObjectName("reuseDialog")
        self.setWindowTitle(self.tr("从已有材料中选择"))
        self.resize(720, 420)
        self.chosen: str | None = None
        lay = QVBoxLayout(self)
        hint = QLabel(self.tr("同一份材料可以同时作为几项任务的佐证，只保存一份、只报送一次。"))
        hint.setWordWrap(True)
        lay.addWidget(hint)
        self.tree = QTreeWidget()
        self.tree.setObjectName("schoolFiles")
        self.tree.setRootIsDecorated(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setHeaderLabels([self.tr("文件名"), self.tr("大小"), self.tr("已用于")])
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        attached = {e["sha256"] for e in services.reporting.task_evidence(ws, task_id)}
        for f in services.reporting.school_files(ws):
            if f["sha256"] in attached:
                continue
            uses = "、".join(sorted({f"{u['task_id']}（{u['period']}）" for u in f["uses"]}))
            item = QTreeWidgetItem([f["name"], human_size(f["size"]), uses])
            item.setData(0, Qt.ItemDataRole.UserRole, f["sha256"])
            item.setToolTip(2, uses)
            self.tree.addTopLevelItem(item)
        self.empty = QLabel(self.tr("本校还没有其他可选的材料。"))
        self.empty.setVisible(self.tree.topLevelItemCount() == 0)
        lay.addWidget(self.tree, 1)
        lay.addWidget(self.empty)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("用作本任务的佐证"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        self.tree.itemSelectionChanged.connect(
            lambda: self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.tree.selectedItems())))
        self.tree.itemDoubleClicked.connect(lambda *_: self._accept())
        lay.addWidget(self.buttons)

    def _accept(self) -> None:
        items = self.tree.selectedItems()
        if items:
            self.chosen = items[0].data(0, Qt.ItemDataRole.UserRole)
            self.accept()
