"""Dates of session 16 (helper-109, invented text): a "today" on a present state in a relative or
comparing clause (`the galaxies we observe today`, `as it is today`) is the present age, not the day."""

from __future__ import annotations

import datetime as dt

from checks import check_text

TUESDAY = dt.date(2025, 11, 4)


def _dates(text: str) -> list[tuple[str, str | None]]:
    return [(d.text, d.value) for d in check_text(text, published=TUESDAY).dates]


def _vague(text: str) -> list[tuple[str, str | None]]:
    return [(d.text, d.value) for d in check_text(text, published=TUESDAY).vague_dates]


def test_today_on_a_present_state_in_a_relative_clause_is_the_present_age() -> None:
    text = "The simulation shows how the galaxies we observe today took shape."
    assert _dates(text) == []
    assert _vague(text) == [("today", "PRESENT_REF")]


def test_today_in_a_comparing_clause_is_the_present_age() -> None:
    text = "The model explains why the early universe appears as it is today."
    assert _dates(text) == []
    assert _vague(text) == [("today", "PRESENT_REF")]


def test_today_on_a_main_clause_or_an_event_keeps_the_day() -> None:
    assert _dates("The director is in Geneva today.") == [("today", "2025-11-04")]
    assert _dates("The rules the council votes on today would cut fares.") == [("today", "2025-11-04")]
