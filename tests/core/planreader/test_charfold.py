"""Folding is one character to one character, so offsets in the folded text index the original."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from desktop.core.planreader.charfold import fold


def test_full_width_and_traditional_fold():
    assert fold("（１）責任單位：教務處，各中小學％") == "(1)责任单位:教务处,各中小学%"
    assert fold("二○二二年") == "二〇二二年"
    assert fold("\u3000一、") == " 一、"


def test_simplified_text_is_unchanged():
    text = "一、实施党建引领工程。1.坚持把党的政治建设摆在首要位置。"
    assert fold(text) == text


@given(st.text())
def test_fold_keeps_length(text):
    assert len(fold(text)) == len(text)
