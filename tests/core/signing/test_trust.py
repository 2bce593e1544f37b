"""Key states: a pinned key per owner, new keys pending until a person decides, approval of exactly the
key the person saw."""

from __future__ import annotations

import pytest

from desktop.core.db.connection import open_db
from desktop.core.errors import TaizhangError
from desktop.core.signing import crypto, trust
from desktop.core.words import KeyStatus


def _key() -> bytes:
    return crypto.public_raw(crypto.new_private_key())


@pytest.fixture
def db(tmp_path):
    d = open_db(tmp_path / "k.db", create=True)
    yield d
    d.close()


def _status(db, key):
    return db.execute("SELECT status FROM trusted_keys WHERE fingerprint = ?", [crypto.fingerprint(key)]).fetchone()[0]


def test_pinning_a_new_key_retires_the_old_one(db):
    old, new = _key(), _key()
    trust.pin(db, "school", "S1", old, None)
    trust.pin(db, "school", "S1", new, None)
    assert trust.pinned_key(db, "school", "S1") == new and _status(db, old) == KeyStatus.RETIRED
    assert trust.was_set_aside(db, "S1", crypto.fingerprint(old))


def test_approval_pins_exactly_the_key_named_by_its_fingerprint(db):
    pinned, genuine, other = _key(), _key(), _key()
    trust.pin(db, "school", "S1", pinned, None)
    trust.request_key_change(db, "school", "S1", genuine, "a" * 64)
    trust.request_key_change(db, "school", "S1", other, "b" * 64)  # the newest pending key
    assert trust.approve(db, "S1", crypto.fingerprint(genuine))["fingerprint"] == crypto.fingerprint(genuine)
    assert trust.pinned_key(db, "school", "S1") == genuine
    assert _status(db, other) == KeyStatus.REFUSED


def test_an_approval_must_name_the_fingerprint_it_approves(db):
    trust.pin(db, "school", "S1", _key(), None)
    trust.request_key_change(db, "school", "S1", _key(), "a" * 64)
    with pytest.raises(TaizhangError, match="fingerprint"):
        trust.approve(db, "S1", "")
    with pytest.raises(TaizhangError, match="fingerprint"):
        trust.approve(db, "S1", "ab" * 32)  # a key that is not the school's


def test_grouped_fingerprint_as_a_person_copies_it_is_accepted(db):
    trust.pin(db, "school", "S1", _key(), None)
    new = _key()
    trust.request_key_change(db, "school", "S1", new, "a" * 64)
    grouped = crypto.format_fingerprint(crypto.fingerprint(new)).upper()
    assert trust.approve(db, "S1", grouped)["fingerprint"] == crypto.fingerprint(new)


def test_a_key_is_never_moved_to_another_owner(db):
    key = _key()
    trust.pin(db, "school", "S1", key, None)
    with pytest.raises(TaizhangError, match="belongs to S1"):
        trust.pin(db, "school", "S2", key, None)
    with pytest.raises(TaizhangError, match="belongs to S1"):
        trust.request_key_change(db, "school", "S2", key, "a" * 64)
    assert trust.pinned_key(db, "school", "S1") == key and trust.pinned_key(db, "school", "S2") is None


def test_first_key_is_unconfirmed_until_confirmed_exactly(db):
    first = _key()
    trust.pin(db, "school", "S1", first, None)
    assert trust.unconfirmed(db) == {"S1": crypto.fingerprint(first)}
    done = trust.confirm(db, "S1", crypto.fingerprint(first), "paper")
    assert done == {"fingerprint": crypto.fingerprint(first), "replaced": None, "replaced_unconfirmed": False}
    assert trust.confirmation(db, "school", "S1") == "paper" and trust.unconfirmed(db) == {}


def test_nothing_pending_is_a_clear_refusal(db):
    with pytest.raises(TaizhangError, match="no pending key"):
        trust.approve(db, "S9", "ab" * 32)
    with pytest.raises(TaizhangError, match="no pending key"):
        trust.refuse(db, "S9")


def test_pending_lists_each_request_with_the_pinned_key(db):
    pinned, new = _key(), _key()
    trust.pin(db, "school", "S1", pinned, None)
    trust.request_key_change(db, "school", "S1", new, "a" * 64)
    [row] = trust.pending(db)
    assert row["owner"] == "S1" and row["fingerprint"] == crypto.fingerprint(new)
    assert row["pinned"] == crypto.fingerprint(pinned)
