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


@pytest.mark.parametrize(("text", "value"), [
    ("The gallery shows lamps shaped like neon Valentine\u2019s Day candies. The Memorial Day ceremonies "
     "drew a crowd of veterans.", "2023-05-29"),
    ("The shop sold out of its Christmas Eve hampers by noon. Volunteers handed out coats at Christmas Day "
     "services.", "2023-12-25"),
    ("She kept boxes of old Independence Day flags in the garage. The Christmas Day fire destroyed two "
     "homes.", "2023-12-25"),
])
def test_a_holiday_qualifying_a_plural_noun_is_no_day(nlp, text: str, value: str) -> None:
    """`neon Valentine's Day candies` read as 14 February; one occasion of a holiday (`the Memorial
    Day ceremonies`, `at Christmas Day services`, `The Christmas Day fire`) stays its day."""
    assert [v for _, v in values(nlp, text)] == [value]


@pytest.mark.parametrize("text", [
    "The new headset has a resolution of 1800 x 1920 per eye, more than any rival.",
    "Each panel shows 1920 x 1080 on both sides of the sign.",
])
def test_a_number_beside_a_times_sign_is_a_size_not_a_year(nlp, text: str) -> None:
    """`a resolution of 1800 x 1920 per eye` gave the year 1920."""
    assert values(nlp, text) == []
