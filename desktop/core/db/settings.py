"""Small named settings kept in the database (the only writer of settings)."""

from __future__ import annotations

import sqlite_utils

ENROLMENT_PROOF = "enrolment_proof"  # school side: the proof its reports carry (DESIGN §16), never the code


def get_setting(db: sqlite_utils.Database, key: str, default: str | None = None) -> str | None:
    row = db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
    return row[0] if row else default


def set_setting(db: sqlite_utils.Database, key: str, value: str) -> None:
    db.execute(
        "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [key, value],
    )
