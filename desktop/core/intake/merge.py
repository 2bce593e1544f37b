"""Bureau import: classify → apply → audit, each file all or nothing (DESIGN §6; files that follow one another
share a commit, see ``COMMIT_FILES``).

Checking (intake.checking) comes first and may run in worker processes; this module decides what a
checked file means and applies it. Outcomes: accepted, duplicate, stale, rejected — each with a reason a
person reads (Chinese / English). A rejected file changes no school data; only ``submissions`` and
``audit_log`` record it.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable
from concurrent import futures
from concurrent.futures import Future
from dataclasses import dataclass, field

from desktop.core.db import checkpoints
from desktop.core.db.blobs import BlobChanged
from desktop.core.db.connection import batched, transaction
from desktop.core.intake import store
from desktop.core.intake.checking import Checked, check, check_archived, checked_in_order
from desktop.core.intake.inputs import Input, collect_inputs
from desktop.core.package.container import VerifiedPackage
from desktop.core.records import entries, evidence, history
from desktop.core.review import rules as review_rules
from desktop.core.signing import enrolment, identity, trust
from desktop.core.words import Confirmation, OwnerKind, Reason, Role
from desktop.core.words import Outcome as Verdict


@dataclass
class Outcome:
    file: str
    outcome: str
    reason: str = ""
    code: str = ""
    school: str | None = None
    period: str | None = None
    revision: int | None = None
    flags: list[str] = field(default_factory=list)  # 疑似重复材料 (records.copies): shown, never a rejection

    def as_dict(self) -> dict:
        return {"file": self.file, "outcome": self.outcome, "reason": self.reason, "school": self.school,
                "period": self.period, "revision": self.revision, "flags": self.flags}


class _Reject(Exception):
    """A rejection; ``keep`` says whether the file's bytes are archived anyway (conflicts, key changes)."""

    def __init__(self, code: str, zh: str, en: str, *, keep: bool = False, new_key: tuple | None = None):
        super().__init__(code)
        self.code, self.reason, self.keep, self.new_key = code, f"{zh} / {en}", keep, new_key


# Files merged one after another share a commit (each is still its own unit: a rejected file is undone alone):
# at most COMMIT_FILES, and none waits uncommitted longer than COMMIT_SECONDS for the next file's check. A
# commit writes each page it changed whole, and consecutive files change mostly the same pages (the
# submissions and their indexes, the audit log, the last page of entries), so a shared commit writes a
# fraction of the bytes. A crash loses the files since the last commit, none of which was reported merged.
COMMIT_FILES = 32
COMMIT_SECONDS = 0.1


def merge_paths(db, paths: Iterable, *, progress: Callable[[int, Outcome], None] | None = None,
                cancelled: Callable[[], bool] | None = None, workers: int | None = None) -> list[Outcome]:
    """Merge every package found under ``paths``; each file is a unit of its own (all of it or nothing), and
    ``progress`` hears of a file once it is committed, so cancel loses nothing and a crash loses only files
    not reported yet.

    For big batches the checking (hashing, signatures) runs in worker processes while this process
    applies the already-checked files in order, so both cores work.
    """
    ident = identity.load(db, role=Role.COUNTY)
    ctx = _Context(db, ident.county)
    inputs = list(collect_inputs(paths))
    results: list[Outcome] = []
    held: list[Outcome] = []  # merged, not committed yet: reported once they are
    # the log is copied into the file while the next files are checked
    with checkpoints.in_background(db) as copier, batched(db) as batch:

        def commit() -> None:
            batch.commit()
            if copier is not None:
                copier.committed()
            for result in held:
                results.append(result)
                if progress:
                    progress(len(results), result)
            held.clear()

        due = 0.0
        for inp, checked, upcoming in checked_in_order(inputs, workers, cancelled):
            if not held:
                due = time.monotonic() + COMMIT_SECONDS
            held.append(merge_one(ctx, inp, checked))
            if len(held) >= COMMIT_FILES or time.monotonic() >= due or upcoming is None \
                    or not _done_by(upcoming, due):
                commit()
        commit()
    return results


def _done_by(future: Future, due: float) -> bool:
    """Whether ``future`` is done by the time ``due`` (``time.monotonic``), waiting for it until then."""
    if not future.done():
        futures.wait([future], timeout=max(0.0, due - time.monotonic()))
    return future.done()


class _Context:
    """What the merge needs to know about this county, read once per batch."""

    def __init__(self, db, county: str):
        self.db, self.county = db, county
        self.versions, self._version_tasks = {}, {}
        for plan_id, version, digest, task_ids in db.execute(
                "SELECT plan_id, version, digest, task_ids FROM plan_versions").fetchall():
            self.versions[(plan_id, version)] = digest
            self._version_tasks[(plan_id, version)] = set(json.loads(task_ids))
        self.schools = {r[0]: r[1] for r in db.execute("SELECT code, name FROM schools").fetchall()}
        self.periods = {r[0]: bool(r[1]) for r in db.execute("SELECT name, closed FROM periods").fetchall()}
        self._tasks: dict[str, set[str]] = {}

    def task_ids(self, plan_id: str, version: int) -> set[str]:
        """The tasks of the plan version the school reported against (the current tasks for versions
        published before versions recorded their tasks)."""
        recorded = self._version_tasks.get((plan_id, version))
        if recorded:
            return recorded
        if plan_id not in self._tasks:
            self._tasks[plan_id] = {r[0] for r in self.db.execute(
                "SELECT task_id FROM tasks WHERE plan_id = ? AND is_heading = 0", [plan_id]).fetchall()}
        return self._tasks[plan_id]


def merge_one(ctx: _Context, inp: Input, checked: Checked | None = None) -> Outcome:
    db = ctx.db
    if inp.skipped == Reason.OUTSIDE_FOLDER:  # nothing was read, so nothing is recorded
        return Outcome(inp.display, Verdict.REJECTED, "链接指向所选文件夹之外，未读取 / a link leading out of the chosen "
                       "folder; not followed", Reason.OUTSIDE_FOLDER)
    if inp.skipped:
        return Outcome(inp.display, Verdict.REJECTED, "不是普通文件（管道、设备等），未读取 / not a regular file (a pipe, "
                       "a device…); not read", Reason.NOT_A_FILE)
    checked = checked or check(inp)
    sha, pkg = checked.sha256, checked.pkg
    prior = store.prior_verdict(db, sha)
    if prior and prior[0] in (Verdict.ACCEPTED, Verdict.STALE):
        return Outcome(inp.display, Verdict.DUPLICATE, "同一文件已经导入过，未作改动 / the same file was already merged; nothing changed",
                       Reason.SAME_FILE, *prior[1:])
    try:
        if checked.error is not None:
            raise _Reject(getattr(checked.error, "code", None) or Reason.INVALID, checked.error.zh, checked.error.en)
        with transaction(db):
            outcome = _classify_and_apply(ctx, inp, sha, pkg)
    except _Reject as rej:
        outcome = Outcome(inp.display, Verdict.REJECTED, rej.reason, rej.code)
        _fill(outcome, pkg.manifest if pkg is not None else checked.error and checked.error.manifest)
        _fill_claimed(outcome, checked.error)
        with transaction(db):  # the rejection alone: no school data is touched
            if rej.new_key:
                trust.request_key_change(db, OwnerKind.SCHOOL, *rej.new_key, sha)
            if rej.keep:
                try:
                    store.archive(db, sha, inp, pkg)
                except BlobChanged as exc:  # not the bytes that were checked: recorded, not kept
                    outcome.reason, outcome.code = f"{exc.zh} / {exc.en}", Reason.INVALID
            store.record(db, sha, inp, outcome, pkg)
    return outcome


def _fill(outcome: Outcome, manifest: dict | None) -> None:
    """Who sent a rejected file, when its signature held (the claims are then the signer's own)."""
    if isinstance(manifest, dict) and isinstance(manifest.get("school"), dict):
        code, period, revision = manifest["school"].get("code"), manifest.get("period"), manifest.get("revision")
        outcome.school = code if isinstance(code, str) else None
        outcome.period = period if isinstance(period, str) else None
        outcome.revision = revision if isinstance(revision, int) else None


def _fill_claimed(outcome: Outcome, error) -> None:
    """Who a re-saved file says it is (unverified, for the import row only: 学校/周期/版次)."""
    claims = getattr(error, "claims", None)
    if claims is not None and outcome.school is None:
        outcome.school, outcome.period, outcome.revision = claims.school_code, claims.period, claims.revision


def _classify_and_apply(ctx: _Context, inp: Input, sha: str, pkg: VerifiedPackage) -> Outcome:
    db, m = ctx.db, pkg.manifest
    school, plan, period, revision = m["school"]["code"], m["plan"], m["period"], m["revision"]
    if m["county"] != ctx.county:
        raise _Reject(Reason.OTHER_COUNTY, f"这是{m['county'][:40]}的报送文件，不属于{ctx.county}",
                      f"this package is for another county ({m['county'][:40]})")
    if ctx.versions.get((plan["id"], plan["version"])) != plan["digest"]:
        raise _Reject(Reason.UNKNOWN_PLAN, "报送所依据的任务清单未知（不是本局发布的计划或版本）",
                      "unknown plan or plan version (not published by this county)")
    if school not in ctx.schools:
        raise _Reject(Reason.UNKNOWN_SCHOOL, f"学校代码 {school} 不在学校名单中", f"school {school} is not in the roster")
    if period not in ctx.periods:
        raise _Reject(Reason.UNKNOWN_PERIOD, f"填报周期“{period}”不存在", f"unknown reporting period '{period}'")
    if ctx.periods[period]:
        raise _Reject(Reason.PERIOD_CLOSED, f"填报周期“{period}”已关闭", f"reporting period '{period}' is closed")
    unknown = [e["task_id"] for e in m["entries"] if e["task_id"] not in ctx.task_ids(plan["id"], plan["version"])]
    if unknown:
        raise _Reject(Reason.UNKNOWN_TASK, f"报送中有计划里不存在的任务：{unknown[0]}", f"the report names unknown task {unknown[0]}")
    confirm_as = _who_speaks(db, school, sha, pkg)
    if confirm_as is not None:  # a rejection below rolls this back with the rest of the file
        trust.pin(db, OwnerKind.SCHOOL, school, pkg.public_key, sha, confirm_as)
    outcome = Outcome(inp.display, Verdict.ACCEPTED, "", "", school, period, revision)
    if store.package_merged(db, m["package_id"]):
        outcome.outcome, outcome.code = Verdict.DUPLICATE, Reason.SAME_PACKAGE
        outcome.reason = "同一报送包已经导入过（文件名不同），未作改动 / the same package was already merged; nothing changed"
        return outcome
    current = store.merged_revision(db, school, plan["id"], period)
    if current is not None and revision < current:
        outcome.outcome, outcome.code = Verdict.STALE, Reason.STALE
        outcome.reason = (f"已有更新的第 {current} 次报送，本文件（第 {revision} 次）只存入历史 / "
                          f"revision {revision} is older than the merged revision {current}; kept in history only")
        current_sha = store.current_submission(db, school, plan["id"], period)
        for e in m["entries"]:
            history.keep(db, school, plan["id"], period, e["task_id"], revision, sha, e, e["indicators"], current_sha)
    elif current is not None and revision == current:
        raise _Reject(Reason.CONFLICT, f"与已导入的第 {revision} 次报送版次相同但内容不同（冲突，两份均已留存）",
                      f"same revision {revision} as the merged file but different content (conflict; both kept)",
                      keep=True)
    else:
        members = _archive(db, sha, inp, pkg)  # first: the evidence rows _apply writes point into the archive
        _apply(db, school, plan["id"], period, revision, sha, pkg, replaces=current is not None, members=members)
        if current is not None:
            outcome.reason = f"替换第 {current} 次报送 / supersedes revision {current}"
    if confirm_as == Confirmation.UNCONFIRMED and outcome.outcome == Verdict.ACCEPTED:
        outcome.code = Reason.UNCONFIRMED_KEY
        zh, _, en = outcome.reason.partition(" / ")
        zh = "；".join(x for x in (zh, "学校密钥未确认（首次使用，无注册码）") if x)
        en = "; ".join(x for x in (en, "school key unconfirmed (first use, no enrolment code)") if x)
        outcome.reason = f"{zh} / {en}"
    _archive(db, sha, inp, pkg)
    store.record(db, sha, inp, outcome, pkg)
    return outcome


def _archive(db, sha: str, inp: Input, pkg: VerifiedPackage) -> dict | None:
    """Keep the file's original bytes; bytes that are not the ones checked reject the file (nothing merged).
    Returns where its evidence members are in the archived bytes (None: archived before)."""
    try:
        return store.archive(db, sha, inp, pkg)
    except BlobChanged as exc:
        raise _Reject(Reason.INVALID, exc.zh, exc.en) from exc


def _who_speaks(db, school: str, sha: str, pkg: VerifiedPackage) -> str | None:
    """May this key speak for the school (DESIGN §16)? Returns how to pin it (None: already pinned as it
    should be), or raises the rejection. An enrolment proof that fits confirms the key at once, and sets
    aside what an unconfirmed other key brought; a second key without proof is held for the bureau."""
    fp = pkg.fingerprint
    owner = trust.key_owner(db, fp)
    if owner is not None and (owner[0], owner[1]) != (OwnerKind.SCHOOL, school):
        raise _Reject(Reason.KEY_OTHER_SCHOOL, f"签名密钥已属于学校 {owner[1]}，一个密钥不能代表两所学校",
                      f"the signing key already belongs to school {owner[1]}; one key never speaks for two schools")
    proof = enrolment.check(db, school, pkg.public_key, pkg.manifest.get("enrolment"))
    if proof is False:
        raise _Reject(Reason.ENROLMENT_WRONG, "注册码证明不符（学校输入的注册码不对，或文件不是该校发出的）",
                      "the enrolment proof does not match this school's code (wrong code typed, or not the school's file)")
    pinned = trust.pinned_key(db, OwnerKind.SCHOOL, school)
    how = trust.confirmation(db, OwnerKind.SCHOOL, school)
    if proof:
        enrolment.mark_used(db, school, fp)
        if pinned is None or pinned == pkg.public_key:
            return Confirmation.ENROLMENT if how != Confirmation.ENROLMENT else None
        if how == Confirmation.UNCONFIRMED:
            _set_aside(db, school, trust.pinned_fingerprint(db, OwnerKind.SCHOOL, school), fp)
            return Confirmation.ENROLMENT
    if pinned is None:
        return Confirmation.UNCONFIRMED
    if pinned == pkg.public_key:
        return None
    if trust.was_set_aside(db, school, fp):
        raise _Reject(Reason.OLD_KEY, "文件由该校已停用或已拒绝的旧密钥签名", "signed with a key of this school that was "
                      "replaced or refused")
    if how == Confirmation.UNCONFIRMED:
        raise _Reject(Reason.KEY_PENDING, "该校已有一个未确认的密钥，现又收到另一个密钥：两者都待教育局核对指纹后决定",
                      "another key for a school whose key is unconfirmed: both pending approval, the bureau decides "
                      "by fingerprint", keep=True, new_key=(school, pkg.public_key))
    raise _Reject(Reason.KEY_PENDING, "学校签名密钥已更换，等待审核批准（批准后自动合并）",
                  "key changed, pending approval (merged automatically once approved)",
                  keep=True, new_key=(school, pkg.public_key))


def _set_aside(db, school: str, old_fp: str | None, by: str) -> None:
    """The school was confirmed with another key: what the unconfirmed key ``old_fp`` brought goes to
    history and its files stop counting (they never make a later file stale or a conflict)."""
    if old_fp is None:
        return
    unlinked: set[str] = set()
    for plan_id, period in store.periods_from_key(db, school, old_fp):
        if store.current_signer(db, school, plan_id, period) == old_fp:
            unlinked |= entries.move_to_history(db, school, plan_id, period, f"set-aside-by:{by}")
    store.set_aside(db, school, old_fp, by)
    evidence.prune_unreferenced(db, unlinked)


def confirm_key(db, school: str, fingerprint: str, how: str) -> tuple[str, list[Outcome]]:
    """Confirm exactly the key ``fingerprint`` for the school (approval, paper-check): an unconfirmed key it
    replaces is set aside with its data; the files that waited for the key are merged now."""
    with transaction(db):
        done = trust.confirm(db, school, fingerprint, how)
        if done["replaced_unconfirmed"]:
            _set_aside(db, school, done["replaced"], done["fingerprint"])
    return done["fingerprint"], remerge_held(db, school, done["fingerprint"])


def _apply(db, school, plan_id, period, revision, sha, pkg: VerifiedPackage, *, replaces: bool,
           members: dict | None = None) -> None:
    """Write the file's entries and evidence; with ``replaces`` the school's earlier values for the period go to
    history first (without it there are none: county-side entries only ever come from an accepted file)."""
    m = pkg.manifest
    if replaces:
        old = review_rules.with_evidence(entries.get_entries(db, school, plan_id, period),
                                         evidence.list_evidence(db, school, plan_id, period))
        review_rules.on_new_revision(db, school, plan_id, period, revision, old,
                                     review_rules.with_evidence(m["entries"], m["evidence"]))
    unlinked = entries.move_to_history(db, school, plan_id, period, sha) if replaces else set()
    entries.write_reported(db, school, plan_id, period, revision, sha, m["entries"])
    if m["evidence"]:
        # verified already and archived (hash-checked) just before: each file is a reference to its member in
        # the archived bytes, never a second copy
        evidence.store_references(db, sha, m["evidence"], members if members is not None else store.evidence_members(db, sha))
        evidence.link_all(db, school, plan_id, period, m["created_at"], m["evidence"])
    evidence.prune_unreferenced(db, unlinked)  # superseded evidence stays once, in the archived file


def remerge_held(db, school: str, fingerprint: str) -> list[Outcome]:
    """Merge the files that waited for the school's key ``fingerprint`` (from the archive), once it is pinned."""
    ctx = _Context(db, identity.load(db).county)
    return [merge_one(ctx, Input(name), check_archived(sha, data))
            for sha, name, data in store.held_for_key(db, school, fingerprint)]
