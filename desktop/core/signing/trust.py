"""Whose key speaks for whom (trusted_keys): the only writer of key states.

A key is ``pinned`` for its owner (the county for a school, a school for the bureau), ``pending`` while
a new key waits for a person to approve it, ``retired`` once replaced, ``refused`` when turned down.
Re-merging the files that waited for a key is the intake's job, not this module's.
"""

from __future__ import annotations

import json

from desktop.core.clock import now_iso
from desktop.core.db.audit import audit
from desktop.core.errors import TaizhangError
from desktop.core.signing import crypto
from desktop.core.words import KeyStatus, OwnerKind


def pinned_key(db, owner_kind: str, owner_code: str) -> bytes | None:
    row = db.execute("SELECT public_key FROM trusted_keys WHERE owner_kind = ? AND owner_code = ? AND status = ?",
                     [owner_kind, owner_code, KeyStatus.PINNED]).fetchone()
    return bytes(row[0]) if row else None


def pinned_fingerprint(db, owner_kind: str, owner_code: str) -> str | None:
    row = db.execute("SELECT fingerprint FROM trusted_keys WHERE owner_kind = ? AND owner_code = ? AND status = ?",
                     [owner_kind, owner_code, KeyStatus.PINNED]).fetchone()
    return row[0] if row else None


def pin(db, owner_kind: str, owner_code: str, public_key: bytes, source_sha256: str | None) -> None:
    """Trust ``public_key`` for the owner; any earlier pinned key of the owner is retired."""
    fp = crypto.fingerprint(public_key)
    now = now_iso()
    db.execute("UPDATE trusted_keys SET status = ?, decided_at = ? WHERE owner_kind = ? AND owner_code = ?"
               " AND status = ? AND fingerprint != ?",
               [KeyStatus.RETIRED, now, owner_kind, owner_code, KeyStatus.PINNED, fp])
    db.execute(
        "INSERT INTO trusted_keys (fingerprint, public_key, owner_kind, owner_code, status, first_seen, decided_at,"
        " source_sha256) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (fingerprint) DO UPDATE SET"
        " status = excluded.status, decided_at = excluded.decided_at, owner_code = excluded.owner_code",
        [fp, public_key, owner_kind, owner_code, KeyStatus.PINNED, now, now, source_sha256],
    )


def request_key_change(db, owner_kind: str, owner_code: str, public_key: bytes, source_sha256: str) -> None:
    """Record a new key seen for an owner who already has a pinned one (waits for approval)."""
    db.execute(
        "INSERT INTO trusted_keys (fingerprint, public_key, owner_kind, owner_code, status, first_seen, source_sha256)"
        " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (fingerprint) DO NOTHING",
        [crypto.fingerprint(public_key), public_key, owner_kind, owner_code, KeyStatus.PENDING, now_iso(),
         source_sha256],
    )


def was_set_aside(db, owner_code: str, fingerprint: str) -> bool:
    """The key was the owner's once and was replaced or refused (a file signed by it is not merged)."""
    return db.execute("SELECT 1 FROM trusted_keys WHERE fingerprint = ? AND owner_code = ? AND status IN (?, ?)",
                      [fingerprint, owner_code, KeyStatus.RETIRED, KeyStatus.REFUSED]).fetchone() is not None


def pending(db, owner_kind: str = OwnerKind.SCHOOL) -> list[dict]:
    """Keys waiting for a decision: fingerprint, owner, when first seen, and the owner's pinned key."""
    out = []
    for fp, code, first_seen in db.execute(
            "SELECT fingerprint, owner_code, first_seen FROM trusted_keys WHERE owner_kind = ? AND status = ?"
            " ORDER BY first_seen, owner_code", [owner_kind, KeyStatus.PENDING]).fetchall():
        out.append({"owner": code, "fingerprint": fp, "first_seen": first_seen,
                    "pinned": pinned_fingerprint(db, owner_kind, code)})
    return out


def _no_pending(code: str) -> TaizhangError:
    return TaizhangError(f"学校 {code} 没有待批准的新密钥", f"school {code} has no pending key change")


def approve(db, owner_code: str, fingerprint: str | None = None, owner_kind: str = OwnerKind.SCHOOL) -> str:
    """Pin exactly the pending key ``fingerprint`` the person saw (or, without it, the owner's only pending
    key); the owner's other pending keys are refused. Returns the fingerprint. Call in a transaction."""
    rows = db.execute("SELECT fingerprint, public_key FROM trusted_keys WHERE owner_kind = ? AND owner_code = ?"
                      " AND status = ? ORDER BY first_seen DESC", [owner_kind, owner_code, KeyStatus.PENDING]).fetchall()
    if fingerprint is not None:
        rows = [r for r in rows if r[0] == fingerprint.lower().replace(" ", "")]
    elif len(rows) > 1:
        raise TaizhangError(f"学校 {owner_code} 有 {len(rows)} 个待批准的新密钥，请指明要批准的密钥指纹",
                            f"school {owner_code} has {len(rows)} pending keys; name the fingerprint to approve")
    if not rows:
        raise _no_pending(owner_code)
    row = rows[0]
    fp, public_key = row[0], bytes(row[1])
    pin(db, owner_kind, owner_code, public_key, None)
    db.execute("UPDATE trusted_keys SET status = ?, decided_at = ? WHERE owner_kind = ? AND owner_code = ?"
               " AND status = ?", [KeyStatus.REFUSED, now_iso(), owner_kind, owner_code, KeyStatus.PENDING])
    audit(db, "keys.approve", owner_code, json.dumps({"fingerprint": fp}))
    return fp


def refuse(db, owner_code: str, owner_kind: str = OwnerKind.SCHOOL) -> None:
    """Turn down the owner's pending keys. Call in a transaction."""
    cur = db.execute("UPDATE trusted_keys SET status = ?, decided_at = ? WHERE owner_kind = ? AND owner_code = ?"
                     " AND status = ?", [KeyStatus.REFUSED, now_iso(), owner_kind, owner_code, KeyStatus.PENDING])
    if cur.rowcount == 0:
        raise _no_pending(owner_code)
    audit(db, "keys.refuse", owner_code)
