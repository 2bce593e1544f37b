"""Defences shared by every reader of a zip that comes from outside (packages, rosters, plan documents).

Qt-free and openpyxl-free: only the standard library and :mod:`desktop.core.errors`. Everything here
works from the zip's central directory (read once by :class:`zipfile.ZipFile`) and from small reads of
the local headers, so it costs microseconds per member and never inflates anything.

* :func:`checked_size` — stat a file before anything reads or hashes it (a sparse 4 GB file is refused
  at once);
* :func:`check_inflation` — the declared inflated sizes and per-member ratios of a zip are bounded
  before any member is parsed (zip bombs);
* :func:`read_bounded` — a streaming read that stops past the declared (and the allowed) size;
* :func:`check_strict_shape` — the zip is exactly in the shape Python's ``zipfile`` writes for our
  packages: local headers agree with the central directory, members follow each other without gaps,
  no prepended or trailing data, no comment, no odd names;
* :func:`member_chunks` — a member's inflated bytes straight from the zip's bytes already in memory (zlib
  on the stored slice, no per-member ``ZipFile.open``), with the same checks ``zipfile`` makes (local
  header, sizes, CRC-32) and stricter ones (the deflate stream ends exactly at the member's end);
* :func:`guard_office_file` — all of the above that applies to a workbook or document written by
  another program (roster .xlsx, plan .docx/.xlsx), to call before openpyxl or python-docx opens it.

Refusals are :class:`ZipRefused` (a :class:`TaizhangError`) with a stable ``code``.
"""

from __future__ import annotations

import os
import re
import struct
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path

from desktop.core.errors import TaizhangError
from desktop.core.words import Reason

# Limits for office files written by other programs (a roster, a plan document). Packages have their own.
OFFICE_MAX_MEMBERS = 2000
OFFICE_MAX_TOTAL = 256 << 20  # sum of declared inflated sizes
OFFICE_MAX_MEMBER = 64 << 20  # one part, inflated
RATIO_FROM = 1 << 20  # the ratio is checked for members that inflate past 1 MiB
MAX_RATIO = 200  # sheet XML deflates 10–20×, a run of one byte ~1000×

# What reading a damaged or crafted zip can raise.
ZIP_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError, zlib.error,
              NotImplementedError, RuntimeError, struct.error)

_LOCAL = struct.Struct("<4sHHHHHIIIHH")  # local file header, 30 bytes
_LOCAL_SIG = b"PK\x03\x04"
_EOCD = struct.Struct("<4sHHHHIIH")  # end of central directory record, 22 bytes
_EOCD_SIG = b"PK\x05\x06"
_CHUNK = 1 << 20


class ZipRefused(TaizhangError):
    """A zip refused before it was read; ``code`` names the rule (stable, for logs and advice)."""

    def __init__(self, code: str, zh: str, en: str):
        super().__init__(zh, en)
        self.code = code


_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufeff]")


def safe_text(value, limit: int = 200) -> str:
    """Any name (str with lone surrogates from an undecodable file name, bytes, None) as one printable
    line: control characters, bidi overrides and lone surrogates become visible escapes, never an
    exception or a terminal escape sequence."""
    if isinstance(value, (bytes, bytearray)):
        value = bytes(value).decode("utf-8", "backslashreplace")
    text = str(value)
    cut = text[:limit]
    if _UNPRINTABLE.search(cut):
        cut = _UNPRINTABLE.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100
                               else f"\\u{ord(m.group()):04x}", cut)
    return cut + ("…" if len(text) > limit else "")


def checked_size(path: str | os.PathLike, limit: int, zh_what: str = "文件", en_what: str = "file") -> int:
    """The size of a regular file, refused before any byte is read when over ``limit``."""
    p = Path(path)
    try:
        st = p.stat()
    except FileNotFoundError as exc:
        raise ZipRefused("not_found", f"找不到{zh_what}：{safe_text(p.name)}", f"{en_what} not found: {safe_text(p.name)}") from exc
    except (OSError, ValueError) as exc:
        reason = safe_text(getattr(exc, "strerror", None) or exc)
        raise ZipRefused("unreadable", f"无法读取{zh_what}：{reason}", f"cannot read the {en_what}: {reason}") from exc
    import stat as _stat

    if not _stat.S_ISREG(st.st_mode):
        raise ZipRefused(Reason.NOT_A_FILE, f"不是文件：{safe_text(p.name)}", f"not a file: {safe_text(p.name)}")
    if st.st_size > limit:
        raise ZipRefused("too_large", f"{zh_what}过大（{st.st_size >> 20} MB，上限 {limit >> 20} MB）",
                         f"{en_what} too large ({st.st_size >> 20} MB, limit {limit >> 20} MB)")
    return st.st_size


def check_inflation(infos: list[zipfile.ZipInfo], *, max_members: int, max_total: int, max_member: int,
                    max_ratio: int = MAX_RATIO, ratio_from: int = RATIO_FROM, streamed_prefix: str = "") -> None:
    """Refuse a zip whose declared inflated sizes are over the limits, from the directory alone.

    Members under ``streamed_prefix`` are only ever streamed through a hash and into storage, never parsed
    or held whole, so the ratio rule does not apply to them (a school's 4 MB log file of one repeated
    line is legitimate evidence); they still count against the member and total limits."""
    if len(infos) > max_members:
        raise ZipRefused("too_many_members", f"压缩包内文件过多（{len(infos)} 个，上限 {max_members}）",
                         f"too many members in the zip ({len(infos)}, limit {max_members})")
    total = 0
    for info in infos:
        name = safe_text(info.filename, 80)
        if info.file_size > max_member:
            raise ZipRefused("member_too_large", f"文件内部件过大：{name}", f"member too large: {name}")
        streamed = bool(streamed_prefix) and info.filename.startswith(streamed_prefix)
        if not streamed and info.file_size > ratio_from and info.file_size > max_ratio * max(info.compress_size, 1):
            raise ZipRefused("zip_bomb", f"压缩比异常（疑似压缩炸弹）：{name}",
                             f"suspicious compression ratio (zip bomb?): {name}")
        total += info.file_size
    if total > max_total:
        raise ZipRefused("total_too_large", "解压后总大小超过上限", "total uncompressed size over the limit")


def read_bounded(zf: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes:
    """A member's bytes, read in chunks and refused as soon as they pass ``limit`` or the declared size
    (zipfile itself stops at the declared size and then fails the CRC; this is the belt to its braces)."""
    if info.file_size > limit:
        raise ZipRefused("member_too_large", f"文件内部件过大：{safe_text(info.filename, 80)}",
                         f"member too large: {safe_text(info.filename, 80)}")
    bound = min(limit, info.file_size)
    out = bytearray()
    with zf.open(info) as fh:
        while chunk := fh.read(min(_CHUNK, bound + 1 - len(out))):
            out += chunk
            if len(out) > bound:
                raise ZipRefused("inflates_past_size", f"部件解压后超过声明的大小：{safe_text(info.filename, 80)}",
                                 f"member inflates past its declared size: {safe_text(info.filename, 80)}")
    return bytes(out)


def _bad_shape(what_zh: str, what_en: str) -> ZipRefused:
    return ZipRefused(Reason.ZIP_SHAPE, f"压缩包结构异常，不是台账写出的格式：{what_zh}",
                      f"the zip is not in the shape Taizhang writes: {what_en}")


def bad_name(name: str) -> bool:
    """A member name that is not plain printable ASCII, or a path outside the zip, or Windows-special."""
    if not name or len(name) > 255 or not name.isascii() or not name.isprintable():
        return True
    return (name.startswith(("/", "\\")) or "\\" in name or ":" in name or name.endswith("/")
            or any(part in ("", ".", "..") for part in name.split("/")))


def check_strict_shape(zf: zipfile.ZipFile, infos: list[zipfile.ZipInfo], fh, size: int) -> None:
    """Refuse any zip that is not byte-for-byte in the layout ``zipfile`` writes (what our writer makes).

    ``fh`` is a seekable binary file of the whole zip (``size`` bytes). Reads the 22-byte end record and
    each local header (30 bytes + name); nothing is inflated.
    """
    if zf.comment:
        raise _bad_shape("带有注释", "it has a zip comment")
    if size < _EOCD.size:
        raise _bad_shape("已截断", "truncated")
    fh.seek(size - _EOCD.size)
    sig, disk, cd_disk, n_disk, n_total, cd_size, cd_offset, comment_len = _EOCD.unpack(fh.read(_EOCD.size))
    if sig != _EOCD_SIG or comment_len or disk or cd_disk:
        raise _bad_shape("压缩包末尾有多余数据", "data after the end of the zip")
    if not (n_disk == n_total == len(infos)):
        raise _bad_shape("目录项数不一致", "the directory's entry counts disagree")
    if cd_offset + cd_size != size - _EOCD.size:
        raise _bad_shape("中央目录位置不符（有多余数据或 zip64）", "the central directory is not where it should be")
    expected = 0
    seen: set[str] = set()
    for info in infos:  # in directory order, which is the order our writer wrote them
        name = info.filename
        if bad_name(name):
            raise _bad_shape(f"部件名不合规：{safe_text(name, 80)}", f"bad member name: {safe_text(name, 80)}")
        folded = name.casefold()
        if folded in seen:  # OPC part names are case-insensitive
            raise _bad_shape(f"部件名重复：{safe_text(name, 80)}", f"duplicate member name: {safe_text(name, 80)}")
        seen.add(folded)
        if info.flag_bits & ~0x800 or info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED) \
                or info.extra or info.comment:
            raise _bad_shape(f"部件属性异常：{name}", f"unusual member flags, method or extra field: {name}")
        if info.header_offset != expected:
            raise _bad_shape(f"部件之间有空隙或重叠：{name}", f"gap or overlap before member: {name}")
        fh.seek(info.header_offset)
        head = fh.read(_LOCAL.size)
        if len(head) != _LOCAL.size:
            raise _bad_shape("已截断", "truncated")
        (lsig, _version, flags, method, ltime, ldate, crc, csize, usize, name_len, extra_len) = _LOCAL.unpack(head)
        raw_name = fh.read(name_len)
        if (lsig != _LOCAL_SIG or flags != info.flag_bits or method != info.compress_type
                or crc != info.CRC or csize != info.compress_size or usize != info.file_size
                or extra_len or raw_name != name.encode("ascii")
                or (ldate, ltime) != _dos_datetime(info.date_time)):
            raise _bad_shape(f"本地文件头与目录不一致：{name}", f"local header disagrees with the directory: {name}")
        expected = info.header_offset + _LOCAL.size + name_len + info.compress_size
    if expected != cd_offset:
        raise _bad_shape("最后一个部件与中央目录之间有多余数据", "data between the last member and the directory")


def member_chunks(data: bytes | memoryview, info: zipfile.ZipInfo,
                  chunk: int = _CHUNK) -> Iterator[bytes | memoryview]:
    """The inflated bytes of ``info`` in chunks of at most ``chunk``, read from ``data`` (the whole zip).

    What ``ZipFile.open`` + ``read`` does, without its per-member set-up: the local header is read again
    and must agree with the directory entry (method, flags, CRC, sizes), the member's stored bytes must all
    be there, a deflate stream is inflated by zlib and must end exactly at the member's end, and the bytes
    must come to the declared size and CRC-32. A stored member's chunks are views into ``data``, not copies.
    Nothing past the declared size is ever produced. Any failure is a ``zipfile.BadZipFile`` (what
    ``zipfile`` raises for a damaged member), raised after the last good chunk: a caller hashing the chunks
    must treat the member as damaged."""
    view = memoryview(data)
    at = info.header_offset
    head = view[at:at + _LOCAL.size]
    if at < 0 or len(head) != _LOCAL.size:
        raise zipfile.BadZipFile(f"truncated local header: {info.filename!r}")
    (sig, _version, flags, method, _time, _date, crc, csize, usize, name_len, extra_len) = _LOCAL.unpack(head)
    if (sig != _LOCAL_SIG or flags != info.flag_bits or method != info.compress_type or crc != info.CRC
            or csize != info.compress_size or usize != info.file_size):
        raise zipfile.BadZipFile(f"local header disagrees with the directory: {info.filename!r}")
    if flags & 0x1:
        raise zipfile.BadZipFile(f"encrypted member: {info.filename!r}")
    start = at + _LOCAL.size + name_len + extra_len
    raw = view[start:start + csize]
    if len(raw) != csize:
        raise zipfile.BadZipFile(f"truncated member: {info.filename!r}")
    total, crc_now = 0, 0
    if method == zipfile.ZIP_STORED:
        if csize != usize:
            raise zipfile.BadZipFile(f"stored member with two sizes: {info.filename!r}")
        for i in range(0, csize, chunk):
            view_piece = raw[i:i + chunk]  # a view of the bytes in hand: a stored photo is not copied to be hashed
            total += len(view_piece)
            crc_now = zlib.crc32(view_piece, crc_now)
            yield view_piece
    elif method == zipfile.ZIP_DEFLATED:
        inflater = zlib.decompressobj(-zlib.MAX_WBITS)
        pending: bytes | memoryview = raw
        while not inflater.eof:
            try:
                piece = inflater.decompress(pending, chunk)
            except zlib.error as exc:
                raise zipfile.BadZipFile(f"damaged deflate stream: {info.filename!r}") from exc
            pending = inflater.unconsumed_tail
            if not piece and not pending:
                break  # input used up, nothing more comes out, and the stream has not ended: truncated
            total += len(piece)
            if total > usize:
                raise zipfile.BadZipFile(f"member inflates past its declared size: {info.filename!r}")
            crc_now = zlib.crc32(piece, crc_now)
            if piece:
                yield piece
        if not inflater.eof or inflater.unused_data or pending:
            raise zipfile.BadZipFile(f"deflate stream does not end at the member's end: {info.filename!r}")
    else:
        raise zipfile.BadZipFile(f"unsupported compression method {method}: {info.filename!r}")
    if total != usize:
        raise zipfile.BadZipFile(f"member shorter than its declared size: {info.filename!r}")
    if crc_now != crc:
        raise zipfile.BadZipFile(f"Bad CRC-32 for file {info.filename!r}")


def read_member(data: bytes | memoryview, info: zipfile.ZipInfo, limit: int) -> bytes:
    """A member's whole bytes from the zip's bytes in memory (:func:`member_chunks`), refused over ``limit``."""
    if info.file_size > limit:
        raise ZipRefused("member_too_large", f"文件内部件过大：{safe_text(info.filename, 80)}",
                         f"member too large: {safe_text(info.filename, 80)}")
    return b"".join(member_chunks(data, info, max(info.file_size, 1)))


def _dos_datetime(dt) -> tuple[int, int]:
    year, month, day, hour, minute, second = dt
    return (year - 1980) << 9 | month << 5 | day, hour << 11 | minute << 5 | second // 2


def guard_office_file(path: str | os.PathLike, *, max_file: int, zh_what: str = "文件", en_what: str = "file",
                      max_members: int = OFFICE_MAX_MEMBERS, max_total: int = OFFICE_MAX_TOTAL,
                      max_member: int = OFFICE_MAX_MEMBER) -> None:
    """Call before openpyxl or python-docx opens ``path`` (.xlsx/.docx from another program): the size on
    disk, the member count, every member's declared inflated size and ratio, and names that are not text.
    openpyxl and python-docx read members through zipfile, which stops at the declared size (and fails
    the CRC when a stream inflates past it), so bounding the declared sizes bounds what they inflate."""
    checked_size(path, max_file, zh_what, en_what)
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except ZIP_ERRORS as exc:  # an undecodable name is a UnicodeDecodeError (a ValueError)
        raise ZipRefused("not_a_zip", f"{zh_what}不是有效的 Office 文件（不是 zip 格式或已损坏）",
                         f"the {en_what} is not a valid Office file (not a zip, or damaged)") from exc
    check_inflation(infos, max_members=max_members, max_total=max_total, max_member=max_member)
    for info in infos:
        if "\x00" in info.filename or info.flag_bits & 0x1:
            raise ZipRefused(Reason.ZIP_SHAPE, f"{zh_what}内含不合规的部件：{safe_text(info.filename, 80)}",
                             f"the {en_what} has a bad member: {safe_text(info.filename, 80)}")


PLAN_DOCUMENT_MAX_BYTES = 20 << 20  # as the plan reader's own limit


def guard_plan_document(path: str | os.PathLike) -> None:
    """For the plan reader: a .docx/.xlsx plan document bounded before python-docx/openpyxl parse it."""
    guard_office_file(path, max_file=PLAN_DOCUMENT_MAX_BYTES, zh_what="计划文件", en_what="plan document",
                      max_total=128 << 20, max_member=64 << 20)
