"""Receiving schools' packages (导入报送): merge, key requests and approvals, provenance."""

from __future__ import annotations

import re

from desktop.core.db.connection import transaction
from desktop.core.errors import TaizhangError
from desktop.core.intake import merge, store
from desktop.core.intake.inputs import collect_inputs
from desktop.core.records import copies
from desktop.core.roster import store as roster_store
from desktop.core.signing import enrolment, trust
from desktop.core.signing.crypto import format_fingerprint
from desktop.core.words import SUSPECTED_COPY, Confirmation
from desktop.core.words import Outcome as Verdict


def merge_files(db, paths, **kwargs) -> list[merge.Outcome]:
    """Merge the packages under ``paths``; each accepted file whose school shares evidence or narrative text with
    another school is flagged 疑似重复材料 in its result (one pass over the periods merged, after the batch)."""
    outcomes = merge.merge_paths(db, paths, **kwargs)
    flag_copies(db, outcomes)
    return outcomes


def flag_copies(db, outcomes: list[merge.Outcome]) -> None:
    """Add the 疑似重复材料 flag and a reason line to each accepted outcome whose school shares material."""
    accepted = [o for o in outcomes if o.outcome == Verdict.ACCEPTED and o.school and o.period]
    if not accepted:
        return
    shared = copies.by_school(db, {o.period for o in accepted})
    for o in accepted:
        groups = shared.get((o.school or "", o.period or ""))
        if groups:
            zh, en = copies.describe(groups, o.school or "")
            o.flags = [SUSPECTED_COPY]
            old_zh, _, old_en = o.reason.partition(" / ")
            o.reason = f"{'；'.join(x for x in (old_zh, zh) if x)} / {'; '.join(x for x in (old_en, en) if x)}"


def count_inputs(paths) -> int:
    """How many packages a merge of ``paths`` will look at (files, folder contents, archive members)."""
    return sum(1 for _ in collect_inputs(paths))


def input_sizes(paths) -> list[int]:
    """The bytes of each package a merge of ``paths`` will look at, in the order it merges them (an archive
    member's declared size; 0 for what is never read): a progress bar that moves with the work, so forty
    13 MB reports and a thousand small ones both advance evenly."""
    return [inp.size() for inp in collect_inputs(paths)]


def key_requests(db) -> list[dict]:
    """Keys for the bureau to decide on: a new key for a school (``kind`` "pending"), and a first key nobody
    confirmed yet (``kind`` "unconfirmed", 未确认). Each row names the exact ``fingerprint`` an approval pins."""
    names = {s["code"]: s["name"] for s in roster_store.schools(db)}
    rows = [{"kind": "pending", "school": r["owner"], "name": names.get(r["owner"], ""), "fingerprint": r["fingerprint"],
             "fingerprint_groups": format_fingerprint(r["fingerprint"]), "pinned": r["pinned"],
             "pinned_groups": format_fingerprint(r["pinned"]) if r["pinned"] else "",
             "pinned_unconfirmed": r["pinned_confirmation"] == Confirmation.UNCONFIRMED, "first_seen": r["first_seen"],
             "waiting": store.waiting_for_key(db, r["owner"], r["fingerprint"])} for r in trust.pending(db)]
    held = {r["school"] for r in rows}  # a pending row already shows its school's unconfirmed key beside it
    for school, fp in sorted(trust.unconfirmed(db).items()):
        if school in held:
            continue
        rows.append({"kind": "unconfirmed", "school": school, "name": names.get(school, ""), "fingerprint": fp,
                     "fingerprint_groups": format_fingerprint(fp), "pinned": fp, "pinned_groups": format_fingerprint(fp),
                     "pinned_unconfirmed": True, "first_seen": "", "waiting": 0})
    return rows


def unconfirmed_schools(db) -> dict[str, str]:
    """school → fingerprint of the schools whose merged data came from a key nobody confirmed (未确认)."""
    return trust.unconfirmed(db)


def approve_key(db, school: str, fingerprint: str) -> list[merge.Outcome]:
    """Trust exactly the key ``fingerprint`` the bureau looked at (a pending key, or a first key not yet
    confirmed); an unconfirmed key it replaces is set aside; the files that waited for it are merged now."""
    return merge.confirm_key(db, school, fingerprint, Confirmation.APPROVED)[1]


def confirm_key(db, school: str, fingerprint: str, how: str = Confirmation.PAPER) -> list[merge.Outcome]:
    """What the paper-check calls once a stamped 备案表 names the school's key (DESIGN §16, way 2)."""
    return merge.confirm_key(db, school, fingerprint, how)[1]


def refuse_key(db, school: str, fingerprint: str | None = None) -> None:
    with transaction(db):
        trust.refuse(db, school, fingerprint)


def all_keys(db) -> list[dict]:
    return trust.keys(db)


def enrolment_codes(db) -> list[dict]:
    """Every roster school with its enrolment code (made now for schools without one), to print or export."""
    schools = roster_store.schools(db)
    with transaction(db):
        enrolment.issue(db, [s["code"] for s in schools])
    codes = enrolment.codes(db)
    return [{"school": s["code"], "name": s["name"], "township": s.get("township", ""),
             "code": enrolment.display(codes[s["code"]]["code"]),
             "used": bool(codes[s["code"]]["used_by"])} for s in schools]


def reissue_enrolment_code(db, school: str) -> str:
    with transaction(db):
        return enrolment.display(enrolment.reissue(db, school))


def write_enrolment_list(db, out) -> None:
    """The codes as a UTF-8 CSV (with BOM, so Excel and WPS show the Chinese): 学校代码, 学校名称, 注册码."""
    import csv
    import io

    from desktop.core.db.atomic import atomic_target

    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["学校代码", "学校名称", "乡镇", "注册码", "已使用"])
    for r in enrolment_codes(db):
        w.writerow([r["school"], r["name"], r["township"], r["code"], "是" if r["used"] else ""])
    with atomic_target(out) as tmp:
        tmp.write_bytes(buf.getvalue().encode("utf-8-sig"))


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


def confirm_by_paper(db, text: str) -> dict:
    """A stamped 备案表 confirms the key that signed the file it names (DESIGN §16, way 2): the paper-check's
    submission, then ``confirm_key`` with exactly that school and signer fingerprint. Refused unless the
    paper names one received file of a school in the roster."""
    found = paper_check(db, text)
    subs = [s for s in found["submissions"] if s["school_code"] and s["signer_fingerprint"]]
    if len(subs) != 1:
        raise TaizhangError(f"纸质备案表上的报送码 {found['code']} 没有对应唯一一份已收到的学校文件，不能据此确认密钥",
                            f"package code {found['code']} does not name exactly one received school file; "
                            "no key is confirmed")
    sub = subs[0]
    outcomes = confirm_key(db, sub["school_code"], sub["signer_fingerprint"], Confirmation.PAPER)
    return found | {"confirmed": {"school": sub["school_code"], "fingerprint": sub["signer_fingerprint"]},
                    "outcomes": [o.as_dict() for o in outcomes]}
