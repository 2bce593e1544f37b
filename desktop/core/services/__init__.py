"""Use cases: one function per user action. The CLI and the GUI both call these and nothing lower.

``county`` holds the bureau's actions, ``school`` the school's, ``common`` what both do. Submodules
load on first use, so a command such as ``merge`` does not pay for the workbook libraries it never uses.
"""

from __future__ import annotations

import importlib

_SUBMODULES = ("common", "county", "school")


def __getattr__(name: str):
    if not name.startswith("_"):
        for sub in _SUBMODULES:
            module = importlib.import_module(f"{__name__}.{sub}")
            if name in getattr(module, "__all__", ()) or (
                    hasattr(module, name) and getattr(getattr(module, name), "__module__", None) == module.__name__):
                value = getattr(module, name)
                globals()[name] = value
                return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
