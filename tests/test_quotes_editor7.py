"""Quoted labels in front of a noun are not anyone's words (found reading real pages, December 2026).

`A ‘phase one’ trade deal … could slip into next year, trade experts say` credited 'phase one' to the
trade experts: the sentence's speech verb governs the claim, not the name the story puts in quotes.
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


def test_a_quoted_stance_the_parse_stumbles_over_is_a_label_too(quotes_in: Quotes) -> None:
    quotes = quotes_in("That would let the governor campaign on his “tough on crime” record, which plays "
                       "well with voters in rural counties, aides say.")
    assert texts(quotes) == []


def test_a_label_shaped_quote_that_is_the_speakers_own_predicate_stays(quotes_in: Quotes) -> None:
    [quote] = quotes_in("The council said the plan was “a disgrace” and promised a vote on Monday.")
    assert quote.text == "a disgrace" and quote.speaker == "The council"
    [called] = quotes_in("Mayor Dana Whitlock called the audit “deeply flawed” at a news conference.")
    assert called.speaker == "Dana Whitlock"
