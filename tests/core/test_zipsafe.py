"""The lean member reader (zipsafe.member_chunks): the same bytes as zipfile for a good zip, and a refusal
(zipfile.BadZipFile) for every kind of damage zipfile refuses, plus those it lets through."""

from __future__ import annotations

import io
import os
import struct
import zipfile
import zlib

import pytest

from desktop.core import zipsafe

_LOCAL_SIZE_AT, _LOCAL_CRC_AT = 22, 14
_CENTRAL = b"PK\x01\x02"


def _zip(members: dict[str, bytes], method=zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", method) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


def _infos(data: bytes) -> dict[str, zipfile.ZipInfo]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {i.filename: i for i in zf.infolist()}


def _read(data: bytes, name: str, chunk: int = 1 << 20) -> bytes:
    return b"".join(zipsafe.member_chunks(data, _infos(data)[name], chunk))


SAMPLE = {"a.xml": b"<a>" + b"x" * 5000 + b"</a>", "empty.txt": b"", "r.bin": os.urandom(3000)}


@pytest.mark.parametrize("method", [zipfile.ZIP_DEFLATED, zipfile.ZIP_STORED])
@pytest.mark.parametrize("chunk", [7, 1 << 20])
def test_a_good_zip_reads_as_zipfile_reads_it(method, chunk):
    data = _zip(SAMPLE, method)
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        for name in SAMPLE:
            assert _read(data, name, chunk) == zf.read(name) == SAMPLE[name]


def test_chunks_never_exceed_the_chunk_size():
    data = _zip({"big.xml": b"y" * 100_000})
    sizes = [len(c) for c in zipsafe.member_chunks(data, _infos(data)["big.xml"], 4096)]
    assert max(sizes) <= 4096 and sum(sizes) == 100_000


def _patch_both_headers(data: bytes, name: bytes, local_at: int, central_at: int, fmt: str, value) -> bytes:
    out = bytearray(data)
    at = out.find(b"PK\x03\x04")
    while at >= 0:
        n = struct.unpack_from("<H", out, at + 26)[0]
        if bytes(out[at + 30:at + 30 + n]) == name:
            struct.pack_into(fmt, out, at + local_at, value)
        at = out.find(b"PK\x03\x04", at + 4)
    at = out.find(_CENTRAL)
    while at >= 0:
        n = struct.unpack_from("<H", out, at + 28)[0]
        if bytes(out[at + 46:at + 46 + n]) == name:
            struct.pack_into(fmt, out, at + central_at, value)
        at = out.find(_CENTRAL, at + 4)
    return bytes(out)


def test_a_crc_mismatch_is_refused():
    data = _zip(SAMPLE)
    crc = zlib.crc32(SAMPLE["a.xml"]) ^ 1
    bad = _patch_both_headers(data, b"a.xml", _LOCAL_CRC_AT, 16, "<I", crc)
    with pytest.raises(zipfile.BadZipFile, match="CRC"):
        _read(bad, "a.xml")
    with zipfile.ZipFile(io.BytesIO(bad)) as zf, pytest.raises(zipfile.BadZipFile):
        zf.read("a.xml")  # zipfile agrees


def test_a_flipped_byte_in_the_stored_data_is_refused():
    data = bytearray(_zip(SAMPLE, zipfile.ZIP_STORED))
    at = data.index(SAMPLE["r.bin"][:32])
    data[at + 100] ^= 0xFF
    with pytest.raises(zipfile.BadZipFile):
        _read(bytes(data), "r.bin")


def test_a_local_header_that_lies_about_the_size_is_refused():
    """The directory says one size, the local header another: refused before anything is inflated."""
    data = _zip(SAMPLE)
    out = bytearray(data)
    struct.pack_into("<I", out, _LOCAL_SIZE_AT, 10)  # the first member's local header only
    with pytest.raises(zipfile.BadZipFile, match="local header disagrees"):
        _read(bytes(out), "a.xml")


def test_a_local_header_that_lies_about_the_method_is_refused():
    data = bytearray(_zip(SAMPLE))
    struct.pack_into("<H", data, 8, zipfile.ZIP_STORED)
    with pytest.raises(zipfile.BadZipFile, match="local header disagrees"):
        _read(bytes(data), "a.xml")


def test_a_truncated_member_is_refused():
    data = _zip(SAMPLE)
    info = _infos(data)["a.xml"]
    cut = data[:info.header_offset + 30 + len("a.xml") + info.compress_size // 2]
    with pytest.raises(zipfile.BadZipFile, match="truncated"):
        b"".join(zipsafe.member_chunks(cut, info))


def _member(name: str, stream: bytes, body: bytes) -> tuple[bytes, zipfile.ZipInfo]:
    """A one-member zip body made by hand around ``stream`` (the deflate bytes an attacker chose)."""
    info = zipfile.ZipInfo(name)
    info.compress_type, info.header_offset, info.flag_bits = zipfile.ZIP_DEFLATED, 0, 0
    info.file_size, info.CRC, info.compress_size = len(body), zlib.crc32(body), len(stream)
    local = struct.pack("<4sHHHHHIIIHH", b"PK\x03\x04", 20, 0, 8, 0, 0, info.CRC, len(stream), len(body),
                        len(name), 0)
    return local + name.encode() + stream, info


def test_a_deflate_stream_that_ends_early_is_refused():
    """The stored bytes are all there, but the deflate stream inside them stops before its final block."""
    body = b"<a>" + os.urandom(2000).hex().encode() + b"</a>"
    comp = zlib.compressobj(6, zlib.DEFLATED, -15)
    data, info = _member("a.xml", comp.compress(body) + comp.flush(zlib.Z_SYNC_FLUSH), body)
    with pytest.raises(zipfile.BadZipFile, match="does not end"):
        b"".join(zipsafe.member_chunks(data, info))


def test_a_stream_that_inflates_past_its_declared_size_stops_there():
    body = b"\0" * (5 << 20)
    data = _zip({"core.xml": body})
    bad = _patch_both_headers(data, b"core.xml", _LOCAL_SIZE_AT, 24, "<I", 100)
    produced: list[int] = []

    def drain():
        for chunk in zipsafe.member_chunks(bad, _infos(bad)["core.xml"], 64):
            produced.append(len(chunk))  # noqa: PERF401 (the generator raises part-way)
    with pytest.raises(zipfile.BadZipFile, match="past its declared size"):
        drain()
    assert sum(produced) <= 100


def test_bytes_after_the_deflate_stream_inside_the_member_are_refused():
    body = b"<a>hello</a>"
    comp = zlib.compressobj(6, zlib.DEFLATED, -15)
    data, info = _member("a.xml", comp.compress(body) + comp.flush() + b"HIDDEN", body)
    with pytest.raises(zipfile.BadZipFile, match="does not end"):
        b"".join(zipsafe.member_chunks(data, info))
    good, info = _member("a.xml", zlib.compress(body, wbits=-15), body)
    assert b"".join(zipsafe.member_chunks(good, info)) == body


def test_an_encrypted_or_unknown_method_member_is_refused():
    data = _zip(SAMPLE)
    info = _infos(data)["a.xml"]
    for flags, method in ((1, zipfile.ZIP_DEFLATED), (0, zipfile.ZIP_LZMA)):
        out = bytearray(data)
        struct.pack_into("<HH", out, 6, flags, method)
        info.flag_bits, info.compress_type = flags, method
        with pytest.raises(zipfile.BadZipFile):
            b"".join(zipsafe.member_chunks(bytes(out), info))


def test_read_member_refuses_a_member_over_the_limit_before_inflating():
    data = _zip({"a.xml": b"z" * 10_000})
    with pytest.raises(zipsafe.ZipRefused) as info:
        zipsafe.read_member(data, _infos(data)["a.xml"], 1000)
    assert info.value.code == "member_too_large"
    assert zipsafe.read_member(data, _infos(data)["a.xml"], 10_000) == b"z" * 10_000
