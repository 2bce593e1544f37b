"""Rosters as bureaus keep them (issue 13): CSV from Excel/WPS on Chinese Windows (GBK/GB18030), UTF-8
with or without BOM, header synonyms (单位代码/单位名称/学段/片区…), a title row above the header."""

from __future__ import annotations

import csv
import io
import os

import pytest
from openpyxl import Workbook

from desktop.core.errors import TaizhangError
from desktop.core.roster import reader

ROWS = [("SLX001", "示例县城关第一小学", "小学", "城关镇"), ("SLX002", "示例县第二中学", "初中", "东乡")]
EXPECTED = [{"code": c, "name": n, "type": t, "township": w} for c, n, t, w in ROWS]


def _csv(headers, rows, *, title=None) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")  # what Excel writes
    if title:
        w.writerow([title, "", "", ""])
    w.writerow(headers)
    w.writerows(rows)
    return buf.getvalue()


@pytest.mark.parametrize("encoding", ["gbk", "cp936", "gb18030", "utf-8", "utf-8-sig", "utf-16"])
def test_csv_in_every_encoding_excel_and_wps_write(tmp_path, encoding):
    path = tmp_path / "学校名单.csv"
    path.write_bytes(_csv(reader.TEMPLATE_HEADERS, ROWS).encode(encoding))
    assert reader.read_roster(path) == EXPECTED


def test_a_gb18030_only_character_reads_right(tmp_path):
    path = tmp_path / "r.csv"
    path.write_bytes(_csv(reader.TEMPLATE_HEADERS, [("SLX003", "䶮城学校", "小学", "")]).encode("gb18030"))
    assert reader.read_roster(path)[0]["name"] == "䶮城学校"


@pytest.mark.parametrize("headers", [
    ("单位代码", "单位名称", "学段", "片区"),
    ("代码", "名称", "类型", "乡镇"),
    ("学校代码*", "学校名称（全称）", "学校类型", "所属乡镇"),
    (" 学校代码 ", "学校\n名称", "学段", "所属乡镇"),
])
def test_header_synonyms(tmp_path, headers):
    path = tmp_path / "r.csv"
    path.write_bytes(_csv(headers, ROWS).encode("gbk"))
    assert reader.read_roster(path) == EXPECTED


def test_a_title_row_above_the_header_in_csv_and_xlsx(tmp_path):
    path = tmp_path / "r.csv"
    path.write_bytes(_csv(("单位代码", "单位名称", "学段", "片区"), ROWS, title="示例县2026年学校名单").encode("gbk"))
    assert reader.read_roster(path) == EXPECTED
    wb = Workbook()
    ws = wb.active
    ws.append(["示例县2026年中小学校名单"])
    ws.merge_cells("A1:D1")
    ws.append([])
    ws.append(["序号", "单位名称", "单位代码", "学段", "所属乡镇"])
    for i, (c, n, t, w) in enumerate(ROWS, start=1):
        ws.append([i, n, c, t, w])
    wb.save(tmp_path / "r.xlsx")
    assert reader.read_roster(tmp_path / "r.xlsx") == EXPECTED


def test_a_tab_separated_text_file_saved_as_csv(tmp_path):
    path = tmp_path / "r.csv"
    path.write_bytes("\r\n".join("\t".join(r) for r in [reader.TEMPLATE_HEADERS, *ROWS]).encode("gbk"))
    assert reader.read_roster(path) == EXPECTED


def test_bytes_in_no_known_encoding_get_a_clear_message(tmp_path):
    path = tmp_path / "r.csv"
    path.write_bytes(b"\x81\x30\xff\xfe\x00garbage\xff" * 10)
    with pytest.raises(TaizhangError):
        reader.read_roster(path)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file: chmod cannot simulate a locked file")
def test_a_locked_roster_says_close_the_other_program(tmp_path):
    path = tmp_path / "r.csv"
    path.write_bytes(_csv(reader.TEMPLATE_HEADERS, ROWS).encode("gbk"))
    path.chmod(0)
    with pytest.raises(TaizhangError, match="占用"):
        reader.read_roster(path)


def test_a_locked_roster_simulated_with_a_permission_error(tmp_path, monkeypatch):
    """On Windows a file open in Excel/WPS raises PermissionError (a sharing violation)."""
    path = tmp_path / "r.csv"
    path.write_bytes(_csv(reader.TEMPLATE_HEADERS, ROWS).encode("gbk"))

    def locked(self):
        raise PermissionError(13, "The process cannot access the file because it is being used by another process")

    monkeypatch.setattr(type(path), "read_bytes", locked)
    with pytest.raises(TaizhangError, match="占用"):
        reader.read_roster(path)


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_the_template_reads_back(tmp_path, suffix):
    path = reader.write_template(tmp_path / f"模板{suffix}")
    assert [s["code"] for s in reader.read_roster(path)] == ["SLX001", "SLX002"]
