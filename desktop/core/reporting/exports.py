"""The school's exported files (exports): revisions, and which file each one was. The only writer."""

from __future__ import annotations

from desktop.core.clock import now_iso


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


def written(db, plan_id: str, period: str) -> list[dict]:
    """The files written for the plan and period, in revision order."""
    return [{"revision": r[0], "file_name": r[1], "created_at": r[2]} for r in db.execute(
        "SELECT revision, file_name, created_at FROM exports WHERE plan_id = ? AND period = ? AND sha256 != ''"
        " ORDER BY revision", [plan_id, period]).fetchall()]
