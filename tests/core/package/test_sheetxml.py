"""The fast writer of the visible parts makes exactly the bytes of the full openpyxl rebuild, for any manifest
our builders take (CJK, long text, XML-special characters, formula-like and error-like text, empty fields,
many tasks, evidence); and visible.check uses it only to accept sooner."""

from __future__ import annotations

import hashlib
import string

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core.package import planbook, reportbook, sheets, sheetxml, visible
from desktop.core.package.container import verify_package

FINGERPRINT = "ab12" * 16
_REBUILT = visible.rebuilt_parts
_ALPHABET = st.sampled_from(list("任务完成情况说明存在问题下步打算：，。（）、；“”　")
                            + list(string.ascii_letters + string.digits + " ")
                            + list("&<>\"'=+-@#%\t\r\n") + ["\x01", "\x0b", "\ufffe", "😀", "é", "Ω", "\u00a0"])
TEXT = st.one_of(st.just(""), st.text(_ALPHABET, max_size=40),
                 st.sampled_from(["#N/A", "#DIV/0!", "=1+1", "+86 123", "-", "@x", " lead", "trail ", "\t",
                                  "a\r\nb", "x" * 300, "长" * 500]))
STATUS = st.sampled_from(["未开始", "进行中", "已完成", "不适用"])


@st.composite
def report_manifests(draw):
    n = draw(st.integers(min_value=0, max_value=12))
    tasks, entries, evidence = [], [], []
    for i in range(n):
        task_id = f"{i // 5 + 1}.{i % 5 + 1}"
        targets = [{"seq": s, "text": draw(TEXT), "value": draw(st.one_of(st.none(), TEXT)), "unit": draw(TEXT)}
                   for s in range(1, draw(st.integers(0, 2)) + 1)]
        tasks.append({"task_id": task_id, "title": draw(TEXT), "deadline": draw(st.one_of(st.none(), TEXT)),
                      "targets": targets})
        entries.append({"task_id": task_id, "status": draw(STATUS), "progress": draw(st.integers(0, 100)),
                        "narrative": draw(TEXT), "problems": draw(TEXT), "next_steps": draw(TEXT),
                        "na_reason": draw(TEXT), "updated_at": "2026-06-01T10:00:00+08:00",
                        "indicators": [{"seq": x["seq"], "value": draw(TEXT)} for x in targets
                                       if draw(st.booleans())]})
        evidence.extend({"name": draw(TEXT) or "a.jpg", "task_id": task_id, "size": draw(st.integers(0, 10 ** 12)),
                         "sha256": "0f" * 32, "mime": "image/jpeg"} for _ in range(draw(st.integers(0, 2))))
    return {"layout": reportbook.LAYOUT, "kind": "report", "county": draw(TEXT),
            "school": {"code": draw(TEXT), "name": draw(TEXT)},
            "plan": {"id": "p1", "version": draw(st.integers(1, 9)), "digest": "00" * 32, "title": draw(TEXT)},
            "period": draw(TEXT), "revision": draw(st.integers(1, 100)),
            "created_at": "2026-06-01T10:00:00+08:00", "package_id": "12345678-abcd-4abc-8abc-1234567890ab",
            "tasks": tasks, "entries": entries, "evidence": evidence}


@st.composite
def plan_manifests(draw):
    tasks = []
    for i in range(draw(st.integers(0, 10))):
        heading = draw(st.booleans())
        tasks.append({"task_id": str(i + 1), "is_heading": heading, "title": draw(TEXT), "text": draw(TEXT),
                      "units": draw(st.lists(TEXT, max_size=3)), "deadline": draw(st.one_of(st.none(), TEXT)),
                      "targets": [{"text": draw(TEXT), "value": draw(st.one_of(st.none(), TEXT)),
                                   "placeholder": draw(st.booleans())} for _ in range(draw(st.integers(0, 2)))],
                      "applies_to": draw(st.lists(TEXT, max_size=2))})
    return {"layout": planbook.LAYOUT, "kind": "plan", "county": draw(TEXT), "created_at": draw(TEXT),
            "plan": {"id": "p1", "version": draw(st.integers(1, 9)), "digest": "00" * 32, "title": draw(TEXT)},
            "tasks": tasks,
            "schools": [{"code": draw(TEXT), "name": draw(TEXT), "type": draw(TEXT), "township": draw(TEXT)}
                        for _ in range(draw(st.integers(0, 4)))],
            "periods": [{"name": draw(TEXT), "due_date": draw(st.one_of(st.none(), TEXT))}
                        for _ in range(draw(st.integers(0, 3)))]}


def _same(manifest: dict) -> None:
    full = visible.rebuilt_parts(manifest, FINGERPRINT)
    fast = visible.fast_parts(manifest, FINGERPRINT)
    assert fast is not None
    assert sorted(fast) == sorted(full)
    for name, data in full.items():
        assert fast[name] == data, name


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(report_manifests())
def test_report_parts_are_the_full_rebuilds_bytes(manifest):
    _same(manifest)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(plan_manifests())
def test_plan_parts_are_the_full_rebuilds_bytes(manifest):
    _same(manifest)


def test_many_tasks_and_evidence():
    tasks = [{"task_id": f"1.{i}", "title": f"任务{i}<&>", "deadline": "2026-06",
              "targets": [{"seq": 1, "text": "不少于1次", "value": "1", "unit": "次"}]} for i in range(300)]
    entries = [{"task_id": t["task_id"], "status": "已完成", "progress": 100, "narrative": "按计划推进。" * (i % 40),
                "problems": "=SUM(A1)" if i % 7 == 0 else "", "next_steps": "", "na_reason": "",
                "updated_at": "2026-06-01T10:00:00+08:00", "indicators": [{"seq": 1, "value": str(i)}]}
               for i, t in enumerate(tasks)]
    evidence = [{"name": f"照片{i}.jpg", "task_id": f"1.{i % 300}", "size": 10 ** 6 + i, "sha256": f"{i:064x}",
                 "mime": "image/jpeg"} for i in range(120)]
    _same({"layout": reportbook.LAYOUT, "kind": "report", "county": "县", "school": {"code": "S1", "name": "一校"},
           "plan": {"id": "p", "version": 1, "digest": "0" * 64, "title": "计划"}, "period": "上半年",
           "revision": 3, "created_at": "2026-06-01T10:00:00+08:00", "package_id": "ab" * 16, "tasks": tasks,
           "entries": entries, "evidence": evidence})


def test_a_real_report_is_accepted_without_the_full_rebuild(world, monkeypatch):
    path = sorted((world / "reports").glob("*.xlsx"))[0]
    pkg = verify_package(path)
    monkeypatch.setattr(visible, "_expected", lambda *_a: pytest.fail("the full rebuild was needed"))
    visible.check(pkg)


def test_the_full_rebuild_decides_when_the_fast_bytes_differ(world, monkeypatch):
    path = sorted((world / "reports").glob("*.xlsx"))[0]
    pkg = verify_package(path)
    real, used = sheetxml.digests, []
    monkeypatch.setattr(sheetxml, "digests", lambda book: {n: "0" * 64 for n in real(book)})
    monkeypatch.setattr(visible, "rebuilt_parts", lambda *a: used.append(1) or _REBUILT(*a))
    visible._expected.cache_clear()
    visible.check(pkg)  # still accepted: the full rebuild matches
    assert used


def test_a_build_the_recorder_cannot_follow_goes_to_the_full_rebuild(monkeypatch):
    def odd_build(content, fingerprint):
        wb = sheets.new_workbook()
        wb.active.merge_cells("A1:B2")  # something a Book does not record
        return wb

    monkeypatch.setattr(reportbook, "build_workbook", odd_build)
    assert visible.fast_parts({"kind": "report"}, FINGERPRINT) is None


def test_recording_is_off_outside_the_block():
    with sheetxml.record():
        assert isinstance(sheets.new_workbook(), sheetxml.Book)
    assert not isinstance(sheets.new_workbook(), sheetxml.Book)


def test_checking_many_files_keeps_no_objects_per_file(world):
    """A merge of 10,000 files checks each in the same worker: the recorder's style caches must not grow with
    every recorded build (each Book made two new style objects, held in the identity cache until it was full)."""
    pkg = verify_package(sorted((world / "reports").glob("*.xlsx"))[0])
    assert visible._fast_match(pkg.manifest, pkg.fingerprint)
    held = len(sheetxml._CANON_BY_ID), len(sheetxml._CANON)
    for _ in range(5):
        assert visible._fast_match(pkg.manifest, pkg.fingerprint)
    assert (len(sheetxml._CANON_BY_ID), len(sheetxml._CANON)) == held


def _real_and_recorded(build) -> tuple[dict[str, bytes], dict[str, bytes]]:
    """The parts of ``build()`` saved by openpyxl, and rendered from the same build recorded."""
    import io

    buf = io.BytesIO()
    build().save(buf)
    real = visible.saved_parts(buf)
    with sheetxml.record():
        book = build()
    assert isinstance(book, sheetxml.Book)
    return real, sheetxml.render(book)


@pytest.mark.parametrize("rows", [
    [("a", 1, None), (), ("b", 2.5, True)],           # an empty row ends the kept rows and has no cells
    [("=x", "#N/A", "+1"), ("", " lead", "长" * 30)],  # quoted, error-like, empty and wrapped texts
    [("a", 1), ("b", 2, "wider than the first row")],
    [],
    # equal as dictionary keys, written differently: what follows a cell's start tag is kept per type and value
    [(1, True, 1.0), (True, 1, 0.0), (-0.0, False, 0), ("1", "=1", "TRUE")],
])
def test_table_rows_render_as_openpyxl_writes_them(rows):
    def build():
        wb = sheets.new_workbook()
        sheets.write_table(wb.active, ("一", "二", "三"), rows, (8, 10, 12))
        sheets.fit_row_heights(wb.active)
        return wb

    real, recorded = _real_and_recorded(build)
    assert recorded == real


def test_a_cell_written_into_a_table_row_afterwards_is_rendered_with_the_row():
    """A table's rows are kept as values; a later write into one of them (or beside it) turns that row into
    cells first, so the sheet is still what openpyxl writes."""
    def build():
        wb = sheets.new_workbook()
        ws = wb.active
        sheets.write_table(ws, ("一", "二"), [("a", 1), ("b", 2), ("c", 3)], (8, 10))
        sheets.put(ws, 3, 2, "改")         # over a kept value
        sheets.put(ws, 4, 5, "旁边")        # beside the row's last value
        ws.cell(row=2, column=1).value = None
        sheets.fit_row_heights(ws)
        return wb

    real, recorded = _real_and_recorded(build)
    assert recorded == real


def test_a_book_rendered_twice_gives_the_same_bytes():
    with sheetxml.record():
        book = sheets.new_workbook()
    sheets.write_table(book.active, ("一", "二"), [("a", 1), ("=b", 2)], (8, 10))
    first = sheetxml.render(book)
    assert sheetxml.render(book) == first
    assert sheetxml.digests(book) == {n: hashlib.sha256(d).hexdigest() for n, d in first.items()}


def test_style_numbers_stay_distinct_when_two_threads_check_at_once(monkeypatch):
    """Big files are checked on two threads: two style objects met for the first time at the same moment must
    still get numbers of their own (a shared number would merge two styles of a recorded workbook)."""
    import sys
    import threading

    from openpyxl.styles import Font

    monkeypatch.setattr(sheetxml, "_CANON", {})  # the module's numbers stay as they are for the other tests
    monkeypatch.setattr(sheetxml, "_CANON_BY_ID", {})
    old = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads as often as the interpreter can
    try:
        fonts = [[Font(name=f"字体{t}-{n}", size=9 + n % 7) for n in range(3000)] for t in range(4)]
        numbers: list[list[int]] = [[] for _ in fonts]

        def canon_all(t: int) -> None:
            numbers[t].extend(sheetxml._canon(font) for font in fonts[t])

        threads = [threading.Thread(target=canon_all, args=(t,)) for t in range(len(fonts))]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        sys.setswitchinterval(old)
    every = [n for per_thread in numbers for n in per_thread]
    assert len(set(every)) == len(every)
