"""Dates, the editor's tenth reading: an embedded post's own date, postgame words, the election a story
names, the present of a schedule, an infinitive of result, a month with "last year", a habit of every year.

Every text here is invented for the test."""

from __future__ import annotations

import datetime as dt

from checks.dates import date_signals
from checks.dates.find import find_dates
from checks.models import Article, Report, Signal

THURSDAY = dt.date(2023, 11, 16)  # the publication date: a Thursday in mid-November
TUESDAY = dt.date(2023, 11, 14)


def values(nlp, text: str, published: dt.date | None = THURSDAY) -> list[tuple[str, str | None]]:
    return [(d.text, d.value) for d in find_dates(nlp(text), published)]


def signals(nlp, text: str, published: dt.date = THURSDAY) -> list[Signal]:
    report = Report(article=Article(published=published), dates=find_dates(nlp(text), published))
    return list(date_signals(report, text))


# 1. An embedded post: the date under it ("— Name (@handle) October 3, 2023") anchors its "today"

POST = ("The mayor took to Twitter last month to defend the plan.\n"
        "We open the new bridge to cyclists today. Come and ride it with us https://t.co/AbC123xyz\n"
        "\u2014 Jo Rivera (@MayorJoRivera) October 3, 2023\n"
        "The bridge has closed twice since then.")


def test_today_in_an_embedded_post_is_the_day_under_the_post(nlp):
    assert ("today", "2023-10-03") in values(nlp, POST)


def test_the_story_line_that_introduces_a_post_keeps_the_publication_day(nlp):
    text = ("The council answered the mayor's post today:\n"
            "We open the new bridge to cyclists tomorrow. Come and ride it with us\n"
            "\u2014 Jo Rivera (@MayorJoRivera) October 3, 2023")
    assert values(nlp, text)[:2] == [("today", "2023-11-16"), ("tomorrow", "2023-10-04")]


def test_a_story_paragraph_too_long_for_a_post_is_not_part_of_it(nlp):
    paragraph = ("The bridge opened to cyclists today after a year of delays, and the city says the "
                 "second span, which crosses the rail yard and the old canal, will follow in the spring "
                 "if the council approves the money it has asked for three times already, and if the "
                 "steel arrives from the mill on time.")
    text = paragraph + "\nBig day for the city!\n\u2014 Jo Rivera (@MayorJoRivera) October 3, 2023"
    assert values(nlp, text)[0] == ("today", "2023-11-16")


# 2. Postgame words: a quotation whose speaker the story says spoke after the game is from its day

GAME = ("Coach Dana Pike knows the Hawks' title hopes took a blow after Sunday night's loss to the Rams.\n"
        "Pike said after the game that the Hawks had treated Sunday night as a final.\n"
        "\u201cWe talked about it all week,\u201d Pike said, via the Daily Ledger. \u201cWe had to win this "
        "game today. Now we need help.\u201d")


def test_today_in_a_postgame_quotation_is_the_day_of_the_game(nlp):
    assert ("today", "2023-11-12") in values(nlp, GAME, TUESDAY)


def test_a_postgame_quotation_read_from_the_game_raises_no_assumed_day(nlp):
    assert not [s for s in signals(nlp, GAME, TUESDAY) if s.code == "quoted_day_assumed"]


def test_another_speakers_postgame_words_do_not_date_the_quotation(nlp):
    text = GAME.replace("Pike said after", "The owner said after")
    assert ("today", "2023-11-14") in values(nlp, text, TUESDAY)


def test_a_quotation_that_goes_on_after_its_attribution_shares_its_day(nlp):
    text = '"We are ready to sign," the union leader said Tuesday. "It will be done today."'
    assert ("today", "2023-11-14") in values(nlp, text)


def test_a_quotation_that_goes_on_without_a_day_is_flagged_as_assumed(nlp):
    text = '"We are ready," the coach said. "We play them today, and we know it."'
    assert [s.code for s in signals(nlp, text) if s.code == "quoted_day_assumed"] == ["quoted_day_assumed"]


# 3. "Election Day" without a year is the day of the election the story names

def test_election_day_is_that_of_the_race_the_story_is_about(nlp):
    text = ("The senator has raised money for the 2024 race since March. The closer she gets to "
            "Election Day, the louder her ads become.")
    assert ("Election Day", "2024-11-05") in values(nlp, text)


def test_election_day_of_two_named_elections_is_no_phrase_conflict(nlp):
    text = ("Before the 2012 election, the party hid its polls until Election Day. Now the party "
            "looks to the 2024 election.\nThe closer it gets to Election Day, the more it spends.")
    found = values(nlp, text)
    assert ("Election Day", "2012-11-06") in found and ("Election Day", "2024-11-05") in found
    assert not [s for s in signals(nlp, text) if s.code == "date_phrase_conflict"]


# 4. The present of a schedule is ahead

def test_a_tour_that_stops_on_a_day_gone_by_this_year_stops_next_year(nlp):
    text = "The band announced a reunion tour that stops at the Harbor Arena on July 22."
    assert values(nlp, text) == [("July 22", "2024-07-22")]


def test_a_present_verb_of_showing_keeps_the_day_behind(nlp):
    text = "The new report shows that the river crested on July 22."
    assert values(nlp, text) == [("July 22", "2023-07-22")]


# 5. An infinitive of result is as past as the act it follows

def test_a_comeback_to_win_on_a_weekday_night_is_the_night_gone(nlp):
    text = "A late goal capped a furious comeback to lift Rovers over the Hawks 3-2 Tuesday night."
    assert values(nlp, text) == [("Tuesday night", "2023-11-14")]


def test_a_headline_above_the_lead_does_not_give_the_lead_its_tense(nlp):
    text = ("Rovers complete comeback to extend streak\nA late goal capped a furious comeback to lift "
            "Rovers over the Hawks 3-2 Tuesday night to extend their unbeaten streak to nine games.")
    assert values(nlp, text) == [("Tuesday night", "2023-11-14")]


def test_a_plan_to_vote_on_a_weekday_still_looks_ahead(nlp):
    assert values(nlp, "The club announced a plan to vote on Tuesday.") == [("on Tuesday", "2023-11-21")]


# 6. A month with "last year" is last year's; "throughout the year" in the present is every year

def test_the_end_of_a_month_last_year_is_last_years(nlp):
    text = "Demand fell after Beijing cut its subsidies at the end of May last year."
    assert values(nlp, text) == [("the end of May last year", "2022-05")]


def test_a_month_and_day_last_year_is_that_day_last_year(nlp):
    assert values(nlp, "The plant closed on Oct. 27 last year.") == [("Oct. 27 last year", "2022-10-27")]


def test_a_habit_throughout_the_year_names_no_year(nlp):
    assert values(nlp, "The podcast is produced weekly throughout the year.") == []


def test_throughout_the_year_told_in_the_past_is_the_storys_year(nlp):
    assert values(nlp, "Sales rose throughout the year.") == [("the year", "2023")]
