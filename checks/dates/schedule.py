"""Dates listed one a line under an announcement of what is coming: a tour's dates, a schedule.

A story published in November that ends with "The Band Tour Dates" and thirty lines such as
"Feb. 12 – Austin, TX @ Moody Center" lists next year's shows. Each line is a date without a year
and without a verb, so no tense says which year, and the nearest-year reading puts the summer
shows in the summer just gone. Read as one list they are clear: the lines run forward in time
(wrapping past December into the next year) and the list is announced as ahead.

So a run of such lines takes its years from the list, not line by line: the year written in its
announcement ("2020 Tour Dates") for the first line, else the earliest placement that is not all
over by publication; weekdays written on the lines ("Fri., Feb. 12") outrank both. A list is read
this way only when the line that introduces it says it is ahead (a tour, a schedule, "will play",
"upcoming") and has no past-tense verb: a timeline of past events ("Key dates", "How it
unfolded") keeps the line-by-line reading, as a wrong forward reading is worse than a miss.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re

from spacy.tokens import Doc

from .grammar import Candidate
from .timex import WEEKDAYS, month_number

__all__ = ["schedule_years"]

_LISTED = ("md", "dm")
_MIN_LINES = 3  # two dated lines are a pair of facts, not a list
_MAX_LINE = 160  # a list line names a place and a venue, not a paragraph
_INTRO_LINES = 2  # the heading and the paragraph before it may announce the list
_BULLET = re.compile(r"[\s\u2022*\u00b7>\-\u2013\u2014]*")
# The announcement of dates still to come. "Dates" alone is not one: "Key dates" heads timelines.
_AHEAD = re.compile(r"\b(?:tour|tours|touring|upcoming|coming|remaining|itinerary|schedule|scheduled|will|"
                    r"shall|\w+['\u2019]ll|on\s+sale|tickets|kicks?\s+off|(?:show|concert|game|match|event)"
                    r"\s+dates)\b", re.I)
_BEHIND = re.compile(r"\b(?:timeline|chronology|past|previous|recap|results|history|ago|so\s+far|"
                     r"unfolded|happened)\b", re.I)
# Verb forms that make a line a sentence about an event ("March 3 – Police arrested ...").
_SENTENCE_TAGS = {"VBD", "VBN", "VBZ", "VBP", "MD"}
# A final score makes a line a result: "Sept. 7 – W 24-10 vs. Alabama" lists games already played.
_SCORE = re.compile(r"\b\d{1,3}\s?[-\u2013]\s?\d{1,3}\b")
_YEAR = re.compile(r"(?<![\d/.-])((?:19|20)\d\d)(?![\d/-])")


def schedule_years(cands: list[Candidate], doc: Doc, text: str, published: dt.date | None) -> dict[int, int]:
    """The year of each month-day date in an announced list, by the date's start offset."""
    if published is None:
        return {}
    years: dict[int, int] = {}
    for run in _runs(cands, text, doc):
        intro = _intro(text, _line_start(text, run[0].start))
        if not intro or not _announces(intro, doc, published.year):
            continue
        days = [(month_number(c.parts["mon"]) or 0, int(c.parts["day"])) for c in run]
        if not _runs_forward(days):
            continue
        stated = {int(y) for line, _ in intro for y in _YEAR.findall(line)}
        first_years = sorted(stated) if len(stated) == 1 else [published.year + k for k in (-1, 0, 1)]
        chosen = _placement(days, [c.parts.get("wd") for c in run], first_years, published)
        if chosen is not None:
            years.update((c.start, d.year) for c, d in zip(run, chosen, strict=True))
    return years


def _runs(cands: list[Candidate], text: str, doc: Doc) -> list[list[Candidate]]:
    """Runs of at least `_MIN_LINES` lines that each open with a date and hold no verb, with at most
    blank lines between them."""
    runs: list[list[Candidate]] = []
    current: list[Candidate] = []
    last_end = -1
    for cand in cands:
        start = _line_start(text, cand.start)
        if start == last_end or cand.rule not in _LISTED:
            continue  # a second date on a listed line, or no date to list
        end = text.find("\n", cand.end)
        end = len(text) if end < 0 else end
        if not _list_line(cand, start, end, text, doc):
            _close(runs, current)
            current, last_end = [], -1
            continue
        if current and text[_line_end(text, current[-1].end):start].strip():
            _close(runs, current)  # a paragraph between two dated lines ends the list
            current = []
        current.append(cand)
        last_end = start
    _close(runs, current)
    return runs


def _close(runs: list[list[Candidate]], run: list[Candidate]) -> None:
    if len(run) >= _MIN_LINES:
        runs.append(run)


def _line_start(text: str, at: int) -> int:
    return text.rfind("\n", 0, at) + 1


def _line_end(text: str, at: int) -> int:
    end = text.find("\n", at)
    return len(text) if end < 0 else end


def _list_line(cand: Candidate, start: int, end: int, text: str, doc: Doc) -> bool:
    """'June 9 – Tampa, FL @ Amphitheatre': the date opens a short line with no verb of its own (a
    capitalised word is part of a name: "Jiffy Lube Live", "Veterans United Home Loans") and no score."""
    if end - start > _MAX_LINE or _BULLET.fullmatch(text[start:cand.start]) is None or \
            _SCORE.search(text, cand.end, end):
        return False
    span = doc.char_span(cand.end, end, alignment_mode="expand")
    return span is None or not any(t.tag_ in _SENTENCE_TAGS and t.is_lower for t in span)


def _intro(text: str, start: int) -> list[tuple[str, int]]:
    """The non-blank lines just before a list, nearest first, with their offsets."""
    lines: list[tuple[str, int]] = []
    end = start - 1
    while end > 0 and len(lines) < _INTRO_LINES:
        begin = text.rfind("\n", 0, end) + 1
        if text[begin:end].strip():
            lines.append((text[begin:end], begin))
        end = begin - 1
    return lines


def _announces(intro: list[tuple[str, int]], doc: Doc, year: int) -> bool:
    """The list is announced as ahead: a word of plan in the heading or the paragraph before it, no
    word of retrospect in the heading, and no past-tense verb in the heading nor in the sentence
    that leads to it ("The band wrapped up its tour on Sunday." before "Tour dates" is a look back).
    `year` is the publication's."""
    nearest = intro[0][0]
    if _BEHIND.search(nearest) or not any(_AHEAD.search(line) for line, _ in intro):
        return False
    if _AHEAD.search(nearest) and any(int(y) >= year for y in _YEAR.findall(nearest)):
        # a heading that announces the list with a year not yet over ("Tour 2020 dates:" in a 2019
        # story) is read alone: the paragraph before it may tell of something else, in the past
        # ("were nominated last month"); without a year, "wrapped up its tour" before "Tour dates"
        # is a look back at the tour listed
        intro = intro[:1]
    for line, start in intro:
        span = doc.char_span(start, start + len(line), alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        # the heading whole; of a paragraph, its last sentence (the one that leads to the list)
        first = span.start if line is nearest else max(span.start, doc[span.end - 1].sent.start)
        if any(t.tag_ == "VBD" for t in doc[first:span.end]):
            return False
    return True


def _runs_forward(days: list[tuple[int, int]]) -> bool:
    """Month-days in calendar order, wrapping past December at most once, within one year."""
    drops = sum(1 for a, b in itertools.pairwise(days) if b < a)
    return drops == 0 or (drops == 1 and days[-1] <= days[0])


def _placement(days: list[tuple[int, int]], weekdays: list[str | None], first_years: list[int],
               published: dt.date) -> list[dt.date] | None:
    """The dates of the list starting in one of `first_years`: the one the written weekdays fit
    best, else the earliest that is not all over by publication."""
    best: tuple[tuple[int, bool, int], list[dt.date]] | None = None
    for rank, year in enumerate(first_years):
        dates = _chained(days, year)
        if dates is None:
            continue
        key = (_fits(dates, weekdays), dates[-1] >= published, -rank)
        if best is None or key > best[0]:
            best = (key, dates)
    return None if best is None or not (best[0][0] or best[0][1] or len(first_years) == 1) else best[1]


def _chained(days: list[tuple[int, int]], year: int) -> list[dt.date] | None:
    """Each date on or after the one before it, the year turning where the months wrap."""
    dates: list[dt.date] = []
    for month, day in days:
        try:
            date = dt.date(year, month, day)
            if dates and date < dates[-1]:
                year += 1
                date = dt.date(year, month, day)
        except ValueError:  # February 29 outside a leap year: not this placement
            return None
        dates.append(date)
    return dates


def _fits(dates: list[dt.date], weekdays: list[str | None]) -> int:
    """How many written weekdays ("Fri.") the dates fall on."""
    fits = 0
    for date, written in zip(dates, weekdays, strict=True):
        if written is not None:
            name = next((n for n in WEEKDAYS if n.startswith(written.rstrip(".")[:3])), None)
            fits += name is not None and WEEKDAYS[name] == date.weekday()
    return fits
