"""Write a file so that readers see the old file or the complete new one, never half of it."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from desktop.core.errors import TaizhangError


@contextmanager
def atomic_target(target: str | os.PathLike) -> Iterator[Path]:
    """Yield a temp path beside ``target``; on success it is synced and renamed over ``target``.

    On any failure the temp file is removed; an OSError (disk full, read-only folder, no such
    folder) becomes a TaizhangError naming the file.
    """
    target = Path(target)
    tmp = None
    try:
        fd, name = tempfile.mkstemp(prefix=f".{target.stem[:40]}-", suffix=".part", dir=target.parent)
        os.close(fd)
        tmp = Path(name)
        yield tmp
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, target)
        tmp = None
    except OSError as exc:
        raise TaizhangError(f"无法写入文件 {target}：{exc.strerror or exc}",
                            f"cannot write {target}: {exc.strerror or exc}") from exc
    finally:
        if tmp is not None:
            tmp.unlink(missing_ok=True)
