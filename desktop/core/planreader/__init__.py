"""Plan ingestion: turn a county plan document into headings and structured tasks.

``parse_plan_file(path)`` reads .txt / .docx / .xlsx (and .doc / .wps / .pdf through LibreOffice
when it is installed); ``parse_plan_text(text)`` parses plain text. Both return the dict described
in :mod:`desktop.core.planreader.parser` or raise :class:`desktop.core.errors.TaizhangError`.

``applies_to`` of a task lists school types (小学, 初中, 九年一贯制, 高中, 幼儿园, 职业学校, 特殊教育)
and named schools reached by its units; an empty list means the units are bureau offices only or
do not say which schools ("bureau-internal / not specified"), never "all schools" (see
:mod:`desktop.core.planreader.units`).
"""

from .numbering import normalise_label
from .parser import parse_plan_text
from .readers import parse_plan_file

__all__ = ["normalise_label", "parse_plan_file", "parse_plan_text"]
