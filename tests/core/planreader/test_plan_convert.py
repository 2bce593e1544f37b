"""Word 97 .doc and PDF plans go through LibreOffice / pdftotext and give the same tasks as the text."""

import shutil
import subprocess

import docx
import pytest

from desktop.core.planreader import parse_plan_file
from desktop.paths import samples_dir

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.fixture(scope="module")
def sample_docx(tmp_path_factory):
    folder = tmp_path_factory.mktemp("convert")
    document = docx.Document()
    for line in (samples_dir() / "sample_plan.txt").read_text(encoding="utf-8").splitlines():
        document.add_paragraph(line)
    document.save(folder / "plan.docx")
    return folder / "plan.docx"


def _convert(src, fmt):
    out = src.parent / fmt
    done = subprocess.run([SOFFICE, "--headless", "--convert-to", fmt, "--outdir", str(out), str(src)],
                          capture_output=True, timeout=180)
    target = out / f"{src.stem}.{fmt}"
    if not target.exists():
        pytest.skip(f"this LibreOffice cannot write .{fmt} ({done.stderr[-200:]!r})")
    return target


def _tasks(path):
    return [(t["path"], t["title"], t["units"], t["deadline"]) for t in parse_plan_file(path)["tasks"]]


@pytest.mark.slow
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice not installed")
def test_doc_parses_like_the_text(sample_docx):
    assert _tasks(_convert(sample_docx, "doc")) == _tasks(samples_dir() / "sample_plan.txt")


@pytest.mark.slow
@pytest.mark.skipif(SOFFICE is None or shutil.which("pdftotext") is None, reason="LibreOffice or pdftotext missing")
def test_pdf_parses_like_the_text(sample_docx):
    assert _tasks(_convert(sample_docx, "pdf")) == _tasks(samples_dir() / "sample_plan.txt")
