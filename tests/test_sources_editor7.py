"""Names and sources as an editor read them on real pages (issue 14, item 3): a role the model
tagged into a name, a bare common noun shown as a speaker, one anonymous description listed
three times, a role given in a title before the name that the report left empty.

Every text here is invented for the test.
"""

from __future__ import annotations

import pytest
from support.quotes import named, only

from checks.people import another_speaker, name_parts

# -- a role written ahead of a name is not part of it -----------------------------------------


def test_a_team_and_a_position_before_a_name_are_the_role(quotes_and_sources) -> None:
    text = ("Jaguars DL Tomas Brennan, however, decided to weigh in on the fight on Monday. Brennan said "
            "the hit was “a cheap shot that nobody in this league should defend.”")
    quotes, sources = quotes_and_sources(text)
    assert only(quotes, "cheap shot").speaker == "Tomas Brennan"
    source = named(sources, "Brennan")
    assert (source.name, source.role, source.quotes) == ("Tomas Brennan", "Jaguars DL", 1)


def test_a_name_the_model_typed_an_organisation_sheds_its_team_and_position(quotes_and_sources) -> None:
    text = ("Lions DE Carl Hendricks weighed in on Monday. “Nobody in this league should defend that "
            "hit,” said Lions DE Carl Hendricks.")
    quotes, sources = quotes_and_sources(text)
    q = only(quotes, "defend that hit")
    assert (q.speaker, q.speaker_kind) == ("Carl Hendricks", "named")
    assert named(sources, "Hendricks").kind == "person"


def test_stored_speakers_with_and_without_the_role_are_one_person() -> None:
    assert another_speaker("Jaguars DL Tomas Brennan", "Tomas Brennan") is False
    assert another_speaker("Ohio Gov. Ana Ruiz", "Ruiz") is False
    assert name_parts("Steelers LB TJ Okafor") == ("tj", "okafor")  # TJ is a first name, not a position
    assert another_speaker("Jaguars DL Tomas Brennan", "Josh Brennan") is True


# -- a speaker label is a name or a description, never a bare common noun -----------------------


def test_the_company_is_the_one_organisation_the_sentence_names(quotes_and_sources) -> None:
    text = ("Drivers on Quillo’s network now complete three million trips a week, and the company said "
            "the service was “growing faster than we ever planned.”")
    quotes, sources = quotes_and_sources(text)
    q = only(quotes, "growing faster")
    assert (q.speaker, q.speaker_kind, q.speaker_guessed) == ("Quillo", "organization", True)
    assert named(sources, "Quillo").quotes == 1  # `on Quillo’s network` owns the network: no place


def test_the_outlet_a_letter_went_to_is_not_the_company(quotes_and_sources) -> None:
    text = "In a letter to the Riverton Ledger, the company called the cuts “routine and long overdue.”"
    quotes, _ = quotes_and_sources(text)
    assert only(quotes, "long overdue").speaker == "the company"


def test_a_company_no_one_organisation_can_be_keeps_its_article(quotes_and_sources) -> None:
    text = ("Brightwater Foods and Corvane Holdings both cut jobs this year; the company said the cuts "
            "were “routine” and would end by June.")
    quotes, sources = quotes_and_sources(text)
    assert only(quotes, "routine").speaker == "the company"
    assert not [s for s in sources.named if "company" in s.name.lower()]


def test_a_name_written_with_a_possessive_after_across_is_not_a_place(quotes_and_sources) -> None:
    text = ("Riders took three million trips across Zephyra’s network last month. Zephyra said the "
            "figure was “a record for any October we have seen.”")
    _, sources = quotes_and_sources(text)
    assert named(sources, "Zephyra").kind == "organization"


# -- one anonymous description, one row, with its quotes ----------------------------------------


def test_the_same_description_written_again_is_one_source_with_its_quotes(quotes_and_sources) -> None:
    text = ("Harvest yields fell again this year, say experts.\n"
            "“Prices will rise before the winter,” said a senior official, speaking on condition of "
            "anonymity. “Demand is back in the cities,” the official said.\n"
            "Experts say growth will slow.\n"
            "“We remain cautious about the second half,” experts said.")
    _, sources = quotes_and_sources(text)
    rows = [(s.text, s.quotes) for s in sources.anonymous]
    assert rows == [("experts", 1), ("a senior official, speaking on condition of anonymity", 2)]


# -- a role given before the name is filled in ---------------------------------------------------


@pytest.mark.parametrize(("text", "name", "role"), [
    # a title whose place the parse hung on the name is the whole role
    ("Norway’s ambassador to Britain Tove Lindqvist has said that her government has the “patience and "
     "the means” to settle the dispute. She said the talks would resume in May.",
     "Lindqvist", "Norway’s ambassador to Britain"),
    # an abbreviated rank before a name is the role
    ("Lt. Col. Marcus Ellery told lawmakers it was his “duty” to report the call. Ellery said he had no "
     "regrets.", "Ellery", "Lt. Col."),
    # a title the tagger read as a proper noun is still the role
    ("“Our strategy is to be everywhere,” Dana Kline, CEO of Northwind Games, adds. “That is all.”",
     "Dana Kline", "CEO of Northwind Games"),
], ids=["place hung on the name", "abbreviated rank", "title read as a proper noun"])
def test_a_role_around_a_name_is_the_persons_whole_role(quotes_and_sources, text: str, name: str,
                                                         role: str) -> None:
    _, sources = quotes_and_sources(text)
    assert named(sources, name).role == role
