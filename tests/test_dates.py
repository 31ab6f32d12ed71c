from __future__ import annotations

import datetime as dt

import pytest

from checks.dates.find import find_dates
from checks.dates.timex import holiday_date
from checks.models import DateMention

FRIDAY = dt.date(2025, 12, 5)  # a Friday, in ISO week 49


def dates(nlp, text: str, published: dt.date | None = None) -> list[DateMention]:
    return list(find_dates(nlp(text), published))


def values(nlp, text: str, published: dt.date | None = None) -> dict[str, str | None]:
    return {d.text: d.value for d in dates(nlp, text, published)}


def test_full_date_is_absolute_at_day_granularity(nlp):
    [found] = dates(nlp, "On October 31, 2025, leaders met at the APEC summit in Gyeongju.")
    assert (found.text, found.value, found.kind) == ("October 31, 2025", "2025-10-31", "absolute")


def test_offsets_point_at_the_expression_in_the_text(nlp):
    text = "Talks opened on October 31, 2025. They broke down on October 23 and resumed last week."
    found = dates(nlp, text, FRIDAY)
    # Every expected date is named first: a loop over what was found alone passes when nothing is.
    assert [d.text for d in found] == ["October 31, 2025", "October 23", "last week"]
    assert [text[d.start:d.end] for d in found] == [d.text for d in found]


def test_partial_date_takes_the_year_of_an_earlier_absolute_date(nlp):
    text = "The summit opened on October 31, 2025.\nTrade talks blew up on October 23."
    assert values(nlp, text)["October 23"] == "2025-10-23"
    assert dates(nlp, text)[1].kind == "partial"


def test_partial_date_without_any_year_keeps_the_year_unknown(nlp):
    found = values(nlp, "The talks followed Carney's surprise April 28 victory at the polls.")
    assert found == {"April 28": "XXXX-04-28"}


def test_partial_date_with_publication_date_takes_the_nearest_year_by_tense(nlp):
    assert values(nlp, "The vote is on March 3.", FRIDAY) == {"March 3": "2026-03-03"}
    assert values(nlp, "The vote happened on March 3.", FRIDAY) == {"March 3": "2025-03-03"}


def test_six_weeks_earlier_counts_back_from_the_story_date(nlp):
    text = "On December 5, 2025, the three leaders shared a stage. Just six weeks earlier, talks had ended."
    assert values(nlp, text)["Just six weeks earlier"] == "2025-10-24"


def test_the_next_day_follows_the_story_date(nlp):
    text = "The leaders met on December 5, 2025. The next day, Trump posted on Truth Social."
    assert values(nlp, text)["The next day"] == "2025-12-06"


@pytest.mark.parametrize(("sentence", "expected"), [
    ("The minister spoke on Friday.", "2025-12-05"),
    ("The minister will speak on Friday.", "2025-12-05"),  # a Friday paper names the day itself so
    ("The minister will speak next Friday.", "2025-12-12"),
    ("The minister spoke on Tuesday.", "2025-12-02"),
    ("The minister will speak on Tuesday.", "2025-12-09"),
    ("The minister spoke last Friday.", "2025-11-28"),
])
def test_weekday_is_resolved_from_publication_date_and_tense(nlp, sentence, expected):
    [found] = dates(nlp, sentence, FRIDAY)
    assert (found.value, found.kind) == (expected, "relative")


def test_weekday_without_publication_date_has_no_value(nlp):
    [found] = dates(nlp, "In an Oval Office meeting on Tuesday, the leaders faced off.")
    assert (found.text, found.value) == ("on Tuesday", None)


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Prices rose last month.", {"last month": "2025-11"}),
    ("Exports fell last week.", {"last week": "2025-W48"}),
    ("Talks collapsed yesterday.", {"yesterday": "2025-12-04"}),
    ("The firm was founded two years ago.", {"two years ago": "2023"}),
    ("A mandatory review is coming in 2026.", {"2026": "2026"}),
    ("Carney has acted over the past week.", {"the past week": "P1W"}),
    ("They have not met since early October.", {"early October": "2025-10"}),
    ("Orders picked up earlier this year.", {"earlier this year": "2025"}),
])
def test_relative_expressions_against_publication_date(nlp, sentence, expected):
    assert values(nlp, sentence, FRIDAY) == expected


def test_this_summer_is_the_publication_years_summer(nlp):
    found = values(nlp, "Renegotiations begin this summer.", dt.date(2026, 3, 2))
    assert found == {"this summer": "2026-SU"}


def test_relative_expressions_without_publication_date_have_no_value(nlp):
    found = values(nlp, "Talks collapsed today. USMCA renegotiations approach this summer.")
    assert found == {"today": None, "this summer": None}


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Trade grew through the 1990s.", {"the 1990s": "199X"}),
    ("Profit rose in the third quarter of 2025.", {"the third quarter of 2025": "2025-Q3"}),
    ("Tariffs were lifted in summer 2019.", {"summer 2019": "2019-SU"}),
    ("The pact was signed in October 2025.", {"October 2025": "2025-10"}),
    ("It dates from the 19th century.", {"the 19th century": "18"}),
    ("Sales rose in the first half of 2025.", {"the first half of 2025": "2025-H1"}),
])
def test_coarser_granularities_follow_timex3(nlp, sentence, expected):
    assert values(nlp, sentence) == expected


def test_present_past_and_future_references(nlp):
    found = values(nlp, "Canada is now moving. He spoke recently. In the future, it may trade more.")
    assert found == {"now": "PRESENT_REF", "recently": "PAST_REF", "the future": "FUTURE_REF"}


def test_numbers_that_are_not_dates_are_not_reported(nlp):
    text = ("Trump called Canada the 51st state, pointed to a $17 trillion market and a 30-second ad, "
            "said 80% of exports go south and sent 2000 troops.")
    assert dates(nlp, text, FRIDAY) == []


def test_named_days_and_names_are_not_dates(nlp):
    assert dates(nlp, "The Sunday Times said Black Friday sales slowed.", FRIDAY) == []


def test_may_the_name_is_not_a_month_but_in_may_is(nlp):
    assert values(nlp, "Theresa May said in May that she would go.") == {"May": "XXXX-05"}


def test_weekday_inside_a_full_date_stays_in_the_mention(nlp):
    [found] = dates(nlp, "The deal was signed on Tuesday, May 7, 2025.")
    assert (found.text, found.value) == ("Tuesday, May 7, 2025", "2025-05-07")


@pytest.mark.parametrize("published", [None, dt.date(2024, 2, 29), dt.date(1, 1, 1), dt.date(9999, 12, 31)])
def test_impossible_dates_are_skipped_without_an_error(nlp, published):
    text = "It began 999 decades ago. They met on February 30 and on 31 February 2025, 300 weeks earlier."
    assert all(d.text not in ("February 30", "31 February 2025") for d in dates(nlp, text, published))


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Crowds gathered on Christmas Day.", {"Christmas Day": "2025-12-25"}),
    ("Shops closed on Thanksgiving.", {"Thanksgiving": "2025-11-27"}),
    ("The ceasefire began on Easter 2024.", {"Easter 2024": "2024-03-31"}),
    ("The bill passed in the spring.", {"the spring": "2025-SP"}),
    ("The rule takes effect by the end of the year.", {"the end of the year": "2025"}),
])
def test_holidays_seasons_and_ends_of_periods(nlp, sentence, expected):
    assert values(nlp, sentence, FRIDAY) == expected


def test_holiday_without_any_year_keeps_its_day(nlp):
    assert values(nlp, "Crowds gathered on New Year's Eve.") == {"New Year's Eve": "XXXX-12-31"}


def test_words_that_only_start_like_a_holiday_are_not_dates(nlp):
    assert dates(nlp, "Eastern Europe watched the Easterly winds.", FRIDAY) == []


@pytest.mark.parametrize("sentence", [
    "The office is at 2100 Pennsylvania Avenue.",
    "Room 1801 was booked for the briefing.",
    "Carney and May met in London.",
])
def test_addresses_room_numbers_and_names_are_not_dates(nlp, sentence):
    assert dates(nlp, sentence, FRIDAY) == []


def test_far_future_year_with_a_lead_word_is_a_date(nlp):
    assert values(nlp, "Emissions must reach zero by 2100.", FRIDAY) == {"2100": "2100"}


def test_weekday_picks_the_year_next_to_the_storys_year_where_the_date_fits(nlp):
    text = "The firm was founded in 2018. On Tuesday, March 5, it listed on the exchange."
    assert values(nlp, text)["Tuesday, March 5"] == "2019-03-05"


def test_publication_timestamp_anchors_by_its_calendar_day(nlp):
    stamp = dt.datetime(2025, 12, 5, 22, 30, tzinfo=dt.UTC)
    assert values(nlp, "Talks collapsed yesterday.", stamp) == {"yesterday": "2025-12-04"}


@pytest.mark.parametrize(("name", "year", "expected"), [
    ("Easter", 2024, "2024-03-31"),
    ("Easter", 2025, "2025-04-20"),
    ("Good Friday", 2026, "2026-04-03"),
    ("Election Day", 2024, "2024-11-05"),
    ("Thanksgiving", 2025, "2025-11-27"),
    ("Memorial Day", 2025, "2025-05-26"),
    ("New Year\u2019s Eve", 2025, "2025-12-31"),
])
def test_holiday_calendar(name, year, expected):
    assert holiday_date(name, year).isoformat() == expected


@pytest.mark.parametrize(("direction", "published", "expected"), [
    ("last", dt.date(2025, 12, 5), "2024-WI"),   # in December the running winter is 2025-WI
    ("this", dt.date(2025, 12, 5), "2025-WI"),
    ("this", dt.date(2026, 1, 20), "2025-WI"),   # January belongs to the winter that began in December
    ("next", dt.date(2026, 1, 20), "2026-WI"),
])
def test_winter_belongs_to_the_year_it_starts_in(nlp, direction, published, expected):
    found = values(nlp, f"Heating bills rose {direction} winter.", published)
    assert found == {f"{direction} winter": expected}


def test_quarter_without_a_year_is_the_latest_one_begun_by_publication(nlp):
    found = values(nlp, "Profit rose in the third quarter, and the fourth quarter looks weak.", FRIDAY)
    assert found == {"the third quarter": "2025-Q3", "the fourth quarter": "2025-Q4"}
    february = dt.date(2026, 2, 10)
    assert values(nlp, "Profit rose in the fourth quarter.", february) == {"the fourth quarter": "2025-Q4"}


@pytest.mark.parametrize("sentence", ["The ferry service will close, USA TODAY reported.",
                                      "The figures reached the desk via USA Today last night."])
def test_a_masthead_is_not_a_date_but_the_word_today_is(nlp, sentence):
    found = values(nlp, f"{sentence} The council meets today.", FRIDAY)
    assert "Today" not in found and "TODAY" not in found
    assert found["today"] == "2025-12-05"


def test_today_after_usa_in_lower_case_is_still_a_date(nlp):
    assert values(nlp, "Life in the USA today is expensive.", FRIDAY) == {"today": "2025-12-05"}
