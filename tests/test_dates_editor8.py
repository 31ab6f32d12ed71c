"""Dates, the editor's eighth reading: a tour's dates listed one a line, and the tense cues TimeBank's
errors pointed at (a clause under a future verb, "since", an infinitive, a month of a past verb).

Every text here is invented for the test."""

from __future__ import annotations

import datetime as dt

import pytest

from checks.dates.find import find_dates

NOVEMBER = dt.date(2023, 11, 21)  # a Tuesday late in the year: next summer's dates are far ahead
APRIL = dt.date(2023, 4, 20)


def values(nlp, text: str, published: dt.date = NOVEMBER) -> list[tuple[str, str | None]]:
    return [(d.text, d.value) for d in find_dates(nlp(text), published)]


# 1. dates listed one a line under an announcement of what is coming

TOUR = """The Lantern Choir will tour the Midwest and the Rockies next year.
Lantern Choir Tour Dates
June 4 – Dayton, OH @ Riverside Hall
July 12 – Boise, ID @ Grove Arena
August 30 – Tulsa, OK @ Cain Pavilion
"""


def test_a_tours_listed_dates_are_next_years_when_published_late_in_the_year(nlp):
    assert values(nlp, TOUR)[-3:] == [("June 4", "2024-06-04"), ("July 12", "2024-07-12"),
                                      ("August 30", "2024-08-30")]


def test_a_listed_schedule_wraps_past_december_into_the_next_year(nlp):
    text = "Upcoming shows\nDec. 2 – Omaha, NE\nMarch 15 – Fargo, ND\nOct. 30 – Butte, MT\n"
    assert values(nlp, text) == [("Dec. 2", "2023-12-02"), ("March 15", "2024-03-15"),
                                 ("Oct. 30", "2024-10-30")]


def test_weekdays_written_on_listed_lines_choose_the_year(nlp):
    text = ("The quartet will play:\nFri., Nov. 15 – Omaha, NE\nSat., Nov. 16 – Fargo, ND\n"
            "Mon., Nov. 18 – Butte, MT\n")
    assert [v for _, v in values(nlp, text)] == ["2024-11-15", "2024-11-16", "2024-11-18"]


def test_a_year_in_the_lists_heading_dates_its_lines(nlp):
    text = "2025 Tour Dates\nJune 4 – Dayton, OH\nJuly 12 – Boise, ID\nAugust 30 – Tulsa, OK\n"
    assert [v for _, v in values(nlp, text)] == ["2025", "2025-06-04", "2025-07-12", "2025-08-30"]


def test_a_list_told_after_a_past_tense_sentence_keeps_each_lines_nearest_year(nlp):
    text = ("The Lantern Choir wrapped up its tour on Sunday in Reno.\nTour dates\nJune 4 – Dayton, OH\n"
            "July 12 – Boise, ID\nAugust 30 – Tulsa, OK\n"
            "The choir will return to the road in the spring.\nUpcoming dates\nJune 3 – Omaha, NE\n"
            "July 11 – Fargo, ND\nAugust 29 – Butte, MT\n")
    listed = [v for t, v in values(nlp, text) if t[0].isupper() and t[-1].isdigit()]
    assert listed == ["2023-06-04", "2023-07-12", "2023-08-30", "2024-06-03", "2024-07-11", "2024-08-29"]


def test_listed_results_keep_their_year_while_listed_games_ahead_move_on(nlp):
    played = "Schedule\nSept. 7 – W 24-10 vs. Ohio\nOct. 5 – L 17-20 at Iowa\nNov. 30 – W 31-3 vs. Utah\n"
    ahead = ("The team will tour Europe in the fall.\nTour schedule\nOct. 3 – Rome, Italy\n"
             "Nov. 11 – Oslo, Norway\nDec. 29 – Lyon, France\n")
    listed = [v for text in (played, ahead) for t, v in values(nlp, text, dt.date(2024, 1, 15))
              if t[-1].isdigit()]
    assert listed == ["2023-09-07", "2023-10-05", "2023-11-30", "2024-10-03", "2024-11-11", "2024-12-29"]


# 2. tense cues

@pytest.mark.parametrize(("text", "expected"), [
    ("The choir will tour during a trek that opens June 4 in Dayton.", ("June 4", "2024-06-04")),
    ("The board will hire a chief, who starts June 4.", ("June 4", "2024-06-04")),
    ("The council will meet in March and adopt the budget June 4.", ("June 4", "2024-06-04")),
])
def test_a_present_verb_joined_to_a_future_one_looks_ahead(nlp, text, expected):
    assert expected in values(nlp, text)


def test_a_date_after_since_is_already_past(nlp):
    assert values(nlp, "Egg prices are up 8% since Oct. 9.", APRIL) == [("Oct. 9", "2022-10-09")]


def test_a_perfect_progressive_is_no_plan(nlp):
    text = "Investigators have been combing the pier after the Oct. 9 blast."
    assert values(nlp, text, APRIL) == [("Oct. 9", "2022-10-09")]


def test_an_infinitives_month_is_the_nearest_but_its_weekday_stays_past(nlp):
    published = dt.date(2023, 10, 31)  # a Tuesday
    text = "The grocer agreed to buy the bakery for $2 million in February."
    assert values(nlp, text, published) == [("February", "2024-02")]
    text = "The coach lobbied for the league to suspend the guard on Thursday night."
    assert values(nlp, text, published) == [("on Thursday night", "2023-10-26")]


def test_a_month_naming_an_event_a_past_verb_tells_of_is_past(nlp):
    text = "Detectives have gathered new evidence in the October shooting."
    assert values(nlp, text, APRIL) == [("October", "2022-10")]


def test_a_month_after_a_past_verb_with_in_has_begun(nlp):
    published = dt.date(2023, 10, 27)
    changed = values(nlp, "The chain changed its fiscal year in December.", published)
    postponed = values(nlp, "The board postponed the vote until December.", published)
    assert (changed, postponed) == ([("December", "2022-12")], [("December", "2023-12")])


# 3. words the grammar missed or misread

def test_a_month_after_for_is_a_date_but_a_name_is_not(nlp):
    assert values(nlp, "Sales for October rose 4% at the chain.") == [("October", "2023-10")]
    assert values(nlp, "Delegates voted for May in the leadership race.") == []


def test_this_week_in_capitals_after_a_quotation_mark_is_a_programme(nlp):
    text = 'The senator said on ABC\'s "This Week" that the bill would pass.'
    assert values(nlp, text) == []


def test_a_week_or_so_ago_is_counted_back(nlp):
    text = "A week or so ago, the mayor picked a new chief."
    assert values(nlp, text) == [("A week or so ago", "2023-11-14")]
