"""This install's identity (county or school) and its Ed25519 key pair, plus the keys it trusts."""

from __future__ import annotations

from dataclasses import dataclass

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from desktop.core.clock import now_iso
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
            raise TaizhangError("此数据文件尚未初始化（请先执行 county init、city init 或 school init）",
                                "this database is not initialised (run county init, city init or school init first)")
        return None
    ident = Identity(row[0], row[1], row[2], row[3], bytes(row[4]), bytes(row[5]), bool(row[6]))
    if role and ident.role != role:
        names = {"county": "县教育局", "school": "学校", "city": "市教育局"}
        raise TaizhangError(f"这是{names[ident.role]}的数据文件，此操作需要{names[role]}的数据文件",
                            f"this is a {ident.role} database; this action needs a {role} database")
    return ident
