"""Stable task ids from numbering paths: one normaliser for every caller (the store, the review edits)."""

from __future__ import annotations

import re

from desktop.core.planreader.numbering import cn_to_int

_CIRCLED = {chr(0x2460 + i): i + 1 for i in range(20)}
_NOISE = re.compile(r"[\s（）()、.．,，:：;；是第部分章节条]")


def label_number(label: str) -> str:
    """A numbering label as a plain number when it is one: '（二）' → '2', '①' → '1', '3.' → '3'."""
    core = _NOISE.sub("", str(label))
    if core in _CIRCLED:
        return str(_CIRCLED[core])
    if core.isdecimal():
        return str(int(core))
    n = cn_to_int(core)
    return str(n) if n is not None else core


def task_id_for(path, taken: set[str]) -> str:
    """A readable id from the numbering path ('一','（二）','3' → '1.2.3'), unique within ``taken``."""
    base = ".".join(label_number(p) for p in path) or "t"
    candidate, n = base, 2
    while candidate in taken:
        candidate = f"{base}~{n}"
        n += 1
    taken.add(candidate)
    return candidate
