"""Reading the school roster (学校名单) from an .xlsx or .csv the bureau keeps."""

from __future__ import annotations

import csv
import itertools
import math
import zipfile
import zlib
from pathlib import Path

from desktop.core import zipsafe
from desktop.core.errors import TaizhangError

MAX_ROSTER_BYTES = 20 << 20
MAX_SCHOOLS = 20000
ROSTER_MAX_INFLATED = 64 << 20  # a 20,000-school roster inflates to a few MB
ROSTER_MAX_PART = 32 << 20
_COLUMNS = {
    "code": ("学校代码", "代码", "学校编号", "编号", "code"),
    "name": ("学校名称", "学校", "名称", "name"),
    "type": ("学校类型", "类型", "学段", "办学类型", "type"),
    "township": ("所属乡镇", "乡镇", "乡镇（街道）", "township"),
}


def read_roster(path) -> list[dict]:
    """Schools as ``{"code","name","type","township"}``; the header row is found by its labels."""
    path = Path(path)
    if not path.is_file():
        raise TaizhangError(f"找不到学校名单文件：{zipsafe.safe_text(path)}",
                            f"roster file not found: {zipsafe.safe_text(path)}")
    if path.stat().st_size > MAX_ROSTER_BYTES:
        raise TaizhangError("学校名单文件过大", "roster file too large")
    suffix = path.suffix.lower()
    if suffix == ".csv":
        with open(path, encoding="utf-8-sig", newline="") as fh:
            rows = list(csv.reader(fh))
    elif suffix == ".xlsx":
        zipsafe.guard_office_file(path, max_file=MAX_ROSTER_BYTES, zh_what="学校名单", en_what="roster",
                                  max_total=ROSTER_MAX_INFLATED, max_member=ROSTER_MAX_PART)
        rows = _xlsx_rows(path)
    else:
        raise TaizhangError("学校名单应为 .xlsx 或 .csv 文件", "the roster must be an .xlsx or .csv file")
    return _schools(rows)


def _xlsx_rows(path: Path) -> list[list]:
    from openpyxl import load_workbook

    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, EOFError, zlib.error, SyntaxError) as exc:
        raise TaizhangError(f"无法读取学校名单（不是有效的 .xlsx 文件）：{zipsafe.safe_text(path.name)}",
                            f"cannot read the roster (not a valid .xlsx file): {zipsafe.safe_text(path.name)}") from exc
    try:
        ws = wb.worksheets[0]
        return [list(r) for r in itertools.islice(ws.iter_rows(values_only=True), MAX_SCHOOLS + 20)]
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, EOFError, zlib.error, SyntaxError) as exc:  # read lazily
        raise TaizhangError(f"无法读取学校名单（文件已损坏）：{zipsafe.safe_text(path.name)}",
                            f"cannot read the roster (the file is damaged): {zipsafe.safe_text(path.name)}") from exc
    finally:
        wb.close()


def _header(rows: list[list]) -> tuple[int, dict]:
    """The header row's index and the column of each field, looked for in the first 20 rows."""
    for index, row in enumerate(rows[:20]):
        cells = [str(c).strip() if c is not None else "" for c in row]
        cols = {key: next((j for j, c in enumerate(cells) if c in names), None) for key, names in _COLUMNS.items()}
        if cols["code"] is not None and cols["name"] is not None:
            return index, cols
    raise TaizhangError("学校名单缺少表头（需要“学校代码”和“学校名称”两列）",
                        "the roster has no header row (columns 学校代码 and 学校名称 are needed)")


def _cell(row: list, j: int | None) -> str:
    value = row[j] if j is not None and j < len(row) else None
    if isinstance(value, float) and not math.isfinite(value):  # <v>NaN</v> or 1e999 in a crafted sheet
        raise TaizhangError("学校名单中有无效的数值（NaN 或无穷大）", "the roster holds a non-finite number (NaN or infinity)")
    return str(value).strip() if value is not None else ""


def _schools(rows: list[list]) -> list[dict]:
    header, cols = _header(rows)
    schools, seen = [], set()
    for row in rows[header + 1 :]:
        code, name = _cell(row, cols["code"]), _cell(row, cols["name"])
        if not code and not name:
            continue
        if not code or not name:
            raise TaizhangError(f"学校名单有一行缺少代码或名称：{code or name}", f"a roster row lacks code or name: {code or name}")
        if code in seen:
            raise TaizhangError(f"学校代码重复：{code}", f"duplicate school code: {code}")
        seen.add(code)
        schools.append({"code": code, "name": name, "type": _cell(row, cols["type"]),
                        "township": _cell(row, cols["township"])})
    if not schools:
        raise TaizhangError("学校名单是空的", "the roster is empty")
    return schools
