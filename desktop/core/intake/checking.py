"""The CPU-heavy half of merging a file: hash it, verify its signature and parts, check its content.

For big batches the checking runs in worker processes while the merge applies the already-checked files
in order, so both cores work. Checking never raises for a bad file: the reason travels in ``Checked``.
"""

from __future__ import annotations

import gc
import hashlib
import multiprocessing
import os
import zipfile
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass
from itertools import islice

from desktop.core import zipsafe
from desktop.core.intake.inputs import Input
from desktop.core.package import reportbook, resaved, tamper, visible
from desktop.core.package.container import (
    MAX_FILE_BYTES,
    PackageInvalid,
    VerifiedPackage,
    check_active_content,
    verify_package,
)
from desktop.core.signing import crypto
from desktop.core.words import PackageKind


@dataclass
class Checked:
    """The CPU-heavy half of merging one file (hashing, signature, parts), done before the transaction."""

    sha256: str
    pkg: VerifiedPackage | None = None
    error: PackageInvalid | None = None


def unreadable(exc: BaseException) -> PackageInvalid:
    """Why a file could not be read, and what to do, in words a person acts on."""
    if isinstance(exc, PermissionError):  # Windows: a sharing violation while Excel/WPS has the file open
        return PackageInvalid("文件被其他程序占用或没有读取权限（例如正在 Excel/WPS 中打开）：请关闭该程序后重新导入",
                              "the file is in use by another program or cannot be read (is it open in Excel/WPS?);"
                              " close it and import again")
    if isinstance(exc, FileNotFoundError):
        return PackageInvalid("找不到文件（U盘已拔出，或文件已被移动）", "file not found (USB stick removed, or the file moved)")
    reason = getattr(exc, "strerror", None) or str(exc)
    return PackageInvalid(f"无法读取文件：{reason}", f"cannot read the file: {reason}")


def check(inp: Input) -> Checked:
    """Hash and verify one input; never raises for a bad file. Runs in worker processes for big batches."""
    if inp.skipped:  # never opened (merge_one gives it its own outcome)
        return Checked(hashlib.sha256(inp.display.encode("utf-8")).hexdigest(),
                       error=PackageInvalid("不是普通文件，未读取", "not a regular file; not read"))
    if inp.broken:
        return Checked(hashlib.sha256(inp.display.encode("utf-8")).hexdigest(),
                       error=PackageInvalid("压缩包内的文件过大或已损坏", "archive member too large or damaged"))
    try:
        if inp.member is None and inp.path is not None:  # stat before reading or hashing: a sparse 4 GB
            zipsafe.checked_size(inp.path, MAX_FILE_BYTES)           # file is refused at once
        source = inp.source()
        sha = hashlib.sha256(source).hexdigest() if isinstance(source, bytes) else crypto.sha256_file(source)
    except zipsafe.ZipRefused as exc:
        return Checked(hashlib.sha256(inp.display.encode("utf-8")).hexdigest(), error=PackageInvalid(exc.zh, exc.en))
    except (OSError, zipfile.BadZipFile, EOFError, ValueError) as exc:
        return Checked(hashlib.sha256(inp.display.encode("utf-8")).hexdigest(), error=unreadable(exc))
    try:
        return Checked(sha, pkg=_verified(source, sha))
    except PackageInvalid as exc:
        return Checked(sha, error=resaved.explain(source, tamper.explain(source, exc), inp.display))


def check_for_merge(inp: Input) -> Checked:
    """``check`` as a worker process runs it: the verdict and what the merge needs (manifest, key, hash, where
    the file is), without the file's bytes, which the merge reads again only where it needs them (the
    archive, evidence)."""
    checked = check(inp)
    if checked.pkg is not None:
        checked.pkg = checked.pkg.without_bytes(inp.path, inp.member)
    return checked


def check_archived(sha: str, data: bytes) -> Checked:
    """Re-check a file kept in the archive (bytes in hand, nothing read from disk)."""
    try:
        return Checked(sha, pkg=_verified(data, sha))
    except PackageInvalid as exc:
        return Checked(sha, error=exc)


def _verified(source, sha: str) -> VerifiedPackage:
    """Every check a report passes before it may be merged: signature and parts, content, visible sheets.

    The parts the visible check rebuilds are not scanned for active content on the way: a file is accepted
    only when they are byte for byte what our writer makes, which holds none (a third of verifying a report
    was that scan). When the file is refused, the scan runs first, so the reason is the one a full
    ``verify_package`` gives."""
    pkg = verify_package(source, expect_kind=PackageKind.REPORT, file_sha256=sha, scan_rebuilt=False)
    try:
        reportbook.check_content(pkg.manifest)
        visible.check(pkg)
    except PackageInvalid:
        _active_content_first(source, pkg)
        raise
    return pkg


def _active_content_first(source, pkg: VerifiedPackage) -> None:
    """Raise what ``verify_package``'s active-content scan would have raised for this file, if anything."""
    try:
        check_active_content(source, pkg.manifest.get("sheets"))
    except PackageInvalid as exc:
        exc.manifest, exc.fingerprint = pkg.manifest, pkg.fingerprint  # as verify_package attaches them
        raise


# Files; below this the worker pool's start-up (a forkserver and its imports) costs more than it saves:
# on 2 cores 100 files checked in this process and in the pool took the same time, 300 files were faster
# in the pool.
PARALLEL_FROM = 200
# Bytes per file from which a batch is checked in this process even when it is big: a worker hands back
# no bytes, so this process would read and hash each big file again to archive it; checked in a thread
# here, the bytes read once serve the check, the archive and the evidence references.
POOL_BELOW_AVERAGE = 1 << 20
_WINDOW = 32
# Files a worker checks per call: each call costs this process a pickled call, a result message and a future
# on the pool's manager thread (about 0.6 ms per file when every file was a call of its own).
_CHUNK = 8
# Files checked ahead in this process's check threads (each held in memory until it is applied, at most
# ``inputs._READ_WHOLE_BELOW`` each): the next files are read, hashed and verified while this thread writes and
# commits the one before.
_AHEAD = 3
# Check threads for big files. A big file's check is mostly two SHA-256 passes, a CRC and inflating, which run
# outside the GIL, and took longer than writing the file: with one thread this one waited for checks most of a
# merge. A small file's check is Python (the sheets rebuilt), which a second thread only slows (5-15 %).
_BIG_FILE_THREADS = 2


def checked_in_order(inputs: list[Input], workers: int | None,
                     cancelled: Callable[[], bool] | None) -> Iterator[tuple[Input, Checked, Future | None]]:
    """Each input with its check, in input order, and the next input's check under way (None: there is no
    next): in worker processes from ``PARALLEL_FROM`` inputs of small files on, else in threads of this
    process (two for big files, one for small ones), a few files ahead of the caller."""
    big = _big_files(inputs)
    if workers is None:
        # one worker per core: this process mostly waits for results (applying a file costs a fraction of
        # checking it), so leaving it a core of its own left that core idle
        workers = max(1, os.cpu_count() or 1) if len(inputs) >= PARALLEL_FROM and not big else 0
    if workers == 0:
        with ThreadPoolExecutor(max_workers=_BIG_FILE_THREADS if big else 1,
                                thread_name_prefix="taizhang-check") as threads:
            yield from _in_order(threads, check, inputs, _AHEAD, 1, cancelled)
        return
    method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    context = multiprocessing.get_context(method)
    if method == "forkserver":
        context.set_forkserver_preload([__name__])
    with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_worker_started) as pool:
        yield from _in_order(pool, _checked_in_worker, inputs, _WINDOW, _CHUNK, cancelled)


def _big_files(inputs: list[Input]) -> bool:
    """Whether the inputs are big files on average (``POOL_BELOW_AVERAGE`` bytes or more)."""
    sizes = [inp.size() for inp in inputs]
    return bool(sizes) and sum(sizes) >= POOL_BELOW_AVERAGE * len(sizes)


def _each(fn: Callable[[Input], Checked], inputs: list[Input]) -> list[Checked]:
    return [fn(inp) for inp in inputs]


def _worker_started() -> None:
    """A worker process's first step: what it imported is moved out of the collector's sight (``gc.freeze``),
    so a collection walks only what checking makes."""
    gc.collect()
    gc.freeze()


def _checked_in_worker(inp: Input) -> Checked:
    """``check_for_merge`` in a worker process, the cyclic collector off while one file is checked and run on
    what it left once it is done: checking a file makes tens of thousands of short-lived objects (a recorded
    workbook's cells), so the collector would otherwise run many times per file over objects that live
    until the file's verdict. Only a worker process does this: the collector is one per process, and the
    merge's own process (the window, in the GUI) keeps its own settings."""
    gc.disable()
    try:
        return check_for_merge(inp)
    finally:
        gc.enable()
        gc.collect(1)


def _in_order(executor: Executor, fn: Callable[[Input], Checked], inputs: list[Input], window: int, chunk: int,
              cancelled: Callable[[], bool] | None) -> Iterator[tuple[Input, Checked, Future | None]]:
    """``fn`` of each input run by ``executor``, ``chunk`` inputs per call, at most ``window`` inputs ahead;
    results in input order, each with the future of the next one (a done one within a chunk)."""
    pending: deque = deque()
    feed = iter(inputs)
    ready: Future = Future()
    ready.set_result(None)
    try:
        while True:
            while len(pending) * chunk < window and (part := list(islice(feed, chunk))):
                pending.append((part, executor.submit(_each, fn, part)))
            if not pending:
                return
            part, future = pending.popleft()
            checked = future.result()
            for i, (inp, one) in enumerate(zip(part, checked, strict=True)):
                if cancelled and cancelled():
                    return
                yield inp, one, ready if i + 1 < len(part) else pending[0][1] if pending else None
    finally:
        for _, future in pending:
            future.cancel()
