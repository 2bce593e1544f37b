"""Use cases: one function per user action. The CLI and the GUI call these and nothing lower.

One module per domain, imported explicitly (``services.intake.merge_files``), so where a function lives is
visible at the call. Heavy libraries (openpyxl, python-docx, the plan reader) are imported inside the
functions that need them, so a command such as ``merge`` does not pay for what it never uses.
"""

from desktop.core.services import (
    files,
    intake,
    reporting,
    review,
    rollup,
    roster,
    setup,
    standing,
    tasklist,
    workspaces,
)

__all__ = ["files", "intake", "reporting", "review", "rollup", "roster", "setup", "standing", "tasklist", "workspaces"]
