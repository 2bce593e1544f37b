"""Which tasks are a school's to report on."""

from __future__ import annotations

from desktop.core.words import COVERS


def applies_to_school(applies_to: list[str], school_type: str, school_name: str) -> bool:
    """Whether a task is this school's to report on.

    A task whose units name no school type or school (``applies_to`` empty: bureau offices only, or
    nothing stated) is reported on by every school, so nothing the bureau asks about goes unanswered.
    A school of one type also runs the grades of others (``words.COVERS``): a task for 初中 applies to a 完全中学.
    """
    if not applies_to:
        return True
    covered = {school_type, *COVERS.get(school_type, ())}
    return bool(covered & set(applies_to)) or school_name in applies_to
