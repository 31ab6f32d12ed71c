"""Dates from the eighth session's last editor reading (invented text)."""

from __future__ import annotations

import datetime as dt

from checks import check_text


def _dates(text: str, published: dt.date = dt.date(2019, 11, 13)) -> list[tuple[str, str | None]]:
    return [(d.text, d.value) for d in check_text(text, published=published).dates]


def test_a_year_opening_a_title_is_no_date() -> None:
    text = "In films from 2001: A Space Odyssey to Event Horizon, the crew sleeps. The film came out in 1968."
    assert _dates(text) == [("1968", "1968")]


def test_later_with_nothing_to_count_from_is_not_counted_from_publication() -> None:
    text = "The idea would lead the two friends to a studio in Glasgow almost a decade later."
    assert all(value != "2029" for _, value in _dates(text))
