"""Fuzzing the package reader: any bytes give a PackageInvalid, never another exception (issue 8)."""

import io
import zipfile

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core.package import container
from desktop.core.package.container import PackageInvalid, verify_package
from desktop.core.signing import crypto


def _valid_package() -> bytes:
    import openpyxl

    key = crypto.new_private_key()
    buf = io.BytesIO()
    wb = openpyxl.Workbook()
    wb.active["A1"] = "台账"
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as d:
        out = Path(d) / "p.xlsx"
        container.write_package(out, kind="report", content={"county": "示例县"}, workbook=wb, key=key)
        buf.write(out.read_bytes())
    return buf.getvalue()


VALID = _valid_package()


def _only_package_invalid(data: bytes) -> None:
    try:
        verify_package(data)
    except PackageInvalid as exc:
        assert str(exc)


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=4096))
def test_random_bytes(data):
    _only_package_invalid(data)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(0, len(VALID) - 1), st.integers(0, 255)), min_size=1, max_size=8))
def test_mutated_valid_package(flips):
    data = bytearray(VALID)
    for pos, value in flips:
        data[pos] = value
    if bytes(data) == VALID:
        return
    _only_package_invalid(bytes(data))


@settings(max_examples=100, deadline=None)
@given(st.dictionaries(st.text(min_size=1, max_size=40), st.binary(max_size=200), max_size=12))
def test_arbitrary_zip_members(members):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in members.items():
            try:
                zf.writestr(name, data)
            except (ValueError, UnicodeEncodeError, IndexError):  # names zipfile itself cannot write
                pass
        with zipfile.ZipFile(io.BytesIO(VALID)) as src:
            for n in src.namelist():
                if n not in members:
                    zf.writestr(n, src.read(n))
    _only_package_invalid(buf.getvalue()) if members else verify_package(buf.getvalue())
