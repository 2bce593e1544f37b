"""Review decisions (reviews, review_overall, review_history): the only writer of the three tables.

A decision is per school × plan × period × task (and one overall per school × plan × period): a state
(未审核 / 通过 / 退回修改), a comment, the reviewer, the time and the report revision it was made on.
Replacing a decision keeps the old one in review_history, so nothing a reviewer said is lost.
"""

from __future__ import annotations

from desktop.core.clock import now_iso
from desktop.core.errors import TaizhangError
from desktop.core.words import REVIEW_STATES, ReviewState, ReviewWhy

MAX_COMMENT = 2000
OVERALL = ""  # review_history.task_id of an overall decision
_FIELDS = ("state", "comment", "reviewer", "revision", "decided_at")


def _row(values) -> dict:
    return dict(zip(_FIELDS, values, strict=True))


def check_decision(state: str, comment: str) -> None:
    if state not in REVIEW_STATES:
        raise TaizhangError(f"审核结论只能是：{'、'.join(REVIEW_STATES)}",
                            f"a review decision is one of {', '.join(REVIEW_STATES)}")
    if not isinstance(comment, str) or len(comment) > MAX_COMMENT:
        raise TaizhangError(f"审核意见过长（最多 {MAX_COMMENT} 字）", f"comment too long (at most {MAX_COMMENT} characters)")


def task_states(db, school: str, plan_id: str, period: str) -> dict[str, dict]:
    """task_id → decision for every task of the school that has one (tasks without a row are 未审核)."""
    return {r[0]: _row(r[1:]) for r in db.execute(
        "SELECT task_id, state, comment, reviewer, revision, decided_at FROM reviews WHERE school_code = ?"
        " AND plan_id = ? AND period = ?", [school, plan_id, period]).fetchall()}


def overall_state(db, school: str, plan_id: str, period: str) -> dict | None:
    row = db.execute("SELECT state, comment, reviewer, revision, decided_at FROM review_overall WHERE school_code = ?"
                     " AND plan_id = ? AND period = ?", [school, plan_id, period]).fetchone()
    return _row(row) if row else None


def period_states(db, plan_id: str, period: str) -> tuple[dict[tuple[str, str], str], dict[str, str]]:
    """({(school, task_id): state}, {school: overall state}) for the whole period (the matrix, the summary)."""
    tasks = {(r[0], r[1]): r[2] for r in db.execute(
        "SELECT school_code, task_id, state FROM reviews WHERE plan_id = ? AND period = ?", [plan_id, period])}
    overall = dict(db.execute("SELECT school_code, state FROM review_overall WHERE plan_id = ? AND period = ?",
                              [plan_id, period]).fetchall())
    return tasks, overall


def _keep(db, school, plan_id, period, task_id, old: dict, why: str) -> None:
    db.execute("INSERT INTO review_history (school_code, plan_id, period, task_id, state, comment, reviewer, revision,"
               " decided_at, replaced_at, why) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
               [school, plan_id, period, task_id, old["state"], old["comment"], old["reviewer"], old["revision"],
                old["decided_at"], now_iso(), why])


def decide(db, school: str, plan_id: str, period: str, task_id: str, state: str, comment: str, reviewer: str,
           revision: int | None, *, why: str = ReviewWhy.DECISION) -> None:
    """Record a decision on one task (the earlier one goes to history). Call inside a transaction."""
    check_decision(state, comment)
    old = task_states(db, school, plan_id, period).get(task_id)
    if old is not None:
        _keep(db, school, plan_id, period, task_id, old, why)
    db.execute("INSERT INTO reviews (school_code, plan_id, period, task_id, state, comment, reviewer, revision,"
               " decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (school_code, plan_id, period, task_id)"
               " DO UPDATE SET state = excluded.state, comment = excluded.comment, reviewer = excluded.reviewer,"
               " revision = excluded.revision, decided_at = excluded.decided_at",
               [school, plan_id, period, task_id, state, comment, reviewer, revision, now_iso()])


def decide_overall(db, school: str, plan_id: str, period: str, state: str, comment: str, reviewer: str,
                   revision: int | None, *, why: str = ReviewWhy.DECISION) -> None:
    """Record the overall decision on the school's report for the period. Call inside a transaction."""
    check_decision(state, comment)
    old = overall_state(db, school, plan_id, period)
    if old is not None:
        _keep(db, school, plan_id, period, OVERALL, old, why)
    db.execute("INSERT INTO review_overall (school_code, plan_id, period, state, comment, reviewer, revision,"
               " decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (school_code, plan_id, period)"
               " DO UPDATE SET state = excluded.state, comment = excluded.comment, reviewer = excluded.reviewer,"
               " revision = excluded.revision, decided_at = excluded.decided_at",
               [school, plan_id, period, state, comment, reviewer, revision, now_iso()])


def reset(db, school: str, plan_id: str, period: str, task_id: str, revision: int) -> None:
    """A newer revision changed the entry: back to 未审核 (the decision is kept in history)."""
    decide(db, school, plan_id, period, task_id, ReviewState.UNREVIEWED, "", "", revision, why=ReviewWhy.CHANGED)


def reset_overall(db, school: str, plan_id: str, period: str, revision: int) -> None:
    decide_overall(db, school, plan_id, period, ReviewState.UNREVIEWED, "", "", revision, why=ReviewWhy.CHANGED)


def history(db, school: str, plan_id: str, period: str, task_id: str | None = None) -> list[dict]:
    """Replaced decisions, oldest first (``task_id`` '' for the overall ones; None for all)."""
    sql = ("SELECT task_id, state, comment, reviewer, revision, decided_at, replaced_at, why FROM review_history"
           " WHERE school_code = ? AND plan_id = ? AND period = ?")
    args: list = [school, plan_id, period]
    if task_id is not None:
        sql += " AND task_id = ?"
        args.append(task_id)
    return [dict(zip(("task_id", *_FIELDS, "replaced_at", "why"), r, strict=True))
            for r in db.execute(sql + " ORDER BY id", args).fetchall()]
