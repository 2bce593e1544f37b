"""The school's exported files (exports): revisions, and which file each one was. The only writer."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from desktop.core.clock import now_iso
from desktop.core.db.atomic import atomic_target
from desktop.core.db.blobs import insert_streamed
from desktop.core.errors import TaizhangError
from desktop.core.signing.crypto import sha256_file

_CHUNK = 1 << 20


def next_revision(db, plan_id: str, period: str) -> int:
    """Each export of a plan and period is the next revision: 1, 2, …"""
    return db.execute("SELECT COALESCE(MAX(revision), 0) + 1 FROM exports WHERE plan_id = ? AND period = ?",
                      [plan_id, period]).fetchone()[0]


def start(db, package_id: str, plan_id: str, period: str, file_name: str) -> int:
    """Reserve the next revision for an export being written; returns it. Call in a transaction."""
    revision = next_revision(db, plan_id, period)
    db.execute("INSERT INTO exports (package_id, plan_id, period, revision, file_name, sha256, created_at)"
               " VALUES (?, ?, ?, ?, ?, '', ?)", [package_id, plan_id, period, revision, file_name, now_iso()])
    return revision


def abandon(db, package_id: str) -> None:
    """The file was not written: its revision is free again."""
    db.execute("DELETE FROM exports WHERE package_id = ?", [package_id])


def finish(db, package_id: str, sha256: str) -> None:
    db.execute("UPDATE exports SET sha256 = ? WHERE package_id = ?", [sha256, package_id])


def keep_file(db, package_id: str, path) -> str:
    """Store the exact bytes of the written file (streamed, never whole in memory); returns their SHA-256.
    Call in the transaction that finishes the export."""
    path = Path(path)
    # hashed first, so the row is written once: an UPDATE afterwards would rebuild the row, its BLOB whole in
    # memory twice (a 200 MB report took 490 MB)
    sha = sha256_file(path)
    with open(path, "rb") as fh:
        size = os.fstat(fh.fileno()).st_size
        written = insert_streamed(db, "export_files", "data", {"package_id": package_id, "sha256": sha, "size": size},
                                  size, fh)
    if written != sha:
        raise TaizhangError("导出的文件在保存记录时被改动，请重新导出", "the exported file changed while it was being kept; export again")
    return sha


def history(db) -> list[dict]:
    """Every finished export, newest first, with whether its original bytes are kept (导出记录)."""
    rows = db.execute(
        "SELECT e.package_id, e.plan_id, e.period, e.revision, e.file_name, e.sha256, e.created_at, f.size"
        " FROM exports e LEFT JOIN export_files f USING (package_id) WHERE e.sha256 != ''"
        " ORDER BY e.created_at DESC, e.revision DESC").fetchall()
    keys = ("package_id", "plan_id", "period", "revision", "file_name", "sha256", "created_at", "size")
    return [dict(zip(keys, r, strict=True), kept=r[7] is not None) for r in rows]


def find(db, plan_id: str, period: str, revision: int) -> dict:
    for row in history(db):
        if (row["plan_id"], row["period"], row["revision"]) == (plan_id, period, revision):
            return row
    raise TaizhangError(f"没有“{period}”第 {revision} 次报送的导出记录",
                        f"no export of revision {revision} for period '{period}'")


def kept_bytes(db, package_id: str) -> bytes:
    """The original file of an export, whole (for verifying it before printing its 备案表)."""
    row = db.execute("SELECT data FROM export_files WHERE package_id = ?", [package_id]).fetchone()
    if row is None:
        raise _not_kept()
    return bytes(row[0])


def save_copy(db, package_id: str, target) -> Path:
    """Write the exact original bytes of an export to ``target`` (temp file, then rename), checked
    against the SHA-256 recorded when it was exported."""
    row = db.execute("SELECT f.rowid, f.sha256, e.sha256 FROM export_files f JOIN exports e USING (package_id)"
                     " WHERE package_id = ?", [package_id]).fetchone()
    if row is None:
        raise _not_kept()
    rowid, kept_sha, exported_sha = row
    digest = hashlib.sha256()
    with atomic_target(target) as tmp:
        with db.conn.blobopen("export_files", "data", rowid, readonly=True) as blob, open(tmp, "wb") as out:
            while chunk := blob.read(_CHUNK):
                digest.update(chunk)
                out.write(chunk)
        if digest.hexdigest() != kept_sha or kept_sha != exported_sha:
            raise TaizhangError("保存的原文件已损坏（摘要不符）", "the kept original is damaged (hash mismatch)")
    return Path(target)


def _not_kept() -> TaizhangError:
    return TaizhangError("这次导出的原文件没有保存在数据文件中（在升级到保存导出记录的版本之前导出）",
                         "the original of this export is not kept (it was exported before this version kept them)")


def written(db, plan_id: str, period: str) -> list[dict]:
    """The files written for the plan and period, in revision order."""
    return [{"revision": r[0], "file_name": r[1], "created_at": r[2]} for r in db.execute(
        "SELECT revision, file_name, created_at FROM exports WHERE plan_id = ? AND period = ? AND sha256 != ''"
        " ORDER BY revision", [plan_id, period]).fetchall()]
