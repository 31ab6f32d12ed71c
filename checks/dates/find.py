"""Temporal expressions, normalised to TimeML TIMEX3 values.

Candidates come from a regular grammar over the text (`checks.dates.grammar`); spaCy's
entities and tags veto the ambiguous ones (a bare "2026" that is a count, "May" the
verb, "Sunday Times"). Values are resolved in document order against two reference
times, as HeidelTime does for news: the publication date for deictic expressions
("today", "last week", "on Tuesday") and the last date the text itself mentioned for
anaphoric ones ("six weeks earlier", "the next day", "that year") and for dates without a year.
Inside a quoted document with its own date (an e-mail's "Sent:" line, "a 2008 memo") the
document's date stands in for the publication date (`checks.dates.context`).
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import re
from collections.abc import Callable

from spacy.tokens import Doc

from ..models import DateKind, DateMention
from .acts import at_the_time, past_plan, said_on
from .context import Story, coarsen
from .fixed import century, decade, half, quarter, season_year, spelled_year
from .generic import generic_time
from .grammar import Candidate, candidates
from .named import (
    end_of,
    holiday,
    month_only,
    month_rel_year,
    period_rel_year,
    quarter_only,
    quarter_ref,
    results_quarter,
    season_only,
    the_year,
    weekday_of_month,
    year_end,
    year_quarter,
)
from .schedule import schedule_years
from .stamps import edit_stamp, original_publication
from .tense import noun_tense
from .timex import WEEKDAYS, Anchor, month_number, number_value, weekday_near, written_day
from .values import day_shift, relative_value, shifted_value, small_hours, unit_value
from .vetoes import plausible
from .yearless import year_for

__all__ = ["VAGUE_VALUES", "find_dates", "split_vague"]

Resolved = tuple[str | None, DateKind, Anchor | None]
# "now", "recently", "in the future": no point on a calendar, kept out of the story's date list.
VAGUE_VALUES = ("PRESENT_REF", "PAST_REF", "FUTURE_REF")
# Rules whose month and day the text gives: a document dated by its year alone still places them.
# Rules whose value needs no reference time.
_SELF_STANDING = {"iso", "numeric", "mdy", "dmy", "my", "year"}
# ... and the day a quotation was spoken, outside it, seen from the publication date ("she said Tuesday").
_DATES_SPEECH = _SELF_STANDING | {"weekday", "deictic", "md", "dm"}
# Rules that write a month and its year: a narrative goes on from them ("in November 2016 ... by December").
_WRITTEN_MONTH = {"iso", "numeric", "mdy", "dmy", "my"}
# "the Dec. 21, 1988, bombing": a written date naming an event, not the time a narrative is told from.
_NAMES_EVENT = re.compile(r"\b(?:the|a|an|its|his|her|their|this|that)\s+$", re.I)
_EVENT_CHARS = 8
# What joins the first and last day of a run: "Friday to Sunday", "Friday through Sunday", "Friday-Sunday".
_RUN_TO = re.compile(r"\s*(?:to|through|thru|until|till|-|\u2013|\u2014)\s*", re.I)
_TEXT_GIVES_DAY = {"md", "dm", "second_day", "holiday", "prep_month", "attr_month", "mod_month", "rel_month",
                   "month_rel_year", "period_rel_year", "season_only", "quarter_only", "weekday_of_month"}


def find_dates(doc: Doc, published: dt.date | None, *, text: str | None = None,
               updated: dt.date | None = None) -> tuple[DateMention, ...]:
    """Every temporal expression in `doc`, in text order, with its TIMEX3 value and kind.

    `text` is `doc.text` when the caller already has it; `updated` is the day the page says it
    was last modified, if any (a weekday told in the past may be that day: `_weekday`)."""
    if isinstance(published, dt.datetime):  # a fetcher's timestamp: only its calendar day anchors
        published = published.date()
    text = doc.text if text is None else text
    cands = [c for c in candidates(text) if plausible(c, doc, text)]
    story = Story.of(doc, text, original_publication(text, cands, published), updated)
    found: list[DateMention] = []
    story.note_years(cands)
    story.listed = schedule_years(cands, doc, text, story.published)
    _date_documents_ahead(cands, story)
    for cand in cands:
        story.enter(cand)
        try:
            resolved = _RESOLVERS[cand.rule](cand, story)
        except (ValueError, OverflowError):  # "999 decades ago", "February 30": no calendar day
            continue
        if resolved is None:
            continue
        value, kind, anchor = resolved
        start = cand.start
        if value is not None and (moved := day_shift(text, cand.start, value)) is not None:
            start, days = moved  # "the day before last Tuesday": the date names the day next to it
            day = dt.date.fromisoformat(value) + dt.timedelta(days=days)
            value, kind, anchor = day.isoformat(), "relative", Anchor(day, "day")
        if story.document is not None and cand.rule not in _TEXT_GIVES_DAY:
            value = coarsen(value, story.document.granularity)
            if anchor is not None and story.document.granularity != "day":
                anchor = Anchor(anchor.date, story.document.granularity)
        if anchor is not None and not edit_stamp(text, cand.start):  # the page's edit, not the story's time
            story.remember(anchor, cand.start, cand.end, sets_time=not _modifier_year(cand, doc),
                           written=cand.rule in _WRITTEN_MONTH and not _NAMES_EVENT.search(
                               text, max(0, cand.start - _EVENT_CHARS), cand.start))
        elif story.narrated != cand.start:
            story.narrative = None  # "the following year", "later that year": the story's time moved on
        if cand.rule in ("quarter", "quarter_only", "period_rel_year") or \
                (cand.rule == "year_quarter" and "ord" in cand.parts):
            story.note_quarter(value, ahead=story.tense(cand) == "future")
        found.append(DateMention(text[start:cand.end], value, kind, start, cand.end))
    return tuple(found)


def _date_documents_ahead(cands: list[Candidate], story: Story) -> None:
    """'"... by Friday," she wrote in an e-mail dated March 3, 2008': a document's full date after
    its quotation is known before the quotation is read (it needs no reference time), and so is
    the day of '"... today," she said Tuesday', seen from the publication date."""
    for cand in cands:
        if cand.rule in _DATES_SPEECH and story.dates_document(cand.start, cand.end):
            resolved = _RESOLVERS[cand.rule](cand, story)
            if resolved is not None and resolved[2] is not None:
                story.foresee(resolved[2], cand.start, cand.end)


def split_vague(mentions: tuple[DateMention, ...]) -> tuple[tuple[DateMention, ...], tuple[DateMention, ...]]:
    """The dates a story rests on, and its vague references to time ("now", "recently")."""
    vague = tuple(m for m in mentions if m.value in VAGUE_VALUES)
    return tuple(m for m in mentions if m.value not in VAGUE_VALUES), vague


def _modifier_year(cand: Candidate, doc: Doc) -> bool:
    """'the 2026 World Cup': a year that names an event does not set the story's time."""
    if cand.rule != "year":
        return False
    span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
    return span is not None and len(span) == 1 and span[0].head.i > span[0].i and span[0].head.pos_ in (
        "NOUN", "PROPN")


def _full_date(cand: Candidate, ctx: Story) -> Resolved | None:
    date = written_day(cand.rule, cand.parts)
    return None if date is None else (date.isoformat(), "absolute", Anchor(date, "day"))


def _month_year(cand: Candidate, ctx: Story) -> Resolved | None:
    month = month_number(cand.parts["mon"])
    if month is None:
        return None
    date = dt.date(int(cand.parts["year"]), month, 1)
    return f"{date.year:04d}-{month:02d}", "absolute", Anchor(date, "month")


def _month_day(cand: Candidate, ctx: Story) -> Resolved | None:
    month = month_number(cand.parts["mon"])
    day = int(cand.parts["day"])
    if month is None or day > calendar.monthrange(2000, month)[1]:  # 2000: a leap year allows Feb 29
        return None
    year = ctx.listed.get(cand.start) or year_for(ctx, month, day, cand)
    if year is None:
        return f"XXXX-{month:02d}-{day:02d}", "partial", None
    if ctx.published is None and "wd" in cand.parts:
        year = _fitting_year(year, month, day, cand.parts["wd"])
    try:
        date = dt.date(year, month, day)
    except ValueError:
        return None
    return date.isoformat(), "partial", Anchor(date, "day")


def _prefix_year(cand: Candidate, ctx: Story) -> Resolved:
    """'the post-1959 politics', 'pre-1990 cars': the year is named, but no event happened in it,
    so it anchors nothing ("that year" after it is not 1959)."""
    value, kind, _ = _year_only(cand, ctx)
    return value, kind, None


def _second_day(cand: Candidate, story: Story) -> Resolved | None:
    """'on April 24 and 25', 'June 3-4, 2016': the day after the first of the pair, in its month and
    year (the year written after the pair, else the one the first day was read in)."""
    month = month_number(cand.parts["mon"])
    day = int(cand.parts["day"])
    if "year" in cand.parts:
        first = None
        year = int(cand.parts["year"])
    else:
        at = bisect.bisect_left(story.starts, cand.start)
        first = story.dated[at - 1][1] if at else None
        if first is None or first.granularity != "day" or first.date.month != month:
            return None
        year = first.date.year
    date = dt.date(year, month or 0, day)  # ValueError: "April 31", no such day
    if first is not None and date <= first.date:
        return None  # "May 30 and 1": not a pair of days in one month
    return date.isoformat(), "partial" if first is not None else "absolute", Anchor(date, "day")


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


def _week_of(cand: Candidate, ctx: Story) -> Resolved | None:
    """'the week of March 6' -> the ISO week that holds March 6."""
    resolved = _full_date(cand, ctx) if "year" in cand.parts else _month_day(cand, ctx)
    if resolved is None or resolved[2] is None:
        return None
    year, week, _ = resolved[2].date.isocalendar()
    return f"{year:04d}-W{week:02d}", resolved[1], None


def _year_only(cand: Candidate, ctx: Story) -> Resolved:
    year = int(cand.parts["year"])
    return f"{year:04d}", "absolute", Anchor(dt.date(year, 1, 1), "year")


def _weekday(cand: Candidate, story: Story) -> Resolved | None:
    """'on Friday' by the tense of its verb; 'Thursday night's fight' by the tense of the fight's
    (`checks.dates.tense.noun_tense`)."""
    if "poss" in cand.parts:
        tense = noun_tense(story.doc, cand.start, cand.end)
    else:
        tense = story.tense(cand)
        if tense == "past" and past_plan(story.doc, cand.start, cand.end):
            tense = "present"  # "was set to dock on Saturday": the day as planned, the nearest
        elif tense != "past" and said_on(story.doc, cand.start, cand.end):
            tense = "past"  # "voters back his vow on Monday": a thing said is said by now
    value, anchor = relative_value(cand, story.published, story.refs, tense)
    late = _since_update(cand, story, tense) or _after_midnight(cand, story, tense)
    if late is not None:
        value, anchor = late.isoformat(), Anchor(late, "day")
    start = _run_start(cand, story)
    if start is not None and anchor is not None and anchor.date < start:
        # "the festival runs from Friday to Sunday", in a Tuesday paper: the Sunday after that Friday, not
        # the one gone (told in the past, a run already over keeps its end by publication)
        day = start + dt.timedelta(days=(anchor.date.weekday() - start.weekday()) % 7 or 7)
        if tense != "past" or story.published is None or day <= story.published:
            value, anchor = day.isoformat(), Anchor(day, "day")
    return value, "relative", anchor


def _since_update(cand: Candidate, story: Story, tense: str) -> dt.date | None:
    """'posted on Twitter Tuesday', in a Monday story the page says it updated on Tuesday: the text
    read is the update's, so a past weekday that fell between publication and the update is that
    day, not the one six days before publication. Not "last Tuesday", nor in a quoted document."""
    if story.updated is None or story.published is None or story.document is not None or \
            tense != "past" or cand.parts.get("dir", "on").lower() not in ("on", "since"):
        return None
    if story.updated != story.published + dt.timedelta(days=1):
        return None  # a page edited days on keeps most of its text from the first day
    day = weekday_near(story.updated, WEEKDAYS[cand.parts["wd"].capitalize()], "past")
    return day if day > story.published else None


def _after_midnight(cand: Candidate, story: Story, tense: str) -> dt.date | None:
    """'a car hit a wall early Sunday', in a story dated Saturday: filed late in the evening, it tells
    of the small hours just gone, not of the Sunday six days before publication."""
    if story.published is None or story.document is not None or tense != "past" or \
            cand.parts.get("dir", "on").lower() != "on":
        return None
    day = story.published + dt.timedelta(days=1)
    if day.weekday() != WEEKDAYS[cand.parts["wd"].capitalize()]:
        return None
    return day if small_hours(story.text, cand.start, cand.end) else None


def _run_start(cand: Candidate, story: Story) -> dt.date | None:
    """The day a run of days starts when `cand` ends it: 'from Friday to Sunday', 'Nov. 7-Sunday'."""
    at = bisect.bisect_left(story.starts, cand.start)
    if at == 0:
        return None
    end, anchor = story.dated[at - 1]
    if anchor.granularity != "day" or not _RUN_TO.fullmatch(story.text, end, cand.start):
        return None
    return anchor.date


def _relative(cand: Candidate, story: Story) -> Resolved | None:
    age = generic_time(cand, story.doc) if cand.rule == "deictic" else None
    if age is not None:
        return age, "relative", None  # "today's youth": the present age, no calendar day
    direction = cand.parts.get("dir", "").lower()
    if cand.rule == "rel_unit" and cand.parts["unit"].lower() == "day" and \
            direction in ("last", "current", "coming"):
        return None  # "the last day of trading" names no point by itself
    refs = story.distal_refs() if direction.startswith("that") else story.refs
    value, anchor = relative_value(cand, story.published, refs, story.tense(cand))
    return value, "relative", anchor


def _shifted(cand: Candidate, story: Story) -> Resolved:
    """'six weeks earlier', 'two years ago'; in a story about a quarter, 'a year earlier' is that
    quarter a year before ("profit rose from 1.2 million a year earlier")."""
    p = cand.parts
    if _hypothetical(cand, story):
        return None, "relative", None
    compared = results_quarter(story)
    if compared is not None and p["unit"].lower() == "year" and number_value(p["n"]) == 1:
        year, q = compared
        return f"{year - 1:04d}-Q{q}", "relative", None
    return shifted_value(cand, story.published, story.refs), "relative", None


def _hypothetical(cand: Candidate, story: Story) -> bool:
    """'If the family fails to appeal within 14 days, the soonest he could leave would be seven days
    later': a shift counted from a day the sentence only supposes (a condition, no date of its own
    before the shift) has no day to count from; the story's last date is another time."""
    rel = (cand.parts.get("rel") or cand.parts.get("rel2") or "").lower()
    if rel in ("ago", "from now", "from today", "hence"):
        return False
    span = story.doc.char_span(cand.start, cand.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    sent = span.sent
    if not any(t.lower_ in ("if", "unless") and t.dep_ == "mark" for t in sent):
        return False
    at = bisect.bisect_left(story.starts, sent.start_char)
    return at == len(story.starts) or story.starts[at] >= cand.start


def _span(cand: Candidate, story: Story) -> Resolved:
    return unit_value(cand), "relative", None


_RESOLVERS: dict[str, Callable[[Candidate, Story], Resolved | None]] = {
    "iso": _full_date, "numeric": _full_date, "mdy": _full_date, "dmy": _full_date,
    "my": _month_year, "md": _month_day, "dm": _month_day, "week_of": _week_of,
    "season_year": season_year, "quarter": quarter, "half": half, "quarter_only": quarter_only,
    "month_rel_year": month_rel_year, "period_rel_year": period_rel_year,
    "weekday_of_month": weekday_of_month, "decade": decade, "decade_word": decade,
    "century": century, "spelled_year": spelled_year,
    "mod_year": _year_only, "year": _year_only, "range_year": _year_only, "prefix_year": _prefix_year,
    "second_day": _second_day,
    "mod_month": month_only, "rel_month": month_only, "prep_month": month_only, "attr_month": month_only,
    "deictic": _relative, "ref_word": _relative, "rel_unit": _relative, "over_weekend": _relative,
    "the_day_rel": _relative, "weekday": _weekday, "holiday": holiday, "season_only": season_only,
    "end_of": end_of, "n_ago": _shifted, "past_span": _span, "next_span": _span,
    "at_the_time": at_the_time, "the_year": the_year, "year_end": year_end, "quarter_ref": quarter_ref,
    "year_quarter": year_quarter,
}
