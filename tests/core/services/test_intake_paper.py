"""paper-check: the package code typed from a stamped 备案表, or its scanned QR text → the file received."""

from __future__ import annotations

import pytest

from desktop.core import services
from desktop.core.db.connection import open_db
from desktop.core.errors import TaizhangError
from desktop.core.intake import merge
from desktop.core.package import cover
from desktop.core.package.container import verify_package


@pytest.fixture
def merged(world):
    db = open_db(world / "county.db")
    merge.merge_paths(db, [world / "reports" / "SLX001.xlsx"], workers=0)
    yield db, cover.facts(verify_package(world / "reports" / "SLX001.xlsx"))
    db.close()


def test_the_typed_code_finds_the_submission_with_its_signer(merged):
    db, f = merged
    code = f.package_code
    for typed in (code, code.lower(), f"{code[:4]} {code[4:]}", f"{code[:4]}-{code[4:]}"):
        r = services.intake.paper_check(db, typed)
        assert r["found"], typed
        [s] = r["submissions"]
        assert (s["school_code"], s["period"], s["revision"], s["outcome"]) == ("SLX001", f.period, f.revision, "accepted")
        assert s["signer_fingerprint"] == f.fingerprint and s["school_name"] == f.school_name
        assert s["received_at"]


def test_the_scanned_qr_text_matches_on_code_and_file_hash(merged):
    db, f = merged
    assert services.intake.paper_check(db, f.qr_text)["found"]
    garbled = f.qr_text.replace(f.county, "遉ｺ萓句質")  # a keyboard scanner garbled the Chinese fields
    assert services.intake.paper_check(db, garbled)["found"]
    other = f.qr_text[:-16] + "0" * 16  # the same code, another file (not the one on the paper)
    r = services.intake.paper_check(db, other)
    assert not r["found"] and r["other_files"] == 1


def test_no_such_file_received(merged):
    db, _ = merged
    r = services.intake.paper_check(db, "ABCDEF12")
    assert r == {"code": "ABCDEF12", "sha16": None, "found": False, "submissions": [], "other_files": 0}


@pytest.mark.parametrize("text", ["", "XYZ", "123456789", "TZ1|report|x"])
def test_what_is_not_a_code_gets_a_clear_message(merged, text):
    db, _ = merged
    with pytest.raises(TaizhangError, match="报送码"):
        services.intake.paper_check(db, text)
