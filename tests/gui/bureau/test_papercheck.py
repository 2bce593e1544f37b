"""核对纸质备案表 on the import page: a typed package code or pasted QR text finds the received file; an
unknown code says so; a stamped paper confirms an unconfirmed first key and the key list follows."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.core.db.connection import open_db
from desktop.gui.bureau.window import BureauWindow


def _imported(qtbot, world, chooser) -> BureauWindow:
    win = BureauWindow(str(world / "county.db"), chooser=chooser)
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitSignal(win.importer.finished, timeout=120000):
        win.import_paths([str(world / "reports")])
    qtbot.waitUntil(lambda: not win.importer.running, timeout=120000)
    return win


def _received(world) -> tuple[str, str, str]:
    db = open_db(world / "county.db")
    try:
        package_id, school, sha = db.execute(
            "SELECT package_id, school_code, sha256 FROM submissions WHERE outcome = 'accepted'"
            " ORDER BY school_code LIMIT 1").fetchone()
    finally:
        db.close()
    return package_id.replace("-", "")[:8].upper(), school, sha


def test_a_typed_code_finds_the_file_and_the_paper_confirms_the_key(qtbot, world, chooser):
    win = _imported(qtbot, world, chooser)
    code, school, _sha = _received(world)
    page = win.importer
    unconfirmed_before = page.keys.rowCount()
    assert unconfirmed_before > 0  # the demo's first keys came without enrolment codes
    page.paper.code.setText(code.lower()[:4] + "-" + code.lower()[4:])  # typed from the paper, as people do
    qtbot.mouseClick(page.paper.button, Qt.MouseButton.LeftButton)
    dialog = page.paper.dialog
    assert dialog is not None and dialog.isVisible()
    assert "找到了" in dialog.text.text() and school in dialog.text.text()
    assert dialog.confirm_button.isVisibleTo(dialog)
    with qtbot.waitSignal(page.paper.confirmed, timeout=30000):
        qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.paper.worker is None, timeout=30000)
    assert "已按纸质备案表确认" in dialog.status.text()
    assert page.keys.rowCount() == unconfirmed_before - 1
    assert all(page.keys.request(i)["school"] != school for i in range(page.keys.rowCount()))
    dialog.close()


def test_pasted_qr_text_with_another_files_hash_is_not_a_match(qtbot, world, chooser):
    win = _imported(qtbot, world, chooser)
    code, _school, sha = _received(world)
    other = ("0" if sha[0] != "0" else "1") + sha[1:16]
    page = win.importer
    page.paper.code.setText(f"TZ1|report|示例县|学校|2026上半年|1|{code}|{other}")
    dialog = page.paper.check()
    assert "没有收到" in dialog.text.text() and "摘要不符" in dialog.text.text()
    assert not dialog.confirm_button.isVisibleTo(dialog)
    dialog.close()


def test_a_code_never_received_and_a_malformed_one(qtbot, world, chooser):
    win = _imported(qtbot, world, chooser)
    page = win.importer
    page.paper.code.setText("ABCDEF12")
    dialog = page.paper.check()
    assert "没有收到报送码为 ABCDEF12 的文件" in dialog.text.text()
    dialog.close()
    page.paper.code.setText("不是报送码")
    dialog = page.paper.check()
    assert "8 位" in dialog.text.text()
    dialog.close()
    page.paper.code.setText("")
    assert page.paper.check() is None  # nothing typed: nothing to look up
