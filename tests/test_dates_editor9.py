"""Dates from the ninth editor's reading of real pages (invented text throughout)."""

from __future__ import annotations

import datetime as dt

import pytest

from checks import check_text

WEDNESDAY = dt.date(2019, 11, 20)


def _values(text: str, published: dt.date = WEDNESDAY) -> dict[str, str | None]:
    return {d.text: d.value for d in check_text(text, published).dates}


@pytest.mark.parametrize(("text", "phrase"), [
    ("The retailer is set to announce the terms of the sale later on Wednesday, investors were told.",
     "on Wednesday"),
    ("Those questions will play out Wednesday night when the ten candidates face off in Atlanta.",
     "Wednesday night"),
])
def test_the_publication_weekday_is_the_day_itself(text: str, phrase: str) -> None:
    """A Wednesday story's `later on Wednesday` is that day, not a week on."""
    assert _values(text)[phrase] == "2019-11-20"


def test_next_and_last_still_move_a_week() -> None:
    values = _values("The board met last Wednesday and will meet again next Wednesday.")
    assert values["last Wednesday"] == "2019-11-13"
    assert values["next Wednesday"] == "2019-11-27"


@pytest.mark.parametrize("text", [
    '"I boarded a bus on May 15. From there, I tried to cross on May 16 but was caught," he said.',
    "He refused to testify on May 16, his lawyer said.",
])
def test_an_infinitive_that_was_tried_or_done_stays_past(text: str) -> None:
    """`tried to cross on May 16` tells of a day gone, though May 16 next year is a few days nearer."""
    assert _values(text)["May 16"] == "2019-05-16"


def test_an_infinitive_of_an_agreement_may_still_lie_ahead() -> None:
    assert _values("The two sides agreed to sign the deal on May 16.")["May 16"] == "2020-05-16"


def test_a_month_after_a_since_date_is_not_that_year() -> None:
    """`since July 2013` says where a stretch began; a later `in August` is not August 2013."""
    text = ("Makers have paid duties on imports since July 2013. Despite the setbacks, the market grew.\n"
            "According to data released by the ministry in August, installed capacity reached 1.64 GW.")
    assert _values(text)["August"] == "2019-08"


def test_a_month_after_a_narrated_month_and_year_still_follows_it() -> None:
    text = "He saw his doctor in November 2016 after months of fatigue.\nBy December, things had worsened."
    assert _values(text)["December"] == "2016-12"
