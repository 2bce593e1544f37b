"""Tools to build hostile packages: re-signed by any key after any change, as an attacker could."""

from __future__ import annotations

import contextlib
import json
import zipfile

import pytest

from desktop.core.package import container, visible
from desktop.core.signing import crypto


def forge(src, dst, *, key=None, manifest_edit=None, parts_edit=None, raw_manifest: bytes | None = None,
          keep_signature: bool = False, rebuild: bool = True) -> None:
    """Rewrite package ``src`` into ``dst``.

    ``manifest_edit(manifest)`` may change the claims (the visible sheets are then rebuilt to show them,
    unless ``rebuild`` is false); ``parts_edit(parts: dict[name, bytes])`` may change, add or drop members;
    their digests are recomputed; the result is signed with ``key``
    (a new key when None) unless ``keep_signature`` keeps the original signature.
    """
    with zipfile.ZipFile(src) as zf:
        parts = {n: zf.read(n) for n in zf.namelist()}
    manifest = json.loads(parts.pop(container.MANIFEST))
    signature = parts.pop(container.SIGNATURE)
    key = key or crypto.new_private_key()
    if manifest_edit:
        manifest_edit(manifest)
        if rebuild and not keep_signature:  # the attacker makes the sheets show the new claims, as our writer would
            # claims no builder can show: the sheets stay as they were
            with contextlib.suppress(KeyError, TypeError, ValueError, AttributeError):
                parts.update(visible.rebuilt_parts(manifest, crypto.fingerprint(crypto.public_raw(key))))
    if parts_edit:
        parts_edit(parts)
    manifest["parts"] = {n: crypto.sha256_hex(d) for n, d in parts.items()}
    body = raw_manifest if raw_manifest is not None else crypto.canonical_json(manifest)
    if not keep_signature:
        signature = crypto.canonical_json(crypto.sign(key, body))
    with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in parts.items():
            out.writestr(name, data)
        out.writestr(container.MANIFEST, body)
        out.writestr(container.SIGNATURE, signature)


@pytest.fixture
def forger():
    return forge
