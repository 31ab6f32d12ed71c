"""Dates an editor found wrong on real pages, thirteenth round (invented text throughout)."""

from __future__ import annotations

import datetime as dt

import pytest

from checks import check_text
from checks.models import Article

WEDNESDAY = dt.date(2026, 11, 18)
FRIDAY = dt.date(2026, 11, 20)
SATURDAY = dt.date(2026, 11, 21)


def _values(text: str, published: dt.date) -> dict[str, str | None]:
    return {d.text: d.value for d in check_text(text, published).dates}


# --- a thing said on a weekday ------------------------------------------------------------------

def test_a_vow_named_in_a_clause_about_limits_ahead_is_the_monday_gone() -> None:
    """`his vow on Monday`, joined to an infinitive that looks ahead, gave next Monday."""
    text = ("The results suggest voters support talks to limit the program and his vow on Monday "
            "that there would be no levy.")
    assert _values(text, WEDNESDAY)["on Monday"] == "2026-11-16"


@pytest.mark.parametrize("text", [
    "Most voters back the mayor's remarks on Monday about the bridge.",
    "Her announcement on Monday still angers the staff.",
])
def test_a_known_thing_said_on_a_weekday_is_behind_the_story(text: str) -> None:
    """In a Saturday story the nearest Monday is ahead; a thing already said was said on the one gone."""
    assert _values(text, SATURDAY)["on Monday"] == "2026-11-16"


@pytest.mark.parametrize("text", [
    "He will deliver the speech on Monday.",
    "His remarks on Monday could change that.",
    "The senator is expected to give the address on Monday.",
    "She will issue a statement on Monday.",
])
def test_a_thing_said_still_ahead_keeps_the_day_ahead(text: str) -> None:
    assert _values(text, SATURDAY)["on Monday"] == "2026-11-23"


# --- a plan told in the past --------------------------------------------------------------------

def test_a_ship_that_was_set_to_dock_on_saturday_docks_the_day_after_a_friday_story() -> None:
    text = ("The supply ship lifted off on Thursday from the launch site. It was set to dock with the "
            "station on Saturday.")
    assert _values(text, FRIDAY) == {"on Thursday": "2026-11-19", "on Saturday": "2026-11-21"}


def test_a_ferry_that_was_due_on_saturday_is_due_the_nearest_saturday() -> None:
    assert _values("The ferry was due to arrive on Saturday.", WEDNESDAY)["on Saturday"] == "2026-11-21"


def test_a_past_plan_for_a_day_already_gone_stays_gone() -> None:
    text = "The trial was set to begin Wednesday but was postponed."
    assert _values(text, FRIDAY)["Wednesday"] == "2026-11-18"


def test_a_past_plan_does_not_move_the_next_morning_of_an_old_story() -> None:
    text = ("Engineers who, today, would be credited as authors were thanked in a footnote. "
            "She recalls the machine was not set to finish by the next morning.")
    assert _values(text, WEDNESDAY)["the next morning"] is None


# --- a month under a past verb's infinitive ---------------------------------------------------

def test_a_decision_to_reopen_a_case_in_may_is_the_may_gone_in_november() -> None:
    text = "However, prosecutors decided to reopen the investigation in May after the suspect was arrested."
    assert _values(text, dt.date(2026, 11, 19))["May"] == "2026-05"


@pytest.mark.parametrize(("text", "phrase", "value"), [
    ("The firm agreed to buy the bakery in February.", "February", "2027-02"),
    ("The board decided to close the plant in March.", "March", "2027-03"),
    ("The two sides agreed to sign the deal on May 16.", "May 16", "2027-05-16"),
])
def test_a_plan_for_the_coming_months_or_for_a_day_stays_ahead(text: str, phrase: str, value: str) -> None:
    assert _values(text, dt.date(2026, 11, 19))[phrase] == value


# --- a date under "will" ------------------------------------------------------------------------

def test_a_tour_stop_under_will_weeks_before_a_november_story_is_next_year() -> None:
    text = ("The band will open the tour June 9, 2027 in Miami. Also, the band will play Denver on Sept. 12, "
            "with the Dallas arena hosting the final date on the tour, Oct. 10.")
    values = _values(text, dt.date(2026, 11, 19))
    assert values["Sept. 12"] == "2027-09-12"
    assert values["Oct. 10"] == "2027-10-10"


@pytest.mark.parametrize(("text", "phrase"), [
    ("The band played Denver on Sept. 12, with the Dallas arena hosting the final date, Oct. 10.", "Oct. 10"),
    ("He said he will appeal the Oct. 10 ruling.", "Oct. 10"),
])
def test_a_date_told_in_the_past_or_naming_a_thing_stays_gone(text: str, phrase: str) -> None:
    assert _values(text, dt.date(2026, 11, 19))[phrase] == "2026-10-10"


# --- "at the time" after a describing clause ----------------------------------------------------

@pytest.mark.parametrize("text", [
    ("In the fall of 2019, the chemist Ana Ruiz was preparing a lecture. The talk would honor Pell, "
     "who died in 2010, so Ruiz reread Pell's famous paper. Published in 1971, it is still cited. "
     "\u201cWho is this?\u201d Ruiz recalls thinking at the time."),
    "In 2019, the chemist Ana Ruiz reread a paper written in 1971. She was stunned at the time.",
    "In 2019, Ana Ruiz reread the paper, which was first printed in 1971. She was stunned at the time.",
])
def test_at_the_time_after_a_describing_clause_that_disagrees_has_no_value(text: str) -> None:
    assert _values(text, dt.date(2022, 5, 20))["the time"] is None


@pytest.mark.parametrize(("text", "value"), [
    ("When Ruth Okafor joined the lab in the summer of 1961, few women wrote code. "
     "Hardly anyone did at the time.", "1961"),
    ("The mill, which opened in 1960, closed in 1988. Workers were angry at the time.", "1988"),
    ("The mill was sold in 2003 to a firm founded in 2003. Workers were angry at the time.", "2003"),
])
def test_at_the_time_keeps_the_story_s_time(text: str, value: str) -> None:
    assert _values(text, dt.date(2022, 5, 20))["the time"] == value


# --- a page updated the day after publication ---------------------------------------------------

MONDAY = dt.date(2026, 11, 16)
UPDATED_POST = ("A man pleaded guilty on Monday to threatening the councillor. The councillor asked for "
                "mercy in a letter she posted online Tuesday, saying a harsh sentence would not help.\n"
                "\u201cThe answer to threats is fairness,\u201d she wrote in the letter.\n"
                "Sharing my letter on the sentencing of the man who threatened me.\n"
                "\u2014 Councillor Ana Ruiz (@anaruiz) November 17, 2026\n"
                "Updated at 1:23 p.m.")


def test_a_weekday_told_in_the_past_may_be_the_day_the_page_was_updated() -> None:
    report = check_text(UPDATED_POST, MONDAY, article=Article(updated=dt.date(2026, 11, 17)))
    values = {d.text: d.value for d in report.dates}
    assert values["on Monday"] == "2026-11-16"
    assert values["Tuesday"] == "2026-11-17"
    assert report.article.updated == dt.date(2026, 11, 17)
    assert not [s for s in report.signals if s.code == "date_after_publication"]


def test_without_an_update_day_the_past_tuesday_and_the_warning_stay() -> None:
    report = check_text(UPDATED_POST, MONDAY)
    assert {d.text: d.value for d in report.dates}["Tuesday"] == "2026-11-10"
    assert [s for s in report.signals if s.code == "date_after_publication"]


def test_an_update_weeks_later_does_not_move_the_weekday() -> None:
    report = check_text(UPDATED_POST, MONDAY, article=Article(updated=dt.date(2026, 12, 15)))
    assert {d.text: d.value for d in report.dates}["Tuesday"] == "2026-11-10"
