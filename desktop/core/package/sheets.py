"""Writing styled, protected, injection-safe sheets with openpyxl (shared by every workbook kind)."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from copy import copy

from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from desktop.core.package import sheetxml
from desktop.core.safetext import XML_ILLEGAL

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
HEADER_FONT = Font(name="宋体", bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="305496")
BODY_FONT = Font(name="宋体")
TITLE_FONT = Font(name="黑体", bold=True, size=14)
TITLE_ALIGN = Alignment(vertical="center")
LABEL_FONT = Font(name="宋体", bold=True)
THIN = Side(style="thin", color="B4B4B4")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="top")
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
MAX_CELL_TEXT = 32000  # Excel's limit is 32,767 characters
# The calculation engine id of current Excel (2016 … 365). A file that says an older engine calculated it
# (openpyxl writes 124519, Excel 2007) is recalculated on open and then Excel asks "save changes?" on
# close; so is one with fullCalcOnLoad. Our workbooks hold only values, so there is nothing to compute.
CALC_ENGINE_ID = 191029


def new_workbook():
    """An empty openpyxl Workbook that opens and closes in Excel/WPS/LibreOffice without a save prompt:
    no forced recalculation on load (no ``fullCalcOnLoad``), a current ``calcId``, no calc chain."""
    if sheetxml.recording():  # package/visible.py's fast path: the same build, recorded
        return sheetxml.Book()
    from openpyxl import Workbook
    from openpyxl.workbook.properties import CalcProperties

    wb = Workbook()
    wb.calculation = CalcProperties(calcId=CALC_ENGINE_ID, fullCalcOnLoad=False)
    return wb


def clean_text(value: str) -> str:
    """Drop what XML cannot hold (C0 controls but tab/newline/CR, lone surrogates, U+FFFE/U+FFFF) and cut
    to Excel's cell limit: every string any workbook of ours holds passes here, so no user text can make
    openpyxl/lxml fail at save time."""
    if len(value) <= _CACHED_TEXT:
        return _clean_short(value)
    return _clean(value)


def _clean(value: str) -> str:
    if XML_ILLEGAL.search(value):
        value = XML_ILLEGAL.sub("", value)
    return value[:MAX_CELL_TEXT]


_CACHED_TEXT = 256  # texts up to this length (task titles, headings, statuses) are cleaned and measured once
# The same short texts recur in every report of a plan version (bounded in entries and, by _CACHED_TEXT, in size).
_clean_short = functools.lru_cache(maxsize=4096)(_clean)


def put(ws: Worksheet, row: int, col: int, value, *, font=BODY_FONT, align=WRAP, border=BORDER):
    """Write one cell. Text is always text: '=cmd|…' is stored as a string, never as a formula."""
    if isinstance(value, str):
        value = clean_text(value)
    quoted = isinstance(value, str) and value.startswith(FORMULA_START)
    if type(ws) is sheetxml.Sheet:
        return ws.put(row, col, value, quoted, font, align, border)
    cell = ws.cell(row=row, column=col, value=value)
    if quoted:
        cell.data_type = "s"
    sheetxml.give_style(cell, ws.parent, font, align, border, quoted)
    return cell


def restyle(cell, *, font=None, fill=None, align=None):
    """Give a cell another font, fill or alignment (those given), the result being what setting them through
    openpyxl's descriptors gives. Setting a style object through openpyxl hashes it again for every cell; here
    the resulting style array is computed once per (style array before, objects) and workbook, and copied:
    a summary of 10,000 schools sets a fill on hundreds of thousands of cells. Style objects are compared
    by identity, so pass shared ones (module constants, a cached ``PatternFill``)."""
    cache = cell.parent.parent.__dict__.setdefault("_taizhang_restyle", {})
    key = (tuple(cell._style) if cell._style else None, id(font), id(fill), id(align))  # a new cell has none
    hit = cache.get(key)
    if hit is None:
        if font is not None:
            cell.font = font
        if fill is not None:
            cell.fill = fill
        if align is not None:
            cell.alignment = align
        cache[key] = (copy(cell._style), (font, fill, align))  # the objects kept alive: their ids stay theirs
    else:
        cell._style = copy(hit[0])
    return cell


def write_table(ws: Worksheet, headers: Sequence[str], rows: Iterable[Sequence], widths: Sequence[int],
                *, start_row: int = 1, autofilter: bool = True) -> int:
    """A header row (frozen, filtered) and body rows; returns the last row written."""
    for col, (title, width) in enumerate(zip(headers, widths, strict=True), start=1):
        restyle(put(ws, start_row, col, title, font=HEADER_FONT, align=CENTER), fill=HEADER_FILL)
        ws.column_dimensions[get_column_letter(col)].width = width
    r = start_row
    if type(ws) is sheetxml.Sheet:  # the same cells, kept as rows of values
        r = ws.put_rows(start_row + 1, rows, clean_text, FORMULA_START, BODY_FONT, WRAP, BORDER)
    else:
        for r, row in enumerate(rows, start=start_row + 1):
            for col, value in enumerate(row, start=1):
                put(ws, r, col, value)
    ws.freeze_panes = ws.cell(row=start_row + 1, column=1)
    if autofilter and r > start_row:
        ws.auto_filter.ref = f"A{start_row}:{get_column_letter(len(headers))}{r}"
    ws.print_title_rows = f"{start_row}:{start_row}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    return r


def write_pairs(ws: Worksheet, title: str, pairs: Sequence[tuple[str, object]], widths=(16, 62)) -> int:
    """A title line then label/value rows (cover and notes sheets)."""
    put(ws, 1, 1, title, font=TITLE_FONT, align=TITLE_ALIGN, border=None)
    ws.row_dimensions[1].height = 28
    ws.column_dimensions["A"].width = widths[0]
    ws.column_dimensions["B"].width = widths[1]
    r = 2
    for r, (label, value) in enumerate(pairs, start=3):
        put(ws, r, 1, label, font=LABEL_FONT)
        put(ws, r, 2, "" if value is None else value)
        lines = str(value).count("\n") + 1 if value is not None else 1
        if lines > 1:
            ws.row_dimensions[r].height = 15 * lines + 4
    ws.page_setup.orientation = "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    return r


def protect(ws: Worksheet) -> None:
    """Guard against accidental edits (not a security boundary: the signature is)."""
    ws.protection.sheet = True
    ws.protection.autoFilter = False
    ws.protection.sort = False
    ws.protection.formatColumns = False


# --- print setup (A4, titles, page numbers) and row heights: new helpers, used after write_table/write_pairs

PAPER_A4 = 9  # the paperSize code of A4 in SpreadsheetML
LINE_HEIGHT = 15.0  # points per line of 11 pt 宋体
RATE_FORMAT = "0.0%"
NO_RATE = "—"  # a rate with nothing to count


def _header_text(text: str) -> str:
    return clean_text(text).replace("&", "&&")  # '&' starts a header code


def print_setup(ws: Worksheet, *, landscape: bool, header: Sequence[str] = (), title_rows: str | None = None,
                title_cols: str | None = None, fit_width: bool = True) -> None:
    """A4, the orientation the sheet reads best in, fitted to the page width (or at 100 % across pages when
    ``fit_width`` is off), the title rows/columns repeated on every page, up to three header texts (left,
    centre, right) and "第 n 页，共 m 页" in the footer."""
    ws.page_setup.paperSize = PAPER_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.sheet_properties.pageSetUpPr.fitToPage = fit_width
    ws.page_setup.fitToWidth = 1 if fit_width else 0
    ws.page_setup.fitToHeight = 0
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = ws.page_margins.bottom = 0.75
    ws.page_margins.header = ws.page_margins.footer = 0.3
    ws.print_options.horizontalCentered = True
    if title_rows:
        ws.print_title_rows = title_rows
    if title_cols:
        ws.print_title_cols = title_cols
    for part, text in zip((ws.oddHeader.left, ws.oddHeader.center, ws.oddHeader.right), header, strict=False):
        part.text = _header_text(text)
        part.size = 9
    ws.oddFooter.center.text = "第 &P 页，共 &N 页"
    ws.oddFooter.center.size = 9


# A str.translate table of the non-ASCII characters met so far: None for a wide one (east-asian W or F), "." for
# any other, so that translating a text drops its wide characters and leaves only ASCII when every character is
# known (bounded: a character not in a full table is looked up each time it comes).
_CLASSED: dict[int, str | None] = {}
_CLASSED_LIMIT = 65536


def text_width(text: str) -> int:
    """Display width in column units: a CJK (wide) character counts two, others one. Counted by translating the
    text (one pass in C), not character by character: a report holds tens of thousands of characters."""
    if text.isascii():
        return len(text)
    rest = text.translate(_CLASSED)
    if not rest.isascii():
        rest = _narrow_of(text, rest)
    return 2 * len(text) - len(rest)


def _narrow_of(text: str, rest: str) -> str:
    """``text`` translated with its new characters classified too (added to the table while there is room)."""
    import unicodedata

    for ch in set(rest):
        if not ch.isascii() and len(_CLASSED) < _CLASSED_LIMIT:
            _CLASSED[ord(ch)] = None if unicodedata.east_asian_width(ch) in "WF" else "."
    rest = text.translate(_CLASSED)
    if rest.isascii():
        return rest
    return "".join("" if unicodedata.east_asian_width(ch) in "WF" else "." for ch in rest)


def lines_needed(text: str, width: float) -> int:
    """How many lines ``text`` wraps to in a column ``width`` units wide."""
    return _lines_in(str(text), _room(width))


def _room(width: float) -> int:
    """Characters of width one that fit on a line of a column ``width`` units wide."""
    return int(max(1.0, width - 1.5))


def _lines_in(text: str, room: int) -> int:
    if 2 * len(text) <= room and "\n" not in text:  # fits however wide its characters are
        return 1
    if len(text) <= _CACHED_TEXT:
        return _wrapped_lines(text, room)
    return _count_lines(text, room)


def _count_lines(text: str, room: int) -> int:
    return sum(max(1, -(-text_width(part) // room)) for part in text.split("\n"))


# Every report of a plan version repeats its task titles and headings: measured once, not once per school
# (a pure function of its arguments; bounded in entries and, by _CACHED_TEXT, in the size of each).
_wrapped_lines = functools.lru_cache(maxsize=4096)(_count_lines)


def fit_row_heights(ws: Worksheet, *, min_row: int = 1, max_lines: int = 40) -> None:
    """Give each row the height its wrapped text needs (LibreOffice does not grow rows itself), never
    lowering a height already set; at most ``max_lines`` lines (a row taller than a page does not print)."""
    if type(ws) is sheetxml.Sheet:
        _fit_recorded(ws, min_row, max_lines)
        return
    widths = {}
    for row in ws.iter_rows(min_row=min_row):
        lines = 1
        for cell in row:
            if cell.value is None or not (cell.alignment and cell.alignment.wrap_text):
                continue
            letter = cell.column_letter
            if letter not in widths:
                widths[letter] = ws.column_dimensions[letter].width or 8.43
            lines = max(lines, lines_needed(str(cell.value), widths[letter]))
        if lines > 1:
            height = LINE_HEIGHT * min(lines, max_lines) + 3
            current = ws.row_dimensions[row[0].row].height
            ws.row_dimensions[row[0].row].height = max(height, current or 0)


def _fit_recorded(ws: sheetxml.Sheet, min_row: int, max_lines: int) -> None:
    """``fit_row_heights`` on a recorded sheet: the same heights, without touching every empty position."""
    rooms: dict[int, int] = {}
    needed: dict[int, int] = {}
    for row, first, values in ws.wrapped_rows(min_row):
        most = needed.get(row, 1)
        for col, value in enumerate(values, start=first):
            if value is None:
                continue
            text = value if type(value) is str else str(value)
            room = rooms.get(col)
            if room is None:
                room = rooms[col] = _room(ws.column_dimensions[get_column_letter(col)].width or 8.43)
            lines = _lines_in(text, room)
            if lines > most:
                most = lines
        if most > 1:
            needed[row] = most
    for row in sorted(needed):
        height = LINE_HEIGHT * min(needed[row], max_lines) + 3
        current = ws.row_dimensions[row].height
        ws.row_dimensions[row].height = max(height, current or 0)


def put_rate(ws: Worksheet, row: int, col: int, value: float | None, **style):
    """A rate as a number with a % format, or "—" when there is nothing to count (never 0.0 %)."""
    if value is None:
        return put(ws, row, col, NO_RATE, align=CENTER, **style)
    cell = put(ws, row, col, value, **style)
    cell.number_format = RATE_FORMAT
    return cell
