"""The feedback package (kind "feedback"): its visible sheets and the checked shape of its manifest."""

import copy

import pytest

from desktop.core.package import feedbackbook
from desktop.core.package.container import PackageInvalid, verify_package, write_package
from desktop.core.signing import crypto

CONTENT = {
    "county": "示例县", "package_id": "0f8e2c1a-1111-4222-8333-444455556666", "created_at": "2026-07-01T09:00:00+08:00",
    "plan": {"id": "plan-1", "version": 1, "digest": "d" * 64, "title": "工作要点"},
    "school": {"code": "S1", "name": "第一小学"}, "period": "2026年上半年", "answers_revision": 1,
    "items": [{"task_id": "1.1", "state": "通过", "comment": ""},
              {"task_id": "1.2", "state": "退回修改", "comment": "=请补充照片"}],
    "overall": {"state": "退回修改", "comment": "一项需修改"}, "reviewer": "张三",
    "tasks": [{"task_id": "1.1", "title": "党建"}, {"task_id": "1.2", "title": "阵地"}],
}


def test_written_and_verified_with_its_sheets(tmp_path):
    key = crypto.new_private_key()
    out = tmp_path / "fb.xlsx"
    wb = feedbackbook.build_workbook(CONTENT, crypto.fingerprint(crypto.public_raw(key)))
    assert wb.sheetnames == ["封面", "审核意见"]
    rows = list(wb["审核意见"].iter_rows(values_only=True))
    assert rows[0] == ("编号", "任务", "结论", "意见") and rows[2] == ("1.2", "阵地", "退回修改", "=请补充照片")
    assert wb["审核意见"]["D3"].data_type == "s"  # a comment starting with '=' stays text
    write_package(out, kind="feedback", content=CONTENT, workbook=wb, key=key)
    pkg, m = feedbackbook.read_feedback_package(out)
    assert pkg.kind == "feedback" and m["answers_revision"] == 1 and m["items"][1]["state"] == "退回修改"
    assert verify_package(out).manifest["school"]["code"] == "S1"


@pytest.mark.parametrize("change", [
    lambda m: m.pop("answers_revision"), lambda m: m.update(answers_revision="1"),
    lambda m: m["items"].append({"task_id": "1.1", "state": "通过", "comment": ""}),
    lambda m: m["items"][0].update(state="OK"), lambda m: m["overall"].update(comment="x" * 5000),
    lambda m: m.update(items={}),
])
def test_a_malformed_manifest_is_refused(change):
    m = copy.deepcopy(CONTENT)
    change(m)
    with pytest.raises(PackageInvalid):
        feedbackbook.check_content(m)


def test_a_report_is_not_a_feedback_package(world):
    with pytest.raises(PackageInvalid, match="文件类型不对"):
        feedbackbook.read_feedback_package(world / "reports" / "SLX001.xlsx")
