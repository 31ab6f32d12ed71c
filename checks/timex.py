"""Calendar arithmetic and TIMEX3 value strings for the date normaliser.

Pure functions over `datetime.date`; no text, no spaCy. Values follow TimeML TIMEX3
(ISO 8601 at the expression's own granularity): `2025-10-31`, `2025-10`, `2025`,
`2025-W44`, `2025-W44-WE`, `2025-SU`, `2025-Q3`, `199X`, `19` (a century).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

__all__ = [
    "MONTHS",
    "NUMBER_WORDS",
    "SEASONS",
    "WEEKDAYS",
    "Anchor",
    "Tense",
    "month_number",
    "number_value",
    "season_year",
    "shift",
    "weekday_near",
]

Tense = Literal["past", "present", "future"]
Granularity = Literal["day", "month", "year"]

MONTHS = {name: i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name: i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["Sept"] = 9
WEEKDAYS = {name: i for i, name in enumerate(calendar.day_name)}
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
# The months each season covers, to tell whether "last summer" is this year's or last year's.
_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "a few": 3, "several": 3, "a couple of": 2, "a dozen": 12,
}
_VAGUE = {"a few", "several", "a couple of"}


@dataclass(frozen=True)
class Anchor:
    """A resolved point the text mentions, at its own granularity: later mentions hang on it."""

    date: dt.date
    granularity: Granularity
    start: int = 0

    def value(self) -> str:
        if self.granularity == "day":
            return self.date.isoformat()
        if self.granularity == "month":
            return f"{self.date.year:04d}-{self.date.month:02d}"
        return f"{self.date.year:04d}"


def month_number(word: str) -> int | None:
    return MONTHS.get(word.rstrip(".").capitalize())


def number_value(word: str) -> int | None:
    """'six' -> 6, '6' -> 6; vague counts ('a few', 'several') -> None: they cannot anchor a point."""
    word = re.sub(r"\s+", " ", word.strip().lower())
    if word in _VAGUE:
        return None
    if word.isdigit():
        return int(word)
    if "-" in word:  # "twenty-one"
        tens, _, unit = word.partition("-")
        a, b = NUMBER_WORDS.get(tens), NUMBER_WORDS.get(unit)
        return a + b if a and b else None
    return NUMBER_WORDS.get(word)


def shift(day: dt.date, amount: int, unit: str) -> Anchor:
    """Move `amount` units from `day`; the result keeps the unit's granularity (weeks and days: a day)."""
    unit = unit.rstrip("s")
    if unit == "day":
        return Anchor(day + dt.timedelta(days=amount), "day")
    if unit == "week":
        return Anchor(day + dt.timedelta(weeks=amount), "day")
    if unit == "month":
        months = day.year * 12 + day.month - 1 + amount
        year, month = divmod(months, 12)
        last = calendar.monthrange(year, month + 1)[1]
        return Anchor(dt.date(year, month + 1, min(day.day, last)), "month")
    years = amount * (10 if unit == "decade" else 1)
    return Anchor(_with_year(day, day.year + years), "year")


def _with_year(day: dt.date, year: int) -> dt.date:
    last = calendar.monthrange(year, day.month)[1]
    return dt.date(year, day.month, min(day.day, last))


def weekday_near(reference: dt.date, weekday: int, tense: Tense, direction: str = "") -> dt.date:
    """The weekday meant relative to `reference`.

    "last Friday" and past-tense "on Friday" mean the most recent one on or before the
    reference ("last" excludes the reference day itself); "next Friday" and future-tense
    "on Friday" mean the next one after it. An untensed weekday on the reference's own
    weekday is that day.
    """
    back = (reference.weekday() - weekday) % 7
    ahead = (weekday - reference.weekday()) % 7
    if direction == "last":
        return reference - dt.timedelta(days=back or 7)
    if direction == "next" or (tense == "future" and direction != "this"):
        return reference + dt.timedelta(days=ahead or 7)
    if direction == "this" and tense == "future":
        return reference + dt.timedelta(days=ahead)
    if tense == "present":  # untensed: the nearest one, the same day when it matches
        return reference - dt.timedelta(days=back) if back <= ahead else reference + dt.timedelta(days=ahead)
    return reference - dt.timedelta(days=back)


def season_year(reference: dt.date, season: str, direction: str, tense: Tense) -> int:
    """The year of "this/last/next summer" seen from `reference`."""
    first, last = _SEASON_MONTHS[season]
    month = reference.month if not (season == "WI" and reference.month <= 2) else reference.month + 12
    year = reference.year - (1 if season == "WI" and reference.month <= 2 else 0)
    if direction == "last":
        return year if month > last else year - 1
    if direction == "next":
        return year if month < first else year + 1
    if tense == "past" and month < first:
        return year - 1
    return year
