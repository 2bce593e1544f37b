"""The plan workbook a school loads (school init / plan update) is checked like any package (issue 8)."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from desktop.core import services
from desktop.core.db.connection import open_db
from desktop.core.errors import TaizhangError


def _code(world):
    return sorted(p.stem for p in (world / "reports").glob("*.xlsx"))[0]


def _refused(world, tmp_path, plan_file, needle):
    target = tmp_path / "school.db"
    with pytest.raises(TaizhangError, match=needle):
        services.setup.school_init(plan_file, _code(world), target, county_fingerprint=services.setup.plan_fingerprint(plan_file))
    assert not target.exists() or target.stat().st_size == 0


def test_tampered_plan_workbook_is_refused(world, tmp_path, edit_cell_text):
    bad = tmp_path / "plan.xlsx"
    edit_cell_text(world / "plan.xlsx", bad, "xl/worksheets/sheet2.xml", "各中小学", "各幼儿园")
    _refused(world, tmp_path, bad, "签名后被改动")


def test_plan_resigned_by_another_key_with_a_consistent_digest_is_refused_on_update(world, tmp_path, forger):
    school_db = sorted((world / "schools").glob("*.db"))[0]
    fake = tmp_path / "plan-v2.xlsx"

    def newer(m):
        m["plan"]["version"] += 1
    forger(world / "plan.xlsx", fake, manifest_edit=newer)
    db = open_db(school_db)
    before = db.execute("SELECT version, digest FROM plans").fetchall()
    with pytest.raises(TaizhangError, match="不是由本县教育局的密钥签名"):
        services.setup.load_plan_update(db, fake)
    assert db.execute("SELECT version, digest FROM plans").fetchall() == before
    db.close()


def test_a_report_is_not_a_plan(world, tmp_path):
    _refused(world, tmp_path, sorted((world / "reports").glob("*.xlsx"))[0], "文件类型不对")


def test_plan_whose_content_does_not_match_its_digest_is_refused(world, tmp_path, forger):
    bad = tmp_path / "plan.xlsx"
    forger(world / "plan.xlsx", bad, manifest_edit=lambda m: m["tasks"][1].update(title="改过的任务"))
    _refused(world, tmp_path, bad, "摘要不符")


def test_plan_with_malformed_content_is_refused(world, tmp_path, forger):
    bad = tmp_path / "plan.xlsx"
    forger(world / "plan.xlsx", bad, manifest_edit=lambda m: m.update(tasks="everything"))
    _refused(world, tmp_path, bad, "任务清单")


def test_school_not_in_the_plan_roster(world, tmp_path):
    with pytest.raises(TaizhangError, match="不在任务清单的学校名单"):
        services.setup.school_init(world / "plan.xlsx", "NOPE", tmp_path / "s.db", county_fingerprint=services.setup.plan_fingerprint(world / "plan.xlsx"))
    assert not (tmp_path / "s.db").exists()


@pytest.mark.parametrize("data", [b"", b"hello", b"PK\x03\x04" + b"\x00" * 64])
def test_junk_plan_file(world, tmp_path, data):
    bad = tmp_path / "plan.xlsx"
    bad.write_bytes(data)
    _refused(world, tmp_path, bad, "不是有效的 Excel")


@pytest.mark.slow
@pytest.mark.skipif(not (shutil.which("soffice") or shutil.which("libreoffice")), reason="LibreOffice not installed")
def test_report_resaved_by_libreoffice_is_modified_after_signing(world, tmp_path):
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    src = sorted((world / "reports").glob("*.xlsx"))[0]
    work = tmp_path / "lo"
    work.mkdir()
    shutil.copy(src, work / "in.xlsx")
    subprocess.run([exe, "--headless", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", str(tmp_path / "out"),
                    str(work / "in.xlsx")], check=True, capture_output=True, timeout=180)
    resaved = tmp_path / "out" / "in.xlsx"
    proc = subprocess.run([sys.executable, "-m", "desktop", "verify", str(resaved)], capture_output=True, text=True)
    assert proc.returncode == 1
    # named as a re-save: which school's file, that it was saved after export, and to send the original
    assert "在导出后被表格软件打开并保存过" in proc.stdout and "SLX001" in proc.stdout and "导出记录" in proc.stdout
