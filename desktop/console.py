"""Give the windowed Windows executable a place to print to.

The bundled ``taizhang.exe`` is a windowed (GUI-subsystem) program, so Windows starts it without a
console and Python sets ``sys.stdout``/``sys.stderr`` to ``None``. When a person runs
``taizhang.exe verify …`` from cmd or PowerShell, we attach to that console so the CLI's output shows
up there. When nothing can be attached (double-clicked from Explorer), the streams go to the null
device so a stray ``print`` or warning cannot crash the GUI.

Output redirected to a file or pipe (``taizhang.exe verify x.xlsx > out.txt``) already works without
this: Windows passes the handles and Python opens them normally. Call ``attach_parent_console()``
first thing in ``desktop/__main__.py``, before anything prints. It does nothing on other systems or
when the streams exist.
"""

from __future__ import annotations

import os
import sys

_ATTACH_PARENT_PROCESS = -1


def attach_parent_console() -> bool:
    """Point missing stdout/stderr at the parent console (True) or the null device (False)."""
    if sys.stdout is not None and sys.stderr is not None:
        return False
    attached = sys.platform == "win32" and _attach_windows_console()
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, _open_console() if attached else open(os.devnull, "w", encoding="utf-8"))
    return attached


def _attach_windows_console() -> bool:
    import ctypes

    try:
        kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
        return bool(kernel32.AttachConsole(_ATTACH_PARENT_PROCESS))
    except (AttributeError, OSError):
        return False


def _open_console():
    # "CONOUT$" opens as io._WindowsConsoleIO, which writes UTF-16 through WriteConsoleW: Chinese text
    # shows correctly whatever the console code page (936 on a Chinese Windows). Line-buffered so
    # output appears as it is printed.
    try:
        return open("CONOUT$", "w", encoding="utf-8", errors="replace", buffering=1)
    except OSError:
        return open(os.devnull, "w", encoding="utf-8")
