"""Beside a task's fields: what was carried from the last period (沿用上期, 确认沿用) and what a revised plan
changed in the task (until the school has seen it). Boxes of the detail pane, kept out of it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from desktop.core.words import EvidenceRule, PlanChange
from desktop.gui.school.messages import status_name

_EXCERPT = 60  # characters of last period's 完成情况说明 shown in the box


def _excerpt(text: str, limit: int = _EXCERPT) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[:limit] + "…"


def changed_part(old: str, new: str, context: int = 12, limit: int = 120) -> tuple[str, str]:
    """The differing middle of two texts with a little context ("…" where the common start or end was cut), so a
    long task text that changed by one sentence shows that sentence."""
    start = 0
    while start < min(len(old), len(new)) and old[start] == new[start]:
        start += 1
    end = 0
    while end < min(len(old), len(new)) - start and old[len(old) - 1 - end] == new[len(new) - 1 - end]:
        end += 1
    cut = max(0, start - context)

    def part(text: str) -> str:
        middle = text[cut:len(text) - max(0, end - context)]
        middle = _excerpt(middle, limit) if middle else "—"
        return ("…" if cut else "") + middle + ("…" if end > context else "")
    return part(old), part(new)


class CarriedBox(QFrame):
    """沿用上期 badge, 确认沿用 (this task, or its whole section) and last period's answer.

    Shown whenever the task has an answer from an earlier period, so editing (which ends the carried state)
    changes its words but never shows or hides it under the cursor."""

    confirm = Signal(str)  # task id
    confirm_section = Signal(str)  # heading id
    carry_again = Signal(str)  # task id: last period's answer back (an edit or a 确认沿用 undone)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("carried")
        self.setStyleSheet("#carried { background: #e8f0fe; border: 1px solid #aecbfa; border-radius: 6px; }")
        col = QVBoxLayout(self)
        col.setContentsMargins(10, 6, 10, 6)
        col.setSpacing(4)
        top = QHBoxLayout()
        self.badge = QLabel()
        self.badge.setObjectName("carriedBadge")
        top.addWidget(self.badge, 1)
        self.confirm_button = QPushButton(self.tr("确认沿用"))
        self.confirm_button.setObjectName("confirmCarried")
        self.confirm_button.setToolTip(self.tr("上期的填报本期仍然属实：确认后导出时不再提示"))
        self.confirm_button.clicked.connect(lambda: self._row and self.confirm.emit(self._row["task_id"]))
        self.section_button = QPushButton(self.tr("本部分全部确认沿用"))
        self.section_button.setObjectName("confirmSection")
        self.section_button.setToolTip(self.tr("确认本部分所有沿用上期、尚未确认的任务"))
        self.section_button.clicked.connect(
            lambda: self._row and self._row.get("parent_id") and self.confirm_section.emit(self._row["parent_id"]))
        self.again_button = QPushButton()
        self.again_button.setObjectName("carryAgain")
        self.again_button.clicked.connect(lambda: self._row and self.carry_again.emit(self._row["task_id"]))
        top.addWidget(self.confirm_button)
        top.addWidget(self.section_button)
        top.addWidget(self.again_button)
        col.addLayout(top)
        self.previous_label = QLabel()
        self.previous_label.setObjectName("previousValue")
        self.previous_label.setStyleSheet("color: #3c4043;")
        self.previous_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        col.addWidget(self.previous_label)
        self._row: dict | None = None
        self._previous: dict | None = None
        self.hide()

    def show_task(self, row: dict | None, previous: dict | None) -> None:
        """A task was shown: ``previous`` is services.reporting.previous_entry (None: nothing earlier)."""
        self._previous = previous if previous and previous["entry"]["updated_at"] else None
        self.update_state(row)

    def update_state(self, row: dict | None) -> None:
        """After a save: the carried state may have ended (an edit) or been confirmed."""
        self._row = row
        prev = self._previous
        self.setVisible(row is not None and prev is not None)
        if row is None or prev is None:
            return
        entry = row["entry"]
        if entry.get("carried_from"):
            if entry.get("carried_confirmed"):
                self.badge.setText(self.tr("沿用上期（{period}）· 已确认").format(period=entry["carried_from"]))
            else:
                self.badge.setText(self.tr("沿用上期（{period}）· 请确认仍然属实，或直接修改").format(
                    period=entry["carried_from"]))
        else:
            self.badge.setText(self.tr("本期已填写（上期：{period}）").format(period=prev["period"]))
        unconfirmed = bool(entry.get("carried_from")) and not entry.get("carried_confirmed")
        self.confirm_button.setVisible(unconfirmed)
        self.section_button.setVisible(unconfirmed and bool(row.get("parent_id")))
        # the way back: an edited answer to last period's, a 确认沿用 made by mistake to unconfirmed
        self.again_button.setVisible(not unconfirmed)
        if entry.get("carried_from"):
            self.again_button.setText(self.tr("撤销确认"))
            self.again_button.setToolTip(self.tr("改回“沿用上期、未确认”，导出时会再提示"))
        else:
            self.again_button.setText(self.tr("改回上期内容"))
            self.again_button.setToolTip(self.tr("用上期的填报（状态、说明、完成值、佐证材料）替换本期对这项任务的填写"))
        p = prev["entry"]
        values = "，".join(f"{iv['seq']}：{iv['value']}" for iv in p["indicators"])
        text = self.tr("上期：{status} {progress}%").format(status=status_name(p["status"]), progress=p["progress"])
        if p["narrative"].strip():
            text += self.tr("；{narrative}").format(narrative=_excerpt(p["narrative"]))
        if values:
            text += self.tr("；完成值 {values}").format(values=values)
        if prev["evidence"]:
            text += self.tr("；佐证 {n} 份").format(n=len(prev["evidence"]))
        self.previous_label.setText(text)
        self.previous_label.setToolTip(p["narrative"])

    def previous_text(self, field: str) -> str:
        """Last period's value of one text field (for the field's tooltip), or ''."""
        if self._previous is None:
            return ""
        value = self._previous["entry"].get(field) or ""
        return self.tr("上期（{period}）：{value}").format(period=self._previous["period"], value=value) if value else ""


class PlanChangeBox(QFrame):
    """任务清单第 n 版修改了本任务: the old and the new text, until the school says it has seen it."""

    seen = Signal(str)  # task id

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("planChange")
        self.setStyleSheet("#planChange { background: #fef7e0; border: 1px solid #fdd663; border-radius: 6px; }")
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 10, 6)
        self.label = QLabel()
        self.label.setObjectName("planChangeText")
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row.addWidget(self.label, 1)
        self.seen_button = QPushButton(self.tr("知道了"))
        self.seen_button.setObjectName("planChangeSeen")
        self.seen_button.clicked.connect(lambda: self._task_id and self.seen.emit(self._task_id))
        row.addWidget(self.seen_button, 0, Qt.AlignmentFlag.AlignTop)
        self._task_id: str | None = None
        self.hide()

    def show_change(self, task_id: str | None, change: dict | None) -> None:
        self._task_id = task_id
        self.setVisible(change is not None)
        if change is None:
            return
        old, new = change.get("old") or {}, change.get("new") or {}
        names = {"title": self.tr("任务"), "text": self.tr("具体内容"), "deadline": self.tr("完成时限")}
        if change["kind"] == PlanChange.ADDED:
            self.label.setText(self.tr("任务清单第 {v} 版新增了本任务。").format(v=change["version"]))
            return
        lines = [self.tr("任务清单第 {v} 版修改了本任务：").format(v=change["version"])]
        lines += [self.tr("{field}：原为“{old}”，现为“{new}”").format(
            field=names[key], **dict(zip(("old", "new"), changed_part(old.get(key) or "", new.get(key) or ""),
                                         strict=True)))
            for key in ("title", "text", "deadline") if (old.get(key) or "") != (new.get(key) or "")]
        if (old.get("evidence") or "") != (new.get("evidence") or ""):
            lines.append(self.tr("佐证要求：现为“{rule}”").format(rule=new.get("evidence") or EvidenceRule.OPTIONAL))
        if old.get("targets") != new.get("targets"):
            lines.append(self.tr("量化指标有调整，请看下面的指标"))
        self.label.setText("\n".join(lines))
