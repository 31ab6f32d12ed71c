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


def test_the_written_months_name_again_is_the_storys_month() -> None:
    text = ("Local dealers sold 30,154 new cars in October. The average price was $39,014, up from $34,410 "
            "in October 2015. The average price of a new truck sold in October was $41,640.")
    assert _dates(text) == [("October", "2019-10"), ("October 2015", "2015-10"), ("October", "2019-10")]
