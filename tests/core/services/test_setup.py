"""services.setup: creating the county install (the name as stored)."""

import pytest

from desktop.core import services
from desktop.core.db.connection import open_db
from desktop.core.errors import TaizhangError
from desktop.core.signing import identity


@pytest.mark.parametrize("typed", ["民乐县", "民乐县教育局", " 民乐县 教育局 ", "民乐县教育和体育局", "民乐县教体局",
                                   "民乐县教育体育局", "民乐县教育科技局"])
def test_the_bureau_suffix_is_dropped_from_the_county_name(typed):
    """Issue 14: "民乐县教育局" was kept, and the app showed "民乐县教育局教育局" everywhere."""
    assert services.setup.county_name(typed) == "民乐县"


def test_county_init_stores_the_name_without_the_suffix(tmp_path):
    services.setup.county_init(tmp_path / "county.db", "民乐县教育局")
    db = open_db(tmp_path / "county.db")
    try:
        assert identity.load(db, role="county").county == "民乐县"
        assert services.setup.fingerprint_notice(db).startswith("民乐县教育局 ")
    finally:
        db.close()


@pytest.mark.parametrize("typed", ["", "   ", "教育局", "教体局"])
def test_a_name_that_is_no_county_is_refused_and_nothing_created(tmp_path, typed):
    with pytest.raises(TaizhangError) as err:
        services.setup.county_init(tmp_path / "county.db", typed)
    assert "县区名称" in err.value.zh and err.value.en
    assert not (tmp_path / "county.db").exists()
