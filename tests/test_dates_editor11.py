"""Dates, the editor's eleventh reading: a holiday's name that qualifies a plural noun names a kind of
thing made for every such day, not a day.

Every text here is invented for the test."""

from __future__ import annotations

import datetime as dt

import pytest

from checks.dates.find import find_dates

PUBLISHED = dt.date(2023, 11, 16)


def values(nlp, text: str) -> list[tuple[str, str | None]]:
    return [(d.text, d.value) for d in find_dates(nlp(text), PUBLISHED)]


@pytest.mark.parametrize("text", [
    "The gallery shows lamps shaped like neon Valentine\u2019s Day candies in a back room.",
    "The shop sold out of its Christmas Eve hampers by noon.",
    "She kept boxes of old Independence Day flags in the garage.",
])
def test_a_holiday_qualifying_a_plural_noun_is_no_day(nlp, text: str) -> None:
    assert values(nlp, text) == []


@pytest.mark.parametrize(("text", "value"), [
    ("The Memorial Day ceremonies drew a crowd of veterans.", "2023-05-29"),
    ("Volunteers handed out coats at Christmas Day services.", "2023-12-25"),
    ("The Christmas Day fire destroyed two homes.", "2023-12-25"),
])
def test_one_occasion_of_the_holiday_stays_its_day(nlp, text: str, value: str) -> None:
    assert [v for _, v in values(nlp, text)] == [value]
