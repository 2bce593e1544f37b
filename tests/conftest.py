"""Shared fixtures: one headless demo round trip per session, copied for each test that changes it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory) -> Path:
    """county.db with the sample plan published, 4 schools' databases and their exported reports."""
    from desktop.core import demo

    out = tmp_path_factory.mktemp("demo-template") / "demo"
    demo.run(out, schools=4, merge=False, say=lambda _msg: None)
    return out


@pytest.fixture
def world(demo_template, tmp_path) -> Path:
    """A private copy of the demo folder (tests may change it freely)."""
    dst = tmp_path / "world"
    shutil.copytree(demo_template, dst)
    return dst


@pytest.fixture
def county_db(world):
    from desktop.core.store import open_db

    db = open_db(world / "county.db")
    yield db
    db.close()


def school_data_counts(db) -> dict:
    """Row counts of everything a merge may change for schools (what a rejected file must not touch)."""
    tables = ("entries", "indicator_values", "evidence", "entry_evidence", "entry_history", "trusted_keys")
    return {t: db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in tables} | {
        "entry_values": db.execute("SELECT group_concat(status || progress || narrative, '|') FROM"
                                   " (SELECT * FROM entries ORDER BY school_code, task_id)").fetchone()[0],
        "pinned": db.execute("SELECT group_concat(fingerprint) FROM (SELECT fingerprint FROM trusted_keys"
                             " WHERE status = 'pinned' ORDER BY fingerprint)").fetchone()[0],
    }


@pytest.fixture
def counts():
    return school_data_counts


def xml_text(text: str) -> str:
    """openpyxl writes non-ASCII text as XML character references."""
    return "".join(ch if ord(ch) < 128 else f"&#{ord(ch)};" for ch in text)


def rewrite_part(src, dst, part: str, old: str, new: str) -> None:
    """Copy a package changing the text ``old`` to ``new`` inside one zip member (a cell edit)."""
    import zipfile

    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == part:
                assert xml_text(old).encode() in data, f"{old!r} not in {part}"
                data = data.replace(xml_text(old).encode(), xml_text(new).encode(), 1)
            zout.writestr(info.filename, data)


@pytest.fixture
def edit_cell_text():
    return rewrite_part
