"""Receiving schools' packages (导入报送): merge, key requests and approvals, provenance."""

from __future__ import annotations

from desktop.core.db.connection import transaction
from desktop.core.intake import merge, store
from desktop.core.intake.inputs import collect_inputs
from desktop.core.roster import store as roster_store
from desktop.core.signing import trust
from desktop.core.signing.crypto import format_fingerprint


def merge_files(db, paths, **kwargs) -> list[merge.Outcome]:
    return merge.merge_paths(db, paths, **kwargs)


def count_inputs(paths) -> int:
    """How many packages a merge of ``paths`` will look at (files, folder contents, archive members)."""
    return sum(1 for _ in collect_inputs(paths))


def key_requests(db) -> list[dict]:
    """Schools whose files came signed by a new key, waiting for the bureau to approve or refuse it."""
    names = {s["code"]: s["name"] for s in roster_store.schools(db)}
    return [{"school": r["owner"], "name": names.get(r["owner"], ""), "fingerprint": r["fingerprint"],
             "fingerprint_groups": format_fingerprint(r["fingerprint"]), "pinned": r["pinned"],
             "pinned_groups": format_fingerprint(r["pinned"]) if r["pinned"] else "", "first_seen": r["first_seen"],
             "waiting": store.waiting_for_key(db, r["owner"], r["fingerprint"])} for r in trust.pending(db)]


def approve_key(db, school: str, fingerprint: str | None = None) -> list[merge.Outcome]:
    """Trust exactly the new key ``fingerprint`` the bureau looked at (optional when the school has one
    pending key); the files that waited for it are merged now."""
    with transaction(db):
        fingerprint = trust.approve(db, school, fingerprint)
    return merge.remerge_held(db, school, fingerprint)


def refuse_key(db, school: str) -> None:
    with transaction(db):
        trust.refuse(db, school)


def school_history(db, school: str) -> list[dict]:
    """What changed between a school's revisions, task by task."""
    from desktop.core.intake import provenance

    return provenance.history(db, school)


def trace_value(db, school: str, task_id: str) -> dict:
    """A task's current value for a school and the archived file each revision came from."""
    from desktop.core.intake import provenance

    return provenance.trace(db, school, task_id)

