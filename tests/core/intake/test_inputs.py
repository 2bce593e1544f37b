"""Files as they arrive at the bureau (issue 13): zips made on Chinese Windows with GBK names, locked files,
chat-renamed copies, nested folders, read-only media. Each gets a clear outcome, never a traceback."""

from __future__ import annotations

import errno
import shutil
import zipfile
from pathlib import Path

import pytest

from desktop.core.db.connection import open_db
from desktop.core.errors import TaizhangError
from desktop.core.intake import merge
from desktop.core.intake.inputs import collect_inputs, member_display_name
from desktop.core.words import Outcome, Reason

GBK_NAME = "第1中学报送/SLX001_示例县第一中学_第1次报送.xlsx"


def zip_with_raw_gbk_names(target: Path, members: dict[str, bytes]) -> None:
    """A zip as Explorer's 发送到压缩文件夹 / WinRAR / 360压缩 write it on Chinese Windows: each name is its
    GBK bytes, flag bit 11 (UTF-8) clear. zipfile always flags non-ASCII names as UTF-8, so each member is
    written under an ASCII stand-in of the same byte length, then the stand-in's bytes (in the local
    header and the central directory) are replaced by the GBK bytes."""
    raw = {name: name.encode("gbk") for name in members}
    stand_ins = {name: (f"~{i:03d}" + "x" * len(b))[: len(b)].encode("ascii") for i, (name, b) in enumerate(raw.items())}
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(stand_ins[name].decode("ascii"), data)
    blob = target.read_bytes()
    for name in members:
        assert blob.count(stand_ins[name]) == 2
        blob = blob.replace(stand_ins[name], raw[name])
    target.write_bytes(blob)


@pytest.fixture
def county(world):
    db = open_db(world / "county.db")
    yield db
    db.close()


def test_the_fixture_is_what_windows_writes(tmp_path):
    path = tmp_path / "报送.zip"
    zip_with_raw_gbk_names(path, {GBK_NAME: b"x"})
    with zipfile.ZipFile(path) as zf:
        [info] = zf.infolist()
        assert not info.flag_bits & 0x800
        assert info.filename == GBK_NAME.encode("gbk").decode("cp437")  # the mojibake: ╡┌1╓╨╤º▒¿╦═/…
        assert member_display_name(info) == GBK_NAME


def test_utf8_names_without_the_flag_and_flagged_names_stay_right(tmp_path):
    path = tmp_path / "a.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("第2中学.xlsx", b"x")  # zipfile sets the UTF-8 flag
    with zipfile.ZipFile(path) as zf:
        assert member_display_name(zf.infolist()[0]) == "第2中学.xlsx"
    info = zipfile.ZipInfo("第3中学.xlsx".encode().decode("cp437"))
    assert member_display_name(info) == "第3中学.xlsx"
    assert member_display_name(zipfile.ZipInfo("plain.xlsx")) == "plain.xlsx"


def test_a_gbk_named_zip_merges_and_shows_its_names_right(world, county, tmp_path):
    report = (world / "reports" / "SLX001.xlsx").read_bytes()
    archive = tmp_path / "报送材料.zip"
    zip_with_raw_gbk_names(archive, {GBK_NAME: report, "第1中学报送/说明.txt": b"readme"})
    [inp] = list(collect_inputs([archive]))
    assert inp.display == f"{archive}!{GBK_NAME}"
    [o] = merge.merge_paths(county, [archive], workers=0)
    assert o.outcome == Outcome.ACCEPTED and o.file.endswith(GBK_NAME)
    assert county.execute("SELECT file_name FROM submissions").fetchone()[0] == "SLX001_示例县第一中学_第1次报送.xlsx"


def test_nested_folders_and_chat_renamed_copies(world, county, tmp_path):
    stick = tmp_path / "U盘"
    (stick / "各校报送" / "城关片区" / "微信文件").mkdir(parents=True)
    shutil.copy(world / "reports" / "SLX001.xlsx", stick / "各校报送" / "SLX001.xlsx")
    shutil.copy(world / "reports" / "SLX001.xlsx", stick / "各校报送" / "城关片区" / "微信文件" / "SLX001(1).xlsx")
    shutil.copy(world / "reports" / "SLX002.xlsx", stick / "各校报送" / "城关片区" / "SLX002 (2).xlsx")
    (stick / "各校报送" / "~$SLX002.xlsx").write_bytes(b"Excel's lock file")
    (stick / "各校报送" / "照片.jpg").write_bytes(b"\xff\xd8")
    outcomes = merge.merge_paths(county, [stick], workers=0)
    by_name = {Path(o.file).name: (o.outcome, o.code) for o in outcomes}
    first = Reason.UNCONFIRMED_KEY  # accepted on a first key nobody has confirmed yet (no enrolment code)
    assert by_name == {"SLX001.xlsx": (Outcome.ACCEPTED, first), "SLX002 (2).xlsx": (Outcome.ACCEPTED, first),
                       "SLX001(1).xlsx": (Outcome.DUPLICATE, Reason.SAME_FILE)}


def test_a_file_locked_by_another_program_is_rejected_with_what_to_do(world, county, tmp_path, monkeypatch):
    """Windows raises PermissionError (a sharing violation) for a file Excel/WPS holds open."""
    locked = tmp_path / "SLX001.xlsx"
    shutil.copy(world / "reports" / "SLX001.xlsx", locked)
    real = Path.read_bytes

    def read_bytes(self):
        if self == locked:
            raise PermissionError(errno.EACCES, "The process cannot access the file because it is being used by"
                                                " another process", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    [o] = merge.merge_paths(county, [locked], workers=0)
    assert o.outcome == Outcome.REJECTED and "占用" in o.reason and "close it" in o.reason
    assert county.execute("SELECT COUNT(*) FROM entries").fetchone()[0] == 0
    monkeypatch.setattr(Path, "read_bytes", real)
    [o] = merge.merge_paths(county, [locked], workers=0)  # closed in Excel: the same file now merges
    assert o.outcome == Outcome.ACCEPTED


def test_a_file_on_a_removed_stick(county, tmp_path):
    gone = tmp_path / "gone.xlsx"
    gone.write_bytes(b"x")
    inputs = list(collect_inputs([gone]))
    gone.unlink()
    from desktop.core.intake.checking import check

    assert "找不到文件" in check(inputs[0]).error.zh


def test_writing_to_read_only_media_is_a_clear_error(world, tmp_path, monkeypatch):
    """A write-protected USB stick or CD: the temp file cannot be made, nothing is left behind."""
    import tempfile

    from desktop.core import services

    def read_only(*args, **kwargs):
        raise OSError(errno.EROFS, "Read-only file system")

    db = open_db(world / "schools" / "SLX001.db")
    try:
        monkeypatch.setattr(tempfile, "mkstemp", read_only)
        with pytest.raises(TaizhangError, match="无法写入文件"):
            services.reporting.export_report(db, tmp_path / "r.xlsx")
        with pytest.raises(TaizhangError, match="无法写入文件"):
            services.reporting.print_cover(db, tmp_path / "c.pdf", file=world / "reports" / "SLX001.xlsx")
        monkeypatch.undo()
        assert services.reporting.export_history(db)[0]["file_name"] == "SLX001.xlsx"  # the failed export left no row
    finally:
        db.close()
    assert not list(tmp_path.glob("*.part"))
