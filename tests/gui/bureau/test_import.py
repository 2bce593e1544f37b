"""Importing the packages of `taizhang demo --no-merge` from the GUI: drag and drop, result table,
problems filter, tampered files, key-change requests, cancel (no half-merged file), responsiveness."""

import json
import zipfile

import pytest
from PySide6.QtCore import Qt, QThread
from PySide6.QtWidgets import QApplication

from desktop.core.db.connection import open_db
from desktop.core.intake import merge
from desktop.gui.bureau.importmodels import COL_ADVICE, COL_OUTCOME, COL_REASON
from desktop.gui.bureau.window import TAB_IMPORT, BureauWindow


def _window(qtbot, world, chooser) -> BureauWindow:
    win = BureauWindow(str(world / "county.db"), chooser=chooser)
    qtbot.addWidget(win)
    win.show()
    return win


def _run(qtbot, win, start, timeout=120000):
    with qtbot.waitSignal(win.importer.finished, timeout=timeout) as blocker:
        start()
    qtbot.waitUntil(lambda: not win.importer.running and not win.overview.loading, timeout=timeout)
    return blocker.args


def _reports(world):
    return sorted((world / "reports").glob("*.xlsx"))


def test_dropping_report_files_on_the_window_merges_them(qtbot, world, chooser, drop):
    win = _window(qtbot, world, chooser)
    outcomes, cancelled = _run(qtbot, win, lambda: drop(win, _reports(world)))
    assert win.tabs.currentIndex() == TAB_IMPORT and not cancelled
    assert [o.outcome for o in outcomes] == ["accepted"] * len(_reports(world))
    model = win.importer.results
    assert model.rowCount() == len(outcomes)
    assert model.index(0, COL_OUTCOME).data() == "已合并"
    assert "示例县" in model.index(0, 1).data()  # the school's name, not only its code
    # the overview follows, and the home page once it is shown
    assert win.overview.data["reported"] == len(outcomes)
    win.tabs.setCurrentWidget(win.home)
    line = win.home.status["import"].text()
    assert f"已收到 {len(outcomes)} / " in line
    # first keys without an enrolment code are not key changes: the home page says what they are
    assert f"{len(outcomes)} 所学校的首次密钥未确认" in line and "新密钥" not in line
    win.tabs.setCurrentIndex(TAB_IMPORT)
    # the same files again: duplicates, nothing changes
    outcomes, _ = _run(qtbot, win, lambda: win.import_paths([str(world / "reports")]))
    assert {o.outcome for o in outcomes} == {"duplicate"}
    win.importer.problems_only.setChecked(True)
    assert win.importer.table.model().rowCount() == 0


def test_a_zip_archive_and_the_choose_buttons(qtbot, world, chooser, tmp_path):
    archive = tmp_path / "U盘.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for f in _reports(world):
            zf.write(f, f"第一批/{f.name}")
    win = _window(qtbot, world, chooser)
    chooser.files.append([str(archive)])
    outcomes, _ = _run(qtbot, win, win.importer.files_button.click)
    assert [o.outcome for o in outcomes] == ["accepted"] * len(_reports(world))
    assert win.importer.results.index(0, 0).data().endswith(".xlsx")
    chooser.files.append(str(world / "reports"))
    outcomes, _ = _run(qtbot, win, win.importer.folder_button.click)
    assert {o.outcome for o in outcomes} == {"duplicate"}


def test_a_tampered_file_is_rejected_in_plain_words(qtbot, world, chooser, drop, tampered, tmp_path):
    bad = tampered(_reports(world)[0], tmp_path / "改过的报送.xlsx")
    win = _window(qtbot, world, chooser)
    outcomes, _ = _run(qtbot, win, lambda: drop(win.importer.drop_zone, [bad, *_reports(world)[1:]]))
    assert [o.outcome for o in outcomes] == ["rejected"] + ["accepted"] * (len(_reports(world)) - 1)
    win.importer.problems_only.setChecked(True)
    view = win.importer.table.model()
    assert view.rowCount() == 1
    reason = view.index(0, COL_REASON).data()
    assert "任务完成情况" in reason and " / " not in reason  # the sheet named, one language
    assert "重新导出" in view.index(0, COL_ADVICE).data()
    assert "拒收 1" in win.importer.summary.text()


def test_a_key_change_waits_until_approved_here(qtbot, world, chooser, drop, reinstalled, tmp_path):
    code = _reports(world)[0].stem
    win = _window(qtbot, world, chooser)
    _run(qtbot, win, lambda: drop(win, _reports(world)))
    newkey = reinstalled(world, code, tmp_path / f"{code}-重装后.xlsx")
    outcomes, _ = _run(qtbot, win, lambda: drop(win, [newkey]))
    assert [o.outcome for o in outcomes] == ["rejected"] and outcomes[0].code == "key_pending"
    page = win.importer
    pending = [page.keys.request(i) for i in range(page.keys.rowCount()) if page.keys.request(i)["kind"] == "pending"]
    assert not page.keys_box.isHidden() and len(pending) == 1
    assert page.keys.request(0)["school"] == code and page.keys.request(0)["waiting"] == 1
    assert page.keys.request(0)["pinned_unconfirmed"]  # the first key came without an enrolment code
    others = len(_reports(world)) - 1
    assert page.keys.rowCount() == 1 + others  # the other schools' first keys: 未确认
    assert "未确认" in page.keys.index(1, 0).data()
    assert "批准或拒绝" in page.results.index(0, COL_ADVICE).data()
    win.tabs.setCurrentWidget(win.home)
    line = win.home.status["import"].text()
    assert "；1 所学校换了新密钥，待批准" in line and f"；{others} 所学校的首次密钥未确认" in line
    win.tabs.setCurrentWidget(page)
    db = open_db(world / "county.db")
    narrative = db.execute("SELECT narrative FROM entries WHERE school_code = ? AND narrative = '重装电脑后重新填报'",
                           [code]).fetchall()
    assert narrative == []  # nothing from the new key is merged yet
    chooser.confirm_answer = False
    assert not page.approve()  # the bureau has not phoned the school yet
    chooser.confirm_answer = True
    qtbot.mouseClick(page.approve_button, Qt.MouseButton.LeftButton)
    assert page.running  # the held files are merged on a worker thread
    qtbot.waitUntil(lambda: not page.running, timeout=30000)
    assert page.keys.rowCount() == others and all(page.keys.request(i)["kind"] == "unconfirmed" for i in range(others))
    assert page.results.outcomes()[-1].outcome == "accepted"
    assert db.execute("SELECT COUNT(*) FROM entries WHERE school_code = ? AND narrative = '重装电脑后重新填报'",
                      [code]).fetchone()[0] == 1
    db.close()


def test_after_an_import_the_page_in_view_reloads_and_the_others_when_shown(qtbot, world, chooser, drop):
    """The slot that ends an import does not reload every page (10–30 ms each at a county's size, one pause of
    the window for all of them): the page in view reloads, a page that was out of view when it is shown."""
    win = _window(qtbot, world, chooser)
    order = []
    for name in ("home", "school_review", "roster"):
        page = getattr(win, name)
        page.reload = (lambda n, f: lambda: (order.append(n), f()))(name, page.reload)
    outcomes, _ = _run(qtbot, win, lambda: drop(win, _reports(world)))
    assert win.tabs.currentIndex() == TAB_IMPORT and order == []
    win.tabs.setCurrentWidget(win.home)
    assert order == ["home"] and f"已收到 {len(outcomes)} / " in win.home.status["import"].text()
    order.clear()
    win.importer.merged.emit()  # merged while the home page is in view: it follows at once
    assert order == ["home"]


def test_a_refused_key_is_never_merged(qtbot, world, chooser, drop, reinstalled, tmp_path):
    code = _reports(world)[1].stem
    win = _window(qtbot, world, chooser)
    _run(qtbot, win, lambda: drop(win, _reports(world)))
    _run(qtbot, win, lambda: drop(win, [reinstalled(world, code, tmp_path / "new.xlsx")]))
    qtbot.mouseClick(win.importer.refuse_button, Qt.MouseButton.LeftButton)
    assert all(win.importer.keys.request(i)["kind"] == "unconfirmed" for i in range(win.importer.keys.rowCount()))
    db = open_db(world / "county.db")
    assert db.execute("SELECT status FROM trusted_keys WHERE owner_code = ? ORDER BY status", [code]).fetchall() == \
        [("pinned",), ("refused",)]
    db.close()


def _all_or_nothing(db_path, files) -> tuple[int, int]:
    """Every file is either fully merged (its submission accepted and every entry and value in) or
    absent (no submission, no entries for its school). Returns (merged, absent)."""
    db = open_db(db_path)
    merged = absent = 0
    try:
        for f in files:
            with zipfile.ZipFile(f) as zf:
                m = json.loads(zf.read("taizhang/manifest.json"))
            code, period = m["school"]["code"], m["period"]
            sub = db.execute("SELECT outcome FROM submissions WHERE school_code = ? AND package_id = ?",
                             [code, m["package_id"]]).fetchone()
            n_entries = db.execute("SELECT COUNT(*) FROM entries WHERE school_code = ? AND period = ?",
                                   [code, period]).fetchone()[0]
            n_values = db.execute("SELECT COUNT(*) FROM indicator_values WHERE school_code = ? AND period = ?",
                                  [code, period]).fetchone()[0]
            if sub is None:
                assert n_entries == 0 and n_values == 0, f"{f.name}: data without its submission"
                absent += 1
            else:
                assert sub[0] == "accepted"
                assert n_entries == len(m["entries"]), f"{f.name}: half merged"
                assert n_values == sum(len(e["indicators"]) for e in m["entries"]), f"{f.name}: half merged"
                merged += 1
    finally:
        db.close()
    return merged, absent


def _cancel_after(win, n: int) -> None:
    """Press Cancel from the worker thread itself once ``n`` files are merged (deterministic: the
    connection is made before the worker starts, and runs in the worker's thread)."""
    def hook(worker):
        worker.progressed.connect(lambda done, _o: worker.cancel() if done >= n else None,
                                  Qt.ConnectionType.DirectConnection)
        win.importer.worker_created.disconnect(hook)
    win.importer.worker_created.connect(hook)


def test_cancel_leaves_every_file_merged_or_absent(qtbot, world, chooser, monkeypatch):
    """Cancel keeps exactly the files reported merged (files share commits: those committed with the one
    being reported come too) and nothing of the rest."""
    monkeypatch.setattr(merge, "COMMIT_FILES", 2)
    win = _window(qtbot, world, chooser)
    files = _reports(world)

    def start():
        _cancel_after(win, 2)
        win.import_paths([str(f) for f in files])

    outcomes, cancelled = _run(qtbot, win, start)
    done = len(outcomes)
    assert cancelled and 2 <= done < len(files)
    assert "已取消" in win.importer.summary.text()
    assert _all_or_nothing(world / "county.db", files) == (done, len(files) - done)
    # importing again finishes the job
    outcomes, cancelled = _run(qtbot, win, lambda: win.import_paths([str(f) for f in files]))
    assert not cancelled and sorted(o.outcome for o in outcomes).count("accepted") == len(files) - done
    assert _all_or_nothing(world / "county.db", files) == (len(files), 0)


@pytest.mark.slow
def test_a_big_batch_merges_off_the_gui_thread(qtbot, many, chooser):
    """70 packages: checked in worker processes, applied on the merge thread, never on the GUI thread.

    How long the window may pause is measured in tests/bench (timing has no place in make test)."""
    win = _window(qtbot, many, chooser)
    files = sorted((many / "reports").glob("*.xlsx"))
    on_gui_thread: list[bool] = []

    def watch(worker):
        gui = QApplication.instance().thread()
        worker.progressed.connect(lambda *_: on_gui_thread.append(QThread.currentThread() is gui),
                                  Qt.ConnectionType.DirectConnection)

    win.importer.worker_created.connect(watch)
    outcomes, cancelled = _run(qtbot, win, lambda: win.import_paths([str(many / "reports")]))
    assert not cancelled and [o.outcome for o in outcomes] == ["accepted"] * len(files)
    assert on_gui_thread and not any(on_gui_thread), "every file was merged off the GUI thread"
    assert win.importer.progress.isHidden() and win.importer.results.rowCount() == len(files)


@pytest.mark.slow
def test_cancel_in_a_big_batch_leaves_no_half_merged_file(qtbot, many, chooser):
    win = _window(qtbot, many, chooser)
    files = sorted((many / "reports").glob("*.xlsx"))

    def start():
        _cancel_after(win, 10)
        win.import_paths([str(many / "reports")])

    outcomes, cancelled = _run(qtbot, win, start)
    done = len(outcomes)  # the 10th file and those that shared its commit
    assert cancelled and 10 <= done < len(files)
    assert _all_or_nothing(many / "county.db", files) == (done, len(files) - done)


def test_closing_the_window_during_an_import_stops_cleanly(qtbot, world, chooser):
    win = BureauWindow(str(world / "county.db"), chooser=chooser)
    win.show()
    files = _reports(world)
    _cancel_after(win, 1)
    win.import_paths([str(f) for f in files])
    win.close()
    qtbot.wait(50)  # anything still queued from the worker must not touch the closed database
    merged, absent = _all_or_nothing(world / "county.db", files)
    assert merged + absent == len(files)  # closing cancels: each file merged in full or not at all


def test_the_bar_moves_with_the_bytes_merged_not_the_file_count(qtbot, world, chooser, tmp_path):
    """Forty 13 MB reports after a few small ones: the bar shares out the bytes, and says them in words."""
    from desktop.core import services
    from desktop.core.intake.merge import Outcome
    from desktop.gui.common.sizes import human_size

    big = tmp_path / "big.xlsx"
    big.write_bytes(b"\0" * (9 << 20))
    files = [str(f) for f in _reports(world)[:2]] + [str(big)]
    sizes = services.intake.input_sizes(files)
    assert sizes[-1] == 9 << 20 and len(sizes) == services.intake.count_inputs(files) == 3
    win = _window(qtbot, world, chooser)
    page = win.importer
    page.total = page.done = 0
    page._counted(3, sizes)
    bar = page.progress
    assert (bar.value(), bar.maximum()) == (0, 1000) and bar.format().startswith("0 / 3 个文件（0 B / ")
    for n in (1, 2):
        page._progressed(n, Outcome(files[n - 1], "accepted"))
    page._flush()
    assert bar.value() < 50, "two small files are a sliver of the bytes (by file count the bar would be at 667)"
    total = human_size(sum(sizes))
    assert bar.format() == f"2 / 3 个文件（{human_size(sizes[0] + sizes[1])} / {total}）"
    page._progressed(3, Outcome(files[2], "rejected"))
    page._flush()
    assert bar.value() == 1000 and bar.format() == f"3 / 3 个文件（{total} / {total}）"


def test_a_dropped_task_table_imports_the_plan_and_a_dropped_report_is_merged(qtbot, world, chooser, tmp_path,
                                                                            monkeypatch):
    """Reports and task tables are both .xlsx: one dropped alone is read as the plan when it carries no manifest
    of ours, and merged when it does."""
    import openpyxl

    table = tmp_path / "示例县2026年重点工作任务分解表.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["序号", "重点工作任务", "责任单位", "完成时限"])
    wb.active.append([1, "新建城区幼儿园3所", "计财股", "2026年12月"])
    wb.save(table)
    win = _window(qtbot, world, chooser)
    calls: list = []
    monkeypatch.setattr(win, "import_plan", lambda path: calls.append(("plan", path)) or True)
    monkeypatch.setattr(win, "import_paths", lambda paths: calls.append(("merge", paths)) or True)
    report = _reports(world)[0]
    for dropped in ([str(table)], [str(report)], [str(table), str(report)]):
        win.handle_drop(dropped)
    assert calls == [("plan", str(table)), ("merge", [str(report)]), ("merge", [str(table), str(report)])]
