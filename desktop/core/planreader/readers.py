"""Reading plan files: .txt, .docx, .xlsx, and .doc/.wps/.pdf through LibreOffice.

Every reader returns the document as lines in reading order, ``[(text, atomic)]``, for
:func:`desktop.core.planreader.parser.parse_lines` (``atomic`` marks table rows, which are never split
at inline labels).

* .txt: UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030 or Big5, whichever reads as
  more common Chinese.
* .docx: paragraphs and tables in document order (content controls included); Word automatic list
  numbering is turned back into label text (:mod:`wordlists`); a table whose header names the
  task columns is read as a task table (:mod:`tables`), other tables cell by cell.
* .xlsx: the first sheet with a task-table header (read-only, values only).
* .doc / .wps / .pdf / .rtf / .odt: converted with LibreOffice (``soffice --headless``) into a
  temporary folder when it is on PATH; otherwise the user is asked to save the file as .docx.

Files over 20 MB, unknown extensions and unreadable files raise ``TaizhangError``.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from ..errors import TaizhangError
from .parser import SourceLine, parse_lines
from .tables import cell_text, task_table_lines

MAX_BYTES = 20 * 1024 * 1024
MAX_ROWS = 20000
_CONVERTED = {".doc": "docx", ".wps": "docx", ".rtf": "docx", ".odt": "docx", ".wpt": "docx", ".pdf": "txt"}
# Common characters of Chinese prose (Simplified and Traditional), to choose between encodings.
_COMMON = set("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说"
              "产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点"
              "从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原"
              "又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革"
              "位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强"
              "放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交"
              "受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八"
              "离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布"
              "复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精"
              "值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照"
              "參與為這個們來說時對從學國會發現經區縣學級園職業實進動員體質設備據組織黨標準數歲類種條課")


def parse_plan_file(path, *, year: int | None = None) -> dict:
    """Read and parse a plan document (.txt, .docx, .xlsx; .doc/.wps/.pdf via LibreOffice)."""
    p = Path(path)
    try:
        if not p.is_file():
            raise TaizhangError(f"找不到文件：{p}", f"File not found: {p}")
        size = p.stat().st_size
    except OSError as e:
        raise TaizhangError(f"无法读取文件：{p}", f"Cannot read the file: {p} ({e})") from e
    if size > MAX_BYTES:
        raise TaizhangError(
            f"文件太大（{size / 1024 / 1024:.1f} MB），计划文件不能超过 20 MB。",
            f"The file is too large ({size / 1024 / 1024:.1f} MB); plan files may be at most 20 MB.",
        )
    lines = read_lines(p)
    result = parse_lines(lines, year=year)
    if not result["title"]:
        result["title"] = p.stem
    result["document"] = p.name
    return result


def read_lines(p: Path) -> list[SourceLine]:
    """The document's lines in reading order, by file type."""
    ext = p.suffix.lower()
    if ext in (".txt", ".text"):
        return [(line, False) for line in decode_text(_read_bytes(p)).splitlines()]
    if ext == ".docx":
        return read_docx(p)
    if ext == ".xlsx":
        return read_xlsx(p)
    if ext in _CONVERTED:
        return _read_converted(p, _CONVERTED[ext])
    raise TaizhangError(
        f"不支持的文件类型“{ext or '无扩展名'}”。请使用 .docx、.txt 或 .xlsx 格式的计划文件。",
        f"Unsupported file type '{ext or 'no extension'}'. Use a .docx, .txt or .xlsx plan file.",
    )


def _read_bytes(p: Path) -> bytes:
    try:
        return p.read_bytes()
    except OSError as e:
        raise TaizhangError(f"无法读取文件：{p}", f"Cannot read the file: {p} ({e})") from e


def decode_text(raw: bytes) -> str:
    """Decode a text file: UTF-8 (BOM or not), UTF-16 with BOM, GB18030 or Big5."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", errors="replace")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16", errors="replace")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if b"\x00" in raw[:4096]:
        raise TaizhangError("这不是文本文件。", "This is not a text file.")
    best, best_score = None, -1.0
    for enc in ("gb18030", "big5"):
        try:
            text = raw.decode(enc)
        except UnicodeDecodeError:
            continue
        sample = text[:20000]
        cjk = sum(1 for ch in sample if "\u4e00" <= ch <= "\u9fff") or 1
        score = sum(1 for ch in sample if ch in _COMMON) / cjk
        if score > best_score:
            best, best_score = text, score
    if best is None:
        best = raw.decode("gb18030", errors="replace")
    return best


# -- .docx -----------------------------------------------------------------------------------
def read_docx(p: Path) -> list[SourceLine]:
    """Paragraphs and tables of a .docx in document order, with Word list labels restored."""
    from desktop.core.zipsafe import guard_plan_document
    guard_plan_document(p)  # zip bombs and giants refused before python-docx inflates anything
    try:
        import docx
        from docx.oxml.ns import qn

        from .wordlists import WordNumbering

        document = docx.Document(str(p))
        numbering = WordNumbering(document)
        body = document.element.body
        out: list[SourceLine] = []
        _walk(body, numbering, out, qn)
        return out
    except TaizhangError:
        raise
    except Exception as e:  # python-docx/lxml/zipfile raise many types on damaged files
        raise TaizhangError(
            "无法打开这个 .docx 文件，文件可能已损坏。请用 Word 或 WPS 打开后重新另存为 .docx。",
            f"Cannot open this .docx file; it may be damaged. Open it in Word or WPS and save it "
            f"again as .docx. ({type(e).__name__})",
        ) from e


def _paragraph_text(p_el, qn) -> str:
    parts = []
    for el in p_el.iter():
        tag = el.tag
        if tag == qn("w:t"):
            parts.append(el.text or "")
        elif tag == qn("w:tab"):
            parts.append("\t")
        elif tag in (qn("w:br"), qn("w:cr")):
            parts.append("\n")
        elif tag == qn("w:delText"):
            continue
    return "".join(parts)


def _walk(container, numbering, out: list[SourceLine], qn) -> None:
    for child in container.iterchildren():
        tag = child.tag
        if tag == qn("w:p"):
            label = numbering.label(child)
            text = _paragraph_text(child, qn)
            if text.strip() or label:
                out.append((label + text, False))
        elif tag == qn("w:tbl"):
            _table(child, numbering, out, qn)
        elif tag == qn("w:sdt"):
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                _walk(content, numbering, out, qn)


def _table(tbl, numbering, out: list[SourceLine], qn) -> None:
    rows: list[list[str]] = []
    cell_paras: list[list[list]] = []
    merged: dict[tuple[int, int], int] = {}  # (row, column) covered by a vertical merge -> its first row
    starts: dict[int, int] = {}  # column -> the row where the open vertical merge began
    for r, tr in enumerate(tbl.iterchildren(qn("w:tr"))):
        row: list[str] = []
        paras: list[list] = []
        for tc in tr.iterchildren(qn("w:tc")):
            ps = list(tc.iterchildren(qn("w:p")))
            span = tc.find(qn("w:tcPr"))
            vmerge = span.find(qn("w:vMerge")) if span is not None else None
            c = len(row)
            if vmerge is not None and vmerge.get(qn("w:val"), "continue") != "restart" and c in starts:
                merged[(r, c)] = starts[c]
            elif vmerge is not None:
                starts[c] = r
            else:
                starts.pop(c, None)
            row.append("\n".join(_paragraph_text(p, qn) for p in ps).strip())
            paras.append(ps)
            grid = span.find(qn("w:gridSpan")) if span is not None else None
            if grid is not None:
                try:
                    extra = int(grid.get(qn("w:val"), "1")) - 1
                except ValueError:
                    extra = 0
                row.extend([""] * max(0, min(extra, 50)))
                paras.extend([[]] * max(0, min(extra, 50)))
        rows.append(row)
        cell_paras.append(paras)
    lines = task_table_lines(rows, merged)
    if lines is not None:
        out.extend(lines)
        return
    for paras in cell_paras:  # a layout table: read cell by cell
        for ps in paras:
            for p_el in ps:
                label = numbering.label(p_el)
                text = _paragraph_text(p_el, qn)
                if text.strip() or label:
                    out.append((label + text, False))


# -- .xlsx -----------------------------------------------------------------------------------
def read_xlsx(p: Path) -> list[SourceLine]:
    """The first sheet of a workbook that holds a task table."""
    from desktop.core.zipsafe import guard_plan_document
    guard_plan_document(p)  # zip bombs and giants refused before openpyxl inflates anything
    try:
        import openpyxl

        # not read-only: only a full load knows the merged cells (the file's size is bounded above)
        wb = openpyxl.load_workbook(str(p), data_only=True)
    except Exception as e:  # zipfile/openpyxl/lxml raise many types on damaged files
        raise TaizhangError(
            "无法打开这个 .xlsx 文件，文件可能已损坏或不是 Excel 工作簿。",
            f"Cannot open this .xlsx file; it may be damaged or not an Excel workbook. ({type(e).__name__})",
        ) from e
    try:
        for ws in wb.worksheets:
            rows: list[list[str]] = []
            for k, row in enumerate(ws.iter_rows(values_only=True)):
                if k >= MAX_ROWS:
                    break
                rows.append([cell_text(v) for v in row])
            merged: dict[tuple[int, int], int] = {}
            ranges = ws.merged_cells.ranges if hasattr(ws, "merged_cells") else ()
            for rng in ranges:
                if rng.max_row > rng.min_row and rng.min_row <= MAX_ROWS:
                    for r in range(rng.min_row + 1, min(rng.max_row, MAX_ROWS) + 1):
                        for c in range(rng.min_col, min(rng.max_col, rng.min_col + 50) + 1):
                            merged[(r - 1, c - 1)] = rng.min_row - 1
            lines = task_table_lines(rows, merged)
            if lines:
                return lines
    except TaizhangError:
        raise
    except Exception as e:
        raise TaizhangError(
            "读取 .xlsx 文件时出错，文件可能已损坏。",
            f"Error while reading the .xlsx file; it may be damaged. ({type(e).__name__})",
        ) from e
    finally:
        wb.close()
    raise TaizhangError(
        "工作簿中没有找到任务表：需要一行表头，包含“任务”（或“工作任务”“具体内容”）以及“序号”“责任单位”或“完成时限”等列。",
        "No task table found in the workbook: a header row needs a task column (任务/工作任务/具体内容) "
        "and a number, units or deadline column (序号/责任单位/完成时限).",
    )


# -- LibreOffice conversion ------------------------------------------------------------------
def _read_pdf_text(p: Path) -> list[SourceLine] | None:
    """A PDF's text through poppler's pdftotext when it is installed (LibreOffice opens PDFs as drawings
    and exports no text from them); None when pdftotext is not there or gives nothing."""
    exe = shutil.which("pdftotext")
    if exe is None:
        return None
    try:
        done = subprocess.run([exe, "-enc", "UTF-8", str(p), "-"], capture_output=True, timeout=180, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    text = decode_text(done.stdout) if done.returncode == 0 else ""
    return [(line, False) for line in text.splitlines()] if text.strip() else None


def _read_converted(p: Path, target: str) -> list[SourceLine]:
    ext = p.suffix.lower()
    if ext == ".pdf":
        lines = _read_pdf_text(p)
        if lines is not None:
            return lines
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if exe is None:
        raise TaizhangError(
            f"无法直接读取 {ext} 文件。请用 Word 或 WPS 打开，另存为 .docx 后再导入。",
            f"{ext} files cannot be read directly. Open the file in Word or WPS, save it as .docx "
            "and import that.",
        )
    with tempfile.TemporaryDirectory(prefix="taizhang-convert-") as tmp:
        tmpdir = Path(tmp)
        args = [exe, "--headless", "--norestore", f"-env:UserInstallation={(tmpdir / 'profile').as_uri()}"]
        if target == "txt":
            args += ["--infilter=writer_pdf_import", "--convert-to", "txt:Text (encoded):UTF8"]
        else:
            args += ["--convert-to", target]
        args += ["--outdir", str(tmpdir / "out"), str(p)]
        try:
            subprocess.run(args, capture_output=True, timeout=180, check=False)
        except (OSError, subprocess.SubprocessError) as e:
            raise TaizhangError(
                f"用 LibreOffice 转换 {ext} 文件失败。请另存为 .docx 后再导入。",
                f"Converting the {ext} file with LibreOffice failed. Save it as .docx and import that.",
            ) from e
        converted = tmpdir / "out" / f"{p.stem}.{target}"
        if not converted.is_file():
            raise TaizhangError(
                f"用 LibreOffice 转换 {ext} 文件失败。请另存为 .docx 后再导入。",
                f"Converting the {ext} file with LibreOffice failed. Save it as .docx and import that.",
            )
        if target == "docx":
            return read_docx(converted)
        return [(line, False) for line in decode_text(converted.read_bytes()).splitlines()]
