"""Text and numbers from outside made safe: for XML (every workbook we write), for a terminal (the CLI),
and strict JSON for signed manifests. Qt-free, openpyxl-free: the standard library only."""

from __future__ import annotations

import json
import math
import re
from decimal import Decimal, InvalidOperation

from desktop.core.zipsafe import safe_text

# What XML 1.0 cannot hold: C0 controls other than tab, newline and CR; lone surrogates; U+FFFE, U+FFFF.
XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# The same, as they appear in canonical JSON bytes (json.dumps escapes C0 controls as \u00XX and keeps
# U+FFFE/U+FFFF raw; a backslash before the escape must itself be unescaped, hence the even run).
_JSON_ILLEGAL = re.compile(rb'(?<!\\)(?:\\\\)*\\u(?:000[0-8bcef]|001[0-9a-f]|d[89a-f][0-9a-f]{2})|\xef\xbf[\xbe\xbf]')

MAX_DEPTH = 32
MAX_NODES = 2_000_000
MAX_STRING = 200_000  # characters; per-field limits are checked with the content
MAX_NUMBER = 10 ** 15


def xml_safe(text: str) -> str:
    """``text`` without the characters XML cannot hold (so openpyxl, python-docx and lxml never fail)."""
    return XML_ILLEGAL.sub("", text) if XML_ILLEGAL.search(text) else text


def xml_safe_tree(value):
    """A JSON-like value with every string (keys too) made :func:`xml_safe`."""
    if isinstance(value, str):
        return xml_safe(value)
    if isinstance(value, dict):
        return {xml_safe(k) if isinstance(k, str) else k: xml_safe_tree(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [xml_safe_tree(v) for v in value]
    return value


def display(value, limit: int = 300) -> str:
    """Any file-derived name or text as one printable line (see :func:`zipsafe.safe_text`)."""
    return safe_text(value, limit)


def finite_decimal(value) -> Decimal | None:
    """A number written as text (an indicator value, a roster cell), or None when it is not a finite
    number of sensible size (NaN, Infinity, 1e999999 and the like are not numbers here)."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, float) and not math.isfinite(value):
        return None
    try:
        number = Decimal(str(value).strip())
    except (InvalidOperation, ValueError):
        return None
    if not number.is_finite() or abs(number) >= MAX_NUMBER:
        return None
    return number


def non_finite(text: str) -> bool:
    """True for text that reads as a number but not a finite one of sensible size ("NaN", "-inf",
    "Infinity", "1e999999"): such a value is refused where a number is read from a file."""
    stripped = text.strip()
    if not stripped or not (stripped[0].isdigit() or stripped[0] in "+-.nNiIsS"):
        return False
    try:
        Decimal(stripped)
    except (InvalidOperation, ValueError):
        return False
    return finite_decimal(stripped) is None


class StrictJSONError(ValueError):
    """JSON that is valid somewhere but not the canonical, bounded form we sign; ``code`` names the rule."""

    def __init__(self, code: str, zh: str, en: str):
        super().__init__(en)
        self.code, self.zh, self.en = code, zh, en


def _no_duplicates(pairs):
    out = {}
    for key, value in pairs:
        if key in out:
            raise StrictJSONError("json_duplicate_key", f"有重复的键：{display(key, 40)}", f"duplicate key: {display(key, 40)}")
        out[key] = value
    return out


def _no_constant(name):
    raise StrictJSONError("json_non_finite", f"含非有限数值（{name}）", f"non-finite number ({name})")


def _finite_float(text):
    number = float(text)
    if not math.isfinite(number):
        _no_constant(text[:20])
    return number


def loads_strict(data: bytes, canonical) -> object:
    """Parse signed JSON bytes strictly: UTF-8, no duplicate keys, no NaN/Infinity (or numbers that overflow
    to them), only the canonical form ``canonical(obj)`` produces, no character XML cannot hold, and
    bounded depth, node count and string length. Raises StrictJSONError (or ValueError/RecursionError
    for JSON that does not parse at all)."""
    obj = json.loads(data.decode("utf-8"), object_pairs_hook=_no_duplicates, parse_constant=_no_constant,
                     parse_float=_finite_float)
    try:
        again = canonical(obj)
    except UnicodeEncodeError:  # a lone surrogate (\ud800) cannot be UTF-8
        raise StrictJSONError("json_not_xml_text", "含无效字符（孤立代理项）", "contains a lone surrogate") from None
    if again != data:
        raise StrictJSONError("json_not_canonical", "不是台账写出的规范格式", "not in the canonical form Taizhang writes")
    if _JSON_ILLEGAL.search(data):
        raise StrictJSONError("json_not_xml_text", "含控制字符或 XML 不允许的字符",
                              "contains control characters or characters XML cannot hold")
    _check_bounds(obj)
    return obj


def _check_bounds(obj) -> None:
    nodes, stack = 0, [(obj, 1)]
    while stack:
        value, depth = stack.pop()
        nodes += 1
        if depth > MAX_DEPTH:
            raise StrictJSONError("json_too_deep", f"嵌套过深（超过 {MAX_DEPTH} 层）", f"nested deeper than {MAX_DEPTH}")
        if nodes > MAX_NODES:
            raise StrictJSONError("json_too_many", "条目过多", "too many entries")
        if isinstance(value, dict):
            for key, item in value.items():
                if len(key) > 200:
                    raise StrictJSONError("json_too_long", "键过长", "a key is too long")
                stack.append((item, depth + 1))
        elif isinstance(value, list):
            stack.extend((item, depth + 1) for item in value)
        elif isinstance(value, str):
            if len(value) > MAX_STRING:
                raise StrictJSONError("json_too_long", "文本过长", "a text is too long")
        elif isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 1 << 63:
            raise StrictJSONError("json_too_long", "数值过大", "a number is too large")
