"""Reading the school roster (学校名单) from an .xlsx or .csv the bureau keeps."""

from __future__ import annotations

import csv
import io
import itertools
import math
import re
import zipfile
import zlib
from pathlib import Path

from desktop.core import zipsafe
from desktop.core.errors import TaizhangError

MAX_ROSTER_BYTES = 20 << 20
MAX_SCHOOLS = 20000
ROSTER_MAX_INFLATED = 64 << 20  # a 20,000-school roster inflates to a few MB
ROSTER_MAX_PART = 32 << 20
# Header words seen in bureau rosters (学校名单 / 单位名单 exported from 学籍 and 事业统计 systems).
_COLUMNS = {
    "code": ("学校代码", "单位代码", "代码", "学校编号", "单位编号", "学校标识码", "学校识别码", "编号", "code"),
    "name": ("学校名称", "单位名称", "学校", "名称", "学校（单位）名称", "name"),
    "type": ("学校类型", "学段", "类型", "办学类型", "学校类别", "单位类型", "type"),
    "township": ("所属乡镇", "乡镇", "片区", "乡镇（街道）", "所属片区", "所在乡镇", "学区", "township"),
}
TEMPLATE_HEADERS = ("学校代码", "学校名称", "学校类型", "所属乡镇")
# CSV from Excel/WPS on Chinese Windows is GBK (CP936) or GB18030; "CSV UTF-8" has a BOM; try in this order.
_CSV_ENCODINGS = ("utf-8-sig", "gb18030")


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
        rows = _csv_rows(path)
    elif suffix == ".xlsx":
        zipsafe.guard_office_file(path, max_file=MAX_ROSTER_BYTES, zh_what="学校名单", en_what="roster",
                                  max_total=ROSTER_MAX_INFLATED, max_member=ROSTER_MAX_PART)
        rows = _xlsx_rows(path)
    else:
        raise TaizhangError("学校名单应为 .xlsx 或 .csv 文件", "the roster must be an .xlsx or .csv file")
    return _schools(rows)


def _decode(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _csv_text(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # Excel's "Unicode text"
        return data.decode("utf-16")
    for encoding in _CSV_ENCODINGS:
        text = _decode(data, encoding)
        if text is not None:
            return text
    raise TaizhangError("无法识别学校名单的文字编码（请在 Excel/WPS 中另存为 .xlsx 后再导入）",
                        "cannot tell the roster's text encoding (save it as .xlsx in Excel/WPS and import that)")


def _csv_rows(path: Path) -> list[list]:
    try:
        text = _csv_text(path.read_bytes())
    except PermissionError as exc:
        raise TaizhangError(f"学校名单文件被其他程序占用（例如正在 Excel/WPS 中打开）：{path.name}，请关闭后重试",
                            f"the roster file is in use by another program (open in Excel/WPS?): {path.name}") from exc
    except OSError as exc:
        raise TaizhangError(f"无法读取学校名单：{exc.strerror or exc}", f"cannot read the roster: {exc.strerror or exc}") from exc
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",\t;")
    except csv.Error:
        dialect = csv.excel
    try:
        return list(itertools.islice(csv.reader(io.StringIO(text, newline=""), dialect), MAX_SCHOOLS + 20))
    except csv.Error as exc:
        raise TaizhangError(f"学校名单 CSV 格式有误：{exc}", f"the roster CSV is malformed: {exc}") from exc


def _label(cell) -> str:
    """A header cell as a label: spaces, '*' (required marks) and bracketed notes dropped."""
    text = re.sub(r"\s+", "", str(cell)) if cell is not None else ""
    text = text.strip("*＊")
    return re.sub(r"[（(][^（）()]*[)）]$", "", text) or text


def _xlsx_rows(path: Path) -> list[list]:
    from openpyxl import load_workbook

    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except PermissionError as exc:
        raise TaizhangError(f"学校名单文件被其他程序占用（例如正在 Excel/WPS 中打开）：{zipsafe.safe_text(path.name)}，请关闭后重试",
                            f"the roster file is in use by another program (open in Excel/WPS?): {zipsafe.safe_text(path.name)}") from exc
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
        cells = [_label(c) for c in row]
        cols = {key: next((j for name in names for j, c in enumerate(cells) if c == name), None)
                for key, names in _COLUMNS.items()}
        if cols["code"] is not None and cols["name"] is not None:
            return index, cols
    raise TaizhangError("学校名单缺少表头（需要“学校代码”和“学校名称”两列，也可写作“单位代码”“单位名称”；"
                        "可在“学校名单”页保存一份模板照着填）",
                        "the roster has no header row (columns 学校代码 and 学校名称 are needed, or 单位代码/单位名称;"
                        " save the template from the roster page)")


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


def write_template(target) -> Path:
    """A roster template to fill in: the header row, two example rows, and a note (.xlsx or .csv by suffix)."""
    from desktop.core.db.atomic import atomic_target

    target = Path(target)
    examples = [("SLX001", "示例县城关第一小学", "小学", "城关镇"), ("SLX002", "示例县第二中学", "初中", "东乡")]
    with atomic_target(target) as tmp:
        if target.suffix.lower() == ".csv":
            with open(tmp, "w", encoding="utf-8-sig", newline="") as fh:  # with BOM: Excel/WPS open it right
                writer = csv.writer(fh)
                writer.writerow(TEMPLATE_HEADERS)
                writer.writerows(examples)
        else:
            from desktop.core.package import sheets

            wb = sheets.new_workbook()
            ws = wb.active
            ws.title = "学校名单"
            sheets.write_table(ws, TEMPLATE_HEADERS, examples, (14, 30, 14, 16), autofilter=False)
            note = wb.create_sheet("填写说明")
            sheets.write_pairs(note, "学校名单填写说明", [
                ("学校代码", "必填，每校唯一（可用学籍系统的学校标识码）；表头也可写“单位代码”“代码”"),
                ("学校名称", "必填；表头也可写“单位名称”“名称”"),
                ("学校类型", "小学、初中、九年一贯制、完全中学、高中、幼儿园等（决定哪些任务适用）；也可写“学段”“类型”"),
                ("所属乡镇", "用于按乡镇汇总；也可写“乡镇”“片区”"),
                ("其他", "表头上方可以有标题行；可另存为 CSV（UTF-8 或 GBK 均可）"),
            ])
            wb.save(tmp)
    return target
