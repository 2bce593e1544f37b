"""Issue 20: hostile files that pass the signature. Each file is built the way an attacker would build it
(usually re-signed by a fresh key after the change, so the signature holds) and must be refused with a
reason that names what is wrong; the merge of a batch carries on past it."""

from __future__ import annotations

import io
import os
import struct
import zipfile

import pytest

from desktop.core import services
from desktop.core.intake import checking, merge
from desktop.core.intake.inputs import collect_inputs
from desktop.core.package import container, visible
from desktop.core.package.container import PackageInvalid, verify_package
from desktop.core.signing import crypto
from desktop.core.words import Reason


def _first(world):
    return sorted((world / "reports").glob("*.xlsx"))[0]


def _refused(source, *needles, code=None):
    with pytest.raises(PackageInvalid) as info:
        visible.check(verify_package(source))
    for needle in needles:
        assert needle in str(info.value), str(info.value)
    if code:
        assert info.value.code == code, (info.value.code, str(info.value))
    return info.value


def _members(path) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(path) as zf:
        return [(n, zf.read(n)) for n in zf.namelist()]


def _zip(members, **kwargs) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, **kwargs) as zf:
        for name, data in members:
            zf.writestr(name, data)
    return buf.getvalue()


# ------------------------------------------------------------------------------------ zip shape


def test_a_package_as_written_passes_the_strict_checks(world):
    pkg = verify_package(_first(world).read_bytes())
    assert pkg.kind == "report"
    # and a re-zip with zipfile by an attacker who changes nothing is the same shape
    verify_package(_zip(_members(_first(world))))


def test_prepended_and_trailing_data_and_a_comment_are_refused(world):
    good = _first(world).read_bytes()
    _refused(b"MZ" + b"\0" * 510 + good, "压缩包结构异常", "not in the shape Taizhang writes", code="zip_shape")
    _refused(good + b"<script>trailing</script>", "not in the shape Taizhang writes", code="zip_shape")
    buf = io.BytesIO(good)
    with zipfile.ZipFile(buf, "a") as zf:
        zf.comment = b"hidden note"
    _refused(buf.getvalue(), "zip comment", code="zip_shape")


def test_local_header_that_disagrees_with_the_directory_is_refused(world):
    """The classic "two views" zip: the local header names another part than the central directory."""
    data = bytearray(_first(world).read_bytes())
    at = data.index(b"PK\x03\x04" + data[4:8])  # the first local header
    name_len = struct.unpack_from("<H", data, at + 26)[0]
    name = bytes(data[at + 30:at + 30 + name_len])
    data[at + 30:at + 30 + name_len] = name[:-1] + (b"X" if name[-1:] != b"X" else b"Y")
    _refused(bytes(data), "local header disagrees with the directory", code="zip_shape")


def test_hidden_bytes_between_members_are_refused(world):
    """An attacker hides a second copy of a sheet between members (a gap the directory skips)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for i, (name, data) in enumerate(_members(_first(world))):
            zf.writestr(name, data)
            if i == 2:
                zf.fp.write(b"PK\x03\x04 a hidden local file the directory does not list")
                zf.start_dir = zf.fp.tell()  # the next member goes after the hidden bytes
    _refused(buf.getvalue(), "gap or overlap", code="zip_shape")


@pytest.mark.parametrize("bad", ["xl/evil\x01.xml", "xl/ev\x7fil.xml", "xl/\u202eevil.xml", "XL/STYLES.XML"])
def test_control_characters_odd_names_and_case_duplicates_are_refused_even_when_signed(world, forger, tmp_path, bad):
    out = tmp_path / "names.xlsx"
    forger(_first(world), out, parts_edit=lambda p: p.update({bad: b"<x/>"}))
    exc = _refused(out.read_bytes(), code="zip_shape")
    assert "\x01" not in str(exc) and "\x7f" not in str(exc) and "\u202e" not in str(exc)


@pytest.mark.filterwarnings("ignore:Duplicate name")
def test_member_count_must_match_the_manifest(world):
    """A duplicate member (same name twice): zipfile keeps the last one; we refuse the file."""
    members = _members(_first(world))
    _refused(_zip([*members, members[0]]), "duplicate")


# ------------------------------------------------------------------------------------ manifest


def _resign(world, tmp_path, raw: bytes):
    out = tmp_path / "m.xlsx"
    members = [(n, d) for n, d in _members(_first(world)) if n not in (container.MANIFEST, container.SIGNATURE)]
    sig = crypto.canonical_json(crypto.sign(crypto.new_private_key(), raw))
    out.write_bytes(_zip([*members, (container.MANIFEST, raw), (container.SIGNATURE, sig)]))
    return out


def _manifest(world) -> bytes:
    return dict(_members(_first(world)))[container.MANIFEST]


@pytest.mark.parametrize("change, needle", [
    (lambda raw: raw.replace(b'{"county":', b'{"county":"x","county":', 1), "duplicate key"),
    (lambda raw: raw.replace(b'"revision":1', b'"revision":NaN', 1), "non-finite"),
    (lambda raw: raw.replace(b'"revision":1', b'"revision":Infinity', 1), "non-finite"),
    (lambda raw: raw.replace(b'"revision":1', b'"revision":1e400', 1), "non-finite"),
    (lambda raw: raw.replace(b'"revision":1', b'"revision": 1', 1), "canonical"),
    (lambda raw: raw.replace(b'"county":"', b'"county":"\\u00e9', 1), "canonical"),
    (lambda raw: raw.replace(b'"county":"', b'"county":"\\ud800', 1), "lone surrogate"),
    (lambda raw: raw.replace(b'"county":"', "\"county\":\"\ufffe".encode(), 1), "characters XML cannot hold"),
    (lambda raw: raw.replace(b'"county":"', b'"county":"\\u0007', 1), "control characters"),
    (lambda raw: raw.replace(b'"county":"', b'"county":"\\b', 1), "control characters"),  # U+0008, as json writes it
    (lambda raw: raw.replace(b'"county":"', b'"county":"\\f', 1), "control characters"),  # U+000C
    (lambda raw: raw[:-1] + b',"x":' + b"[" * 40 + b"]" * 40 + b"}", "nested deeper"),
])
def test_manifest_must_be_strict_canonical_json(world, tmp_path, change, needle):
    raw = change(_manifest(world))
    assert raw != _manifest(world)
    exc = _refused(_resign(world, tmp_path, raw), needle, code="manifest_strict")
    assert str(exc).index("清单") < str(exc).index("manifest")  # Chinese first, then English


def test_an_escaped_backslash_is_not_mistaken_for_a_control_character():
    from desktop.core import safetext

    text = {"a": "C:\\u0007 is just text", "b": "\t\n\r fine", "c": "D:\\b\\f\\new"}
    assert safetext.loads_strict(crypto.canonical_json(text), crypto.canonical_json) == text


@pytest.mark.parametrize("raw, code", [
    (b'{"x":{"a":1,"a":2},"b":NaN}', "json_duplicate_key"),  # the inner object closes before NaN is read
    (b'{"b":NaN,"x":{"a":1,"a":2}}', "json_non_finite"),
    (b'{"a":"\\ud800","a":1}', "json_duplicate_key"),  # duplicate found while parsing, before encoding
    (b'{"a":1,"a":1}', "json_duplicate_key"),  # canonical but for the lost pair
    (b'{"a":1, "b":2}', "json_not_canonical"),
])
def test_with_several_faults_the_first_is_named(raw, code):
    """The first rule a manifest breaks, in the order they are checked, is the reason given (a valid file
    takes a quicker path; a file that fails it is checked rule by rule)."""
    from desktop.core import safetext

    with pytest.raises(safetext.StrictJSONError) as exc:
        safetext.loads_strict(raw, crypto.canonical_json)
    assert exc.value.code == code


def test_a_batch_with_a_poisoned_file_merges_the_good_ones(world, county_db, tmp_path):
    a, b = sorted((world / "reports").glob("*.xlsx"))[:2]
    batch = tmp_path / "batch"
    batch.mkdir()
    (batch / "1-good.xlsx").write_bytes(a.read_bytes())
    raw = _manifest(world).replace(b'"revision":1', b'"revision":NaN', 1)
    (batch / "2-poison.xlsx").write_bytes(_resign(world, tmp_path, raw).read_bytes())
    (batch / "3-good.xlsx").write_bytes(b.read_bytes())
    results = merge.merge_paths(county_db, [batch], workers=0)
    assert [r.outcome for r in results] == ["accepted", "rejected", "accepted"], results
    assert results[1].code == "manifest_strict" and "non-finite" in results[1].reason


# ------------------------------------------------------------------------------------ active content


def _with_part(world, tmp_path, forger, name, edit):
    out = tmp_path / "active.xlsx"

    def parts_edit(parts):
        parts[name] = edit(parts[name])
    forger(_first(world), out, parts_edit=parts_edit)
    return out


@pytest.mark.parametrize("name, edit, needle", [
    ("xl/worksheets/sheet2.xml", lambda d: d.replace(b'<c r="E2" s="3" t="n"><v>', b'<c r="E2" s="3"><f>1+1</f><v>', 1),
     "formula"),
    ("xl/worksheets/sheet2.xml",
     lambda d: d.replace(b"</sheetData>", b'</sheetData><dataValidations count="1"><dataValidation sqref="A1">'
                         b'<formula1>cmd|\' /C calc\'!A0</formula1></dataValidation></dataValidations>', 1), "formula"),
    ("xl/workbook.xml", lambda d: d.replace(b"</definedNames>",
                                             b'<definedName name="x">cmd|\'/C calc\'!A0</definedName></definedNames>', 1),
     "defined name"),
    ("xl/_rels/workbook.xml.rels",
     lambda d: d.replace(b"</Relationships>", b'<Relationship Id="rX" Type="http://schemas.openxmlformats.org/'
                         b'officeDocument/2006/relationships/hyperlink" Target="http://evil" TargetMode="External"/>'
                         b"</Relationships>", 1), "external link"),
    ("xl/workbook.xml", lambda d: d.replace(b"</workbook>", b"<externalReferences><externalReference r:id=\"rX\"/>"
                                             b"</externalReferences></workbook>", 1), "external link"),
    # the case-insensitive scans look for their words in any case
    ("xl/worksheets/sheet2.xml", lambda d: d.replace(b"</sheetData>", b"</sheetData><x:DDELINK ddeService=\"cmd\"/>", 1),
     "external link"),
    ("xl/_rels/workbook.xml.rels",
     lambda d: d.replace(b"</Relationships>", b'<Relationship Id="rX" Type="http://schemas.openxmlformats.org/'
                         b'officeDocument/2006/relationships/hyperlink" Target="http://evil" targetmode = "external"/>'
                         b"</Relationships>", 1), "external link"),
])
def test_formulas_and_links_are_refused_even_when_signed(world, tmp_path, forger, name, edit, needle):
    bad = _with_part(world, tmp_path, forger, name, edit)
    refused = _refused(bad.read_bytes(), needle, code="active_content")
    if name.startswith("xl/worksheets/"):  # the sheet is named as people see it, not by its part in the zip
        assert "工作表“任务完成情况”" in str(refused) and "sheet2.xml" not in str(refused)
    # the merge checks the parts the visible check rebuilds without scanning them on the way (they must be our
    # writer's bytes): a refused file is scanned before its reason is given, so the reason is the same
    [inp] = collect_inputs([bad])
    checked = checking.check(inp)
    assert (checked.error.code, str(checked.error)) == (refused.code, str(refused))


def test_formula_in_a_plan_workbook_is_refused_on_the_school_side(world, tmp_path, forger):
    from desktop.core.errors import TaizhangError

    bad = tmp_path / "plan.xlsx"

    def parts_edit(parts):
        parts["xl/worksheets/sheet2.xml"] = parts["xl/worksheets/sheet2.xml"].replace(
            b"</row>", b'<c r="Z1"><f>HYPERLINK("http://evil")</f></c></row>', 1)
    forger(world / "plan.xlsx", bad, parts_edit=parts_edit)
    with pytest.raises(TaizhangError, match="formula"):
        services.setup.school_init(bad, sorted(p.stem for p in (world / "reports").glob("*.xlsx"))[0], tmp_path / "s.db",
                                   county_fingerprint="0" * 64)


# ------------------------------------------------------------------------------------ giants


def test_sparse_4gb_file_is_refused_from_its_size_without_hashing(world, county_db, tmp_path, monkeypatch):
    giant = tmp_path / "giant.xlsx"
    with open(giant, "wb") as fh:
        fh.truncate(4 << 30)  # sparse: no disk used, but 4 GB to anyone who reads it
    read = []
    monkeypatch.setattr(crypto, "sha256_file", lambda *a, **k: read.append(a) or "0" * 64)
    _refused(giant, "过大", "too large")
    [r] = merge.merge_paths(county_db, [giant], workers=0)
    assert r.outcome == "rejected" and "too large" in r.reason
    [v] = services.files.verify_files([giant])
    assert v["valid"] is False and "too large" in v["reason"]
    assert read == []  # nothing was hashed


def test_a_member_that_inflates_past_its_declared_size_is_refused(world, forger, tmp_path):
    """The directory says 100 bytes; the deflate stream holds 50 MB. zipfile stops at the declared size
    (and the CRC then fails); verify never holds more than the declared size."""
    members = _members(_first(world))
    body = _zip(members)
    lie = io.BytesIO()
    with zipfile.ZipFile(lie, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members:
            zf.writestr(name, b"\0" * (50 << 20) if name == "docProps/core.xml" else data)
    data = bytearray(lie.getvalue())
    # patch both the local header and the directory entry of docProps/core.xml to claim 100 bytes
    for sig, size_at in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        start = 0
        while (at := data.find(sig, start)) >= 0:
            name_off = at + (30 if sig == b"PK\x03\x04" else 46)
            n = struct.unpack_from("<H", data, at + (26 if sig == b"PK\x03\x04" else 28))[0]
            if bytes(data[name_off:name_off + n]) == b"docProps/core.xml":
                struct.pack_into("<I", data, at + size_at, 100)
            start = at + 4
    assert len(body) < len(data) < 1 << 20
    exc = _refused(bytes(data))
    assert "modified after signing" in str(exc) or "past its declared size" in str(exc)
    assert os.path.getsize(_first(world)) < 1 << 20


# ------------------------------------------------------------------------------------ what you see is what is merged


def test_signed_claims_the_sheets_do_not_show_are_refused(world, county_db, counts, forger, tmp_path):
    """The attacker re-signs a manifest with other claims (不适用, 7 %) but leaves the sheets as they were."""
    bad = tmp_path / "claims.xlsx"

    def edit(m):
        m["entries"][0].update(status="不适用", progress=7)
    forger(_first(world), bad, manifest_edit=edit, rebuild=False)
    before = counts(county_db)
    [r] = merge.merge_paths(county_db, [bad], workers=0)
    assert r.outcome == "rejected" and r.code == "sheets_mismatch", r
    assert "可见的工作表与签名数据不符" in r.reason and "visible sheets do not match the signed data" in r.reason
    assert "任务完成情况" in r.reason
    assert counts(county_db) == before
    [v] = services.files.verify_files([bad])
    assert v["valid"] is False and "visible sheets do not match" in v["reason"]


def test_sheets_that_show_other_text_than_the_signed_data_are_refused(world, forger, tmp_path):
    """The attacker edits the cover sheet (another school's name) and re-signs the parts' digests."""
    bad = tmp_path / "cover.xlsx"

    def parts_edit(parts):
        cover = parts["xl/worksheets/sheet1.xml"]
        parts["xl/worksheets/sheet1.xml"] = cover.replace(b"<t>", b"<t>&#20551;", 1)  # 假…
    forger(_first(world), bad, parts_edit=parts_edit)
    exc = _refused(bad, "visible sheets do not match the signed data", code="sheets_mismatch")
    assert exc.sheets == ["封面"]


def test_an_extra_hidden_sheet_part_is_refused(world, forger, tmp_path):
    bad = tmp_path / "hidden.xlsx"
    forger(_first(world), bad, parts_edit=lambda p: p.update({"xl/worksheets/sheet9.xml": p["xl/worksheets/sheet2.xml"]}))
    _refused(bad, "visible sheets do not match", code="sheets_mismatch")


def test_an_honest_attacker_who_rebuilds_the_sheets_is_judged_on_the_claims(world, county_db, forger, tmp_path):
    """Re-signed with sheets rebuilt from the new claims: the file is self-consistent, so what decides is
    the key (a new key for a school already pinned waits for approval)."""
    merge.merge_paths(county_db, [_first(world)], workers=0)
    bad = tmp_path / "rebuilt.xlsx"
    forger(_first(world), bad, manifest_edit=lambda m: m.update(revision=2, package_id="c" * 8 + "-0000-4000-8000-"
                                                                + "0" * 12))
    [r] = merge.merge_paths(county_db, [bad], workers=0)
    assert r.code == "key_pending", r


@pytest.mark.parametrize("layout, words", [(None, "older Taizhang"), (1, "older Taizhang"), (99, "newer Taizhang")])
def test_a_file_of_another_sheet_layout_is_refused_with_what_to_do(world, county_db, counts, forger, tmp_path,
                                                                    layout, words):
    """The sheets can only be rebuilt by the layout that wrote them: a file from another version (no ``layout``
    in the manifest is release 0.1.0's) is refused as such, not taken for a forgery, and changes nothing."""
    old = tmp_path / "other-version.xlsx"

    def edit(m):
        if layout is None:
            del m["layout"]
        else:
            m["layout"] = layout
    forger(_first(world), old, manifest_edit=edit, rebuild=False)
    before = counts(county_db)
    [r] = merge.merge_paths(county_db, [old], workers=0)
    assert r.outcome == "rejected" and r.code == Reason.OTHER_LAYOUT, r
    assert words in r.reason and "表格版式" in r.reason
    assert counts(county_db) == before


def test_every_file_we_write_names_its_layout(world):
    from desktop.core.package import planbook, reportbook

    assert verify_package(world / "plan.xlsx").manifest["layout"] == planbook.LAYOUT
    assert verify_package(_first(world)).manifest["layout"] == reportbook.LAYOUT
