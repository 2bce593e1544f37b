"""How the plan reader holds up when the given real documents reach it the way people pass files on: hard-wrapped
as a PDF sets them, with page numbers between the lines, letter-spaced (glyph by glyph extraction), with their
paragraph breaks lost, with an attachment list or a 版记 after the signature, as a WeChat article with its
headings decorated, or printed to PDF and read back.

    .venv/bin/python tools/reader_robustness.py [--pdf]

Reads the text documents and gold task lists in ../shared/plans and ../shared/plans-dev (nothing is copied into
the repository) and prints, per document and per way of passing it on, F1/title/deadline as
../shared/tools/score_plan.py scores them. ``--pdf`` also prints each document to PDF with LibreOffice and reads
it back through pdftotext (slow: a LibreOffice start per document). Documents given as task tables (a .docx or
.xlsx beside the .txt) are read as given only: a table is not wrapped or spaced like prose.
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

from desktop.core.errors import TaizhangError
from desktop.core.planreader import parse_plan_file, parse_plan_text

SHARED = Path(__file__).resolve().parents[2] / "shared"


def _units(ch: str) -> int:
    """Half-width units a Chinese font gives a character (wide and ambiguous ones: 2)."""
    return 2 if unicodedata.east_asian_width(ch) in "WFA" else 1


def wrapped(text: str, width: int = 76) -> str:
    """Every line broken at ``width`` units, as a PDF sets a paragraph."""
    out = []
    for line in text.split("\n"):
        piece, used = "", 0
        for ch in line:
            if used + _units(ch) > width:
                out.append(piece)
                piece, used = "", 0
            piece, used = piece + ch, used + _units(ch)
        out.append(piece)
    return "\n".join(out)


def paged(text: str) -> str:
    """Wrapped, with a page number ("- 2 -") after every 30 lines, mid-paragraph as a page ends."""
    out = []
    for i, line in enumerate(wrapped(text).split("\n"), start=1):
        out.append(line)
        if i % 30 == 0:
            out.append(f"- {i // 30 + 1} -")
    return "\n".join(out)


def spaced(text: str) -> str:
    return "\n".join(" ".join(line) for line in text.split("\n"))


def flattened(text: str) -> str:
    """The title, then the whole document on one line (a web page copied without its paragraph breaks)."""
    lines = [line for line in text.split("\n") if line.strip()]
    return "\n".join([*lines[:1], " ".join(lines[1:])])


def with_attachments(text: str) -> str:
    return text.rstrip("\n") + "\n附件：1.示例县重点工作任务分解表\n2.示例县民生实事项目清单\n"


def with_record(text: str) -> str:
    return text.rstrip("\n") + "\n抄送：县委办，县政府办，县人大办。\n示例县教育局办公室　　2026年2月10日印发\n"


def as_article(text: str) -> str:
    """As a WeChat article (公众号) carries it: a follow line above, the source, editors and share bar below."""
    return ("点击上方蓝字 关注我们\n" + text.rstrip("\n")
            + "\n来源：示例县教育局\n编辑：张三\n审核：李四\n▼点击阅读原文\n分享\n收藏\n在看\n")


def decorated(text: str) -> str:
    """Headings decorated with a symbol, as a web page or an article sets them ("◆一、……")."""
    return "\n".join(f"◆{line}" if line[1:2] == "、" and line[:1] in "一二三四五六七八九十" else line
                      for line in text.split("\n"))


VARIANTS: dict[str, Callable[[str], str]] = {
    "as given": lambda text: text, "wrap 76": wrapped, "wrap 60": lambda text: wrapped(text, 60), "pages": paged,
    "spaced": spaced, "flattened": flattened, "attachments": with_attachments, "版记": with_record,
    "article": as_article, "decorated": decorated,
}


def _scorer():
    spec = importlib.util.spec_from_file_location("score_plan", SHARED / "tools" / "score_plan.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.score


def _cell(score, gold: dict, parse: Callable[[Any], dict], source: Any) -> str:
    try:
        s = score(gold, parse(source))
    except TaizhangError:
        return "fails"
    return f"{s['f1']:.2f}/{s['title_match'] or 0:.2f}/{s['deadline_exact'] or 0:.2f}"


def _pdf_of(text_file: Path, work: Path) -> Path:
    subprocess.run([shutil.which("soffice") or "soffice", "--headless", "--convert-to", "pdf", "--outdir", str(work),
                    str(text_file)], check=True, capture_output=True, timeout=240)
    return work / f"{text_file.stem}.pdf"


def main(argv: list[str]) -> int:
    import json

    score = _scorer()
    documents = sorted((SHARED / "plans").glob("*.txt")) + sorted((SHARED / "plans-dev").glob("*.txt"))
    if not documents:
        print(f"no documents under {SHARED}", file=sys.stderr)
        return 2
    variants = dict(VARIANTS)
    print("F1/title/deadline per document;", ", ".join(variants), "(tables: as given only)")
    worst: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for doc in documents:
            gold = json.loads(doc.with_suffix(".gold.json").read_text(encoding="utf-8"))
            text = doc.read_text(encoding="utf-8")
            table = any(doc.with_suffix(ext).exists() for ext in (".docx", ".xlsx"))  # given as a table
            cells = []
            for name, change in variants.items():
                if table and name != "as given":
                    continue
                cell = _cell(score, gold, parse_plan_text, change(text))
                cells.append(f"{name}: {cell}")
                if cell != "fails":
                    worst[name] = min(worst.get(name, 1.0), float(cell.split("/")[0]))
            if "--pdf" in argv and not table:
                copy = work / doc.name
                copy.write_text(text, encoding="utf-8")
                cells.append(f"pdf: {_cell(score, gold, parse_plan_file, _pdf_of(copy, work))}")
            print(f"{doc.stem[:32]:32s}  " + "  ".join(cells), flush=True)
    print("lowest F1 per variant (prose documents):", ", ".join(f"{k} {v:.2f}" for k, v in worst.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
