"""A signed workbook that a spreadsheet program opened and saved again (DESIGN §11, issue 13).

LibreOffice, Excel and WPS keep the visible sheets but drop ``taizhang/signature.json`` and every
evidence part (LibreOffice keeps ``taizhang/manifest.json`` because ``_rels/.rels`` points to it). Such a
file can never verify again; what the person needs to hear is *which* file it was, that it was opened
and saved after export, what was lost, and what to do: send the original, which the school app keeps.

Everything read here is unverified and for display only: the claims come from whatever survives
(the manifest part, the cover sheet cells, the file name), never from a signature, and never decide
anything about the database.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import zipfile
from dataclasses import asdict, dataclass
from pathlib import Path

import defusedxml.ElementTree as SafeET

from desktop.core.package import countybook, reportbook, tamper
from desktop.core.package.container import (
    EVIDENCE_PREFIX,
    MANIFEST,
    MAX_MANIFEST_BYTES,
    MAX_MEMBERS,
    MAX_XML_PART_BYTES,
    SIGNATURE,
    PackageInvalid,
)
from desktop.core.words import Reason

CODE = Reason.RESAVED
_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_OFFREL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
# <code>_<school>_<period>_第<n>次报送.xlsx, as the school app names it; chat apps and Explorer add
# "(1)", " (2)", "-副本", " - 副本" or "_1" before the suffix.
_EXPORT_NAME = re.compile(r"^(?P<code>[^_]+)_(?P<name>[^_]+)_(?P<period>.+?)_第(?P<rev>\d+)次报送")
_COVER_SCHOOL = re.compile(r"^(?P<name>.+)（(?P<code>[^（）]+)）$")
_REVISION = re.compile(r"第\s*(\d+)\s*次")
_APP = re.compile(r"<Application>([^<]{1,80})</Application>")


@dataclass
class Claims:
    """What a re-saved file still says about itself (unverified)."""

    kind: str = ""
    school_code: str | None = None
    school_name: str | None = None
    period: str | None = None
    revision: int | None = None
    package_code: str | None = None
    evidence_lost: int = 0
    saved_by: str = ""
    source: str = ""  # manifest | cover | file name
    county: str | None = None  # a county package's county (kind "county")


class ResavedFile(PackageInvalid):
    """The file was opened and saved by a spreadsheet program after export; ``claims`` says which file."""

    def __init__(self, zh: str, en: str, claims: Claims):
        super().__init__(zh, en, code=CODE)
        self.claims = claims

    def __reduce__(self):  # picklable for the merge's worker processes
        return (ResavedFile, (self.zh, self.en, self.claims))

    def as_dict(self) -> dict:
        return asdict(self.claims)


def explain(source: str | os.PathLike | bytes, exc: PackageInvalid, file_name: str = "") -> PackageInvalid:
    """``exc`` made precise when the file is one of ours that a spreadsheet program re-saved; else ``exc``."""
    if exc.manifest is not None:  # the signature held: "modified after signing" is already the right word
        return exc
    try:
        claims = _claims(source, file_name)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, KeyError, SafeET.ParseError, RuntimeError,
            NotImplementedError):
        return exc
    if claims is None:
        return exc
    zh, en = message(claims)
    return ResavedFile(zh, en, claims)


def _open(source) -> zipfile.ZipFile:
    return zipfile.ZipFile(io.BytesIO(source) if isinstance(source, (bytes, bytearray)) else Path(source))


def _claims(source, file_name: str) -> Claims | None:
    name = file_name or ("" if isinstance(source, (bytes, bytearray)) else Path(source).name)
    with _open(source) as zf:
        infos = zf.infolist()
        if len(infos) > MAX_MEMBERS:
            return None
        names = {i.filename: i for i in infos}
        if SIGNATURE in names or "xl/workbook.xml" not in names:
            return None  # signed (another failure), or not a workbook at all
        claims = Claims(saved_by=_saved_by(zf, names))
        manifest = _manifest(zf, names)
        if manifest is not None:
            if _untouched(zf, names, manifest):
                return None  # every part as listed: the signature alone was taken out (not a re-save)
            _from_manifest(claims, manifest, names)
        sheets = _sheet_parts(zf, names)
        if not claims.school_code and reportbook.SHEET_COVER in sheets:
            _from_cover(claims, tamper.visible_cells(zf, sheets[reportbook.SHEET_COVER]))
            if claims.school_code and reportbook.SHEET_EVIDENCE in sheets:
                rows = {ref.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
                        for ref in tamper.visible_cells(zf, sheets[reportbook.SHEET_EVIDENCE])}
                claims.evidence_lost = max(0, len(rows) - 1)  # minus the header row
        if not claims.kind and {countybook.SHEET_COVER, countybook.SHEET_SCHOOLS} <= set(sheets):
            _from_county_cover(claims, tamper.visible_cells(zf, sheets[countybook.SHEET_COVER]))
        if not claims.kind and {"任务清单", "学校名单", "填报周期"} <= set(sheets):
            claims.kind, claims.source = "plan", claims.source or "sheets"
    if not claims.school_code:
        _from_name(claims, name)
    return claims if claims.kind else None


def _untouched(zf, names, manifest: dict) -> bool:
    """Every part the manifest lists is present with its digest (what no spreadsheet program's save gives)."""
    parts = manifest.get("parts")
    if not isinstance(parts, dict) or set(parts) != set(names) - {MANIFEST, SIGNATURE}:
        return False
    for name, digest in parts.items():
        info = names[name]
        if info.file_size > MAX_XML_PART_BYTES or name.startswith(EVIDENCE_PREFIX):
            continue  # evidence present under its own name; big parts are not read on this failure path
        if hashlib.sha256(zf.read(info)).hexdigest() != digest:
            return False
    return True


def _saved_by(zf, names) -> str:
    info = names.get("docProps/app.xml")
    if info is None or info.file_size > 1 << 16:
        return ""
    m = _APP.search(zf.read(info).decode("utf-8", "replace"))
    return m.group(1).split("$")[0].strip() if m else ""  # "LibreOffice/7.4.7.2$Linux_X86_64 …" → "LibreOffice/7.4.7.2"


def _manifest(zf, names) -> dict | None:
    info = names.get(MANIFEST)
    if info is None or info.file_size > MAX_MANIFEST_BYTES:
        return None
    try:
        data = json.loads(zf.read(info).decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None
    return data if isinstance(data, dict) else None


def _text(value, limit: int = 200) -> str | None:
    return value[:limit] if isinstance(value, str) and value else None


def _from_manifest(claims: Claims, m: dict, names) -> None:
    kind = m.get("kind")
    claims.kind = kind if kind in ("plan", "report", "feedback", "county") else ""
    school = m["school"] if isinstance(m.get("school"), dict) else {}
    claims.school_code, claims.school_name = _text(school.get("code"), 64), _text(school.get("name"))
    claims.period = _text(m.get("period"), 100)
    claims.county = _text(m.get("county"), 64) if claims.kind == "county" else None
    revision = m.get("revision")
    claims.revision = revision if isinstance(revision, int) and not isinstance(revision, bool) else None
    if isinstance(m.get("package_id"), str):
        claims.package_code = reportbook.package_code(m["package_id"])
    evidence = m["evidence"] if isinstance(m.get("evidence"), list) else []
    shas = {e.get("sha256") for e in evidence if isinstance(e, dict) and isinstance(e.get("sha256"), str)}
    claims.evidence_lost = sum(1 for sha in shas if f"{EVIDENCE_PREFIX}{sha}.bin" not in names)
    claims.source = "manifest"


def _sheet_parts(zf, names) -> dict[str, str]:
    """Sheet name → worksheet part, read with defusedxml (the file is hostile)."""
    if "xl/_rels/workbook.xml.rels" not in names:
        return {}
    if max(names["xl/workbook.xml"].file_size, names["xl/_rels/workbook.xml.rels"].file_size) > MAX_XML_PART_BYTES:
        return {}
    wb = SafeET.fromstring(zf.read("xl/workbook.xml"))
    rels = SafeET.fromstring(zf.read("xl/_rels/workbook.xml.rels"))
    targets = {r.get("Id"): r.get("Target") or "" for r in rels}
    out = {}
    for sheet in wb.iter(f"{_MAIN}sheet"):
        target = targets.get(sheet.get(f"{_OFFREL}id"), "")
        part = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
        if part in names and sheet.get("name"):
            out[sheet.get("name")] = part
    return out


def _from_cover(claims: Claims, cells: dict[str, str]) -> None:
    rows: dict[str, str] = {}
    for ref, value in cells.items():
        if ref.startswith("A"):
            rows[value] = cells.get("B" + ref[1:], "")
    school = _COVER_SCHOOL.match(rows.get("学校", ""))
    if not school:
        return
    claims.kind, claims.source = "report", "cover"
    claims.school_name, claims.school_code = school.group("name"), school.group("code")
    claims.period = rows.get("填报周期") or None
    rev = _REVISION.search(rows.get("报送版次", ""))
    claims.revision = int(rev.group(1)) if rev else None
    claims.package_code = rows.get("报送码") or None


def _from_county_cover(claims: Claims, cells: dict[str, str]) -> None:
    """A county package's 封面 (county, period, revision), when its manifest did not survive."""
    rows = {value: cells.get("B" + ref[1:], "") for ref, value in cells.items() if ref.startswith("A")}
    if not rows.get("县区"):
        return
    claims.kind, claims.source = "county", "cover"
    claims.county, claims.period = rows["县区"][:64], rows.get("填报周期") or None
    rev = _REVISION.search(rows.get("报送版次", ""))
    claims.revision = int(rev.group(1)) if rev else None


def _county_message(claims: Claims, lost_zh: list[str], lost_en: list[str]) -> tuple[str, str]:
    who_zh = " ".join(x for x in (claims.county, claims.period,
                                  f"第 {claims.revision} 次报送" if claims.revision else "") if x)
    who_en = ", ".join(x for x in (claims.county, claims.period,
                                   f"revision {claims.revision}" if claims.revision else "") if x)
    by = f"（{claims.saved_by}）" if claims.saved_by else ""
    return (f"这个文件{('（' + who_zh + '）') if who_zh else ''}被 WPS/Excel 打开后另存过{by}，已丢失：{'、'.join(lost_zh)}，"
            "不能作为县区汇总包导入。请让县局重新导出：县区台账“汇总”页（或“文件”菜单）的“县区汇总包…”可以再导出一份，"
            "直接发送原文件，不要用 WPS/Excel 打开后保存。",
            f"this county package{(' (' + who_en + ')') if who_en else ''} was opened and saved by a spreadsheet"
            f" program after export{' (by ' + claims.saved_by + ')' if claims.saved_by else ''}; lost:"
            f" {', '.join(lost_en)}; it cannot be imported. Please ask the county to export it again (County package…"
            " on the Summary page or the File menu of the county app) and send that file unopened.")


def _from_name(claims: Claims, name: str) -> None:
    m = _EXPORT_NAME.match(Path(name).name)
    if not m:
        return
    claims.kind = claims.kind or "report"
    claims.school_code, claims.school_name = m.group("code"), m.group("name")
    claims.period, claims.revision = m.group("period"), int(m.group("rev"))
    claims.source = claims.source or "file name"


def who(claims: Claims) -> tuple[str, str]:
    """"示例县第一中学（SLX001）2026年上半年 第 2 次报送", in Chinese and English."""
    zh, en = [], []
    if claims.school_name or claims.school_code:
        zh.append(f"{claims.school_name or ''}（{claims.school_code or '?'}）")
        en.append(f"{claims.school_code or '?'} {claims.school_name or ''}".strip())
    if claims.period:
        zh.append(claims.period)
        en.append(claims.period)
    if claims.revision:
        zh.append(f"第 {claims.revision} 次报送")
        en.append(f"revision {claims.revision}")
    return " ".join(zh), ", ".join(en)


def message(claims: Claims) -> tuple[str, str]:
    """What happened, what was lost, what to do (Chinese, English)."""
    by_zh = f"（{claims.saved_by}）" if claims.saved_by else ""
    by_en = f" (by {claims.saved_by})" if claims.saved_by else ""
    lost_zh = ["台账签名"] + ([f"{claims.evidence_lost} 份佐证材料"] if claims.evidence_lost else [])
    lost_en = ["the Taizhang signature"] + ([f"{claims.evidence_lost} evidence file(s)"] if claims.evidence_lost else [])
    if claims.kind == "plan":
        return (f"此任务清单文件在发布后被表格软件打开并保存过{by_zh}，台账签名已丢失，无法核验。"
                "请使用教育局发布的原始文件（重新从通知或U盘中取原件，不要用 Excel/WPS 打开后保存）。",
                f"this plan workbook was opened and saved by a spreadsheet program after it was published{by_en};"
                " its signature is lost and it cannot be verified. Use the original file the bureau published.")
    if claims.kind == "county":
        return _county_message(claims, lost_zh, lost_en)
    who_zh, who_en = who(claims)
    return (f"此文件{('（' + who_zh + '）') if who_zh else ''}在导出后被表格软件打开并保存过{by_zh}，"
            f"已丢失：{'、'.join(lost_zh)}，不能作为报送文件。请学校重新发送原始文件："
            "学校台账程序的“导出记录”保存了每次导出的原文件，可以再存一份发送（不要用 Excel/WPS 打开后保存）。",
            f"this file{(' (' + who_en + ')') if who_en else ''} was opened and saved by a spreadsheet program after"
            f" export{by_en}; lost: {', '.join(lost_en)}; it cannot be accepted. Ask the school to send the original"
            " file: the school app keeps every exported file (导出记录) and can save a copy again.")
