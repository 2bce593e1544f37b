"""The body rows of the summary workbook's tables, kept as plain rows and written as worksheet XML text.

A city's summary has ~700,000 body cells. As openpyxl cells each one costs an object, its style look-ups and
lxml's element-by-element writing: most of the time of the whole workbook. Here a table's body is a list of
rows of ``(value, type, look)``, a look being an index into the workbook's cell styles (openpyxl's own list,
so the stylesheet openpyxl writes numbers it the same). Each look is made once, on a scratch cell of the
workbook with openpyxl's own setters (``Looks``), so a body cell looks exactly as the same calls on a sheet
cell would make it.

``save`` lets openpyxl write the workbook (header rows, notes, legends, styles, widths, panes, filters, print
setup, charts: everything but these rows), then splices the rows into each sheet's ``<sheetData>`` as
openpyxl's writer writes cells: inline strings, ``'%.16g'`` numbers, the look's style index, ``ht`` and
``customHeight`` on a row with a height, and the sheet's ``<dimension>`` covering them. ``materialise`` turns
the same rows into openpyxl cells instead: the in-memory workbook tests and tools read, and the reference the
spliced file is compared with (tests/core/standing/test_bodyxml.py).
"""

from __future__ import annotations

import io
import re
import zipfile
from math import isinf, isnan
from pathlib import Path

from openpyxl.cell.cell import ERROR_CODES, Cell
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import column_index_from_string, get_column_letter
from openpyxl.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from desktop.core.package import sheets

_QUOTED = frozenset(sheets.FORMULA_START)  # a text starting so is stored as text with a quote prefix
_ERRORS = frozenset(ERROR_CODES)  # openpyxl stores these texts as error values: kept so


class Looks:
    """The cell styles of a workbook's body cells, each made once and numbered in ``wb._cell_styles``."""

    def __init__(self, wb: Workbook):
        self._wb = wb
        self._scratch = Worksheet(wb, title="scratch")  # never added to the workbook: cells to style, not to save
        self._made: dict = {}
        self._keep: list = []  # the style objects keyed by id below stay alive, so their ids stay theirs

    @classmethod
    def of(cls, wb: Workbook) -> Looks:
        looks = wb.__dict__.get("_taizhang_looks")
        if looks is None:
            looks = wb.__dict__["_taizhang_looks"] = cls(wb)
        return looks

    def _add(self, key, cell: Cell) -> int:
        look = self._made[key] = self._wb._cell_styles.add(StyleArray(cell._style or StyleArray()))
        return look

    def named(self, name: str) -> int:
        """The look of the workbook's named style ``name`` (registered already)."""
        look = self._made.get(name)
        if look is None:
            look = self._add(name, Cell(self._scratch, 1, 1, None, self._wb._named_styles[name].as_tuple()))
        return look

    def made(self, key, make) -> int:
        """The look ``make(scratch_sheet)`` gives the cell it returns (``sheets.put_rate`` on row 1, say)."""
        look = self._made.get(key)
        if look is None:
            look = self._add(key, make(self._scratch))
            self._scratch._cells.clear()
        return look

    def derived(self, look: int, *, font=None, fill=None, number_format: str | None = None, quote: bool = False) -> int:
        """``look`` with a font, a fill, a number format or a quote prefix set on it as openpyxl sets them."""
        key = (look, id(font), id(fill), number_format, quote)
        hit = self._made.get(key)
        if hit is None:
            cell = Cell(self._scratch, 1, 1, None, self.array(look))
            if font is not None:
                cell.font = font
            if fill is not None:
                cell.fill = fill
            if number_format is not None:
                cell.number_format = number_format
            if quote:
                cell.quotePrefix = True
            self._keep.append((font, fill))
            hit = self._add(key, cell)
        return hit

    def array(self, look: int) -> StyleArray:
        return self._wb._cell_styles[look]


def typed(value, look: int, looks: Looks) -> tuple:
    """A body cell as openpyxl would hold it after ``sheets.put``: text cleaned and always text ('=…' with a
    quote prefix, never a formula), numbers as numbers; returns (value, openpyxl data type, look)."""
    if isinstance(value, str):
        value = sheets.clean_text(value)
        first = value[:1]
        if first in _QUOTED:
            return value, "s", looks.derived(look, quote=True)
        if first == "#" and value in _ERRORS:
            return value, "e", look
        return value, "s", look
    if value is None or isinstance(value, (int, float)):
        return value, ("b" if isinstance(value, bool) else "n"), look
    raise TypeError(f"a summary cell holds text or a number, not {type(value).__name__}")


class Body:
    """One sheet's body rows: row number → [(value, type, look), …] from column A, and their heights."""

    def __init__(self):
        self.rows: dict[int, list[tuple]] = {}
        self.heights: dict[int, float] = {}

    @staticmethod
    def of(ws: Worksheet) -> Body:
        body = ws.__dict__.get("_taizhang_body")
        if body is None:
            body = ws.__dict__["_taizhang_body"] = Body()
        return body


def bodies(wb: Workbook) -> list[tuple[Worksheet, Body]]:
    return [(ws, ws.__dict__["_taizhang_body"]) for ws in wb.worksheets if "_taizhang_body" in ws.__dict__]


def materialise(wb: Workbook) -> Workbook:
    """The body rows as openpyxl cells and row heights (the workbook as openpyxl would have built it)."""
    looks = Looks.of(wb)
    for ws, body in bodies(wb):
        for r, cells in body.rows.items():
            for col, (value, dtype, look) in enumerate(cells, start=1):
                cell = Cell(ws, r, col, None, looks.array(look))
                cell._value, cell.data_type = value, dtype
                ws._add_cell(cell)
        for r, height in body.heights.items():
            ws.row_dimensions[r].height = max(height, ws.row_dimensions[r].height or 0)
        del ws.__dict__["_taizhang_body"]
    return wb


def save(wb: Workbook, target) -> Path:
    """Save ``wb`` with openpyxl, its body rows spliced into the sheets as XML text."""
    spliced = {}
    buf = io.BytesIO()
    wb.save(buf)  # sets each sheet's part path; the body rows are not openpyxl cells, so it skips them
    for ws, body in bodies(wb):
        spliced[ws.path.lstrip("/")] = body
    with zipfile.ZipFile(buf) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename in spliced:
                data = _splice(data.decode("utf-8"), spliced[info.filename])
            zout.writestr(info, data)
    return Path(target)


_SHEET_DATA = re.compile(r"<sheetData\s*/>|<sheetData>(.*?)</sheetData>", re.S)
_ROW = re.compile(r'<row r="(\d+)"([^>]*?)(?:/>|>(.*?)</row>)', re.S)  # cell text has '<' escaped: no false match
_DIMENSION = re.compile(r'<dimension ref="([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?"\s*/>')


def _splice(xml: str, body: Body) -> bytes:
    data = _SHEET_DATA.search(xml)
    if data is None:
        raise ValueError("no sheetData in the worksheet part")
    theirs = {int(m[1]): (m[2], m[3] or "") for m in _ROW.finditer(data[1] or "")}
    ours = _rows_xml(body)
    out = []
    for r in sorted(theirs.keys() | ours.keys()):
        attrs, cells = theirs.get(r, ("", ""))
        if r in ours:
            if cells:
                raise ValueError(f"row {r} holds both openpyxl cells and body cells")
            mine_attrs, cells = ours[r]
            attrs = attrs or mine_attrs
        out.append(f'<row r="{r}"{attrs}>{cells}</row>')
    xml = f"{xml[:data.start()]}<sheetData>{''.join(out)}</sheetData>{xml[data.end():]}"
    return _dimension(xml, body).encode("utf-8")


def _dimension(xml: str, body: Body) -> str:
    """The sheet's used range with the body rows in it (openpyxl counted only its own cells: the header row)."""
    m = _DIMENSION.search(xml)
    if m is None or not body.rows:
        return xml
    rows = body.rows.keys()
    lo, hi = min(int(m[2]), *rows), max(int(m[4] or m[2]), *rows)
    width = max(column_index_from_string(m[3] or m[1]), *(len(cells) for cells in body.rows.values()))
    ref = f"A{lo}:{get_column_letter(width)}{hi}"  # the body starts in column A
    return f'{xml[:m.start()]}<dimension ref="{ref}"/>{xml[m.end():]}'


_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"})


def _rows_xml(body: Body) -> dict[int, tuple[str, str]]:
    """Row number → (row attributes, cells XML), each cell as openpyxl's lxml cell writer writes it."""
    letters: list[str] = []
    tails: dict[tuple, str] = {}  # (value, type, look) → the cell after its reference: values repeat
    out = {}
    for r, cells in body.rows.items():
        while len(letters) < len(cells):
            letters.append(get_column_letter(len(letters) + 1))
        row = str(r)
        parts = []
        for col, key in enumerate(cells):
            tail = tails.get(key)
            if tail is None:
                tail = tails[key] = _cell_tail(*key)
            parts.append(f'<c r="{letters[col]}{row}"{tail}')
        height = body.heights.get(r)
        attrs = f' ht="{height:.16g}" customHeight="1"' if height else ""
        out[r] = (attrs, "".join(parts))
    return out


def _cell_tail(value, dtype: str, look: int) -> str:
    style = f' s="{look}"' if look else ""
    if dtype == "s":
        if value == "":
            return f'{style} t="inlineStr"/>'
        space = ' xml:space="preserve"' if value != value.strip() else ""
        return f'{style} t="inlineStr"><is><t{space}>{value.translate(_ESCAPES)}</t></is></c>'
    if value is None:
        return f'{style} t="{dtype}"/>'
    if dtype == "e":
        return f'{style} t="e"><v>{value.translate(_ESCAPES)}</v></c>'
    return f'{style} t="{dtype}"><v>{_number(value)}</v></c>'


def _number(value) -> str:
    """A number as openpyxl writes it (``openpyxl.compat.safe_string``)."""
    if isnan(value) or isinf(value):
        return ""
    return f"{value:.16g}"
