"""Words and colours the bureau screens share: merge outcomes, advice per reason, status colours."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from desktop.core.words import Outcome, Reason, Status
from desktop.gui.common.i18n import pick

# The empty context: lupdate files calls of this module-level tr() there, so the lookup must use it too
_CTX = ""


def tr(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


def outcome_name(outcome: str) -> str:
    return {Outcome.ACCEPTED: tr("已合并"), Outcome.DUPLICATE: tr("重复，未改动"), "stale": tr("旧版次，只存历史"),
            Outcome.REJECTED: tr("拒收")}.get(outcome, outcome)


OUTCOME_COLORS = {Outcome.ACCEPTED: "#1e7e34", Outcome.DUPLICATE: "#5f6368", "stale": "#8a6d00",
                  Outcome.REJECTED: "#c5221f"}
PROBLEM_OUTCOMES = (Outcome.REJECTED, "stale")


def advice(code: str) -> str:
    """What the bureau does about a file, per reason code (plain words)."""
    return {
        Reason.SAME_FILE: tr("无需处理"),
        Reason.SAME_PACKAGE: tr("无需处理"),
        "stale": tr("学校后来又报送过更新的版本，无需处理"),
        "invalid": tr("请学校用台账重新导出后再报送（不要用 Excel 或 WPS 打开后另存）"),
        Reason.OTHER_COUNTY: tr("文件不是报给本局的，请退回学校"),
        Reason.UNKNOWN_PLAN: tr("学校用的不是本局发布的任务清单，请学校载入最新任务清单后重新导出"),
        Reason.UNKNOWN_SCHOOL: tr("请先在“学校与周期”中把这所学校加入名单，再重新导入"),
        Reason.UNKNOWN_PERIOD: tr("请先在“学校与周期”中添加该填报周期，再重新导入"),
        Reason.PERIOD_CLOSED: tr("该周期已关闭；如需接收，请先重新开放该周期"),
        Reason.UNKNOWN_TASK: tr("请学校载入最新任务清单后重新导出"),
        Reason.KEY_PENDING: tr("学校重装过软件或换了电脑：电话核实后在下方批准或拒绝新密钥"),
        "conflict": tr("同一版次有两份不同文件，请与学校核实以哪份为准，让学校再导出一次"),
        Reason.ZIP_SHAPE: tr("文件结构不是台账导出的样子（可能被压缩软件或其他程序改写过）：请学校重新导出原文件后再报送"),
        Reason.MANIFEST_STRICT: tr("文件里签名的数据不合规范：请与学校核实，并让学校用台账重新导出"),
        Reason.ACTIVE_CONTENT: tr("文件含有公式或外部链接（台账导出的文件没有）：不要在 Excel/WPS 中打开它，请与学校核实来源"),
        Reason.OTHER_LAYOUT: tr("文件由另一版本的台账导出：请学校把台账升级到与本局相同的版本后重新导出"),
        Reason.SHEETS_MISMATCH: tr("工作表显示的内容与签名的数据不一致：文件不是台账原样导出的，请与学校核实并让学校重新导出"),
    }.get(code, "")


def plain_reason(reason: str) -> str:
    """The core gives reasons as 'Chinese / English'; show the user's language."""
    if " / " not in reason:
        return reason
    zh, _, en = reason.partition(" / ")
    return pick(zh, en)


# The matrix and the summary workbook use the same colours.
STATUS_COLORS = {Status.DONE: "#a9d08e", Status.IN_PROGRESS: "#ffe699", Status.NOT_STARTED: "#f4b084",
                 Status.NOT_APPLICABLE: "#d9d9d9"}
NOT_REPORTED_COLOR = "#f8d7da"
NOT_APPLICABLE_COLOR = "#f1f3f4"


def status_name(status: str) -> str:
    """A stored status word (已完成 …) in the user's language, as the matrix legend shows it."""
    # a context of their own: in the matrix cells (the empty context) 未开始 is the short "To do"
    return {Status.DONE: QCoreApplication.translate("StatusName", "已完成"),
            Status.IN_PROGRESS: QCoreApplication.translate("StatusName", "进行中"),
            Status.NOT_STARTED: QCoreApplication.translate("StatusName", "未开始"),
            Status.NOT_APPLICABLE: QCoreApplication.translate("StatusName", "不适用")}.get(status, status)


# Punctuation of composed text: Chinese in Chinese mode, English in English mode.
def field_label(label: str) -> str:
    """'完成情况说明：' — a label before its value."""
    return tr("{label}：").format(label=label)


def list_sep() -> str:
    """Between the items of a list of phrases (；)."""
    return tr("；")


def comma() -> str:
    """Between the parts of a sentence (，)."""
    return tr("，")


def school_label(name: str, code: str) -> str:
    """A school's name with its code in brackets."""
    return tr("{name}（{code}）").format(name=name, code=code)


def notice_file_name() -> str:
    """The suggested name of the fingerprint notice the bureau sends to the schools."""
    return tr("县局密钥指纹通知.txt")


def status_color(status: str) -> QColor:
    return QColor(STATUS_COLORS.get(status, "#ffffff"))


# Highlight colours of what the parser read, in the source text and beside the editor's fields.
KIND_COLORS = {"title": "#fff0a0", "units": "#c8f0d2", "deadline": "#cfe3ff", "target": "#ffd9b3"}
BLOCK_COLOR = "#e8eef8"


def kind_name(kind: str) -> str:
    return {"title": tr("任务名称"), "units": tr("责任单位"), "deadline": tr("完成时限"), "target": tr("量化指标")}[kind]


def percent(rate: float | None) -> str:
    """A rate as the summary workbook prints it (0.0 %); "—" when there is nothing to count."""
    return "—" if rate is None else f"{rate * 100:.1f}%"
