"""The bureau GUI in English: every string of desktop/gui/bureau has a finished translation in
resources/i18n/bureau_en.ts, the strings pyside6-lupdate cannot see are translated too, and the
window speaks English when English is chosen."""

from __future__ import annotations

import ast
import importlib
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTranslator
from PySide6.QtWidgets import QHeaderView, QLabel, QToolBar

from desktop.gui.bureau import messages
from desktop.gui.bureau.importmodels import COL_REASON, COL_SCHOOL
from desktop.gui.bureau.messages import status_name
from desktop.gui.bureau.overviewpage import CellDetail
from desktop.gui.bureau.window import BureauWindow
from desktop.paths import resources_dir

I18N = resources_dir() / "i18n"
TS = I18N / "bureau_en.ts"
BUREAU = Path(messages.__file__).resolve().parent


def _tool(name: str) -> str | None:
    path = Path(sys.executable).parent / f"pyside6-{name}"
    return str(path) if path.exists() else shutil.which(f"pyside6-{name}")


def _messages(ts: Path) -> dict[tuple[str, str], tuple[str, str | None]]:
    """(context, source) → (translation, its type: None when finished, else unfinished/vanished/obsolete)."""
    out = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for m in context.iter("message"):
            tr = m.find("translation")
            out[(name, m.findtext("source"))] = ((tr.text or "") if tr is not None else "",
                                                 tr.get("type") if tr is not None else "unfinished")
    return out


def _compile(ts: Path, folder: Path) -> Path:
    lrelease = _tool("lrelease")
    if lrelease is None:
        pytest.skip("pyside6-lrelease not installed")
    qm = folder / ts.with_suffix(".qm").name
    subprocess.run([lrelease, str(ts), "-qm", str(qm)], check=True, capture_output=True)
    return qm




def test_every_source_string_is_translated(tmp_path):
    """New strings in the bureau GUI need an English translation (pyside6-lupdate desktop/gui/bureau/*.py
    -ts resources/i18n/bureau_en.ts, translate in Linguist, pyside6-lrelease)."""
    lupdate = _tool("lupdate")
    if lupdate is None:
        pytest.skip("pyside6-lupdate not installed")
    fresh = tmp_path / "bureau_fresh.ts"
    sources = [str(p) for p in sorted(BUREAU.glob("*.py"))]
    subprocess.run([lupdate, *sources, "-ts", str(fresh)], check=True, capture_output=True)
    wanted = _messages(fresh)
    assert len(wanted) > 100
    committed = _messages(TS)
    untranslated = [key for key in wanted if key not in committed or committed[key][1] is not None
                    or not committed[key][0].strip()]
    assert not untranslated, f"not translated in {TS.name}: {untranslated}"


def _calls_in(node, cls, module, where):
    for child in ast.iter_child_nodes(node):
        inner = child.name if isinstance(child, ast.ClassDef) else cls
        if isinstance(child, ast.Call) and child.args:
            f = child.func
            context = (cls if isinstance(f, ast.Attribute) and f.attr == "tr" and cls
                       else messages._CTX if isinstance(f, ast.Name) and f.id == "tr" else None)
            arg = child.args[0]
            text = (arg.value if isinstance(arg, ast.Constant)
                    else getattr(module, arg.id, None) if isinstance(arg, ast.Name) else None)
            if context is not None and isinstance(text, str):
                yield context, text, f"{where}:{child.lineno}"
        yield from _calls_in(child, inner, module, where)


def _tr_calls():
    """Every tr(...) in the bureau GUI as (context it is looked up in at runtime, source text, where): self.tr
    in class C uses C; the bare tr() of messages.py uses messages._CTX. Includes calls inside f-strings and
    tr(CONSTANT), which pyside6-lupdate does not see."""
    for path in sorted(BUREAU.glob("*.py")):
        module = importlib.import_module(f"desktop.gui.bureau.{path.stem}")
        yield from _calls_in(ast.parse(path.read_text(encoding="utf-8")), None, module, path.name)


def test_strings_are_found_where_the_program_looks_them_up(tmp_path):
    """messages.tr() looks up its context (BureauMessages), lupdate files those strings under no context:
    the .ts keeps them in both; strings inside f-strings are entered by hand. Re-running lupdate marks the
    hand-made entries "vanished" (lrelease drops them) — this catches it."""
    translator = QTranslator()
    assert translator.load(str(_compile(TS, tmp_path)))
    calls = list(_tr_calls())
    assert len(calls) > 300
    missing = [(ctx, text, where) for ctx, text, where in calls if not translator.translate(ctx, text)]
    assert not missing, f"no translation at runtime: {missing}"


def test_bureau_window_in_english(qtbot, english, world, chooser):
    win = BureauWindow(str(world / "county.db"), chooser=chooser)
    qtbot.addWidget(win)
    win.show()
    assert win.windowTitle().startswith("Taizhang · ")
    assert [win.tabs.tabText(i) for i in range(win.tabs.count())] == [
        "Home", "Plan review", "Schools and periods", "Import reports", "Overview", "Review reports"]
    assert [m.title() for m in (a.menu() for a in win.menuBar().actions())] == ["&File", "&Language"]
    toolbar = win.findChild(QToolBar, "bureauToolbar")
    assert [a.text() for a in toolbar.actions()] == [
        "Import &plan…", "Pu&blish plan workbook…", "&Import reports…", "Export &summary workbook…"]
    assert win.home.buttons["publish"].text() == "Publish…"
    assert win.importer.problems_only.text() == "Show problem files only"
    # the overview's headers come from messages.tr (the BureauMessages context)
    assert win.overview.tasks.headerData(0, Qt.Orientation.Horizontal) == "No."
    assert win.overview.tasks.headerData(1, Qt.Orientation.Horizontal) == "Task"
    win.close()


# ---------------------------------------------------------------- composed text in English
CJK_PUNCTUATION = ("，", "：", "；", "——", "（", "）", "。")  # a single em dash is English too


def _no_cjk_punctuation(text: str) -> bool:
    return not any(p in text for p in CJK_PUNCTUATION)


def _record_suggestions(chooser) -> list[str]:
    """Make the chooser cancel every save, remembering the names it was offered."""
    offered: list[str] = []

    def save_file(title, suggested, filters):
        chooser.asked.append(("save_file", title))
        offered.append(suggested)
        return

    chooser.save_file = save_file
    return offered


def _import(qtbot, win, paths):
    with qtbot.waitSignal(win.importer.finished, timeout=120000) as blocker:
        win.import_paths([str(p) for p in paths])
    qtbot.waitUntil(lambda: not win.importer.running, timeout=120000)
    return blocker.args[0]


def _detail(status: str, progress: int | None = None) -> dict:
    """What ``services.standing.school_task_detail`` returns, with ASCII data so only the program's words are left."""
    return {"school": {"code": "S1", "name": "School"}, "task": {"task_id": "1.1", "title": "Task"},
            "submission": {"revision": 2, "created_at": "2026-05-01T10:00:00"},
            "entry": {"status": status, "progress": progress, "narrative": "done it", "problems": "",
                      "next_steps": "more", "na_reason": "no pupils"},
            "targets": [{"text": "Lessons", "value": 20, "unit": "x", "reported": 23},
                        {"text": "Visits", "value": None, "unit": "x", "reported": None}],
            "evidence": []}


def test_composed_import_texts_in_english(qtbot, english, world, chooser, tampered, reinstalled, tmp_path):
    """The import summary, the school names and the reasons: English punctuation, and a long English
    reason can be read whole (the tooltip and the detail line under the table have it all)."""
    reports = sorted((world / "reports").glob("*.xlsx"))
    bad = tampered(reports[0], tmp_path / "edited.xlsx")
    win = BureauWindow(str(world / "county.db"), chooser=chooser)
    qtbot.addWidget(win)
    win.show()
    _import(qtbot, win, [bad, *reports[1:]])
    page = win.importer
    summary = page.summary.text()
    assert summary.startswith("Import finished: ") and "merged " in summary and ", duplicate " in summary
    assert _no_cjk_punctuation(summary), summary
    newkey = reinstalled(world, reports[1].stem, tmp_path / "reinstalled.xlsx")
    outcomes = _import(qtbot, win, [newkey])
    assert outcomes[0].code == "key_pending"
    assert _no_cjk_punctuation(page.summary.text()), page.summary.text()
    school = page.results.index(0, COL_SCHOOL).data()
    assert school.endswith(f" ({reports[1].stem})") and _no_cjk_punctuation(school), school
    key_school = page.keys.index(0, 0).data()
    assert key_school.endswith(f" ({reports[1].stem})") and _no_cjk_punctuation(key_school), key_school
    # the reason is long in English: the row is one line (the column stretches, the end elided), the whole
    # reason is the tooltip and the detail line under the table once the row is selected
    reason = page.results.index(0, COL_REASON)
    assert len(reason.data()) > 40 and reason.data(Qt.ItemDataRole.ToolTipRole) == reason.data()
    assert page.table.horizontalHeader().sectionResizeMode(COL_REASON) == QHeaderView.ResizeMode.Stretch
    assert page.table.textElideMode() == Qt.TextElideMode.ElideRight
    page.table.selectRow(0)
    detail = page.row_detail.text()
    assert reason.data() in detail and "What to do: " in detail and _no_cjk_punctuation(detail), detail
    # the Home page lists the periods with English separators
    periods = win.home.status["periods"].text()
    assert "(due " in periods and _no_cjk_punctuation(periods), periods
    assert _no_cjk_punctuation(win.home.status["import"].text())
    win.close()


def test_cell_detail_in_english(qtbot, english, world, chooser):
    """The cell detail: the status by its legend name (with the progress), labels and target lines with
    English punctuation."""
    legend = {"已完成": "Done", "进行中": "In progress", "未开始": "Not started", "不适用": "N/A"}
    assert {k: status_name(k) for k in legend} == legend
    detail = CellDetail(None, chooser)
    qtbot.addWidget(detail)
    for status, english_name in legend.items():
        detail.show_detail(_detail(status, 40))
        text = detail.text.toPlainText()
        assert status not in text and _no_cjk_punctuation(text), text
        assert (english_name + " (40%)" if status == "进行中" else english_name) in text
    assert "Reason (not applicable): no pupils" in text
    assert "Lessons: target 20x, reported 23" in text
    detail.show_detail(_detail("已完成"))
    assert "Lessons: target 20x, reported 23" in detail.text.toPlainText()
    # the matrix legend uses the same names
    win = BureauWindow(str(world / "county.db"), chooser=chooser)
    qtbot.addWidget(win)
    chips = {w.text() for w in win.overview.findChildren(QLabel)}
    assert set(legend.values()) <= chips
    matrix = win.overview.matrix
    if matrix.rowCount():
        tip = matrix.headerData(0, Qt.Orientation.Vertical, Qt.ItemDataRole.ToolTipRole)
        assert _no_cjk_punctuation(tip), tip
    win.close()


def test_cell_detail_in_chinese_is_unchanged(qtbot, chooser):
    detail = CellDetail(None, chooser)
    qtbot.addWidget(detail)
    detail.show_detail(_detail("进行中", 40))
    text = detail.text.toPlainText()
    assert "进行中（40%）" in text and "完成情况说明：done it" in text
    assert "Lessons：目标 20x，填报 23" in text and "Visits：目标 待定x，填报 —" in text


def _suggested_names(qtbot, world, chooser) -> list[str]:
    offered = _record_suggestions(chooser)
    reports = sorted((world / "reports").glob("*.xlsx"))
    win = BureauWindow(str(world / "county.db"), chooser=chooser)
    qtbot.addWidget(win)
    win.show()
    _import(qtbot, win, reports)
    assert win.publish() is None  # cancelled at the file dialog
    assert win.overview.export_summary() is None
    assert win.home.fingerprint.save() is None
    win.close()
    return [Path(p).name for p in offered]


def test_suggested_file_names_in_english(qtbot, english, world, chooser):
    publish, summary, notice = _suggested_names(qtbot, world, chooser)
    assert "-task-list-v" in publish and publish.endswith(".xlsx")
    assert summary.endswith("-summary.xlsx")
    assert notice == "county-key-fingerprint-notice.txt"


def test_suggested_file_names_in_chinese(qtbot, world, chooser):
    publish, summary, notice = _suggested_names(qtbot, world, chooser)
    assert "-任务清单-第" in publish and publish.endswith("版.xlsx")
    assert summary.endswith("-汇总.xlsx")
    assert notice == "县局密钥指纹通知.txt"


def test_import_summary_in_chinese_is_unchanged(qtbot, world, chooser):
    win = BureauWindow(str(world / "county.db"), chooser=chooser)
    qtbot.addWidget(win)
    _import(qtbot, win, sorted((world / "reports").glob("*.xlsx")))
    assert " —— 已合并 " in win.importer.summary.text() and "，重复 0，旧版次 0，拒收 0" in win.importer.summary.text()
    assert "（" in win.importer.results.index(0, 1).data()
    win.close()


def _copied_detail() -> dict:
    return _detail("已完成") | {"copies": [
        {"kind": "evidence", "label": "photo.jpg", "others": ["S2", "S3"]},
        {"kind": "narrative", "label": "done it", "others": ["S2"]}]}


def test_cell_detail_names_the_schools_a_copy_is_shared_with(qtbot, chooser):
    detail = CellDetail(None, chooser)
    qtbot.addWidget(detail)
    detail.show_detail(_copied_detail())
    text = detail.text.toPlainText()
    assert "疑似重复材料：佐证材料“photo.jpg”与 S2、S3 的文件完全相同" in text
    assert "疑似重复材料：完成情况说明与 S2 的完全相同" in text
    detail.show_detail(_detail("已完成"))
    assert "疑似重复材料" not in detail.text.toPlainText()


def test_cell_detail_copies_in_english(qtbot, english, chooser):
    detail = CellDetail(None, chooser)
    qtbot.addWidget(detail)
    detail.show_detail(_copied_detail())
    text = detail.text.toPlainText()
    assert "Suspected copy: the evidence file “photo.jpg” is identical to one sent by S2, S3" in text
