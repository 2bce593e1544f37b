"""The visible parts of a workbook written without an openpyxl build: the fast path of package/visible.py.

A layout module (reportbook, planbook, feedbackbook) builds its sheets through ``package/sheets.py``. Under
``recording()``, ``sheets.new_workbook()`` returns a ``Book`` instead of an openpyxl Workbook: the same
``build_workbook`` code runs unchanged, but a cell is a small record (value, openpyxl's type rules, the style
indices openpyxl would assign) and every sheet-level setting (widths, panes, filters, print setup,
protection, headers) is a recorded assignment. ``render(book)`` then writes the parts:

- the cells and rows are written here, the way openpyxl's lxml cell writer writes them (inline strings,
  XML character references for non-ASCII text, styles numbered in the order the writer meets them);
- everything else (the worksheet around ``<sheetData>``, styles, workbook, content types, relationships,
  theme, docProps/app.xml) comes from a template that the real writer makes once: the recorded settings and
  style lists are replayed onto a real openpyxl workbook without cells, which is saved; header and footer
  texts are replayed as markers and filled in afterwards, so one template serves every school of a county.

Nothing here is trusted to be right: ``visible.check`` accepts a file on these bytes only when they equal the
signed parts, and the full openpyxl rebuild decides whenever they do not (tests/core/package/test_sheetxml.py
compares the two on generated manifests). A ``build_workbook`` that uses something a ``Book`` does not
record fails here and goes to the full rebuild.
"""

from __future__ import annotations

import contextlib
import contextvars
import copy
import functools
import hashlib
import io
import re
import threading
import zipfile
from collections.abc import Iterator, Sequence
from typing import Any

_RECORDING: contextvars.ContextVar[bool] = contextvars.ContextVar("taizhang_sheet_recording", default=False)
_HEADER_PARTS = frozenset({"oddHeader", "oddFooter", "evenHeader", "evenFooter", "firstHeader", "firstFooter"})
_MARK = "TZMARK{}ZKRAMZT"
_TEMPLATES: dict = {}
_TEMPLATE_LIMIT = 64
_CANON: dict = {}  # style object -> a small int, by value (openpyxl style objects hash by value)
_CANON_BY_ID: dict = {}  # id(obj) -> (obj, canon): skips hashing the module's style constants again
# Big files are checked on two threads at once (intake/checking.py): a new number is taken under this lock, else
# two styles met at the same moment could both get len(_CANON).
_CANON_LOCK = threading.Lock()


def _openpyxl_rules():
    """openpyxl's own rules for cell values, loaded with the first Book (the module itself imports no openpyxl)."""
    global _ILLEGAL, _ERROR_CODES, _ERROR_SET, _column_letter, _safe_string
    from openpyxl.cell.cell import ERROR_CODES, ILLEGAL_CHARACTERS_RE
    from openpyxl.compat import safe_string
    from openpyxl.utils import get_column_letter

    _ILLEGAL, _ERROR_CODES, _column_letter, _safe_string = ILLEGAL_CHARACTERS_RE, ERROR_CODES, get_column_letter, safe_string
    _ERROR_SET = frozenset(ERROR_CODES)


_ILLEGAL: Any = None
_ERROR_CODES: Any = None
_ERROR_SET: frozenset = frozenset()
_column_letter: Any = None
_safe_string: Any = None


class Unsupported(Exception):
    """The build did something a Book does not record: the caller falls back to the full rebuild."""


def recording() -> bool:
    return _RECORDING.get()


@contextlib.contextmanager
def record() -> Iterator[None]:
    """While active, ``sheets.new_workbook()`` returns a ``Book``."""
    token = _RECORDING.set(True)
    try:
        yield
    finally:
        _RECORDING.reset(token)


def _canon(obj) -> int:
    hit = _CANON_BY_ID.get(id(obj))
    if hit is not None and hit[0] is obj:
        return hit[1]
    value = _CANON.get(obj)
    if value is None:
        with _CANON_LOCK:
            value = _CANON.setdefault(obj, len(_CANON))
    if len(_CANON_BY_ID) < 4096:
        _CANON_BY_ID[id(obj)] = (obj, value)  # keeps obj alive, so its id stays its own
    return value


class _Indexed:
    """openpyxl's IndexedList of style objects, with a lookup by identity first."""

    def __init__(self, items=()):
        self.items: list = []
        self._index: dict = {}
        for item in items:
            self.add(item)

    def add(self, obj) -> int:
        key = _canon(obj)
        idx = self._index.get(key)
        if idx is None:
            idx = self._index[key] = len(self.items)
            self.items.append(obj)
        return idx

    def __getitem__(self, idx):
        return self.items[idx]

    def key(self) -> tuple:
        return tuple(_canon(o) for o in self.items)


_DEFAULT_STYLES: tuple = ()


def _default_styles() -> tuple:
    """The style objects every workbook starts with, made once: a Book of its own would put two new objects
    into ``_CANON_BY_ID`` per build, filling it (and holding them) within a few thousand files."""
    global _DEFAULT_STYLES
    if not _DEFAULT_STYLES:
        from openpyxl.styles.alignment import Alignment
        from openpyxl.styles.borders import DEFAULT_BORDER
        from openpyxl.styles.fills import DEFAULT_EMPTY_FILL, DEFAULT_GRAY_FILL
        from openpyxl.styles.fonts import DEFAULT_FONT
        from openpyxl.styles.protection import Protection

        _DEFAULT_STYLES = (DEFAULT_FONT, Alignment(), DEFAULT_BORDER, DEFAULT_EMPTY_FILL, DEFAULT_GRAY_FILL, Protection())
    return _DEFAULT_STYLES


class Book:
    """What ``build_workbook`` sees instead of an openpyxl Workbook while recording."""

    def __init__(self):
        if _safe_string is None:
            _openpyxl_rules()
        font, alignment, border, empty_fill, gray_fill, protection = _default_styles()
        self.fonts = _Indexed([font])
        self.alignments = _Indexed([alignment])
        self.borders = _Indexed([border])
        self.fills = _Indexed([empty_fill, gray_fill])
        self.protections = _Indexed([protection])
        self.number_formats: list[str] = []
        self.worksheets: list[Sheet] = [Sheet(self, "Sheet")]
        self.calculation = None

    @property
    def active(self) -> Sheet:
        return self.worksheets[0]

    def create_sheet(self, title: str | None = None) -> Sheet:
        sheet = Sheet(self, title or f"Sheet{len(self.worksheets)}")
        self.worksheets.append(sheet)
        return sheet

    def save(self, *_args, **_kwargs):
        raise Unsupported("a recorded book is rendered, not saved")


class _Recorder:
    """An attribute path on a sheet (``page_setup``, ``oddHeader.left`` …): assignments are recorded."""

    def __init__(self, ops: list, path: tuple):
        object.__setattr__(self, "_ops", ops)
        object.__setattr__(self, "_path", path)
        object.__setattr__(self, "_values", {})

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        values = object.__getattribute__(self, "_values")
        if name in values:
            return values[name]
        child = _Recorder(self._ops, (*self._path, name))
        values[name] = child
        return child

    def __setattr__(self, name, value):
        if isinstance(value, _Recorder):
            raise Unsupported("a recorded value assigned to a setting")
        self._ops.append(((*self._path, name), value))
        self._values[name] = value


class _ColumnDimension:
    def __init__(self, ops: list, letter: str):
        self._ops, self._letter, self._width = ops, letter, None

    @property
    def width(self):
        return self._width

    @width.setter
    def width(self, value):
        self._ops.append((("column_dimensions", self._letter, "width"), value))
        self._width = value


class _ColumnDimensions(dict):
    def __init__(self, ops: list):
        super().__init__()
        self._ops = ops

    def __missing__(self, letter):
        self._ops.append((("column_dimensions", letter, None), None))  # openpyxl makes the entry on reading
        dim = self[letter] = _ColumnDimension(self._ops, letter)
        return dim


class _RowDimension:
    __slots__ = ("height",)

    def __init__(self):
        self.height = None


class _RowDimensions(dict):
    def __missing__(self, row):
        dim = self[row] = _RowDimension()
        return dim


class Sheet:
    """A recorded worksheet: cells by (row, column), row heights, and every other setting as assignments."""

    _SETTINGS = frozenset({"auto_filter", "page_setup", "sheet_properties", "protection", "page_margins",
                           "print_options", "oddHeader", "oddFooter", "evenHeader", "evenFooter", "firstHeader",
                           "firstFooter", "sheet_format", "views", "sheet_view", "HeaderFooter"})

    def __init__(self, book: Book, title: str):
        self.parent = book
        self.title = title
        self._cells: dict[tuple[int, int], Cell] = {}
        self._phantom: list[tuple[int, int, int]] = []  # (min_row, max_row, max_col): empty cells iter_rows made
        self._blocks: list[_Block] = []  # table bodies kept as rows of values (put_rows), not as cells
        self._ops: list = []
        self.row_dimensions = _RowDimensions()
        self.column_dimensions = _ColumnDimensions(self._ops)

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        if name in Sheet._SETTINGS:
            rec = _Recorder(self._ops, (name,))
            self.__dict__[name] = rec
            return rec
        raise Unsupported(f"worksheet.{name}")

    def __setattr__(self, name, value):
        if name in ("parent", "title", "_cells", "_phantom", "_blocks", "_ops", "row_dimensions", "column_dimensions") \
                or (name in self.__dict__ and not isinstance(self.__dict__[name], _Recorder)):
            object.__setattr__(self, name, value)
            return
        if name in ("freeze_panes", "print_title_rows", "print_title_cols"):
            if isinstance(value, Cell):
                value = value.coordinate
            if value is not None and not isinstance(value, str):
                raise Unsupported(name)
            self._ops.append(((name,), value))
            object.__setattr__(self, name, value)
            return
        raise Unsupported(f"worksheet.{name} =")

    def cell(self, row: int, column: int, value=None) -> Cell:
        if row < 1 or column < 1:
            raise Unsupported("cell outside the sheet")
        if self._blocks:
            self._take_row(row)
        cell = self._cells.get((row, column))
        if cell is None:
            cell = self._cells[(row, column)] = Cell(self, row, column)
        if value is not None:
            cell.value = value
        return cell

    @property
    def max_row(self) -> int:
        return max([r for r, _ in self._cells] + [b.last for b in self._blocks if b.last], default=1)

    @property
    def max_column(self) -> int:
        return max([c for _, c in self._cells] + [b.width for b in self._blocks if b.last], default=1)

    @property
    def min_row(self) -> int:
        return min([r for r, _ in self._cells] + [p[0] for p in self._phantom]
                   + [b.first for b in self._blocks if b.last], default=1)

    @property
    def min_column(self) -> int:
        return 1 if self._phantom or any(b.last for b in self._blocks) \
            else min((c for _, c in self._cells), default=1)

    def has_cells(self) -> bool:
        return bool(self._cells or self._phantom or any(b.last for b in self._blocks))

    def put(self, row: int, column: int, value, quoted: bool, font, align, border) -> Cell:
        """``sheets.put`` on a recorded sheet, the same style rules in one step. ``value`` has passed
        ``sheets.clean_text``, which removes every character openpyxl refuses (and more)."""
        cell = self.cell(row, column, value)
        if quoted:
            cell.data_type = "s"
        give_style(cell, self.parent, font, align, border, quoted)
        return cell

    def put_rows(self, start: int, rows, clean, formula_start: tuple, font, align, border) -> int:
        """``sheets.put`` for each value of each table row, rows from ``start`` on; returns the last row
        written (``start - 1`` for none). Text passes ``clean`` (``sheets.clean_text``) and is quoted when it
        starts with one of ``formula_start``. A row of str, number, bool and None values on a row without cells
        is kept as values in a ``_Block`` (no cell objects: a report's tables are most of its cells); any other
        row is put cell by cell."""
        used = {r for r, _ in self._cells}
        block: _Block | None = None
        r = start - 1
        for r, values in enumerate(rows, start=start):
            out: list = []
            quoted: tuple[int, ...] = ()
            simple = r not in used
            for col, value in enumerate(values, start=1):
                t = type(value)
                if t is str:
                    value = clean(value)
                    if value.startswith(formula_start):
                        quoted += (col,)
                elif not (value is None or t is int or t is float or t is bool):
                    simple = False
                out.append(value)
            if not out:  # an empty row has no cells (as on a real sheet), and ends the block
                block = None
                continue
            if not simple:
                block = None
                for col, value in enumerate(out, start=1):
                    self.put(r, col, value, col in quoted, font, align, border)
                continue
            if block is None:
                block = _Block(r, (self._style_array(font, align, border, False),
                                   self._style_array(font, align, border, True)))
                self._blocks.append(block)
            block.add(out, quoted)
        return r

    def _style_array(self, font, align, border, quoted: bool) -> tuple:
        """The style array ``put`` gives a cell of these styles (made and cached for the workbook as put does)."""
        probe = Cell(self, 1, 1)  # not kept: only its style array is
        give_style(probe, self.parent, font, align, border, quoted)
        return tuple(probe._style)

    def _take_row(self, row: int) -> None:
        """Turn a block's row into cells before anything else touches it."""
        for block in self._blocks:
            if block.first <= row <= block.last and block.rows[row - block.first] is not None:
                values, quoted = block.rows[row - block.first]
                block.rows[row - block.first] = None
                for col, value in enumerate(values, start=1):
                    cell = self._cells[(row, col)] = Cell(self, row, col)
                    if value is not None:
                        cell.value = value
                    if col in quoted:
                        cell.data_type = "s"
                    cell._style = list(block.styles[col in quoted])
                return

    def wrapped_rows(self, min_row: int) -> Iterator[tuple[int, int, Sequence]]:
        """(row, first column, values) of the wrapped cells from ``min_row`` on, as ``sheets.fit_row_heights``
        meets them through ``iter_rows`` on a real sheet (in no particular order; a value may be None): a
        table row kept as values whole, any other cell alone. Like ``iter_rows``, this leaves an (empty) cell
        at every position of the range."""
        max_row, max_col = self.max_row, self.max_column
        if min_row <= max_row:
            self._phantom.append((min_row, max_row, max_col))
        alignments = self.parent.alignments
        wraps: dict[int, bool] = {}

        def wrapped(style) -> bool:
            wrap = wraps.get(style[5])
            if wrap is None:
                align = alignments[style[5]]
                wrap = wraps[style[5]] = bool(align and align.wrap_text)
            return wrap

        cells = self._cells
        for rc in sorted(cells):
            if rc[0] < min_row:
                continue
            cell = cells[rc]
            if cell._value is not None and wrapped(cell._style):
                yield rc[0], rc[1], (cell._value,)
        for block in self._blocks:
            if wrapped(block.styles[0]):  # quoted or not, a block's cells share their alignment
                for r, row in enumerate(block.rows, start=block.first):
                    if row is not None and r >= min_row:
                        yield r, 1, row[0]

    def iter_rows(self, min_row=None, max_row=None, min_col=None, max_col=None, values_only=False):
        """As openpyxl's: every position in the range gets a cell (an empty one if there was none)."""
        if values_only:
            raise Unsupported("iter_rows(values_only=True)")
        min_col, min_row = min_col or 1, min_row or 1
        max_col, max_row = max_col or self.max_column, max_row or self.max_row
        return (tuple(self.cell(row=r, column=c) for c in range(min_col, max_col + 1))
                for r in range(min_row, max_row + 1))


def give_style(cell, book, font, align, border, quoted: bool) -> None:
    """Give a cell (openpyxl's or a recorded one) its font, alignment, border (and quote prefix) as openpyxl's
    descriptors would.

    Assigning a style through openpyxl hashes the style objects again for every cell (most of the time of
    building a workbook); the resulting style array is the same for the same objects, so it is computed
    once per workbook and copied. The cache keeps the style objects alive, so their ids stay theirs.
    """
    cache = book.__dict__.setdefault("_taizhang_styles", {})
    key = (id(font), id(align), id(border), quoted)
    hit = cache.get(key)
    if hit is None:
        cell.font = font
        cell.alignment = align
        if border is not None:
            cell.border = border
        if quoted:
            cell.quotePrefix = True
        cache[key] = (copy.copy(cell._style), (font, align, border))
    else:
        cell._style = copy.copy(hit[0])


class _Block:
    """Consecutive table rows kept as values: ``rows[i]`` is row ``first + i`` as (values, quoted columns),
    or None once the row was turned into cells; ``styles`` are the style arrays of its plain and quoted
    cells."""

    __slots__ = ("first", "heads", "last", "rows", "styles", "width")

    def __init__(self, first: int, styles: tuple[tuple, tuple]):
        self.first, self.last, self.width, self.styles = first, 0, 0, styles
        self.rows: list = []
        self.heads: dict = {}  # (column, type, quoted) -> a cell start tag around its row number (rendering)

    def add(self, values: list, quoted: tuple) -> None:
        self.rows.append((values, quoted))
        self.last = self.first + len(self.rows) - 1
        self.width = max(self.width, len(values))


class Cell:
    """A recorded cell: openpyxl's value and type rules, and the style array openpyxl would hold."""

    __slots__ = ("_style", "_value", "column", "data_type", "parent", "row")

    def __init__(self, sheet: Sheet, row: int, column: int):
        self.parent, self.row, self.column = sheet, row, column
        self._value: Any = None
        self.data_type = "n"
        # fontId, fillId, borderId, numFmtId, protectionId, alignmentId, pivotButton, quotePrefix, xfId
        self._style = [0, 0, 0, 0, 0, 0, 0, 0, 0]

    @property
    def value(self):
        return self._value

    @value.setter
    def value(self, value):
        t = type(value)
        if t is str:
            value = value[:32767]
            if _ILLEGAL.search(value):
                raise Unsupported("illegal characters")  # openpyxl raises: the full rebuild says what it does
            self.data_type = "s"
            if len(value) > 1 and value.startswith("="):
                self.data_type = "f"
            elif value in _ERROR_CODES:
                self.data_type = "e"
        elif t is int or t is float:
            self.data_type = "n"
        elif t is bool:
            self.data_type = "b"
        elif value is None:
            self.data_type = "n"
        else:
            raise Unsupported(f"cell value of type {t.__name__}")
        self._value = value

    @property
    def coordinate(self) -> str:
        return f"{_column_letter(self.column)}{self.row}"

    @property
    def column_letter(self) -> str:
        return _column_letter(self.column)

    @property
    def has_style(self) -> bool:
        return any(self._style)

    def _book(self) -> Book:
        return self.parent.parent

    font = property(lambda self: self._book().fonts[self._style[0]],
                    lambda self, v: self._style.__setitem__(0, self._book().fonts.add(v)))
    fill = property(lambda self: self._book().fills[self._style[1]],
                    lambda self, v: self._style.__setitem__(1, self._book().fills.add(v)))
    border = property(lambda self: self._book().borders[self._style[2]],
                      lambda self, v: self._style.__setitem__(2, self._book().borders.add(v)))
    protection = property(lambda self: self._book().protections[self._style[4]],
                          lambda self, v: self._style.__setitem__(4, self._book().protections.add(v)))
    alignment = property(lambda self: self._book().alignments[self._style[5]],
                         lambda self, v: self._style.__setitem__(5, self._book().alignments.add(v)))

    @property
    def quotePrefix(self) -> bool:
        return bool(self._style[7])

    @quotePrefix.setter
    def quotePrefix(self, value) -> None:
        self._style[7] = int(bool(value))

    @property
    def number_format(self) -> str:
        from openpyxl.styles.numbers import BUILTIN_FORMATS

        idx = self._style[3]
        return BUILTIN_FORMATS[idx] if idx < 164 else self._book().number_formats[idx - 164]

    @number_format.setter
    def number_format(self, value: str) -> None:
        from openpyxl.styles.numbers import BUILTIN_FORMATS_MAX_SIZE, BUILTIN_FORMATS_REVERSE

        idx = BUILTIN_FORMATS_REVERSE.get(value)
        if idx is None:
            formats = self._book().number_formats
            if value not in formats:
                formats.append(value)
            idx = formats.index(value) + BUILTIN_FORMATS_MAX_SIZE
        self._style[3] = idx


# ------------------------------------------------------------------------------------------- writing

_TEXT_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"})


def _text(value: str) -> str:
    """Element text as lxml writes it into openpyxl's ASCII stream."""
    return value.translate(_TEXT_ESCAPES)


def render(book: Book) -> dict[str, bytes]:
    """The parts openpyxl would write for ``book`` (without docProps/core.xml)."""
    shared, _, pieces = _render(book)
    return shared | {name: b"".join(parts) for name, parts in pieces.items()}


def digests(book: Book) -> dict[str, str]:
    """SHA-256 (hex) of each part ``render`` makes; the template's parts are hashed once per template."""
    _, shared, pieces = _render(book)
    out = dict(shared)
    for name, (top, body, tail) in pieces.items():
        h = hashlib.sha256(top)
        h.update(body)
        h.update(tail)
        out[name] = h.hexdigest()
    return out


def _render(book: Book) -> tuple[dict[str, bytes], dict[str, str], dict[str, tuple[bytes, bytes, bytes]]]:
    """The template's parts, their digests, and each worksheet as (text before its rows, rows, text after)."""
    cell_styles: dict[tuple, int] = {(0,) * 9: 0}
    heads: dict = {}
    bodies = [_sheet_body(sheet, cell_styles, heads) for sheet in book.worksheets]
    keyed = [_sheet_key(sheet) for sheet in book.worksheets]
    sheet_keys = [k for k, _ in keyed]
    styles_key = (book.fonts.key(), book.fills.key(), book.borders.key(), book.alignments.key(),
                  book.protections.key(), tuple(book.number_formats), tuple(cell_styles))
    key = (tuple(sheet_keys), styles_key)
    template = _TEMPLATES.get(key)
    if template is None:
        template = _template(book, sheet_keys, list(cell_styles))
        if len(_TEMPLATES) >= _TEMPLATE_LIMIT:
            _TEMPLATES.pop(next(iter(_TEMPLATES)), None)  # another check thread may have taken it
        _TEMPLATES[key] = template
    shared, shared_digests, sheet_parts = template
    parts = {}
    for (name, top, tail), body, (_, texts) in zip(sheet_parts, bodies, keyed, strict=True):
        for i, text in enumerate(texts):
            mark, real = _MARK.format(i).encode(), _header_text(text)
            top, tail = top.replace(mark, real), tail.replace(mark, real)
        parts[name] = (top, body.encode("ascii", "xmlcharrefreplace"), tail)
    return shared, shared_digests, parts


def _sheet_key(sheet: Sheet) -> tuple[tuple, list[str]]:
    """What the template of this sheet depends on (header texts as markers), and those texts."""
    ops, texts = [], []
    for path, value in sheet._ops:
        if path[0] in _HEADER_PARTS and path[-1] == "text" and isinstance(value, str) and value:
            texts.append(value)
            value = _MARK.format(len(texts) - 1)
        ops.append((path, value))
    corners = (sheet.min_row, sheet.min_column, sheet.max_row, sheet.max_column) if sheet.has_cells() else None
    return (sheet.title, tuple(ops), corners), texts


def _rows(sheet: Sheet) -> dict[int, list[Cell]]:
    """Row number → the cells openpyxl writes in it (every row that has a cell, even an empty one, or a
    dimension)."""
    rows: dict[int, list] = {}
    cells = sheet._cells
    for rc in sorted(cells):
        cell = cells[rc]
        if cell._value is None and not any(cell._style):
            rows.setdefault(rc[0], [])
        else:
            rows.setdefault(rc[0], []).append(cell)
    for first, last, _ in sheet._phantom:
        for r in range(first, last + 1):
            rows.setdefault(r, [])
    for r in sheet.row_dimensions.keys() - rows.keys():
        rows[r] = []
    return rows


def _sheet_body(sheet: Sheet, cell_styles: dict[tuple, int], heads: dict) -> str:
    """The rows of ``<sheetData>`` as openpyxl's lxml writer writes them; cell styles are numbered in the
    order the writer meets them, across sheets. ``heads`` keeps, per (column, style, type), the text around
    the row number of a cell's start tag (for the whole workbook, as ``cell_styles``)."""
    rows = _rows(sheet)
    kept = {}
    for block in sheet._blocks:
        block.heads = {}  # style numbers are this rendering's (a book rendered twice numbers them again)
        for r, row in enumerate(block.rows, start=block.first):
            if row is not None:
                kept[r] = (block, row)
    out: list[str] = []
    append = out.append
    for r in sorted(rows.keys() | kept.keys()):
        dim = sheet.row_dimensions.get(r)
        rs = str(r)
        append(f'<row r="{rs}"{_row_attrs(dim.height) if dim is not None else ""}>')
        hit = kept.get(r)
        if hit is not None:
            _block_row(hit[0], hit[1], rs, append, cell_styles, heads)
            append("</row>")
            continue
        for cell in rows[r]:
            value, dt, style = cell._value, cell.data_type, tuple(cell._style)
            key = (cell.column, style, dt)
            head = heads.get(key)
            if head is None:
                head = heads[key] = _head(cell.column, style, dt, cell_styles)
            append(_cell_xml(head, rs, value, dt))
        append("</row>")
    return "".join(out)


def _cell_xml(head: tuple[str, str], rs: str, value, dt: str) -> str:
    """One cell after its start tag's head: empty, an inline string, or a value."""
    if value is None or value == "":
        return f"{head[0]}{rs}{head[1]}></c>"
    if dt == "s":
        tail = _string_tail(value) if len(value) <= _CACHED_TEXT else _string_xml(value)
        return f"{head[0]}{rs}{head[1]}{tail}"
    return f"{head[0]}{rs}{head[1]}><v>{_text(_safe_string(value))}</v></c>"


def _block_row(block: _Block, row: tuple, rs: str, append, cell_styles: dict[tuple, int], heads: dict) -> None:
    """A block row's cells, by openpyxl's type rules and put's quoting; the start tags' heads are kept per
    block by (column, type, quoted), the workbook's ``heads`` consulted only on a block's first meeting. What
    follows a start tag is found once per distinct short value (``_text_after_head``), as ``_cell_xml`` writes it."""
    values, quoted = row
    own = block.heads
    texts, numbers = _AFTER_TEXT, _AFTER_NUMBER
    for column, value in enumerate(values, start=1):
        t = type(value)
        q = False
        if t is str:
            hit = texts.get(value)
            if hit is None:
                hit = _text_after_head(value)
            dt, tail = hit
            if quoted and column in quoted:
                dt, q = "s", True
        elif value is None:
            dt, tail = "n", "></c>"
        else:
            dt = "b" if t is bool else "n"
            known = numbers.get((t, value))
            tail = known if known is not None else _number_after_head(t, value)
        head = own.get((column, dt, q))
        if head is None:
            style = block.styles[q]
            head = heads.get((column, style, dt))
            if head is None:
                head = heads[(column, style, dt)] = _head(column, style, dt, cell_styles)
            own[(column, dt, q)] = head
        append(f"{head[0]}{rs}{head[1]}{tail}")


# What follows a block cell's start tag, per short text and per number (bounded: the same statuses, titles,
# dates and counts recur in every report of a plan version).
_AFTER_TEXT: dict[str, tuple[str, str]] = {}
_AFTER_NUMBER: dict[tuple[type, Any], str] = {}  # (int or bool, value)
_AFTER_LIMIT = 4096


def _text_after_head(value: str) -> tuple[str, str]:
    """A text cell's type (openpyxl's rule: a formula, an error code or a string) and, as ``_cell_xml`` writes
    them, what follows its start tag; a quoted text (never empty, never an error code) is a string with the same
    tail."""
    dt = "f" if len(value) > 1 and value[0] == "=" else "e" if value in _ERROR_SET else "s"
    hit = dt, _cell_xml(("", ""), "", value, "s" if dt == "f" else dt)
    if len(value) <= _CACHED_TEXT and len(_AFTER_TEXT) < _AFTER_LIMIT:
        _AFTER_TEXT[value] = hit
    return hit


def _number_after_head(t: type, value) -> str:
    tail = _cell_xml(("", ""), "", value, "b" if t is bool else "n")
    if t is not float and len(_AFTER_NUMBER) < _AFTER_LIMIT:  # -0.0 == 0.0 and NaN != NaN: floats are not kept
        _AFTER_NUMBER[(t, value)] = tail
    return tail


def _head(column: int, style: tuple, dt: str, cell_styles: dict[tuple, int]) -> tuple[str, str]:
    """A cell's start tag before and after its row number; a style is numbered when first met."""
    if dt == "f":
        raise Unsupported("formula")
    if any(style):
        sid = cell_styles.get(style)
        if sid is None:
            sid = cell_styles[style] = len(cell_styles)
        after = f'" s="{sid}"'
    else:
        after = '"'
    after += ' t="inlineStr"' if dt == "s" else f' t="{dt}"'
    return f'<c r="{_column_letter(column)}', after


_CACHED_TEXT = 256  # cell texts up to this length (titles, headings, statuses, dates) are escaped once


def _string_xml(value: str) -> str:
    """What follows an inline-string cell's start tag."""
    if value != value.strip():
        return f'><is><t xml:space="preserve">{value.translate(_TEXT_ESCAPES)}</t></is></c>'
    return f"><is><t>{value.translate(_TEXT_ESCAPES)}</t></is></c>"


# The same texts recur in every report of a plan version (bounded in entries, and in size by _CACHED_TEXT).
_string_tail = functools.lru_cache(maxsize=4096)(_string_xml)


@functools.lru_cache(maxsize=1024)
def _header_text(text: str) -> bytes:
    """A header/footer text as openpyxl writes it in place of its marker: its control-code substitutions and
    its escaping of control characters (``&[Page]`` → ``&P``, ``\n`` → ``_x000a_``), then XML text."""
    from openpyxl.worksheet.header_footer import HeaderFooterItem, _HeaderFooterPart

    packed = str(HeaderFooterItem(left=_HeaderFooterPart(text=text)))
    if not packed.startswith("&L"):
        raise Unsupported("header text")
    return _text(packed[2:]).encode("ascii", "xmlcharrefreplace")


@functools.lru_cache(maxsize=1024)
def _row_attrs(height) -> str:
    """A row's attributes for its height, as openpyxl writes them (a few heights recur in every report)."""
    if height is None:
        return ""
    from openpyxl.worksheet.dimensions import RowDimension

    return "".join(f' {k}="{v}"' for k, v in dict(RowDimension(None, index=1, ht=height)).items())


_SHEET_DATA = re.compile(rb"<sheetData>(.*)</sheetData>|<sheetData\s*/>", re.S)


def _template(book: Book, sheet_keys: list, cell_styles: list[tuple]) -> tuple[dict[str, bytes], dict[str, str], list]:
    """Replay the recorded settings and style lists onto a real openpyxl workbook without cell values, save
    it, and split each worksheet around its ``<sheetData>``."""
    from openpyxl.styles.cell_style import StyleArray
    from openpyxl.utils.indexed_list import IndexedList

    from desktop.core.package import sheets

    token = _RECORDING.set(False)
    try:
        wb = sheets.new_workbook()
    finally:
        _RECORDING.reset(token)
    for i, (title, ops, corners) in enumerate(sheet_keys):
        ws = wb.active if i == 0 else wb.create_sheet()
        ws.title = title
        _replay(ws, ops)
        if corners:  # the dimension openpyxl computes from the cells; these rows are not kept
            ws.cell(row=corners[0], column=corners[1])
            ws.cell(row=corners[2], column=corners[3])
    wb._fonts = IndexedList(book.fonts.items)
    wb._fills = IndexedList(book.fills.items)
    wb._borders = IndexedList(book.borders.items)
    wb._alignments = IndexedList(book.alignments.items)
    wb._protections = IndexedList(book.protections.items)
    wb._number_formats = IndexedList(book.number_formats)
    wb._cell_styles = IndexedList([StyleArray(s) for s in cell_styles])
    buf = io.BytesIO()
    wb.save(buf)
    return _split(buf, len(wb.worksheets))


def _replay(ws, ops) -> None:
    for path, value in ops:
        if path[0] == "column_dimensions":
            dim = ws.column_dimensions[path[1]]
            if path[2] is not None:
                setattr(dim, path[2], value)
            continue
        target = ws
        for attr in path[:-1]:
            target = getattr(target, attr)
        setattr(target, path[-1], value)


def _split(buf: io.BytesIO, sheet_count: int) -> tuple[dict[str, bytes], dict[str, str], list]:
    from desktop.core.package import container

    shared, sheet_parts = {}, []
    with zipfile.ZipFile(buf) as zf:
        for n in range(1, sheet_count + 1):
            name = f"xl/worksheets/sheet{n}.xml"
            data = zf.read(name)
            match = _SHEET_DATA.search(data)
            if match is None:
                raise Unsupported("no sheetData")
            sheet_parts.append((name, data[:match.start()] + b"<sheetData>", b"</sheetData>" + data[match.end():]))
        for name in zf.namelist():
            if name == "docProps/core.xml" or name.startswith("xl/worksheets/sheet"):
                continue
            data = zf.read(name)
            if name == "[Content_Types].xml":
                data = container._add_content_defaults(data)
            elif name == "_rels/.rels":
                data = container._add_manifest_relationship(data)
            shared[name] = data
    return shared, {name: hashlib.sha256(data).hexdigest() for name, data in shared.items()}, sheet_parts
