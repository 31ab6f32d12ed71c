"""Session 16 (helper-109): confident wrongs an editor found on real pages (issue 14): a pronoun
that went to a generic phrase, a singular `they` that went to a company, a present-day `today`."""

from __future__ import annotations

from support.quotes import only


def test_a_he_never_quotes_a_generic_person_from_a_relative_clause(quotes_in) -> None:
    text = ("Marco Quiroga runs a testing lab in Valencia. Quiroga offered to answer questions that a "
            "typical pharmacist is not trained to respond to. \"People write to me at night with worries "
            "they cannot take anywhere else,\" he wrote. \"I try to answer them all.\"")
    quotes = quotes_in(text)
    assert only(quotes, "People write to me").speaker == "Marco Quiroga"
    assert only(quotes, "answer them all").speaker == "Marco Quiroga"


def test_a_he_still_quotes_an_unnamed_person_just_introduced(quotes_in) -> None:
    text = ("Marco Quiroga runs a testing lab in Valencia. A retired pharmacist waited outside the lab "
            "on Monday. \"I come every week,\" he said.")
    assert only(quotes_in(text), "every week").speaker == "A retired pharmacist"
