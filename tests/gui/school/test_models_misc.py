"""The roster and evidence list models under QAbstractItemModelTester."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtTest import QAbstractItemModelTester

from desktop.core import services
from desktop.gui.school.evidencemodel import EvidenceModel, ShaRole
from desktop.gui.school.rostermodel import RosterFilter, RosterModel

FAIL = QAbstractItemModelTester.FailureReportingMode.Fatal


SCHOOLS = [
    {"code": "SLX001", "name": "示例县城关第一小学", "type": "小学", "township": "城关镇"},
    {"code": "SLX002", "name": "示例县东河初级中学", "type": "初中", "township": "东河乡"},
    {"code": "ABC003", "name": "示例县西岭幼儿园", "type": "幼儿园", "township": "西岭镇"},
]


def test_roster_model_and_search(qtbot):
    model = RosterModel()
    t1 = QAbstractItemModelTester(model, FAIL)
    proxy = RosterFilter()
    proxy.setSourceModel(model)
    t2 = QAbstractItemModelTester(proxy, FAIL)
    model.set_schools(SCHOOLS)
    assert model.rowCount() == 3 and model.columnCount() == 4
    assert model.headerData(0, Qt.Orientation.Horizontal) == "学校名称"
    proxy.set_search("第一小学")
    assert proxy.rowCount() == 1 and proxy.index(0, 0).data() == "示例县城关第一小学"
    proxy.set_search("abc")  # codes match case-insensitively
    assert proxy.rowCount() == 1 and proxy.index(0, 1).data() == "ABC003"
    proxy.set_search("东河")  # township or name
    assert proxy.rowCount() == 1
    proxy.set_search("")
    assert proxy.rowCount() == 3
    del t1, t2


def test_evidence_model_thumbnails(qtbot, workspace, png_file, tmp_path):
    doc = tmp_path / "会议纪要.txt"
    doc.write_text("纪要", encoding="utf-8")
    services.reporting.attach_evidence(workspace, "1.1", png_file)
    services.reporting.attach_evidence(workspace, "1.1", doc)
    model = EvidenceModel(lambda sha: services.reporting.evidence_preview_bytes(workspace, sha))
    tester = QAbstractItemModelTester(model, FAIL)
    model.set_items(services.reporting.task_evidence(workspace, "1.1"))
    assert model.rowCount() == 2
    names = {model.index(r).data(): model.index(r) for r in range(2)}
    png = names["活动照片.png"]
    thumb: QIcon = png.data(Qt.ItemDataRole.DecorationRole)
    assert not thumb.isNull()
    assert thumb.availableSizes()[0].width() > 0  # a real picture, not the generic file icon
    assert png.data(ShaRole) in {e["sha256"] for e in services.reporting.task_evidence(workspace, "1.1")}
    assert "SHA-256" in png.data(Qt.ItemDataRole.ToolTipRole)
    txt = names["会议纪要.txt"]
    assert not txt.data(Qt.ItemDataRole.DecorationRole).isNull()
    model.set_items([])
    assert model.rowCount() == 0
    del tester
