"""Screenshots of the school GUI for docs/screenshots (run under Xvfb so real CJK fonts render).

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python tools/screenshots_school.py [OUT_DIR]

Builds the demo (sample plan, 3 schools) in a temporary folder, then opens each screen and saves
``school-*.png``. Needs a CJK font (``fonts-noto-cjk`` or ``fonts-wqy-microhei``).
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _photo(path: Path) -> None:
    """A picture that looks like a photo of a reading corner (drawn, so nothing is downloaded)."""
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QColor, QFont, QImage, QLinearGradient, QPainter

    img = QImage(640, 420, QImage.Format.Format_RGB32)
    p = QPainter(img)
    grad = QLinearGradient(0, 0, 0, 420)
    grad.setColorAt(0, QColor("#f6e7c8"))
    grad.setColorAt(1, QColor("#d9b98a"))
    p.fillRect(img.rect(), grad)
    p.fillRect(0, 300, 640, 120, QColor("#8d6e4f"))
    colours = ["#c62828", "#1565c0", "#2e7d32", "#f9a825", "#6a1b9a", "#00838f"]
    for shelf in range(3):
        y = 60 + shelf * 80
        p.fillRect(60, y + 62, 520, 10, QColor("#5d4037"))
        for i in range(24):
            p.fillRect(66 + i * 21, y + 8 + (i * 7) % 14, 17, 54 - (i * 7) % 14, QColor(colours[(i + shelf) % 6]))
    p.setPen(QColor("#3e2723"))
    font = QFont()
    font.setPixelSize(30)
    font.setBold(True)
    p.setFont(font)
    p.drawText(QRectF(0, 320, 640, 80), Qt.AlignmentFlag.AlignCenter, "班级图书角 · 2026年5月")
    p.end()
    img.save(str(path))


def main(out_dir: Path) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "xcb")
    work = Path(tempfile.mkdtemp(prefix="taizhang-shots-"))
    os.environ["XDG_CONFIG_HOME"] = str(work / "config")
    os.environ["XDG_DATA_HOME"] = str(work / "data")
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from desktop import demo
    from desktop.core import services
    from desktop.gui.app import make_app, settle_layout
    from desktop.gui.common import locations

    ini = str(work / "settings.ini")
    locations.settings = lambda: QSettings(ini, QSettings.Format.IniFormat)
    app = make_app()
    demo.run(work / "demo", schools=3, merge=False, say=lambda _m: None)
    plan = work / "demo" / "plan.xlsx"
    school_dbs = sorted((work / "demo" / "schools").glob("*.db"))
    out_dir.mkdir(parents=True, exist_ok=True)
    saved: list[Path] = []

    def settle(ms: int = 150) -> None:
        from PySide6.QtCore import QEventLoop, QTimer

        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()
        app.processEvents()

    def shot(widget, name: str) -> None:
        settle()
        path = out_dir / f"school-{name}.png"
        widget.grab().save(str(path))
        saved.append(path)

    # start screen
    from desktop.gui.common.start import StartScreen

    start = StartScreen()
    settle_layout(start)
    start.show()
    shot(start, "start")
    start.close()

    # first-run wizard: the fingerprint page, and the school page
    from desktop.gui.school.wizard import SchoolSetupWizard

    wiz = SchoolSetupWizard()
    wiz.resize(760, 580)
    wiz.show()
    wiz.open_page.path.setText(str(plan))
    wiz.next()
    shot(wiz, "wizard-fingerprint")
    wiz.fingerprint_page.confirm.setChecked(True)
    wiz.next()
    wiz.school_page.search.setText("小学")
    shot(wiz, "wizard-school")
    wiz.school_page._first_match()
    wiz.school_page.enrol.setText("KMQR-7TX")  # one character short: the page says why it cannot go on
    wiz.next()
    shot(wiz, "wizard-enrolment-wrong")
    wiz.school_page.enrol.setText("kmqr 7tx4")  # typed as a person might: lower case, a space
    wiz.school_page.enrol_error.hide()
    shot(wiz, "wizard-enrolment")
    wiz.close()

    # main window on a filled-in school database
    from desktop.gui.school.window import SchoolWindow

    db = work / "school.db"
    shutil.copy(school_dbs[0], db)
    win = SchoolWindow(str(db), opener=lambda _p: True)
    settle_layout(win)
    win.resize(1280, 800)
    win.show()
    ws = win.ws
    board = [r for r in services.reporting.task_board(ws) if not r["is_heading"] and r["applies"]]
    busy = next((r for r in board if r["entry"]["status"] == "进行中" and r["targets"] and r["warnings"]),
                next((r for r in board if r["entry"]["status"] == "进行中"), board[0]))
    win.select_task(busy["task_id"])
    shot(win, "main")
    task = next((r for r in board if r["targets"] and r["entry"]["status"] != "不适用" and r is not busy), board[0])
    win.select_task(task["task_id"])

    # task detail with evidence: a photo (thumbnail) and a document
    photo = work / "班级图书角.png"
    _photo(photo)
    doc = work / "阅读活动记录.docx"
    doc.write_bytes(b"PK\x03\x04 demo")
    win.detail.status_combo.setCurrentIndex(2)
    win.detail.texts["narrative"].setPlainText("已在全校 18 个班级建成图书角，配备图书 3600 册，每周开放阅读课 2 节。")
    win.detail.texts["problems"].setPlainText("部分班级书架空间不足。")
    win.detail.texts["next_steps"].setPlainText("下学期补充书架，开展“书香班级”评选。")
    win.detail.flush()
    win.detail.attach_files([str(photo), str(doc)])
    for seq, edit in win.detail.target_edits.items():
        edit.setText("3")
        win.detail._target_edited(seq, "3")
    win.detail.flush()
    win.detail.verticalScrollBar().setValue(win.detail.verticalScrollBar().maximum())
    shot(win, "detail-evidence")
    win.detail.verticalScrollBar().setValue(0)

    # small screen
    win.resize(1024, 700)
    shot(win, "main-1024")
    # what a 1280x720 laptop gets (locations.place_window: a 1280x680 work area less the frame)
    win.resize(1264, 640)
    win.select_task(busy["task_id"])
    shot(win, "main-1280x720")
    win.select_task(task["task_id"])
    win.resize(1280, 800)

    # dashboard
    win.tabs.setCurrentIndex(1)
    shot(win, "dashboard")
    win.tabs.setCurrentIndex(0)

    # export dialog: the check page, then the result
    dialog = win.open_export()
    dialog.target.setText(str(work / services.reporting.suggested_export_name(ws)))
    shot(dialog, "export")
    if dialog.confirm.isVisible():
        dialog.confirm.setChecked(True)
    done = []
    dialog.exported.connect(done.append)
    dialog.start_export()
    for _ in range(200):
        if done:
            break
        settle(50)
    shot(dialog, "export-done")
    dialog.accept()
    log = win.open_export_history()
    log.resize(900, 360)
    shot(log, "export-history")
    log.accept()
    win.close()
    QApplication.processEvents()
    return saved


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"
    for p in main(target):
        print(p)
