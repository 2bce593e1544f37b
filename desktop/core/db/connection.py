"""Open or create the SQLite file, apply migrations, back it up.

Connections run in autocommit mode; every multi-statement change goes through
``transaction()`` (BEGIN IMMEDIATE … COMMIT), so a crash leaves either the old or the new state.
sqlite-utils' own ``insert``/``upsert`` helpers commit on their own and are used only outside
``transaction()`` blocks.
"""

from __future__ import annotations

import os
import re
import sqlite3
from contextlib import contextmanager
from pathlib import Path

import sqlite_utils

from desktop.core.db.atomic import atomic_target
from desktop.core.errors import TaizhangError
from desktop.paths import migrations_dir

Database = sqlite_utils.Database  # what every `db` argument in the core is

_MIGRATION_NAME = re.compile(r"^(\d{4})_[\w-]+\.sql$")


def migrations() -> list[tuple[int, Path]]:
    """The numbered migration files, in order; numbers must run 1, 2, 3 … without gaps."""
    found = []
    for path in migrations_dir().iterdir():
        m = _MIGRATION_NAME.match(path.name)
        if m:
            found.append((int(m.group(1)), path))
    found.sort()
    for expected, (number, path) in enumerate(found, start=1):
        if number != expected:
            raise RuntimeError(f"migration numbering gap at {path.name}")
    return found


def schema_version() -> int:
    return len(migrations())


def open_db(path: str | os.PathLike, *, create: bool = False) -> Database:
    """Open the Taizhang database at ``path`` and bring it up to the current schema.

    ``create=False`` refuses a missing file. A file that is not a SQLite database, or one written
    by a newer Taizhang, is refused with a clear message and left untouched.
    """
    path = Path(path)
    if not create and not path.exists():
        raise TaizhangError(f"找不到数据文件：{path}", f"database file not found: {path}")
    if path.exists() and path.is_dir():
        raise TaizhangError(f"数据文件路径是一个文件夹：{path}", f"database path is a folder: {path}")
    if path.exists() and path.stat().st_size > 0:
        with open(path, "rb") as fh:
            if fh.read(16) != b"SQLite format 3\x00":
                raise TaizhangError(
                    f"这不是台账数据文件（不是 SQLite 数据库）：{path}",
                    f"not a Taizhang database (not an SQLite file): {path}",
                )
    conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
    try:
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA busy_timeout = 5000")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        latest = schema_version()
        if version > latest:
            raise TaizhangError(
                f"此数据文件由更新版本的台账创建（结构版本 {version}，本程序支持 {latest}），请升级程序后再打开",
                f"this database was written by a newer Taizhang (schema {version}, this build knows {latest}); "
                "please upgrade the program",
            )
        if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        _migrate(conn, version)
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise TaizhangError(
            f"数据文件已损坏或无法读取：{path}（{exc}）", f"database is corrupt or unreadable: {path} ({exc})"
        ) from exc
    except BaseException:
        conn.close()
        raise
    return sqlite_utils.Database(conn)


def _migrate(conn: sqlite3.Connection, current: int) -> None:
    for number, path in migrations():
        if number <= current:
            continue
        script = path.read_text(encoding="utf-8")
        try:
            conn.executescript(f"BEGIN IMMEDIATE;\n{script}\nPRAGMA user_version = {number};\nCOMMIT;")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise


@contextmanager
def transaction(db: sqlite_utils.Database):
    """One all-or-nothing unit of work (BEGIN IMMEDIATE takes the write lock up front)."""
    conn = db.conn
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    else:
        conn.execute("COMMIT")


def backup(db: sqlite_utils.Database, target: str | os.PathLike) -> Path:
    """Write a consistent copy with SQLite's backup API (safe while others write), atomically."""
    with atomic_target(target) as tmp:
        dst = sqlite3.connect(tmp)
        try:
            db.conn.backup(dst)
            dst.execute("PRAGMA journal_mode = DELETE")
        finally:
            dst.close()
    return Path(target)
