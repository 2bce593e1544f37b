"""A report or plan re-saved by a spreadsheet program is named and explained, never "not ours" (issue 13)."""

from __future__ import annotations

import pickle
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from desktop.core import services
from desktop.core.db.connection import open_db
from desktop.core.intake import merge
from desktop.core.package import resaved
from desktop.core.package.container import EVIDENCE_PREFIX, MANIFEST, SIGNATURE
from desktop.core.words import Outcome, Reason

EXPORT_NAME = "SLX001_示例县第一中学_2026年全年_第1次报送.xlsx"


def spreadsheet_resave(src: Path, dst: Path, *, keep_manifest: bool) -> None:
    """What Excel/WPS/LibreOffice do to our parts: the signature and evidence go; the manifest stays
    only when the program keeps parts the package relationships point to (LibreOffice does)."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            if info.filename == SIGNATURE or info.filename.startswith(EVIDENCE_PREFIX):
                continue
            if info.filename == MANIFEST and not keep_manifest:
                continue
            data = zin.read(info)
            if info.filename == "docProps/app.xml":
                data = b"<Properties><Application>WPS Office</Application></Properties>"
            zout.writestr(info.filename, data)


@pytest.fixture
def report(world) -> Path:
    return sorted((world / "reports").glob("*.xlsx"))[0]


@pytest.mark.parametrize("keep_manifest", [True, False])
def test_verify_names_the_school_and_says_what_was_lost_and_what_to_do(report, tmp_path, keep_manifest):
    out = tmp_path / EXPORT_NAME.replace(".xlsx", "(1).xlsx")  # a chat app's renamed copy
    spreadsheet_resave(report, out, keep_manifest=keep_manifest)
    [r] = services.files.verify_files([out])
    assert not r["valid"]
    assert r["school"] == "SLX001" and r["revision"] == 1 and r["resaved"]["period"] == "2026年全年"
    assert "打开并保存过" in r["reason"] and "导出记录" in r["reason"] and "原始文件" in r["reason"]
    assert "WPS Office" in r["reason"]
    assert "份佐证材料" in r["reason"]  # the evidence lost is counted (manifest, or the 佐证材料 sheet)
    assert r["resaved"]["source"] == ("manifest" if keep_manifest else "cover")


def test_only_the_file_name_survives(tmp_path):
    from openpyxl import Workbook

    out = tmp_path / "SLX009_某校_2026年上半年_第3次报送 - 副本.xlsx"
    Workbook().save(out)
    [r] = services.files.verify_files([out])
    assert r["resaved"]["source"] == "file name" and r["school"] == "SLX009" and r["revision"] == 3


def test_a_workbook_that_was_never_ours_keeps_the_plain_reason(tmp_path):
    from openpyxl import Workbook

    out = tmp_path / "成绩表.xlsx"
    Workbook().save(out)
    [r] = services.files.verify_files([out])
    assert "resaved" not in r and "缺少台账签名" in r["reason"]


def test_the_bureau_import_row_shows_school_period_revision(world, report, tmp_path):
    out = tmp_path / "resaved.xlsx"
    spreadsheet_resave(report, out, keep_manifest=True)
    db = open_db(world / "county.db")
    try:
        [o] = merge.merge_paths(db, [out], workers=0)
        assert o.outcome == Outcome.REJECTED and o.code == Reason.RESAVED
        assert (o.school, o.period, o.revision) == ("SLX001", "2026年全年", 1)
        assert db.execute("SELECT school_code, period, revision, reason_code FROM submissions").fetchone() == (
            "SLX001", "2026年全年", 1, Reason.RESAVED)
        assert db.execute("SELECT COUNT(*) FROM entries").fetchone()[0] == 0  # nothing of the school's data
    finally:
        db.close()


def test_the_verdict_survives_the_trip_back_from_a_worker_process(report, tmp_path):
    out = tmp_path / "r.xlsx"
    spreadsheet_resave(report, out, keep_manifest=True)
    exc = resaved.explain(out, _invalid(out))
    back = pickle.loads(pickle.dumps(exc))
    assert isinstance(back, resaved.ResavedFile) and back.claims == exc.claims and back.zh == exc.zh


def _invalid(path):
    from desktop.core.package.container import PackageInvalid, verify_package

    with pytest.raises(PackageInvalid) as info:
        verify_package(path)
    return info.value


def test_a_plan_workbook_resaved_is_explained_when_the_school_loads_it(world, tmp_path):
    out = tmp_path / "plan.xlsx"
    spreadsheet_resave(world / "plan.xlsx", out, keep_manifest=False)
    with pytest.raises(resaved.ResavedFile) as info:
        services.setup.school_init(out, "SLX001", tmp_path / "s.db", county_fingerprint=services.setup.plan_fingerprint(out))
    assert "任务清单" in info.value.zh and "原始文件" in info.value.zh


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.slow
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")
@pytest.mark.parametrize("which", ["report", "plan"])
def test_a_real_libreoffice_resave_is_recognised(world, report, tmp_path, which):
    src = tmp_path / "in" / (EXPORT_NAME if which == "report" else "plan.xlsx")
    src.parent.mkdir()
    shutil.copyfile(report if which == "report" else world / "plan.xlsx", src)
    outdir = tmp_path / "out"
    subprocess.run([SOFFICE, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo-profile", "--convert-to",
                    "xlsx", "--outdir", str(outdir), str(src)], check=True, capture_output=True, timeout=180)
    [r] = services.files.verify_files([outdir / src.name])
    assert not r["valid"] and r["resaved"]["kind"] == which
    assert "LibreOffice" in r["reason"]
    if which == "report":
        assert (r["school"], r["revision"]) == ("SLX001", 1)
        assert r["resaved"]["evidence_lost"] > 0


def test_a_signature_taken_out_of_an_untouched_file_is_not_called_a_resave(report, tmp_path):
    out = tmp_path / EXPORT_NAME
    with zipfile.ZipFile(report) as zin, zipfile.ZipFile(out, "w") as zout:
        for info in zin.infolist():
            if info.filename != SIGNATURE:
                zout.writestr(info.filename, zin.read(info))
    [r] = services.files.verify_files([out])
    assert "resaved" not in r and "缺少台账签名" in r["reason"]
