"""Hostile report packages: each is refused with a clear reason and changes no school data (issue 8)."""

from __future__ import annotations

import io
import json
import shutil
import zipfile

import pytest

from desktop.core import services
from desktop.core.db.connection import open_db
from desktop.core.intake import merge
from desktop.core.package import container
from desktop.core.records import entries, evidence
from desktop.core.signing import crypto, identity


def _first(world):
    return sorted((world / "reports").glob("*.xlsx"))[0]


def _school_key(world, code):
    db = open_db(world / "schools" / f"{code}.db")
    try:
        return identity.load(db).private_key()
    finally:
        db.close()


def _rejected(county_db, counts, path, *needles):
    before = counts(county_db)
    [r] = merge.merge_paths(county_db, [path], workers=0)
    assert r.outcome == "rejected", r
    for needle in needles:
        assert needle in r.reason, r.reason
    assert counts(county_db) == before
    [verdict] = services.files.verify_files([path]) if path.exists() else [{"valid": False}]
    return r, verdict


def test_missing_signature(world, county_db, counts):
    bad = world / "nosig.xlsx"
    with zipfile.ZipFile(_first(world)) as zin, zipfile.ZipFile(bad, "w") as zout:
        for n in zin.namelist():
            if n != container.SIGNATURE:
                zout.writestr(n, zin.read(n))
    _, v = _rejected(county_db, counts, bad, "缺少台账签名", "no Taizhang signature")
    assert v["valid"] is False


@pytest.mark.parametrize("sig", [b"{}", b"not json", b'{"alg":"Ed25519","public_key":"AAAA","signature":"AAAA"}',
                                 b"[" * 100000])
def test_malformed_signature(world, county_db, counts, sig):
    bad = world / "badsig.xlsx"
    with zipfile.ZipFile(_first(world)) as zin, zipfile.ZipFile(bad, "w") as zout:
        for n in zin.namelist():
            zout.writestr(n, sig if n == container.SIGNATURE else zin.read(n))
    _rejected(county_db, counts, bad, "签名")


def test_valid_signature_over_another_manifest(world, county_db, counts):
    a, b = sorted((world / "reports").glob("*.xlsx"))[:2]
    bad = world / "mixed.xlsx"
    with zipfile.ZipFile(a) as za, zipfile.ZipFile(b) as zb, zipfile.ZipFile(bad, "w") as zout:
        for n in za.namelist():
            zout.writestr(n, zb.read(container.SIGNATURE) if n == container.SIGNATURE else za.read(n))
    _rejected(county_db, counts, bad, "签名无效", "bad signature")


def test_manifest_edited_after_signing(world, county_db, counts, forger):
    bad = world / "edited.xlsx"
    forger(_first(world), bad, manifest_edit=lambda m: m.update(revision=99), keep_signature=True)
    _rejected(county_db, counts, bad, "签名无效")


def test_another_key_after_the_school_key_is_pinned_waits_for_approval(world, county_db, counts, forger):
    src = _first(world)
    merge.merge_paths(county_db, [src], workers=0)
    bad = world / "otherkey.xlsx"
    forger(src, bad, manifest_edit=lambda m: m.update(revision=2, package_id="11111111-2222-4333-8444-555555555555"))
    before = counts(county_db)
    [r] = merge.merge_paths(county_db, [bad], workers=0)
    assert r.outcome == "rejected" and "pending approval" in r.reason
    after = counts(county_db)
    assert after.pop("trusted_keys") == before.pop("trusted_keys") + 1  # the request, not a pin
    assert after == before


def test_old_key_after_a_key_change_is_refused(world, county_db, counts, forger, tmp_path):
    src = _first(world)
    code = src.stem
    merge.merge_paths(county_db, [src], workers=0)
    new_key = crypto.new_private_key()
    rev2 = world / "rev2.xlsx"
    forger(src, rev2, key=new_key, manifest_edit=lambda m: m.update(revision=2, package_id="a" * 8 + "-0000-4000-8000-" + "0" * 12))
    merge.merge_paths(county_db, [rev2], workers=0)
    [held] = services.intake.approve_key(county_db, code, crypto.fingerprint(crypto.public_raw(new_key)))
    assert held.outcome == "accepted"
    old = _school_key(world, code)
    rev3 = world / "rev3.xlsx"
    forger(src, rev3, key=old, manifest_edit=lambda m: m.update(revision=3, package_id="b" * 8 + "-0000-4000-8000-" + "0" * 12))
    _rejected(county_db, counts, rev3, "旧密钥", "replaced or refused")


def test_package_for_another_county(world, county_db, counts, forger):
    bad = world / "elsewhere.xlsx"
    forger(_first(world), bad, manifest_edit=lambda m: m.update(county="别的县"))
    _rejected(county_db, counts, bad, "another county")


def test_unknown_plan_version(world, county_db, counts, forger):
    bad = world / "plan9.xlsx"
    forger(_first(world), bad, manifest_edit=lambda m: m["plan"].update(version=9))
    _rejected(county_db, counts, bad, "unknown plan")


def test_two_schools_swapped_file_names_do_not_decide_the_school(world, county_db):
    a, b = sorted((world / "reports").glob("*.xlsx"))[:2]
    swapped = world / "swap"
    swapped.mkdir()
    shutil.copy(a, swapped / b.name)
    shutil.copy(b, swapped / a.name)
    results = merge.merge_paths(county_db, [swapped], workers=0)
    assert sorted((r.file.split("/")[-1], r.school) for r in results) == sorted([(b.name, a.stem), (a.name, b.stem)])


def test_parts_renamed(world, county_db, counts):
    bad = world / "renamed-part.xlsx"
    with zipfile.ZipFile(_first(world)) as zin, zipfile.ZipFile(bad, "w") as zout:
        for n in zin.namelist():
            zout.writestr(n.replace("sheet1.xml", "sheet9.xml"), zin.read(n))
    _rejected(county_db, counts, bad, "modified after signing")


@pytest.mark.parametrize("name", ["../../evil.xlsx", "/abs/x", "C:/Windows/x", "xl\\..\\x"])
def test_path_like_member_names(world, county_db, counts, forger, name):
    bad = world / "paths.xlsx"
    forger(_first(world), bad, parts_edit=lambda p: p.update({name: b"x"}))
    _rejected(county_db, counts, bad, "不安全")


def test_macro_and_external_links_even_when_signed(world, county_db, counts, forger):
    for extra, needle in (({"xl/vbaProject.bin": b"\x00"}, "宏"),
                          ({"xl/externalLinks/externalLink1.xml": b"<x/>"}, "外部链接")):
        bad = world / "active.xlsx"
        forger(_first(world), bad, parts_edit=lambda p, extra=extra: p.update(extra))
        _rejected(county_db, counts, bad, needle)


def test_absurd_manifest_nesting_and_invalid_utf8(world, county_db, counts, forger):
    for raw in (b"[" * 200000 + b"]" * 200000, b'{"format":"taizhang/1","x":"\xff\xfe"}'):
        bad = world / "absurd.xlsx"
        forger(_first(world), bad, raw_manifest=raw)
        _rejected(county_db, counts, bad, "JSON")


def test_manifest_with_wrong_types_is_refused_before_the_database(world, county_db, counts, forger):
    edits = [lambda m: m.update(entries="all done"),
             lambda m: m["entries"][0].update(status="完成了"),
             lambda m: m["entries"][0].update(progress=1000),
             lambda m: m["entries"][0].update(narrative="x" * 50000),
             lambda m: m.update(revision=-1),
             lambda m: m["entries"].append(dict(m["entries"][0]))]
    for edit in edits:
        bad = world / "types.xlsx"
        forger(_first(world), bad, manifest_edit=edit)
        _rejected(county_db, counts, bad, "malformed")


def test_zip_bomb_and_member_count(world, county_db, counts):
    bomb = world / "bomb.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", b"<Types/>")
        zf.writestr("xl/huge.xml", b"\x00" * (2 << 20))  # 2 MiB of zeros: the ratio check applies above 1 MiB
    _rejected(county_db, counts, bomb, "压缩炸弹")
    many = world / "many.xlsx"
    with zipfile.ZipFile(many, "w") as zf:
        for i in range(container.MAX_MEMBERS + 1):
            zf.writestr(f"m/{i}", b"")
    _rejected(county_db, counts, many, "过多")


def test_archive_of_archives_and_junk_members(world, county_db, counts):
    outer = world / "usb.zip"
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as zf:
        zf.write(_first(world), "x.xlsx")
    with zipfile.ZipFile(outer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("nested.zip", inner.getvalue())  # not unpacked: archives are one level deep
        zf.writestr("../../escape.xlsx", b"junk")
        zf.writestr("bomb.xlsx", b"\x00" * (50 << 20))  # deflates to ~50 KB: refused before it is read
    before = counts(county_db)
    results = merge.merge_paths(county_db, [outer], workers=0)
    assert [r.outcome for r in results] == ["rejected", "rejected"]
    assert "过大或已损坏" in results[1].reason
    assert counts(county_db) == before
    assert not (world.parent / "escape.xlsx").exists()


def test_formula_text_in_every_field_stays_text_in_every_workbook(world, tmp_path):
    """A school types '=HYPERLINK(…)' or '=cmd|…' into every field: report and summary show it as text."""
    import openpyxl

    code = _first(world).stem
    db = open_db(world / "schools" / f"{code}.db")
    plan = db.execute("SELECT plan_id FROM plans").fetchone()[0]
    period = services.reporting.default_period(db)
    evil = ['=HYPERLINK("http://evil","点我")', "=cmd|' /C calc'!A0", "+1+1", "-2", "@SUM(1)", "\t=1", "\r=1"]
    tasks = services.reporting.school_tasks(db)
    for i, t in enumerate(tasks[:len(evil)]):
        entries.save_entry(db, code, plan, t["task_id"], period, narrative=evil[i], problems=evil[i],
                           next_steps=evil[i], status="进行中")
    f = tmp_path / "evidence.txt"
    f.write_text("x")
    evidence.add_evidence(db, code, plan, tasks[0]["task_id"], period, f, name="=HYPERLINK(\"x\").txt")
    services.reporting.export_report(db, world / "evil.xlsx")
    db.close()
    county = open_db(world / "county.db")
    [r] = merge.merge_paths(county, [world / "evil.xlsx"], workers=0)
    assert r.outcome == "accepted"
    services.standing.write_summary(county, tmp_path / "summary.xlsx")
    county.close()
    for book in (world / "evil.xlsx", tmp_path / "summary.xlsx"):
        wb = openpyxl.load_workbook(book)
        formulas = [(ws.title, c.coordinate, c.value) for ws in wb.worksheets for row in ws.iter_rows() for c in row
                    if c.data_type == "f"]
        assert formulas == [], book.name
        texts = {c.value for ws in wb.worksheets for row in ws.iter_rows() for c in row if isinstance(c.value, str)}
        assert evil[0] in texts and evil[1] in texts


def test_control_characters_in_signed_text_are_refused_and_never_break_the_summary(world, county_db, forger,
                                                                                     tmp_path):
    """A signed manifest with control characters is refused at verify time (XML cannot hold them); text that
    reached the database some other way is still stripped when the summary is written."""
    bad = world / "ctrl.xlsx"

    def edit(m):
        m["entries"][0]["problems"] = "问题\x00\x07\x1b[31m结束"
    forger(_first(world), bad, manifest_edit=edit)
    [r] = merge.merge_paths(county_db, [bad], workers=0)
    assert r.outcome == "rejected" and r.code == "manifest_strict", r
    assert "控制字符" in r.reason and "control characters" in r.reason
    [ok] = merge.merge_paths(county_db, [_first(world)], workers=0)
    assert ok.outcome == "accepted"
    county_db.execute("UPDATE entries SET problems = ? WHERE rowid = (SELECT MIN(rowid) FROM entries)",
                      ["问题\x00\x07\x1b[31m\ufffe\uffff结束"])
    services.standing.write_summary(county_db, tmp_path / "s.xlsx")
    import openpyxl

    problems = [c.value for row in openpyxl.load_workbook(tmp_path / "s.xlsx")["问题汇总"].iter_rows(min_row=2)
                for c in row[3:4]]
    assert "问题[31m结束" in problems


def test_verify_json_lists_changed_cells(world, edit_cell_text):
    bad = world / "changed.xlsx"
    edit_cell_text(_first(world), bad, "xl/worksheets/sheet2.xml", "进行中", "已完成")
    [v] = services.files.verify_files([bad])
    assert v["valid"] is False and v["sheets"] == ["任务完成情况"]
    assert [(c["visible"], c["signed"]) for c in v["changes"]] == [("已完成", "进行中")]
    assert json.dumps(v, ensure_ascii=False)
