"""Dates and page furniture, the editor's eleventh reading (second part): a version number is no
day, "May" the verb is no month, months listed with one year share it, a season with its year sets
the story's year, a past narrative's "next morning" is not tomorrow and a value-less anaphor is placed
from nothing. Every text here is invented for the test."""

from __future__ import annotations

import datetime as dt

from checks import check_text
from checks.dates.find import find_dates

PUBLISHED = dt.date(2016, 3, 24)


def values(nlp, text: str, published: dt.date | None = PUBLISHED) -> list[tuple[str, str | None]]:
    return [(d.text, d.value) for d in find_dates(nlp(text), published)]


def test_a_number_glued_to_a_dotted_version_is_no_day(nlp) -> None:
    """A release table flattened to text: `5.1.2 June 2015` is version 5.1.2 of June 2015."""
    text = "Version Released 5.1.2 June 2015 5.2 August 2015 5.2.1 October 2015"
    assert values(nlp, text) == [("June 2015", "2015-06"), ("August 2015", "2015-08"),
                                 ("October 2015", "2015-10")]


def test_may_the_verb_in_a_headline_is_no_month_but_early_may_in_a_sentence_is(nlp) -> None:
    text = "Toddlers Who Eat Eggs Early May Avoid Rashes\nThe trial enrols children from early May."
    assert values(nlp, text) == [("early May", "2016-05")]


def test_months_joined_by_and_share_the_year_written_after_the_last(nlp) -> None:
    text = "The filing says hearings have been set for July and November of 2016 in the patent case."
    assert ("July", "2016-07") in values(nlp, text)


def test_a_span_of_months_shares_its_year_and_one_over_new_year_starts_the_year_before(nlp) -> None:
    text = ("The plant closed from May to July 2014 for repairs. "
            "The ferry ran only from December to February 2015, the operator said.")
    found = values(nlp, text)
    assert ("May", "2014-05") in found and ("December", "2014-12") in found


def test_days_of_one_month_share_the_year_written_after_them(nlp) -> None:
    """`have been set` reads as past, which alone would put a June 3 after a March paper a year back."""
    assert ("June 3", "2016-06-03") in values(nlp, "Hearings have been set for June 3-4, 2016, in Oslo.")


def test_a_season_with_its_year_is_the_time_at_the_time_points_to(nlp) -> None:
    """`at the time` after `the summer of 1961` is 1961, not a year written paragraphs before."""
    text = ("A wedding notice from 1958 named the couple.\n"
            "When Ruth Okafor joined the lab in the summer of 1961, few women wrote code. "
            "Then again, hardly anyone did at the time.")
    assert ("the time", "1961") in values(nlp, text)


def test_the_next_morning_of_a_past_narrative_is_not_the_day_after_publication(nlp) -> None:
    text = ("Engineers who, today, would be credited as authors were thanked in a footnote. "
            "She remembers leaving a dinner at 2 a.m., realizing the machine was not set to finish "
            "by the next morning, and driving back to restart it.")
    assert ("the next morning", None) in values(nlp, text)
    # after a day the story told, it is still the day after that one
    text = "The mayor resigned on March 3, 2016. She cleared her office the next morning."
    assert ("the next morning", "2016-03-04") in values(nlp, text)


def test_an_anaphor_without_a_value_was_not_placed_from_the_publication_date() -> None:
    report = check_text("Fares for the ride doubled that day, and riders complained loudly about it.",
                        PUBLISHED)
    assert [d.value for d in report.dates] == [None]
    assert not [s for s in report.signals if s.code == "no_absolute_date"]
