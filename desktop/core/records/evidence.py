"""Evidence files (evidence, content-addressed, stored once) and which entry they back (entry_evidence).

School side, a file's bytes are in ``evidence_bytes.data`` (``evidence.data`` for files stored before schema 9;
a BLOB is written into a table whose last column it is, so it is never built whole in memory). Bureau side, a
file that came inside a received report is not copied: its row names the archived file and the member's place
in it (``archive_sha256``, ``member_offset``, ``member_length``, ``member_method``) and reading it reads that
range, inflated when it was deflated. Either way what is read is checked against the file's SHA-256."""

from __future__ import annotations

import mimetypes
from pathlib import Path

from desktop.core.clock import now_iso
from desktop.core.db import blobs
from desktop.core.db.blobs import insert_streamed
from desktop.core.db.connection import transaction
from desktop.core.errors import TaizhangError
from desktop.core.signing.crypto import sha256_file

MAX_EVIDENCE_BYTES = 300 << 20
_CHUNK = 1 << 20


def evidence_counts(db, school: str, plan_id: str, period: str) -> dict[str, int]:
    """task_id → number of evidence files attached."""
    return dict(db.execute("SELECT task_id, COUNT(*) FROM entry_evidence WHERE school_code = ? AND plan_id = ?"
                           " AND period = ? GROUP BY task_id", [school, plan_id, period]).fetchall())


def add_evidence(db, school: str, plan_id: str, task_id: str, period: str, file_path, name: str | None = None) -> str:
    """Copy a file into the database (content-addressed, streamed) and attach it; returns its SHA-256."""
    path = Path(file_path)
    if not path.is_file():
        raise TaizhangError(f"找不到文件：{path}", f"file not found: {path}")
    size = path.stat().st_size
    if size == 0:
        raise TaizhangError("文件是空的（0 字节），没有内容可作佐证；请检查是否选错了文件，或文件没有保存完整",
                            "the file is empty (0 bytes): nothing to show as evidence; check it is the right file "
                            "and that it was saved completely")
    if size > MAX_EVIDENCE_BYTES:
        raise TaizhangError(f"文件过大（{size >> 20} MB，单个佐证材料上限 {MAX_EVIDENCE_BYTES >> 20} MB）",
                            f"file too large ({size >> 20} MB; limit {MAX_EVIDENCE_BYTES >> 20} MB per file)")
    sha = sha256_file(path)
    mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    display = (name or path.name)[:255]
    same = db.execute("SELECT name FROM entry_evidence WHERE school_code = ? AND plan_id = ? AND task_id = ?"
                      " AND period = ? AND sha256 = ?", [school, plan_id, task_id, period, sha]).fetchone()
    if same is not None:
        raise TaizhangError(f"这份材料已经添加到本任务（“{same[0]}”），没有重复添加",
                            f"this file is already attached to the task (as \"{same[0]}\"); not added twice")
    with transaction(db):
        if not is_stored(db, sha):
            with open(path, "rb") as fh:
                written = _store_bytes(db, sha, size, mime, fh)
            if written != sha:
                raise TaizhangError("文件在复制时被改动，请重试", "the file changed while it was being copied; try again")
        db.execute("INSERT INTO entry_evidence (school_code, plan_id, task_id, period, sha256, name, added_at)"
                   " VALUES (?, ?, ?, ?, ?, ?, ?)", [school, plan_id, task_id, period, sha, display, now_iso()])
        from desktop.core.records import entries  # entries imports this module: import at call time

        entries.touch(db, school, plan_id, task_id, period)
    return sha


def remove_evidence(db, school: str, plan_id: str, task_id: str, period: str, sha256: str) -> None:
    """Detach a file from the task; its bytes go only when no task of any period links it any more."""
    with transaction(db):
        gone = db.execute("DELETE FROM entry_evidence WHERE school_code = ? AND plan_id = ? AND task_id = ?"
                          " AND period = ? AND sha256 = ?", [school, plan_id, task_id, period, sha256]).rowcount
        db.execute("DELETE FROM evidence WHERE sha256 = ? AND NOT EXISTS"
                   " (SELECT 1 FROM entry_evidence WHERE sha256 = ?)", [sha256, sha256])
        if gone:
            from desktop.core.records import entries  # entries imports this module: import at call time

            entries.touch(db, school, plan_id, task_id, period)


def reuse_evidence(db, school: str, plan_id: str, task_id: str, period: str, sha256: str) -> str:
    """Let a file the school already stored back one more task (chosen from its files, stored once); returns the
    name it is listed under."""
    row = db.execute("SELECT name FROM entry_evidence WHERE school_code = ? AND sha256 = ? ORDER BY added_at DESC"
                     " LIMIT 1", [school, sha256]).fetchone()
    if row is None or not is_stored(db, sha256):
        raise TaizhangError("本校没有这份材料，请先添加文件", "this school has no such file; add the file first")
    same = db.execute("SELECT name FROM entry_evidence WHERE school_code = ? AND plan_id = ? AND task_id = ?"
                      " AND period = ? AND sha256 = ?", [school, plan_id, task_id, period, sha256]).fetchone()
    if same is not None:
        raise TaizhangError(f"这份材料已经添加到本任务（“{same[0]}”），没有重复添加",
                            f"this file is already attached to the task (as \"{same[0]}\"); not added twice")
    with transaction(db):
        link(db, school, plan_id, task_id, period, sha256, row[0], now_iso())
        from desktop.core.records import entries  # entries imports this module: import at call time

        entries.touch(db, school, plan_id, task_id, period)
    return row[0]


def school_files(db, school: str) -> list[dict]:
    """Every file the school stored, once each (the newest name it was listed under), newest first, with the
    tasks and periods it backs: what 从已有材料中选择 offers."""
    out: dict[str, dict] = {}
    for sha, name, added_at, task_id, period, size, mime in db.execute(
            "SELECT ee.sha256, ee.name, ee.added_at, ee.task_id, ee.period, e.size, e.mime FROM entry_evidence ee"
            " JOIN evidence e USING (sha256) WHERE ee.school_code = ? ORDER BY ee.added_at DESC, ee.name",
            [school]).fetchall():
        f = out.setdefault(sha, {"sha256": sha, "name": name, "added_at": added_at, "size": size, "mime": mime,
                                 "uses": []})
        f["uses"].append({"task_id": task_id, "period": period})
    return list(out.values())


def copy_links(db, school: str, plan_id: str, source: str, target: str, task_ids) -> None:
    """Carry-forward: the evidence links of ``task_ids`` in period ``source`` also back them in ``target``
    (the same stored files, never a second copy). Call in a transaction."""
    ids = sorted(set(task_ids))
    db.execute("INSERT OR IGNORE INTO entry_evidence (school_code, plan_id, task_id, period, sha256, name, added_at)"
               " SELECT school_code, plan_id, task_id, ?, sha256, name, added_at FROM entry_evidence"
               f" WHERE school_code = ? AND plan_id = ? AND period = ? AND task_id IN ({', '.join('?' * len(ids))})",
               [target, school, plan_id, source, *ids])


def list_evidence(db, school: str, plan_id: str, period: str, task_id: str | None = None) -> list[dict]:
    sql = ("SELECT ee.task_id, ee.sha256, ee.name, e.size, e.mime, ee.added_at FROM entry_evidence ee"
           " JOIN evidence e USING (sha256) WHERE ee.school_code = ? AND ee.plan_id = ? AND ee.period = ?")
    args = [school, plan_id, period]
    if task_id is not None:
        sql += " AND ee.task_id = ?"
        args.append(task_id)
    return [{"task_id": r[0], "sha256": r[1], "name": r[2], "size": r[3], "mime": r[4], "added_at": r[5]}
            for r in db.execute(sql + " ORDER BY ee.added_at, ee.name", args).fetchall()]


def evidence_bytes(db, sha256: str) -> bytes:
    """The file's bytes, checked against its SHA-256."""
    with open_evidence_blob(db, sha256) as stream:
        return stream.read()


def open_evidence_blob(db, sha256: str) -> blobs.RangeReader:
    """A read-only stream over the stored file (no full copy in memory), from the row's own bytes or from the
    archived file it came in; reading it to the end checks the SHA-256 (a mismatch raises, never wrong bytes)."""
    row = db.execute("SELECT rowid, size, archive_sha256, member_offset, member_length, member_method FROM evidence"
                     " WHERE sha256 = ?", [sha256]).fetchone()
    if row is None:
        raise TaizhangError("找不到该佐证材料", "evidence not found")
    rowid, size, archived, offset, length, method = row
    if archived is None:
        own = db.execute("SELECT rowid FROM evidence_bytes WHERE sha256 = ?", [sha256]).fetchone()
        blob = db.conn.blobopen(*(("evidence_bytes", "data", own[0]) if own else ("evidence", "data", rowid)),
                                readonly=True)
        return blobs.RangeReader(blob, 0, len(blob), blobs.STORED, sha256, size)
    found = db.execute("SELECT rowid FROM archive WHERE sha256 = ?", [archived]).fetchone()
    if found is None:
        raise TaizhangError("佐证材料所在的存档文件不见了", "the archived file holding this evidence is missing")
    blob = db.conn.blobopen("archive", "data", found[0], readonly=True)
    return blobs.RangeReader(blob, offset, length, method, sha256, size)


def copy_evidence_to(db, sha256: str, target) -> Path:
    """Stream a stored evidence file out to ``target`` (for opening it in the system viewer)."""
    target = Path(target)
    with open_evidence_blob(db, sha256) as blob, open(target, "wb") as out:
        while chunk := blob.read(_CHUNK):
            out.write(chunk)
    return target


def store_stream(db, sha256: str, size: int, mime: str, stream) -> None:
    """Keep a verified file's bytes once (a file already stored is not stored again). Call in a transaction."""
    if db.execute("SELECT 1 FROM evidence WHERE sha256 = ?", [sha256]).fetchone() is None:
        _store_bytes(db, sha256, size, mime, stream)


def _store_bytes(db, sha256: str, size: int, mime: str, stream) -> str:
    """A file's row and its ``size`` bytes from ``stream`` (streamed into ``evidence_bytes``); returns the SHA-256
    of what was written. Call in a transaction."""
    db.execute("INSERT INTO evidence (sha256, size, mime, data, added_at) VALUES (?, ?, ?, x'', ?)",
               [sha256, size, mime, now_iso()])
    return insert_streamed(db, "evidence_bytes", "data", {"sha256": sha256}, size, stream)


def store_references(db, archived: str, files: list[dict], members: dict[str, tuple[int, int, int, int]]) -> None:
    """Bureau side: the verified files ``files`` (manifest evidence entries) of the archived file ``archived`` kept
    as references to their members there (``members``: sha256 → data offset, compressed length, method, size),
    not as second copies; a file stored already stays as it is. One statement for the package. Call in a
    transaction."""
    rows, now = [], now_iso()
    for ev in files:
        offset, length, method, size = members[ev["sha256"]]
        if method not in (blobs.STORED, blobs.DEFLATED):
            raise TaizhangError("佐证材料的压缩方式不支持", f"evidence compressed with unsupported method {method}")
        rows.append((ev["sha256"], size, ev["mime"], now, archived, offset, length, method))
    db.conn.executemany("INSERT INTO evidence (sha256, size, mime, data, added_at, archive_sha256, member_offset,"
                        " member_length, member_method) VALUES (?, ?, ?, x'', ?, ?, ?, ?, ?)"
                        " ON CONFLICT (sha256) DO NOTHING", rows)


def is_stored(db, sha256: str) -> bool:
    return db.execute("SELECT 1 FROM evidence WHERE sha256 = ?", [sha256]).fetchone() is not None


def link(db, school: str, plan_id: str, task_id: str, period: str, sha256: str, name: str, added_at: str) -> None:
    link_all(db, school, plan_id, period, added_at, [{"task_id": task_id, "sha256": sha256, "name": name}])


def link_all(db, school: str, plan_id: str, period: str, added_at: str, files: list[dict]) -> None:
    """Each of ``files`` (task_id, sha256, name) backs its task's entry, in one statement."""
    db.conn.executemany("INSERT INTO entry_evidence (school_code, plan_id, task_id, period, sha256, name, added_at)"
                        " VALUES (?, ?, ?, ?, ?, ?, ?)",
                        [(school, plan_id, ev["task_id"], period, ev["sha256"], ev["name"], added_at) for ev in files])


def unlink_period(db, school: str, plan_id: str, period: str) -> set[str]:
    """Drop the school's evidence links for the period; returns the files they named."""
    key = [school, plan_id, period]
    shas = {r[0] for r in db.execute("SELECT sha256 FROM entry_evidence WHERE school_code = ? AND plan_id = ?"
                                      " AND period = ?", key).fetchall()}
    db.execute("DELETE FROM entry_evidence WHERE school_code = ? AND plan_id = ? AND period = ?", key)
    return shas


def prune_unreferenced(db, candidates) -> int:
    """Bureau side: forget the stored bytes of ``candidates`` no current entry links any more (superseded
    evidence stays once, inside the archived file it came in, not twice). Returns how many went."""
    gone = 0
    for sha in sorted(candidates):
        if db.execute("SELECT 1 FROM entry_evidence WHERE sha256 = ? LIMIT 1", [sha]).fetchone() is None:
            gone += db.execute("DELETE FROM evidence WHERE sha256 = ?", [sha]).rowcount
    return gone


def meta(db, sha256: str) -> tuple[str, int] | None:
    """(mime, size) of a stored file."""
    return db.execute("SELECT mime, size FROM evidence WHERE sha256 = ?", [sha256]).fetchone()


def display_name(db, sha256: str) -> str | None:
    row = db.execute("SELECT name FROM entry_evidence WHERE sha256 = ? LIMIT 1", [sha256]).fetchone()
    return row[0] if row else None


def count_for_task(db, school: str, plan_id: str, period: str, task_id: str) -> int:
    return db.execute("SELECT COUNT(*) FROM entry_evidence WHERE school_code = ? AND plan_id = ? AND period = ?"
                      " AND task_id = ?", [school, plan_id, period, task_id]).fetchone()[0]
