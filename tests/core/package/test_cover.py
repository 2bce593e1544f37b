"""The printed 备案表 (DESIGN §11): A4, what is signed, lines to fill in, a seal box, and a QR code a real
reader decodes to ``TZ1|kind|county|school|period|revision|package code|first 16 hex of the SHA-256``."""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
import zlib
from pathlib import Path

import pytest

from desktop.core import services
from desktop.core.db.connection import open_db
from desktop.core.errors import TaizhangError
from desktop.core.package import cover
from desktop.core.package.container import verify_package
from desktop.core.package.reportbook import package_code

ZBARIMG = shutil.which("zbarimg")
PDFTOPPM = shutil.which("pdftoppm")
# pdftotext reads the Chinese text of a non-embedded Adobe-GB1 font only with its CMaps (Debian poppler-data)
_GB1_CMAPS = any(Path(d, "Adobe-GB1").is_dir() for d in ("/usr/share/poppler/cMap", "/usr/local/share/poppler/cMap"))
PDFTOTEXT = shutil.which("pdftotext") if _GB1_CMAPS else None


@pytest.fixture
def school(world):
    db = open_db(world / "schools" / "SLX001.db")
    yield db
    db.close()


@pytest.fixture
def report(world) -> Path:
    return world / "reports" / "SLX001.xlsx"


def test_facts_state_what_is_signed(report):
    pkg = verify_package(report)
    f = cover.facts(pkg)
    m = pkg.manifest
    assert (f.school_code, f.period, f.revision) == ("SLX001", m["period"], m["revision"])
    assert f.tasks == len(m["entries"]) and sum(f.counts.values()) == f.tasks
    assert f.evidence_count == len(m["evidence"]) and f.evidence_bytes > 0
    assert f.package_code == package_code(m["package_id"])
    sha = hashlib.sha256(report.read_bytes()).hexdigest()
    assert f.qr_text == f"TZ1|report|{m['county']}|SLX001|{m['period']}|{m['revision']}|{f.package_code}|{sha[:16]}"


def test_the_pdf_is_one_a4_page_with_its_chinese_text(report, tmp_path):
    out = cover.write_cover(cover.facts(verify_package(report)), tmp_path / "c.pdf")
    data = out.read_bytes()
    assert data.startswith(b"%PDF")
    assert b"/MediaBox [ 0 0 595.2756 841.8898 ]" in data  # A4 in points
    assert data.count(b"/Type /Page\n") + data.count(b"/Type /Page ") + data.count(b"/Type /Page>") <= 1
    assert b"STSong-Light" in data  # the Adobe CID font, referenced not embedded: the file stays small
    assert len(data) < 60_000
    if PDFTOTEXT:
        text = subprocess.run([PDFTOTEXT, "-layout", str(out), "-"], capture_output=True, text=True, check=True).stdout
        for words in ("工作台账报送备案表", "填报人", "联系电话", "日期", "承诺", "单位盖章", "报送码", "学校公钥指纹",
                      "佐证材料", "任务完成情况"):
            assert words in text, words


def test_the_seal_box_is_at_least_45_mm():
    assert cover.SEAL_MM >= 45


@pytest.mark.skipif(ZBARIMG is None or PDFTOPPM is None, reason="zbarimg (zbar-tools) or pdftoppm not installed")
def test_a_real_qr_reader_decodes_the_printed_code(school, report, tmp_path):
    out = tmp_path / "cover.pdf"
    r = services.reporting.print_cover(school, out, file=report)
    subprocess.run([PDFTOPPM, "-r", "100", "-png", "-singlefile", str(out), str(tmp_path / "page")], check=True)
    decoded = subprocess.run([ZBARIMG, "-q", "--raw", str(tmp_path / "page.png")], capture_output=True,
                             text=True).stdout.strip()
    assert decoded == r["qr_text"]
    sha = hashlib.sha256(report.read_bytes()).hexdigest()
    fields = decoded.split("|")
    assert fields[0] == "TZ1" and fields[1] == "report" and fields[3] == "SLX001"
    assert re.fullmatch(r"[0-9A-F]{8}", fields[6]) and fields[7] == sha[:16]


def test_a_cover_is_printed_from_the_export_record_too(school, tmp_path):
    out = tmp_path / "r.xlsx"
    m = services.reporting.export_report(school, out)
    r = services.reporting.print_cover(school, tmp_path / "c.pdf", revision=m["revision"])
    assert r["package_code"] == m["package_code"] and (tmp_path / "c.pdf").stat().st_size > 1000


def test_no_cover_for_another_schools_file_or_a_resaved_one(world, school, tmp_path):
    with pytest.raises(TaizhangError, match="本校"):
        services.reporting.print_cover(school, tmp_path / "x.pdf", file=world / "reports" / "SLX002.xlsx")
    from tests.core.package.test_resaved import spreadsheet_resave

    spoiled = tmp_path / "spoiled.xlsx"
    spreadsheet_resave(world / "reports" / "SLX001.xlsx", spoiled, keep_manifest=True)
    with pytest.raises(TaizhangError, match="打开并保存过"):
        services.reporting.print_cover(school, tmp_path / "y.pdf", file=spoiled)
    assert not (tmp_path / "x.pdf").exists() and not (tmp_path / "y.pdf").exists()


def test_the_pdf_is_deterministic_for_the_same_file(report, tmp_path):
    f = cover.facts(verify_package(report))
    a, b = cover.write_cover(f, tmp_path / "a.pdf"), cover.write_cover(f, tmp_path / "b.pdf")
    assert zlib.crc32(a.read_bytes()) == zlib.crc32(b.read_bytes())
