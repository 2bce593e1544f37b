"""The vocabulary tables (desktop/core/plan/vocabulary): every word appears in its example line,
and that line is hit through the rule that uses the table — so no word is dead and each entry
documents what it is for."""

from __future__ import annotations

import datetime as _dt
import re

import pytest

from desktop.core.planreader.charfold import fold
from desktop.core.planreader.deadlines import body_deadline, is_open_ended, parse_deadline
from desktop.core.planreader.fields import body_units, collect, is_field_line
from desktop.core.planreader.outline import _CLOSING_WORDS, is_closing
from desktop.core.planreader.parser import _FRAMING, _title
from desktop.core.planreader.schedule import term_start
from desktop.core.planreader.sections import heading_kind
from desktop.core.planreader.tables import _IGNORE, _classify
from desktop.core.planreader.targets import extract_targets
from desktop.core.planreader.textlines import _CONTENTS, is_chrome
from desktop.core.planreader.units import is_org_name
from desktop.core.planreader.vocabulary import closing, dates, field_keys, headings, measures, offices


def _targets(line: str) -> list[dict]:
    return extract_targets(line, fold(line))


def _value(line: str) -> str:
    return fold(line).split(":", 1)[-1]


RULES = {
    **{(field_keys, name): is_field_line for name in (
        "UNIT_ROLES", "UNIT_NOUNS", "BARE_UNIT_KEYS", "SUPPORT_ROLES", "DEADLINE_VERBS", "DEADLINE_NOUNS",
        "DEADLINE_WORDS", "PERSON_ROLES", "PERSON_NOUNS", "PERSON_WORDS")},
    (field_keys, "LATER_DEADLINE_KEYS"): lambda f: bool(collect([(f, f)]).deadline_texts),
    (field_keys, "TABLE_SUPPORT"): lambda f: _classify(f) == "support",
    (field_keys, "TABLE_DEADLINE"): lambda f: _classify(f) == "deadline",
    (field_keys, "TABLE_TARGET"): lambda f: _classify(f) == "target",
    (field_keys, "TABLE_TASK"): lambda f: _classify(f) == "task",
    (field_keys, "TABLE_PERIOD"): lambda f: _classify(f) == "period",
    (field_keys, "TABLE_GROUP"): lambda f: _classify(f) == "group",
    (field_keys, "TABLE_IGNORE"): lambda f: _classify(f) is None and bool(_IGNORE.search(f)),
    (headings, "STRONG"): lambda f: heading_kind(f) == "strong",
    (headings, "WEAK"): lambda f: heading_kind(f) == "weak",
    (headings, "RETRO"): lambda f: heading_kind(f) == "retro",
    (headings, "FRAMING"): lambda f: bool(_FRAMING.match(re.sub(r"^[一二三四五六七八九十]+、", "", f))),
    (headings, "CONTENTS"): lambda f: bool(_CONTENTS.match(re.sub(r"\s+", "", f))),
    (headings, "TITLE_WORDS"): lambda f: _title([("各单位：", "各单位:"), (f, f)]) == f,
    (closing, "ADDRESSEES"): is_closing,
    (closing, "OPENERS"): is_closing,
    (closing, "PAGE_CHROME"): is_chrome,
    (closing, "CHROME_LINES"): is_chrome,
    (closing, "WORDS"): lambda f: bool(_CLOSING_WORDS.search(f)),
    (offices, "OFFICE_SUFFIXES"): is_org_name,
    (offices, "SCHOOL_SUFFIXES"): is_org_name,
    (offices, "GENERIC_PREFIXES"): is_org_name,
    (offices, "ACTING_BODIES"): lambda f: bool(body_units([(f, f)])),
    (dates, "OPEN_ENDED"): lambda f: is_open_ended(_value(f)) and parse_deadline(_value(f), 2025) is None,
    (dates, "SPRING_TERM"): lambda f: (term_start(f, 2025) or _dt.date(1, 1, 1)).month == 2,
    (dates, "AUTUMN_TERM"): lambda f: (term_start(f, 2025) or _dt.date(1, 1, 1)).month == 9,
    (dates, "ACHIEVED"): lambda f: body_deadline(f, 2025) is not None,
    (measures, "COMMIT"): lambda f: bool(_targets(f)),
    (measures, "REFERENCE"): lambda f: not _targets(f),
    (measures, "PAST"): lambda f: not _targets(f),
    (measures, "FREQUENCIES"): lambda f: bool(_targets(f)),
    (measures, "THRESHOLDS"): lambda f: bool(_targets(f)),
    (measures, "ROUTINE_ACTS"): lambda f: any(t["unit"].endswith(tuple("检查扫巡报")) for t in _targets(f)),
}


def _tables():
    for module in (field_keys, headings, closing, offices, dates, measures):
        for name in dir(module):
            if name.isupper() and isinstance(getattr(module, name), tuple):
                yield module, name


def test_every_table_has_a_rule():
    assert set(_tables()) - {(dates, "MONTH_WORDS"), (measures, "UNITS")} == set(RULES)


@pytest.mark.parametrize("module, name", [pytest.param(m, n, id=f"{m.__name__.rsplit('.', 1)[-1]}.{n}")
                                          for m, n in _tables()])
def test_every_word_is_hit_by_its_example(module, name):
    misses = []
    for entry in getattr(module, name):
        word, example = entry[0], entry[-1]
        f = fold(example)
        if fold(word) not in f:
            misses.append((word, example, "word not in example"))
        elif (module, name) == (dates, "MONTH_WORDS"):
            if parse_deadline(_value(example), 2025) != f"2025-{entry[1]:02d}":
                misses.append((word, example))
        elif (module, name) == (measures, "UNITS"):
            if not any(t["unit"] == word for t in _targets(example)):
                misses.append((word, example))
        elif not RULES[(module, name)](f):
            misses.append((word, example))
    assert not misses


def test_examples_are_distinct_per_table():
    for module, name in _tables():
        words = [e[0] for e in getattr(module, name)]
        assert len(words) == len(set(words)), (module.__name__, name)
