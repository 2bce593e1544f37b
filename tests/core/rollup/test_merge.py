"""The city merges county packages with the county's rules (DESIGN §14, §6)."""

from __future__ import annotations

import shutil
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core import services
from desktop.core.db.connection import open_db
from desktop.core.errors import TaizhangError
from desktop.core.records import evidence
from desktop.core.rollup import merge, store
from desktop.core.signing import crypto
from desktop.core.words import Reason


def city_counts(db) -> tuple:
    return tuple(db.execute(sql).fetchall() for sql in (
        "SELECT county, plan_id, period, revision, submission FROM county_rollups ORDER BY 1, 2, 3",
        "SELECT fingerprint, owner_code, status FROM trusted_keys ORDER BY 1",
        "SELECT sha256 FROM evidence ORDER BY 1"))


def test_first_packages_are_accepted_and_pin_each_countys_key(rollup_world, city):
    out = merge.merge_paths(city, [rollup_world / "甲县-1.xlsx", rollup_world / "乙县-1.xlsx"])
    assert [(o.outcome, o.county, o.revision) for o in out] == [("accepted", "甲县", 1), ("accepted", "乙县", 1)]
    keys = city.execute("SELECT owner_kind, owner_code, status FROM trusted_keys ORDER BY owner_code").fetchall()
    assert keys == [("county", "乙县", "pinned"), ("county", "甲县", "pinned")]
    rollup = {r["county"]: r for r in store.rollups(city)}
    assert len(rollup["甲县"]["content"]["reports"]) == 2 and "parts" not in rollup["甲县"]["content"]


def test_a_renamed_copy_or_a_replay_is_a_duplicate(rollup_world, city):
    merge.merge_paths(city, [rollup_world / "甲县-1.xlsx"])
    shutil.copy(rollup_world / "甲县-1.xlsx", rollup_world / "甲县(1).xlsx")
    before = city_counts(city)
    out = merge.merge_paths(city, [rollup_world / "甲县-1.xlsx", rollup_world / "甲县(1).xlsx"])
    assert [(o.outcome, o.code) for o in out] == [("duplicate", Reason.SAME_FILE), ("duplicate", Reason.SAME_FILE)]
    assert city_counts(city) == before


def _export(world, county: str, name: str, **kwargs):
    db = open_db(world / county / "county.db")
    try:
        return services.rollup.county_export(db, world / name, **kwargs)
    finally:
        db.close()


def test_a_lower_revision_is_stale_and_changes_nothing(rollup_world, city):
    _export(rollup_world, "甲县", "甲县-2.xlsx")
    merge.merge_paths(city, [rollup_world / "甲县-2.xlsx"])
    before = city_counts(city)
    out = merge.merge_paths(city, [rollup_world / "甲县-1.xlsx"])
    assert (out[0].outcome, out[0].code) == ("stale", Reason.STALE)
    assert city_counts(city) == before


def test_the_same_revision_with_other_content_is_a_conflict(rollup_world, city):
    merge.merge_paths(city, [rollup_world / "甲县-1.xlsx"])
    db = open_db(rollup_world / "甲县" / "county.db")
    db.execute("DELETE FROM county_exports")  # the county lost its export record: the next one is revision 1 again
    services.rollup.county_export(db, rollup_world / "again.xlsx")
    db.close()
    before = city_counts(city)
    out = merge.merge_paths(city, [rollup_world / "again.xlsx"])
    assert (out[0].outcome, out[0].code) == ("rejected", Reason.CONFLICT)
    assert city_counts(city) == before


def test_a_tampered_package_is_rejected_and_changes_nothing(rollup_world, city):
    src = rollup_world / "甲县-1.xlsx"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(rollup_world / "bad.xlsx", "w") as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            zout.writestr(info.filename, data.replace(b"<c ", b"<c  ", 1) if "sheet2" in info.filename else data)
    before = city_counts(city)
    out = merge.merge_paths(city, [rollup_world / "bad.xlsx"])
    assert out[0].outcome == "rejected" and out[0].reason
    assert city_counts(city) == before
    assert store.submissions(city)[0]["outcome"] == "rejected"


def test_a_school_report_given_to_a_city_is_refused_as_the_wrong_role(rollup_world, city):
    report = sorted((rollup_world / "甲县" / "reports").glob("*.xlsx"))[0]
    out = merge.merge_paths(city, [report])
    assert (out[0].outcome, out[0].code) == ("rejected", Reason.WRONG_ROLE)
    assert out[0].reason.startswith("这是学校的报送文件") and " / this is a school's report" in out[0].reason


def test_a_county_database_cannot_merge_for_a_city(rollup_world):
    db = open_db(rollup_world / "甲县" / "county.db")
    try:
        with pytest.raises(TaizhangError, match="市教育局"):
            merge.merge_paths(db, [rollup_world / "乙县-1.xlsx"])
    finally:
        db.close()


def test_a_new_county_key_waits_for_approval_then_merges(rollup_world, city, tmp_path):
    from tests.conftest import make_county, write_reports

    merge.merge_paths(city, [rollup_world / "甲县-1.xlsx"])
    db_path, plan = make_county(tmp_path / "new", 2, n_tasks=6, county="甲县")
    db = open_db(db_path)
    services.intake.merge_files(db, write_reports(tmp_path / "new" / "r", plan, 2))
    services.rollup.county_export(db, tmp_path / "rekeyed.xlsx")
    db.close()
    before = city_counts(city)
    out = merge.merge_paths(city, [tmp_path / "rekeyed.xlsx"])
    assert (out[0].outcome, out[0].code) == ("rejected", Reason.KEY_PENDING)
    assert city_counts(city)[0] == before[0]
    [req] = services.rollup.key_requests(city)
    assert req["county"] == "甲县" and req["waiting"] == 1
    with pytest.raises(TaizhangError):
        services.rollup.approve_key(city, "甲县", "0" * 64)  # only exactly the pending fingerprint
    again = services.rollup.approve_key(city, "甲县", req["fingerprint"])
    assert [o.outcome for o in again] == ["accepted"]
    assert [r["plan_id"] for r in store.rollups(city) if r["county"] == "甲县"] == [plan["plan"]["id"]]
    # the replaced key no longer speaks for the county
    _export(rollup_world, "甲县", "old-key-2.xlsx")
    assert merge.merge_paths(city, [rollup_world / "old-key-2.xlsx"])[0].code == Reason.OLD_KEY


def test_evidence_bytes_travel_only_with_evidence(world, tmp_path):
    """The demo county's schools sent photos: the references always travel, the bytes only when asked."""
    county = open_db(world / "county.db")
    services.intake.merge_files(county, [world / "reports"])
    plain = services.rollup.county_export(county, tmp_path / "plain.xlsx")
    full = services.rollup.county_export(county, tmp_path / "full.xlsx", with_evidence=True)
    county.close()
    assert plain["evidence_refs"] and not plain["evidence"]
    assert {e["sha256"] for e in full["evidence"]} == {e["sha256"] for e in full["evidence_refs"]}
    with zipfile.ZipFile(tmp_path / "plain.xlsx") as zf:
        assert not [n for n in zf.namelist() if n.startswith("taizhang/evidence/")]
    services.rollup.city_init(tmp_path / "city.db", "某市")
    city = open_db(tmp_path / "city.db")
    out = merge.merge_paths(city, [tmp_path / "full.xlsx"])
    assert out[0].outcome == "accepted"
    assert city.execute("SELECT COUNT(*) FROM evidence").fetchone()[0] == len({e["sha256"] for e in full["evidence"]})
    # each byte once: the rows point into the archived county package, and read back exactly
    assert city.execute("SELECT COUNT(*) FROM evidence WHERE archive_sha256 IS NULL OR length(data) > 0").fetchone()[0] == 0
    for (sha,) in city.execute("SELECT sha256 FROM evidence").fetchall():
        assert crypto.sha256_hex(evidence.evidence_bytes(city, sha)) == sha
    city.close()


@pytest.fixture(scope="module")
def many(rollup_template, tmp_path_factory):
    """Revisions 1-3 of 甲县, revision 1 of 乙县, a renamed copy and a tampered file."""
    base = tmp_path_factory.mktemp("city-props")
    shutil.copytree(rollup_template, base / "w")
    world = base / "w"
    files = [world / "甲县-1.xlsx", world / "乙县-1.xlsx"]
    for rev in (2, 3):
        _export(world, "甲县", f"甲县-{rev}.xlsx")
        files.append(world / f"甲县-{rev}.xlsx")
    shutil.copy(world / "乙县-1.xlsx", world / "renamed.xlsx")
    files.append(world / "renamed.xlsx")
    (world / "broken.xlsx").write_bytes((world / "甲县-1.xlsx").read_bytes()[:5000])
    files.append(world / "broken.xlsx")
    return world / "city.db", files


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_order_any_repetition_same_city(many, tmp_path, data):
    city_db, files = many
    order = data.draw(st.permutations(files))
    repeats = data.draw(st.lists(st.sampled_from(files), max_size=3))
    results = []
    for run, sequence in enumerate((list(files), order + repeats)):
        path = tmp_path / f"run{run}-{len(results)}.db"
        shutil.copy(city_db, path)
        db = open_db(path)
        for f in sequence:
            merge.merge_paths(db, [f])
        results.append((store.state(db), city_counts(db),
                        db.execute("SELECT sha256 FROM archive ORDER BY 1").fetchall()))
        db.close()
    assert results[0] == results[1]


def test_a_first_county_key_is_unconfirmed_until_the_city_approves_its_fingerprint(rollup_world, city):
    out = services.rollup.merge_files(city, [rollup_world / "甲县-1.xlsx", rollup_world / "乙县-1.xlsx"])
    assert [(o.outcome, o.code) for o in out] == [("accepted", Reason.UNCONFIRMED_KEY)] * 2
    assert "县区密钥尚未核对" in out[0].reason and "not confirmed yet" in out[0].reason
    reqs = {r["county"]: r for r in services.rollup.key_requests(city)}
    assert {c: r["kind"] for c, r in reqs.items()} == {"甲县": "unconfirmed", "乙县": "unconfirmed"}
    assert services.rollup.unconfirmed_counties(city) == {"甲县", "乙县"}
    assert all(c["key_unconfirmed"] for c in services.rollup.city_figures(city)["counties"])
    with pytest.raises(TaizhangError):
        services.rollup.approve_key(city, "甲县", reqs["乙县"]["fingerprint"])  # another county's key
    assert services.rollup.approve_key(city, "甲县", reqs["甲县"]["fingerprint"].upper()) == []
    assert [r["county"] for r in services.rollup.key_requests(city)] == ["乙县"]
    assert city.execute("SELECT confirmation FROM trusted_keys WHERE owner_code = '甲县'").fetchone() == ("approved",)
    figs = {c["county"]: c["key_unconfirmed"] for c in services.rollup.city_figures(city)["counties"]}
    assert figs == {"甲县": False, "乙县": True}


def test_a_key_change_of_an_unconfirmed_county_is_held_as_one_request(rollup_world, city, tmp_path):
    from tests.conftest import make_county, write_reports

    merge.merge_paths(city, [rollup_world / "甲县-1.xlsx"])
    db_path, plan = make_county(tmp_path / "new", 2, n_tasks=6, county="甲县")
    db = open_db(db_path)
    services.intake.merge_files(db, write_reports(tmp_path / "new" / "r", plan, 2))
    services.rollup.county_export(db, tmp_path / "rekeyed.xlsx")
    db.close()
    before = city_counts(city)
    assert merge.merge_paths(city, [tmp_path / "rekeyed.xlsx"])[0].code == Reason.KEY_PENDING
    assert city_counts(city)[0] == before[0]  # held: the county's data is unchanged
    [req] = services.rollup.key_requests(city)
    assert (req["kind"], req["pinned_unconfirmed"], req["waiting"]) == ("pending", True, 1)


@pytest.mark.parametrize("keep_manifest", [True, False])
def test_a_county_package_resaved_in_wps_is_explained_and_refused(rollup_world, city, keep_manifest):
    """Opened in WPS/Excel and saved: the signature is gone; the city hears which county's file it was and
    that the county must export it again, not the generic refusal."""
    from tests.core.package.test_resaved import spreadsheet_resave

    out = rollup_world / "甲县-1(1).xlsx"
    spreadsheet_resave(rollup_world / "甲县-1.xlsx", out, keep_manifest=keep_manifest)
    before = city_counts(city)
    [o] = services.rollup.merge_files(city, [out])
    assert (o.outcome, o.code) == ("rejected", Reason.RESAVED)
    assert o.reason.startswith("这个文件（甲县 2026年上半年 第 1 次报送）被 WPS/Excel 打开后另存过（WPS Office）")
    assert "请让县局重新导出" in o.reason and "ask the county to export it again" in o.reason
    assert city_counts(city) == before


def test_a_reason_once_the_county_key_is_approved_keeps_the_rest_and_drops_the_request():
    from desktop.core.rollup.merge import reason_once_approved

    asked = ("替换第 1 次报送；县区密钥尚未核对：请打电话请甲县教育局读出其密钥指纹，在下方“县区密钥”中核对后确认 / "
             "supersedes revision 1; the county key is not confirmed yet: compare its fingerprint with the county "
             "by phone, then approve it below")
    after = reason_once_approved(asked)
    assert after == ("县区密钥已核对批准；替换第 1 次报送 / the county key has been compared and approved; "
                     "supersedes revision 1")
