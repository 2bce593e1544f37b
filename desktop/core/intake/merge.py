"""Bureau import: verify → classify → apply → audit, one transaction per file (DESIGN §6).

Outcomes: accepted, duplicate, stale, rejected — each with a reason a person reads (Chinese / English).
A rejected file changes no school data; only ``submissions`` and ``audit_log`` record it.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import zipfile
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from desktop.core.db.connection import audit, insert_streamed, now_iso, transaction
from desktop.core.errors import TaizhangError
from desktop.core.package import reportbook, tamper
from desktop.core.package.container import (
    MAX_FILE_BYTES,
    MAX_RATIO,
    PackageInvalid,
    VerifiedPackage,
    verify_package,
)
from desktop.core.signing import crypto, identity

MAX_ARCHIVE_MEMBERS = 20000
_READ_WHOLE_BELOW = 8 << 20
MAX_ARCHIVE_TOTAL = 4 << 30


@dataclass
class Input:
    """One package to merge: a file on disk, or a member of a .zip archive (read when needed).

    ``display`` is only ever shown to people; no path is derived from a name inside an archive.
    """

    display: str
    path: Path | None = None
    member: str | None = None  # set for a member of the .zip at ``path``
    broken: bool = False  # an archive member over the limits: rejected without reading

    def read(self) -> bytes:
        if self.member is None:
            return self.path.read_bytes()
        with zipfile.ZipFile(self.path) as zf:
            return zf.read(self.member)

    def source(self):
        """What verify_package takes: the bytes of an archive member or of a small file (one read instead
        of a seek per part), the path of a big one (evidence is streamed, never held whole)."""
        if self.member is None and self.path.stat().st_size > _READ_WHOLE_BELOW:
            return self.path
        return self.read()


@dataclass
class Checked:
    """The CPU-heavy half of merging one file (hashing, signature, parts), done before the transaction."""

    sha256: str
    pkg: VerifiedPackage | None = None
    error: PackageInvalid | None = None


def check(inp: Input) -> Checked:
    """Hash and verify one input; never raises for a bad file. Runs in worker processes for big batches."""
    if inp.broken:
        return Checked(hashlib.sha256(inp.display.encode("utf-8")).hexdigest(),
                       error=PackageInvalid("压缩包内的文件过大或已损坏", "archive member too large or damaged"))
    try:
        source = inp.source()
        sha = hashlib.sha256(source).hexdigest() if isinstance(source, bytes) else crypto.sha256_file(source)
    except (OSError, zipfile.BadZipFile, EOFError, ValueError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        return Checked(hashlib.sha256(inp.display.encode("utf-8")).hexdigest(),
                       error=PackageInvalid(f"无法读取文件：{reason}", f"cannot read the file: {reason}"))
    try:
        pkg = verify_package(source, expect_kind="report", file_sha256=sha)
        reportbook.check_content(pkg.manifest)
        return Checked(sha, pkg=pkg)
    except PackageInvalid as exc:
        return Checked(sha, error=tamper.explain(source, exc))


@dataclass
class Outcome:
    file: str
    outcome: str
    reason: str = ""
    code: str = ""
    school: str | None = None
    period: str | None = None
    revision: int | None = None

    def as_dict(self) -> dict:
        return {"file": self.file, "outcome": self.outcome, "reason": self.reason, "school": self.school,
                "period": self.period, "revision": self.revision}


class _Reject(Exception):
    """A rejection; ``keep`` says whether the file's bytes are archived anyway (conflicts, key changes)."""

    def __init__(self, code: str, zh: str, en: str, *, keep: bool = False, new_key: tuple | None = None):
        super().__init__(code)
        self.code, self.reason, self.keep, self.new_key = code, f"{zh} / {en}", keep, new_key


def collect_inputs(paths: Iterable) -> Iterator[Input]:
    """Files, folders (recursive, sorted) and .zip archives of packages. Names are only for display."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():  # in a folder only workbooks and archives count (a USB stick holds much else)
            for sub in sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith((".", "~$"))
                              and p.suffix.lower() in (".xlsx", ".xlsm", ".zip")):
                yield from _file_inputs(sub)
        else:
            yield from _file_inputs(path)


def _file_inputs(path: Path) -> Iterator[Input]:
    if path.suffix.lower() != ".zip" or not path.is_file():
        yield Input(str(path), path=path)
        return
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError):
        yield Input(str(path), path=path)  # verify will explain
        return
    with zf:
        infos = [i for i in zf.infolist() if not i.is_dir()]
        if len(infos) > MAX_ARCHIVE_MEMBERS or sum(i.file_size for i in infos) > MAX_ARCHIVE_TOTAL:
            yield Input(str(path), path=path, broken=True)
            return
        for info in infos:
            base = info.filename.replace("\\", "/").split("/")[-1]
            if not base.lower().endswith((".xlsx", ".xlsm")) or base.startswith((".", "~$")):
                continue
            bomb = info.file_size > (1 << 20) and info.file_size > MAX_RATIO * max(info.compress_size, 1)
            yield Input(f"{path}!{info.filename}", path=path, member=info.filename,
                        broken=info.file_size > MAX_FILE_BYTES or bomb)


PARALLEL_FROM = 64  # files; below this a worker pool costs more than it saves
_WINDOW = 32


def merge_paths(db, paths: Iterable, *, progress: Callable[[int, Outcome], None] | None = None,
                cancelled: Callable[[], bool] | None = None, workers: int | None = None) -> list[Outcome]:
    """Merge every package found under ``paths``; one transaction per file, so cancel loses nothing.

    For big batches the checking (hashing, signatures) runs in worker processes while this process
    applies the already-checked files in order, so both cores work.
    """
    ident = identity.load(db, role="county")
    ctx = _Context(db, ident.county)
    inputs = list(collect_inputs(paths))
    results = []
    for n, (inp, checked) in enumerate(_checked(inputs, workers, cancelled), start=1):
        result = merge_one(ctx, inp, checked)
        results.append(result)
        if progress:
            progress(n, result)
    return results


def _checked(inputs: list[Input], workers: int | None, cancelled) -> Iterator[tuple[Input, Checked]]:
    if workers is None:
        workers = max(1, (os.cpu_count() or 1) - 1) if len(inputs) >= PARALLEL_FROM else 0
    if workers == 0:
        for inp in inputs:
            if cancelled and cancelled():
                return
            yield inp, check(inp)
        return
    method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    context = multiprocessing.get_context(method)
    if method == "forkserver":
        context.set_forkserver_preload([__name__])
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        pending: deque = deque()
        feed = iter(inputs)
        try:
            while True:
                while len(pending) < _WINDOW and (inp := next(feed, None)) is not None:
                    pending.append((inp, pool.submit(check, inp)))
                if not pending or (cancelled and cancelled()):
                    return
                inp, future = pending.popleft()
                yield inp, future.result()
        finally:
            for _, future in pending:
                future.cancel()


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
    checked = checked or check(inp)
    sha, pkg = checked.sha256, checked.pkg
    prior = db.execute("SELECT outcome, school_code, period, revision FROM submissions WHERE sha256 = ?",
                       [sha]).fetchone()
    if prior and prior[0] in ("accepted", "stale"):
        return Outcome(inp.display, "duplicate", "同一文件已经导入过，未作改动 / the same file was already merged; nothing changed",
                       "same_file", *prior[1:])
    try:
        if checked.error is not None:
            raise _Reject("invalid", checked.error.zh, checked.error.en)
        with transaction(db):
            outcome = _classify_and_apply(ctx, inp, sha, pkg)
    except _Reject as rej:
        outcome = Outcome(inp.display, "rejected", rej.reason, rej.code)
        _fill(outcome, pkg.manifest if pkg is not None else checked.error and checked.error.manifest)
        with transaction(db):  # the rejection alone: no school data is touched
            if rej.new_key:
                identity.request_key_change(db, "school", *rej.new_key, sha)
            if rej.keep:
                _archive(db, sha, inp, pkg)
            _record(db, sha, inp, outcome, pkg)
    return outcome


def _fill(outcome: Outcome, manifest: dict | None) -> None:
    """Who sent a rejected file, when its signature held (the claims are then the signer's own)."""
    if isinstance(manifest, dict) and isinstance(manifest.get("school"), dict):
        code, period, revision = manifest["school"].get("code"), manifest.get("period"), manifest.get("revision")
        outcome.school = code if isinstance(code, str) else None
        outcome.period = period if isinstance(period, str) else None
        outcome.revision = revision if isinstance(revision, int) else None


def _classify_and_apply(ctx: _Context, inp: Input, sha: str, pkg: VerifiedPackage) -> Outcome:
    db, m = ctx.db, pkg.manifest
    school, plan, period, revision = m["school"]["code"], m["plan"], m["period"], m["revision"]
    if m["county"] != ctx.county:
        raise _Reject("other_county", f"这是{m['county'][:40]}的报送文件，不属于{ctx.county}",
                      f"this package is for another county ({m['county'][:40]})")
    if ctx.versions.get((plan["id"], plan["version"])) != plan["digest"]:
        raise _Reject("unknown_plan", "报送所依据的任务清单未知（不是本局发布的计划或版本）",
                      "unknown plan or plan version (not published by this county)")
    if school not in ctx.schools:
        raise _Reject("unknown_school", f"学校代码 {school} 不在学校名单中", f"school {school} is not in the roster")
    if period not in ctx.periods:
        raise _Reject("unknown_period", f"填报周期“{period}”不存在", f"unknown reporting period '{period}'")
    if ctx.periods[period]:
        raise _Reject("period_closed", f"填报周期“{period}”已关闭", f"reporting period '{period}' is closed")
    unknown = [e["task_id"] for e in m["entries"] if e["task_id"] not in ctx.task_ids(plan["id"], plan["version"])]
    if unknown:
        raise _Reject("unknown_task", f"报送中有计划里不存在的任务：{unknown[0]}", f"the report names unknown task {unknown[0]}")
    pinned = identity.pinned_key(db, "school", school)
    if pinned is not None and pinned != pkg.public_key:
        former = db.execute("SELECT status FROM trusted_keys WHERE fingerprint = ? AND owner_code = ?"
                            " AND status IN ('retired', 'refused')", [pkg.fingerprint, school]).fetchone()
        if former:
            raise _Reject("old_key", "文件由该校已停用或已拒绝的旧密钥签名", "signed with a key of this school that was "
                          "replaced or refused")
        raise _Reject("key_pending", "学校签名密钥已更换，等待审核批准（批准后自动合并）",
                      "key changed, pending approval (merged automatically once approved)",
                      keep=True, new_key=(school, pkg.public_key))
    outcome = Outcome(inp.display, "accepted", "", "", school, period, revision)
    if db.execute("SELECT 1 FROM submissions WHERE package_id = ? AND outcome IN ('accepted', 'stale')",
                  [m["package_id"]]).fetchone():
        outcome.outcome, outcome.code = "duplicate", "same_package"
        outcome.reason = "同一报送包已经导入过（文件名不同），未作改动 / the same package was already merged; nothing changed"
        return outcome
    current = db.execute("SELECT MAX(revision) FROM submissions WHERE school_code = ? AND plan_id = ? AND period = ?"
                         " AND outcome = 'accepted'", [school, plan["id"], period]).fetchone()[0]
    if current is not None and revision < current:
        outcome.outcome, outcome.code = "stale", "stale"
        outcome.reason = (f"已有更新的第 {current} 次报送，本文件（第 {revision} 次）只存入历史 / "
                          f"revision {revision} is older than the merged revision {current}; kept in history only")
        current_sha = _current_submission(db, school, plan["id"], period)
        for e in m["entries"]:
            _history(db, school, plan["id"], period, e["task_id"], revision, sha, e, e["indicators"], current_sha)
    elif current is not None and revision == current:
        raise _Reject("conflict", f"与已导入的第 {revision} 次报送版次相同但内容不同（冲突，两份均已留存）",
                      f"same revision {revision} as the merged file but different content (conflict; both kept)",
                      keep=True)
    else:
        _apply(db, school, plan["id"], period, revision, sha, pkg, replaces=current is not None)
        if pinned is None:
            identity.pin(db, "school", school, pkg.public_key, sha)
        if current is not None:
            outcome.reason = f"替换第 {current} 次报送 / supersedes revision {current}"
    _archive(db, sha, inp, pkg)
    _record(db, sha, inp, outcome, pkg)
    return outcome


def _current_submission(db, school, plan_id, period) -> str:
    return db.execute("SELECT sha256 FROM submissions WHERE school_code = ? AND plan_id = ? AND period = ?"
                      " AND outcome = 'accepted' ORDER BY revision DESC LIMIT 1", [school, plan_id, period]).fetchone()[0]


def _history(db, school, plan_id, period, task_id, revision, submission, entry, indicators, replaced_by) -> None:
    data = {k: entry[k] for k in ("status", "progress", "narrative", "problems", "next_steps", "na_reason", "updated_at")}
    data["indicators"] = indicators
    db.execute("INSERT OR IGNORE INTO entry_history (school_code, plan_id, task_id, period, revision, submission, data,"
               " replaced_by, replaced_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
               [school, plan_id, task_id, period, revision, submission, crypto.canonical_json(data).decode("utf-8"),
                replaced_by, now_iso()])


def _replace(db, school, plan_id, period, sha) -> None:
    """Move the school's current values for the period to history, then clear them."""
    key = [school, plan_id, period]
    old_values: dict[str, list] = {}
    for task_id, seq, value in db.execute("SELECT task_id, target_seq, value FROM indicator_values WHERE school_code = ?"
                                          " AND plan_id = ? AND period = ?", key).fetchall():
        old_values.setdefault(task_id, []).append({"seq": seq, "value": value})
    for row in db.execute("SELECT task_id, status, progress, narrative, problems, next_steps, na_reason, updated_at,"
                          " revision, submission FROM entries WHERE school_code = ? AND plan_id = ? AND period = ?",
                          key).fetchall():
        old = dict(zip(("task_id", "status", "progress", "narrative", "problems", "next_steps", "na_reason",
                        "updated_at"), row[:8], strict=True))
        _history(db, school, plan_id, period, row[0], row[8], row[9], old, old_values.get(row[0], []), sha)
    for table in ("entries", "indicator_values", "entry_evidence"):
        db.execute(f"DELETE FROM {table} WHERE school_code = ? AND plan_id = ? AND period = ?", key)


def _apply(db, school, plan_id, period, revision, sha, pkg: VerifiedPackage, *, replaces: bool) -> None:
    """Write the file's entries; with ``replaces`` the school's earlier values for the period go to history first
    (without it there are none: county-side entries only ever come from an accepted file)."""
    m = pkg.manifest
    if replaces:
        _replace(db, school, plan_id, period, sha)
    conn = db.conn
    conn.executemany(
        "INSERT INTO entries (school_code, plan_id, task_id, period, status, progress, narrative, problems,"
        " next_steps, na_reason, updated_at, revision, submission) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(school, plan_id, e["task_id"], period, e["status"], e["progress"], e["narrative"], e["problems"],
          e["next_steps"], e["na_reason"], e["updated_at"], revision, sha) for e in m["entries"]])
    conn.executemany(
        "INSERT OR REPLACE INTO indicator_values (school_code, plan_id, task_id, target_seq, period, value,"
        " updated_at, submission) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [(school, plan_id, e["task_id"], iv["seq"], period, iv["value"], e["updated_at"], sha)
         for e in m["entries"] for iv in e["indicators"]])
    if m["evidence"]:
        with pkg.open_zip() as zf:
            for ev in m["evidence"]:
                if db.execute("SELECT 1 FROM evidence WHERE sha256 = ?", [ev["sha256"]]).fetchone() is None:
                    part = zf.getinfo(f"taizhang/evidence/{ev['sha256']}.bin")
                    with zf.open(part) as stream:  # verified already; streamed, not held whole
                        insert_streamed(db, "evidence", "data", {"sha256": ev["sha256"], "size": part.file_size,
                                                                 "mime": ev["mime"], "added_at": now_iso()},
                                        part.file_size, stream)
                db.execute("INSERT OR REPLACE INTO entry_evidence (school_code, plan_id, task_id, period, sha256, name,"
                           " added_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                           [school, plan_id, ev["task_id"], period, ev["sha256"], ev["name"], m["created_at"]])


def check_archived(sha: str, name: str, data: bytes) -> Checked:
    """Re-check a file kept in the archive (bytes in hand, nothing read from disk)."""
    try:
        pkg = verify_package(data, expect_kind="report", file_sha256=sha)
        reportbook.check_content(pkg.manifest)
        return Checked(sha, pkg=pkg)
    except PackageInvalid as exc:
        return Checked(sha, error=exc)


def _archive(db, sha: str, inp: Input, pkg: VerifiedPackage | None) -> None:
    """Keep the original bytes (from the check when it read them whole, else from the file again)."""
    if db.execute("SELECT 1 FROM archive WHERE sha256 = ?", [sha]).fetchone() is not None:
        return
    if pkg is not None and pkg.data is not None:
        db.execute("INSERT INTO archive (sha256, data) VALUES (?, ?)", [sha, pkg.data])
    elif inp.member is None:  # a big file on disk: streamed into the database, not read whole
        with open(inp.path, "rb") as fh:
            insert_streamed(db, "archive", "data", {"sha256": sha}, inp.path.stat().st_size, fh)
    else:
        db.execute("INSERT INTO archive (sha256, data) VALUES (?, ?)", [sha, inp.read()])


def _record(db, sha: str, inp: Input, outcome: Outcome, pkg: VerifiedPackage | None) -> None:
    m = pkg.manifest if pkg is not None else {}
    prior = db.execute("SELECT outcome, reason FROM submissions WHERE sha256 = ?", [sha]).fetchone()
    if prior == (outcome.outcome, outcome.reason):
        return  # the same verdict on the same bytes: nothing new to record
    if outcome.outcome == "duplicate":
        return
    plan = m.get("plan") if isinstance(m.get("plan"), dict) else {}
    db.execute(
        "INSERT OR REPLACE INTO submissions (sha256, package_id, file_name, school_code, plan_id, period, revision,"
        " outcome, reason, reason_code, signer_fingerprint, created_at, received_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [sha, m.get("package_id") if isinstance(m.get("package_id"), str) else None, os.path.basename(inp.display)[:255],
         outcome.school, plan.get("id") if isinstance(plan.get("id"), str) else None, outcome.period, outcome.revision,
         outcome.outcome, outcome.reason, outcome.code, pkg.fingerprint if pkg else None,
         m.get("created_at") if isinstance(m.get("created_at"), str) else None, now_iso()])
    audit(db, f"merge.{outcome.outcome}", outcome.school or "",
          json.dumps({"file": inp.display[-200:], "sha256": sha, "reason": outcome.code}, ensure_ascii=False))


def approve_key(db, school: str) -> list[Outcome]:
    """Pin the school's pending key and merge the files that waited for it (from the archive)."""
    row = db.execute("SELECT fingerprint, public_key FROM trusted_keys WHERE owner_kind = 'school' AND owner_code = ?"
                     " AND status = 'pending' ORDER BY first_seen DESC LIMIT 1", [school]).fetchone()
    if row is None:
        raise TaizhangError(f"学校 {school} 没有待批准的新密钥", f"school {school} has no pending key change")
    fp, public_key = row[0], bytes(row[1])
    with transaction(db):
        identity.pin(db, "school", school, public_key, None)
        db.execute("UPDATE trusted_keys SET status = 'refused', decided_at = ? WHERE owner_kind = 'school'"
                   " AND owner_code = ? AND status = 'pending'", [now_iso(), school])
        audit(db, "keys.approve", school, json.dumps({"fingerprint": fp}))
    held = db.execute("SELECT s.sha256, s.file_name, a.data FROM submissions s JOIN archive a USING (sha256)"
                      " WHERE s.school_code = ? AND s.reason_code = 'key_pending' AND s.signer_fingerprint = ?"
                      " ORDER BY s.revision", [school, fp]).fetchall()
    ctx = _Context(db, identity.load(db).county)
    return [merge_one(ctx, Input(name), check_archived(sha, name, bytes(data))) for sha, name, data in held]


def refuse_key(db, school: str) -> None:
    with transaction(db):
        cur = db.execute("UPDATE trusted_keys SET status = 'refused', decided_at = ? WHERE owner_kind = 'school'"
                         " AND owner_code = ? AND status = 'pending'", [now_iso(), school])
        if cur.rowcount == 0:
            raise TaizhangError(f"学校 {school} 没有待批准的新密钥", f"school {school} has no pending key change")
        audit(db, "keys.refuse", school)


def file_from_archive(db, sha: str) -> bytes:
    row = db.execute("SELECT data FROM archive WHERE sha256 = ?", [sha]).fetchone()
    if row is None:
        raise TaizhangError("存档中没有该文件", "file not in the archive")
    return bytes(row[0])

