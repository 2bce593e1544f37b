"""The signed .xlsx package (DESIGN §3): write it, and read + verify it without openpyxl.

A package is an ordinary workbook (openpyxl writes the visible sheets) with extra OPC parts:
``taizhang/manifest.json`` (canonical JSON of everything the file claims, including the SHA-256 of
every other part), ``taizhang/signature.json`` (Ed25519 over the manifest bytes), the manifest's
relationships part and ``taizhang/evidence/<sha256>.bin`` evidence parts.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO
from xml.etree import ElementTree as ET

from desktop.core.db.atomic import atomic_target
from desktop.core.errors import TaizhangError
from desktop.core.signing import crypto

FORMAT = "taizhang/1"
KINDS = ("plan", "report", "feedback")
MANIFEST = "taizhang/manifest.json"
SIGNATURE = "taizhang/signature.json"
MANIFEST_RELS = "taizhang/_rels/manifest.json.rels"
EVIDENCE_PREFIX = "taizhang/evidence/"
REL_MANIFEST = "https://taizhang.app/relationships/taizhang/manifest"
REL_EVIDENCE = "https://taizhang.app/relationships/taizhang/evidence"

_CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_OFFREL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

# Limits for files that come from outside (USB sticks, chat apps). See docs/reliability.md.
MAX_FILE_BYTES = 1 << 30  # 1 GiB on disk
MAX_MEMBERS = 5000
MAX_TOTAL_UNCOMPRESSED = 2 << 30  # 2 GiB
MAX_MEMBER_UNCOMPRESSED = 512 << 20
MAX_RATIO = 200  # uncompressed / compressed, for members over 1 MiB
MAX_MANIFEST_BYTES = 64 << 20
MAX_XML_PART_BYTES = 64 << 20

# Already-compressed evidence is stored as-is; everything else is deflated.
_COMPRESSED_MIME = re.compile(r"^(image/(jpeg|png|gif|webp)|video/|audio/|application/(zip|x-7z|x-rar|gzip|pdf))")
_CHUNK = 1 << 20
# What reading a damaged or crafted zip member can raise: CRC and length errors, truncation, bad
# deflate streams, compression methods or encryption zipfile does not support.
_ZIP_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError, zlib.error,
               NotImplementedError, RuntimeError)
_SHA256_HEX = re.compile(r"^[0-9a-f]{64}$")


class PackageInvalid(TaizhangError):
    """The file is not a valid Taizhang package; ``changes`` lists edited cells when known."""

    def __reduce__(self):  # picklable, so worker processes can hand verdicts back
        return (_restore_invalid, (self.zh, self.en, self.sheets, self.changes, self.manifest, self.fingerprint))

    def __init__(self, zh: str, en: str, *, sheets: list[str] | None = None, changes: list | None = None):
        super().__init__(zh, en)
        self.sheets = sheets or []
        self.changes = changes or []
        self.manifest: dict | None = None  # set when the signature held but a sheet did not
        self.fingerprint = ""


def _restore_invalid(zh, en, sheets, changes, manifest, fingerprint) -> PackageInvalid:
    exc = PackageInvalid(zh, en, sheets=sheets, changes=changes)
    exc.manifest, exc.fingerprint = manifest, fingerprint
    return exc


@dataclass
class EvidenceSource:
    """One evidence file to put in a package; ``open`` returns a binary stream of its bytes."""

    sha256: str
    name: str
    size: int
    mime: str
    task_id: str
    open: Callable[[], BinaryIO]

    def manifest_entry(self) -> dict:
        return {"sha256": self.sha256, "name": self.name, "size": self.size, "mime": self.mime,
                "task_id": self.task_id}


def evidence_part(sha256: str) -> str:
    return f"{EVIDENCE_PREFIX}{sha256}.bin"


# ---------------------------------------------------------------------------------------- writing


def write_package(target: str | os.PathLike, *, kind: str, content: dict, workbook, evidence=(),
                  key, progress: Callable[[int, int], None] | None = None) -> dict:
    """Write a signed package to ``target`` (atomically: temp file, then rename); return the manifest.

    ``content`` is everything the file claims (county, plan, school, period, tasks or entries…);
    ``workbook`` is an openpyxl Workbook with the visible sheets. Evidence is streamed, never
    loaded whole, and re-hashed on the way in.
    """
    if kind not in KINDS:
        raise ValueError(kind)
    sheet_buf = io.BytesIO()
    workbook.save(sheet_buf)
    sheet_buf.seek(0)
    parts: dict[str, str] = {}
    evidence = list(evidence)
    with atomic_target(target) as tmp, zipfile.ZipFile(sheet_buf) as zin, \
            zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zout:
        sheets = _sheet_parts(zin)
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "[Content_Types].xml":
                data = _add_content_defaults(data)
            elif info.filename == "_rels/.rels":
                data = _add_manifest_relationship(data)
            zout.writestr(info.filename, data)
            parts[info.filename] = crypto.sha256_hex(data)
        total = len(evidence)
        for done, ev in enumerate(evidence, start=1):
            name = evidence_part(ev.sha256)
            if name not in parts:
                parts[name] = _write_evidence(zout, name, ev)
            if progress:
                progress(done, total)
        rels = _relationships([(f"e{i}", REL_EVIDENCE, f"evidence/{ev.sha256}.bin")
                               for i, ev in enumerate(_unique(evidence), start=1)])
        zout.writestr(MANIFEST_RELS, rels)
        parts[MANIFEST_RELS] = crypto.sha256_hex(rels)
        manifest = dict(content)
        manifest.update({
            "format": FORMAT,
            "kind": kind,
            "sheets": sheets,
            "evidence": [ev.manifest_entry() for ev in evidence],
            "parts": parts,
        })
        manifest_bytes = crypto.canonical_json(manifest)
        zout.writestr(MANIFEST, manifest_bytes)
        zout.writestr(SIGNATURE, crypto.canonical_json(crypto.sign(key, manifest_bytes)))
    return manifest


def _unique(evidence):
    seen = set()
    for ev in evidence:
        if ev.sha256 not in seen:
            seen.add(ev.sha256)
            yield ev


def _write_evidence(zout: zipfile.ZipFile, name: str, ev: EvidenceSource) -> str:
    info = zipfile.ZipInfo(name, date_time=(2000, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_STORED if _COMPRESSED_MIME.match(ev.mime or "") else zipfile.ZIP_DEFLATED
    if info.compress_type == zipfile.ZIP_DEFLATED:  # fast: evidence is mostly photos and office files
        setattr(info, "compress_level" if hasattr(info, "compress_level") else "_compresslevel", 1)
    digest = hashlib.sha256()
    with ev.open() as src, zout.open(info, "w", force_zip64=ev.size > (1 << 30)) as dst:
        while chunk := src.read(_CHUNK):
            digest.update(chunk)
            dst.write(chunk)
    if digest.hexdigest() != ev.sha256:
        raise TaizhangError(f"佐证材料“{ev.name}”的内容与登记时不一致", f"evidence '{ev.name}' changed since it was added")
    return ev.sha256


def _sheet_parts(zin: zipfile.ZipFile) -> dict[str, str]:
    """Map each worksheet part (``xl/worksheets/sheet1.xml``) to its sheet name."""
    wb = ET.fromstring(zin.read("xl/workbook.xml"))
    rels = ET.fromstring(zin.read("xl/_rels/workbook.xml.rels"))
    targets = {r.get("Id"): r.get("Target") for r in rels}
    out = {}
    for sheet in wb.iter(f"{{{_MAIN_NS}}}sheet"):
        target = targets.get(sheet.get(f"{{{_OFFREL_NS}}}id"), "")
        part = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
        out[part] = sheet.get("name")
    return out


def _add_content_defaults(data: bytes) -> bytes:
    ET.register_namespace("", _CT_NS)
    root = ET.fromstring(data)
    have = {d.get("Extension") for d in root.findall(f"{{{_CT_NS}}}Default")}
    for ext, ctype in (("json", "application/json"), ("bin", "application/octet-stream")):
        if ext not in have:
            el = ET.Element(f"{{{_CT_NS}}}Default", {"Extension": ext, "ContentType": ctype})
            root.insert(0, el)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def _add_manifest_relationship(data: bytes) -> bytes:
    ET.register_namespace("", _REL_NS)
    root = ET.fromstring(data)
    ids = {r.get("Id") for r in root}
    rid = next(f"rIdTz{n}" for n in range(1, 1000) if f"rIdTz{n}" not in ids)
    ET.SubElement(root, f"{{{_REL_NS}}}Relationship", {"Id": rid, "Type": REL_MANIFEST, "Target": MANIFEST})
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def _relationships(items) -> bytes:
    ET.register_namespace("", _REL_NS)
    root = ET.Element(f"{{{_REL_NS}}}Relationships")
    for rid, rtype, target in items:
        ET.SubElement(root, f"{{{_REL_NS}}}Relationship", {"Id": rid, "Type": rtype, "Target": target})
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


# ---------------------------------------------------------------------------------------- reading


@dataclass
class VerifiedPackage:
    """A package whose signature and every part digest checked out."""

    path: Path | None
    manifest: dict
    public_key: bytes
    fingerprint: str
    file_sha256: str
    size: int
    _data: bytes | None = field(default=None, repr=False)

    @property
    def kind(self) -> str:
        return self.manifest["kind"]

    @property
    def data(self) -> bytes | None:
        """The file's bytes when it was verified from memory."""
        return self._data

    def open_zip(self) -> zipfile.ZipFile:
        return zipfile.ZipFile(io.BytesIO(self._data) if self._data is not None else self.path)

    def read_evidence(self, sha256: str) -> bytes:
        with self.open_zip() as zf:
            return zf.read(evidence_part(sha256))


def verify_package(source: str | os.PathLike | bytes, *, expect_kind: str | None = None,
                   file_sha256: str | None = None) -> VerifiedPackage:
    """Check a package from a path or bytes; raise PackageInvalid with the reason if anything is off.

    Reads only the zip directory, the manifest, the signature, and streams each part through
    SHA-256. Order: well-formed and within limits → signature → every part digest → evidence.
    """
    path, data = (None, bytes(source)) if isinstance(source, (bytes, bytearray)) else (Path(source), None)
    size, file_sha = _file_facts(path, data, file_sha256)
    try:
        zf = zipfile.ZipFile(io.BytesIO(data) if data is not None else path)
    except (zipfile.BadZipFile, NotImplementedError, ValueError, EOFError) as exc:  # NotImplemented: "zip file version 6.4"
        raise PackageInvalid("不是有效的 Excel 文件（不是 zip 格式或已截断）",
                             "not a valid workbook (not a zip file, or truncated)") from exc
    except OSError as exc:
        raise PackageInvalid(f"无法读取文件：{exc.strerror or exc}", f"cannot read the file: {exc.strerror or exc}") from exc
    with zf:
        infos = _check_directory(zf)
        manifest_bytes = _read_member(zf, infos, MANIFEST, MAX_MANIFEST_BYTES, "清单 manifest.json", "manifest.json")
        sig_bytes = _read_member(zf, infos, SIGNATURE, 1 << 16, "签名 signature.json", "signature.json")
        signature = _parse_json(sig_bytes, "签名", "signature")
        try:
            public_key = crypto.verify(signature, manifest_bytes)
        except TaizhangError as exc:
            raise PackageInvalid(exc.zh, exc.en) from exc
        manifest = _parse_json(manifest_bytes, "清单", "manifest")
        _check_manifest(manifest, expect_kind)
        try:
            _check_parts(zf, infos, manifest)
        except PackageInvalid as exc:
            exc.manifest, exc.fingerprint = manifest, crypto.fingerprint(public_key)
            raise
    return VerifiedPackage(path=path, manifest=manifest, public_key=public_key,
                           fingerprint=crypto.fingerprint(public_key), file_sha256=file_sha, size=size,
                           _data=data)


def _file_facts(path: Path | None, data: bytes | None, known_sha: str | None) -> tuple[int, str]:
    """Size and SHA-256 of the file (the hash is skipped when the caller already has it)."""
    if data is not None:
        if len(data) > MAX_FILE_BYTES:
            raise PackageInvalid("文件过大", "file too large")
        return len(data), known_sha or crypto.sha256_hex(data)
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise PackageInvalid(f"不是文件：{path.name}", f"not a file: {path.name}")
        if size > MAX_FILE_BYTES:
            raise PackageInvalid(f"文件过大（{size >> 20} MB，上限 {MAX_FILE_BYTES >> 20} MB）",
                                 f"file too large ({size >> 20} MB, limit {MAX_FILE_BYTES >> 20} MB)")
        digest = known_sha or crypto.sha256_file(path)
    except FileNotFoundError as exc:
        raise PackageInvalid(f"找不到文件：{path}", f"file not found: {path}") from exc
    except OSError as exc:
        raise PackageInvalid(f"无法读取文件：{exc.strerror or exc}", f"cannot read the file: {exc.strerror or exc}") from exc
    return size, digest


def _unsafe_name(name: str) -> bool:
    return (not name or name.startswith(("/", "\\")) or "\\" in name or "\x00" in name
            or re.match(r"^[A-Za-z]:", name) is not None or ".." in name.split("/"))


def _check_directory(zf: zipfile.ZipFile) -> dict[str, zipfile.ZipInfo]:
    infos = zf.infolist()
    if len(infos) > MAX_MEMBERS:
        raise PackageInvalid(f"压缩包内文件过多（{len(infos)} 个，上限 {MAX_MEMBERS}）",
                             f"too many members in the zip ({len(infos)}, limit {MAX_MEMBERS})")
    by_name: dict[str, zipfile.ZipInfo] = {}
    total = 0
    for info in infos:
        name = info.filename
        if _unsafe_name(name):
            raise PackageInvalid(f"文件内含不安全的路径名：{name[:80]!r}", f"unsafe member name: {name[:80]!r}")
        if name in by_name:
            raise PackageInvalid(f"文件内有重复的部件：{name}", f"duplicate member: {name}")
        lower = name.lower()
        if lower.endswith("vbaproject.bin") or lower.endswith(".bin") and "vba" in lower:
            raise PackageInvalid("这是含宏的工作簿（.xlsm），不能作为台账文件", "macro-enabled workbook (vbaProject) is not accepted")
        if lower.startswith("xl/externallinks/"):
            raise PackageInvalid("工作簿含外部链接，不能作为台账文件", "workbook with external links is not accepted")
        if info.file_size > MAX_MEMBER_UNCOMPRESSED:
            raise PackageInvalid(f"文件内部件过大：{name}", f"member too large: {name}")
        if info.file_size > (1 << 20) and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise PackageInvalid(f"压缩比异常（疑似压缩炸弹）：{name}", f"suspicious compression ratio (zip bomb?): {name}")
        total += info.file_size
        by_name[name] = info
    if total > MAX_TOTAL_UNCOMPRESSED:
        raise PackageInvalid("解压后总大小超过上限", "total uncompressed size over the limit")
    ct = by_name.get("[Content_Types].xml")
    if ct is None:
        raise PackageInvalid("不是有效的 Excel 文件（缺少 [Content_Types].xml）", "not a valid workbook (no [Content_Types].xml)")
    if ct.file_size > MAX_XML_PART_BYTES:
        raise PackageInvalid("[Content_Types].xml 过大", "[Content_Types].xml too large")
    if b"macroenabled" in _read_member(zf, by_name, ct.filename, MAX_XML_PART_BYTES, "[Content_Types].xml",
                                       "[Content_Types].xml").lower():
        raise PackageInvalid("这是含宏的工作簿（.xlsm），不能作为台账文件", "macro-enabled workbook is not accepted")
    if MANIFEST not in by_name or SIGNATURE not in by_name:
        raise PackageInvalid("缺少台账签名（不是由台账导出的文件，或签名被删除）",
                             "no Taizhang signature (not exported by Taizhang, or the signature was removed)")
    return by_name


def _read_member(zf, infos, name, limit, zh, en) -> bytes:
    if infos[name].file_size > limit:
        raise PackageInvalid(f"{zh} 过大", f"{en} too large")
    try:
        return zf.read(name)
    except _ZIP_ERRORS as exc:
        raise PackageInvalid(f"{zh} 已损坏", f"{en} is damaged") from exc


def _parse_json(data: bytes, zh: str, en: str):
    try:
        return json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise PackageInvalid(f"{zh}不是有效的 JSON", f"{en} is not valid JSON") from exc


def _check_manifest(manifest, expect_kind: str | None) -> None:
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise PackageInvalid("不支持的文件格式版本", "unsupported package format")
    kind = manifest.get("kind")
    if kind not in KINDS:
        raise PackageInvalid("文件类型未知", "unknown package kind")
    if expect_kind and kind != expect_kind:
        names = {"plan": "任务清单", "report": "学校报送", "feedback": "反馈"}
        raise PackageInvalid(f"文件类型不对：这是{names[kind]}文件，需要{names[expect_kind]}文件",
                             f"wrong kind of file: this is a {kind} package, a {expect_kind} package is needed")
    if not isinstance(manifest.get("parts"), dict) or not isinstance(manifest.get("evidence", []), list):
        raise PackageInvalid("清单内容不完整", "manifest is incomplete")


def _check_parts(zf: zipfile.ZipFile, infos: dict[str, zipfile.ZipInfo], manifest: dict) -> None:
    parts: dict = manifest["parts"]
    present = set(infos) - {MANIFEST, SIGNATURE}
    extra, missing = sorted(present - set(parts)), sorted(set(parts) - present)
    if extra or missing:
        evidence_only = all(n.startswith(EVIDENCE_PREFIX) for n in extra + missing)
        what = "佐证材料" if evidence_only else "部件"
        raise PackageInvalid(
            f"签名后被改动：{what}被添加或删除（{', '.join((extra + missing)[:3])}）",
            f"modified after signing: parts added or removed ({', '.join((extra + missing)[:3])})",
        )
    sheets = manifest.get("sheets") or {}
    bad_sheets, bad_other = [], []
    for name in sorted(present):
        try:
            digest = _hash_member(zf, infos[name])
        except _ZIP_ERRORS:
            digest = None  # a CRC failure is a modification too
        if digest != parts[name]:
            (bad_sheets if name in sheets else bad_other).append(name)
    for ev in manifest.get("evidence", []):
        sha = ev.get("sha256") if isinstance(ev, dict) else None
        if not isinstance(sha, str) or not _SHA256_HEX.match(sha) or parts.get(evidence_part(sha)) != sha:
            raise PackageInvalid("佐证材料与清单不符", "evidence does not match the manifest")
    if bad_sheets:
        names = [sheets[n] for n in bad_sheets]
        raise PackageInvalid(f"签名后被改动：工作表 {'、'.join(names)}", f"modified after signing: sheet {', '.join(names)}",
                             sheets=names)
    if bad_other:
        if all(n.startswith(EVIDENCE_PREFIX) for n in bad_other):
            raise PackageInvalid("签名后被改动：佐证材料内容与签名不符（文件被替换）",
                                 "modified after signing: evidence hash mismatch (a file was replaced)")
        raise PackageInvalid(f"签名后被改动：{', '.join(bad_other[:3])}", f"modified after signing: {', '.join(bad_other[:3])}")


def _hash_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> str:
    digest = hashlib.sha256()
    with zf.open(info) as fh:
        while chunk := fh.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()
