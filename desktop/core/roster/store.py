"""The roster (schools) and the reporting periods: the only writer of both tables.

Schools never disappear while merged data refers to them; a period that received files is closed, not removed.
"""

from __future__ import annotations


def schools(db) -> list[dict]:
    return [{"code": r[0], "name": r[1], "type": r[2], "township": r[3]}
            for r in db.execute("SELECT code, name, type, township FROM schools ORDER BY code").fetchall()]


def periods(db) -> list[dict]:
    return [{"name": r[0], "due_date": r[1]}
            for r in db.execute("SELECT name, due_date FROM periods ORDER BY due_date, name").fetchall()]


def replace_roster(db, rows: list[dict]) -> None:
    """Upsert the roster (schools never disappear: merged data may refer to them)."""
    for s in rows:
        db.execute("INSERT INTO schools (code, name, type, township) VALUES (?, ?, ?, ?) ON CONFLICT (code) DO UPDATE"
                   " SET name = excluded.name, type = excluded.type, township = excluded.township",
                   [s["code"], s["name"], s.get("type", ""), s.get("township", "")])


def upsert_period(db, name: str, due_date: str | None) -> None:
    db.execute("INSERT INTO periods (name, due_date) VALUES (?, ?) ON CONFLICT (name) DO UPDATE"
               " SET due_date = COALESCE(excluded.due_date, periods.due_date)", [name, due_date])


def school(db, code: str) -> dict | None:
    row = db.execute("SELECT code, name, type, township FROM schools WHERE code = ?", [code]).fetchone()
    return dict(zip(("code", "name", "type", "township"), row, strict=True)) if row else None


def update_school(db, code: str, values: dict) -> bool:
    """Set name/type/township of a school; False when the code is not in the roster."""
    for key, value in values.items():
        if key not in ("name", "type", "township"):
            raise ValueError(key)
        if db.execute(f"UPDATE schools SET {key} = ? WHERE code = ?", [value, code]).rowcount == 0:
            return False
    return True


def delete_school(db, code: str) -> None:
    db.execute("DELETE FROM schools WHERE code = ?", [code])


def period_rows(db) -> list[dict]:
    """Periods with their due date and closed flag, earliest due first."""
    return [{"name": r[0], "due_date": r[1], "closed": bool(r[2])}
            for r in db.execute("SELECT name, due_date, closed FROM periods ORDER BY due_date, name").fetchall()]


def period_exists(db, name: str) -> bool:
    return db.execute("SELECT 1 FROM periods WHERE name = ?", [name]).fetchone() is not None


def period_due(db, name: str) -> str | None:
    row = db.execute("SELECT due_date FROM periods WHERE name = ?", [name]).fetchone()
    return row[0] if row else None


def set_period(db, name: str, *, due_date: str | None = None, closed: bool | None = None,
               clear_due: bool = False) -> None:
    if due_date is not None or clear_due:
        db.execute("UPDATE periods SET due_date = ? WHERE name = ?", [due_date, name])
    if closed is not None:
        db.execute("UPDATE periods SET closed = ? WHERE name = ?", [int(bool(closed)), name])


def delete_period(db, name: str) -> None:
    db.execute("DELETE FROM periods WHERE name = ?", [name])
