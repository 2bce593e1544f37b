"""Issue 14: one size formatter for both windows (the school said KiB, the bureau KB)."""

import pytest

from desktop.gui.common.sizes import human_size


@pytest.mark.parametrize("n, shown", [(0, "0 B"), (1023, "1023 B"), (1024, "1.0 KB"), (1536, "1.5 KB"),
                                      (5 << 20, "5.0 MB"), (3 << 30, "3.0 GB")])
def test_sizes_are_written_as_explorer_writes_them(n, shown):
    assert human_size(n) == shown


def test_school_evidence_and_bureau_review_say_the_same(qtbot):
    from PySide6.QtCore import Qt

    from desktop.gui.bureau.overviewmodels import human_size as bureau_size
    from desktop.gui.school.evidencemodel import EvidenceModel

    model = EvidenceModel()
    model.set_items([{"name": "照片.png", "size": 1536, "sha256": "0" * 64, "mime": "image/png",
                      "added_at": "2026-07-01T10:00:00+08:00"}])
    tip = model.index(0).data(Qt.ItemDataRole.ToolTipRole)
    assert "1.5 KB" in tip and "KiB" not in tip and bureau_size is human_size
