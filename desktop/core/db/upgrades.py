"""Python steps of migrations: what a migration needs that SQL cannot do (read a zip inside a BLOB). A step
runs right after its migration's SQL, in the same transaction; it returns True when the file should be
compacted (VACUUM) once every migration has committed."""

from __future__ import annotations

import re
import sqlite3
import zipfile
from collections.abc import Callable

from desktop.core.db import blobs

_EVIDENCE_MEMBER = re.compile(r"^taizhang/evidence/([0-9a-f]{64})\.bin$")


def evidence_into_archive(conn: sqlite3.Connection) -> bool:
    """Migration 0008: every evidence row whose bytes are found inside an archived file (a member
    ``taizhang/evidence/<sha256>.bin`` whose bytes hash to the row's SHA-256 and size) references that member
    and drops its own copy. Returns whether any row did."""
    want = dict(conn.execute("SELECT sha256, size FROM evidence WHERE archive_sha256 IS NULL").fetchall())
    moved = 0
    for rowid, archived in conn.execute("SELECT rowid, sha256 FROM archive ORDER BY rowid").fetchall():
        if not want:
            break
        with conn.blobopen("archive", "data", rowid, readonly=True) as blob:  # type: ignore[attr-defined]
            try:
                members = blobs.zip_members(blob)
            except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError, NotImplementedError):
                continue  # kept bytes that are not a zip (a rejected file): nothing inside to find
            for name, (offset, length, method, size) in members.items():
                m = _EVIDENCE_MEMBER.match(name)
                sha = m.group(1) if m else None
                if sha is None or sha not in want or want[sha] != size:
                    continue
                if not blobs.range_matches(blob, offset, length, method, sha, size):
                    continue
                conn.execute("UPDATE evidence SET data = x'', archive_sha256 = ?, member_offset = ?, member_length = ?,"
                             " member_method = ? WHERE sha256 = ?", [archived, offset, length, method, sha])
                del want[sha]
                moved += 1
    return moved > 0


STEPS: dict[int, Callable[[sqlite3.Connection], bool]] = {8: evidence_into_archive}
