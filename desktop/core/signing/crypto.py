"""Ed25519 keys, fingerprints, canonical JSON, sign and verify (all through `cryptography`)."""

from __future__ import annotations

import base64
import hashlib
import json
import os

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

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


SCRYPT_N, SCRYPT_R, SCRYPT_P = 1 << 15, 8, 1  # ~32 MB and ~0.1 s on an old PC: slow to guess, quick to use


def private_pem(key: Ed25519PrivateKey, passphrase: str | None = None) -> bytes:
    """The private key as stored: PKCS#8 PEM, or with a passphrase an scrypt + AES-GCM sealed blob."""
    if passphrase:
        return _seal(key.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                                       serialization.NoEncryption()), passphrase)
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption())


def _scrypt(passphrase: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(passphrase.encode("utf-8"))


def _seal(raw: bytes, passphrase: str) -> bytes:
    salt, nonce = os.urandom(16), os.urandom(12)
    box = AESGCM(_scrypt(passphrase, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P))
    return canonical_json({"kdf": "scrypt", "n": SCRYPT_N, "r": SCRYPT_R, "p": SCRYPT_P,
                           "salt": base64.b64encode(salt).decode(), "nonce": base64.b64encode(nonce).decode(),
                           "cipher": "AES-256-GCM",
                           "ciphertext": base64.b64encode(box.encrypt(nonce, raw, b"taizhang-key")).decode()})


def _unseal(blob: bytes, passphrase: str | None) -> Ed25519PrivateKey:
    if not passphrase:
        raise TaizhangError("私钥受口令保护，请输入口令", "the private key is protected: a passphrase is needed")
    try:
        sealed = json.loads(blob)
        key = _scrypt(passphrase, base64.b64decode(sealed["salt"]), sealed["n"], sealed["r"], sealed["p"])
        raw = AESGCM(key).decrypt(base64.b64decode(sealed["nonce"]), base64.b64decode(sealed["ciphertext"]),
                                  b"taizhang-key")
    except InvalidTag as exc:
        raise TaizhangError("口令不正确，无法解开私钥", "wrong passphrase: the private key cannot be opened") from exc
    except (ValueError, KeyError, TypeError) as exc:
        raise TaizhangError("私钥数据已损坏", "the stored private key is damaged") from exc
    return Ed25519PrivateKey.from_private_bytes(raw)


def load_private_pem(pem: bytes, passphrase: str | None = None) -> Ed25519PrivateKey:
    if pem.startswith(b"{"):
        return _unseal(pem, passphrase)
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


def format_fingerprint(fp: str, per_line: int | None = None) -> str:
    """Shown to people in groups of 4: ``3f2a 9c01 …``; with ``per_line``, that many groups a line."""
    groups = [fp[i : i + 4] for i in range(0, len(fp), 4)]
    if per_line:
        return "\n".join(" ".join(groups[i : i + per_line]) for i in range(0, len(groups), per_line))
    return " ".join(groups)


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
