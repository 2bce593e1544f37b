"""Preparing a document's lines (planreader/textlines.py): hard wraps undone, items kept apart."""

from __future__ import annotations

from desktop.core.planreader import textlines


def _prepared(lines: list[str]) -> list[str]:
    return [orig for orig, _folded, _atomic in textlines.prepare([(line, False) for line in lines])]


def _as_wide(text: str, width: int) -> str:
    """``text`` padded with 事 (2 units) to ``width`` units, unpunctuated: as a wrapped line ends."""
    while textlines.visual_width(text) + 2 <= width:
        text += "事"
    return text


def test_a_numbering_gap_after_a_full_width_heading_still_starts_an_item():
    """A list that skips a number (26 then 28) after a heading as wide as the wrapped lines: "28." is met
    after its near predecessors, so it starts an item and is not taken for the wrapped heading's tail."""
    width = 60
    items = [_as_wide(f"{n}.推进项目建设", width) for n in range(21, 27)]
    heading = _as_wide("（五）职业教育提质培优工程", width)
    lines = ["示例市2026年教育工作要点", "（四）基础教育公平优质均衡工程", *items, heading, "28.提高中等职业教育办学质量"]
    out = _prepared(lines)
    assert out[-2:] == [heading, "28.提高中等职业教育办学质量"]


def test_quotation_marks_count_full_width():
    """A Chinese font sets “ ” full width: a wrapped line full of quoted names is as wide as the others."""
    assert textlines.visual_width("“县管校聘”") == textlines.visual_width("县县管校聘聘")


_PLAN = """示例县2026年教育工作要点
一、加强党的建设
1.落实“第一议题”制度。局党组会议第一时间传达学习重要讲话精神。责任单位：办公室；完成时限：12月底前
2.开展党员先锋岗评选。评选党员示范岗30个。责任单位：党建办；完成时限：2026年10月
二、提升教育质量
1.推进课堂教学改革。全县中小学完成课堂教学改革试点任务。责任单位：教研室；完成时限：6月底前"""


def test_a_letter_spaced_document_reads_as_written():
    """Text extracted glyph by glyph ("加 强 党 的 建 设", some PDF converters and OCR) gives the same tasks,
    titles without the spaces."""
    from desktop.core.planreader import parse_plan_text

    spaced = "\n".join(" ".join(line) for line in _PLAN.split("\n"))
    plain, read = parse_plan_text(_PLAN)["tasks"], parse_plan_text(spaced)["tasks"]
    keys = ("path", "title", "units", "deadline")
    assert [[t[k] for k in keys] for t in read] == [[t[k] for k in keys] for t in plain]
    assert len(plain) == 3


def test_ordinary_spaces_are_kept():
    """A table copied with spaces between its cells, in a document otherwise written normally, keeps them."""
    lines = [*_PLAN.split("\n"), "序号 工作任务 责任单位 完成时限", "1 新建幼儿园 教育局 12月"]
    assert "序号 工作任务 责任单位 完成时限" in _prepared(lines)


_NOTICE = """示例县教育局2026年民生实事项目完成情况公示
根据县政府民生实事工作安排，现将教育局2026年民生实事项目建设情况公示如下：
1、省民生实事工程：新增公办幼儿园学位 300 个。
2、县民生实事工程：①改造乡村小规模学校 10 所；②建成社会足球场 3 个。
至2026年12月底，县教育局圆满完成2026年民生实事工程建设任务。
示例县教育局
2026年12月2日"""


def _tasks(text: str) -> list[tuple]:
    from desktop.core.planreader import parse_plan_text

    return [(tuple(t["path"]), t["title"], t["deadline"], tuple(t["units"])) for t in parse_plan_text(text)["tasks"]]


def test_an_attachment_list_or_record_after_the_signature_changes_nothing():
    """A web page lists the attachments after the date; an official document ends with its 版记 (抄送, 印发):
    the tasks, and the deadline the closing sentence gives them, are those of the document without them."""
    plain = _tasks(_NOTICE)
    assert len(plain) == 3 and all(deadline == "2026-12" for _, _, deadline, _ in plain)
    attachments = "\n附件：1.示例县2026年民生实事项目清单\n2.示例县2026年民生实事资金安排表"
    record = "\n抄送：县委办，县政府办，县人大办。\n示例县教育局办公室　　2026年12月2日印发"
    for ending in (attachments, record, attachments + record):
        assert _tasks(_NOTICE + ending) == plain


def test_a_quantity_set_off_by_spaces_is_not_the_next_item():
    """"建成社会足球场 3 个" after items 1 and 2: the 3 is how many, not item 3 (a space-separated label, as in a
    copied table, is still one: "3 新建城区幼儿园")."""
    assert [path for path, _, _, _ in _tasks(_NOTICE)] == [("1",), ("2", "①"), ("2", "②")]
    table = "示例县2026年教育工作要点\n一、办好民生实事\n1 新建城区幼儿园\n2 改造薄弱学校\n3 新建社会足球场"
    assert [title for _, title, _, _ in _tasks(table)] == ["新建城区幼儿园", "改造薄弱学校", "新建社会足球场"]


def test_digits_spaced_out_of_a_pdf_are_quantities_and_dates():
    """Text taken out of a PDF spaces the digits in Chinese text: "（每周 2 节体育课）" after item 1 is not
    item 2, and "2026 年 9 月" is a date, not items 2026 and 9 (which would make a wrapped line that starts
    "12 项整改问题" look like the next item)."""
    text = "\n".join([
        "示例县2026年教育工作要点",
        "一、保障体育活动时间",
        "1、正常上好体育课（每周 2 节体育课），保证学生每天体育活动时间不少于一小时。",
        "完成时间：2026 年 9 月",
        "2、学生每天上午课间操，要求动作准确、整齐。",
        "完成时间：2026 年 12 月",
    ])
    tasks = _tasks(text)
    assert [path for path, _, _, _ in tasks] == [("一", "1"), ("一", "2")]
    assert tasks[0][1].startswith("正常上好体育课") and tasks[1][1].startswith("学生每天上午课间操")
    assert [deadline for _, _, deadline, _ in tasks] == ["2026-09", "2026-12"]
    seen: set = set()
    for line in text.split("\n"):
        folded = textlines.fold(line)
        seen.update((x.style, x.number) for x in textlines.embedded_candidates(line, folded, 0, glued=True))
    assert seen == {("cn", 1), ("arabic", 1), ("arabic", 2)}


def test_an_article_with_decorated_headings_reads_as_the_plan():
    """Copied from a WeChat article: a follow line above, the source, editors and share bar below, and headings
    decorated with a symbol ("◆一、"). The tasks are those of the plain text; a bullet list's "● 加强……" and a
    task that begins "分享" are kept."""
    plain = _tasks(_PLAN)
    lines = _PLAN.split("\n")
    article = "\n".join(["点击上方蓝字 关注我们", lines[0], *(f"◆{line}" if line[1:2] == "、" else line for line in lines[1:]),
                         "来源：示例县教育局", "编辑：张三", "▼点击阅读原文", "分享", "在看"])
    assert _tasks(article) == plain
    assert textlines.is_chrome("在看") and not textlines.is_chrome("分享优秀教学经验")
    assert _prepared(["示例县2026年教育工作要点", "● 加强校园安全管理"])[-1] == "● 加强校园安全管理"


def test_a_last_task_that_ends_in_yinfa_is_not_the_record():
    """Only a dated "……2026年2月10日印发" line is the 版记's; a task about printing documents stays a task."""
    text = "示例县2026年教育工作要点\n一、规范办文\n1.修订公文处理办法\n2.做好年度重要文件印发"
    assert [title for _, title, _, _ in _tasks(text)] == ["修订公文处理办法", "做好年度重要文件印发"]
