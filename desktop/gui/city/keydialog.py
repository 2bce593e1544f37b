"""The city approves a county key only after a person compared its fingerprint with the county over the phone
(DESIGN §16): a county's first key (trusted on first use, 未核对) or a changed one. The dialog shows exactly the
fingerprint the approval pins, in two lines of 8 groups to read along, and is approved only once the person
ticked that every group matched."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QLabel, QVBoxLayout

from desktop.gui.bureau.fingerprint import fingerprint_label, two_lines


class KeyApprovalDialog(QDialog):
    """``request`` is one row of ``services.rollup.key_requests``; accepted means: pin exactly its fingerprint."""

    def __init__(self, request: dict, parent=None):
        super().__init__(parent)
        self.setObjectName("keyApprovalDialog")
        self.request = request
        county, first = request["county"], request["kind"] == "unconfirmed"
        self.setWindowTitle(self.tr("核对县区密钥") if first else self.tr("批准县区新密钥"))
        lay = QVBoxLayout(self)
        lay.setSpacing(10)
        if first:
            text = self.tr("这是第一次收到{county}教育局的汇总包，它的签名密钥还没有核对。\n"
                           "请打电话给{county}教育局，请对方读出县区端“首页”上的本县密钥指纹，与下面逐组核对：")
        else:
            text = self.tr("{county}教育局的签名密钥变了（重装系统或换了电脑时会这样）。\n"
                           "请打电话给{county}教育局，请对方读出县区端“首页”上的本县密钥指纹，与下面的新指纹逐组核对：")
        intro = QLabel(text.format(county=county))
        intro.setWordWrap(True)
        lay.addWidget(intro)
        self.fingerprint = fingerprint_label(request["fingerprint_groups"], "approvalFingerprint", larger_by=4)
        lay.addWidget(self.fingerprint)
        notes = []
        if not first:
            notes.append(self.tr("原密钥指纹：{old}").format(old=two_lines(request["pinned_groups"]) if request["pinned_groups"] else "—"))
            notes.append(self.tr("批准后，用新密钥签名、正在等待的 {n} 个文件会立即合并；原密钥签名的文件以后不再接收。")
                         .format(n=request["waiting"]))
        else:
            notes.append(self.tr("核对一致后批准：该县区的汇总数据不再标“密钥未核对”。"))
        notes.append(self.tr("只要有一组不一致就不要批准，先与县区核实是谁发的文件。"))
        note = QLabel("\n".join(notes))
        note.setObjectName("approvalNote")
        note.setWordWrap(True)
        note.setStyleSheet("color: #5f6368;")
        lay.addWidget(note)
        self.checked = QCheckBox(self.tr("我已与{county}教育局电话核对，16 组完全一致").format(county=county))
        self.checked.setObjectName("fingerprintMatched")
        lay.addWidget(self.checked)
        self.buttons = QDialogButtonBox()
        self.approve_button = self.buttons.addButton(self.tr("批准"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.approve_button.setObjectName("approveFingerprint")
        self.approve_button.setEnabled(False)
        self.buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.checked.toggled.connect(self.approve_button.setEnabled)
        lay.addWidget(self.buttons)
        self.setMinimumWidth(560)

    def accept(self) -> None:
        if self.checked.isChecked():  # never approved without the person's tick, whatever button sent it
            super().accept()
