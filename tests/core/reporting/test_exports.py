"""Each export of a plan and period is the next revision; a file that was not written frees its revision."""

import pytest

from desktop.core.db.connection import open_db
from desktop.core.errors import TaizhangError
from desktop.core.reporting import exports


def test_revisions_count_up_per_plan_and_period_and_an_abandoned_export_frees_its_number(tmp_path):
    db = open_db(tmp_path / "s.db", create=True)
    db.execute("INSERT INTO plans (plan_id, title, county, created_at) VALUES ('p', 't', 'c', '')")
    assert exports.next_revision(db, "p", "上半年") == 1
    assert exports.start(db, "pkg1", "p", "上半年", "a.xlsx") == 1
    exports.finish(db, "pkg1", "f" * 64)
    assert exports.start(db, "pkg2", "p", "上半年", "b.xlsx") == 2
    exports.abandon(db, "pkg2")
    assert exports.next_revision(db, "p", "上半年") == 2
    assert exports.next_revision(db, "p", "下半年") == 1
    assert [e["revision"] for e in exports.written(db, "p", "上半年")] == [1]
    db.close()


def test_every_export_keeps_its_exact_bytes_and_a_copy_is_the_same_file(world, tmp_path):
    from desktop.core import services
    from desktop.core.db.connection import open_db
    from desktop.core.reporting import exports

    db = open_db(world / "schools" / "SLX001.db")
    try:
        first, second = tmp_path / "1.xlsx", tmp_path / "2.xlsx"
        services.reporting.export_report(db, first)
        services.reporting.export_report(db, second)
        rows = services.reporting.export_history(db)
        assert [r["file_name"] for r in rows[:2]] == ["2.xlsx", "1.xlsx"] and rows[0]["kept"]
        assert rows[0]["size"] == second.stat().st_size and len(rows[0]["package_code"]) == 8
        second.write_bytes(b"re-saved by WPS")  # the school's copy is gone or spoiled
        again = tmp_path / "again.xlsx"
        services.reporting.save_export_again(db, again, revision=rows[0]["revision"])
        assert services.files.verify_files([again])[0]["valid"]
        assert exports.kept_bytes(db, rows[0]["package_id"]) == again.read_bytes()
        db.execute("UPDATE export_files SET data = ? WHERE package_id = ?", [b"rot", rows[0]["package_id"]])
        with pytest.raises(TaizhangError):
            services.reporting.save_export_again(db, tmp_path / "bad.xlsx", revision=rows[0]["revision"])
        assert not (tmp_path / "bad.xlsx").exists()
    finally:
        db.close()
