"""Chinese by default; English from the compiled .qm; a missing .qm falls back to Chinese."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from desktop.gui.common import i18n
from desktop.gui.common.start import StartScreen
from desktop.gui.school.window import SchoolWindow
from desktop.paths import resources_dir

TS = resources_dir() / "i18n" / "taizhang_en.ts"




def test_default_is_chinese(qtbot):
    assert i18n.saved_language() == "zh_CN"
    screen = StartScreen()
    qtbot.addWidget(screen)
    assert screen.school_button.text().startswith("我是学校")


def test_english_translation(qtbot, english, school_db):
    screen = StartScreen()
    qtbot.addWidget(screen)
    assert screen.school_button.text() == "I am a school: open the plan workbook from the bureau"
    win = SchoolWindow(str(school_db))
    qtbot.addWidget(win)
    assert win.tabs.tabText(0) == "Task" and win.mine_only.text() == "My school's tasks only"
    win.select_task("1.1")
    win.detail.status_combo.setCurrentIndex(2)
    assert "Done, but" in win.detail.warning_label.text()
    win.close()


def test_missing_qm_falls_back_to_chinese(qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(i18n, "i18n_dir", lambda: tmp_path / "nowhere")
    i18n.save_language("en")
    try:
        i18n.install(QApplication.instance())
        screen = StartScreen()
        qtbot.addWidget(screen)
        assert screen.school_button.text().startswith("我是学校")
    finally:
        i18n.save_language("zh_CN")
        i18n.install(QApplication.instance())


def test_every_source_string_is_translated():
    text = TS.read_text(encoding="utf-8")
    assert 'type="unfinished"' not in text


def test_ts_file_is_up_to_date_with_the_sources(tmp_path):
    """Every string in the school GUI is in the .ts with a translation (run pyside6-lupdate if not)."""
    lupdate = str(Path(__import__("sys").executable).parent / "pyside6-lupdate")
    if not Path(lupdate).exists():
        pytest.skip("pyside6-lupdate not installed")
    gui = Path(i18n.__file__).resolve().parents[1]
    copy = tmp_path / "check.ts"
    shutil.copy(TS, copy)
    sources = [str(gui / "app.py"), *map(str, sorted((gui / "common").glob("*.py"))),
               *map(str, sorted((gui / "school").glob("*.py")))]
    subprocess.run([lupdate, *sources, "-ts", str(copy), "-no-obsolete"], check=True, capture_output=True)
    assert 'type="unfinished"' not in copy.read_text(encoding="utf-8")
