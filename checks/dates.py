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

from .date_grammar import Candidate, candidates
from .date_values import relative_value, shifted_value, unit_value
from .models import DateKind, DateMention
from .tense import tense_at
from .timex import SEASONS, Anchor, Tense, month_number

__all__ = ["find_dates"]

Resolved = tuple[str | None, DateKind, Anchor | None]

# Entity labels that say a number or a weekday word is not a date here.
_NOT_A_DATE = {"MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL", "ORG", "PERSON", "WORK_OF_ART",
               "FAC", "PRODUCT", "LAW"}
# Words before a bare year that make it a time ("in 2026", "since 1998") even when spaCy hesitates.
_YEAR_LEAD = {"in", "since", "by", "until", "till", "through", "before", "after", "from", "during",
              "fiscal", "early", "late", "mid", "around", "circa", "-"}
_NAMED_DAYS = {"black", "good", "super", "ash", "cyber", "bloody", "holy", "easter", "palm", "maundy"}
# A date up to this far on the "wrong" side of publication is trusted over the parsed tense.
_TENSE_OVERRIDE_DAYS = 45


@dataclass
class _Context:
    doc: Doc
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
        if self.ref is None or "\n" in self.doc.text[self.ref.start:start]:
            return None
        return self.ref


def find_dates(doc: Doc, published: dt.date | None) -> tuple[DateMention, ...]:
    """Every temporal expression in `doc`, in text order, with its TIMEX3 value and kind."""
    ctx = _Context(doc, published)
    found: list[DateMention] = []
    for cand in candidates(doc.text):
        if not _plausible(cand, doc):
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
        found.append(DateMention(doc.text[cand.start:cand.end], value, kind, cand.start, cand.end))
    return tuple(found)


def _modifier_year(cand: Candidate, doc: Doc) -> bool:
    """'the 2026 World Cup': a year that names an event does not set the story's time."""
    if cand.rule != "year":
        return False
    span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
    return span is not None and len(span) == 1 and span[0].head.i > span[0].i and span[0].head.pos_ in (
        "NOUN", "PROPN")


def _plausible(cand: Candidate, doc: Doc) -> bool:
    """spaCy's view of the words around a candidate: veto counts, names and verbs."""
    if cand.rule not in ("year", "prep_month", "weekday", "dm"):
        return True
    span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    first, last = span[0], span[-1]
    before = doc[first.i - 1] if first.i > 0 else None
    if cand.rule == "year":
        after = doc[first.i + 1] if first.i + 1 < len(doc) else None
        counted = after is not None and after.tag_ == "NNS"
        if counted and (first.ent_type_ != "DATE" or first.text.endswith("00")):
            return False  # "2000 troops" is a count; "1998 profits" is a year
        if before is not None and before.lower_ in _YEAR_LEAD:
            return first.ent_type_ not in ("MONEY", "PERCENT", "QUANTITY")
        if before is not None and before.pos_ == "PROPN" and first.ent_type_ != "DATE":
            return False  # "Flight 1549", "Windows 2000"
        return first.ent_type_ not in _NOT_A_DATE
    if cand.rule == "weekday":
        day = next(t for t in span if t.text in cand.parts.get("wd", ""))
        prev = doc[day.i - 1] if day.i > 0 else None
        return not ((prev is not None and prev.lower_ in _NAMED_DAYS) or day.ent_type_ in _NOT_A_DATE)
    # a month name alone: "May" the verb, "March" the noun after a preposition
    return last.pos_ not in ("VERB", "AUX") and last.ent_type_ not in ("PERSON", "ORG")


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
        return _nearest_year(ctx.published, month, day or 1, ctx.tense(cand))
    return ctx.ref.date.year if ctx.ref is not None else None


def _nearest_year(pub: dt.date, month: int, day: int, tense: Tense) -> int:
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
    if tense == "past" and gap > _TENSE_OVERRIDE_DAYS:
        best = max(d for d in options if d <= pub)
    elif tense == "future" and gap < -_TENSE_OVERRIDE_DAYS:
        best = min(d for d in options if d >= pub)
    return best.year


def _month_day(cand: Candidate, ctx: _Context) -> Resolved | None:
    month = month_number(cand.parts["mon"])
    day = int(cand.parts["day"])
    if month is None or day > calendar.monthrange(2000, month)[1]:  # 2000: a leap year allows Feb 29
        return None
    year = _year_for(month, day, cand, ctx)
    if year is None:
        return f"XXXX-{month:02d}-{day:02d}", "partial", None
    try:
        date = dt.date(year, month, day)
    except ValueError:
        return None
    return date.isoformat(), "partial", Anchor(date, "day")


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


def _season_year(cand: Candidate, ctx: _Context) -> Resolved:
    return f"{int(cand.parts['year']):04d}-{SEASONS[cand.parts['season'].lower()]}", "absolute", None


def _quarter(cand: Candidate, ctx: _Context) -> Resolved:
    q = cand.parts.get("q") or "1234"[["first", "second", "third", "fourth"].index(
        {"1st": "first", "2nd": "second", "3rd": "third", "4th": "fourth"}.get(
            cand.parts["ord"].lower(), cand.parts["ord"].lower()))]
    return f"{int(cand.parts['year']):04d}-Q{q}", "absolute", None


def _quarter_only(cand: Candidate, ctx: _Context) -> Resolved | None:
    """'the third quarter', 'last quarter': the publication's year (or the story's), by tense."""
    q = ["first", "second", "third", "fourth"].index(cand.parts["ord"].lower()) + 1
    direction = cand.parts.get("dir", "").lower()
    if ctx.published is not None and direction not in ("previous", "same"):
        # business news reports the quarter just closed or running, rarely one ahead
        pub = ctx.published
        current = (pub.month - 1) // 3 + 1
        year = pub.year if q <= current or direction in ("this", "current", "latest") else pub.year - 1
        year += {"last": -1 if q < current else 0, "next": 1}.get(direction, 0) if direction else 0
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


def _decade(cand: Candidate, ctx: _Context) -> Resolved:
    p = cand.parts
    if "dec" in p:
        return f"{p['dec']}X", "absolute", None
    if "dec2" in p:
        century = "20" if p["dec2"] in "012" else "19"
        return f"{century}{p['dec2']}X", "absolute", None
    digit = "23456789"[["twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties",
                        "nineties"].index(p["word"].lower())]
    return f"19{digit}X", "absolute", None


def _century(cand: Candidate, ctx: _Context) -> Resolved:
    return f"{int(cand.parts['ord']) - 1:02d}", "absolute", None


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
    "season_year": _season_year, "quarter": _quarter, "quarter_only": _quarter_only,
    "month_rel_year": _month_rel_year, "decade": _decade, "decade_word": _decade,
    "century": _century, "mod_year": _year_only, "year": _year_only,
    "mod_month": _month_only, "rel_month": _month_only, "prep_month": _month_only,
    "deictic": _relative, "ref_word": _relative, "rel_unit": _relative, "over_weekend": _relative,
    "the_day_rel": _relative, "weekday": _weekday, "n_ago": _shifted, "past_span": _span, "next_span": _span,
}
