"""Quoted labels in front of a noun are not anyone's words (found reading real pages, December 2026).

`A ‘phase one’ trade deal … could slip into next year, trade experts say` credited 'phase one' to the
trade experts: the sentence's speech verb governs the claim, not the name the story puts in quotes.
With a possessive instead of the article the words are the owner's, and stay a quote.
"""

from __future__ import annotations

from collections.abc import Callable

from checks import Quote

Quotes = Callable[[str], tuple[Quote, ...]]


def texts(quotes: tuple[Quote, ...]) -> list[str]:
    return [q.text for q in quotes]


def test_a_quoted_label_before_its_noun_is_not_credited_to_the_sentences_speaker(quotes_in: Quotes) -> None:
    quotes = quotes_in("A ‘phase two’ funding package, once promised within weeks of the spring summit, "
                       "could now slip into next year, budget analysts say.")
    assert texts(quotes) == []


def test_a_quoted_approach_the_parse_stumbles_over_is_a_label_too(quotes_in: Quotes) -> None:
    quotes = quotes_in("Analysts say the “wait and see” approach of the central bank may not last.")
    assert texts(quotes) == []


def test_a_possessive_says_whose_words_the_label_is(quotes_in: Quotes) -> None:
    # PolNeAR's annotators credit `Romney's “47 percent” remark` to Romney: the owner said it
    [quote] = quotes_in("Senator Ada Crane defended her “tough on crime” record at the debate, aides said.")
    assert quote.text == "tough on crime"


def test_a_label_shaped_quote_that_is_the_speakers_own_predicate_stays(quotes_in: Quotes) -> None:
    [quote] = quotes_in("The council said the plan was “a disgrace” and promised a vote on Monday.")
    assert quote.text == "a disgrace" and quote.speaker == "The council"
    [called] = quotes_in("Mayor Dana Whitlock called the audit “deeply flawed” at a news conference.")
    assert called.speaker == "Dana Whitlock"
