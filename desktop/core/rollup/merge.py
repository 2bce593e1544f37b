"""The city merges county packages exactly as a county merges school reports (DESIGN §14, §6): verify →
classify → apply → audit, one transaction per file, with the same outcomes (accepted, duplicate, stale,
rejected) and the same key rules: a county's key is pinned on its first accepted package, a different key
later waits for a person to approve exactly its fingerprint. A rejected file changes no county data; only
``county_submissions`` and ``audit_log`` record it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from desktop.core import zipsafe
from desktop.core.db.blobs import BlobChanged
from desktop.core.db.connection import transaction
from desktop.core.intake import store as intake_store
from desktop.core.intake.checking import unreadable
from desktop.core.intake.inputs import Input, collect_inputs
from desktop.core.package import countybook, resaved, visible
from desktop.core.package.container import MAX_FILE_BYTES, PackageInvalid, VerifiedPackage, verify_package
from desktop.core.records import evidence
from desktop.core.rollup import store
from desktop.core.signing import crypto, identity, trust
from desktop.core.words import Confirmation, OwnerKind, PackageKind, Reason, Role
from desktop.core.words import Outcome as Verdict


@dataclass
class Outcome:
    file: str
    outcome: str
    reason: str = ""
    code: str = ""
    county: str | None = None
    period: str | None = None
    revision: int | None = None
    flags: list[str] = field(default_factory=list)  # 疑似重复材料 across counties (rollup.copies): never a rejection

    def as_dict(self) -> dict:
        return {"file": self.file, "outcome": self.outcome, "reason": self.reason, "county": self.county,
                "period": self.period, "revision": self.revision, "flags": list(self.flags)}


class _Reject(Exception):
    def __init__(self, code: str, zh: str, en: str, *, keep: bool = False, new_key: bytes | None = None):
        super().__init__(code)
        self.code, self.reason, self.keep, self.new_key = code, f"{zh} / {en}", keep, new_key


@dataclass
class Checked:
    sha256: str
    pkg: VerifiedPackage | None = None
    error: PackageInvalid | None = None


def _wrong_kind(kind) -> PackageInvalid:
    if kind == PackageKind.REPORT:
        return PackageInvalid("这是学校的报送文件，应由县区教育局导入；市局只导入县区汇总包（县区端“导出县区汇总包”）",
                              "this is a school's report: the county bureau imports it; a city imports only county "
                              "packages (made with `county export`)", code=Reason.WRONG_ROLE)
    return PackageInvalid("这不是县区汇总包（是任务清单或审核意见文件），市局只导入县区汇总包",
                          "this is not a county package (a plan or feedback file); a city imports only county packages",
                          code=Reason.WRONG_ROLE)


def verified(source, sha: str | None = None) -> VerifiedPackage:
    """Every check a county package passes before it may be merged: signature and parts, kind, content, sheets."""
    pkg = verify_package(source, file_sha256=sha)
    if pkg.kind != PackageKind.COUNTY:
        raise _wrong_kind(pkg.kind)
    countybook.check_content(pkg.manifest)
    visible.check(pkg)
    return pkg


def check(inp: Input, known: Callable[[str], bool] | None = None) -> Checked:
    """Hash and verify one input; never raises for a bad file. Bytes ``known`` to be merged already are not
    verified again (a replay of a whole folder costs one hash per file)."""
    fallback = hashlib.sha256(inp.display.encode("utf-8")).hexdigest()
    if inp.skipped or inp.broken:
        return Checked(fallback, error=PackageInvalid("不是普通文件，或压缩包内的文件过大、已损坏，未读取",
                                                      "not a regular file, or an archive member too large or damaged"))
    try:
        if inp.member is None and inp.path is not None:
            zipsafe.checked_size(inp.path, MAX_FILE_BYTES)
        source = inp.source()
        sha = hashlib.sha256(source).hexdigest() if isinstance(source, bytes) else crypto.sha256_file(source)
    except zipsafe.ZipRefused as exc:
        return Checked(fallback, error=PackageInvalid(exc.zh, exc.en))
    except (OSError, ValueError, EOFError) as exc:
        return Checked(fallback, error=unreadable(exc))
    if known is not None and known(sha):
        return Checked(sha)
    try:
        return Checked(sha, pkg=verified(source, sha))
    except PackageInvalid as exc:  # a package a spreadsheet program re-saved is named and explained
        return Checked(sha, error=resaved.explain(source, exc, inp.display))


def _merged_before(db) -> Callable[[str], bool]:
    def known(sha: str) -> bool:
        prior = store.prior_verdict(db, sha)
        return prior is not None and prior[0] in (Verdict.ACCEPTED, Verdict.STALE)
    return known


def merge_paths(db, paths: Iterable, *, progress: Callable[[int, Outcome], None] | None = None,
                cancelled: Callable[[], bool] | None = None) -> list[Outcome]:
    """Merge every county package found under ``paths`` (files, folders, .zip archives)."""
    identity.load(db, role=Role.CITY)
    results = []
    for n, inp in enumerate(collect_inputs(paths), start=1):
        if cancelled and cancelled():
            break
        result = merge_one(db, inp, check(inp, _merged_before(db)))
        results.append(result)
        if progress:
            progress(n, result)
    return results


def merge_one(db, inp: Input, checked: Checked) -> Outcome:
    sha, pkg = checked.sha256, checked.pkg
    prior = store.prior_verdict(db, sha)
    if prior and prior[0] in (Verdict.ACCEPTED, Verdict.STALE):
        return Outcome(inp.display, Verdict.DUPLICATE, "同一文件已经导入过，未作改动 / the same file was already merged; "
                       "nothing changed", Reason.SAME_FILE, *prior[1:])
    try:
        if checked.error is not None:
            raise _Reject(checked.error.code or Reason.INVALID, checked.error.zh, checked.error.en)
        assert pkg is not None  # checked without an error: verified
        with transaction(db):
            return _classify_and_apply(db, inp, sha, pkg)
    except _Reject as rej:
        outcome = Outcome(inp.display, Verdict.REJECTED, rej.reason, rej.code)
        m = pkg.manifest if pkg is not None else None
        if m is not None:
            outcome.county, outcome.period, outcome.revision = m["county"], m["period"], m["revision"]
        with transaction(db):  # the rejection alone: no county data is touched
            if rej.new_key is not None and m is not None:
                trust.request_key_change(db, OwnerKind.COUNTY, m["county"], rej.new_key, sha)
            if rej.keep:
                try:
                    intake_store.archive(db, sha, inp, pkg)
                except BlobChanged as exc:  # not the bytes that were checked: recorded, not kept
                    outcome.reason, outcome.code = f"{exc.zh} / {exc.en}", Reason.INVALID
            store.record(db, sha, inp.display, outcome, m, pkg.fingerprint if pkg else None)
        return outcome


def _key_check(db, county: str, pkg: VerifiedPackage) -> bool:
    """May this key speak for the county? True: pin it now (first contact); False: it is the pinned key."""
    owner = trust.key_owner(db, pkg.fingerprint)
    if owner is not None and (owner[0], owner[1]) != (OwnerKind.COUNTY, county):
        raise _Reject(Reason.KEY_OTHER_SCHOOL, f"签名密钥已属于 {owner[1]}，一个密钥不能代表两个单位",
                      f"the signing key already belongs to {owner[1]}; one key never speaks for two owners")
    pinned = trust.pinned_key(db, OwnerKind.COUNTY, county)
    if pinned is None:
        return True
    if pinned == pkg.public_key:
        return False
    if trust.was_set_aside(db, county, pkg.fingerprint):
        raise _Reject(Reason.OLD_KEY, "文件由该县区已停用或已拒绝的旧密钥签名", "signed with a key of this county that was "
                      "replaced or refused")
    raise _Reject(Reason.KEY_PENDING, "县区签名密钥已更换，等待市局核对指纹后批准（批准后自动合并）",
                  "county key changed, pending approval by fingerprint (merged automatically once approved)",
                  keep=True, new_key=pkg.public_key)


def _classify_and_apply(db, inp: Input, sha: str, pkg: VerifiedPackage) -> Outcome:
    m = pkg.manifest
    county, plan_id, period, revision = m["county"], m["plan"]["id"], m["period"], m["revision"]
    if _key_check(db, county, pkg):
        trust.pin(db, OwnerKind.COUNTY, county, pkg.public_key, sha, Confirmation.UNCONFIRMED)
    outcome = Outcome(inp.display, Verdict.ACCEPTED, "", "", county, period, revision)
    if store.package_merged(db, m["package_id"]):
        outcome.outcome, outcome.code = Verdict.DUPLICATE, Reason.SAME_PACKAGE
        outcome.reason = "同一汇总包已经导入过（文件名不同），未作改动 / the same package was already merged; nothing changed"
        return outcome
    current = store.merged_revision(db, county, plan_id, period)
    if current is not None and revision < current:
        outcome.outcome, outcome.code = Verdict.STALE, Reason.STALE
        outcome.reason = (f"已有更新的第 {current} 次报送，本文件（第 {revision} 次）只存档 / "
                          f"revision {revision} is older than the merged revision {current}; archived only")
    elif current is not None and revision == current:
        raise _Reject(Reason.CONFLICT, f"与已导入的第 {revision} 次报送版次相同但内容不同（冲突，两份均已留存）",
                      f"same revision {revision} as the merged file but different content (conflict; both kept)",
                      keep=True)
    else:
        store.put_rollup(db, sha, m)
        if m["evidence"]:  # archived (hash-checked) first: each file is a reference into it, never a second copy
            members = _archive(db, sha, inp, pkg)
            evidence.store_references(db, sha, m["evidence"],
                                      members if members is not None else intake_store.evidence_members(db, sha))
        if current is not None:
            outcome.reason = f"替换第 {current} 次报送 / supersedes revision {current}"
    if outcome.outcome == Verdict.ACCEPTED and trust.confirmation(db, OwnerKind.COUNTY, county) == Confirmation.UNCONFIRMED:
        outcome.code = outcome.code or Reason.UNCONFIRMED_KEY
        zh, _, en = outcome.reason.partition(" / ")
        outcome.reason = (f"{zh + '；' if zh else ''}{_KEY_NOTE_ZH}：请打电话请{county}教育局读出其密钥指纹，在下方“县区密钥”中核对后确认 / "
                          f"{en + '; ' if en else ''}{_KEY_NOTE_EN}: compare its fingerprint with "
                          "the county by phone, then approve it below")
    _archive(db, sha, inp, pkg)
    store.record(db, sha, inp.display, outcome, m, pkg.fingerprint)
    return outcome


def _archive(db, sha: str, inp: Input, pkg: VerifiedPackage) -> dict | None:
    """Keep the file's original bytes; bytes that are not the ones checked reject the file (nothing merged).
    Returns where its evidence members are in the archived bytes (None: archived before)."""
    try:
        return intake_store.archive(db, sha, inp, pkg)
    except BlobChanged as exc:
        raise _Reject(Reason.INVALID, exc.zh, exc.en) from exc


_KEY_NOTE_ZH, _KEY_NOTE_EN = "县区密钥尚未核对", "the county key is not confirmed yet"


def reason_once_approved(reason: str) -> str:
    """The reason an accepted file of a county with an unconfirmed key gave, once the city approved that key:
    the request to compare the fingerprint becomes the fact that it was compared (the rest stays)."""
    zh, _, en = reason.partition(" / ")
    zh_parts = [p for p in zh.split("；") if p and not p.startswith(_KEY_NOTE_ZH)]
    en_parts = [p for p in en.split("; ") if p and not p.startswith(_KEY_NOTE_EN)]
    zh = "；".join(["县区密钥已核对批准", *zh_parts])
    en = "; ".join(["the county key has been compared and approved", *en_parts])
    return f"{zh} / {en}"


def approve_key(db, county: str, fingerprint: str) -> list[Outcome]:
    """Pin exactly the county key ``fingerprint``; the files that waited for it are merged now."""
    with transaction(db):
        done = trust.approve(db, county, fingerprint, OwnerKind.COUNTY)
    return [merge_one(db, Input(name), _check_bytes(sha, data))
            for sha, name, data in store.held_for_key(db, county, done["fingerprint"])]


def refuse_key(db, county: str, fingerprint: str | None = None) -> None:
    with transaction(db):
        trust.refuse(db, county, fingerprint, OwnerKind.COUNTY)


def _check_bytes(sha: str, data: bytes) -> Checked:
    try:
        return Checked(sha, pkg=verified(data, sha))
    except PackageInvalid as exc:
        return Checked(sha, error=exc)
