"""Dates, issue 14 item 5 (TimeML tuning): quarters and halves with their year written before them,
the current quarter, centuries, seasons after "over", "the next morning", spelled-out years, and
dates that are terms of what was announced ("payable Dec. 15").

Every text here is invented for the test."""

from __future__ import annotations

import datetime as dt

from checks.dates.find import find_dates

TUESDAY = dt.date(2025, 11, 4)


def values(nlp, text: str, published: dt.date | None = TUESDAY) -> list[tuple[str, str | None]]:
    return [(d.text, d.value) for d in find_dates(nlp(text), published)]


# --- quarters and halves ------------------------------------------------------------------------

def test_a_year_written_before_a_quarter_is_that_quarters_year(nlp):
    assert values(nlp, "Harbour Mutual said profit fell in the 2023 fourth quarter.") == [
        ("the 2023 fourth quarter", "2023-Q4")]


def test_next_years_quarter_is_a_quarter_of_next_year_not_of_this_one(nlp):
    assert values(nlp, "The mill expects to restart in next year's first quarter.") == [
        ("next year's first quarter", "2026-Q1")]


def test_last_years_half_is_a_half_of_last_year(nlp):
    assert values(nlp, "Orders slumped in last year's second half, the co-op said.") == [
        ("last year's second half", "2024-H2")]


def test_a_quarter_of_a_fiscal_year_takes_the_year_written(nlp):
    assert values(nlp, "Revenue should recover by the first quarter of fiscal 2027.") == [
        ("the first quarter of fiscal 2027", "2027-Q1")]


def test_the_last_half_of_a_year_is_its_second_half(nlp):
    assert values(nlp, "Ferry traffic grew in the last half of 2024.") == [
        ("the last half of 2024", "2024-H2")]


def test_a_year_before_the_quarter_of_a_results_story_is_that_quarter_in_that_year(nlp):
    text = "Net income rose in the third quarter. In the 2024 quarter, the bakery chain lost money."
    assert values(nlp, text) == [("the third quarter", "2025-Q3"), ("the 2024 quarter", "2024-Q3")]


def test_a_year_before_period_gives_only_the_year(nlp):
    text = "Net income rose in the third quarter, against a loss in the 2024 period."
    assert values(nlp, text)[-1] == ("the 2024 period", "2024")


def test_the_current_quarter_is_the_one_running_at_publication(nlp):
    text = "Sales rose in the third quarter, and the bakery chain expects a loss in the current quarter."
    assert values(nlp, text) == [("the third quarter", "2025-Q3"), ("the current quarter", "2025-Q4")]


# --- centuries ----------------------------------------------------------------------------------

def test_a_century_qualifying_a_noun_is_a_date_but_not_in_a_capitalised_name(nlp):
    text = "Volunteers repaired the 12th-century chapel, a 9th century well and the 21st Century Fox lot."
    assert values(nlp, text) == [("the 12th-century", "11"), ("9th century", "08")]


# --- seasons, the next morning ------------------------------------------------------------------

def test_a_season_after_over_is_the_nearest_one(nlp):
    assert values(nlp, "Over the summer, the ferry ran twice a day.") == [("the summer", "2025-SU")]


def test_the_next_morning_is_the_day_after_the_storys_day(nlp):
    text = "The bridge closed on March 3, 2025, and crews reopened it the next morning."
    assert values(nlp, text) == [("March 3, 2025", "2025-03-03"), ("the next morning", "2025-03-04")]


# --- spelled-out years --------------------------------------------------------------------------

def test_a_spelled_out_year_is_a_year(nlp):
    assert values(nlp, "The cannery closed in nineteen eighty-seven, the mayor recalled.") == [
        ("nineteen eighty-seven", "1987")]


def test_a_spelled_out_year_takes_its_month_and_season(nlp):
    text = "It flooded in January nineteen ninety-two and again in the spring of nineteen seventy-one."
    assert values(nlp, text) == [("January nineteen ninety-two", "1992-01"),
                                 ("the spring of nineteen seventy-one", "1971-SP")]


def test_the_year_two_thousand_is_a_year_but_spelled_counts_are_not(nlp):
    text = ("Nobody expected the pier to last until the year two thousand. He paid with nineteen "
            "twenty-dollar bills after twenty thirty years of saving.")
    assert values(nlp, text) == [("the year two thousand", "2000")]


# --- terms of what was announced ----------------------------------------------------------------

def test_a_payable_date_and_a_record_date_after_a_past_verb_are_the_nearest_ones(nlp):
    # the dividend was declared in the past; it is paid in January, not ten months ago
    text = "The bank declared a quarterly dividend, payable Jan. 15 to holders of record Dec. 28."
    assert values(nlp, text) == [("Jan. 15", "2026-01-15"), ("Dec. 28", "2025-12-28")]


def test_an_effective_date_after_a_past_verb_is_the_nearest_one_but_a_plain_date_stays_past(nlp):
    text = "The co-op named a new chair, effective Feb. 1. The old chair had left on Feb. 1."
    assert values(nlp, text) == [("Feb. 1", "2026-02-01"), ("Feb. 1", "2025-02-01")]


# --- weeks --------------------------------------------------------------------------------------

def test_the_week_of_a_day_is_that_days_week(nlp):
    text = "The trial was moved to the week of Dec. 8, and jurors must keep the week of Jan. 12, 2026 free."
    assert values(nlp, text) == [("the week of Dec. 8", "2025-W50"),
                                 ("the week of Jan. 12, 2026", "2026-W03")]
