"""Each export of a plan and period is the next revision; a file that was not written frees its revision."""

from desktop.core.db.connection import open_db
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
