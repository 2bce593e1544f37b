"""What a merge looks at: files, folders and .zip archives of packages, each an ``Input``.

Names are only ever shown to people; no path is derived from a name inside an archive.
"""

from __future__ import annotations

import os
import stat
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from desktop.core import zipsafe
from desktop.core.package.container import MAX_FILE_BYTES, MAX_RATIO
from desktop.core.words import Reason

MAX_ARCHIVE_MEMBERS = 20000
# A file up to this size is read once, whole: its hash, its check, its archive row and its evidence references
# all come from those bytes (a school's report with 30 photos is ~13 MB). A bigger one is streamed from disk.
_READ_WHOLE_BELOW = 32 << 20
MAX_ARCHIVE_TOTAL = 4 << 30


@dataclass
class Input:
    """One package to merge: a file on disk, or a member of a .zip archive (read when needed).

    ``display`` is only ever shown to people; no path is derived from a name inside an archive.
    """

    display: str
    path: Path | None = None
    member: str | None = None  # set for a member of the .zip at ``path``
    broken: bool = False  # an archive member over the limits: rejected without reading
    skipped: str | None = None  # a Reason: a special file or an outside link in a folder, never opened
    member_size: int = 0  # a member's inflated size, as the archive's directory declares it

    def __post_init__(self):  # undecodable names (lone surrogates) and control characters: shown escaped
        self.display = zipsafe.safe_text(self.display, 4096)

    def read(self) -> bytes:
        assert self.path is not None  # only inputs rebuilt from the archive have no path, and they are never read
        if self.member is None:
            return self.path.read_bytes()
        with zipfile.ZipFile(self.path) as zf:
            return zf.read(self.member)

    def size(self) -> int:
        """Bytes to read (declared, for a member; 0 for what is never read or cannot be stat'ed)."""
        if self.skipped or self.broken or self.path is None:
            return 0
        if self.member is not None:
            return self.member_size
        try:
            return self.path.stat().st_size
        except OSError:
            return 0

    def source(self):
        """What verify_package takes: the bytes of an archive member or of a file up to ``_READ_WHOLE_BELOW``
        (read once), the path of a bigger one (evidence is streamed, never held whole)."""
        if self.member is None and self.path.stat().st_size > _READ_WHOLE_BELOW:
            return self.path
        return self.read()


_UTF8_FLAG = 0x800


def member_display_name(info: zipfile.ZipInfo) -> str:
    """The member's name as its maker meant it, for display only (the member is still read by
    ``info.filename``). Zips made on Chinese Windows (Explorer's 发送到压缩文件夹, WinRAR, 360压缩) store
    names in GBK without the UTF-8 flag (bit 11), which zipfile decodes as cp437 (``╡┌1╓╨╤º…``)."""
    if info.flag_bits & _UTF8_FLAG:
        return info.filename
    try:
        raw = info.filename.encode("cp437")
    except UnicodeEncodeError:
        return info.filename
    if raw.isascii():
        return info.filename
    try:
        return raw.decode("utf-8")  # some tools write UTF-8 without setting the flag
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("gb18030")  # GB18030 decodes every GBK/CP936 name
    except UnicodeDecodeError:
        return info.filename


def collect_inputs(paths: Iterable) -> Iterator[Input]:
    """Files, folders (recursive, sorted) and .zip archives of packages. Names are only for display.

    In a folder, a FIFO, a device or a socket is never opened (reading one hangs or never ends), and a
    link leading out of the chosen folder is not followed: each gets its own outcome row instead. Folder
    links are not descended into (os.walk without followlinks), so a loop cannot run forever."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():  # in a folder only workbooks and archives count (a USB stick holds much else)
            root = path.resolve()
            found: list[Path] = []
            for folder, dirs, files in os.walk(path):
                dirs[:] = [d for d in dirs if not d.startswith(".")]
                found.extend(Path(folder) / f for f in files)
            for sub in sorted(found):
                if sub.name.startswith((".", "~$")) or sub.suffix.lower() not in (".xlsx", ".xlsm", ".zip"):
                    continue
                skipped = _special(sub, root)
                if skipped:
                    yield Input(str(sub), skipped=skipped)
                else:
                    yield from _file_inputs(sub)
        elif path.exists() and not path.is_file():
            yield Input(str(path), skipped=Reason.NOT_A_FILE)
        else:
            yield from _file_inputs(path)


def _special(path: Path, root: Path) -> str | None:
    """Why a name in a chosen folder is not read: not a regular file, or a link leading out of the folder."""
    try:
        if not stat.S_ISREG(path.stat().st_mode):  # FIFO, device, socket (a link to one included)
            return Reason.NOT_A_FILE
        if path.is_symlink() and not path.resolve().is_relative_to(root):
            return Reason.OUTSIDE_FOLDER
    except (OSError, RuntimeError):  # a dangling link or a link loop
        return Reason.NOT_A_FILE
    return None


def _file_inputs(path: Path) -> Iterator[Input]:
    if path.suffix.lower() != ".zip" or not path.is_file():
        yield Input(str(path), path=path)
        return
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError):
        yield Input(str(path), path=path)  # verify will explain
        return
    with zf:
        infos = [i for i in zf.infolist() if not i.is_dir()]
        if len(infos) > MAX_ARCHIVE_MEMBERS or sum(i.file_size for i in infos) > MAX_ARCHIVE_TOTAL:
            yield Input(str(path), path=path, broken=True)
            return
        for info in infos:
            shown = member_display_name(info)
            base = shown.replace("\\", "/").split("/")[-1]
            if not base.lower().endswith((".xlsx", ".xlsm")) or base.startswith((".", "~$")):
                continue
            bomb = info.file_size > (1 << 20) and info.file_size > MAX_RATIO * max(info.compress_size, 1)
            yield Input(f"{path}!{shown}", path=path, member=info.filename, member_size=info.file_size,
                        broken=info.file_size > MAX_FILE_BYTES or bomb)
