import pytest

from desktop.core.errors import TaizhangError
from desktop.core.signing import crypto


def test_canonical_json_is_sorted_compact_utf8():
    assert crypto.canonical_json({"b": 1, "a": "台账"}) == '{"a":"台账","b":1}'.encode()


def test_fingerprint_is_sha256_of_raw_key_shown_in_groups_of_four():
    key = crypto.new_private_key()
    raw = crypto.public_raw(key)
    fp = crypto.fingerprint(raw)
    assert len(raw) == 32 and len(fp) == 64 and fp == fp.lower()
    shown = crypto.format_fingerprint(fp)
    assert shown.split(" ") == [fp[i:i + 4] for i in range(0, 64, 4)]


def test_sign_verify_round_trip_and_tamper_detection():
    key = crypto.new_private_key()
    sig = crypto.sign(key, b"manifest")
    assert crypto.verify(sig, b"manifest") == crypto.public_raw(key)
    with pytest.raises(TaizhangError, match="签名无效"):
        crypto.verify(sig, b"manifest!")


def test_forged_fingerprint_field_is_not_trusted():
    key, other = crypto.new_private_key(), crypto.new_private_key()
    sig = crypto.sign(key, b"m")
    sig["fingerprint"] = crypto.fingerprint(crypto.public_raw(other))
    assert crypto.verify(sig, b"m") == crypto.public_raw(key)  # the key, not the label


@pytest.mark.parametrize("mutate", [
    lambda s: s.update(alg="RSA"),
    lambda s: s.update(public_key="not base64!"),
    lambda s: s.update(signature="AAAA"),
    lambda s: s.pop("public_key"),
])
def test_malformed_signatures_give_a_clear_error(mutate):
    sig = crypto.sign(crypto.new_private_key(), b"m")
    mutate(sig)
    with pytest.raises(TaizhangError):
        crypto.verify(sig, b"m")


def test_passphrase_protected_key():
    key = crypto.new_private_key()
    pem = crypto.private_pem(key, "口令123")
    assert crypto.public_raw(crypto.load_private_pem(pem, "口令123")) == crypto.public_raw(key)
    with pytest.raises(TaizhangError, match="口令不正确"):
        crypto.load_private_pem(pem, "wrong")
    with pytest.raises(TaizhangError, match="口令"):
        crypto.load_private_pem(pem, None)


def test_protected_key_is_sealed_with_scrypt_not_stored_in_clear():
    key = crypto.new_private_key()
    sealed = crypto.private_pem(key, "口令")
    import json

    blob = json.loads(sealed)
    assert blob["kdf"] == "scrypt" and blob["cipher"] == "AES-256-GCM"
    from cryptography.hazmat.primitives import serialization

    raw = key.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption())
    assert raw not in sealed and crypto.private_pem(key, "口令") != sealed  # fresh salt each time
