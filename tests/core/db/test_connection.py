import sqlite3

import pytest

from desktop.core.db import connection
from desktop.core.errors import TaizhangError


def test_new_database_gets_current_schema_wal_and_foreign_keys(tmp_path):
    db = connection.open_db(tmp_path / "a.db", create=True)
    assert db.execute("PRAGMA user_version").fetchone()[0] == connection.schema_version() >= 1
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    for table in ("identity", "trusted_keys", "plans", "tasks", "targets", "schools", "periods", "entries",
                  "indicator_values", "evidence", "entry_evidence", "exports", "submissions", "entry_history",
                  "audit_log", "archive"):
        assert db[table].exists(), table


def test_missing_file_is_refused_without_creating_it(tmp_path):
    with pytest.raises(TaizhangError, match="找不到数据文件"):
        connection.open_db(tmp_path / "nope.db")
    assert not (tmp_path / "nope.db").exists()


def test_newer_schema_is_refused_and_file_left_untouched(tmp_path):
    path = tmp_path / "new.db"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 999")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(TaizhangError, match="更新版本"):
        connection.open_db(path)
    assert path.read_bytes() == before


def test_non_database_file_is_refused_and_unchanged(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("这不是数据库", encoding="utf-8")
    with pytest.raises(TaizhangError, match="不是台账数据文件"):
        connection.open_db(path)
    assert path.read_text(encoding="utf-8") == "这不是数据库"


def test_each_migration_applies_to_the_previous_version_with_data(tmp_path, monkeypatch):
    path = tmp_path / "m.db"
    conn = sqlite3.connect(path)
    migrations = connection.migrations()
    conn.executescript(migrations[0][1].read_text(encoding="utf-8") + "\nPRAGMA user_version = 1;")
    conn.execute("INSERT INTO schools (code, name, type, township) VALUES ('S1', '一小', '小学', '城关')")
    conn.commit()
    conn.close()
    db = connection.open_db(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == len(migrations)
    assert db.execute("SELECT name FROM schools").fetchall() == [("一小",)]


def test_a_failing_migration_leaves_the_old_version(tmp_path, monkeypatch, extra_migration):
    path = tmp_path / "f.db"
    connection.open_db(path, create=True).close()
    bad, n = extra_migration("ALTER TABLE schools ADD COLUMN x TEXT;\nNOT SQL;", "broken")
    monkeypatch.setattr(connection, "migrations_dir", lambda: bad)
    with pytest.raises(TaizhangError):
        connection.open_db(path)
    monkeypatch.undo()
    db = connection.open_db(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == n - 1
    assert "x" not in db["schools"].columns_dict


def test_transaction_rolls_back_on_error(tmp_path):
    db = connection.open_db(tmp_path / "t.db", create=True)
    with pytest.raises(RuntimeError), connection.transaction(db):
        db.execute("INSERT INTO schools (code, name) VALUES ('S1', 'x')")
        raise RuntimeError
    assert db.execute("SELECT COUNT(*) FROM schools").fetchone()[0] == 0


def _schools(path) -> list[str]:
    """What another connection sees: only what was committed."""
    other = sqlite3.connect(path)
    try:
        return [r[0] for r in other.execute("SELECT code FROM schools ORDER BY code")]
    finally:
        other.close()


def test_units_of_a_batch_share_its_commit_and_a_failed_unit_is_undone_alone(tmp_path):
    path = tmp_path / "t.db"
    db = connection.open_db(path, create=True)
    with connection.batched(db) as batch:
        with connection.transaction(db):
            db.execute("INSERT INTO schools (code, name) VALUES ('S1', 'x')")
        with pytest.raises(RuntimeError), connection.transaction(db):
            db.execute("INSERT INTO schools (code, name) VALUES ('S2', 'x')")
            raise RuntimeError
        with connection.transaction(db):
            db.execute("INSERT INTO schools (code, name) VALUES ('S3', 'x')")
        assert _schools(path) == []  # nothing is durable before the batch's commit
        batch.commit()
        assert _schools(path) == ["S1", "S3"]
        with connection.transaction(db):
            db.execute("INSERT INTO schools (code, name) VALUES ('S4', 'x')")
    assert _schools(path) == ["S1", "S3", "S4"]  # leaving commits the rest
    assert not db.conn.in_transaction
    with connection.transaction(db):  # after the batch, a unit commits on its own again
        db.execute("INSERT INTO schools (code, name) VALUES ('S5', 'x')")
    assert _schools(path)[-1] == "S5"


def test_an_error_out_of_a_batch_rolls_back_what_was_not_committed(tmp_path):
    path = tmp_path / "t.db"
    db = connection.open_db(path, create=True)
    with pytest.raises(RuntimeError), connection.batched(db) as batch:
        with connection.transaction(db):
            db.execute("INSERT INTO schools (code, name) VALUES ('S1', 'x')")
        batch.commit()
        with connection.transaction(db):
            db.execute("INSERT INTO schools (code, name) VALUES ('S2', 'x')")
        raise RuntimeError
    assert _schools(path) == ["S1"] and not db.conn.in_transaction
    # a batch cannot start inside a transaction it would not own
    with connection.transaction(db), pytest.raises(RuntimeError), connection.batched(db):
        pass


def test_backup_is_a_complete_standalone_copy(tmp_path):
    db = connection.open_db(tmp_path / "src.db", create=True)
    db.execute("INSERT INTO schools (code, name) VALUES ('S1', '一小')")
    connection.backup(db, tmp_path / "copy.db")
    db.close()
    copy = connection.open_db(tmp_path / "copy.db")
    assert copy.execute("SELECT name FROM schools").fetchall() == [("一小",)]
    assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
