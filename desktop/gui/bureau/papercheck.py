"""核对纸质备案表: the bureau types the package code printed on a school's stamped 备案表 (or pastes the text
a QR scanner produced) and sees the file received with that code — or that no such file came. When the
file was signed with a first key nobody has confirmed yet, the stamped paper confirms it (DESIGN §16)."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core import services
from desktop.core.errors import TaizhangError
from desktop.gui.bureau.chooser import Chooser
from desktop.gui.bureau.messages import OUTCOME_COLORS, outcome_name, plain_reason
from desktop.gui.common.errors import message
from desktop.gui.common.ops import BackgroundOp


class PaperCheckBar(QWidget):
    """One line: caption, the code box and 核对. ``confirmed(outcomes)`` after a key was confirmed by paper
    (the held files of that school were merged: the page reloads)."""

    confirmed = Signal(list)

    def __init__(self, ws: services.workspaces.CountyWorkspace, chooser: Chooser, parent=None):
        super().__init__(parent)
        self.ws, self.chooser = ws, chooser
        self.worker: BackgroundOp | None = None
        self.dialog: PaperResultDialog | None = None
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        caption = QLabel(self.tr("核对纸质备案表："))
        self.code = QLineEdit()
        self.code.setObjectName("paperCode")
        self.code.setPlaceholderText(self.tr("报送码（8 位）或扫描二维码得到的文字"))
        self.code.setClearButtonEnabled(True)
        self.code.setMinimumWidth(260)
        self.code.returnPressed.connect(self.check)
        caption.setBuddy(self.code)
        self.button = QPushButton(self.tr("核对"))
        self.button.setObjectName("paperCheck")
        self.button.setToolTip(self.tr("查出这份纸质备案表对应的已收到文件；学校首次使用的密钥也可以据此确认"))
        self.button.clicked.connect(self.check)
        lay.addWidget(caption)
        lay.addWidget(self.code, 1)
        lay.addWidget(self.button)

    def check(self) -> PaperResultDialog | None:
        text = self.code.text().strip()
        if not text:
            self.code.setFocus()
            return None
        try:
            found = services.intake.paper_check(self.ws.db, text)
        except TaizhangError as exc:
            found = {"error": message(exc)}
        unconfirmed = services.intake.unconfirmed_schools(self.ws.db)
        self.dialog = PaperResultDialog(found, unconfirmed, self)
        self.dialog.confirm_requested.connect(lambda: self._confirm(text, found))
        self.dialog.open()
        return self.dialog

    def _confirm(self, text: str, found: dict) -> None:
        sub = found["submissions"][0]
        name = sub["school_name"] or sub["school_code"]
        if not self.chooser.confirm(self.tr("按纸质备案表确认密钥"), self.tr(
                "纸质备案表上盖有{name}的公章，且报送码与收到的文件一致？\n\n确认后，该校用这把密钥签名的数据"
                "不再标“未确认”。").format(name=name)):
            return
        if self.worker is not None:
            return
        self.worker = (BackgroundOp(self, lambda job: services.intake.confirm_by_paper(job.db, text),
                                    db_path=self.ws.path, title=self.tr("按纸质备案表确认密钥"))
                       .on_success(self._confirmed)
                       .on_failure(self._failed)
                       .on_done(self._done))
        self.worker.run()

    def _confirmed(self, result: dict) -> None:
        if self.dialog is not None:
            self.dialog.show_confirmed(result)
        self.confirmed.emit(result["outcomes"])

    def _failed(self, exc) -> None:
        if self.dialog is not None:
            self.dialog.show_error(message(exc))

    def _done(self) -> None:
        self.worker = None


class PaperResultDialog(QDialog):
    confirm_requested = Signal()

    def __init__(self, found: dict, unconfirmed: dict[str, str], parent=None):
        super().__init__(parent)
        self.setObjectName("paperResult")
        self.setWindowTitle(self.tr("核对纸质备案表"))
        self.setMinimumWidth(560)
        lay = QVBoxLayout(self)
        self.text = QLabel()
        self.text.setObjectName("paperResultText")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay.addWidget(self.text)
        self.status = QLabel()
        self.status.setObjectName("paperResultStatus")
        self.status.setWordWrap(True)
        lay.addWidget(self.status)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        self.confirm_button = QPushButton(self.tr("据此确认该校密钥"))
        self.confirm_button.setObjectName("confirmByPaper")
        self.confirm_button.clicked.connect(self.confirm_requested)
        buttons.addButton(self.confirm_button, QDialogButtonBox.ButtonRole.ActionRole)
        lay.addWidget(buttons)
        self.text.setText(self._describe(found))
        subs = found.get("submissions") or []
        self.confirm_button.setVisible(len(subs) == 1 and bool(subs[0]["school_code"])
                                       and unconfirmed.get(subs[0]["school_code"]) == subs[0]["signer_fingerprint"])

    def _describe(self, found: dict) -> str:
        if "error" in found:
            return f"<p style='color:#c5221f'>{html.escape(found['error'])}</p>"
        if not found["found"]:
            text = self.tr("没有收到报送码为 {code} 的文件。").format(code=found["code"])
            if found["other_files"]:
                text += self.tr("收到过同一报送码的文件，但与纸质备案表上的文件摘要不符：纸上的不是收到的那份文件，请与学校核实。")
            else:
                text += self.tr("请核对报送码是否抄写正确；如果无误，说明学校还没有报送这份文件，或文件还没有导入。")
            return f"<p style='color:#c5221f; font-weight:bold'>{html.escape(text)}</p>"
        found_text = self.tr("找到了这份备案表对应的文件：")
        parts = [f"<p style='color:#1e7e34; font-weight:bold'>{html.escape(found_text)}</p>"]
        for s in found["submissions"]:
            colour = OUTCOME_COLORS.get(s["outcome"], "#202124")
            reason = plain_reason(s["reason"]) if s["reason"] else ""
            rows = ((self.tr("学校"), f"{s['school_name'] or '—'}（{s['school_code'] or '—'}）"),
                    (self.tr("填报周期"), self.tr("{period}，第 {rev} 次报送").format(period=s["period"] or "—",
                                                                             rev=s["revision"] or "—")),
                    (self.tr("收到时间"), (s["received_at"] or "")[:16].replace("T", " ")),
                    (self.tr("导入结果"), outcome_name(s["outcome"]) + (f"：{reason}" if reason else "")),
                    (self.tr("签名公钥指纹"), s["fingerprint_groups"] or "—"),
                    (self.tr("文件"), s["file_name"]))
            cells = "".join(
                f"<tr><td style='color:#5f6368; padding-right:12px'>{html.escape(k)}</td>"
                f"<td style='color:{colour if i == 3 else '#202124'}'>{html.escape(str(v))}</td></tr>"
                for i, (k, v) in enumerate(rows))
            parts.append(f"<table>{cells}</table>")
        return "".join(parts)

    def show_confirmed(self, result: dict) -> None:
        merged = len(result.get("outcomes") or [])
        text = self.tr("已按纸质备案表确认该校密钥。")
        if merged:
            text += self.tr("重新合并了 {n} 个文件。").format(n=merged)
        self.status.setText(text)
        self.status.setStyleSheet("color: #1e7e34; font-weight: bold;")
        self.confirm_button.hide()

    def show_error(self, text: str) -> None:
        self.status.setText(text)
        self.status.setStyleSheet("color: #c5221f;")
