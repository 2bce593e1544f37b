"""The signed .xlsx package (DESIGN §3): write it, and read + verify it without openpyxl.

A package is an ordinary workbook (openpyxl writes the visible sheets) with extra OPC parts:
``taizhang/manifest.json`` (canonical JSON of everything the file claims, including the SHA-256 of
every other part), ``taizhang/signature.json`` (Ed25519 over the manifest bytes), the manifest's
relationships part and ``taizhang/evidence/<sha256>.bin`` evidence parts.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import BinaryIO
from xml.etree import ElementTree as ET

from desktop.core import safetext, zipsafe
from desktop.core.db.atomic import atomic_target
from desktop.core.errors import TaizhangError
from desktop.core.signing import crypto
from desktop.core.words import Reason

FORMAT = "taizhang/1"
KINDS = ("plan", "report", "feedback", "county")
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
    """The file is not a valid Taizhang package; ``changes`` lists edited cells when known.

    ``code`` is the stable reason code the merge records: ``invalid`` for the checks that were there
    first, and one code per later family of refusals (see REASON_CODES)."""

    def __reduce__(self):  # picklable, so worker processes can hand verdicts back
        return (_restore_invalid, (self.zh, self.en, self.sheets, self.changes, self.manifest, self.fingerprint,
                                   self.code))

    def __init__(self, zh: str, en: str, *, sheets: list[str] | None = None, changes: list | None = None,
                 code: str = "invalid"):
        super().__init__(zh, en)
        self.sheets = sheets or []
        self.changes = changes or []
        self.code = code
        self.manifest: dict | None = None  # set when the signature held but a sheet did not
        self.fingerprint = ""


def _restore_invalid(zh, en, sheets, changes, manifest, fingerprint, code="invalid") -> PackageInvalid:
    exc = PackageInvalid(zh, en, sheets=sheets, changes=changes, code=code)
    exc.manifest, exc.fingerprint = manifest, fingerprint
    return exc


# Reason codes of PackageInvalid (stable: the merge stores them in submissions.reason_code).
REASON_CODES = {
    Reason.INVALID: "not a well-formed, correctly signed package (the original checks)",
    Reason.ZIP_SHAPE: "the zip is not in the strict shape our writer makes (headers, offsets, names, trailing data)",
    Reason.MANIFEST_STRICT: "manifest or signature JSON not canonical, duplicate keys, NaN/Infinity, bad characters, too deep",
    Reason.ACTIVE_CONTENT: "a formula, external link, DDE link or external relationship in the workbook",
    Reason.SHEETS_MISMATCH: "the visible sheets are not what the writer makes from the signed manifest",
}
_OLD_ZIP_CODES = {"too_many_members", "member_too_large", "zip_bomb", "total_too_large", "too_large",
                  "not_found", "unreadable", Reason.NOT_A_FILE}


def _from_refusal(exc: zipsafe.ZipRefused) -> PackageInvalid:
    return PackageInvalid(exc.zh, exc.en, code=Reason.INVALID if exc.code in _OLD_ZIP_CODES else Reason.ZIP_SHAPE)


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
        # What we sign is what any XML writer can hold: typed control characters and lone surrogates
        # (a pasted or undecodable text or file name) are dropped, exactly as the sheet writer drops them.
        manifest = safetext.xml_safe_tree(manifest)
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
    """A package whose signature and every part digest checked out.

    ``data`` holds the file's bytes when it was verified from memory in this process. A check done in a
    worker process hands back the verdict without the bytes (``without_bytes``): ``path`` (and ``member``,
    for a file inside a .zip archive) say where to read them again, and reading them again refuses bytes
    that are no longer the ones checked."""

    path: Path | None
    manifest: dict
    public_key: bytes
    fingerprint: str
    file_sha256: str
    size: int
    _data: bytes | None = field(default=None, repr=False)
    member: str | None = None
    _reread: bool = field(default=False, repr=False)  # the check held the bytes whole and dropped them
    # evidence SHA-256 → (offset of the member's data in the file, stored length, method, size), from the
    # directory and local headers the check read (so the archive need not read them again)
    evidence_at: dict[str, tuple[int, int, int, int]] = field(default_factory=dict, repr=False)

    @property
    def kind(self) -> str:
        return self.manifest["kind"]

    @property
    def data(self) -> bytes | None:
        """The file's bytes when it was verified from memory (None when the check handed back only its verdict)."""
        return self._data

    def without_bytes(self, path: Path | None, member: str | None) -> VerifiedPackage:
        """The same verdict without the file's bytes, to send from a worker process (``path``/``member`` say
        where the bytes are); a package with nowhere to read them again keeps them."""
        if self._data is None or path is None:
            return self
        return replace(self, path=Path(path), member=member, _data=None, _reread=True)

    def read_again(self) -> bytes:
        """The file's bytes, read again from where they were checked; PackageInvalid if they changed since."""
        assert self.path is not None
        try:
            if self.member is None:
                zipsafe.checked_size(self.path, self.size)
                data = self.path.read_bytes()
            else:
                with zipfile.ZipFile(self.path) as outer:
                    data = zipsafe.read_bounded(outer, outer.getinfo(self.member), self.size)
        except (zipsafe.ZipRefused, *_ZIP_ERRORS, KeyError) as exc:
            raise _changed() from exc
        if len(data) != self.size or crypto.sha256_hex(data) != self.file_sha256:
            raise _changed()
        return data

    def open_zip(self) -> zipfile.ZipFile:
        if self._data is not None:
            return zipfile.ZipFile(io.BytesIO(self._data))
        if self._reread:
            return zipfile.ZipFile(io.BytesIO(self.read_again()))
        return zipfile.ZipFile(self.path)

    def read_evidence(self, sha256: str) -> bytes:
        with self.open_zip() as zf:
            return zf.read(evidence_part(sha256))


def _changed() -> PackageInvalid:
    return PackageInvalid("文件在核对之后被改动或移走，请重新导入", "the file changed or moved after it was checked; import it again")


def verify_package(source: str | os.PathLike | bytes, *, expect_kind: str | None = None,
                   file_sha256: str | None = None, scan_rebuilt: bool = True) -> VerifiedPackage:
    """Check a package from a path or bytes; raise PackageInvalid with the reason if anything is off.

    Reads only the zip directory, the local headers, the manifest, the signature, and streams each part
    through SHA-256. Order: size on disk (before any byte is read) → strict zip shape and limits →
    strict manifest and signature JSON → signature → every part digest, with no active content.

    ``scan_rebuilt=False`` leaves the active-content scan of the parts ``rebuilt_part`` names to the caller, who
    then requires them byte for byte as the writer makes them (package/visible.py: the writer makes no
    active content) and, when anything after this fails, calls ``check_active_content`` first, so that the
    reason given is the one this function would have given.
    """
    path, data = (None, bytes(source)) if isinstance(source, (bytes, bytearray)) else (Path(source), None)
    size, file_sha = _file_facts(path, data, file_sha256)
    try:
        fh = io.BytesIO(data) if data is not None else open(path, "rb")  # noqa: SIM115 (closed below)
    except OSError as exc:
        raise PackageInvalid(f"无法读取文件：{exc.strerror or exc}", f"cannot read the file: {exc.strerror or exc}") from exc
    with fh:
        try:
            zf = zipfile.ZipFile(fh)
        except (zipfile.BadZipFile, NotImplementedError, ValueError, EOFError) as exc:  # NotImplemented: "zip file version 6.4"
            raise PackageInvalid("不是有效的 Excel 文件（不是 zip 格式或已截断）",
                                 "not a valid workbook (not a zip file, or truncated)") from exc
        except OSError as exc:
            raise PackageInvalid(f"无法读取文件：{exc.strerror or exc}", f"cannot read the file: {exc.strerror or exc}") from exc
        with zf:
            return _verify_open(zf, fh, size, path, data, file_sha, expect_kind, scan_rebuilt)


def _verify_open(zf, fh, size, path, data, file_sha, expect_kind, scan_rebuilt=True) -> VerifiedPackage:
    infos = _check_directory(zf, fh, size)
    members = _Members(zf, data)
    manifest_bytes = _read_member(members, infos, MANIFEST, MAX_MANIFEST_BYTES, "清单 manifest.json", "manifest.json")
    sig_bytes = _read_member(members, infos, SIGNATURE, 1 << 16, "签名 signature.json", "signature.json")
    signature = _parse_json(sig_bytes, "签名", "signature")
    try:
        public_key = crypto.verify(signature, manifest_bytes)
    except TaizhangError as exc:
        raise PackageInvalid(exc.zh, exc.en) from exc
    manifest = _parse_json(manifest_bytes, "清单", "manifest")
    _check_manifest(manifest, expect_kind)
    try:
        _check_parts(members, infos, manifest, scan_rebuilt)
    except PackageInvalid as exc:
        exc.manifest, exc.fingerprint = manifest, crypto.fingerprint(public_key)
        raise
    return VerifiedPackage(path=path, manifest=manifest, public_key=public_key,
                           fingerprint=crypto.fingerprint(public_key), file_sha256=file_sha, size=size,
                           _data=data, evidence_at=_evidence_at(infos))


_LOCAL_HEADER_BYTES = 30


def _evidence_at(infos: dict[str, zipfile.ZipInfo]) -> dict[str, tuple[int, int, int, int]]:
    """Where each evidence member's data is in the file: the strict shape check has made sure that every local
    header is 30 bytes plus the member's (ASCII) name, with no extra field."""
    return {name[len(EVIDENCE_PREFIX):-len(".bin")]:
            (info.header_offset + _LOCAL_HEADER_BYTES + len(name), info.compress_size, info.compress_type,
             info.file_size)
            for name, info in infos.items() if name.startswith(EVIDENCE_PREFIX) and name.endswith(".bin")}


class _Members:
    """The members of the zip being verified, inflated: from the bytes in hand directly with zlib when the file
    was read whole (one slice per member, no per-member ``ZipFile.open``), else streamed through ``zipfile``.
    Both give the same bytes and refuse the same damage (CRC, sizes, truncation) as a ``zipfile`` error."""

    def __init__(self, zf: zipfile.ZipFile, data: bytes | None):
        self.zf, self.data = zf, data

    def chunks(self, info: zipfile.ZipInfo):
        if self.data is not None:
            yield from zipsafe.member_chunks(self.data, info, _CHUNK)
            return
        with self.zf.open(info) as fh:
            while chunk := fh.read(_CHUNK):
                yield chunk

    def read(self, info: zipfile.ZipInfo, limit: int) -> bytes:
        if self.data is not None:
            return zipsafe.read_member(self.data, info, limit)
        return zipsafe.read_bounded(self.zf, info, limit)


def _file_facts(path: Path | None, data: bytes | None, known_sha: str | None) -> tuple[int, str]:
    """Size and SHA-256 of the file (the hash is skipped when the caller already has it). The size is
    checked with a stat before a byte is read, so a 4 GB file is refused at once, not hashed first."""
    if data is not None:
        if len(data) > MAX_FILE_BYTES:
            raise PackageInvalid("文件过大", "file too large")
        return len(data), known_sha or crypto.sha256_hex(data)
    try:
        size = zipsafe.checked_size(path, MAX_FILE_BYTES)
    except zipsafe.ZipRefused as exc:
        raise _from_refusal(exc) from exc
    try:
        digest = known_sha or crypto.sha256_file(path)
    except OSError as exc:
        raise PackageInvalid(f"无法读取文件：{exc.strerror or exc}", f"cannot read the file: {exc.strerror or exc}") from exc
    return size, digest


def _unsafe_name(name: str) -> bool:
    return (not name or name.startswith(("/", "\\")) or "\\" in name or "\x00" in name
            or re.match(r"^[A-Za-z]:", name) is not None or ".." in name.split("/"))


def _check_directory(zf: zipfile.ZipFile, fh, size: int) -> dict[str, zipfile.ZipInfo]:
    infos = zf.infolist()
    try:
        zipsafe.check_inflation(infos, max_members=MAX_MEMBERS, max_total=MAX_TOTAL_UNCOMPRESSED,
                                max_member=MAX_MEMBER_UNCOMPRESSED, max_ratio=MAX_RATIO,
                                streamed_prefix=EVIDENCE_PREFIX)
    except zipsafe.ZipRefused as exc:
        raise _from_refusal(exc) from exc
    by_name: dict[str, zipfile.ZipInfo] = {}
    for info in infos:
        name = info.filename
        if _unsafe_name(name):
            raise PackageInvalid(f"文件内含不安全的路径名：{zipsafe.safe_text(name, 80)}",
                                 f"unsafe member name: {zipsafe.safe_text(name, 80)}")
        if name in by_name:
            raise PackageInvalid(f"文件内有重复的部件：{zipsafe.safe_text(name, 80)}",
                                 f"duplicate member: {zipsafe.safe_text(name, 80)}")
        lower = name.lower()
        if lower.endswith("vbaproject.bin") or lower.endswith(".bin") and "vba" in lower:
            raise PackageInvalid("这是含宏的工作簿（.xlsm），不能作为台账文件", "macro-enabled workbook (vbaProject) is not accepted")
        if lower.startswith("xl/externallinks/"):
            raise PackageInvalid("工作簿含外部链接，不能作为台账文件", "workbook with external links is not accepted")
        by_name[name] = info
    ct = by_name.get("[Content_Types].xml")
    if ct is None:
        raise PackageInvalid("不是有效的 Excel 文件（缺少 [Content_Types].xml）", "not a valid workbook (no [Content_Types].xml)")
    if ct.file_size > MAX_XML_PART_BYTES:
        raise PackageInvalid("[Content_Types].xml 过大", "[Content_Types].xml too large")
    if MANIFEST not in by_name or SIGNATURE not in by_name:
        raise PackageInvalid("缺少台账签名（不是由台账导出的文件，或签名被删除）",
                             "no Taizhang signature (not exported by Taizhang, or the signature was removed)")
    try:
        zipsafe.check_strict_shape(zf, infos, fh, size)
    except zipsafe.ZipRefused as exc:
        raise _from_refusal(exc) from exc
    except zipsafe.ZIP_ERRORS as exc:
        raise PackageInvalid("不是有效的 Excel 文件（不是 zip 格式或已截断）",
                             "not a valid workbook (not a zip file, or truncated)") from exc
    return by_name


def _read_member(members: _Members, infos, name, limit, zh, en) -> bytes:
    if infos[name].file_size > limit:
        raise PackageInvalid(f"{zh} 过大", f"{en} too large")
    try:
        return members.read(infos[name], limit)
    except zipsafe.ZipRefused as exc:
        raise _from_refusal(exc) from exc
    except _ZIP_ERRORS as exc:
        raise PackageInvalid(f"{zh} 已损坏", f"{en} is damaged") from exc


def _parse_json(data: bytes, zh: str, en: str):
    """Signed JSON, parsed strictly: only the exact canonical bytes our writer makes are accepted."""
    try:
        return safetext.loads_strict(data, crypto.canonical_json)
    except safetext.StrictJSONError as exc:
        raise PackageInvalid(f"{zh}不合规：{exc.zh}", f"{en} refused: {exc.en}", code=Reason.MANIFEST_STRICT) from exc
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise PackageInvalid(f"{zh}不是有效的 JSON", f"{en} is not valid JSON") from exc


def _check_manifest(manifest, expect_kind: str | None) -> None:
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise PackageInvalid("不支持的文件格式版本", "unsupported package format")
    kind = manifest.get("kind")
    if kind not in KINDS:
        raise PackageInvalid("文件类型未知", "unknown package kind")
    if expect_kind and kind != expect_kind:
        names = {"plan": "任务清单", "report": "学校报送", "feedback": "反馈", "county": "县区汇总"}
        raise PackageInvalid(f"文件类型不对：这是{names[kind]}文件，需要{names[expect_kind]}文件",
                             f"wrong kind of file: this is a {kind} package, a {expect_kind} package is needed")
    if not isinstance(manifest.get("parts"), dict) or not isinstance(manifest.get("evidence", []), list):
        raise PackageInvalid("清单内容不完整", "manifest is incomplete")


def _check_parts(members: _Members, infos: dict[str, zipfile.ZipInfo], manifest: dict, scan_rebuilt: bool = True) -> None:
    parts: dict = manifest["parts"]
    present = set(infos) - {MANIFEST, SIGNATURE}
    extra, missing = sorted(present - set(parts)), sorted(set(parts) - present)
    if extra or missing:
        evidence_only = all(n.startswith(EVIDENCE_PREFIX) for n in extra + missing)
        what = "佐证材料" if evidence_only else "部件"
        listed = ", ".join(zipsafe.safe_text(n, 80) for n in (extra + missing)[:3])
        raise PackageInvalid(f"签名后被改动：{what}被添加或删除（{listed}）",
                             f"modified after signing: parts added or removed ({listed})")
    if len(infos) != len(parts) + 2:
        raise PackageInvalid("压缩包内文件数与清单不符", "member count does not match the manifest", code=Reason.ZIP_SHAPE)
    sheets = manifest.get("sheets") or {}
    bad_sheets, bad_other = [], []
    small: dict[str, bytes] = {}
    for name in sorted(present):
        try:
            digest = _hash_member(members, infos[name], small if scan_rebuilt or not rebuilt_part(name) else None)
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
        listed = ", ".join(zipsafe.safe_text(n, 80) for n in bad_other[:3])
        raise PackageInvalid(f"签名后被改动：{listed}", f"modified after signing: {listed}")
    _check_active_content(small, sheets)


# Active content: a formula element in any sheet, DDE or external links, external relationship targets,
# OLE objects. Our writer makes none of them, so any of them means the file was made by something else.
_FORMULA = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(?:f|formula[12]?)[\s>/]")
_ACTIVE_IN_RELS = re.compile(rb"TargetMode\s*=\s*[\"']External|/externalLink|/oleObject|/ddeLink|/attachedTemplate",
                             re.IGNORECASE)
_ACTIVE_ANY = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(?:ddeLink|externalReference|oleObject|oleLink)[\s>/]",
                         re.IGNORECASE)
# A defined name our writer makes: a plain range on one of its sheets ('任务完成情况'!$A$1:$K$41, '…'!$1:$1).
# Words each pattern above needs (lower case): a window without any of them cannot match, so the
# case-insensitive scan, the slow one, runs only on a window that has one.
_ACTIVE_ANY_WORDS = (b"ddelink", b"externalreference", b"oleobject", b"olelink")
_ACTIVE_IN_RELS_WORDS = (b"targetmode", b"/externallink", b"/oleobject", b"/ddelink", b"/attachedtemplate")
_PLAIN_RANGE = re.compile(r"^'[^'\[\]*?:/\\]{1,31}'!\$[A-Z]{0,3}\$?[0-9]*(?::\$[A-Z]{0,3}\$?[0-9]*)?$")
_SMALL_XML = 1 << 20


def _scanned(name: str) -> bool:
    return name.endswith((".xml", ".rels", ".vml")) and not name.startswith("taizhang/evidence/")


def carries_manifest(path: str | os.PathLike, *, max_bytes: int) -> bool:
    """Whether the file at ``path`` is a zip that holds a Taizhang manifest (one of our packages, sound or not,
    as opposed to any other workbook); False for a file over ``max_bytes`` and for anything unreadable. Reads
    only the zip directory: for telling files apart (a dropped .xlsx is a report or a task table), never for trust."""
    try:
        if os.stat(path).st_size > max_bytes:
            return False
        with zipfile.ZipFile(path) as zf:
            return any(info.filename == MANIFEST for info in zf.infolist())
    except (OSError, zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, NotImplementedError):
        return False


def rebuilt_part(name: str) -> bool:
    """The parts package/visible.py rebuilds from the manifest and requires byte for byte: every part but
    docProps/core.xml, the manifest's relationships and the evidence (a signed part outside these is refused
    there)."""
    return name not in NOT_REBUILT and name != MANIFEST_RELS and not name.startswith(EVIDENCE_PREFIX)


NOT_REBUILT = frozenset({"docProps/core.xml"})  # openpyxl stamps the save time into it; no sheet shows it


def check_active_content(source: bytes | str | os.PathLike, sheets: dict | None = None) -> None:
    """The active-content scan of every part of a package whose parts were verified (``verify_package``):
    raises PackageInvalid (``Reason.ACTIVE_CONTENT``) for a formula, an external or DDE link, an external
    relationship or an OLE object, as ``verify_package`` does (``sheets``: the manifest's part → sheet name)."""
    data = bytes(source) if isinstance(source, (bytes, bytearray)) else None
    with zipfile.ZipFile(io.BytesIO(data) if data is not None else source) as zf:
        members, small = _Members(zf, data), {}
        for info in zf.infolist():
            if info.filename not in (MANIFEST, SIGNATURE):
                _hash_member(members, info, small)
    _check_active_content(small, sheets)


def _check_active_content(small: dict[str, bytes], sheets: dict | None = None) -> None:
    """Formulas, external/DDE links and external relationships are refused even when the signature holds; a
    worksheet part is named by its sheet's name (``sheets``: the manifest's part → sheet name), as people see it."""
    for name, data in small.items():
        if name == "[active]":
            part = data.decode()
            sheet = sheets.get(part) if isinstance(sheets, dict) else None
            sheet = zipsafe.safe_text(sheet, 40) if isinstance(sheet, str) else None
            zh, en = (f"工作表“{sheet}”", f"sheet '{sheet}'") if sheet else (part, part)
            raise PackageInvalid(f"工作簿含公式或外部链接（{zh}），不能作为台账文件",
                                 f"workbook with a formula or an external link ({en}) is not accepted",
                                 code=Reason.ACTIVE_CONTENT)
    wb = small.get("xl/workbook.xml")
    if wb is not None and b"definedName" in wb:
        import defusedxml.ElementTree as SafeET

        try:
            root = SafeET.fromstring(wb)
        except (SafeET.ParseError, ValueError) as exc:
            raise PackageInvalid("工作簿结构已损坏", "the workbook part is damaged") from exc
        for el in root.iter(f"{{{_MAIN_NS}}}definedName"):
            if not _PLAIN_RANGE.match((el.text or "").strip()):
                raise PackageInvalid("工作簿含定义名称公式，不能作为台账文件",
                                     "workbook with a formula in a defined name is not accepted", code=Reason.ACTIVE_CONTENT)


def _hash_member(members: _Members, info: zipfile.ZipInfo, small: dict[str, bytes] | None = None) -> str:
    """SHA-256 of a member, streamed; XML parts are scanned for active content on the same pass (and the
    small ones kept in ``small`` for the checks that need them whole)."""
    digest = hashlib.sha256()
    found: dict[str, bytes] = small if small is not None else {}
    scan = small is not None and _scanned(info.filename)
    sheet = info.filename.startswith("xl/worksheets/") or info.filename.startswith("xl/chartsheets/")
    rels = info.filename.endswith(".rels")
    keep = scan and info.file_size <= _SMALL_XML and (rels or info.filename == "xl/workbook.xml")
    kept = bytearray()
    tail = b""
    for chunk in members.chunks(info):
        digest.update(chunk)
        if scan:
            window = tail + bytes(chunk)
            lower = window.lower()
            if (sheet and _FORMULA.search(window)) \
                    or (any(w in lower for w in _ACTIVE_ANY_WORDS) and _ACTIVE_ANY.search(window)) \
                    or (rels and any(w in lower for w in _ACTIVE_IN_RELS_WORDS) and _ACTIVE_IN_RELS.search(window)):
                found["[active]"] = info.filename.encode("ascii", "backslashreplace")
            tail = window[-64:]
            if keep:
                kept += chunk
    if keep:
        found[info.filename] = bytes(kept)
    return digest.hexdigest()
