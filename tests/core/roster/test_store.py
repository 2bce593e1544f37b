"""The roster and the periods: upserts keep schools, edits name the school they changed."""

from desktop.core.db.connection import open_db
from desktop.core.roster import store


def test_roster_upsert_edit_and_periods(tmp_path):
    db = open_db(tmp_path / "c.db", create=True)
    store.replace_roster(db, [{"code": "A1", "name": "东河小学", "type": "小学"}])
    store.replace_roster(db, [{"code": "A1", "name": "东河中心小学", "type": "小学", "township": "东河镇"}])
    assert store.school(db, "A1") == {"code": "A1", "name": "东河中心小学", "type": "小学", "township": "东河镇"}
    assert store.update_school(db, "A1", {"name": "东河镇中心小学"}) and store.schools(db)[0]["name"] == "东河镇中心小学"
    assert not store.update_school(db, "ZZ", {"name": "x"})
    store.upsert_period(db, "上半年", "2026-07-10")
    store.upsert_period(db, "上半年", None)  # a repeated name without a date keeps the date
    assert store.period_due(db, "上半年") == "2026-07-10"
    store.set_period(db, "上半年", closed=True)
    assert store.period_rows(db) == [{"name": "上半年", "due_date": "2026-07-10", "closed": True}]
    store.delete_period(db, "上半年")
    assert not store.period_exists(db, "上半年")
    db.close()
