"""Dates, the editor's second eighth reading: five dates a careful reader would not give.

A holiday's name that qualifies a noun ("Christmas cards"), a quarter of a game, a month naming a
measurement ("the March high"), a bare month in a narrative after a written month and year, and a
year that closes a game's or a product's title. Every text here is invented for the test."""

from __future__ import annotations

import datetime as dt

from checks.dates.find import find_dates

NOVEMBER = dt.date(2021, 11, 18)


def values(nlp, text: str, published: dt.date = NOVEMBER) -> list[tuple[str, str | None]]:
    return [(d.text, d.value) for d in find_dates(nlp(text), published)]


# 1. a holiday's name before a noun names a kind of thing, not a day

def test_holiday_cards_and_dinners_are_no_dates(nlp):
    assert values(nlp, "Her favourite keepsakes were the Christmas cards her sister drew.") == []
    assert values(nlp, "The box held letters, sketches, Christmas cards and a diary.") == []
    assert values(nlp, "The shelter served Thanksgiving dinner to two hundred guests.") == []
    assert values(nlp, "Children hunted for Easter eggs along the river path.") == []


def test_a_holiday_that_is_the_time_stays_a_date(nlp):
    assert values(nlp, "The bakery will close on Christmas.") == [("Christmas", "2021-12-25")]
    assert values(nlp, "The ferry does not run on Christmas Day.") == [("Christmas Day", "2021-12-25")]
    assert values(nlp, "Prices usually rise before Christmas.") == [("Christmas", "2021-12-25")]
    assert values(nlp, "The family will travel north this Christmas.") == [("Christmas", "2021-12-25")]
    assert values(nlp, "Snow fell on Christmas morning.") == [("Christmas", "2021-12-25")]


# 2. a quarter of a game is not a quarter of the year

def test_a_quarter_of_a_basketball_game_is_no_date(nlp):
    assert values(nlp, "Okafor drew a flagrant foul in the third quarter.") == []
    assert values(nlp, "The guard limped off the court in the second quarter and did not return.") == []


def test_a_quarter_in_a_paragraph_about_a_game_is_no_date(nlp):
    text = ("The Hawks built a 14-point lead before the break. "
            "Okafor sat out the fourth quarter with a sore ankle.")
    assert values(nlp, text) == []


def test_a_results_quarter_stays_a_date_even_with_game_words(nlp):
    assert values(nlp, "The sneaker maker's revenue rose in the third quarter.") == [
        ("the third quarter", "2021-Q3")]
    text = ("The league's broadcaster said profit fell in the second quarter, "
            "as fewer fans watched the game on television.")
    assert values(nlp, text)[0] == ("the second quarter", "2021-Q2")


# 3. a month naming a measurement is one already past

def test_the_march_high_is_the_march_gone(nlp):
    text = ("Orders were up from 9.1 percent in September, but they are still below the March high "
            "of 14.6 percent.")
    assert values(nlp, text) == [("September", "2021-09"), ("March", "2021-03")]


def test_a_month_naming_a_plan_keeps_the_nearest_one(nlp):
    assert values(nlp, "The board is preparing for the January vote.") == [("January", "2022-01")]


# 4. a bare month (or month and day) in a narrative goes on from the written month and year before it

def test_a_bare_month_follows_the_month_and_year_told_just_before(nlp):
    text = ("The farmer first noticed the blight in October 2017. At first the damage was slight.\n"
            "But by December, half the orchard was bare.")
    assert values(nlp, text) == [("October 2017", "2017-10"), ("December", "2017-12")]


def test_a_month_and_day_follow_the_month_and_year_told_just_before(nlp):
    text = "The ferry first ran aground in November 2016. On December 3, divers reached the hull."
    assert values(nlp, text) == [("November 2016", "2016-11"), ("December 3", "2016-12-03")]


def test_a_date_in_between_ends_the_narrative(nlp):
    text = ("The ferry first ran aground in November 2016, and the owners sold it the following year. "
            "By December, the new owners repainted it.")
    assert values(nlp, text)[-1] == ("December", "2020-12")


def test_a_written_date_naming_an_event_starts_no_narrative(nlp):
    text = "Investigators of the November 3, 2016, collision agreed in December to share their files."
    assert values(nlp, text)[-1] == ("December", "2020-12")


def test_a_bare_month_far_from_the_written_date_keeps_the_publications_year(nlp):
    text = ("The orchard was planted in October 2017.\n"
            "It grew slowly.\n"
            "Rain was scarce.\n"
            "In March, the council approved new wells.")
    assert values(nlp, text)[-1] == ("March", "2021-03")


def test_a_bare_month_told_in_the_future_keeps_the_nearest_one(nlp):
    text = "The orchard was planted in October 2017. In December, the council will buy it."
    assert values(nlp, text)[-1] == ("December", "2021-12")


# 5. a year that closes a product's or a game's title

def test_a_list_of_game_titles_gives_no_dates(nlp):
    text = ("The best sellers were Tractor Tycoon 2020, Rally Legends 2021, Drift 2020 and Pocket Golf 2021.")
    assert values(nlp, text) == []


def test_a_two_word_title_with_its_year_is_no_date(nlp):
    assert values(nlp, "Fans lined up for Tractor Tycoon 2020 on launch day.") == []
    assert values(nlp, "She spent the weekend playing Pocket Golf 2021.") == []


def test_a_single_name_with_its_year_and_a_year_after_in_stay_dates(nlp):
    assert values(nlp, "The Census 2020 count began in the spring.")[0] == ("2020", "2020")
    assert values(nlp, "The studio released Harbour Builder in 2019.") == [("2019", "2019")]
    assert values(nlp, "The plan runs until Fiscal Year 2023.")[-1] == ("2023", "2023")
