"""催报: each school's notice says exactly what the database says it still owes; the .docx reads back."""

from __future__ import annotations

import docx
import pytest

from desktop.core import services
from desktop.core.errors import TaizhangError
from desktop.core.standing import notices

from .conftest import AS_OF


def _owed(db, code):
    """What a reported school owes, counted straight from the merged tables."""
    empty = db.execute("SELECT COUNT(*) FROM entries WHERE school_code = ? AND status = '未开始' AND progress = 0"
                       " AND trim(narrative) = ''", [code]).fetchone()[0]
    no_evidence = db.execute("SELECT COUNT(*) FROM entries e WHERE school_code = ? AND status = '已完成' AND NOT EXISTS"
                             " (SELECT 1 FROM entry_evidence x WHERE x.school_code = e.school_code"
                             " AND x.task_id = e.task_id AND x.period = e.period)", [code]).fetchone()[0]
    return empty, no_evidence


@pytest.fixture
def reminded(merged_but_one, tmp_path):
    db, missing = merged_but_one
    out = tmp_path / "催报"
    written = services.standing.write_reminders(db, out, as_of=AS_OF)
    return db, missing, out, written


def test_the_school_that_has_not_reported_is_told_so(reminded):
    db, missing, out, written = reminded
    assert missing in written["schools"]
    name = db.execute("SELECT name FROM schools WHERE code = ?", [missing]).fetchone()[0]
    text = (out / f"{missing}-{name}.txt").read_text(encoding="utf-8-sig")
    assert text.startswith(f"【催报】{name}") and "尚未报送" in text and "统计截至 2026-09-15 09:00" in text


def test_each_reported_schools_notice_counts_what_the_database_holds(reminded):
    db, missing, out, written = reminded
    checked = 0
    for code, name in db.execute("SELECT code, name FROM schools WHERE code != ?", [missing]).fetchall():
        empty, no_evidence = _owed(db, code)
        path = out / f"{code}-{name}.txt"
        if not path.exists():
            assert (empty, no_evidence) == (0, 0) or code not in written["schools"]
            continue
        text = path.read_text(encoding="utf-8-sig")
        assert (f"{empty} 项任务未填写" in text) == bool(empty), code
        assert (f"{no_evidence} 项已完成的任务缺佐证材料" in text) == bool(no_evidence), code
        assert b"\r\n" in path.read_bytes()  # Notepad on old Windows shows the lines
        checked += 1
    assert checked


def test_one_message_per_township_lists_its_schools(reminded):
    db, _, out, written = reminded
    for town in written["townships"]:
        text = (out / f"乡镇-{notices.file_name(town or '未填乡镇')}.txt").read_text(encoding="utf-8-sig")
        names = [r[0] for r in db.execute("SELECT name FROM schools WHERE township = ? AND code IN ({})".format(",".join(
            "?" * len(written["schools"]))), [town, *written["schools"]]).fetchall()]
        assert names and all(f"· {n}：" in text for n in names)


def test_the_printable_notice_has_one_row_per_school_that_owes(reminded):
    db, missing, _, written = reminded
    doc = docx.Document(str(written["docx"]))
    table = doc.tables[0]
    assert [c.text for c in table.rows[0].cells] == ["序号", "乡镇", "学校", "情况", "需要补充"]
    rows = [[c.text for c in r.cells] for r in table.rows[1:]]
    assert len(rows) == len(written["schools"])
    name = db.execute("SELECT name FROM schools WHERE code = ?", [missing]).fetchone()[0]
    assert [r[3] for r in rows if r[2] == name] == ["未报送"]
    section = doc.sections[0]
    assert abs(section.page_width.mm - 210) < 1 and abs(section.page_height.mm - 297) < 1  # A4


def test_a_file_in_place_of_the_folder_is_a_clear_error(merged_but_one, tmp_path):
    db, _ = merged_but_one
    (tmp_path / "x").write_text("")
    with pytest.raises(TaizhangError, match="不是文件夹"):
        services.standing.write_reminders(db, tmp_path / "x")


def test_file_names_lose_what_windows_refuses():
    assert notices.file_name('a/b:c*?"<>|') == "a_b_c_"
