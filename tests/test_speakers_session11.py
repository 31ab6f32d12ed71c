"""Speakers left empty on PolNeAR `train` that an editor would expect us to find (issue 14, session 11).

A name and its role between commas after an opening phrase (`In a call on Monday, Col. Ann Roe, a
spokeswoman in Kabul, said, “…”`) or with a `who` clause (`Ruiz, who has no endorsements, said`),
and a paragraph that is only a quotation after the person was paraphrased with a few quoted words
(`Baxter now said the mayor had “…”`), after a second speech verb (`Ruiz shot back in a statement,
saying…`) or after a sentence saying the person gave words of their own (`Howard continued his
remarks.`). Every text here is invented.
"""

from __future__ import annotations

from collections.abc import Callable

from support.quotes import only

from checks.models import Quote

Quotes = Callable[[str], tuple[Quote, ...]]


def test_a_name_and_role_after_an_opening_phrase_speak(quotes_in: Quotes) -> None:
    text = ("The army has widened its role in the region.\n\n"
            "But in a call with reporters on Monday, Col. Ann Roe, a military spokeswoman in Kabul, said, "
            "“I mean, a raid is a combat operation. There is no way around that.”")
    q = only(quotes_in(text), "combat operation")
    assert q.speaker == "Ann Roe"
    assert not q.speaker_guessed
    # a participle after the name is the sentence subject's, not the apposed name's
    rival = ("The station aired the interview on Monday.\n\n"
             "Sen. Dana Ruiz visited the station to discuss her remarks about her rival for the seat, "
             "Ana Lee, saying “on her worst day” she would be “a far better mayor” than anyone in the race.")
    assert only(quotes_in(rival), "worst day").speaker == "Dana Ruiz"


def test_a_who_clause_between_the_speaker_and_the_cue_keeps_the_speaker(quotes_in: Quotes) -> None:
    full = ("The race tightened on Monday.\n\n"
            "Ruiz, meanwhile, who has no endorsements yet, said, “We are ready to take on the old guard.”")
    assert only(quotes_in(full), "old guard").speaker == "Ruiz"
    fragment = ("The race tightened on Monday.\n\n"
                "Ruiz, meanwhile, who has no endorsements yet, said the count shows which candidate is "
                "“ready to take on the old guard.”")
    assert only(quotes_in(fragment), "old guard").speaker == "Ruiz"


def test_a_quote_paragraph_goes_on_with_the_person_just_paraphrased(quotes_in: Quotes) -> None:
    text = ("The convention opened on Monday.\n\n"
            "House Republican Thomas Baxter used to support the governor, but now said the mayor had "
            "“the obligation to bring us together.”\n\n"
            "“I think he can do that, but the biggest unifier we got is the weather.”")
    q = only(quotes_in(text), "biggest unifier")
    assert q.speaker == "Thomas Baxter"
    assert q.speaker_guessed


def test_a_quote_paragraph_after_a_statement_saying_is_its_issuers(quotes_in: Quotes) -> None:
    text = ("The mayor faced the council on Monday.\n\n"
            "Ruiz shot back in a statement, saying he had “made a lot of money in down markets.”\n\n"
            "“Frankly, this is the kind of thinking our country needs.”")
    q = only(quotes_in(text), "kind of thinking")
    assert q.speaker == "Ruiz"
    assert q.speaker_guessed


def test_a_quote_paragraph_after_someone_continued_their_own_remarks_is_theirs(quotes_in: Quotes) -> None:
    own = ("The actor spoke to the magazine about the campaign.\n\n"
           "Paul Howard continued his scathing remarks.\n\n"
           "“Eight years ago she was the nominee. She was winning!”")
    assert only(quotes_in(own), "Eight years ago").speaker == "Paul Howard"
    assert only(quotes_in(own), "Eight years ago").speaker_guessed
    # someone else's statement, read out, is not the reader's words
    read = ("The hearing ran late on Monday.\n\n"
            "Paul Howard read Ana Ruiz's statement.\n\n"
            "“Eight years ago we were promised a library. We are still waiting.”")
    assert only(quotes_in(read), "Eight years ago").speaker != "Paul Howard"
    silent = read.replace("read Ana Ruiz's statement", "made no comment")
    assert only(quotes_in(silent), "Eight years ago").speaker != "Paul Howard"
