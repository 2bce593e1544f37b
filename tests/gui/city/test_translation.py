"""Every string of the city window has its English translation in resources/i18n/city_en.ts."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
CITY = ROOT / "desktop" / "gui" / "city"
TS = ROOT / "resources" / "i18n" / "city_en.ts"


def _lupdate() -> str | None:
    path = Path(sys.executable).parent / "pyside6-lupdate"
    return str(path) if path.exists() else shutil.which("pyside6-lupdate")


def _messages(ts: Path) -> dict:
    out = {}
    for context in ET.parse(ts).getroot().iter("context"):
        for m in context.iter("message"):
            tr = m.find("translation")
            out[(context.findtext("name") or "", m.findtext("source"))] = (
                (tr.text or "") if tr is not None else "", tr.get("type") if tr is not None else "unfinished")
    return out


def test_every_city_string_is_translated(tmp_path):
    lupdate = _lupdate()
    if lupdate is None:
        pytest.skip("pyside6-lupdate not installed")
    fresh = tmp_path / "city_fresh.ts"
    subprocess.run([lupdate, *map(str, sorted(CITY.glob("*.py"))), "-ts", str(fresh)], check=True, capture_output=True)
    wanted, committed = _messages(fresh), _messages(TS)
    assert len(wanted) > 50
    missing = [k for k in wanted if k not in committed or committed[k][1] is not None or not committed[k][0].strip()]
    assert not missing, f"not translated in {TS.name}: {missing}"


def test_the_city_window_in_english(qtbot, english, rollup_world):
    from desktop.gui.city.window import CityWindow

    win = CityWindow(str(rollup_world / "city.db"))
    qtbot.addWidget(win)
    assert win.tabs.tabText(0) == "Import packages" and win.tabs.tabText(1) == "Summary"
    assert win.importer.results.headerData(1, __import__("PySide6.QtCore").QtCore.Qt.Orientation.Horizontal) == "Outcome"
    win.close()
