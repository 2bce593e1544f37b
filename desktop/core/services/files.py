"""Actions on files both roles do: verify, back up, save a stored evidence file."""

from __future__ import annotations

from pathlib import Path

from desktop.core.db import connection
from desktop.core.db.connection import open_db
from desktop.core.package import feedbackbook, reportbook, resaved, tamper, visible
from desktop.core.package.container import PackageInvalid, verify_package
from desktop.core.records import evidence


def _expand(paths) -> list:
    """Folders stand for the workbooks in them (Windows shells do not expand *.xlsx)."""
    out = []
    for p in paths:
        p = Path(p)
        if p.is_dir():
            out.extend(sorted(x for x in p.rglob("*.xlsx") if x.is_file() and not x.name.startswith((".", "~$"))))
        else:
            out.append(p)
    return out


def verify_files(paths) -> list[dict]:
    """Check each file (folders: every .xlsx in them); never raises for a bad file (the reason goes in the result)."""
    out = []
    for path in _expand(paths):
        item = {"file": str(path), "valid": False, "kind": None, "school": None, "revision": None, "reason": ""}
        try:
            pkg = verify_package(path)
            m = pkg.manifest
            if m["kind"] == "report":
                reportbook.check_content(m)
            elif m["kind"] == "feedback":
                feedbackbook.check_content(m)
            visible.check(pkg)
            item.update(valid=True, kind=m["kind"], revision=m.get("revision", m.get("answers_revision")),
                        school=(m.get("school") or {}).get("code"), fingerprint=pkg.fingerprint)
        except PackageInvalid as exc:
            exc = resaved.explain(path, tamper.explain(path, exc))
            item["reason"] = str(exc)
            if isinstance(exc, resaved.ResavedFile):
                item.update(resaved=exc.as_dict(), kind=exc.claims.kind or None, school=exc.claims.school_code,
                            revision=exc.claims.revision)
            if exc.sheets:
                item["sheets"] = exc.sheets
                item["changes"] = exc.changes
        out.append(item)
    return out


def backup(db_path, out) -> Path:
    db = open_db(db_path)
    try:
        return connection.backup(db, out)
    finally:
        db.close()


def save_evidence(db, sha256: str, target) -> Path:
    """Copy a stored evidence file out (to open it, or to keep it)."""

    return evidence.copy_evidence_to(db, sha256, target)



_TEMP: list = []


def temp_folder() -> Path:
    """One private folder (0700) per run for copies of evidence opened in another program; removed when
    the program exits (atexit), so no copy of a school's files stays behind in the temp folder."""
    import atexit
    import shutil
    import tempfile

    if not _TEMP:
        folder = Path(tempfile.mkdtemp(prefix="taizhang-open-"))
        _TEMP.append(folder)
        atexit.register(shutil.rmtree, folder, True)
    return _TEMP[0]


def remove_temp_folder() -> None:
    """Remove the run's temp copies now (also done at exit)."""
    import shutil

    while _TEMP:
        shutil.rmtree(_TEMP.pop(), ignore_errors=True)
