"""File sizes as both windows show them: "512 B", "1.5 KB", "2.3 MB", "1.2 GB".

Powers of 1024 written KB/MB/GB, as Windows Explorer writes them (what school and bureau staff compare
against); one formatter, so the school's evidence list and the bureau's review say the same thing."""

from __future__ import annotations

_UNITS = ("KB", "MB", "GB", "TB")


def human_size(n: int) -> str:
    if n < 1024:
        return f"{n} B"
    value = float(n)
    for unit in _UNITS:
        value /= 1024
        if value < 1024 or unit == _UNITS[-1]:
            return f"{value:.1f} {unit}"
    raise AssertionError("unreachable")
