"""Temporal expressions, normalised to TimeML TIMEX3 values.

Candidates come from a regular grammar over the text (`checks.date_grammar`); spaCy's
entities and tags veto the ambiguous ones (a bare "2026" that is a count, "May" the
verb, "Sunday Times"). Values are resolved in document order against two reference
times, as HeidelTime does for news: the publication date for deictic expressions
("today", "last week", "on Tuesday") and the last date the text itself mentioned for
anaphoric ones ("six weeks earlier", "the next day") and for dates without a year.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Doc

from ..models import DateKind, DateMention
from .fixed import century, decade, half, quarter, season_year
from .grammar import Candidate, candidates
from .tense import tense_at
from .timex import SEASONS, WEEKDAYS, Anchor, Tense, holiday_date, month_number, nearest_year
from .values import relative_value, shifted_value, unit_point, unit_value
from .vetoes import plausible

__all__ = ["find_dates"]

Resolved = tuple[str | None, DateKind, Anchor | None]

@dataclass
class _Context:
    doc: Doc
    text: str
    published: dt.date | None
    ref: Anchor | None = None  # the last date the text mentioned
    refs: dict[str, Anchor] = field(default_factory=dict)  # the last one at each granularity
    tenses: dict[int, Tense] = field(default_factory=dict)

    def tense(self, cand: Candidate) -> Tense:
        if cand.start not in self.tenses:
            self.tenses[cand.start] = tense_at(self.doc, cand.start, cand.end)
        return self.tenses[cand.start]

    def ref_near(self, start: int) -> Anchor | None:
        """The last mentioned date when it is in the same paragraph."""
        if self.ref is None or "\n" in self.text[self.ref.start:start]:
            return None
        return self.ref


def find_dates(doc: Doc, published: dt.date | None, *, text: str | None = None) -> tuple[DateMention, ...]:
    """Every temporal expression in `doc`, in text order, with its TIMEX3 value and kind.

    `text` is `doc.text` when the caller already has it."""
    if isinstance(published, dt.datetime):  # a fetcher's timestamp: only its calendar day anchors
        published = published.date()
    text = doc.text if text is None else text
    ctx = _Context(doc, text, published)
    found: list[DateMention] = []
    for cand in candidates(text):
        if not plausible(cand, doc):
            continue
        try:
            resolved = _RESOLVERS[cand.rule](cand, ctx)
        except (ValueError, OverflowError):  # "999 decades ago", "February 30": no calendar day
            continue
        if resolved is None:
            continue
        value, kind, anchor = resolved
        if anchor is not None and not _modifier_year(cand, doc):
            ctx.ref = Anchor(anchor.date, anchor.granularity, cand.start)
            ctx.refs[anchor.granularity] = ctx.ref
        found.append(DateMention(text[cand.start:cand.end], value, kind, cand.start, cand.end))
    return tuple(found)


def _modifier_year(cand: Candidate, doc: Doc) -> bool:
    """'the 2026 World Cup': a year that names an event does not set the story's time."""
    if cand.rule != "year":
        return False
    span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
    return span is not None and len(span) == 1 and span[0].head.i > span[0].i and span[0].head.pos_ in (
        "NOUN", "PROPN")


def _full_date(cand: Candidate, ctx: _Context) -> Resolved | None:
    p = cand.parts
    if cand.rule == "numeric":
        a, b = int(p["a"]), int(p["b"])
        month, day = (b, a) if a > 12 else (a, b)
    else:
        month = int(p["month"]) if "month" in p else month_number(p["mon"]) or 0
        day = int(p["day"])
    try:
        date = dt.date(int(p["year"]), month, day)
    except ValueError:
        return None
    return date.isoformat(), "absolute", Anchor(date, "day")


def _month_year(cand: Candidate, ctx: _Context) -> Resolved | None:
    month = month_number(cand.parts["mon"])
    if month is None:
        return None
    date = dt.date(int(cand.parts["year"]), month, 1)
    return f"{date.year:04d}-{month:02d}", "absolute", Anchor(date, "month")


def _year_for(month: int, day: int | None, cand: Candidate, ctx: _Context) -> int | None:
    """The year of a date written without one: publication and tense, else the story's last year."""
    if ctx.published is not None:
        return nearest_year(ctx.published, month, day or 1, ctx.tense(cand))
    return ctx.ref.date.year if ctx.ref is not None else None


def _month_day(cand: Candidate, ctx: _Context) -> Resolved | None:
    month = month_number(cand.parts["mon"])
    day = int(cand.parts["day"])
    if month is None or day > calendar.monthrange(2000, month)[1]:  # 2000: a leap year allows Feb 29
        return None
    year = _year_for(month, day, cand, ctx)
    if year is None:
        return f"XXXX-{month:02d}-{day:02d}", "partial", None
    if ctx.published is None and "wd" in cand.parts:
        year = _fitting_year(year, month, day, cand.parts["wd"])
    try:
        date = dt.date(year, month, day)
    except ValueError:
        return None
    return date.isoformat(), "partial", Anchor(date, "day")


def _fitting_year(year: int, month: int, day: int, weekday: str) -> int:
    """Without a publication date, 'Tuesday, March 5' after a mention of 2018 is in the year next to
    it where March 5 was a Tuesday (2019), when only one of them fits."""
    wanted = next((i for name, i in WEEKDAYS.items() if name.startswith(weekday.rstrip(".")[:3])), None)
    fits = [y for y in (year, year + 1, year - 1) if _is_weekday(y, month, day, wanted)]
    return fits[0] if len(fits) == 1 else year


def _is_weekday(year: int, month: int, day: int, weekday: int | None) -> bool:
    try:
        return dt.date(year, month, day).weekday() == weekday
    except ValueError:
        return False


def _month_only(cand: Candidate, ctx: _Context) -> Resolved | None:
    month = month_number(cand.parts["mon"])
    if month is None:
        return None
    if cand.rule == "rel_month":
        return _relative_month(month, cand, ctx)
    year = _year_for(month, None, cand, ctx)
    if year is None:
        return f"XXXX-{month:02d}", "partial", None
    return f"{year:04d}-{month:02d}", "partial", Anchor(dt.date(year, month, 1), "month")


def _relative_month(month: int, cand: Candidate, ctx: _Context) -> Resolved:
    """'last October', 'next March', 'this May', seen from the publication date."""
    pub = ctx.published
    if pub is None:
        return None, "relative", None
    direction = cand.parts["dir"].lower()
    year = pub.year
    if direction.startswith("last") or direction == "this past":
        year -= 1 if month >= pub.month else 0
    elif direction.startswith("next") or direction == "this coming":
        year += 1 if month <= pub.month else 0
    return f"{year:04d}-{month:02d}", "relative", Anchor(dt.date(year, month, 1), "month")


def _year_only(cand: Candidate, ctx: _Context) -> Resolved:
    year = int(cand.parts["year"])
    return f"{year:04d}", "absolute", Anchor(dt.date(year, 1, 1), "year")


def _quarter_only(cand: Candidate, ctx: _Context) -> Resolved | None:
    """'the third quarter', 'last quarter': the publication's year (or the story's), by tense."""
    q = ["first", "second", "third", "fourth"].index(cand.parts["ord"].lower()) + 1
    direction = cand.parts.get("dir", "").lower()
    if ctx.published is not None and direction not in ("previous", "same"):
        # business news reports the quarter just closed or running, rarely one ahead
        pub = ctx.published
        current = (pub.month - 1) // 3 + 1
        if direction in ("this", "current", "latest"):
            year = pub.year
        elif direction == "next":
            year = pub.year + (1 if q <= current else 0)
        else:  # "the third quarter", "last year's fourth quarter": the latest one begun by publication
            year = pub.year - (0 if q <= current else 1) - (1 if direction == "last" and q == current else 0)
    elif ctx.ref is not None:
        year = ctx.ref.date.year
    else:
        return f"XXXX-Q{q}", "partial", None
    return f"{year:04d}-Q{q}", "partial", None


def _month_rel_year(cand: Candidate, ctx: _Context) -> Resolved:
    """'January this year', 'June last year'."""
    month = month_number(cand.parts["mon"]) or 1
    if ctx.published is None:
        return None, "relative", None
    year = ctx.published.year + {"this": 0, "last": -1, "next": 1}[cand.parts["dir"]]
    return f"{year:04d}-{month:02d}", "relative", Anchor(dt.date(year, month, 1), "month")


def _holiday(cand: Candidate, ctx: _Context) -> Resolved | None:
    """'Christmas 2024', 'on Thanksgiving': a named day, its year from the text or publication."""
    name = cand.parts["hol"]
    if "year" in cand.parts:
        day = holiday_date(name, int(cand.parts["year"]))
        return day.isoformat(), "absolute", Anchor(day, "day")
    rough = holiday_date(name, 2001)  # the month and day it falls near, to choose the year
    year = _year_for(rough.month, rough.day, cand, ctx)
    if year is None:
        fixed = holiday_date(name, 2002) == rough.replace(year=2002)
        return (f"XXXX-{rough.month:02d}-{rough.day:02d}" if fixed else None), "partial", None
    day = holiday_date(name, year)
    return day.isoformat(), "partial", Anchor(day, "day")


def _season_only(cand: Candidate, ctx: _Context) -> Resolved:
    """'in the fall', 'by summer': the season nearest publication (or in the story's year)."""
    code = SEASONS[cand.parts["season"].lower()]
    middle = {"SP": 4, "SU": 7, "FA": 10, "WI": 1}[code]
    year = _year_for(middle, 15, cand, ctx)
    if year is None:
        return f"XXXX-{code}", "partial", None
    if code == "WI" and ctx.published is not None:
        year -= 1  # the winter that holds the January nearest publication began the year before
    return f"{year:04d}-{code}", "partial", None


def _end_of(cand: Candidate, ctx: _Context) -> Resolved:
    """'by the end of the year': the publication's year (month, week)."""
    if ctx.published is None:
        return None, "relative", None
    return unit_point(ctx.published, cand.parts["unit"].lower(), "this", ctx.tense(cand)), "relative", None


def _weekday(cand: Candidate, ctx: _Context) -> Resolved | None:
    value, anchor = relative_value(cand, ctx.published, ctx.refs, ctx.tense(cand))
    return value, "relative", anchor


def _relative(cand: Candidate, ctx: _Context) -> Resolved | None:
    if cand.rule == "rel_unit" and cand.parts["unit"].lower() == "day" and \
            cand.parts["dir"].lower() in ("last", "current", "coming"):
        return None  # "the last day of trading" names no point by itself
    value, anchor = relative_value(cand, ctx.published, ctx.refs, ctx.tense(cand))
    return value, "relative", anchor


def _shifted(cand: Candidate, ctx: _Context) -> Resolved:
    return shifted_value(cand, ctx.published, ctx.refs), "relative", None


def _span(cand: Candidate, ctx: _Context) -> Resolved:
    return unit_value(cand), "relative", None


_RESOLVERS: dict[str, Callable[[Candidate, _Context], Resolved | None]] = {
    "iso": _full_date, "numeric": _full_date, "mdy": _full_date, "dmy": _full_date,
    "my": _month_year, "md": _month_day, "dm": _month_day,
    "season_year": season_year, "quarter": quarter, "half": half, "quarter_only": _quarter_only,
    "month_rel_year": _month_rel_year, "decade": decade, "decade_word": decade,
    "century": century, "mod_year": _year_only, "year": _year_only,
    "mod_month": _month_only, "rel_month": _month_only, "prep_month": _month_only,
    "deictic": _relative, "ref_word": _relative, "rel_unit": _relative, "over_weekend": _relative,
    "the_day_rel": _relative, "weekday": _weekday, "holiday": _holiday, "season_only": _season_only,
    "end_of": _end_of, "n_ago": _shifted, "past_span": _span, "next_span": _span,
}
