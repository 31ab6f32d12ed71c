"""Dates of the eleventh session (invented text): "today's youth" names the present age, not a day; the
latest quarter of a results story is not a quarter only forecast; a season reached "into"; an adjective
completing a past verb passes its tense to the infinitive under it."""

from __future__ import annotations

import datetime as dt

from checks import check_text

TUESDAY = dt.date(2025, 11, 4)


def _dates(text: str, published: dt.date = TUESDAY) -> list[tuple[str, str | None]]:
    return [(d.text, d.value) for d in check_text(text, published=published).dates]


def _vague(text: str, published: dt.date = TUESDAY) -> list[tuple[str, str | None]]:
    return [(d.text, d.value) for d in check_text(text, published=published).vague_dates]


def test_todays_youth_is_the_present_age_not_the_day_of_publication() -> None:
    text = "The coach said today's youth spend more time on screens than on the field."
    assert _dates(text) == []
    assert _vague(text) == [("today", "PRESENT_REF")]
    assert _vague("Prices are listed in today's dollars.") == [("today", "PRESENT_REF")]
    assert _vague("Schools must train the workers of tomorrow, the minister said.") == [
        ("tomorrow", "FUTURE_REF")]
    # a noun of one day keeps the day
    assert _dates("The offer appears in today's editions of the Courier.") == [("today", "2025-11-04")]
    assert _dates("Tomorrow's vote will decide the budget.") == [("Tomorrow", "2025-11-05")]


def test_a_quotation_about_todays_world_asks_no_question_about_its_day() -> None:
    text = '"It makes no sense in today\'s world," the mayor said of the old rules.'
    codes = [s.code for s in check_text(text, published=TUESDAY).signals]
    assert "quoted_day_assumed" not in codes
    # the day itself, in a quotation told in the past, still asks
    codes = [s.code for s in check_text('"We sign today," the mayor said.', published=TUESDAY).signals]
    assert "quoted_day_assumed" in codes


def test_the_latest_quarter_is_not_a_quarter_only_forecast() -> None:
    text = ("Harbor Mutual said third-quarter profit rose 8%. The insurer expects the October floods to "
            "bring a fourth-quarter charge of $5 million.\n\n"
            "Premiums fell 3% in the latest quarter, compared with a gain of 2% a year ago.")
    # in November the fourth quarter is running: it has no results, so the latest is the third, and
    # "a year ago" compares with that quarter
    assert _dates(text) == [("third-quarter", "2025-Q3"), ("October", "2025-10"),
                            ("fourth-quarter", "2025-Q4"), ("the latest quarter", "2025-Q3"),
                            ("a year ago", "2024-Q3")]
    # a fiscal fourth quarter reported in the past is the story's quarter, numbered as the firm does
    reported = ("Ridgeway Foods reported a 20% drop in fiscal fourth-quarter earnings. Sales in the latest "
                "quarter rose 2%.")
    assert _dates(reported) == [("fiscal fourth-quarter", "2025-Q4"), ("the latest quarter", "2025-Q4")]


def test_a_season_reached_into_is_a_date() -> None:
    published = dt.date(2025, 10, 23)
    assert _dates("The heat wave lasted well into the summer.", published) == [("the summer", "2025-SU")]
    assert _dates("Forecasters say the drought will last into the winter.", published) == [
        ("the winter", "2025-WI")]


def test_an_infinitive_under_an_adjective_takes_the_tense_of_the_verb_above() -> None:
    published = dt.date(2025, 10, 23)
    # "made it difficult for the plant to fill orders": the filling is told in the past of "made",
    # so the summer is the one gone, not the next
    text = "A parts shortage made it difficult for the plant to fill orders in the summer."
    assert _dates(text, published) == [("the summer", "2025-SU")]
    # in the present, the rule still looks ahead
    assert _dates("The rule makes it easier for shops to open on Sunday.", published) == [
        ("on Sunday", "2025-10-26")]


def test_a_period_of_last_or_next_year_is_that_years() -> None:
    # before, "the spring" was read alone as this year's spring and "last year" as a second date
    assert _dates("The rate cut came in the spring of last year.") == [("the spring of last year", "2024-SP")]
    assert _dates("The plant will restart in the first quarter of next year.") == [
        ("the first quarter of next year", "2026-Q1")]
    assert _dates("Profit fell in the fourth quarter last year, the bank said.") == [
        ("the fourth quarter last year", "2024-Q4")]
    assert _dates("Orders slumped in the first half of last year.") == [
        ("the first half of last year", "2024-H1")]
    assert _dates("The drought eased in late summer last year.") == [("late summer last year", "2024-SU")]
    # "that year": the story's year; with no year before it, nothing rather than this year's spring
    assert _dates("The mill opened in 2019. Output doubled in the second half that year.") == [
        ("2019", "2019"), ("the second half that year", "2019-H2")]
    assert _dates("Her first novel came out in the spring of that year.") == []
    # a half of a game is no half of the calendar
    assert _dates("He scored twice in the second half last year against Ohio State in the game.") == []


def test_a_weekday_of_a_month_is_that_day_and_a_weekday_of_every_month_none() -> None:
    assert _dates("The primary is held on the second Tuesday of March.") == [
        ("the second Tuesday of March", "2026-03-10")]
    assert _dates("The vote was on the last Friday in August.") == [
        ("the last Friday in August", "2025-08-29")]
    assert _dates("The council meets on the first Tuesday of every month.") == []
    assert _dates("The office is closed on the first Monday of the month.") == []


def test_a_weekday_after_every_or_each_is_a_habit_not_a_day() -> None:
    assert _dates("The market is open every Saturday.") == []
    assert _dates("Each Friday, the mayor holds a briefing.") == []
    assert _dates("The board meets every other Thursday.") == []
    assert _dates("The board met on Thursday.") == [("on Thursday", "2025-10-30")]


def test_a_quarter_forecast_is_the_one_running_or_ahead() -> None:
    # in November the first quarter of this year is long over: a forecast speaks of next year's
    assert _dates("The company expects to return to profit in the first quarter.") == [
        ("the first quarter", "2026-Q1")]
    assert _dates("The plant is scheduled to open in the second quarter.") == [
        ("the second quarter", "2026-Q2")]
    assert _dates("The company said it would cut 300 jobs by the end of the first quarter.") == [
        ("the first quarter", "2026-Q1")]
    # "would have": what did not happen, in a quarter gone
    assert _dates("The firm said it would have cut jobs in the first quarter had sales not recovered.") == [
        ("the first quarter", "2025-Q1")]
    # a quarter a future verb works on, not the verb's own time, may be one gone
    assert _dates("The firm will restate its revenue for the first quarter.") == [
        ("the first quarter", "2025-Q1")]
    # the quarter just closed may still have its results to come, and told in the past it is gone
    assert _dates("The company will post a loss in the third quarter.") == [("the third quarter", "2025-Q3")]
    assert _dates("Profit fell in the first quarter, the company said.") == [("the first quarter", "2025-Q1")]


def test_a_week_from_today_counts_from_publication() -> None:
    assert _dates("The vote is set for a week from today.") == [("a week from today", "2025-11-11")]


def test_a_run_of_days_ends_on_or_after_its_first_day() -> None:
    # a Tuesday paper: the nearest Sunday alone would be the one gone, before the Friday the run starts on
    run = [("Friday", "2025-11-07"), ("Sunday", "2025-11-09")]
    assert _dates("The festival runs from Friday to Sunday.") == run
    assert _dates("The fair runs Friday through Sunday.") == run
