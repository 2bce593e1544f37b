"""Receiving schools' packages (导入报送): merge, key requests and approvals, provenance."""

from __future__ import annotations

import re

from desktop.core.db.connection import transaction
from desktop.core.errors import TaizhangError
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



_CODE = re.compile(r"^[0-9A-F]{8}$")
_SHA16 = re.compile(r"^[0-9a-f]{16}$")


def parse_paper_code(text: str) -> tuple[str, str | None]:
    """(package code, first 16 hex of the file's SHA-256 or None) from a typed code or a scanned QR text
    ``TZ1|kind|county|school|period|revision|CODE|SHA16``. Only the ASCII fields are trusted: a keyboard
    scanner may garble the Chinese ones."""
    text = (text or "").strip()
    if text.upper().startswith("TZ1|"):
        fields = text.split("|")
        if len(fields) >= 8:
            code, sha16 = fields[-2].strip().upper(), fields[-1].strip().lower()
            if _CODE.match(code):
                return code, sha16 if _SHA16.match(sha16) else None
    code = re.sub(r"[\s\-]", "", text).upper()
    if not _CODE.match(code):
        raise TaizhangError("报送码应为 8 位字母数字（0-9、A-F），或粘贴扫描二维码得到的整段文字",
                            "a package code is 8 characters (0-9, A-F), or paste the whole scanned QR text")
    return code, None


def paper_check(db, text: str) -> dict:
    """The received file a printed 备案表 names (its package code, or its scanned QR text): school,
    period, revision, when received, outcome, signer fingerprint; ``found`` False when no such file came."""
    code, sha16 = parse_paper_code(text)
    names = {s["code"]: s["name"] for s in roster_store.schools(db)}
    rows = store.by_package_code(db, code)
    matches = []
    for r in rows:
        if sha16 and not r["sha256"].startswith(sha16):
            continue
        matches.append(dict(r, school_name=names.get(r["school_code"] or "", ""),
                            fingerprint_groups=format_fingerprint(r["signer_fingerprint"] or "")))
    other_files = len(rows) - len(matches)
    return {"code": code, "sha16": sha16, "found": bool(matches), "submissions": matches,
            "other_files": other_files}
