"""Signals about the dates a story rests on: weekdays that do not fit, dates after
publication, dates that contradict each other, one phrase read as two dates, and stories with
no absolute date."""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import itertools
import re
from collections.abc import Iterator

from ..models import DateMention, Report, Signal
from .context import update_day
from .documents import Quoted, dated_documents, quoted_documents
from .stamps import edit_stamp
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
# A date that names a scheduled event ("the Dec. 12, 2026 election", "the March 3 vote") is a plan.
_EVENT_AFTER = re.compile(
    r"[,\s]+(?:(?!(?:to|and|or|in|on|at|for|with|by|from|after|before|when|as)\b)[\w'\u2019-]+\s+)?"
    r"(?:elections?|votes?|primary|primaries|caucus(?:es)?|referendum|runoffs?|"
    r"ballots?|debates?|hearings?|trials?|summit|meetings?|deadline|launch|match|games?|races?|opening|"
    r"premiere|release|conference|convention|inauguration|ceremony|rally|auction|tournament|final)\b", re.I)
# Right before or after a date whose year was inferred, a past-tense verb makes a date after
# publication a slip ("met on May 9" in a May 8 story); without one it reads as ahead ("on Election Day").
_PAST = (r"(?:was|were|had|did|met|said|told|held|took|went|came|won|lost|died|fell|rose|began|left|ran|"
         r"[a-z]{3,}ed)")
_PAST_BEFORE = re.compile(rf"\b{_PAST}\s+(?:(?:on|in|at|by|since|from|until)\s+)?$")
_PAST_AFTER = re.compile(rf",?\s+(?:(?:the|a|an|its|his|her|their)\s+)?(?:[\w'\u2019-]+\s+){{0,2}}{_PAST}\b")
# A page's own correction, update or clarification line is dated after publication by nature:
# "Correction added Nov. 18, 2019: ...", "UPDATED: Tue., Nov. 19", "This story was updated on ...".
# A label at the head of its line, with a colon or a dash close behind; or the sentence that says so.
_EDITORIAL_LINE = re.compile(
    r"[^\S\n]*[*(\[]*[^\S\n]*(?:(?:(?:an?|the)\s+)?(?:earlier\s+)?(?:corrections?|corrected|clarifications?|"
    r"clarified|updates?|updated|editor['\u2019]s\s+note)\b[^\n:\u2014\u2013]{0,40}[:\u2014\u2013]|"
    r"(?:this|the|an\s+earlier)\s+(?:version\s+of\s+this\s+)?(?:story|article|post|report|piece)\s+"
    r"(?:was|has\s+been|had\s+been|is)\s+(?:updated|corrected|amended|clarified)\b)", re.I)
# "today", "tomorrow" inside a quotation are the day the words were spoken, which a quotation told in
# the past ("she said") without a day may not share with the publication date.
_DAY_WORD = re.compile(r"(?:today|tonight|tomorrow|yesterday)\b", re.I)
_DAY_OFFSETS = {"today": 0, "tonight": 0, "tomorrow": 1, "yesterday": -1}
_PAST_SPEECH = {"said", "told", "added", "wrote", "stated", "declared", "announced", "tweeted", "insisted",
                "warned", "explained", "testified", "remarked"}
_PRESENT_SPEECH = {"says", "tells", "adds", "writes"}
# Phrases that hang on the story's last date, not on publication: two values are expected there
# ("for the year" is the year of the paragraph's last date).
_ANAPHORIC = re.compile(r"\b(?:later|earlier|before|after|following|previous|prior|same|that|then|"
                        r"the time|next day|the (?:(?:full|fiscal|whole|entire|calendar) )*year)\b", re.I)


def date_signals(report: Report, text: str) -> Iterator[Signal]:
    published = report.article.published
    if isinstance(published, dt.datetime):
        published = published.date()
    dates = report.dates
    yield from _weekday_mismatches(dates)
    if published is not None:
        yield from _after_publication(dates, published, text, update_day(published, report.article.updated))
    yield from _conflicts(dates)
    # the story's quoted documents, and those that carry their own date, found once for both signals
    documents = quoted_documents(text)
    dated = dated_documents(text, [(d.start, d.end) for d in dates], documents)
    yield from _phrase_read_twice(dates, dated, text)
    if published is not None:
        # only a day dates a quotation's "today": one said "in a speech last week" was said on a day
        # the story does not give, and its "today" still came from the publication date
        by_day = dated_documents(text, [(d.start, d.end) for d in dates if day_of(d) is not None], documents)
        yield from _quoted_day_assumed(dates, text, published, documents, by_day)
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


def _after_publication(dates: tuple[DateMention, ...], published: dt.date, text: str,
                       updated: dt.date | None = None) -> Iterator[Signal]:
    # A story comes back to the day of an event ahead ("the Oscars on Feb. 9") once it has said
    # the event is ahead: a day read as a plan in one sentence is that plan in the others too.
    # Relative dates are computed from the publication date: after it only when the text says so.
    # A page updated after publication may speak of the days up to its update (a post it embeds,
    # signed the day after): those are not after the text it is.
    last = updated or published
    ahead = [(m, day) for m in dates
             if m.kind != "relative" and (day := day_of(m)) is not None and day > last]
    planned = {day for m, day in ahead if _planned(m, text)}
    for mention, day in ahead:
        if day in planned or _in_editorial_line(text, mention.start) or edit_stamp(text, mention.start):
            continue
        sentence, left = _sentence(text, mention.start, mention.end)
        if mention.kind == "partial" and not _past_near(sentence, mention.start - left, mention.end - left):
            continue  # the year is ours, chosen by the tense: a date ahead is what the text meant
        yield Signal("date_after_publication", "warn",
                     f"'{mention.text}' ({_spoken(day)}) is after the publication date "
                     f"({_spoken(published)}) and the sentence does not read as a plan or forecast",
                     mention.start, mention.end)


def _planned(mention: DateMention, text: str) -> bool:
    """The sentence of `mention` reads as a plan or a forecast, or the date names a scheduled event."""
    sentence, _ = _sentence(text, mention.start, mention.end)
    return _FUTURE_CUE.search(sentence) is not None or _EVENT_AFTER.match(text, mention.end) is not None


def _in_editorial_line(text: str, at: int) -> bool:
    """The date stands in the page's own correction or update line ("Correction added Nov. 18, 2019:")."""
    line = text.rfind("\n", 0, at) + 1
    return _EDITORIAL_LINE.match(text, line) is not None


def _quoted_day_assumed(dates: tuple[DateMention, ...], text: str, published: dt.date,
                        documents: list[Quoted], dated: list[Quoted]) -> Iterator[Signal]:
    """'"We sign today," the union leader said.': the quotation was spoken on a day the story does not
    give, so its "today" was read as the publication date, and may be the day before or earlier.

    A quotation whose attribution gives its day ("said Tuesday") is read from that day and is left
    out, and so is one told in the present ("says"): its words are the story's own time."""
    # only the day words that were read from the publication date: one read from the day the story
    # gives its speaker ("said after Monday night's game") says nothing was assumed
    days = [d for d in dates if d.kind == "relative" and _DAY_WORD.fullmatch(d.text)
            and day_of(d) == published + dt.timedelta(days=_DAY_OFFSETS[d.text.lower()])]
    if not days:
        return
    own_date = {(q.start, q.end) for q in dated}
    for quoted in documents:
        if (quoted.start, quoted.end) in own_date or not _told_in_the_past(quoted, text):
            continue
        inside = [d for d in days if quoted.start <= d.start and d.end <= quoted.end]
        if not inside:
            continue
        first = inside[0]
        yield Signal("quoted_day_assumed", "info",
                     f"'{first.text}' is inside a quotation that does not say when it was spoken: it was "
                     f"read from the publication date ({_spoken(published)}), which may not be the day "
                     "the words were said", first.start, first.end,
                     spans=tuple((d.start, d.end) for d in inside))


def _told_in_the_past(quoted: Quoted, text: str) -> bool:
    """The quotation's attribution is told in the past ("she said"), not the present ("she says")."""
    words = {text[start:end].lower() for start, end in quoted.nouns}
    return bool(words & _PAST_SPEECH) and not words & _PRESENT_SPEECH


def _sentence(text: str, start: int, end: int) -> tuple[str, int]:
    """The sentence around start..end, and where it starts."""
    left = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
    right = _SENTENCE_END.search(text, end)
    return text[left:right.start() if right else len(text)], left


def _past_near(sentence: str, start: int, end: int) -> bool:
    return _PAST_BEFORE.search(sentence[:start]) is not None or _PAST_AFTER.match(sentence, end) is not None


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


# "25" of "April 24 and 25": the words borrow their month from the day before, and name no date alone.
_BARE_DAY = re.compile(r"\d{1,2}(?:st|nd|rd|th)?(?:,\s*\d{4})?$")


def _phrase_read_twice(dates: tuple[DateMention, ...], dated: list[Quoted], text: str) -> Iterator[Signal]:
    """'Thursday night' read as two different days in one story: one reading is probably wrong.

    Phrases that hang on the story's last date ("the next day", "two days later") and dates
    inside a quoted document with its own date (an e-mail's "today") may differ, and are left out;
    so does a named day read in different years the story writes ("Election Day" of "the 2012
    election" and of "the 2020 race"): each reading follows a year the text gives."""
    groups: dict[str, list[DateMention]] = {}
    elsewhere = _inside(dates, dated)
    for mention in dates:
        if mention.kind == "absolute" or mention.value is None or mention.value.startswith("P") or \
                _ANAPHORIC.search(mention.text) or mention.start in elsewhere or \
                _BARE_DAY.match(mention.text):
            continue
        groups.setdefault(_phrase_key(mention.text), []).append(mention)
    for same in groups.values():
        values = list(dict.fromkeys(m.value for m in same))
        if len(values) < 2 or (not _WEEKDAY_WORD.search(same[0].text) and _years_written(values, text)):
            continue
        first = same[0]
        yield Signal("date_phrase_conflict", "info",
                     f"'{first.text}' is read as {len(values)} different dates in this story "
                     f"({', '.join(_spoken_value(v) for v in values)}): check which day each mention means",
                     first.start, first.end, spans=tuple((m.start, m.end) for m in same))


def _years_written(values: list[str | None], text: str) -> bool:
    """Each value is in another year, and the story writes every one of those years."""
    years = {(v or "")[:4] for v in values}
    return len(years) == len(values) and all(y.isdigit() and re.search(rf"\b{y}\b", text) for y in years)


def _spoken_value(value: str | None) -> str:
    m = _DAY_VALUE.match(value or "")
    if m is None:
        return value or "?"
    try:
        return _spoken(dt.date(int(m[1]), int(m[2]), int(m[3])))
    except ValueError:
        return value or "?"


def _phrase_key(phrase: str) -> str:
    words = phrase.casefold().split()
    return " ".join(words[1:] if len(words) > 1 and words[0] in ("on", "by", "since", "until") else words)


def _inside(dates: tuple[DateMention, ...], dated: list[Quoted]) -> set[int]:
    """Starts of the dates inside a quoted document that carries its own date."""
    starts = [d.start for d in dates]
    inside: set[int] = set()
    for quoted in dated:
        inside.update(starts[bisect.bisect_left(starts, quoted.start):bisect.bisect_left(starts, quoted.end)])
    return inside


def _slack(text: str) -> int:
    """Days a counted shift may be off and still be a fair round figure ('six weeks' for 40 days)."""
    lowered = text.lower()
    days = next((n for unit, n in _UNIT_SLACK if unit in lowered), 0)
    return days * 2 if _HEDGE.search(lowered) else days


def _no_absolute_date(dates: tuple[DateMention, ...], published: dt.date | None) -> Signal | None:
    """A story that tells of an event ('on Tuesday', 'today') without ever giving its date."""
    if any(d.kind == "absolute" for d in dates):
        return None
    # with a publication date, an anaphor left without a value ("that day") was placed from nothing
    events = [d for d in dates if d.value not in _REF_VALUES and not (d.value or "").startswith("P")
              and (published is None or d.value is not None)]
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
