"""Signals about the dates a story rests on: weekdays that do not fit, dates after
publication, dates that contradict each other, and stories with no absolute date."""

from __future__ import annotations

import calendar
import datetime as dt
import itertools
import re
from collections.abc import Iterator

from ..models import DateMention, Report, Signal
from .timex import WEEKDAYS

__all__ = ["date_signals"]

_DAY_VALUE = re.compile(r"^(\d{4})-(\d\d)-(\d\d)(?:T\w+)?$")
_WEEKDAY_WORD = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
# Words that make a date after publication a plan or a forecast rather than a slip.
_FUTURE_CUE = re.compile(
    r"\b(will|won't|wo n't|'ll|shall|would|could|may|might|plans?|planned|scheduled|expected|expects?|"
    r"due|set to|"
    r"going to|upcoming|next|coming|until|by|before|deadline|begins?|starts?|takes? effect|forecast|"
    r"projected|aims?|hopes?|intends?|is to|are to|ahead of)\b", re.I)
_SENTENCE_END = re.compile(r"[.!?\n]")
_ADJACENT = 6  # characters between "yesterday" and ", on May 6" for the two to describe one day
_UNIT_SLACK = (("decade", 365), ("year", 90), ("month", 10), ("week", 3))
_HEDGE = re.compile(r"\b(about|nearly|almost|some|roughly|around|more than|less than|over|just)\b")
_REF_VALUES = ("PRESENT_REF", "PAST_REF", "FUTURE_REF")


def date_signals(report: Report, text: str) -> Iterator[Signal]:
    published = report.article.published
    if isinstance(published, dt.datetime):
        published = published.date()
    dates = report.dates
    yield from _weekday_mismatches(dates)
    if published is not None:
        yield from _after_publication(dates, published, text)
    yield from _conflicts(dates)
    missing = _no_absolute_date(dates, published)
    if missing is not None:
        yield missing


def day_of(mention: DateMention) -> dt.date | None:
    """The calendar day a mention names, when its value is at day granularity."""
    m = _DAY_VALUE.match(mention.value or "")
    if m is None:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def _spoken(day: dt.date) -> str:
    return f"{calendar.month_name[day.month]} {day.day}, {day.year}"


def _weekday_mismatches(dates: tuple[DateMention, ...]) -> Iterator[Signal]:
    """'Tuesday, May 7, 2025' or 'on Tuesday (May 7)' where May 7 is not a Tuesday."""
    for mention, neighbour in itertools.zip_longest(dates, dates[1:]):
        said = _WEEKDAY_WORD.search(mention.text)
        if said is None:
            continue
        dated, start, end = mention, mention.start, mention.end
        if mention.kind == "relative":  # a weekday resolved from itself always fits: try the date beside it
            if neighbour is None or neighbour.kind == "relative" or neighbour.start - mention.end > _ADJACENT:
                continue
            dated, end = neighbour, neighbour.end
        day = day_of(dated)
        if day is None or WEEKDAYS[said[1]] == day.weekday():
            continue
        inferred = " (year assumed)" if dated.kind == "partial" else ""
        actual = calendar.day_name[day.weekday()]
        quoted = f"'{mention.text}'" + (f" next to '{dated.text}'" if dated is not mention else "")
        message = f"{quoted} \u2013 {_spoken(day)}{inferred} was a {actual}"
        yield Signal("weekday_mismatch", "warn", message, start, end)


def _after_publication(dates: tuple[DateMention, ...], published: dt.date, text: str) -> Iterator[Signal]:
    for mention in dates:
        if mention.kind == "relative":
            continue  # computed from the publication date: after it only when the text says so
        day = day_of(mention)
        if day is None or day <= published:
            continue
        if _FUTURE_CUE.search(_sentence(text, mention.start, mention.end)):
            continue
        yield Signal("date_after_publication", "warn",
                     f"'{mention.text}' ({_spoken(day)}) is after the publication date "
                     f"({_spoken(published)}) and the sentence does not read as a plan or forecast",
                     mention.start, mention.end)


def _sentence(text: str, start: int, end: int) -> str:
    left = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
    right = _SENTENCE_END.search(text, end)
    return text[left:right.start() if right else len(text)]


def _conflicts(dates: tuple[DateMention, ...]) -> Iterator[Signal]:
    """'yesterday, May 6' where yesterday (from the publication date) was May 5, or 'six weeks
    earlier, on October 31' where six weeks before the story's date is October 24."""
    for first, second in itertools.pairwise(dates):
        if second.start - first.end > _ADJACENT or [first.kind, second.kind].count("relative") != 1:
            continue
        relative, explicit = (first, second) if first.kind == "relative" else (second, first)
        rel_day, exp_day = day_of(relative), day_of(explicit)
        if rel_day is None or exp_day is None or abs((rel_day - exp_day).days) <= _slack(relative.text):
            continue
        yield Signal("date_conflict", "warn",
                     f"'{relative.text}' works out to {_spoken(rel_day)}, but the text next to it says "
                     f"'{explicit.text}' ({_spoken(exp_day)})", first.start, second.end)


def _slack(text: str) -> int:
    """Days a counted shift may be off and still be a fair round figure ('six weeks' for 40 days)."""
    lowered = text.lower()
    days = next((n for unit, n in _UNIT_SLACK if unit in lowered), 0)
    return days * 2 if _HEDGE.search(lowered) else days


def _no_absolute_date(dates: tuple[DateMention, ...], published: dt.date | None) -> Signal | None:
    """A story that tells of an event ('on Tuesday', 'today') without ever giving its date."""
    if any(d.kind == "absolute" for d in dates):
        return None
    events = [d for d in dates if d.value not in _REF_VALUES and not (d.value or "").startswith("P")]
    if not events:
        return None
    first = events[0]
    if published is None:
        return Signal("no_absolute_date", "warn",
                      f"No full date anywhere in the story, and no publication date: '{first.text}' "
                      "cannot be placed on a calendar", first.start, first.end)
    return Signal("no_absolute_date", "info",
                  f"No full date anywhere in the story: '{first.text}' was placed from the publication "
                  f"date ({_spoken(published)}) only", first.start, first.end)
