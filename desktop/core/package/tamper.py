"""Which cells of a signed sheet were changed after signing: visible value vs signed value.

The signed values come from rebuilding the sheet from the (verified) manifest with the same builder
that wrote it; the visible values are read from the sheet XML of the file as it is now.
"""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import defusedxml.ElementTree as SafeET

from desktop.core import zipsafe
from desktop.core.package.container import PackageInvalid
from desktop.core.words import Reason

_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
MAX_CHANGES = 200
# Explaining is bounded in time and memory: sheet XML read for it (streamed, stopped past the bound) and
# the rows rebuilt from the manifest (a crafted manifest with 100,000 entries is not drawn cell by cell).
MAX_XML_PART_BYTES = 16 << 20
MAX_EXPLAINED_ROWS = 5000


def _text(el) -> str:
    return "".join(t.text or "" for t in el.iter(f"{_NS}t"))


def visible_cells(zf: zipfile.ZipFile, part: str) -> dict[str, str]:
    """Cell reference → displayed text, for one worksheet part (shared or inline strings, numbers)."""
    shared: list[str] = []
    if "xl/sharedStrings.xml" in zf.namelist():
        if zf.getinfo("xl/sharedStrings.xml").file_size <= MAX_XML_PART_BYTES:
            root = SafeET.fromstring(zipsafe.read_bounded(zf, zf.getinfo("xl/sharedStrings.xml"), MAX_XML_PART_BYTES))
            shared = [_text(si) for si in root.iter(f"{_NS}si")]
    if zf.getinfo(part).file_size > MAX_XML_PART_BYTES:
        return {}
    cells = {}
    for c in SafeET.fromstring(zipsafe.read_bounded(zf, zf.getinfo(part), MAX_XML_PART_BYTES)).iter(f"{_NS}c"):
        ref, kind = c.get("r"), c.get("t")
        v = c.find(f"{_NS}v")
        if kind == "inlineStr":
            value = _text(c.find(f"{_NS}is")) if c.find(f"{_NS}is") is not None else ""
        elif kind == "s" and v is not None and (v.text or "").isdigit() and int(v.text) < len(shared):
            value = shared[int(v.text)]
        else:
            value = v.text if v is not None and v.text is not None else ""
        if value != "":
            cells[ref] = _normal(value)
    return cells


def _normal(value) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value)
    try:
        number = float(text)
        return str(int(number)) if number.is_integer() and "e" not in text.lower() else text
    except ValueError:
        return text


def signed_cells(manifest: dict, fingerprint: str) -> dict[str, dict[str, str]]:
    """Sheet name → cell reference → value, rebuilt from the signed manifest."""
    from desktop.core.package import feedbackbook, planbook, reportbook  # openpyxl: only to explain a failure

    builder = {"report": reportbook.build_workbook, "plan": planbook.build_workbook,
               "feedback": feedbackbook.build_workbook}.get(manifest.get("kind"))
    if builder is None:
        return {}
    wb = builder(manifest, fingerprint)
    return {ws.title: {c.coordinate: _normal(c.value) for row in ws.iter_rows() for c in row
                       if c.value is not None and c.value != ""} for ws in wb.worksheets}


def explain(source: str | os.PathLike | bytes, exc: PackageInvalid) -> PackageInvalid:
    """A "modified after signing" verdict made precise: ``changes`` filled in, and ``sheets`` narrowed to
    the sheets whose cells differ (re-saving in Excel/WPS rewrites every sheet part, and a text edit may
    touch only sharedStrings.xml, which belongs to no sheet). Other refusals of a signed file (a formula, a
    link, the zip's shape, the member count) keep their own words: they say more than which sheet differs."""
    if exc.manifest is None or exc.code not in (Reason.INVALID, Reason.SHEETS_MISMATCH):
        return exc
    candidates = exc.sheets or list((exc.manifest.get("sheets") or {}).values())
    found = changes(source, exc, candidates)
    sheets = list(dict.fromkeys(c["sheet"] for c in found)) or exc.sheets
    if not sheets:
        return exc
    if exc.code == Reason.SHEETS_MISMATCH:  # signed, but the sheets do not show what was signed
        better = PackageInvalid(f"可见的工作表与签名数据不符（{'、'.join(sheets)}）：显示的内容不是清单中签名的内容",
                                f"the visible sheets do not match the signed data ({', '.join(sheets)})",
                                sheets=sheets, changes=found, code=exc.code)
    else:
        better = PackageInvalid(f"签名后被改动：工作表 {'、'.join(sheets)}", f"modified after signing: sheet {', '.join(sheets)}",
                                sheets=sheets, changes=found, code=exc.code)
    better.manifest, better.fingerprint = exc.manifest, exc.fingerprint
    return better


def changes(source: str | os.PathLike | bytes, exc: PackageInvalid, sheets: list[str] | None = None) -> list[dict]:
    """The differing cells of ``sheets`` (default: the sheets named in ``exc``)."""
    sheets = exc.sheets if sheets is None else sheets
    if not sheets or exc.manifest is None:
        return []
    rows = sum(len(exc.manifest.get(k) or []) for k in ("entries", "tasks", "schools", "evidence")
               if isinstance(exc.manifest.get(k), list))
    if rows > MAX_EXPLAINED_ROWS:
        return []  # the sheet names alone must do
    try:
        signed = signed_cells(exc.manifest, exc.fingerprint)
    except (KeyError, TypeError, ValueError):
        return []  # an old or unusual manifest: the sheet name alone must do
    out: list[dict] = []
    parts = {name: part for part, name in (exc.manifest.get("sheets") or {}).items()}
    try:
        with zipfile.ZipFile(io.BytesIO(source) if isinstance(source, (bytes, bytearray)) else Path(source)) as zf:
            for sheet in sheets:
                part = parts.get(sheet)
                if part is None or part not in zf.namelist():
                    continue
                now, then = visible_cells(zf, part), signed.get(sheet, {})
                for ref in sorted(set(now) | set(then), key=_ref_key):
                    if now.get(ref, "") != then.get(ref, ""):
                        out.append({"sheet": sheet, "cell": ref, "visible": now.get(ref, ""),
                                    "signed": then.get(ref, "")})
                        if len(out) >= MAX_CHANGES:
                            return out
    except (zipfile.BadZipFile, OSError, SafeET.ParseError, ValueError, EOFError, zipsafe.ZipRefused, *zipsafe.ZIP_ERRORS):
        return out
    return out


def _ref_key(ref: str):
    letters = "".join(ch for ch in ref if ch.isalpha())
    digits = "".join(ch for ch in ref if ch.isdigit())
    return (int(digits or 0), len(letters), letters)
