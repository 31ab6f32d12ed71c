"""Issue 14, session 16 (helper-108): pronoun quotes (`he said`, `she added`) read to the wrong person.

A person's first name is one vote for their gender next to what the story says: one `spokesman` before
`Hope Lindqvist`, or one `she` the parse tied to `Dexter Marlow`, leaves them of unknown gender, so the
next `she said` may still be theirs. Every text is invented.
"""

from __future__ import annotations

from collections.abc import Callable

from support.quotes import only

from checks.models import Quote

Quotes = Callable[[str], tuple[Quote, ...]]


def test_a_male_job_word_does_not_outvote_a_female_first_name(quotes_in: Quotes) -> None:
    text = ("Mayor Ann Ruiz called the rally a success, and organizer Dana Whitcomb said the turnout "
            "was the biggest in years.\n\n"
            "Council spokesman Hope Lindqvist confirmed that the group was created independently "
            "from the campaign. \"They are not affiliated with the council,\" she said.")
    assert only(quotes_in(text), "not affiliated").speaker == "Hope Lindqvist"


def test_one_she_in_a_reported_clause_does_not_outvote_a_male_first_name(quotes_in: Quotes) -> None:
    text = ("Nora Blake, a teacher from Lyon, was flying home to visit her son, her school said.\n\n"
            "Dexter Marlow, a minister with the Grace Church in Ohio, told the Ledger that she was a "
            "regular at their congregation. He said her family asked for privacy. \"She is a very "
            "pleasant woman dedicated to her faith,\" he added.")
    assert only(quotes_in(text), "pleasant woman").speaker == "Dexter Marlow"

