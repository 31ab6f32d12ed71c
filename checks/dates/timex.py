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
    "Granularity",
    "Tense",
    "holiday_date",
    "month_number",
    "nearest_year",
    "nth_weekday",
    "number_value",
    "season_of",
    "season_year",
    "shift",
    "weekday_near",
    "written_day",
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
    "on Friday" mean the next one after it. A weekday without "last" or "next" on the
    reference's own weekday is that day, whatever the tense: news names the day of the week
    even for the day it is published ("will vote Wednesday night" in Wednesday's paper).
    """
    back = (reference.weekday() - weekday) % 7
    ahead = (weekday - reference.weekday()) % 7
    if direction == "last":
        return reference - dt.timedelta(days=back or 7)
    if direction == "next":
        return reference + dt.timedelta(days=ahead or 7)
    if tense == "future" and direction != "this":
        # a Wednesday story's "will vote on Wednesday" is that day: news names the day itself so
        return reference + dt.timedelta(days=ahead)
    if direction == "this" and tense == "future":
        return reference + dt.timedelta(days=ahead)
    if tense == "present":  # untensed: the nearest one, the same day when it matches
        return reference - dt.timedelta(days=back) if back <= ahead else reference + dt.timedelta(days=ahead)
    return reference - dt.timedelta(days=back)


def season_of(month: int) -> str:
    """The season code ("SU") a month falls in (December to February is winter)."""
    return next(code for code, (first, last) in _SEASON_MONTHS.items()
                if first <= month <= last or first <= month + 12 <= last)


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


# A date up to this far on the "wrong" side of publication is trusted over the parsed tense.
TENSE_OVERRIDE_DAYS = 45


def nearest_year(pub: dt.date, month: int, day: int, tense: Tense) -> int:
    """The year that puts month/day nearest the publication date, unless the tense clearly says
    otherwise ("met on Aug. 6" in February is last August, not next)."""
    options = []
    for year in (pub.year - 1, pub.year, pub.year + 1):
        try:
            options.append(dt.date(year, month, day))
        except ValueError:  # February 29
            continue
    best = min(options, key=lambda d: abs((d - pub).days))
    gap = (best - pub).days
    if tense == "past" and gap > TENSE_OVERRIDE_DAYS:
        best = max(d for d in options if d <= pub)
    elif tense == "future" and gap < -TENSE_OVERRIDE_DAYS:
        best = min(d for d in options if d >= pub)
    return best.year


# Holidays by (month, day), or by a rule: (month, weekday, nth) with nth -1 for the last one.
# Thanksgiving is the US one (Canada's is the second Monday of October).
_FIXED_HOLIDAYS = {
    "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24), "new year's day": (1, 1),
    "new year's eve": (12, 31), "independence day": (7, 4), "halloween": (10, 31), "valentine's day": (2, 14),
    "canada day": (7, 1), "boxing day": (12, 26), "veterans day": (11, 11), "remembrance day": (11, 11),
    "juneteenth": (6, 19), "st. patrick's day": (3, 17), "st patrick's day": (3, 17),
}
_RULE_HOLIDAYS = {
    "thanksgiving": (11, 3, 4), "thanksgiving day": (11, 3, 4), "labor day": (9, 0, 1),
    "labour day": (9, 0, 1),    "memorial day": (5, 0, -1), "election day": (11, 0, 1),
}
_EASTER_OFFSETS = {"easter": 0, "easter sunday": 0, "easter monday": 1, "good friday": -2}


def holiday_date(name: str, year: int) -> dt.date:
    """The day a named holiday falls on in `year` (ValueError for an unknown name)."""
    key = " ".join(name.lower().replace("\u2019", "'").split())
    if key in _FIXED_HOLIDAYS:
        return dt.date(year, *_FIXED_HOLIDAYS[key])
    if key in _EASTER_OFFSETS:
        return _easter(year) + dt.timedelta(days=_EASTER_OFFSETS[key])
    day = nth_weekday(year, *_RULE_HOLIDAYS[key])
    if key == "election day":  # the Tuesday after the first Monday
        day += dt.timedelta(days=1)
    return day


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> dt.date:
    """The `nth` `weekday` (0 for Monday) of the month, -1 for the last: Thanksgiving is (11, 3, 4)."""
    days = [d for d in range(1, calendar.monthrange(year, month)[1] + 1)
            if dt.date(year, month, d).weekday() == weekday]
    return dt.date(year, month, days[nth - 1] if nth > 0 else days[nth])


def _easter(year: int) -> dt.date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    m = (32 + 2 * e + 2 * i - h - k) % 7
    n = (a + 11 * h + 22 * m) // 451
    month, day = divmod(h + m - 7 * n + 114, 31)
    return dt.date(year, month, day + 1)


def written_day(rule: str, parts: dict[str, str]) -> dt.date | None:
    """The day a full written date names ("2025-01-05", "Jan. 5, 2025", "5 January 2025", "1/5/2025"),
    or None when it names no such day."""
    if rule == "numeric":
        a, b = int(parts["a"]), int(parts["b"])
        month, day = (b, a) if a > 12 else (a, b)
    else:
        month = int(parts["month"]) if "month" in parts else month_number(parts["mon"]) or 0
        day = int(parts["day"])
    try:
        return dt.date(int(parts["year"]), month, day)
    except ValueError:
        return None
