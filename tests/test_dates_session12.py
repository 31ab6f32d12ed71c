"""Dates of the twelfth session (invented text): a day's anaphor after the story moves to a whole
month or year has no day to point to; "the first two quarters of" a year is its first half; a
year-ago comparison is with the quarter reported, not one forecast after it; the year of a date written
without one is its own module."""

from __future__ import annotations

import datetime as dt

from checks import check_text
from checks.dates.context import Story
from checks.dates.grammar import candidates
from checks.nlp import load_pipeline

SATURDAY = dt.date(2025, 11, 8)


def _dates(text: str, published: dt.date = SATURDAY) -> list[tuple[str, str | None]]:
    return [(d.text, d.value) for d in check_text(text, published=published).dates]


def test_that_same_day_after_a_month_is_not_the_day_told_before_it() -> None:
    text = ("The council voted on Thursday to close the pool. Two lifeguards quit, the last of them "
            "in March when the heating failed. The pool's hours were cut that same day.")
    assert ("that same day", "2025-11-06") not in _dates(text)
    assert ("that same day", None) in _dates(text)
    text = "The museum reopened on Tuesday. It first opened in 1931, and the next day a crowd lined up."
    assert ("the next day", "2025-11-05") not in _dates(text)
    # with no month or year between them, the anaphor still follows the day
    text = "The council voted on Thursday to close the pool. The pool's hours were cut that same day."
    assert ("that same day", "2025-11-06") in _dates(text)
    text = "The museum reopened on Nov. 4. The next day a crane arrived."
    assert ("The next day", "2025-11-05") in _dates(text)


def test_the_first_two_quarters_of_a_year_are_its_first_half() -> None:
    assert _dates("The maker expects losses through the first two quarters of 2026.") == [
        ("the first two quarters of 2026", "2026-H1")]
    assert _dates("Orders slowed in the last two quarters of 2024, the chief executive said.") == [
        ("the last two quarters of 2024", "2024-H2")]


def test_a_year_ago_compares_with_the_quarter_reported_not_a_forecast_one() -> None:
    text = ("The brewer posted a drop in third-quarter profit. Analysts say it will lose money through the "
            "second quarter of 2026. In the year-ago period, the brewer earned $10 million. Sales fell to "
            "$1 billion from $1.2 billion a year ago.")
    dates = _dates(text)
    assert ("the year-ago period", "2024-Q3") in dates
    assert ("a year ago", "2024-Q3") in dates
    assert ("the year-ago period", "2025-Q2") not in dates


def test_the_year_of_a_date_without_one_is_chosen_from_the_story() -> None:
    from checks.dates.yearless import year_for

    text = "The mayor said the bridge would reopen in March."
    doc = load_pipeline()(text)
    story = Story.of(doc, text, SATURDAY)
    march = next(c for c in candidates(text) if text[c.start:c.end].endswith("March"))
    assert year_for(story, 3, None, march) == 2026  # a plan: the March ahead
    assert year_for(story, 3, None, march, "past") == 2025
