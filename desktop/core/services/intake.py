"""Receiving schools' packages (导入报送): merge, key requests and approvals, provenance."""

from __future__ import annotations

from desktop.core.intake import merge


def merge_files(db, paths, **kwargs) -> list[merge.Outcome]:
    return merge.merge_paths(db, paths, **kwargs)


def count_inputs(paths) -> int:
    """How many packages a merge of ``paths`` will look at (files, folder contents, archive members)."""
    return sum(1 for _ in merge.collect_inputs(paths))


def key_requests(db) -> list[dict]:
    """Schools whose files came signed by a new key, waiting for the bureau to approve or refuse it."""
    from desktop.core.signing.crypto import format_fingerprint

    names = dict(db.execute("SELECT code, name FROM schools").fetchall())
    out = []
    for fp, code, first_seen in db.execute(
            "SELECT fingerprint, owner_code, first_seen FROM trusted_keys WHERE owner_kind = 'school'"
            " AND status = 'pending' ORDER BY first_seen, owner_code").fetchall():
        pinned = db.execute("SELECT fingerprint FROM trusted_keys WHERE owner_kind = 'school' AND owner_code = ?"
                            " AND status = 'pinned'", [code]).fetchone()
        waiting = db.execute("SELECT COUNT(*) FROM submissions WHERE school_code = ? AND reason_code = 'key_pending'"
                             " AND signer_fingerprint = ?", [code, fp]).fetchone()[0]
        out.append({"school": code, "name": names.get(code, ""), "fingerprint": fp,
                    "fingerprint_groups": format_fingerprint(fp), "pinned": pinned[0] if pinned else None,
                    "pinned_groups": format_fingerprint(pinned[0]) if pinned else "", "first_seen": first_seen,
                    "waiting": waiting})
    return out


def approve_key(db, school: str) -> list[merge.Outcome]:
    """Trust the school's new key; the files that waited for it are merged now."""
    return merge.approve_key(db, school)


def refuse_key(db, school: str) -> None:
    merge.refuse_key(db, school)


def school_history(db, school: str) -> list[dict]:
    """What changed between a school's revisions, task by task."""
    from desktop.core.intake import provenance

    return provenance.history(db, school)


def trace_value(db, school: str, task_id: str) -> dict:
    """A task's current value for a school and the archived file each revision came from."""
    from desktop.core.intake import provenance

    return provenance.trace(db, school, task_id)

