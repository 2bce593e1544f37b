"""Issue 20: bombs, giants, names that are not text, non-finite numbers and XML-illegal user text, in every
reader of an outside file (roster, plan document, package) and every writer (publish, export, summary)."""

from __future__ import annotations

import io
import os
import struct
import subprocess
import sys
import zipfile

import openpyxl
import pytest

from desktop.core import services, zipsafe
from desktop.core.db.connection import open_db
from desktop.core.errors import TaizhangError
from desktop.core.intake import merge
from desktop.core.records import entries, evidence
from desktop.core.roster import reader as roster_reader

SHARED_STRINGS_CT = b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-' \
                    b'officedocument.spreadsheetml.sharedStrings+xml"/>'


def _small_roster() -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["学校代码", "学校名称"])
    ws.append(["S001", "第一小学"])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _with_giant_shared_strings(path, inflated_mb: int = 300, declare: int | None = None) -> None:
    """A ~1 MB workbook whose xl/sharedStrings.xml inflates to ``inflated_mb`` MB (streamed: the test never
    holds it). With ``declare`` the directory and local header lie about the inflated size."""
    with zipfile.ZipFile(io.BytesIO(_small_roster())) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", SHARED_STRINGS_CT + b"</Types>")
            elif info.filename == "xl/_rels/workbook.xml.rels":
                data = data.replace(b"</Relationships>", b'<Relationship Id="rIdSS" Type="http://schemas.openxmlformats'
                                    b'.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
                                    b"</Relationships>")
            out.writestr(info.filename, data)
        with out.open("xl/sharedStrings.xml", "w") as fh:
            fh.write(b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">')
            block = b"<si><t>aaaaaaaaaaaaaaaa</t></si>" * (1 << 15)
            for _ in range(inflated_mb * (1 << 20) // len(block)):
                fh.write(block)
            fh.write(b"</sst>")
    if declare is not None:
        data = bytearray(path.read_bytes())
        for sig, size_at, len_at, name_at in ((b"PK\x03\x04", 22, 26, 30), (b"PK\x01\x02", 24, 28, 46)):
            start = 0
            while (at := data.find(sig, start)) >= 0:
                n = struct.unpack_from("<H", data, at + len_at)[0]
                if bytes(data[at + name_at:at + name_at + n]) == b"xl/sharedStrings.xml":
                    struct.pack_into("<I", data, at + size_at, declare)
                start = at + 4
        path.write_bytes(bytes(data))


def test_roster_whose_shared_strings_inflate_to_300_mb_is_refused_from_the_directory(tmp_path):
    bomb = tmp_path / "roster_reader.xlsx"
    _with_giant_shared_strings(bomb, 300)
    assert bomb.stat().st_size < 2 << 20
    with pytest.raises(TaizhangError) as info:
        roster_reader.read_roster(bomb)
    assert "压缩炸弹" in str(info.value) or "过大" in str(info.value)  # refused on declared sizes, nothing inflated
    assert info.value.code in ("zip_bomb", "member_too_large")


def test_roster_member_that_lies_about_its_size_is_refused_without_inflating_past_it(tmp_path):
    liar = tmp_path / "roster_reader.xlsx"
    _with_giant_shared_strings(liar, 64, declare=4096)  # claims 4 KB, holds 64 MB
    with pytest.raises(TaizhangError, match="roster"):
        roster_reader.read_roster(liar)


def test_read_bounded_stops_at_the_declared_size():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("x", b"\0" * 5000)
    with zipfile.ZipFile(buf) as zf, pytest.raises(zipsafe.ZipRefused, match="too large"):
        zipsafe.read_bounded(zf, zf.getinfo("x"), 1000)


@pytest.mark.parametrize("suffix", [".docx", ".xlsx"])
def test_plan_document_bomb_is_refused_before_parsing(tmp_path, suffix):
    from desktop.core.planreader import parse_plan_file

    bomb = tmp_path / f"plan{suffix}"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", b"<Types/>")
        with zf.open("word/document.xml" if suffix == ".docx" else "xl/sharedStrings.xml", "w") as fh:
            for _ in range(50):  # 40 MB inflated, ~40 KB deflated
                fh.write(b"<w:t>x</w:t>" * (1 << 16))
    with pytest.raises(TaizhangError) as info:
        parse_plan_file(bomb)
    assert "压缩炸弹" in str(info.value) and "zip bomb" in str(info.value)


def test_non_finite_number_in_a_roster_cell_is_refused(tmp_path):
    path = tmp_path / "nan.xlsx"
    path.write_bytes(_small_roster())
    with zipfile.ZipFile(path) as zf:
        parts = {n: zf.read(n) for n in zf.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"]
    sheet = sheet.replace(b'<dimension ref="A1:B2"/>', b'<dimension ref="A1:B3"/>')
    parts["xl/worksheets/sheet1.xml"] = sheet.replace(b"</sheetData>", b'<row r="3"><c r="A3" t="n"><v>1e999</v></c>'
                                                      b'<c r="B3" t="inlineStr"><is><t>x</t></is></c></row></sheetData>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for n, d in parts.items():
            zf.writestr(n, d)
    with pytest.raises(TaizhangError, match="non-finite"):
        roster_reader.read_roster(path)


@pytest.mark.parametrize("value", ["NaN", "-Infinity", "inf", "sNaN", "1e999999"])
def test_non_finite_indicator_value_in_a_signed_report_is_refused(world, county_db, forger, value):
    bad = world / "nan.xlsx"

    def edit(m):
        m["entries"][0]["indicators"] = [{"seq": 1, "value": value}]
    forger(sorted((world / "reports").glob("*.xlsx"))[0], bad, manifest_edit=edit)
    [r] = merge.merge_paths(county_db, [bad], workers=0)
    assert r.outcome == "rejected" and "量化指标" in r.reason, r


# ------------------------------------------------------------------------------------ names


def test_file_names_that_are_not_text_never_crash_verify_merge_or_the_cli(world, county_db, tmp_path):
    src = sorted((world / "reports").glob("*.xlsx"))[0]
    folder = tmp_path / "odd"
    folder.mkdir()
    names = [b"\xff\xfe-undecodable.xlsx", b"esc-\x1b[31mred\x1b[0m.xlsx", "rlo-\u202egpj.xlsx".encode()]
    for raw in names:
        with open(os.path.join(os.fsencode(folder), raw), "wb") as fh:
            fh.write(src.read_bytes() if raw.startswith(b"\xff") else b"junk")
    results = merge.merge_paths(county_db, [folder], workers=0)
    assert sorted(r.outcome for r in results) == ["accepted", "rejected", "rejected"]
    for r in results:
        assert "\x1b" not in r.file and "\u202e" not in r.file
        r.file.encode("utf-8")  # no lone surrogates left
    out = subprocess.run([sys.executable, "-m", "desktop", "verify", str(folder)], capture_output=True)
    text = out.stdout.decode("utf-8") + out.stderr.decode("utf-8")
    assert out.returncode == 1 and "Traceback" not in text
    assert b"\x1b" not in out.stdout + out.stderr and "\u202e" not in text
    assert "\\x1b[31m" in text
    js = subprocess.run([sys.executable, "-m", "desktop", "verify", str(folder), "--json"], capture_output=True)
    assert js.returncode == 1 and b"Traceback" not in js.stderr and b"\x1b" not in js.stdout


def test_member_names_that_are_not_text_in_an_archive(world, county_db, tmp_path):
    outer = tmp_path / "usb.zip"
    src = sorted((world / "reports").glob("*.xlsx"))[0].read_bytes()
    with zipfile.ZipFile(outer, "w") as zf:
        zf.writestr("a\x1b[2J\x00.xlsx", src)
        zf.writestr(zipfile.ZipInfo("b-\udcff.xlsx".encode("utf-8", "surrogateescape").decode("cp437")), src)
    results = merge.merge_paths(county_db, [outer], workers=0)
    assert results and all("\x1b" not in r.file and "\x00" not in r.file for r in results)


def test_safe_text_escapes_everything_a_terminal_would_act_on():
    assert zipsafe.safe_text("a\x1b[31m\x07\x00\u202e\udcff\x85b") == "a\\x1b[31m\\x07\\x00\\u202e\\udcff\\x85b"
    assert zipsafe.safe_text(b"\xff ok") == "\\xff ok"


# ------------------------------------------------------------------------------------ XML-illegal user text


EVIL = "说明\x00\x07\x0b\x1b[0m\ufffe\uffff结束"


def test_xml_illegal_user_text_never_breaks_publish_export_merge_or_summary(world, tmp_path):
    code = sorted(p.stem for p in (world / "reports").glob("*.xlsx"))[0]
    db = open_db(world / "schools" / f"{code}.db")
    plan = db.execute("SELECT plan_id FROM plans").fetchone()[0]
    period = services.reporting.default_period(db)
    task = services.reporting.school_tasks(db)[0]["task_id"]
    entries.save_entry(db, code, plan, task, period, narrative=EVIL, problems=EVIL, next_steps=EVIL, status="进行中")
    f = tmp_path / "e.txt"
    f.write_text("x")
    evidence.add_evidence(db, code, plan, task, period, f, name="名\x07称\ufffe.txt")
    services.reporting.export_report(db, world / "evil.xlsx")
    db.close()
    [v] = services.files.verify_files([world / "evil.xlsx"])
    assert v["valid"], v
    county = open_db(world / "county.db")
    [r] = merge.merge_paths(county, [world / "evil.xlsx"], workers=0)
    assert r.outcome == "accepted", r
    services.standing.write_summary(county, tmp_path / "summary.xlsx")
    county.close()
    texts = {c.value for ws in openpyxl.load_workbook(world / "evil.xlsx").worksheets for row in ws.iter_rows()
             for c in row if isinstance(c.value, str)}
    assert "说明[0m结束" in texts


def test_xml_illegal_text_in_a_plan_is_dropped_at_publish(tmp_path):
    from desktop.core.db.connection import transaction
    from desktop.core.roster import store as roster_store
    from desktop.core.tasklist import store as task_store

    db_path = tmp_path / "county.db"
    services.setup.county_init(db_path, "示例县\x07")
    db = open_db(db_path)
    with transaction(db):
        task_store.save_parsed_plan(db, {"title": "要点\ufffe", "year": 2026, "headings": [{"path": ["1"], "title": "一"}],
                                        "tasks": [{"path": ["1", "1"], "title": "任务\x00一", "text": "做\x1b事",
                                                   "units": [], "deadline": None, "applies_to": [], "targets": []}]},
                                   county="示例县", source_name="p.txt")
        roster_store.replace_roster(db, [{"code": "S1", "name": "学校\x07", "type": "", "township": ""}])
        roster_store.upsert_period(db, "上半年", None)
    services.tasklist.publish(db, tmp_path / "plan.xlsx")
    db.close()
    services.setup.school_init(tmp_path / "plan.xlsx", "S1", tmp_path / "s.db", county_fingerprint=services.setup.plan_fingerprint(tmp_path / "plan.xlsx"))


def test_explaining_changed_cells_is_bounded():
    from desktop.core.package import tamper
    from desktop.core.package.container import PackageInvalid

    exc = PackageInvalid("x", "x", sheets=["任务完成情况"])
    exc.manifest = {"kind": "report", "entries": [{}] * (tamper.MAX_EXPLAINED_ROWS + 1),
                    "sheets": {"xl/worksheets/sheet2.xml": "任务完成情况"}}
    assert tamper.changes(b"not even a zip", exc) == []  # no 5,001-row rebuild, no read
