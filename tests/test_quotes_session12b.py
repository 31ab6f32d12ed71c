"""Quotes from session 12's second reading of missed quotes (invented text throughout): a speaker
described by a trade, an office or a rank no suffix gives away (`the billionaire businessman`, `the
retired neurosurgeon`) speaks; a verb with no speaker inside the sentence leaves the words to the
attribution after them; `the admiral` is the admiral named before."""

from __future__ import annotations

import pytest

from checks import check_text


@pytest.mark.parametrize("line", [
    "The billionaire businessman began by talking about the port, saying that a ferry ticket is now "
    "\u201ccheaper than a sandwich.\u201d",
    "The retired neurosurgeon said the plan was \u201ca disaster for the county.\u201d",
    "In a statement, the business mogul announced that \u201che is folding the two offices\u201d into one.",
    "The congressman said the bill was \u201cdead on arrival.\u201d",
])
def test_a_fragment_said_by_a_described_person_is_theirs(line: str) -> None:
    """News calls a person by what they do (`the businessman`, `the mogul`, `the neurosurgeon`, `the
    congressman`): under a speech verb such a noun is someone speaking, so the words are kept and go
    to the one person the story is about."""
    quotes = check_text("Tom Reyes spoke in Salem on Monday.\n\n" + line + "\n").quotes
    assert len(quotes) == 1
    assert quotes[0].speaker == "Tom Reyes"


def test_the_attribution_after_a_fragment_names_its_speaker() -> None:
    """`being warned about “…,” said Jon Doggett`: the verb inside the sentence has no one speaking;
    the attribution after the words does."""
    text = ("Corn prices fell again.\n\nFarmers are tired of being warned about \u201cthe worst harvest "
            "in living memory,\u201d said Jon Doggett.\n")
    quotes = check_text(text).quotes
    assert [q.speaker for q in quotes] == ["Jon Doggett"]


def test_the_admiral_is_the_admiral_named_before() -> None:
    """A rank with `the` picks up the person who holds it, as `the senator` does."""
    text = ("Senator Bill Hart met Admiral Tom Reyes on Monday.\n\n"
            "\u201cWe have never been stronger,\u201d the admiral said.\n")
    quotes = check_text(text).quotes
    assert [q.speaker for q in quotes] == ["Tom Reyes"]


def test_a_trade_written_before_a_name_leaves_the_words_to_the_name() -> None:
    """`the businessman Ali Haddad added`: the noun before the name is his title, however the parser
    hangs it; the name speaks, not the one person the story was about before him."""
    text = ("Tom Reyes spoke in Salem on Monday.\n\n"
            "The retired neurosurgeon said the plan was \u201ca disaster for the county.\u201d\n\n"
            "\u201cWe had called him just before the vote,\u201d the businessman Ali Haddad added.\n")
    quotes = check_text(text).quotes
    assert [q.speaker for q in quotes] == ["Tom Reyes", "Ali Haddad"]
