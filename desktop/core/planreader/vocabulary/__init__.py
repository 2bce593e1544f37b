"""The Chinese word tables of the plan reader, as data (ARCHITECTURE, Habit 8).

One module per subject; every table is a tuple of ``(word, example)`` entries, the example a line
written the way plans write it, in which the word does its job. The code that uses a table
compiles it (:func:`alternation`); ``tests/core/plan/test_plan_vocabulary.py`` checks that every
word is hit by its example line through the rule that uses it. Adding a word is one edit here.

* :mod:`.field_keys` — unit, deadline and person keys, task-table column headers
* :mod:`.headings`   — forward-looking, retrospective, framing and title words
* :mod:`.closing`    — closing-remark openers and wording
* :mod:`.offices`    — office and school suffixes, generic prefixes
* :mod:`.dates`      — month words, open-ended words, verbs of achievement
* :mod:`.measures`   — target units, commitment, reference and past-tense words, frequencies
"""

from __future__ import annotations

import re

Entry = tuple[str, str]  # (word, example line)


def words(entries: tuple[Entry, ...]) -> tuple[str, ...]:
    return tuple(w for w, _ in entries)


def alternation(entries: tuple[Entry, ...]) -> str:
    """The words as a regex alternation, in table order (earlier words are tried first)."""
    return "|".join(re.escape(w) for w in words(entries))
