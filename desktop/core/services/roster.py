"""Schools and reporting periods (学校与周期)."""

from __future__ import annotations

import json
from pathlib import Path

from desktop.core.clock import parse_day
from desktop.core.db.audit import audit
from desktop.core.db.connection import transaction
from desktop.core.errors import TaizhangError
from desktop.core.intake import store as intake_store
from desktop.core.roster import store as roster_store
from desktop.core.roster.reader import read_roster, write_template
from desktop.core.words import SCHOOL_TYPES


def import_roster(db, roster_file) -> int:
    rows = read_roster(roster_file)
    with transaction(db):
        roster_store.replace_roster(db, rows)
        audit(db, "roster.import", Path(roster_file).name, json.dumps({"schools": len(rows)}))
    return len(rows)


def parse_period(spec: str) -> tuple[str, str | None]:
    """'2026年上半年:2026-07-10' → ('2026年上半年', '2026-07-10')."""
    name, _, due = spec.partition(":")
    name, due = name.strip(), due.strip() or None
    if not name:
        raise TaizhangError("填报周期名称为空", "the reporting period name is empty")
    if due is not None:
        try:
            due = parse_day(due)
        except TaizhangError as exc:
            raise TaizhangError(f"截止日期格式应为 YYYY-MM-DD：{due}", f"the due date must be YYYY-MM-DD: {due}") from exc
    return name, due


def add_period(db, spec: str) -> str:
    name, due = parse_period(spec)
    with transaction(db):
        roster_store.upsert_period(db, name, due)
    return name


def _school_fields(fields: dict) -> dict:
    out = {}
    for key in ("name", "type", "township"):
        if key in fields:
            value = str(fields[key] or "").strip()
            if key == "name" and not value:
                raise TaizhangError("学校名称不能为空", "the school name cannot be empty")
            out[key] = value[:100]
    return out


def add_school(db, code: str, name: str, type: str = "", township: str = "") -> None:
    code = str(code or "").strip()
    if not code:
        raise TaizhangError("学校代码不能为空", "the school code cannot be empty")
    fields = _school_fields({"name": name, "type": type, "township": township})
    with transaction(db):
        if roster_store.school(db, code) is not None:
            raise TaizhangError(f"学校代码已存在：{code}", f"the school code already exists: {code}")
        roster_store.replace_roster(db, [{"code": code, **fields}])
        audit(db, "roster.add", code)


def update_school(db, code: str, **fields) -> None:
    """Change a school's name, type or township (the code is what reports refer to: it stays)."""
    unknown = set(fields) - {"name", "type", "township"}
    if unknown:
        raise ValueError(f"unknown fields: {sorted(unknown)}")
    values = _school_fields(fields)
    with transaction(db):
        if not roster_store.update_school(db, code, values):
            raise TaizhangError(f"学校名单中没有 {code}", f"school {code} is not in the roster")
        audit(db, "roster.edit", code, json.dumps(sorted(values)))


def remove_school(db, code: str) -> None:
    with transaction(db):
        if intake_store.school_has_reports(db, code):
            raise TaizhangError(f"学校 {code} 已有报送数据，不能从名单中删除", f"school {code} has reports; it cannot be removed")
        roster_store.delete_school(db, code)
        audit(db, "roster.remove", code)


def period_list(db) -> list[dict]:
    """Periods with due date, closed flag and how many files were accepted for each."""
    counts = intake_store.schools_reported_per_period(db)
    return [p | {"reported": counts.get(p["name"], 0)} for p in roster_store.period_rows(db)]


def update_period(db, name: str, *, due_date: str | None = None, closed: bool | None = None) -> None:
    """Change a period's due date ('' clears it) or close/reopen it (a closed period accepts no files)."""
    with transaction(db):
        if not roster_store.period_exists(db, name):
            raise TaizhangError(f"填报周期“{name}”不存在", f"unknown reporting period '{name}'")
        if due_date is not None:
            _, due = parse_period(f"{name}:{due_date}")
            roster_store.set_period(db, name, due_date=due, clear_due=due is None)
        if closed is not None:
            roster_store.set_period(db, name, closed=closed)
        audit(db, "period.edit", name, json.dumps({"due_date": due_date, "closed": closed}))


def remove_period(db, name: str) -> None:
    with transaction(db):
        if intake_store.period_has_files(db, name):
            raise TaizhangError(f"填报周期“{name}”已收到报送文件，不能删除（可以关闭）",
                                f"period '{name}' has received files; close it instead")
        roster_store.delete_period(db, name)
        audit(db, "period.remove", name)


def schools(db) -> list[dict]:
    """The roster: code, name, type, township, in roster order."""
    return roster_store.schools(db)


def school_types() -> tuple[str, ...]:
    """The school types the roster offers, in display order."""
    return SCHOOL_TYPES


def save_roster_template(target):
    """A 学校名单 template to fill in (.xlsx, or .csv by the target's suffix)."""
    return write_template(target)
