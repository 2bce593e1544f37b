"""The export dialog: checks, the worker thread with progress, cancel, and the result page."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt

from desktop.core import services
from desktop.gui.school import export as export_module
from desktop.gui.school.export import ExportDialog


@pytest.fixture
def dialog(qtbot, workspace, tmp_path):
    d = ExportDialog(workspace, save_chooser=lambda _p, _s: str(tmp_path / "chosen"))
    qtbot.addWidget(d)
    d.show()
    yield d
    d.close()


def test_nothing_recorded_is_a_warning_and_the_name_is_suggested(dialog, workspace):
    assert dialog.errors.count() == 0
    assert dialog.warnings.item(0).text().endswith("还没有填写任何任务")
    assert dialog.target.text().endswith(services.reporting.suggested_export_name(workspace))
    assert not dialog.export_button.isEnabled()
    dialog.confirm.setChecked(True)
    assert dialog.export_button.isEnabled()


def test_browse_adds_the_extension(qtbot, dialog, tmp_path):
    dialog._browse()
    assert dialog.target.text() == str(tmp_path / "chosen.xlsx")


def test_progress_follows_the_evidence(qtbot, workspace, tmp_path):
    for i in range(3):
        f = tmp_path / f"e{i}.txt"
        f.write_text(f"evidence {i}", encoding="utf-8")
        services.reporting.attach_evidence(workspace, "1.1", f)
    services.reporting.save_task(workspace, "1.1", status="已完成", narrative="完成")
    d = ExportDialog(workspace)
    qtbot.addWidget(d)
    d.target.setText(str(tmp_path / "r.xlsx"))
    d.confirm.setChecked(True)
    with qtbot.waitSignal(d.exported, timeout=20000) as blocker:
        d.start_export()
    assert blocker.args[0]["evidence"] == 3
    assert d.progress.maximum() == 3 and d.progress.value() == 3
    assert services.files.verify_files([tmp_path / "r.xlsx"])[0]["valid"]


def test_cancel_writes_nothing(qtbot, workspace, tmp_path, monkeypatch):
    go = threading.Event()

    def slow_export(db_path, out, *, period, passphrase=None, progress=None):
        go.wait(5)
        progress(1, 2)  # the dialog's callback raises once cancel was pressed
        raise AssertionError("not reached")

    monkeypatch.setattr(export_module.services.reporting, "export_report_file", slow_export)
    d = ExportDialog(workspace)
    qtbot.addWidget(d)
    d.confirm.setChecked(True)
    d.target.setText(str(tmp_path / "c.xlsx"))
    d.start_export()
    assert d.is_running() and not d.export_button.isEnabled()
    qtbot.mouseClick(d.cancel_button, Qt.MouseButton.LeftButton)
    go.set()
    qtbot.waitUntil(lambda: not d.is_running(), timeout=5000)
    assert "已取消" in d.status.text()
    assert not (tmp_path / "c.xlsx").exists()
    assert d.export_button.isEnabled()  # may try again


def test_failure_is_reported_in_the_dialog(qtbot, workspace, tmp_path):
    d = ExportDialog(workspace)
    qtbot.addWidget(d)
    d.confirm.setChecked(True)
    d.target.setText(str(tmp_path / "missing-folder" / "r.xlsx"))
    d.start_export()
    assert "文件夹不存在" in d.status.text() and not d.is_running()


def test_passphrase_is_asked_for_a_protected_key(qtbot, plan_file, tmp_path):
    services.setup.school_init(plan_file, "SLX001", tmp_path / "p.db", passphrase="口令", county_fingerprint=services.setup.plan_fingerprint(plan_file))
    ws = services.reporting.open_workspace(tmp_path / "p.db")
    try:
        d = ExportDialog(ws)
        qtbot.addWidget(d)
        d.show()
        assert d.passphrase.isVisible()
        d.confirm.setChecked(True)
        d.target.setText(str(tmp_path / "r.xlsx"))
        d.passphrase.setText("错的")
        d.start_export()
        assert not d.is_running() and "口令" in d.status.text()
        d.passphrase.setText("口令")
        with qtbot.waitSignal(d.exported, timeout=20000):
            d.start_export()
        assert services.files.verify_files([tmp_path / "r.xlsx"])[0]["valid"]
        d.close()
    finally:
        services.reporting.close_workspace(ws)


def test_a_cancelled_core_export_leaves_no_file_and_no_revision(workspace, tmp_path):
    f = tmp_path / "e.txt"
    f.write_text("x", encoding="utf-8")
    services.reporting.attach_evidence(workspace, "1.1", f)

    def stop(_done, _total):
        raise export_module.ExportCancelled()

    with pytest.raises(export_module.ExportCancelled):
        services.reporting.export_report_file(workspace.path, tmp_path / "x.xlsx", period=workspace.period, progress=stop)
    assert not (tmp_path / "x.xlsx").exists()
    assert services.reporting.next_revision(workspace) == 1
