"""Enrolment codes (DESIGN §16): the strongest way a school's first key is bound to the school.

The bureau gives each school a random code of 8 characters from an alphabet without look-alikes (no
0/O, 1/I/L, 2/Z, 5/S, 8/B), sent with the official notice. The school types it once; its reports carry
``enrolment`` = HMAC-SHA256(key = the code, message = the school's raw 32-byte public key), hex. The
bureau recomputes the proof from the code it issued and the key that signed the file, so the code itself
never travels in a file and a proof made for one key does not fit another.

This module is the only writer of ``enrolment_codes``.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets

from desktop.core.clock import now_iso
from desktop.core.errors import TaizhangError

ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679"  # 25 symbols a person cannot mistake for another: 8 of them ≈ 37 bits
LENGTH = 8
_PROOF = re.compile(r"^[0-9a-f]{64}$")


def normalise(code: str) -> str:
    """What a person typed, without spaces and dashes, in capitals; refused when it cannot be a code."""
    text = re.sub(r"[\s\-_]", "", str(code or "")).upper()
    if len(text) != LENGTH or any(c not in ALPHABET for c in text):
        raise TaizhangError(f"注册码应为 {LENGTH} 位，只含字母数字（不含 0、O、1、I 等易混字符）：{str(code)[:20]!r}",
                            f"an enrolment code has {LENGTH} characters from {ALPHABET}: {str(code)[:20]!r}")
    return text


def display(code: str) -> str:
    """A code as printed for people: two groups of four (``ACDE-FGHJ``)."""
    return f"{code[:4]}-{code[4:]}"


def new_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def proof(code: str, public_key: bytes) -> str:
    """HMAC-SHA256(key = code, message = raw public key), lowercase hex."""
    return hmac.new(normalise(code).encode("ascii"), public_key, hashlib.sha256).hexdigest()


def is_proof(value) -> bool:
    """A manifest's ``enrolment`` field has the shape of a proof (any other value is treated as wrong)."""
    return isinstance(value, str) and _PROOF.match(value) is not None


def issue(db, school_codes) -> int:
    """Give every school in ``school_codes`` that has none yet a code; returns how many were made.
    Call in a transaction."""
    have = {r[0] for r in db.execute("SELECT school_code FROM enrolment_codes").fetchall()}
    made = 0
    for school in school_codes:
        if school not in have:
            db.execute("INSERT INTO enrolment_codes (school_code, code, created_at) VALUES (?, ?, ?)",
                       [school, new_code(), now_iso()])
            made += 1
    return made


def reissue(db, school: str) -> str:
    """A new code for one school (the old one leaked or was lost); only while the school is not enrolled."""
    row = db.execute("SELECT used_by FROM enrolment_codes WHERE school_code = ?", [school]).fetchone()
    if row is not None and row[0]:
        raise TaizhangError(f"学校 {school} 已用注册码确认了密钥，不能重发", f"school {school} is already enrolled")
    code = new_code()
    db.execute("INSERT INTO enrolment_codes (school_code, code, created_at) VALUES (?, ?, ?) ON CONFLICT (school_code)"
               " DO UPDATE SET code = excluded.code, created_at = excluded.created_at", [school, code, now_iso()])
    return code


def codes(db) -> dict[str, dict]:
    """school code → {code, created_at, used_by, used_at}."""
    return {r[0]: {"code": r[1], "created_at": r[2], "used_by": r[3], "used_at": r[4]} for r in db.execute(
        "SELECT school_code, code, created_at, used_by, used_at FROM enrolment_codes ORDER BY school_code").fetchall()}


def check(db, school: str, public_key: bytes, claimed) -> bool | None:
    """Does a report's ``enrolment`` proof fit the school's code and the key that signed it?

    None: the file carries no proof, or the bureau issued this school no code (nothing to check against).
    True: the proof fits a code not yet used, or used by this very key. False: anything else — a proof
    for another key, a guessed value, or a second key presenting a code already spent.
    """
    if claimed is None:
        return None
    row = db.execute("SELECT code, used_by FROM enrolment_codes WHERE school_code = ?", [school]).fetchone()
    if row is None:
        return None
    from desktop.core.signing import crypto

    if not is_proof(claimed) or not hmac.compare_digest(proof(row[0], public_key), claimed):
        return False
    return row[1] is None or row[1] == crypto.fingerprint(public_key)


def mark_used(db, school: str, fingerprint: str) -> None:
    """The code has confirmed this key; it is spent (a later key of the school needs an approval)."""
    db.execute("UPDATE enrolment_codes SET used_by = ?, used_at = ? WHERE school_code = ? AND used_by IS NULL",
               [fingerprint, now_iso(), school])
