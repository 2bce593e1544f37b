"""The assembled result: the sample plan, Traditional text, field inheritance, ids, and that any
input gives either tasks or one TaizhangError."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core.errors import TaizhangError
from desktop.core.planreader import parse_plan_file, parse_plan_text

SAMPLE = Path(__file__).resolve().parents[3] / "resources" / "samples" / "sample_plan.txt"

TASK_KEYS = {"path", "title", "text", "units", "deadline", "targets", "applies_to", "id"}


def check_shape(result: dict) -> None:
    assert set(result) >= {"title", "year", "kind", "plan_section", "headings", "tasks"}
    assert isinstance(result["title"], str)
    assert result["year"] is None or isinstance(result["year"], int)
    assert result["tasks"], "a result always has tasks"
    for t in result["tasks"]:
        assert set(t) >= TASK_KEYS
        assert t["path"] and all(isinstance(p, str) and p for p in t["path"])
        assert isinstance(t["title"], str) and isinstance(t["text"], str)
        assert all(isinstance(u, str) and u for u in t["units"])
        assert t["deadline"] is None or (len(t["deadline"]) == 7 and t["deadline"][4] == "-")
        for g in t["targets"]:
            assert set(g) == {"text", "value", "unit", "placeholder"}
            assert (g["value"] is None) == g["placeholder"]
    for h in result["headings"]:
        assert h["path"] and isinstance(h["title"], str)
    assert len({t["id"] for t in result["tasks"]}) == len(result["tasks"])
    json.dumps(result, ensure_ascii=False)


# -- the bundled sample plan -----------------------------------------------------------------
def test_sample_plan_parses_perfectly():
    result = parse_plan_file(SAMPLE)
    check_shape(result)
    assert result["title"] == "示例县2026年教育工作要点"
    assert result["year"] == 2026 and result["kind"] == "plan"
    assert len(result["tasks"]) == 36
    assert len(result["headings"]) == 7
    assert [t["path"][-1] for t in result["tasks"]] == [str(i) for i in range(1, 37)]
    assert all(t["units"] for t in result["tasks"])
    assert all(t["deadline"] and t["deadline"].startswith("2026-") for t in result["tasks"])
    by_id = {t["id"]: t for t in result["tasks"]}
    assert by_id["二/6"]["targets"][0] == {"text": "保证学生每天校园体育活动时间不少于1小时", "value": "1",
                                         "unit": "小时", "placeholder": False}
    assert by_id["三/11"]["targets"][0]["placeholder"] is True
    assert by_id["三/14"]["applies_to"] == ["示例县第一中学"]
    assert by_id["一/3"]["applies_to"] == ["小学", "初中", "九年一贯制", "高中", "幼儿园"]
    assert "示例县教育局" not in result["tasks"][-1]["text"]  # the signature is not task text


def test_sample_plan_size_is_in_range():
    result = parse_plan_text(SAMPLE.read_text(encoding="utf-8"))
    assert 32 <= len(result["tasks"]) <= 40 and 6 <= len(result["headings"]) <= 8


# -- Traditional characters and mixed punctuation ----------------------------------------------
TRADITIONAL = """\
範例縣2026年教育工作要點
一、加強黨的建設
（一）完善學校黨組織領導的校長負責制。修訂議事規則，建成示範學校5所。
責任單位：黨建辦、各中小學
完成時間：2026年6月
（二）推進清廉學校建設。每學期開展專題培訓不少於2次。
責任單位：紀檢組，各幼兒園
完成時限：年底前
二、提升教育質量
（三）深化課堂教學改革。覆蓋率達到100%。（教研室，9月底前）
"""


def test_traditional_plan():
    result = parse_plan_text(TRADITIONAL)
    check_shape(result)
    assert result["title"] == "範例縣2026年教育工作要點" and result["year"] == 2026
    tasks = result["tasks"]
    assert [t["path"] for t in tasks] == [["一", "（一）"], ["一", "（二）"], ["二", "（三）"]]
    assert tasks[0]["title"] == "完善學校黨組織領導的校長負責制"  # as written
    assert tasks[0]["units"] == ["黨建辦", "各中小學"]
    assert tasks[0]["applies_to"] == ["小学", "初中", "九年一贯制", "高中"]
    assert tasks[0]["deadline"] == "2026-06"
    assert tasks[1]["deadline"] == "2026-12" and tasks[1]["applies_to"] == ["幼儿园"]
    assert [(g["value"], g["unit"]) for g in tasks[1]["targets"]] == [("2", "次")]
    assert tasks[2]["units"] == ["教研室"] and tasks[2]["deadline"] == "2026-09"


def test_mixed_punctuation_and_glued_labels():
    text = "一.加强管理\n(一)完善制度。建立台账。\n1、落实责任,每月检查1次。\n2．規範流程。\n（二）強化監督:定期通報。"
    result = parse_plan_text(text, year=2026)
    assert [t["path"] for t in result["tasks"]] == [["一", "(一)", "1"], ["一", "(一)", "2"], ["一", "（二）"]]
    assert [t["title"] for t in result["tasks"]] == ["落实责任,每月检查1次", "規範流程", "強化監督"]


def test_heading_fields_are_inherited():
    text = ("一、安全工作\n责任单位：安全办，各学校\n完成时间：2026年9月\n1.排查隐患。每月一次。\n"
            "2.开展演练。\n责任单位：基教股\n")
    tasks = parse_plan_text(text)["tasks"]
    assert tasks[0]["units"] == ["安全办", "各学校"] and tasks[0]["deadline"] == "2026-09"
    assert tasks[1]["units"] == ["基教股"] and tasks[1]["deadline"] == "2026-09"
    assert tasks[1]["applies_to"] == []


def test_year_argument_overrides_the_document():
    text = "2022年工作要点\n1.完善制度。\n完成时间：6月"
    assert parse_plan_text(text)["tasks"][0]["deadline"] == "2022-06"
    result = parse_plan_text(text, year=2030)
    assert result["year"] == 2030 and result["tasks"][0]["deadline"] == "2030-06"


def test_repeated_labels_get_unique_ids():
    text = "一、甲\n1.a。正文。\n1.b。正文。\n严守底线。完善机制，强化管理。\n严守红线。完善机制，强化管理。"
    tasks = parse_plan_text(text)["tasks"]
    assert [t["id"] for t in tasks] == ["一/1", "一/1#2", "一/*", "一/*#2"]


def test_a_wrapped_line_is_not_an_unnumbered_task():
    text = "一、甲\n1.加强宣传。完善考核机制，建立定期通报制度，讲好教育故\n事。完善机制，强化管理。\n2.乙。丙。"
    assert [t["path"] for t in parse_plan_text(text)["tasks"]] == [["一", "1"], ["一", "2"]]


def test_notice_preamble_and_intro_inline_list():
    text = ("关于印发《示例县2023年教育工作要点》的通知\n各中小学、幼儿园：\n现将《示例县2023年教育工作要点》印发给你们。\n"
            "示例县教育局\n2023年2月1日\n一、实施党建引领工程\n深入学习，一是加强政治建设；二是加强作风建设。\n"
            "1.坚持党建。持续推进。\n2.从严治党。严格落实。\n二、质量\n（一）提升质量。一是甲。二是乙。")
    result = parse_plan_text(text)
    assert result["title"] == "示例县2023年教育工作要点"
    # the intro's 一是/二是 are description (the section has numbered tasks); (一)'s are its tasks
    assert [t["path"] for t in result["tasks"]] == [["一", "1"], ["一", "2"], ["二", "（一）", "一是"],
                                                    ["二", "（一）", "二是"]]
    assert "一是加强政治建设" in result["headings"][0]["text"]


def test_framing_sections_are_not_tasks():
    text = "一、指导思想\n以习近平新时代中国特色社会主义思想为指导。\n二、重点任务\n1.完善制度。修订规则。"
    result = parse_plan_text(text)
    assert [t["path"] for t in result["tasks"]] == [["二", "1"]]


def test_unnumbered_document_gives_one_task_per_paragraph():
    result = parse_plan_text("示例县工作要点\n加强党建。完善制度。\n提升质量。深化改革。")
    assert [t["title"] for t in result["tasks"]] == ["加强党建", "提升质量"]


def test_headings_are_the_non_leaf_nodes():
    result = parse_plan_text("一、甲\n（一）乙\n1.丙。内容。\n（二）丁。内容。\n二、戊。内容。")
    assert [h["path"] for h in result["headings"]] == [["一"], ["一", "（一）"]]
    assert [t["path"] for t in result["tasks"]] == [["一", "（一）", "1"], ["一", "（二）"], ["二"]]


# -- errors and robustness ---------------------------------------------------------------------
@pytest.mark.parametrize("text", ["", "   \n\n\t", "只有标题", "\ufeff"])
def test_no_tasks_is_one_clear_error(text):
    with pytest.raises(TaizhangError) as e:
        parse_plan_text(text)
    assert e.value.zh and e.value.en


def test_non_text_input():
    with pytest.raises(TaizhangError):
        parse_plan_text(b"bytes")  # type: ignore[arg-type]


_PIECES = st.sampled_from([
    "一、", "二、", "十、", "（一）", "(二)", "1.", "2、", "３．", "(1)", "①", "②", "一是", "二是", "第一部分", "壹、",
    "责任单位：", "牵头单位:", "完成时间：", "（责任单位：基教股；完成时限：6月）", "2022年", "12月底前", "年底前",
    "各中小学、幼儿园", "民乐一中", "不少于1小时", "xx%", "**所", "1至3项", "。", "，", "；", "：", "\n", " ", "\u3000",
    "加强党建", "2.0", "《方案（试行）》", "(", ")", "（", "）", "2023年工作打算", "存在问题", "工作总结", "*",
])


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=400), st.lists(_PIECES, max_size=60).map("".join)))
def test_any_text_gives_tasks_or_one_taizhang_error(text):
    try:
        result = parse_plan_text(text)
    except TaizhangError:
        return
    check_shape(result)


def test_hard_wrapped_text_is_unwrapped():
    """Text copied out of a PDF: every paragraph broken at the same width."""
    para = ("深化课堂教学改革。推进改革，确保全县中小学在6月底前完成课堂教学改革试点任务，形成可推广的经验。完善机制，"
            "强化管理，提升质量，全面推进素质教育，促进学生全面发展，办好人民满意的教育。严守底线，落实责任，加强督导，"
            "确保各项工作落到实处。")
    wrapped = []
    for n in (1, 2, 3):
        body = f"{n}.{para}"
        wrapped += [body[i:i + 24] for i in range(0, len(body), 24)]
    tasks = parse_plan_text("示例县2026年教育工作要点\n一、提升质量\n" + "\n".join(wrapped))["tasks"]
    assert [t["path"] for t in tasks] == [["一", "1"], ["一", "2"], ["一", "3"]]
    assert all(t["deadline"] for t in tasks) and all("\n" not in t["text"] for t in tasks)
    assert tasks[0]["text"] == para


def _wrapped_as_set(paragraph: str, width: int) -> list[str]:
    """``paragraph`` broken into lines the way a PDF sets it: by rendered width, a Chinese font setting wide
    and ambiguous characters (“ ” … ①) full width (2 units), others half width."""
    import unicodedata

    lines, line, used = [], "", 0
    for ch in paragraph:
        units = 2 if unicodedata.east_asian_width(ch) in "WFA" else 1
        if used + units > width:
            lines, line, used = [*lines, line], "", 0
        line, used = line + ch, used + units
    return [*lines, line]


def test_a_wrap_that_leaves_a_numeral_at_a_line_start_is_still_unwrapped():
    """A PDF's line broke "教师队|伍、班主任" (伍 is also the formal numeral five) and its lines hold quotation
    marks, set full width: the paragraph is still one task, and no heading "伍" is made up."""
    paras = ["1.优化师资配置。全面落实“县管校聘”改革，统筹调配各学段教师，加强教师队伍、班主任队伍和心理健康教师队伍建设，"
             "完善教师交流轮岗机制，推动城乡师资均衡配置，确保每所学校开齐开足课程。",
             "2.提升培训实效。实施“国培”“省培”“县培”三级培训，组织新任教师、骨干教师、班主任分层分类培训，全年培训教师"
             "不少于1500人次，培训满意度达到95%以上，形成一批可推广的培训课程。",
             "3.加强师德师风。开展“师德师风建设月”活动，建立师德档案，落实师德“一票否决”，对有偿补课、违规收受礼品礼金"
             "等问题“零容忍”，全年开展专项检查不少于2次，营造风清气正的育人环境。"]
    lines = [line for para in paras for line in _wrapped_as_set(para, 72)]
    assert any(line.startswith("伍、") for line in lines)  # the wrap this test is about
    tasks = parse_plan_text("示例县2026年教育工作要点\n一、队伍建设\n" + "\n".join(lines))["tasks"]
    assert [t["path"] for t in tasks] == [["一", "1"], ["一", "2"], ["一", "3"]]
    assert [t["text"] for t in tasks] == [p.split(".", 1)[1] for p in paras]


def test_a_label_in_sequence_after_a_full_line_still_starts_an_item():
    """The other side of the rule: "2." after a line that "1." started is the next item, however wide the line."""
    body = "完善机制，强化管理，提升质量，全面推进素质教育，促进学生全面发展，办好人民满意的教育，严守底线落实责任"
    lines = [f"{n}.{'甲乙丙丁戊'[n - 1]}项工作。{body}" for n in range(1, 6)]
    tasks = parse_plan_text("示例县2026年教育工作要点\n一、提升质量\n" + "\n".join(lines))["tasks"]
    assert [t["path"] for t in tasks] == [["一", str(n)] for n in range(1, 6)]


def test_plan_package_does_not_import_qt():
    import subprocess
    import sys

    code = ("import sys; from desktop.core.planreader import parse_plan_file; "
            f"parse_plan_file({str(SAMPLE)!r}); "
            "print(','.join(m for m in sys.modules if m.startswith(('PySide', 'shiboken'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).resolve().parents[3])
    assert out.stdout.strip() == ""


@pytest.mark.parametrize("signature", ["示例县教育局 2023年2月", "示例县教育局\n2023年2月", "示例县教育局\n二〇二三年二月",
                                       "示例县教育局\n2023年2月10日"])
def test_signature_is_not_task_text(signature):
    text = f"示例县2023年教育工作要点\n一、甲\n1.完善制度。修订规则。\n完成时限：2023年12月\n{signature}\n"
    task = parse_plan_text(text)["tasks"][-1]
    assert task["text"] == "完善制度。修订规则。" and task["deadline"] == "2023-12"


def test_a_deadline_field_is_never_taken_for_a_signature():
    task = parse_plan_text("示例县2023年教育工作要点\n一、甲\n1.完善制度。修订规则。\n完成时限：2023年12月")["tasks"][0]
    assert task["deadline"] == "2023-12"


def test_a_line_leaving_a_bracket_open_continues_on_the_next():
    text = "示例县2023年教育工作要点\n一、甲\n1.做好招生考试工作。确保平稳有序。（考试中心，20\n23年6月至7月）\n2.乙。丙。"
    task = parse_plan_text(text)["tasks"][0]
    assert task["units"] == ["考试中心"] and task["deadline"] == "2023-07"


def test_an_open_ended_deadline_is_not_inherited():
    text = "示例县2023年工作要点\n一、常规管理\n完成时限：2023年12月\n1.加强师德。开展排查。\n完成时限：长期坚持\n2.落实资助。应助尽助。"
    tasks = parse_plan_text(text)["tasks"]
    assert [t["deadline"] for t in tasks] == [None, "2023-12"]


def test_numbering_that_runs_on_after_a_section_opening_in_a_flattened_document():
    """A whole plan on one line (a web page copied without its paragraph breaks), its items numbered through
    the document and each section opening with sentences of its own: the items after an opening still count."""
    sections = [
        ("实施党建引领工程", "坚持党对教育工作的全面领导，推动全面从严治党向纵深发展。",
         ["坚持把党的政治建设摆在首要位置", "坚定不移全面从严治党", "深化思想作风建设"]),
        ("实施立德树人工程", "完善“三全育人”体系，优化大中小一体化思政育人机制，促进学生全面发展、健康成长。",
         ["推进学校思政教育创新", "加强新时代学校文化建设", "推动依法治教工作"]),
        ("实施教师素养提升工程", "落实师德师风要求，建设高素质专业化教师队伍。",
         ["加强师德师风建设", "深化教师管理改革"]),
    ]
    body, n = [], 0
    for k, (heading, opening, items) in enumerate(sections):
        body.append(f"{'一二三'[k]}、{heading}{opening}")
        for title in items:
            n += 1
            body.append(f"{n}.{title}。组织开展专项行动，建立工作台账，定期督查通报，确保各项措施落地见效。")
    tasks = parse_plan_text("示例县2026年教育工作要点\n" + "".join(body))["tasks"]
    assert [t["title"] for t in tasks] == [title for _, _, items in sections for title in items]
    assert [t["path"][0] for t in tasks] == ["一"] * 3 + ["二"] * 3 + ["三"] * 2
