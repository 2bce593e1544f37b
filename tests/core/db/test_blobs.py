"""Big values in and out of BLOBs: streamed writes hashed on the way, zip members read back from a BLOB."""

from __future__ import annotations

import hashlib
import io
import os
import sqlite3
import zipfile

import pytest
import sqlite_utils

from desktop.core.db import blobs


@pytest.fixture
def db():
    conn = sqlite3.connect(":memory:", isolation_level=None)
    conn.execute("CREATE TABLE t (k TEXT PRIMARY KEY, data BLOB NOT NULL)")
    yield sqlite_utils.Database(conn)
    conn.close()


def _zip(members: dict[str, tuple[bytes, int]]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, (data, method) in members.items():
            zf.writestr(zipfile.ZipInfo(name), data, compress_type=method)
    return buf.getvalue()


def test_a_streamed_write_returns_the_hash_of_what_it_wrote(db):
    data = os.urandom(3 << 20)
    assert blobs.insert_streamed(db, "t", "data", {"k": "a"}, len(data), io.BytesIO(data)) == \
        hashlib.sha256(data).hexdigest()
    assert db.execute("SELECT data FROM t").fetchone()[0] == data


@pytest.mark.parametrize("actual", [999, 1001])
def test_a_stream_longer_or_shorter_than_announced_is_refused(db, actual):
    with pytest.raises(blobs.BlobChanged):
        blobs.insert_streamed(db, "t", "data", {"k": "a"}, 1000, io.BytesIO(b"x" * actual))


def test_members_of_a_zip_in_a_blob_read_back_exactly(db):
    photo, text = os.urandom(200 << 10), "会议纪要：按计划推进。\n".encode() * 2000
    data = _zip({"a/photo.bin": (photo, zipfile.ZIP_STORED), "b/text.bin": (text, zipfile.ZIP_DEFLATED)})
    db.execute("INSERT INTO t VALUES ('z', ?)", [data])
    with db.conn.blobopen("t", "data", 1, readonly=True) as blob:
        members = blobs.zip_members(blob)
        assert members["b/text.bin"][2] == zipfile.ZIP_DEFLATED and members["b/text.bin"][1] < len(text)
        for name, expected in (("a/photo.bin", photo), ("b/text.bin", text)):
            offset, length, method, size = members[name]
            assert size == len(expected)
            assert blobs.range_matches(blob, offset, length, method, hashlib.sha256(expected).hexdigest(), size)
            reader = blobs.RangeReader(blob, offset, length, method, hashlib.sha256(expected).hexdigest(), size)
            assert b"".join(iter(lambda r=reader: r.read(4096), b"")) == expected


def test_bytes_that_do_not_match_their_hash_raise_instead_of_being_handed_out(db):
    data = _zip({"p.bin": (b"original bytes " * 100, zipfile.ZIP_STORED)})
    db.execute("INSERT INTO t VALUES ('z', ?)", [data])
    blob = db.conn.blobopen("t", "data", 1, readonly=True)
    offset, length, method, size = blobs.zip_members(blob)["p.bin"]
    wrong = hashlib.sha256(b"something else").hexdigest()
    assert not blobs.range_matches(blob, offset, length, method, wrong, size)
    with pytest.raises(blobs.BlobChanged):
        blobs.RangeReader(blob, offset, length, method, wrong, size).read()
