"""Large values streamed into and out of BLOB columns in chunks, never whole in memory; and ranges of a BLOB
that holds a zip file (a received package) read as the member they are, inflated and hash-checked."""

from __future__ import annotations

import hashlib
import io
import struct
import zipfile
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from desktop.core.errors import TaizhangError

_CHUNK = 1 << 20
# While a big value is written the page cache holds it whole (up to this many KiB), so SQLite writes each of
# its pages once, at commit, instead of spilling the zero-filled pages to the log and writing them again.
_WRITE_CACHE_KIB = 64 << 10
STORED, DEFLATED = zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED
# a member's local header, as zipfile reads it (zipfile.structFileHeader): its name and extra field lengths
# (fields 10 and 11) say where the member's data starts
_LOCAL_HEADER = struct.Struct("<4s2B4HL2L2H")
_LOCAL_SIGNATURE = b"PK\003\004"


class BlobChanged(TaizhangError):
    """What was read back is not what was expected (a file changed while being copied, a damaged value)."""


@contextmanager
def _cache_holding(db, size: int) -> Iterator[None]:
    """The page cache raised to hold a value of ``size`` bytes (up to ``_WRITE_CACHE_KIB``), then restored."""
    old = db.execute("PRAGMA cache_size").fetchone()[0]
    want = min((size >> 10) + 2048, _WRITE_CACHE_KIB)
    if old >= 0 or -old < want:  # a negative cache_size is KiB, a positive one pages
        db.execute(f"PRAGMA cache_size = -{int(want)}")
    try:
        yield
    finally:
        db.execute(f"PRAGMA cache_size = {int(old)}")


# (table, column) -> whether the column ends the table's rows (looked up once per process)
_LAST_COLUMN: dict[tuple[str, str], bool] = {}


def _insert_zeroblob(db, table: str, column: str, values: dict, size: int) -> int:
    """A new row whose ``column`` is ``size`` zero bytes, to be written through a blob handle. SQLite keeps a
    zeroblob unmaterialised only when it is the last column of the row: anywhere else the zeros are built whole
    in memory, and the record around them a second time (a 300 MB file took 750 MB). So a BLOB written here must
    end its table's rows: anything else is refused, before a row is written."""
    last = _LAST_COLUMN.get((table, column))
    if last is None:
        columns = [r[1] for r in db.execute(f"PRAGMA table_info({table})").fetchall()]
        last = _LAST_COLUMN[(table, column)] = bool(columns) and columns[-1] == column
    if not last:
        raise ValueError(f"{table}.{column} is not its table's last column: its BLOB would be built whole in memory")
    names = [*values, column]
    return db.execute(f"INSERT INTO {table} ({', '.join(names)})"
                      f" VALUES ({', '.join('?' * len(values))}, zeroblob(?))", [*values.values(), size]).lastrowid


def insert_bytes(db, table: str, column: str, values: dict, data: bytes | memoryview) -> None:
    """Insert a row whose ``column`` is the BLOB ``data``, bytes already in hand (and already hashed by the
    caller): copied once, straight into the row's pages, where a bound parameter is copied into a value, then
    a record, then the pages. Call inside a transaction."""
    with _cache_holding(db, len(data)):
        rowid = _insert_zeroblob(db, table, column, values, len(data))
        with db.conn.blobopen(table, column, rowid) as blob:
            blob.write(data)


def insert_streamed(db, table: str, column: str, values: dict, size: int, stream, chunk: int = _CHUNK,
                    inspect: Callable[[Any], None] | None = None) -> str:
    """Insert a row whose ``column`` is a BLOB of ``size`` bytes read from ``stream`` in chunks (never whole
    in memory); returns the SHA-256 of what was written, hashed on the same pass. ``inspect`` is called with
    the open blob once it is written (reading it back then is cheap: the handle knows where every page is,
    a new handle would first walk the whole page chain). Call inside a transaction."""
    with _cache_holding(db, size):
        rowid = _insert_zeroblob(db, table, column, values, size)
        digest = hashlib.sha256()
        written = 0
        with db.conn.blobopen(table, column, rowid) as blob:
            while block := stream.read(chunk):
                if written + len(block) > size:
                    raise BlobChanged("文件比检查时更长（复制过程中被改动）", "the file grew while it was being copied")
                digest.update(block)
                blob.write(block)
                written += len(block)
            if written == size and inspect is not None:
                inspect(blob)
        if written != size:
            raise BlobChanged("文件比检查时更短（复制过程中被改动）", "the file shrank while it was being copied")
    return digest.hexdigest()


class BlobFile(io.RawIOBase):
    """A read-only, seekable file over an open ``sqlite3.Blob`` (what zipfile reads a directory from)."""

    def __init__(self, blob):
        self._blob = blob

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def seek(self, offset: int, whence: int = 0) -> int:
        self._blob.seek(offset, whence)
        return self._blob.tell()

    def tell(self) -> int:
        return self._blob.tell()

    def readinto(self, b) -> int:
        data = self._blob.read(len(b))
        b[:len(data)] = data
        return len(data)


def read_whole(db, table: str, column: str, rowid: int) -> bytes:
    """A BLOB's bytes, copied once (a ``SELECT`` of the value copies it into the row's value, then into bytes)."""
    with db.conn.blobopen(table, column, rowid, readonly=True) as blob:
        return blob.read()


def zip_members(blob) -> dict[str, tuple[int, int, int, int]]:
    """name → (offset of the member's data, compressed length, compression method, size) of every member of
    the zip file held in ``blob`` (an open ``sqlite3.Blob``, or any seekable binary file); zipfile reads the
    directory, each local header gives where the data starts. Raises zipfile.BadZipFile (or OSError,
    ValueError) for bytes that are not a zip file."""
    out = {}
    with zipfile.ZipFile(BlobFile(blob)) as zf:
        for info in zf.infolist():
            blob.seek(info.header_offset)
            head = blob.read(_LOCAL_HEADER.size)
            if len(head) != _LOCAL_HEADER.size:
                raise zipfile.BadZipFile("truncated local header")
            fields = _LOCAL_HEADER.unpack(head)
            if fields[0] != _LOCAL_SIGNATURE:
                raise zipfile.BadZipFile("bad local header")
            start = info.header_offset + _LOCAL_HEADER.size + fields[10] + fields[11]
            out[info.filename] = (start, info.compress_size, info.compress_type, info.file_size)
    return out


class RangeReader:
    """A read-only stream over ``length`` bytes of ``blob`` from ``offset`` (inflated when ``method`` is
    deflate); the SHA-256 (and size) of what comes out is checked at the end: a mismatch raises BlobChanged
    instead of handing out wrong bytes. Closes the blob when closed."""

    def __init__(self, blob, offset: int, length: int, method: int, sha256: str, size: int | None = None):
        if method not in (STORED, DEFLATED):
            blob.close()
            raise BlobChanged("不支持的压缩方式", f"unsupported compression method {method}")
        self._blob, self._left, self._sha, self._size = blob, length, sha256, size
        self._inflate = zlib.decompressobj(-15) if method == DEFLATED else None
        self._pending = b""
        self._digest = hashlib.sha256()
        self._out = 0
        self._done = False
        blob.seek(offset)

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self._blob.close()

    def _raw(self, n: int) -> bytes:
        data = self._blob.read(min(n, self._left)) if self._left > 0 else b""
        self._left -= len(data)
        return data

    def _next(self, n: int) -> bytes:
        if self._inflate is None:
            return self._raw(n)
        while True:
            source = self._inflate.unconsumed_tail or self._raw(_CHUNK)
            try:
                out = self._inflate.decompress(source, n)
            except zlib.error as exc:
                raise BlobChanged("存档中的文件已损坏（无法解压）", "the stored file is damaged (cannot inflate)") from exc
            if out or (not source and not self._inflate.unconsumed_tail):
                return out

    def read(self, n: int = -1) -> bytes:
        if self._done:
            return b""
        if n is None or n < 0:
            return b"".join(iter(lambda: self.read(_CHUNK), b""))
        data = self._next(max(n, 1))
        if data:
            self._digest.update(data)
            self._out += len(data)
            return data
        self._done = True
        if self._digest.hexdigest() != self._sha or (self._size is not None and self._out != self._size):
            raise BlobChanged("存储的文件与登记的校验值不符（数据已损坏）",
                              "the stored file does not match its recorded SHA-256 (the data is damaged)")
        return b""


def range_matches(blob, offset: int, length: int, method: int, sha256: str, size: int | None = None) -> bool:
    """Does the range read as (inflate if need be) the bytes with this SHA-256? Leaves ``blob`` open."""
    try:
        reader = RangeReader(_Unclosed(blob), offset, length, method, sha256, size)
        while reader.read(_CHUNK):
            pass
    except BlobChanged:
        return False
    return True


class _Unclosed:
    """A blob handed to a RangeReader that must stay open after it."""

    def __init__(self, blob):
        self._blob = blob

    def __getattr__(self, name):
        return getattr(self._blob, name)

    def close(self) -> None:
        pass
