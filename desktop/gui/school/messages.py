"""Translated texts for the warnings and status names the core reports as codes."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.core.words import Status


def status_name(status: str) -> str:
    names = {
        Status.NOT_STARTED: QCoreApplication.translate("Warnings", "未开始"),
        Status.IN_PROGRESS: QCoreApplication.translate("Warnings", "进行中"),
        Status.DONE: QCoreApplication.translate("Warnings", "已完成"),
        Status.NOT_APPLICABLE: QCoreApplication.translate("Warnings", "不适用"),
    }
    return names.get(status, status)


def warning_text(w: dict) -> str:
    """One warning from ``services`` (task warnings and export checks) as a sentence in the UI language."""
    p = w.get("params", {})
    code = w["code"]
    if code == "na_no_reason":
        return QCoreApplication.translate("Warnings", "标为“不适用”，但没有说明原因")
    if code == "done_no_narrative":
        return QCoreApplication.translate("Warnings", "已完成，但没有填写完成情况说明")
    if code == "done_no_evidence":
        return QCoreApplication.translate("Warnings", "已完成，但没有上传佐证材料")
    if code == "done_progress":
        return QCoreApplication.translate("Warnings", "已完成，但进度只有 {progress}%").format(**p)
    if code == "done_no_value":
        return QCoreApplication.translate("Warnings", "已完成，但指标“{target}”没有填写完成值").format(**p)
    if code == "below_target":
        return QCoreApplication.translate("Warnings", "“{text}”：完成值 {value}{unit} 低于目标 {target}{unit}").format(**p)
    if code == "above_limit":
        return QCoreApplication.translate("Warnings", "“{text}”：完成值 {value}{unit} 高于上限 {target}{unit}").format(**p)
    if code == "no_tasks":
        return QCoreApplication.translate("Warnings", "任务清单中没有适用于本校的任务")
    if code == "nothing_recorded":
        return QCoreApplication.translate("Warnings", "还没有填写任何任务")
    if code == "not_started":
        return QCoreApplication.translate("Warnings", "{count} 项任务仍为“未开始”").format(**p)
    if code == "overdue":
        return QCoreApplication.translate("Warnings", "{count} 项任务已超过完成时限仍未完成").format(**p)
    return _cycle_warning_text(w)


def _cycle_warning_text(w: dict) -> str:
    """The warnings of the yearly cycle (carried answers, evidence rules)."""
    code = w["code"]
    if code == "carried_unconfirmed":
        return QCoreApplication.translate("Warnings", "{count} 项任务沿用上期内容，尚未确认或修改").format(**w["params"])
    if code == "required_evidence":
        return QCoreApplication.translate("Warnings", "教育局要求本任务必须上传佐证材料，但还没有上传")
    return w.get("zh", code)
