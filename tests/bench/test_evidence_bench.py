"""Evidence-heavy reports merged into a county database, beside the floor: the same bytes read, hashed and
written once in plain Python. Merge time should stay within 2× the floor, and the database should grow by
about the bytes received (each evidence byte stored once, inside the archived file)."""

from __future__ import annotations

import hashlib
import io
import os
import random
import shutil
import time
import uuid
from pathlib import Path

import pytest

from desktop.core.clock import now_iso
from desktop.core.db.connection import open_db
from desktop.core.intake import merge
from desktop.core.package import reportbook
from desktop.core.package.container import EvidenceSource, write_package
from desktop.core.signing import crypto
from tests.conftest import PERIOD, make_county

pytestmark = pytest.mark.bench

PACKAGES = int(os.environ.get("BENCH_EVIDENCE_PACKAGES", "40"))
TASKS = 60
PHOTOS, PHOTO_BYTES = 30, 400 << 10
PDFS, PDF_BYTES = 2, 500 << 10


def _photo(rng: random.Random, size: int) -> bytes:
    """JPEG-looking bytes (start and end markers, random inside): they do not compress, like real photos."""
    return b"\xff\xd8\xff\xe0" + rng.randbytes(size - 6) + b"\xff\xd9"


def _pdf(rng: random.Random, size: int) -> bytes:
    head = b"%PDF-1.4\n"
    return head + rng.randbytes(size - len(head) - 6) + b"\n%%EOF"


def write_evidence_reports(folder: Path, plan: dict, schools: int, seed: int = 7) -> list[Path]:
    """One signed report per school with ``PHOTOS`` photos and ``PDFS`` PDFs (every file its own bytes)."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    tasks = [t for t in plan["tasks"] if not t["is_heading"]]
    summaries = reportbook.task_summaries(tasks)
    out = []
    for i in range(schools):
        key = crypto.new_private_key()
        entries = [{"task_id": t["task_id"], "status": "已完成", "progress": 100,
                    "narrative": "按计划推进，召开专题会议并形成记录。", "problems": "", "next_steps": "",
                    "na_reason": "", "updated_at": now_iso(), "indicators": [{"seq": 1, "value": "3"}]}
                   for t in tasks]
        files = [(f"现场照片{n + 1}.jpg", "image/jpeg", _photo(rng, PHOTO_BYTES)) for n in range(PHOTOS)]
        files += [(f"工作总结{n + 1}.pdf", "application/pdf", _pdf(rng, PDF_BYTES)) for n in range(PDFS)]
        sources = [EvidenceSource(hashlib.sha256(data).hexdigest(), name, len(data), mime,
                                  tasks[n % len(tasks)]["task_id"], lambda data=data: io.BytesIO(data))
                   for n, (name, mime, data) in enumerate(files)]
        content = {"layout": reportbook.LAYOUT, "county": plan["county"], "package_id": str(uuid.uuid4()),
                   "created_at": now_iso(),
                   "plan": {k: plan["plan"][k] for k in ("id", "version", "digest", "title")},
                   "school": {"code": f"B{i:05d}", "name": f"基准县第{i}学校"}, "period": PERIOD,
                   "revision": 1, "entries": entries, "evidence": [s.manifest_entry() for s in sources],
                   "tasks": summaries}
        path = folder / f"B{i:05d}.xlsx"
        write_package(path, kind="report", content=content, evidence=sources,
                      workbook=reportbook.build_workbook(content, crypto.fingerprint(crypto.public_raw(key))), key=key)
        out.append(path)
    return out


def _floor(paths: list[Path], out: Path) -> float:
    """Plain Python, once per file: read it, hash it, write it (what storing a received file cannot beat)."""
    t0 = time.perf_counter()
    for path in paths:
        digest = hashlib.sha256()
        with open(path, "rb") as src, open(out / path.name, "wb") as dst:
            while block := src.read(1 << 20):
                digest.update(block)
                dst.write(block)
    return time.perf_counter() - t0


def _db_bytes(path: Path) -> int:
    return sum(p.stat().st_size for p in (path, Path(f"{path}-wal")) if p.exists())


def test_evidence_heavy_merge_against_the_floor(tmp_path):
    db_path, plan = make_county(tmp_path / "county", PACKAGES, n_tasks=TASKS)
    reports = write_evidence_reports(tmp_path / "reports", plan, PACKAGES)
    package_bytes = sum(p.stat().st_size for p in reports)
    shutil.copy(db_path, tmp_path / "run.db")
    db = open_db(tmp_path / "run.db")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = _db_bytes(tmp_path / "run.db")
    (tmp_path / "floor").mkdir()
    floors = [_floor(reports, tmp_path / "floor")]
    t0 = time.perf_counter()
    outcomes = merge.merge_paths(db, [tmp_path / "reports"])
    merge_s = time.perf_counter() - t0
    # The floor once more after the merge: right after the reports are written the system is still flushing them
    # (the floor has measured 0.45 s and 1.46 s on the same machine), so the faster of the two is the one compared.
    floors.append(_floor(reports, tmp_path / "floor"))
    floor_s = min(floors)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    growth = (_db_bytes(tmp_path / "run.db") - before) / package_bytes
    one = next(r for r in db.execute("SELECT sha256 FROM evidence LIMIT 1"))[0]
    from desktop.core.records import evidence

    assert hashlib.sha256(evidence.evidence_bytes(db, one)).hexdigest() == one
    db.close()
    assert [o.outcome for o in outcomes] == ["accepted"] * PACKAGES
    ratio = merge_s / floor_s
    print(f"\n{PACKAGES} evidence-heavy reports ({package_bytes / PACKAGES / (1 << 20):.1f} MB each, {PHOTOS} photos + "
          f"{PDFS} PDFs, {package_bytes / (1 << 20):.0f} MB): merge {merge_s:.2f} s, floor (read + hash + write once) "
          f"{floor_s:.2f} s (the faster of {floors[0]:.2f} s before and {floors[1]:.2f} s after) → ratio {ratio:.1f}× (target ≤ 2×: {'met' if ratio <= 2 else 'NOT met'}); database growth "
          f"{growth:.3f}× the bytes received (target ≤ 1.05×: {'met' if growth <= 1.05 else 'NOT met'})")
    assert growth <= 1.2
    assert ratio <= 15  # the check (hash, signature, parts, sheets) is most of it today; see docs/decisions.md
