"""导出记录 and the 备案表 from the school window: printed right after an export and later from the list,
the exact signed original saved again, and a clear word when something cannot be done."""

from __future__ import annotations

import hashlib

import pytest

from desktop.core import services
from desktop.gui.school.export import ExportDialog
from desktop.gui.school.exportlog import ExportLogDialog, cover_name


@pytest.fixture
def exported(workspace, tmp_path):
    services.reporting.save_task(workspace, "1.1", status="已完成", narrative="已完成年度培训")
    out = tmp_path / "第1次.xlsx"
    return services.reporting.export_report_file(workspace.path, out, period=workspace.period)


def _chooser(path):
    calls = []

    def choose(_parent, _title, suggested, _pattern):
        calls.append(suggested)
        return str(path)

    choose.calls = calls
    return choose


def test_cover_printed_from_the_export_result_page(qtbot, workspace, tmp_path):
    services.reporting.save_task(workspace, "1.1", status="已完成", narrative="已完成年度培训")
    opened = []
    chooser = _chooser(tmp_path / "paper")  # no extension typed: .pdf is added
    d = ExportDialog(workspace, cover_chooser=chooser, opener=opened.append)
    qtbot.addWidget(d)
    d.target.setText(str(tmp_path / "r.xlsx"))
    d.confirm.setChecked(True)
    with qtbot.waitSignal(d.exported, timeout=20000):
        d.start_export()
    assert d.stack.currentIndex() == 1  # the result page, where the button is
    with qtbot.waitSignal(d.cover_printer.done, timeout=20000) as blocker:
        d.print_cover()
    pdf = tmp_path / "paper.pdf"
    assert chooser.calls[0].endswith(cover_name("r.xlsx"))
    assert pdf.read_bytes().startswith(b"%PDF")
    assert opened == [str(pdf)]
    assert blocker.args[0]["package_code"] == d.result_info["package_code"]
    assert "备案表已保存" in d.done_status.text()


def test_export_log_lists_exports_and_prints_a_cover_later(qtbot, workspace, exported, tmp_path):
    opened = []
    d = ExportLogDialog(workspace.path, services.reporting.export_history(workspace.db),
                        chooser=_chooser(tmp_path / "later.pdf"), opener=opened.append)
    qtbot.addWidget(d)
    assert d.table.rowCount() == 1
    assert d.table.item(0, 3).text() == exported["package_code"]
    assert d.print_button.isEnabled() and d.save_button.isEnabled()
    with qtbot.waitSignal(d.printer.done, timeout=20000) as blocker:
        d.print_selected()
    assert blocker.args[0]["revision"] == exported["revision"]
    assert opened == [str(tmp_path / "later.pdf")]


def test_saved_again_is_the_same_signed_file(qtbot, workspace, exported, tmp_path):
    d = ExportLogDialog(workspace.path, services.reporting.export_history(workspace.db),
                        chooser=_chooser(tmp_path / "again.xlsx"))
    qtbot.addWidget(d)
    d.save_selected()
    qtbot.waitUntil(lambda: d._op is None, timeout=20000)
    original = hashlib.sha256((tmp_path / "第1次.xlsx").read_bytes()).hexdigest()
    assert hashlib.sha256((tmp_path / "again.xlsx").read_bytes()).hexdigest() == original
    assert exported["package_code"] in d.status.text()


def test_a_failed_cover_says_why_and_writes_nothing(qtbot, workspace, exported, tmp_path):
    target = tmp_path / "no-such-folder" / "x.pdf"
    d = ExportLogDialog(workspace.path, services.reporting.export_history(workspace.db),
                        chooser=_chooser(target), opener=lambda _p: None)
    qtbot.addWidget(d)
    with qtbot.waitSignal(d.printer.failed, timeout=20000):
        d.print_selected()
    assert d.status.text().startswith("没有完成")
    assert not target.exists()
    assert d.print_button.isEnabled()  # may try again


def test_empty_log_says_so(qtbot, workspace):
    d = ExportLogDialog(workspace.path, services.reporting.export_history(workspace.db))
    qtbot.addWidget(d)
    d.show()
    assert d.empty.isVisible() and not d.table.isVisible()
    assert not d.print_button.isEnabled()


def test_window_opens_the_log(qtbot, school_db):
    from desktop.gui.school.window import SchoolWindow

    w = SchoolWindow(str(school_db))
    qtbot.addWidget(w)
    d = w.open_export_history()
    assert isinstance(d, ExportLogDialog)
    d.close()
    w.close()
