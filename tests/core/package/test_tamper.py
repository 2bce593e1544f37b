"""'Modified after signing' lists the cells a person changed: what the file shows vs what was signed."""

import zipfile

import openpyxl
import pytest

from desktop.core.package import container, reportbook, tamper
from desktop.core.package.container import PackageInvalid, verify_package
from desktop.core.signing import crypto


@pytest.fixture
def report_file(tmp_path):
    key = crypto.new_private_key()
    content = {
        "county": "示例县", "package_id": "0f0e0d0c-0000-4000-8000-000000000000", "created_at": "2026-06-30T10:00:00+08:00",
        "plan": {"id": "p", "version": 1, "digest": "0" * 64, "title": "工作要点"},
        "school": {"code": "S1", "name": "实验小学"}, "period": "上半年", "revision": 1,
        "tasks": [{"task_id": "1.1", "title": "开展读书活动", "deadline": "2026-06",
                   "targets": [{"seq": 1, "text": "每周不少于2节", "value": "2", "unit": "节"}]}],
        "entries": [{"task_id": "1.1", "status": "进行中", "progress": 50, "narrative": "已开展三次", "problems": "",
                     "next_steps": "", "na_reason": "", "updated_at": "2026-06-01", "indicators": [{"seq": 1, "value": "2"}]}],
        "evidence": [],
    }
    out = tmp_path / "r.xlsx"
    container.write_package(out, kind="report", content=content, workbook=reportbook.build_workbook(
        content, crypto.fingerprint(crypto.public_raw(key))), key=key)
    return out


def _xml(text):
    """openpyxl writes non-ASCII text as character references."""
    return "".join(ch if ord(ch) < 128 else f"&#{ord(ch)};" for ch in text)


def _edit_sheet_xml(src, dst, sheet_part, old, new):
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == sheet_part:
                assert _xml(old).encode() in data
                data = data.replace(_xml(old).encode(), _xml(new).encode())
            zout.writestr(info.filename, data)


def test_rebuilt_signed_cells_match_the_untouched_file(report_file):
    pkg = verify_package(report_file)
    signed = tamper.signed_cells(pkg.manifest, pkg.fingerprint)
    with zipfile.ZipFile(report_file) as zf:
        for part, name in pkg.manifest["sheets"].items():
            assert tamper.visible_cells(zf, part) == signed[name], name


def test_changed_cell_is_listed_with_visible_and_signed_values(report_file, tmp_path):
    pkg = verify_package(report_file)
    part = next(p for p, n in pkg.manifest["sheets"].items() if n == "任务完成情况")
    bad = tmp_path / "bad.xlsx"
    _edit_sheet_xml(report_file, bad, part, "进行中", "已完成")
    with pytest.raises(PackageInvalid) as exc:
        verify_package(bad)
    assert tamper.changes(bad, exc.value) == [
        {"sheet": "任务完成情况", "cell": "D2", "visible": "已完成", "signed": "进行中"}]


@pytest.fixture
def resaved_verdict(report_file, tmp_path):
    """F2 edited and the workbook re-saved through openpyxl (text moves to sharedStrings, every sheet part is
    rewritten), with our parts put back as an editor that keeps unknown parts would: the verdict on it."""
    wb = openpyxl.load_workbook(report_file)
    wb["任务完成情况"]["F2"] = "其实没做"
    resaved = tmp_path / "resaved.xlsx"
    wb.save(resaved)
    merged = tmp_path / "merged.xlsx"
    with zipfile.ZipFile(report_file) as orig, zipfile.ZipFile(resaved) as new, \
            zipfile.ZipFile(merged, "w", zipfile.ZIP_DEFLATED) as out:
        for name in new.namelist():
            out.writestr(name, new.read(name))
        for name in orig.namelist():
            if name.startswith("taizhang/"):
                out.writestr(name, orig.read(name))
    with pytest.raises(PackageInvalid) as exc:
        verify_package(merged)
    return merged, exc.value


def test_excel_style_resave_with_shared_strings_is_explained(resaved_verdict):
    merged, verdict = resaved_verdict
    found = tamper.changes(merged, verdict, ["任务完成情况"])
    assert {"sheet": "任务完成情况", "cell": "F2", "visible": "其实没做", "signed": "已开展三次"} in found


def test_resave_names_only_the_sheet_whose_cells_changed(resaved_verdict):
    explained = tamper.explain(*resaved_verdict)
    assert explained.sheets == ["任务完成情况"]
    assert "modified after signing: sheet 任务完成情况" in str(explained)
