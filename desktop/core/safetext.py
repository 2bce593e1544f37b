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
# The same, as they appear in canonical JSON bytes (json.dumps escapes C0 controls as \u00XX, except
# U+0008 and U+000C, which it writes \b and \f, and keeps U+FFFE/U+FFFF raw; a backslash before the escape
# must itself be unescaped, hence the even run).
_JSON_ILLEGAL = re.compile(rb'(?<!\\)(?:\\\\)*\\(?:u(?:000[0-8bcef]|001[0-9a-f]|d[89a-f][0-9a-f]{2})|[bf])'
                           rb'|\xef\xbf[\xbe\xbf]')

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
    text = data.decode("utf-8")
    obj = _canonical_or_none(text, data, canonical)
    if obj is None:  # the checks one by one, in their order, for the first reason
        obj = json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constant,
                         parse_float=_finite_float)
        try:
            again = canonical(obj)
        except UnicodeEncodeError:  # a lone surrogate (\ud800) cannot be UTF-8
            raise StrictJSONError("json_not_xml_text", "含无效字符（孤立代理项）", "contains a lone surrogate") from None
        if again != data:
            raise StrictJSONError("json_not_canonical", "不是台账写出的规范格式", "not in the canonical form Taizhang writes")
    # every match of _JSON_ILLEGAL holds a backslash or the bytes EF BF: a file with neither (nearly
    # every one) is not scanned with the pattern, which costs about 1 ms per 20 KB manifest
    if (b"\\" in data or b"\xef\xbf" in data) and _JSON_ILLEGAL.search(data):
        raise StrictJSONError("json_not_xml_text", "含控制字符或 XML 不允许的字符",
                              "contains control characters or characters XML cannot hold")
    _check_bounds(obj)
    return obj


def _canonical_or_none(text: str, data: bytes, canonical):
    """The parsed value when ``data`` is exactly its canonical form, else None. Parsed without the duplicate-key
    hook (a Python call per object): a duplicate key loses a pair, so the canonical form of what was parsed
    cannot be ``data`` again and the file takes the one-by-one checks, which name it."""
    try:
        obj = json.loads(text, parse_constant=_no_constant, parse_float=_finite_float)
        return obj if canonical(obj) == data else None
    except (ValueError, RecursionError, UnicodeEncodeError):  # StrictJSONError is a ValueError
        return None


def _too_deep() -> StrictJSONError:
    return StrictJSONError("json_too_deep", f"嵌套过深（超过 {MAX_DEPTH} 层）", f"nested deeper than {MAX_DEPTH}")


def _too_many() -> StrictJSONError:
    return StrictJSONError("json_too_many", "条目过多", "too many entries")


def _too_long(zh: str, en: str) -> StrictJSONError:
    return StrictJSONError("json_too_long", zh, en)


def _check_bounds(obj) -> None:
    """Depth, node count, key, text and integer sizes of a parsed value (json's own types only: dict, list,
    str, int, float, bool, None). The nodes are met in one fixed order — a node, its keys, then its items
    from the last to the first, each with its own items before the next — so the first rule broken, and so
    the reason given, is the same whatever else is wrong."""
    _walk([obj], 1, 0)  # the value itself is the one item of a list at depth 1


def _walk(container, depth: int, nodes: int) -> int:
    """Check the items of a dict (and its keys) or a list at ``depth``, given the ``nodes`` met before;
    returns the nodes met by the end."""
    if type(container) is dict:
        for key in container:
            if len(key) > 200:
                raise _too_long("键过长", "a key is too long")
        values = reversed(container.values())
    else:
        values = reversed(container)
    if container and depth > MAX_DEPTH:  # the first item met is too deep
        raise _too_deep()
    for value in values:
        nodes += 1
        if nodes > MAX_NODES:
            raise _too_many()
        t = type(value)
        if t is str:
            if len(value) > MAX_STRING:
                raise _too_long("文本过长", "a text is too long")
        elif t is dict or t is list:
            if value:
                nodes = _walk(value, depth + 1, nodes)
        elif t is int and abs(value) >= _MAX_INT:
            raise _too_long("数值过大", "a number is too large")
    return nodes


_MAX_INT = 1 << 63
