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
# Pages of a new file, and of a file compacted by a migration. A received report of 13 MB is ~3,300 pages of
# 4 KiB and ~400 of 32 KiB: the log write and the checkpoint handle each page (a header, a checksum, a write
# call), so the bigger page halves the time to store the file; a small commit writes a few whole pages more,
# and an empty file is ~2 MB. See docs/decisions.md.
PAGE_SIZE = 32768


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


def pending_migrations(path: str | os.PathLike) -> int:
    """How many migrations opening the file at ``path`` would apply (read-only look; 0 for a missing, empty,
    foreign or newer file: ``open_db`` then says what is wrong with it)."""
    path = Path(path)
    try:
        if not path.is_file() or path.stat().st_size == 0:
            return 0
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
        finally:
            conn.close()
    except (OSError, sqlite3.Error):
        return 0
    return max(0, schema_version() - version)


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
    owner_only(path, create=create)
    conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
    try:
        conn.execute(f"PRAGMA page_size = {PAGE_SIZE}")  # takes effect only in a new, empty file (see PAGE_SIZE)
        conn.execute("PRAGMA trusted_schema = OFF")  # no function calls from a schema we did not write
        _refuse_foreign_schema(conn, path)
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


def owner_only(path: Path, *, create: bool = False) -> None:
    """The database holds the private key: only its owner may read it (0600 where the OS has modes).
    A new file is created so; an existing one of ours is narrowed. SQLite gives -wal/-shm the same mode."""
    if os.name != "posix":
        return
    if create and not path.exists():
        os.close(os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600))
    for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        _narrow(p)


def _narrow(p: Path) -> None:
    try:
        st = p.stat()
        if st.st_uid == os.getuid() and st.st_mode & 0o077:
            os.chmod(p, 0o600)
    except OSError:  # read-only media, another owner's file: left as it is
        pass


_EXPECTED: dict[tuple, dict[tuple[str, str], str]] = {}


def _schema_objects(conn: sqlite3.Connection) -> dict[tuple[str, str], str]:
    return {(t, n): " ".join((sql or "").split()) for t, n, sql in conn.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE type IN ('trigger', 'view')").fetchall()}


def _expected_objects() -> dict[tuple[str, str], str]:
    """The triggers and views our migrations create (none today), from an empty in-memory database."""
    found = migrations()
    key = tuple(str(p) for _n, p in found)
    if key not in _EXPECTED:
        mem = sqlite3.connect(":memory:", isolation_level=None)
        try:
            for _n, path in found:
                mem.executescript(path.read_text(encoding="utf-8"))
            _EXPECTED[key] = _schema_objects(mem)
        finally:
            mem.close()
    return _EXPECTED[key]


def _refuse_foreign_schema(conn: sqlite3.Connection, path: Path) -> None:
    """A trigger or view our migrations did not create could act on every write (approve keys, copy data):
    such a file is refused before anything runs on it."""
    expected = _expected_objects()
    foreign = sorted(n for key, sql in _schema_objects(conn).items() for n in [key[1]] if expected.get(key) != sql)
    if foreign:
        raise TaizhangError(
            f"数据文件含有本程序没有创建的触发器或视图（{', '.join(foreign[:3])}），可能被人改动过，已拒绝打开：{path}",
            f"the database holds triggers or views this program did not create ({', '.join(foreign[:3])}); "
            f"it may have been tampered with and is not opened: {path}")


def _migrate(conn: sqlite3.Connection, current: int) -> None:
    """Each migration in one transaction: its SQL, then its Python step (db/upgrades.py) if it has one, then
    the new version. A step may ask for the file to be compacted: VACUUM runs once, after the last commit."""
    from desktop.core.db.upgrades import STEPS

    compact = False
    for number, path in migrations():
        if number <= current:
            continue
        script = path.read_text(encoding="utf-8")
        try:
            conn.executescript(f"BEGIN IMMEDIATE;\n{script}")
            step = STEPS.get(number)
            if step is not None:
                compact = step(conn) or compact
            conn.execute(f"PRAGMA user_version = {number}")  # not executescript: it would commit first
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
    if compact:
        _compact(conn)


def _compact(conn: sqlite3.Connection) -> None:
    """VACUUM, into pages of PAGE_SIZE when the file has others: the page size can change only outside WAL mode,
    which needs the file to ourselves (else it is compacted as it is)."""
    if conn.execute("PRAGMA page_size").fetchone()[0] != PAGE_SIZE:
        try:
            if conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0] == "delete":
                conn.execute(f"PRAGMA page_size = {PAGE_SIZE}")
        except sqlite3.OperationalError:  # another connection has the file open: keep WAL and the page size
            pass
    try:
        conn.execute("VACUUM")
    finally:
        if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            conn.execute("PRAGMA journal_mode = WAL")


@contextmanager
def transaction(db: sqlite_utils.Database):
    """One all-or-nothing unit of work (BEGIN IMMEDIATE takes the write lock up front). Inside ``batched`` the
    unit is a savepoint of the batch's transaction: undone alone when it fails, committed with the batch."""
    conn = db.conn
    batch = getattr(db, _BATCH, None)
    if batch is not None:
        batch.begin()
        conn.execute("SAVEPOINT unit")
        try:
            yield db
        except BaseException:
            conn.execute("ROLLBACK TO unit")
            conn.execute("RELEASE unit")
            raise
        conn.execute("RELEASE unit")
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    else:
        conn.execute("COMMIT")


_BATCH = "_taizhang_batch"


class Batch:
    """Units of work that share one commit (``batched``)."""

    def __init__(self, conn: sqlite3.Connection):
        self._conn = conn

    def begin(self) -> None:
        if not self._conn.in_transaction:
            self._conn.execute("BEGIN IMMEDIATE")

    def commit(self) -> None:
        """Make the units so far durable (as a ``transaction`` of its own would have)."""
        if self._conn.in_transaction:
            self._conn.execute("COMMIT")


@contextmanager
def batched(db: sqlite_utils.Database):
    """While active, each ``transaction`` on ``db`` is a unit of one shared transaction that the caller commits
    with ``Batch.commit()`` (and leaving commits). Each commit writes every page it changed whole, so units
    that touch the same pages (one merged file after another) write them once per commit, not once per unit.
    An exception out of the block rolls back what was not committed yet."""
    conn = db.conn
    if getattr(db, _BATCH, None) is not None or conn.in_transaction:
        raise RuntimeError("batched() inside a transaction or another batch")
    batch = Batch(conn)
    setattr(db, _BATCH, batch)
    try:
        yield batch
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    else:
        batch.commit()
    finally:
        delattr(db, _BATCH)


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
