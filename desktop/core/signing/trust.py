"""Whose key speaks for whom (trusted_keys): the only writer of key states.

A key is ``pinned`` for its owner (the county for a school, a school for the bureau), ``pending`` while
a new key waits for a person to approve it, ``retired`` once replaced, ``refused`` when turned down.
A pinned key also says how it was confirmed (DESIGN §16, ``Confirmation``): a school's first key is only
``unconfirmed`` until an enrolment proof, the stamped paper or a person's approval of exactly its
fingerprint confirms it. A fingerprint is one row: a key belongs to one owner, ever, and is never moved
to another. Re-merging the files that waited for a key, and setting aside the data an unconfirmed key
brought, are the intake's job, not this module's.
"""

from __future__ import annotations

import json
import re

from desktop.core.clock import now_iso
from desktop.core.db.audit import audit
from desktop.core.errors import TaizhangError
from desktop.core.signing import crypto
from desktop.core.words import Confirmation, KeyStatus, OwnerKind

_FP = re.compile(r"^[0-9a-f]{64}$")


def normalise_fingerprint(text: str) -> str:
    """A fingerprint as a person copies it (groups of 4, spaces, dashes, capitals) → 64 lowercase hex."""
    fp = re.sub(r"[\s:\-]", "", str(text or "")).lower()
    if not _FP.match(fp):
        raise TaizhangError("密钥指纹应为 64 位十六进制数字（可分组书写）", "a key fingerprint is 64 hex digits (groups allowed)")
    return fp


def pinned_key(db, owner_kind: str, owner_code: str) -> bytes | None:
    row = db.execute("SELECT public_key FROM trusted_keys WHERE owner_kind = ? AND owner_code = ? AND status = ?",
                     [owner_kind, owner_code, KeyStatus.PINNED]).fetchone()
    return bytes(row[0]) if row else None


def pinned_fingerprint(db, owner_kind: str, owner_code: str) -> str | None:
    row = db.execute("SELECT fingerprint FROM trusted_keys WHERE owner_kind = ? AND owner_code = ? AND status = ?",
                     [owner_kind, owner_code, KeyStatus.PINNED]).fetchone()
    return row[0] if row else None


def confirmation(db, owner_kind: str, owner_code: str) -> str | None:
    """How the owner's pinned key was confirmed (``Confirmation``), or None without a pinned key."""
    row = db.execute("SELECT confirmation FROM trusted_keys WHERE owner_kind = ? AND owner_code = ? AND status = ?",
                     [owner_kind, owner_code, KeyStatus.PINNED]).fetchone()
    return row[0] if row else None


def key_owner(db, fingerprint: str) -> tuple[str, str, str] | None:
    """(owner_kind, owner_code, status) of a key this install has seen, whoever it was for."""
    row = db.execute("SELECT owner_kind, owner_code, status FROM trusted_keys WHERE fingerprint = ?",
                     [fingerprint]).fetchone()
    return (row[0], row[1], row[2]) if row else None


def _not_elsewhere(db, owner_kind: str, owner_code: str, fp: str) -> None:
    found = key_owner(db, fp)
    if found is not None and (found[0], found[1]) != (owner_kind, owner_code):
        raise TaizhangError(f"此密钥已属于 {found[1]}，一个密钥不能代表两个单位",
                            f"this key already belongs to {found[1]}; one key never speaks for two owners")


def pin(db, owner_kind: str, owner_code: str, public_key: bytes, source_sha256: str | None,
        how: str = Confirmation.UNCONFIRMED) -> None:
    """Trust ``public_key`` for the owner (confirmed ``how``); any earlier pinned key of the owner is retired.
    A key seen for another owner is refused: it is never moved from one owner to another."""
    fp = crypto.fingerprint(public_key)
    _not_elsewhere(db, owner_kind, owner_code, fp)
    now = now_iso()
    db.execute("UPDATE trusted_keys SET status = ?, decided_at = ? WHERE owner_kind = ? AND owner_code = ?"
               " AND status = ? AND fingerprint != ?",
               [KeyStatus.RETIRED, now, owner_kind, owner_code, KeyStatus.PINNED, fp])
    db.execute(
        "INSERT INTO trusted_keys (fingerprint, public_key, owner_kind, owner_code, status, first_seen, decided_at,"
        " source_sha256, confirmation) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (fingerprint) DO UPDATE SET"
        " status = excluded.status, decided_at = excluded.decided_at, confirmation = excluded.confirmation",
        [fp, public_key, owner_kind, owner_code, KeyStatus.PINNED, now, now, source_sha256, str(how)],
    )


def request_key_change(db, owner_kind: str, owner_code: str, public_key: bytes, source_sha256: str) -> None:
    """Record a new key seen for an owner who already has a pinned one (waits for approval)."""
    fp = crypto.fingerprint(public_key)
    _not_elsewhere(db, owner_kind, owner_code, fp)
    db.execute(
        "INSERT INTO trusted_keys (fingerprint, public_key, owner_kind, owner_code, status, first_seen, source_sha256)"
        " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (fingerprint) DO NOTHING",
        [fp, public_key, owner_kind, owner_code, KeyStatus.PENDING, now_iso(), source_sha256],
    )


def was_set_aside(db, owner_code: str, fingerprint: str) -> bool:
    """The key was the owner's once and was replaced or refused (a file signed by it is not merged)."""
    return db.execute("SELECT 1 FROM trusted_keys WHERE fingerprint = ? AND owner_code = ? AND status IN (?, ?)",
                      [fingerprint, owner_code, KeyStatus.RETIRED, KeyStatus.REFUSED]).fetchone() is not None


def pending(db, owner_kind: str = OwnerKind.SCHOOL) -> list[dict]:
    """Keys waiting for a decision: fingerprint, owner, when first seen, the owner's pinned key and how
    that one was confirmed (an ``unconfirmed`` pinned key is one of the two the bureau decides between)."""
    out = []
    for fp, code, first_seen in db.execute(
            "SELECT fingerprint, owner_code, first_seen FROM trusted_keys WHERE owner_kind = ? AND status = ?"
            " ORDER BY first_seen, owner_code", [owner_kind, KeyStatus.PENDING]).fetchall():
        out.append({"owner": code, "fingerprint": fp, "first_seen": first_seen,
                    "pinned": pinned_fingerprint(db, owner_kind, code),
                    "pinned_confirmation": confirmation(db, owner_kind, code)})
    return out


def unconfirmed(db, owner_kind: str = OwnerKind.SCHOOL) -> dict[str, str]:
    """owner → fingerprint of every pinned key trusted on first use only (shown as 未确认)."""
    return dict(db.execute("SELECT owner_code, fingerprint FROM trusted_keys WHERE owner_kind = ? AND status = ?"
                           " AND confirmation = ?", [owner_kind, KeyStatus.PINNED, Confirmation.UNCONFIRMED]).fetchall())


def keys(db) -> list[dict]:
    """Every key this install has seen, for ``keys list``."""
    cols = ("owner_kind", "owner", "status", "confirmation", "fingerprint", "first_seen", "decided_at")
    return [dict(zip(cols, r, strict=True)) for r in db.execute(
        "SELECT owner_kind, owner_code, status, confirmation, fingerprint, first_seen, decided_at FROM trusted_keys"
        " ORDER BY owner_kind, owner_code, first_seen").fetchall()]


def _no_pending(code: str) -> TaizhangError:
    return TaizhangError(f"学校 {code} 没有待批准的新密钥", f"school {code} has no pending key change")


def confirm(db, owner_code: str, fingerprint: str, how: str, owner_kind: str = OwnerKind.SCHOOL) -> dict:
    """Confirm exactly the key ``fingerprint`` for the owner, ``how`` (enrolment, paper, approved).

    The key must be the owner's pinned key or one of its pending keys; a pending one is pinned and the
    key it replaces retired; the owner's other pending keys are refused. Returns ``{"fingerprint",
    "replaced", "replaced_unconfirmed"}``: when the replaced key was only ever unconfirmed, the data it
    brought must be set aside (``intake.merge.confirm_key`` does that, and re-merges the held files: call
    that, not this, from the paper-check). Call in a transaction.
    """
    fp = normalise_fingerprint(fingerprint)
    row = db.execute("SELECT public_key, status, confirmation FROM trusted_keys WHERE fingerprint = ? AND"
                     " owner_kind = ? AND owner_code = ?", [fp, owner_kind, owner_code]).fetchone()
    if row is None or row[1] not in (KeyStatus.PINNED, KeyStatus.PENDING):
        raise TaizhangError(f"{owner_code} 没有指纹为 {fp[:16]}… 的待定或在用密钥",
                            f"{owner_code} has no pinned or pending key with fingerprint {fp[:16]}…")
    old_fp = pinned_fingerprint(db, owner_kind, owner_code)
    old_conf = confirmation(db, owner_kind, owner_code)
    pin(db, owner_kind, owner_code, bytes(row[0]), None, how)
    db.execute("UPDATE trusted_keys SET status = ?, decided_at = ? WHERE owner_kind = ? AND owner_code = ?"
               " AND status = ?", [KeyStatus.REFUSED, now_iso(), owner_kind, owner_code, KeyStatus.PENDING])
    replaced = old_fp if old_fp not in (None, fp) else None
    audit(db, f"keys.confirm.{how}", owner_code, json.dumps({"fingerprint": fp, "replaced": replaced}))
    return {"fingerprint": fp, "replaced": replaced,
            "replaced_unconfirmed": replaced is not None and old_conf == Confirmation.UNCONFIRMED}


def approve(db, owner_code: str, fingerprint: str, owner_kind: str = OwnerKind.SCHOOL) -> dict:
    """Pin exactly the key ``fingerprint`` the person saw: one of the owner's pending keys, or its pinned
    key trusted on first use only (the bureau decides between the two). See ``confirm``."""
    if not fingerprint:
        raise TaizhangError("批准密钥时必须写明所核对的密钥指纹", "an approval must name the fingerprint it approves")
    has_pending = db.execute("SELECT 1 FROM trusted_keys WHERE owner_kind = ? AND owner_code = ? AND status = ?",
                             [owner_kind, owner_code, KeyStatus.PENDING]).fetchone()
    if has_pending is None and confirmation(db, owner_kind, owner_code) != Confirmation.UNCONFIRMED:
        raise _no_pending(owner_code)
    return confirm(db, owner_code, fingerprint, Confirmation.APPROVED, owner_kind)


def refuse(db, owner_code: str, fingerprint: str | None = None, owner_kind: str = OwnerKind.SCHOOL) -> None:
    """Turn down the owner's pending keys (with ``fingerprint``: only that one). Call in a transaction."""
    sql = ("UPDATE trusted_keys SET status = ?, decided_at = ? WHERE owner_kind = ? AND owner_code = ?"
           " AND status = ?")
    args = [KeyStatus.REFUSED, now_iso(), owner_kind, owner_code, KeyStatus.PENDING]
    if fingerprint:
        sql += " AND fingerprint = ?"
        args.append(normalise_fingerprint(fingerprint))
    if db.execute(sql, args).rowcount == 0:
        raise _no_pending(owner_code)
    audit(db, "keys.refuse", owner_code, json.dumps({"fingerprint": fingerprint}))
