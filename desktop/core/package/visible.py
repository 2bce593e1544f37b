"""What you see is what is merged: a package's visible parts must be exactly what our writer makes from
its signed manifest (issue 20).

The expected parts are rebuilt from the verified manifest with the same builders that wrote them
(``reportbook.build_workbook`` / ``planbook.build_workbook``) and compared by digest with the part digests
the manifest signs (which ``verify_package`` has already matched against the file's bytes). Only
``docProps/core.xml`` (openpyxl stamps the save time into it; it is not shown in any sheet) and the
evidence parts are not rebuilt. The rebuild needs openpyxl and costs a workbook build and save, so the
result is cached per (manifest, fingerprint).

A fast path comes first (issue 21): the same ``build_workbook`` runs recorded (``sheetxml``), its cells are
written directly and the rest of each part comes from a template the real writer made. A file is accepted
on the fast bytes only when every one of them matches what the manifest signs; whenever they do not (or the
fast path cannot render a build), the full rebuild decides, so the fast path can only make acceptance
quicker, never accept a file the full rebuild would refuse for a manifest on which the two agree, which
tests/core/package/test_sheetxml.py checks on generated manifests.
"""

from __future__ import annotations

import functools
import hashlib
import io
import zipfile

from desktop.core.package import container, sheetxml
from desktop.core.package.container import PackageInvalid
from desktop.core.signing import crypto
from desktop.core.words import Reason

NOT_REBUILT = container.NOT_REBUILT


def rebuilt_parts(manifest: dict, fingerprint: str) -> dict[str, bytes]:
    """The parts our writer makes for ``manifest`` (everything but evidence, core.xml and the manifest's rels)."""
    buf = io.BytesIO()
    _book(manifest["kind"]).build_workbook(manifest, fingerprint).save(buf)
    return saved_parts(buf)


def saved_parts(buf: io.BytesIO) -> dict[str, bytes]:
    """The parts of a workbook openpyxl saved into ``buf`` as a package holds them (the manifest's content
    type and relationship added), without the parts that are not rebuilt."""
    out = {}
    with zipfile.ZipFile(buf) as zf:
        for name in zf.namelist():
            if name in NOT_REBUILT:
                continue
            data = zf.read(name)
            if name == "[Content_Types].xml":
                data = container._add_content_defaults(data)
            elif name == "_rels/.rels":
                data = container._add_manifest_relationship(data)
            out[name] = data
    return out


def fast_parts(manifest: dict, fingerprint: str) -> dict[str, bytes] | None:
    """The same parts as ``rebuilt_parts``, written without an openpyxl build; None when the build cannot be
    recorded (then only the full rebuild can say)."""
    book = _recorded(manifest, fingerprint)
    return None if book is None else sheetxml.render(book)


def _recorded(manifest: dict, fingerprint: str):
    try:
        with sheetxml.record():
            book = _book(manifest["kind"]).build_workbook(manifest, fingerprint)
    except Exception:  # any failure of the shortcut leaves the decision to the full rebuild
        return None
    return book if isinstance(book, sheetxml.Book) else None


def _fast_match(manifest: dict, fingerprint: str) -> bool:
    """True when the fast parts are exactly the signed ones (and nothing else is visible)."""
    book = _recorded(manifest, fingerprint)
    if book is None:
        return False
    try:
        digests = sheetxml.digests(book)
    except Exception:  # as above: the full rebuild decides
        return False
    signed: dict = manifest["parts"]
    if any(signed.get(name) != digest for name, digest in digests.items()):
        return False
    return not _unexpected(signed, digests)


def _unexpected(signed: dict, want) -> set:
    """Signed parts the writer would have rebuilt (``container.rebuilt_part``: neither core.xml, nor the manifest's
    rels, nor evidence) that the rebuild does not make."""
    return {n for n in signed if n not in want and container.rebuilt_part(n)}


@functools.lru_cache(maxsize=256)
def _expected(manifest_bytes: bytes, fingerprint: str) -> tuple[tuple[str, str], ...] | None:
    import json

    manifest = json.loads(manifest_bytes)
    try:
        parts = rebuilt_parts(manifest, fingerprint)
    except (KeyError, TypeError, ValueError, AttributeError, IndexError):
        return None  # a manifest our builders cannot turn into sheets was not written by our writer
    return tuple(sorted((n, hashlib.sha256(d).hexdigest()) for n, d in parts.items()))


def _book(kind: str):
    """The module that writes the visible sheets of a package kind (openpyxl: loaded only where sheets are
    rebuilt)."""
    from desktop.core.package import countybook, feedbackbook, planbook, reportbook

    return {"report": reportbook, "plan": planbook, "feedback": feedbackbook, "county": countybook}[kind]


def _check_layout(manifest: dict) -> None:
    """The sheets can only be rebuilt by the layout that wrote them: another version's file is refused with
    what to do, before it could be mistaken for a forgery."""
    book = _book(manifest["kind"])
    ours = book.LAYOUT
    theirs = manifest.get("layout", 1)  # files from before the manifest said (release 0.1.0) are layout 1
    if theirs == ours or (type(theirs) is int and theirs in getattr(book, "READ_LAYOUTS", ())):
        return  # a builder that still writes an older layout rebuilds it for the comparison below
    if not isinstance(theirs, int) or isinstance(theirs, bool) or theirs > ours:
        raise PackageInvalid(f"此文件由更新版本的台账写出（表格版式 {theirs}，本程序为 {ours}）：请先升级台账再打开",
                             f"this file was written by a newer Taizhang (sheet layout {theirs}, this program knows "
                             f"{ours}): update Taizhang first", code=Reason.OTHER_LAYOUT)
    raise PackageInvalid(f"此文件由旧版台账写出（表格版式 {theirs}，本程序为 {ours}），无法核对表格与签名数据是否一致："
                         "请对方升级台账后重新导出（学校）或重新发布（教育局）",
                         f"this file was written by an older Taizhang (sheet layout {theirs}, this program knows "
                         f"{ours}), so its sheets cannot be checked against the signed data: ask the sender to update "
                         "Taizhang and export (or publish) again", code=Reason.OTHER_LAYOUT)


def check(pkg: container.VerifiedPackage) -> None:
    """Refuse a verified report, plan, feedback or county package whose visible parts are not what the writer makes
    from its manifest."""
    manifest = pkg.manifest
    if manifest.get("kind") not in ("report", "plan", "feedback", "county"):
        return
    _check_layout(manifest)
    if _fast_match(manifest, pkg.fingerprint):
        return
    expected = _expected(crypto.canonical_json(manifest), pkg.fingerprint)
    if expected is None:
        raise PackageInvalid("工作表与签名数据不符（无法由清单重建工作表）",
                             "the visible sheets do not match the signed data (they cannot be rebuilt from the manifest)",
                             code=Reason.SHEETS_MISMATCH)
    parts: dict = manifest["parts"]
    want = dict(expected)
    others = _unexpected(parts, want)
    bad = sorted(n for n, digest in want.items() if parts.get(n) != digest) + sorted(others)
    if bad:
        sheets: dict = manifest["sheets"] if isinstance(manifest.get("sheets"), dict) else {}
        names = [sheets[n] for n in bad if n in sheets]
        exc = PackageInvalid(
            f"可见的工作表与签名数据不符（{'、'.join(names) or ', '.join(bad[:3])}）：显示的内容不是清单中签名的内容",
            f"the visible sheets do not match the signed data ({', '.join(names) or ', '.join(bad[:3])})",
            sheets=names, code=Reason.SHEETS_MISMATCH)
        exc.manifest, exc.fingerprint = manifest, pkg.fingerprint
        raise exc
