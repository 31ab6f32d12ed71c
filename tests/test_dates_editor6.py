"""Dates, the editor's sixth reading: a quotation's own day, past months, weekday and month modifiers,
a year the sentence states, years behind a hedge or a possessive.

Every text here is invented for the test."""

from __future__ import annotations

import datetime as dt

from checks.dates.find import find_dates

THURSDAY = dt.date(2023, 11, 16)  # the publication date: a Thursday in mid-November


def values(nlp, text: str, published: dt.date | None = THURSDAY) -> list[tuple[str, str | None]]:
    return [(d.text, d.value) for d in find_dates(nlp(text), published)]


# 2. "today" inside a quotation is the day the attribution says the words were spoken

def test_today_in_a_statement_issued_on_a_weekday_is_that_weekday(nlp):
    text = '"Today\'s vote settles nothing," the council\'s spokesman said in a statement Tuesday.'
    assert values(nlp, text) == [("Today", "2023-11-14"), ("Tuesday", "2023-11-14")]


def test_today_at_a_rally_on_a_weekday_is_that_weekday(nlp):
    text = '"This is the day, today, that we stop waiting," she told nurses at a rally on Monday.'
    assert ("today", "2023-11-13") in values(nlp, text)


def test_tomorrow_after_a_dated_lead_in_counts_from_that_day(nlp):
    text = 'On Tuesday, the harbour master told skippers: "The port reopens tomorrow."'
    assert values(nlp, text) == [("On Tuesday", "2023-11-14"), ("tomorrow", "2023-11-15")]


def test_a_date_the_speaker_talks_about_is_not_the_day_of_speaking(nlp):
    text = '"We lost the whole orchard today," the farmer said of the August 30 hailstorm.'
    assert ("today", "2023-11-16") in values(nlp, text)


def test_a_quotation_without_a_day_of_speaking_keeps_the_publication_date(nlp):
    assert values(nlp, '"We sign today," the union leader said.') == [("today", "2023-11-16")]


# 3. a month named in a past-tense clause is one that has begun by publication

def test_a_month_not_yet_begun_in_a_past_tense_clause_is_last_years(nlp):
    text = "In December, the bakery chain offered $4 a share for its rival."
    assert values(nlp, text) == [("December", "2022-12")]


def test_the_same_month_ahead_in_a_future_clause_stays_this_year(nlp):
    assert values(nlp, "In December, the bakery chain will offer more.") == [("December", "2023-12")]


# 4. a weekday that qualifies a noun for every such day is no date

def test_a_weekday_used_as_a_modifier_is_not_a_date(nlp):
    text = "The paper will end Saturday delivery and keep its Sunday editions."
    assert values(nlp, text) == []


def test_a_weekday_with_an_article_before_its_noun_is_still_a_day(nlp):
    assert values(nlp, "Delegates walked out of the Tuesday session.") == [("Tuesday", "2023-11-14")]


# 5. a year the sentence states beats the publication's

def test_a_year_in_the_same_clause_dates_a_day_written_without_one(nlp):
    text = "The senator stumbled at a July 4 parade during the 2018 campaign."
    assert values(nlp, text) == [("July 4", "2018-07-04"), ("2018", "2018")]


def test_a_year_in_the_clause_a_later_one_hangs_on_dates_it(nlp):
    text = ("The rival camp tried to make the senator's age an issue in the 2018 race, especially after "
            "she was seen stumbling at a July 4 parade.")
    assert ("July 4", "2018-07-04") in values(nlp, text)


def test_a_year_in_a_clause_of_its_own_does_not(nlp):
    text = "The cooperative, founded in 2009, said on March 8 that it would merge."
    assert ("March 8", "2023-03-08") in values(nlp, text)


# 6. missed dates: a range start behind "at least", a month before its noun, years as modifiers

def test_a_range_start_after_at_least_is_a_year(nlp):
    text = "The bribes were paid from at least 2011 to 2014."
    assert values(nlp, text) == [("2011", "2011"), ("2014", "2014")]


def test_until_at_least_a_year_is_a_year_but_at_least_a_count_is_not(nlp):
    assert values(nlp, "Fares stay frozen until at least 2026.") == [("2026", "2026")]
    assert values(nlp, "At least 2026 people signed the petition.") == []


def test_a_month_before_its_noun_is_a_date(nlp):
    text = "Investigators asked about a crucial October phone call with the supplier."
    assert values(nlp, text) == [("October", "2023-10")]


def test_a_year_after_a_possessive_is_a_year(nlp):
    assert values(nlp, "The charity backed Lindqvist\u2019s 2012 reelection bid.") == [("2012", "2012")]
    text = "The association gave nearly $3.1 million toward Whitcomb\u2019s 2018 election campaign."
    assert values(nlp, text) == [("2018", "2018")]
