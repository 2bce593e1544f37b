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
from PySide6.QtWidgets import QApplication, QToolBar

from desktop.gui.bureau import messages
from desktop.gui.bureau.window import BureauWindow
from desktop.gui.common import i18n
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


@pytest.fixture
def english(tmp_path, monkeypatch):
    """English from .qm files built from the .ts files now (so the test does not depend on a stale build)."""
    folder = tmp_path / "i18n"
    folder.mkdir()
    for ts in sorted(I18N.glob("*_en.ts")):
        _compile(ts, folder)
    monkeypatch.setattr(i18n, "i18n_dir", lambda: folder)
    app = QApplication.instance()
    i18n.save_language("en")
    assert i18n.install(app) == "en"
    yield
    i18n.save_language("zh_CN")
    i18n.install(app)


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
        "Home", "Plan review", "Schools and periods", "Import reports", "Overview"]
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
