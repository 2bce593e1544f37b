"""This install's identity (county or school) and its Ed25519 key pair, plus the keys it trusts."""

from __future__ import annotations

from dataclasses import dataclass

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from desktop.core.db.connection import now_iso
from desktop.core.errors import TaizhangError
from desktop.core.signing import crypto


@dataclass
class Identity:
    role: str
    county: str
    school_code: str | None
    school_name: str | None
    public_key: bytes
    private_pem: bytes
    key_protected: bool

    @property
    def fingerprint(self) -> str:
        return crypto.fingerprint(self.public_key)

    def private_key(self, passphrase: str | None = None) -> Ed25519PrivateKey:
        return crypto.load_private_pem(self.private_pem, passphrase if self.key_protected else None)


def create(db, *, role: str, county: str, school_code: str | None = None, school_name: str | None = None,
           passphrase: str | None = None) -> Identity:
    """Create the install's identity and key pair. Call inside a transaction."""
    if load(db, required=False) is not None:
        raise TaizhangError("此数据文件已经初始化过", "this database is already initialised")
    key = crypto.new_private_key()
    pem = crypto.private_pem(key, passphrase)
    db.execute(
        "INSERT INTO identity (id, role, county, school_code, school_name, public_key, private_key, key_protected,"
        " created_at) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?)",
        [role, county, school_code, school_name, crypto.public_raw(key), pem, int(bool(passphrase)), now_iso()],
    )
    return load(db)


def load(db, *, required: bool = True, role: str | None = None) -> Identity | None:
    row = db.execute("SELECT role, county, school_code, school_name, public_key, private_key, key_protected"
                     " FROM identity WHERE id = 1").fetchone()
    if row is None:
        if required:
            raise TaizhangError("此数据文件尚未初始化（请先执行 county init 或 school init）",
                                "this database is not initialised (run county init or school init first)")
        return None
    ident = Identity(row[0], row[1], row[2], row[3], bytes(row[4]), bytes(row[5]), bool(row[6]))
    if role and ident.role != role:
        names = {"county": "县教育局", "school": "学校"}
        raise TaizhangError(f"这是{names[ident.role]}的数据文件，此操作需要{names[role]}的数据文件",
                            f"this is a {ident.role} database; this action needs a {role} database")
    return ident


def pinned_key(db, owner_kind: str, owner_code: str) -> bytes | None:
    row = db.execute("SELECT public_key FROM trusted_keys WHERE owner_kind = ? AND owner_code = ? AND status = 'pinned'",
                     [owner_kind, owner_code]).fetchone()
    return bytes(row[0]) if row else None


def pin(db, owner_kind: str, owner_code: str, public_key: bytes, source_sha256: str | None) -> None:
    """Trust ``public_key`` for the owner; any earlier pinned key of the owner is retired."""
    fp = crypto.fingerprint(public_key)
    now = now_iso()
    db.execute("UPDATE trusted_keys SET status = 'retired', decided_at = ? WHERE owner_kind = ? AND owner_code = ?"
               " AND status = 'pinned' AND fingerprint != ?", [now, owner_kind, owner_code, fp])
    db.execute(
        "INSERT INTO trusted_keys (fingerprint, public_key, owner_kind, owner_code, status, first_seen, decided_at,"
        " source_sha256) VALUES (?, ?, ?, ?, 'pinned', ?, ?, ?) ON CONFLICT (fingerprint) DO UPDATE SET"
        " status = 'pinned', decided_at = excluded.decided_at, owner_code = excluded.owner_code",
        [fp, public_key, owner_kind, owner_code, now, now, source_sha256],
    )


def request_key_change(db, owner_kind: str, owner_code: str, public_key: bytes, source_sha256: str) -> None:
    """Record a new key seen for an owner who already has a pinned one (waits for approval)."""
    db.execute(
        "INSERT INTO trusted_keys (fingerprint, public_key, owner_kind, owner_code, status, first_seen, source_sha256)"
        " VALUES (?, ?, ?, ?, 'pending', ?, ?) ON CONFLICT (fingerprint) DO NOTHING",
        [crypto.fingerprint(public_key), public_key, owner_kind, owner_code, now_iso(), source_sha256],
    )
