import io
import json
import shutil
import zipfile

import openpyxl
import pytest

from desktop.core.package import container
from desktop.core.package.container import EvidenceSource, PackageInvalid, verify_package
from desktop.core.signing import crypto


def _workbook(rows):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "任务完成情况"
    from desktop.core.package import sheets

    sheets.write_table(ws, ("编号", "说明"), rows, (10, 40))
    wb.create_sheet("封面")
    return wb


@pytest.fixture
def key():
    return crypto.new_private_key()


@pytest.fixture
def signed(tmp_path, key):
    ev_file = tmp_path / "photo.txt"
    ev_file.write_bytes("活动照片说明\n".encode() * 50)
    sha = crypto.sha256_file(ev_file)
    ev = EvidenceSource(sha, "活动记录.txt", ev_file.stat().st_size, "text/plain", "1.1", lambda: open(ev_file, "rb"))
    out = tmp_path / "r.xlsx"
    container.write_package(out, kind="report", content={"county": "示例县", "entries": []},
                          workbook=_workbook([("1.1", "=HYPERLINK(\"http://x\")"), ("1.2", "+1"), ("1.3", "@SUM(A1)")]),
                          evidence=[ev], key=key)
    return out


def _rewrite(src, dst, change):
    """Copy a zip member by member, letting ``change(name, data)`` alter bytes or drop (None) members."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = change(info.filename, zin.read(info.filename))
            if data is not None:
                zout.writestr(info.filename, data)


def test_written_package_verifies_and_lists_every_part(signed, key):
    pkg = verify_package(signed)
    assert pkg.public_key == crypto.public_raw(key)
    with zipfile.ZipFile(signed) as zf:
        names = set(zf.namelist())
    assert set(pkg.manifest["parts"]) == names - {container.MANIFEST, container.SIGNATURE}
    assert container.MANIFEST_RELS in pkg.manifest["parts"]
    ev = pkg.manifest["evidence"][0]
    assert container.evidence_part(ev["sha256"]) in names
    assert pkg.read_evidence(ev["sha256"]) == "活动照片说明\n".encode() * 50
    signature = json.loads(zipfile.ZipFile(signed).read(container.SIGNATURE))
    assert signature["fingerprint"] == crypto.fingerprint(pkg.public_key)


def test_content_types_and_root_relationship_are_registered(signed):
    with zipfile.ZipFile(signed) as zf:
        ct = zf.read("[Content_Types].xml").decode()
        rels = zf.read("_rels/.rels").decode()
    assert 'Extension="json"' in ct and 'Extension="bin"' in ct
    assert "taizhang/manifest.json" in rels


def test_openpyxl_loads_the_package_and_formula_text_stays_text(signed):
    wb = openpyxl.load_workbook(signed)
    ws = wb["任务完成情况"]
    assert ws["B2"].value == '=HYPERLINK("http://x")' and ws["B2"].data_type == "s"
    assert ws["B3"].value == "+1" and ws["B3"].data_type == "s"
    assert ws["B4"].value == "@SUM(A1)" and ws["B4"].data_type == "s"


def test_cell_edited_and_saved_with_openpyxl_is_named(signed, tmp_path):
    wb = openpyxl.load_workbook(signed)
    wb["任务完成情况"]["B3"] = "已完成"
    edited = tmp_path / "edited.xlsx"
    wb.save(edited)
    with pytest.raises(PackageInvalid):  # openpyxl drops our parts: the signature is gone
        verify_package(edited)


def test_cell_edited_inside_the_zip_names_the_sheet(signed, tmp_path):
    bad = tmp_path / "bad.xlsx"
    _rewrite(signed, bad, lambda n, d: d.replace(b"+1", b"+2") if n == "xl/worksheets/sheet1.xml" else d)
    with pytest.raises(PackageInvalid, match="任务完成情况") as exc:
        verify_package(bad)
    assert "modified after signing" in str(exc.value) and exc.value.sheets == ["任务完成情况"]


def test_flipping_a_byte_in_any_part_is_detected(signed, tmp_path):
    with zipfile.ZipFile(signed) as zf:
        names = zf.namelist()
    for target in names:
        bad = tmp_path / "flip.xlsx"

        def flip(n, d, target=target):
            if n != target or not d:
                return d
            return d[:-1] + bytes([d[-1] ^ 0x01])
        _rewrite(signed, bad, flip)
        with pytest.raises(PackageInvalid):
            verify_package(bad)


def test_replaced_dropped_or_added_evidence_is_detected(signed, tmp_path):
    pkg = verify_package(signed)
    part = container.evidence_part(pkg.manifest["evidence"][0]["sha256"])
    bad = tmp_path / "swap.xlsx"
    _rewrite(signed, bad, lambda n, d: b"another file" if n == part else d)
    with pytest.raises(PackageInvalid, match="佐证材料"):
        verify_package(bad)
    _rewrite(signed, bad, lambda n, d: None if n == part else d)
    with pytest.raises(PackageInvalid, match="添加或删除"):
        verify_package(bad)
    shutil.copy(signed, bad)
    with zipfile.ZipFile(bad, "a") as zf:
        zf.writestr(container.evidence_part("0" * 64), b"extra")
    with pytest.raises(PackageInvalid, match="添加或删除"):
        verify_package(bad)


def test_signature_by_another_key_over_edited_manifest_fails(signed, tmp_path):
    bad = tmp_path / "resigned.xlsx"

    def edit(n, d):
        if n == container.MANIFEST:
            return d.replace("示例县".encode(), "别的县".encode())
        return d
    _rewrite(signed, bad, edit)
    with pytest.raises(PackageInvalid, match="签名无效|bad signature"):
        verify_package(bad)


@pytest.mark.parametrize("data,reason", [
    (b"not a zip at all", "不是 zip"),
    (b"PK\x03\x04" + b"\x00" * 40, "不是 zip"),
])
def test_not_a_zip_is_rejected(tmp_path, data, reason):
    f = tmp_path / "x.xlsx"
    f.write_bytes(data)
    with pytest.raises(PackageInvalid, match=reason):
        verify_package(f)


def test_truncated_file_is_rejected(signed, tmp_path):
    f = tmp_path / "cut.xlsx"
    f.write_bytes(signed.read_bytes()[:-300])
    with pytest.raises(PackageInvalid):
        verify_package(f)


def test_plain_workbook_without_signature_is_rejected(tmp_path):
    f = tmp_path / "plain.xlsx"
    openpyxl.Workbook().save(f)
    with pytest.raises(PackageInvalid, match="缺少台账签名"):
        verify_package(f)


def test_macro_workbook_is_rejected_even_if_signed(signed, tmp_path):
    bad = tmp_path / "macro.xlsm"
    shutil.copy(signed, bad)
    with zipfile.ZipFile(bad, "a") as zf:
        zf.writestr("xl/vbaProject.bin", b"\x00" * 10)
    with pytest.raises(PackageInvalid, match="宏"):
        verify_package(bad)


@pytest.mark.parametrize("name", ["../evil.txt", "/etc/passwd", "C:/x.txt", "a\\b.txt"])
def test_path_like_member_names_are_rejected(signed, tmp_path, name):
    bad = tmp_path / "path.xlsx"
    shutil.copy(signed, bad)
    with zipfile.ZipFile(bad, "a") as zf:
        zf.writestr(name, b"x")
    with pytest.raises(PackageInvalid, match="不安全"):
        verify_package(bad)


def test_a_zip_that_needs_a_newer_zip_version_is_invalid_not_a_crash(signed):
    """Found by the fuzz test: zipfile raises NotImplementedError for "version needed to extract" 6.4."""
    data = bytearray(signed.read_bytes())
    central = data.index(b"PK\x01\x02")  # the first central directory header
    data[central + 6] = 64  # version needed to extract
    with pytest.raises(PackageInvalid, match="不是有效的 Excel 文件"):
        verify_package(bytes(data))


def test_zip_bomb_ratio_is_rejected(tmp_path):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", b"<Types/>")
        zf.writestr("xl/bomb.xml", b"\x00" * (2 << 20))  # over 1 MiB, so the ratio check applies
    with pytest.raises(PackageInvalid, match="压缩炸弹"):
        verify_package(buf.getvalue())


def test_too_many_members_is_rejected(tmp_path, monkeypatch):
    monkeypatch.setattr(container, "MAX_MEMBERS", 10)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for i in range(11):
            zf.writestr(f"m{i}", b"")
    with pytest.raises(PackageInvalid, match="过多"):
        verify_package(buf.getvalue())


def test_write_failure_leaves_no_partial_file(tmp_path, key):
    target = tmp_path / "missing-folder" / "r.xlsx"
    from desktop.core.errors import TaizhangError

    with pytest.raises(TaizhangError, match="无法写入"):
        container.write_package(target, kind="report", content={}, workbook=_workbook([]), key=key)
    assert not target.exists()


def test_evidence_changed_after_it_was_added_is_refused(tmp_path, key):
    f = tmp_path / "e.txt"
    f.write_bytes(b"original")
    ev = EvidenceSource(crypto.sha256_file(f), "e.txt", 8, "text/plain", "1", lambda: io.BytesIO(b"tampered"))
    from desktop.core.errors import TaizhangError

    with pytest.raises(TaizhangError, match="不一致"):
        container.write_package(tmp_path / "r.xlsx", kind="report", content={}, workbook=_workbook([]),
                              evidence=[ev], key=key)
    assert not (tmp_path / "r.xlsx").exists()
    assert not any(p.name.endswith(".part") for p in tmp_path.iterdir())


def _both_ways(data: bytes, tmp_path) -> tuple[str, str]:
    """Verify the same bytes from memory (zlib straight on the bytes) and from disk (zipfile); both must refuse."""
    f = tmp_path / "both.xlsx"
    f.write_bytes(data)
    with pytest.raises(PackageInvalid) as in_memory:
        verify_package(data)
    with pytest.raises(PackageInvalid) as on_disk:
        verify_package(f)
    return str(in_memory.value), str(on_disk.value)


def test_damage_to_any_member_is_refused_from_memory_as_from_disk(signed, tmp_path):
    """A byte flipped in each member's stored (compressed) bytes, CRC left as it was: the lean reader of the
    bytes in memory refuses it, with the same reason as zipfile reading the file from disk."""
    good = signed.read_bytes()
    verify_package(good)
    with zipfile.ZipFile(signed) as zf:
        infos = zf.infolist()
    for info in infos:
        if not info.compress_size:
            continue
        bad = bytearray(good)
        bad[info.header_offset + 30 + len(info.filename) + info.compress_size // 2] ^= 0x20
        in_memory, on_disk = _both_ways(bytes(bad), tmp_path)
        assert in_memory == on_disk, info.filename


def test_a_crc_that_lies_in_both_headers_is_refused_from_memory(signed, tmp_path):
    """The local header and the directory agree on a wrong CRC (so the shape check passes): the data's CRC
    does not, and the part counts as modified."""
    import struct

    good = bytearray(signed.read_bytes())
    with zipfile.ZipFile(signed) as zf:
        info = zf.getinfo("xl/worksheets/sheet1.xml")
    struct.pack_into("<I", good, info.header_offset + 14, info.CRC ^ 0xFFFF)
    central = good.find(b"PK\x01\x02")
    while central >= 0:
        name_len = struct.unpack_from("<H", good, central + 28)[0]
        if bytes(good[central + 46:central + 46 + name_len]) == b"xl/worksheets/sheet1.xml":
            struct.pack_into("<I", good, central + 16, info.CRC ^ 0xFFFF)
        central = good.find(b"PK\x01\x02", central + 4)
    in_memory, on_disk = _both_ways(bytes(good), tmp_path)
    assert in_memory == on_disk and "modified after signing" in in_memory


def test_a_truncated_member_is_refused_from_memory(signed, tmp_path):
    """The last member's bytes cut short (the directory moved up to follow them): refused either way."""
    good = signed.read_bytes()
    with zipfile.ZipFile(signed) as zf:
        last = zf.infolist()[-1]
    end = last.header_offset + 30 + len(last.filename) + last.compress_size
    cut = good[:end - 5] + good[end:]
    _both_ways(cut, tmp_path)


def test_a_package_verified_in_a_worker_is_read_again_only_if_unchanged(signed, tmp_path):
    """A worker hands back the verdict without the bytes; reading them again refuses a file changed since."""
    import pickle

    pkg = verify_package(signed.read_bytes())
    lean = pkg.without_bytes(signed, None)
    assert lean.data is None and len(pickle.dumps(lean)) < len(signed.read_bytes())
    ev = lean.manifest["evidence"][0]["sha256"]
    assert crypto.sha256_hex(lean.read_evidence(ev)) == ev  # the apply streams evidence from open_zip()
    assert lean.read_again() == signed.read_bytes()
    other = bytearray(signed.read_bytes())
    other[-30] ^= 1
    signed.write_bytes(bytes(other))
    with pytest.raises(PackageInvalid, match="changed or moved after it was checked"):
        lean.open_zip()
    signed.unlink()
    with pytest.raises(PackageInvalid, match="changed or moved after it was checked"):
        lean.read_again()


def test_carries_manifest_tells_our_packages_from_other_workbooks(signed, tmp_path):
    """A dropped .xlsx is a school's report when it carries our manifest, a task table when it does not; a file
    that is no zip, or one over the limit, carries none."""
    table = tmp_path / "任务分解表.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["序号", "工作任务", "责任单位", "完成时限"])
    wb.save(table)
    (tmp_path / "broken.xlsx").write_bytes(b"PK\x03\x04 not really")
    assert container.carries_manifest(signed, max_bytes=1 << 30)
    assert not container.carries_manifest(table, max_bytes=1 << 30)
    assert not container.carries_manifest(tmp_path / "broken.xlsx", max_bytes=1 << 30)
    assert not container.carries_manifest(tmp_path / "missing.xlsx", max_bytes=1 << 30)
    assert not container.carries_manifest(signed, max_bytes=100)
