"""Enrolment codes and their proofs (DESIGN §16)."""

from __future__ import annotations

import hashlib
import hmac

import pytest

from desktop.core.db.connection import open_db
from desktop.core.errors import TaizhangError
from desktop.core.signing import crypto, enrolment


@pytest.fixture
def db(tmp_path):
    conn = open_db(tmp_path / "c.db", create=True)
    yield conn
    conn.close()


def test_a_code_is_typed_forgivingly_but_never_guessed_from_look_alikes():
    assert enrolment.normalise(" kmqr-7tx4 ") == "KMQR7TX4"
    assert enrolment.display("KMQR7TX4") == "KMQR-7TX4"
    for bad in ("KMQR7TX0", "KMQR7TX", "KMQR7TX44", "", "KMQR7TXO"):
        with pytest.raises(TaizhangError):
            enrolment.normalise(bad)


def test_the_proof_is_hmac_sha256_of_the_raw_public_key_keyed_by_the_code():
    key = crypto.public_raw(crypto.new_private_key())
    assert enrolment.proof("KMQR7TX4", key) == hmac.new(b"KMQR7TX4", key, hashlib.sha256).hexdigest()


def test_check_fits_one_key_once(db):
    enrolment.issue(db, ["S1", "S2"])
    code = enrolment.codes(db)["S1"]["code"]
    k1, k2 = (crypto.public_raw(crypto.new_private_key()) for _ in range(2))
    assert enrolment.check(db, "S1", k1, None) is None  # no proof sent
    assert enrolment.check(db, "S9", k1, enrolment.proof(code, k1)) is None  # no code issued for S9
    assert enrolment.check(db, "S2", k1, enrolment.proof(code, k1)) is False  # another school's code
    assert enrolment.check(db, "S1", k1, "not hex") is False
    assert enrolment.check(db, "S1", k1, enrolment.proof(code, k1)) is True
    enrolment.mark_used(db, "S1", crypto.fingerprint(k1))
    assert enrolment.check(db, "S1", k1, enrolment.proof(code, k1)) is True  # the same key again
    assert enrolment.check(db, "S1", k2, enrolment.proof(code, k2)) is False  # spent for another key
    with pytest.raises(TaizhangError):
        enrolment.reissue(db, "S1")
    assert enrolment.reissue(db, "S2") != code


def test_issue_keeps_existing_codes(db):
    assert enrolment.issue(db, ["S1"]) == 1
    first = enrolment.codes(db)["S1"]["code"]
    assert enrolment.issue(db, ["S1", "S2"]) == 1 and enrolment.codes(db)["S1"]["code"] == first
