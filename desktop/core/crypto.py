"""Ed25519 keys, fingerprints, canonical JSON, sign and verify (all through `cryptography`)."""

from __future__ import annotations

import base64
import hashlib
import json

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from desktop.core.errors import TaizhangError

ALG = "Ed25519"


def canonical_json(obj) -> bytes:
    """Sorted keys, no spaces, UTF-8: the exact bytes that get signed."""
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sha256_file(path, chunk: int = 1 << 20) -> str:
    """Streamed: never holds the whole file in memory."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while block := fh.read(chunk):
            digest.update(block)
    return digest.hexdigest()


def new_private_key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


def public_raw(key: Ed25519PrivateKey | Ed25519PublicKey) -> bytes:
    pub = key.public_key() if isinstance(key, Ed25519PrivateKey) else key
    return pub.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def private_pem(key: Ed25519PrivateKey, passphrase: str | None = None) -> bytes:
    enc = (
        serialization.BestAvailableEncryption(passphrase.encode("utf-8"))
        if passphrase
        else serialization.NoEncryption()
    )
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, enc)


def load_private_pem(pem: bytes, passphrase: str | None = None) -> Ed25519PrivateKey:
    try:
        key = serialization.load_pem_private_key(pem, passphrase.encode("utf-8") if passphrase else None)
    except TypeError as exc:
        raise TaizhangError("私钥受口令保护，请输入口令", "the private key is protected: a passphrase is needed") from exc
    except ValueError as exc:
        raise TaizhangError("口令不正确，无法解开私钥", "wrong passphrase: the private key cannot be opened") from exc
    if not isinstance(key, Ed25519PrivateKey):
        raise TaizhangError("私钥类型不是 Ed25519", "the private key is not an Ed25519 key")
    return key


def fingerprint(public_key: bytes) -> str:
    """Lowercase hex SHA-256 of the raw 32-byte public key."""
    return hashlib.sha256(public_key).hexdigest()


def format_fingerprint(fp: str) -> str:
    """Shown to people in groups of 4: ``3f2a 9c01 …``."""
    return " ".join(fp[i : i + 4] for i in range(0, len(fp), 4))


def sign(key: Ed25519PrivateKey, data: bytes) -> dict:
    """The ``signature.json`` object for ``data``."""
    pub = public_raw(key)
    return {
        "alg": ALG,
        "public_key": base64.b64encode(pub).decode("ascii"),
        "fingerprint": fingerprint(pub),
        "signature": base64.b64encode(key.sign(data)).decode("ascii"),
    }


def verify(signature: dict, data: bytes) -> bytes:
    """Check ``signature`` (a parsed ``signature.json``) over ``data``; return the raw public key.

    The ``fingerprint`` field is never trusted: callers compare the returned key bytes.
    Raises TaizhangError with the reason when anything is off.
    """
    if not isinstance(signature, dict) or signature.get("alg") != ALG:
        raise TaizhangError("签名格式不正确（算法不是 Ed25519）", "malformed signature (algorithm is not Ed25519)")
    try:
        pub = base64.b64decode(signature.get("public_key", ""), validate=True)
        sig = base64.b64decode(signature.get("signature", ""), validate=True)
    except (ValueError, TypeError) as exc:
        raise TaizhangError("签名格式不正确（不是 base64）", "malformed signature (not base64)") from exc
    if len(pub) != 32 or len(sig) != 64:
        raise TaizhangError("签名格式不正确（长度不对）", "malformed signature (wrong length)")
    try:
        Ed25519PublicKey.from_public_bytes(pub).verify(sig, data)
    except InvalidSignature as exc:
        raise TaizhangError("签名无效：文件内容与签名不符", "bad signature: the content does not match it") from exc
    return pub
