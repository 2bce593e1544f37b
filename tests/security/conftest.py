"""Tools to build hostile packages: re-signed by any key after any change, as an attacker could."""

from __future__ import annotations

import json
import zipfile

import pytest

from desktop.core.package import container
from desktop.core.signing import crypto


def forge(src, dst, *, key=None, manifest_edit=None, parts_edit=None, raw_manifest: bytes | None = None,
          keep_signature: bool = False) -> None:
    """Rewrite package ``src`` into ``dst``.

    ``parts_edit(parts: dict[name, bytes])`` may change, add or drop members; their digests are
    recomputed and ``manifest_edit(manifest)`` may change the claims; the result is signed with ``key``
    (a new key when None) unless ``keep_signature`` keeps the original signature.
    """
    with zipfile.ZipFile(src) as zf:
        parts = {n: zf.read(n) for n in zf.namelist()}
    manifest = json.loads(parts.pop(container.MANIFEST))
    signature = parts.pop(container.SIGNATURE)
    if parts_edit:
        parts_edit(parts)
    manifest["parts"] = {n: crypto.sha256_hex(d) for n, d in parts.items()}
    if manifest_edit:
        manifest_edit(manifest)
    body = raw_manifest if raw_manifest is not None else crypto.canonical_json(manifest)
    if not keep_signature:
        signature = crypto.canonical_json(crypto.sign(key or crypto.new_private_key(), body))
    with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in parts.items():
            out.writestr(name, data)
        out.writestr(container.MANIFEST, body)
        out.writestr(container.SIGNATURE, signature)


@pytest.fixture
def forger():
    return forge
