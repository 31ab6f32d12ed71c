"""Dates of the ninth session (invented text): a month named by a noun under a past verb, plans told in
the past, dates put off, a level measured on a weekday, and "the year" of a results story."""

from __future__ import annotations

import datetime as dt

from checks import check_text

NOVEMBER = dt.date(2026, 11, 20)  # a Friday
OCTOBER_THURSDAY = dt.date(2026, 10, 29)


def _dates(text: str, published: dt.date = NOVEMBER) -> list[tuple[str, str | None]]:
    return [(d.text, d.value) for d in check_text(text, published=published).dates]


def _date_signals(text: str, published: dt.date = NOVEMBER) -> list[str]:
    return [s.code for s in check_text(text, published=published).signals if s.code.startswith("date")]


def test_a_past_verb_puts_the_month_of_its_noun_behind_publication() -> None:
    # November: the December just ahead is nearer than last December, but a budget approved at a
    # meeting was approved at one already held
    text = ("On Nov. 17, 2026, the water board met again. Members said the board approved the budget at "
            "its December meeting and missed the June deadline for the audit.")
    assert _dates(text)[1:] == [("December", "2025-12"), ("June", "2026-06")]
    assert _date_signals(text) == []
    # "ahead of" looks forward, and so does "for" an event that is scheduled: the December still to come
    assert _dates("The board cut its budget ahead of the December meeting.")[0] == ("December", "2026-12")
    assert _dates("The party picked its candidate for the December runoff.")[0] == ("December", "2026-12")
    assert _dates("The man was arrested for the December robbery.")[0] == ("December", "2025-12")


def test_the_june_deadline_discussed_is_the_june_the_tense_points_to() -> None:
    text = "The council discussed the June deadline at length, members said on Tuesday."
    # published in May: the June ahead is days away, but the deadline discussed is told in the past,
    # so it is the latest June begun by publication, last year's
    assert _dates(text, dt.date(2026, 5, 12))[0] == ("June", "2025-06")
    # in November that June is this year's
    assert _dates(text)[0] == ("June", "2026-06")
    # a verb in the present leaves the nearest June
    assert _dates("The council discusses the June deadline today.", dt.date(2026, 5, 12))[0] == (
        "June", "2026-06")


def test_a_plan_told_in_the_past_is_the_month_nearest_publication() -> None:
    text = "The activist was due to be released from prison in September after serving his term."
    assert _dates(text) == [("September", "2026-09")]
    # told in the present, the plan still lies ahead
    assert _dates("The activist is due to be released in September.") == [("September", "2027-09")]


def test_a_date_something_is_put_off_to_lies_ahead() -> None:
    assert _dates("The council postponed the vote until January.", OCTOBER_THURSDAY) == [
        ("January", "2027-01")]
    assert _dates("Lenders have extended the company $90 million in loans through January.",
                  OCTOBER_THURSDAY) == [("January", "2027-01")]
    # a strike that lasted until January lasted until one gone
    assert _dates("The strike lasted until January, when the mill reopened.", OCTOBER_THURSDAY) == [
        ("January", "2026-01")]
    # on a Thursday: the Tuesday a decision is put off to is next week's, not the one just gone
    assert _dates("Officials postponed until Tuesday morning any action on the permit.",
                  OCTOBER_THURSDAY) == [("until Tuesday morning", "2026-11-03")]
    assert _dates("The judge gave the two sides until Tuesday to file their briefs.", OCTOBER_THURSDAY) == [
        ("until Tuesday", "2026-11-03")]


def test_talks_set_to_resume_on_a_weekday_resume_ahead() -> None:
    sunday = dt.date(2026, 11, 22)
    text = "Police found the device on a farm, on the eve of peace talks set to resume Monday in the capital."
    assert _dates(text, sunday) == [("Monday", "2026-11-23")]
    # "was set to" is the plan as it stood: on a Wednesday, "Wednesday" is that day
    wednesday = dt.date(2026, 11, 25)
    text = "The utility was set to begin shutting off power Wednesday to 30,000 homes."
    assert _dates(text, wednesday) == [("Wednesday", "2026-11-25")]


def test_a_closing_price_is_of_a_day_gone() -> None:
    monday = dt.date(2026, 11, 23)
    text = "The notes convert into stock at $25 a share, a 24% premium over Thursday's closing price."
    assert _dates(text, monday) == [("Thursday", "2026-11-19")]


def test_the_year_of_a_results_story() -> None:
    text = ("Sales for the full year rose 13%, and the company expects to close the sale of its bakery "
            "unit by year-end. Earlier in the year, heavy rains delayed planting.")
    assert _dates(text) == [("the full year", "2026"), ("year-end", "2026"), ("Earlier in the year", "2026")]
    # not a year a clause, a phrase or an award defines, nor one counted
    assert _dates("It was the year the Berlin Wall fell, and the year Nixon resigned.") == []
    assert _dates("He was named coach of the year in 2025.") == [("2025", "2025")]
    assert _dates("In the year since the flood, the town has rebuilt its bridge.") == []
    text = "Tourism revenue fell to $300 million last year, down from $450 million the year before."
    assert _dates(text) == [("last year", "2025")]


def test_the_year_follows_the_paragraphs_own_year() -> None:
    text = "In 2016, sales of the drug fell sharply. For the year, the firm lost $3 million."
    assert _dates(text) == [("2016", "2016"), ("the year", "2016")]
    # read against two paragraphs' years, "the year" raises no "one phrase, two dates" note
    story = ("Sales fell in 2016, the firm said. For the year, it lost $3 million.\n"
             "The chain opened 40 stores on Nov. 2, 2026. For the year, it expects a profit.")
    assert _date_signals(story) == []


def test_a_year_end_already_behind_is_last_years() -> None:
    assert _dates("Profit has doubled since year-end.", dt.date(2026, 2, 10)) == [("year-end", "2025")]

