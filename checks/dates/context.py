"""The story's time as the date finder reads it: what it has said so far, and who is speaking when.

`Story` keeps the reference times of HeidelTime's news rules: the publication date for deictic
words, the last date the text mentioned for anaphoric ones. It also knows the passages written at
another time (`checks.dates.documents`): inside a quoted e-mail dated March 3, 2008, "today" is
that day, so the publication date is swapped for the document's while such a passage is read.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from .documents import NEAR_NOUN, Quoted, dated_by, names_game, quoted_documents, spoke_after_game
from .grammar import Candidate, shared_year
from .tense import PLAN_VERBS, governing_verb, put_off_to, schedule_present, tense_at, under_infinitive
from .timex import Anchor, Granularity, Tense, month_number, nearest_year

__all__ = ["Story", "coarsen"]

# A document dated only by its year or month: the middle of that period stands in for "today".
_MID_YEAR = (7, 2)
_MID_MONTH = 15
_AS_OF = re.compile(r"\bas\s+(?:of|at)\s+$", re.I)
_AS_OF_CHARS = 8
# "a dividend payable Dec. 15 to holders of record Nov. 28", "a new office, effective Feb. 1": a term
# of the thing announced, not the time of the announcing verb, whose past tense does not put it behind
# publication.
_TERM_OF = re.compile(r"\b(?:payable|effective|due|of\s+record)\s+(?:on\s+|as\s+of\s+)?$", re.I)
_TERM_CHARS = 20
# "since Oct. 23", "since shortly after the Oct. 23 attack": a time already past, whatever the verb.
_SINCE = re.compile(r"\b[Ss]ince\s+(?:(?:shortly|just|soon|right|long)\s+)?(?:(?:after|before)\s+)?"
                    r"(?:the\s+)?$")
# "back in March", "back on May 3": a time the writer looks back to, whatever the verb's tense.
_BACK = re.compile(r"\bback\s+(?:(?:in|on|during|around)\s+)?$", re.I)
_BACK_CHARS = 16
# The prepositions that make a month after a past verb the verb's own time ("changed it in December").
_DURING = {"in", "during"}
# Quoted documents that may hold one position: a header block and a quotation inside it at most.
_OVERLAPPING = 3
# Bare months a narrative carries on ("by December", "in early March"), and what parts paragraphs.
_NARRATED = {"prep_month", "mod_month", "md", "dm"}
# Dates a schedule gives with a verb in the present ("stops there on July 22", "opens in March").
_SCHEDULED_DAYS = {"md", "dm", "prep_month"}
_PARAGRAPH_BREAK = re.compile(r"\n\s*")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_DAY_VALUE = re.compile(r"^(\d{4})-(\d\d)-\d\d|^(\d{4})-W\d\d")


@dataclass
class Story:
    doc: Doc
    text: str
    published: dt.date | None  # the publication date, or the quoted document's while reading it
    ref: Anchor | None = None  # the last date the text mentioned
    refs: dict[str, Anchor] = field(default_factory=dict)  # the last one at each granularity
    tenses: dict[int, Tense] = field(default_factory=dict)
    dated: list[tuple[int, Anchor]] = field(default_factory=list)  # every date so far, (end, anchor) by start
    starts: list[int] = field(default_factory=list)  # their starts, to find those near a document word
    documents: list[Quoted] = field(default_factory=list)
    document_starts: list[int] = field(default_factory=list)
    nouns: list[tuple[int, int]] = field(default_factory=list)  # every document word, in text order
    story_published: dt.date | None = None
    document: Anchor | None = None  # the date of the quoted document being read, if any
    quarter: tuple[int, int] | None = None  # the last quarter named: (year, quarter), while no date follows
    quarter_ahead: bool = False  # that quarter was named in a forecast ("will take a fourth-quarter charge")
    years: list[tuple[int, int, int]] = field(default_factory=list)  # every bare year: (start, end, year)
    listed: dict[int, int] = field(default_factory=dict)  # the year of each date in an announced list
    narrative: Anchor | None = None  # the last date with its year written, while it is the story's time
    narrated: int | None = None  # the start of the last month read against `narrative`

    @classmethod
    def of(cls, doc: Doc, text: str, published: dt.date | None) -> Story:
        documents = quoted_documents(text)
        return cls(doc, text, published, documents=documents, story_published=published,
                   document_starts=[q.start for q in documents],
                   nouns=sorted(noun for q in documents for noun in q.nouns))

    def tense(self, cand: Candidate) -> Tense:
        if cand.start not in self.tenses:
            lead = max(0, cand.start - _TERM_CHARS)
            if _TERM_OF.search(self.text, lead, cand.start):
                self.tenses[cand.start] = "present"
            elif _SINCE.search(self.text, lead, cand.start) or \
                    _BACK.search(self.text, max(0, cand.start - _BACK_CHARS), cand.start):
                self.tenses[cand.start] = "past"
            elif put_off_to(self.doc, cand.start, cand.end):
                self.tenses[cand.start] = "future"
            else:
                self.tenses[cand.start] = tense_at(self.doc, cand.start, cand.end)
        return self.tenses[cand.start]

    def year_for(
        self, month: int, day: int | None, cand: Candidate, tense: Tense | None = None
    ) -> int | None:
        """The year of a date written without one: the year its sentence states, else publication and
        tense (`tense` overrides the verb's), else the story's last year.

        "As of March 20" is a status on a day already past: the latest March 20 by publication."""
        listed = shared_year(self.text, cand.end)
        if listed is not None and (listed[1] is not None or day is not None):
            # "from December to February 2015": a span that runs over New Year starts the year before
            last = month_number(listed[1]) if listed[1] is not None else month
            return listed[0] - (1 if last is not None and month > last else 0)
        pub = self.published
        stated = self._stated_year(cand)
        if stated is not None and (pub is None or stated < pub.year):
            return stated
        told = self._narrative_year(month, day, cand)
        if told is not None:
            return told
        if pub is not None:
            if _AS_OF.search(self.text, max(0, cand.start - _AS_OF_CHARS), cand.start):
                return pub.year - (1 if (month, day or 1) > (pub.month, pub.day) else 0)
            year = nearest_year(pub, month, day or 1, tense or self._day_tense(cand))
            if day is None and (year, month) > (pub.year, pub.month) and self._leads_past_clause(cand):
                year -= 1  # "In December, the firm bid" in November: a month not yet begun is last year's
            return year
        return self.ref.date.year if self.ref is not None else None

    def _narrative_year(self, month: int, day: int | None, cand: Candidate) -> int | None:
        """'Visited his doctor in November 2016. ... But by December, they worsened': a bare month
        told in the past right after a written month and year (in its paragraph or the one before)
        goes on from it, as HeidelTime anchors a narrative's dates: the December nearest November
        2016, not the one nearest publication. Only a date that has begun by publication."""
        told, pub = self.narrative, self.published
        if cand.rule not in _NARRATED or told is None or pub is None or self.document is not None or \
                told.date > pub or len(_PARAGRAPH_BREAK.findall(self.text, told.start, cand.start)) > 1:
            return None
        if _SINCE.search(self.text, max(0, told.start - _TERM_CHARS), told.start):
            return None  # "duties since July 2013": where a stretch began, not the time the story tells
        if self.tense(cand) != "past" or (day is None and month == told.date.month):
            # "sold in October", right after "in October 2015": the written month's own name again is
            # the story's October, not a narrative going on from 2015
            return None
        base = told.date if told.granularity == "day" else told.date.replace(day=1)
        year = nearest_year(base, month, day or 1, "present")
        if (year, month, day or 1) > (pub.year, pub.month, pub.day if day else 1):
            return None
        self.narrated = cand.start
        return year

    def _day_tense(self, cand: Candidate) -> Tense:
        """The tense that places a date without a year. "Agreed to buy the unit in February": what
        a past verb agreed on may still lie ahead, so an infinitive's date is the nearest one (a
        weekday keeps the past: "lobbied for the league to act on Thursday" is the Thursday gone)."""
        tense = self.tense(cand)
        if tense == "past" and under_infinitive(self.doc, cand.start, cand.end) and \
                not _SINCE.search(self.text, max(0, cand.start - _TERM_CHARS), cand.start):
            return "present"
        if tense == "present" and cand.rule in _SCHEDULED_DAYS and self.document is None and \
                schedule_present(self.doc, cand.start, cand.end):
            return "future"  # "the tour stops at the arena on July 22", in November: next July
        return tense

    def _leads_past_clause(self, cand: Candidate) -> bool:
        """'In December, the firm bid ...', 'the firm changed its fiscal year in December': a month
        that is the time of a past-tense verb itself, put before it or after it with "in" or
        "during". A month hanging on a noun or an infinitive may be the time of a plan the verb
        reports ("told of a cutback in September", "decided to admit them in March"), and one after
        "until" or "to" a new date ("postponed the vote until December"): those can lie ahead."""
        span = self.doc.char_span(cand.start, cand.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return False
        prep = span.root.head
        verb = prep.head
        if prep.dep_ != "prep" or verb.tag_ != "VBD":
            return False
        # after the verb, "planned a vote in December" is a plan: its month may lie ahead
        return span.root.i < verb.i or (prep.lower_ in _DURING and verb.lemma_ not in PLAN_VERBS)

    def note_years(self, cands: list[Candidate]) -> None:
        """The bare years of the text ("in 2016", "the 2016 campaign"), for the dates around them."""
        self.years = [(c.start, c.end, int(c.parts["year"])) for c in cands if c.rule in ("year", "mod_year")]

    def _stated_year(self, cand: Candidate) -> int | None:
        """The year the sentence itself gives a date written without one: "fainted at a September 11
        commemoration during the 2016 campaign" is 2016's. The year must hang on the date's own verb
        or a verb above it, not on a clause of its own ("the firm, founded in 1998, said on March 3")."""
        span = self.doc.char_span(cand.start, cand.end, alignment_mode="expand")
        if span is None or len(span) == 0 or not self.years:
            return None
        sent = span.root.sent
        lo = bisect.bisect_left(self.years, (sent.start_char, 0, 0))
        hi = bisect.bisect_left(self.years, (sent.end_char, 0, 0))
        verb = governing_verb(span.root)
        found = set()
        for start, end, year in self.years[lo:hi]:
            token = self.doc.char_span(start, end, alignment_mode="expand")
            if token is None or len(token) == 0:
                continue
            other = governing_verb(token.root)
            while other is not None and other.dep_ == "xcomp":
                other = other.head  # "sought to make it an issue in 2016": the year is sought's
            if other == verb or (verb is not None and other is not None and _above(other, verb)):
                found.add(year)
        return found.pop() if len(found) == 1 else None

    def ref_near(self, start: int) -> Anchor | None:
        """The last mentioned date when it is in the same paragraph."""
        if self.ref is None or "\n" in self.text[self.ref.start:start]:
            return None
        return self.ref

    def distal_refs(self) -> dict[str, Anchor]:
        """The antecedents of "that year", "at the time": past mentions, not "today" (the present)."""
        return {g: a for g, a in self.refs.items() if not (g == "day" and a.date == self.published)}

    def remember(
        self, anchor: Anchor, start: int, end: int, *, sets_time: bool, written: bool = False
    ) -> None:
        """A resolved date: later anaphora hang on it; a year naming an event ("the 2026 World
        Cup") only answers "that year", it does not set the story's day or month. A `written` date
        (its year in the text, or a month read on from one) carries a narrative on."""
        placed = Anchor(anchor.date, anchor.granularity, start)
        self._place(end, placed)
        if sets_time:
            self.quarter = None
            self.ref = placed
            self.refs[anchor.granularity] = placed
            self.narrative = placed if written or self.narrated == start else None
        elif anchor.granularity == "year":
            self.refs["year"] = placed

    def enter(self, cand: Candidate) -> None:
        """Read `cand` against its quoted document's date when it sits inside one that has a date."""
        self.document = self._document_date(cand.start)
        if self.document is None:
            self.published = self.story_published
        elif self.document.granularity == "day":
            self.published = self.document.date
        elif self.document.granularity == "month":
            self.published = self.document.date.replace(day=_MID_MONTH)
        else:
            self.published = dt.date(self.document.date.year, *_MID_YEAR)

    def note_quarter(self, value: str | None, *, ahead: bool = False) -> None:
        """Remember '1989-Q3' as the quarter the story talks about (`ahead`: in a forecast)."""
        m = _QUARTER.match(value or "")
        if m is not None:
            self.quarter = (int(m[1]), int(m[2]))
            self.quarter_ahead = ahead

    def foresee(self, anchor: Anchor, start: int, end: int) -> None:
        """A document's date known before the text reaches it: it dates the document, nothing else."""
        self._place(end, Anchor(anchor.date, anchor.granularity, start))

    def dates_document(self, start: int, end: int) -> bool:
        """The date at start..end is a quoted document's own ("a letter dated March 3, 2008")."""
        lo = bisect.bisect_left(self.nouns, (start - NEAR_NOUN, 0))
        hi = bisect.bisect_right(self.nouns, (end + NEAR_NOUN, 0))
        return any(dated_by(self.text, noun, start, end) for noun in self.nouns[lo:hi])

    def _document_date(self, at: int) -> Anchor | None:
        last = bisect.bisect_right(self.document_starts, at)
        for quoted in reversed(self.documents[max(0, last - _OVERLAPPING):last]):
            if at < quoted.end:
                return self._date_of(quoted)
        return None

    def _place(self, end: int, anchor: Anchor) -> None:
        at = bisect.bisect_right(self.starts, anchor.start)
        self.starts.insert(at, anchor.start)
        self.dated.insert(at, (end, anchor))

    def _date_of(self, quoted: Quoted) -> Anchor | None:
        """The latest date attached to one of the document's words (only dates near them can be)."""
        lo = min(n[0] for n in quoted.nouns) - NEAR_NOUN
        hi = max(n[1] for n in quoted.nouns) + NEAR_NOUN
        near = self.dated[bisect.bisect_left(self.starts, lo):bisect.bisect_right(self.starts, hi)]
        for end, anchor in reversed(near):
            if any(dated_by(self.text, noun, anchor.start, end) for noun in quoted.nouns):
                return anchor
        return self._game_day(quoted)

    def _game_day(self, quoted: Quoted) -> Anchor | None:
        """The day of the game after which the story says the quotation's speaker spoke ("Lynn said
        after the game"): the day in that phrase ("after Monday night's loss"), else the day the
        story last gave the game by name before it ("after Monday night's loss to the Chiefs")."""
        spoke = spoke_after_game(self.text, quoted)
        if spoke is None:
            return None
        before = self.dated[:bisect.bisect_left(self.starts, spoke[1])]
        for end, anchor in reversed(before):
            if anchor.granularity == "day" and (anchor.start >= spoke[0] or names_game(self.text, end)):
                return anchor
        return None


def _above(verb: Token, below: Token) -> bool:
    """`verb` governs the clause of `below` ("after she was seen ..."), not merely a clause joined to
    it by "and" ("sales rose in 2016, and on March 3 the firm said"): that is another event."""
    token = below
    while token.head.i != token.i and token.dep_ != "conj":
        token = token.head
        if token == verb:
            return True
    return False


def coarsen(value: str | None, granularity: Granularity) -> str | None:
    """A value computed from a stand-in day cut to what the document's date really tells."""
    if value is None or granularity == "day":
        return value
    m = _DAY_VALUE.match(value)
    if m is None:
        return value
    year = m[1] or m[3]
    return f"{year}-{m[2]}" if granularity == "month" and m[2] else year
