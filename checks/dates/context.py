"""The story's time as the date finder reads it: what it has said so far, and who is speaking when.

`Story` keeps the reference times of HeidelTime's news rules: the publication date for deictic
words, the last date the text mentioned for anaphoric ones. It also knows the passages written at
another time (`checks.dates.documents`): inside a quoted e-mail dated March 3, 2008, "today" is
that day, so the publication date is swapped for the document's while such a passage is read.
The year of a date written without one is chosen from this state in `checks.dates.yearless`.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field

from spacy.tokens import Doc

from .documents import NEAR_NOUN, Quoted, dated_by, names_game, quoted_documents, spoke_after_game
from .grammar import Candidate
from .tense import put_off_to, tense_at
from .timex import Anchor, Granularity, Tense

__all__ = ["Story", "after_since", "coarsen", "update_day"]

# A page updated this many days after publication may speak of its update day; later, it is a new story.
_UPDATE_DAYS = 7
# A document dated only by its year or month: the middle of that period stands in for "today".
_MID_YEAR = (7, 2)
_MID_MONTH = 15
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
# Quoted documents that may hold one position: a header block and a quotation inside it at most.
_OVERLAPPING = 3
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_DAY_VALUE = re.compile(r"^(\d{4})-(\d\d)-\d\d|^(\d{4})-W\d\d")
# The granularities a date of each one covers: once the story names a month, its days are unnamed.
_FINER: dict[str, tuple[str, ...]] = {"day": (), "month": ("day",), "year": ("day", "month")}


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
    reported: tuple[int, int] | None = None  # the last quarter named outside a forecast, as `quarter`
    years: list[tuple[int, int, int]] = field(default_factory=list)  # every bare year: (start, end, year)
    listed: dict[int, int] = field(default_factory=dict)  # the year of each date in an announced list
    narrative: Anchor | None = None  # the last date with its year written, while it is the story's time
    narrated: int | None = None  # the start of the last month read against `narrative`
    updated: dt.date | None = None  # the page's update day, within a week after publication (`update_day`)

    @classmethod
    def of(cls, doc: Doc, text: str, published: dt.date | None, updated: dt.date | None = None) -> Story:
        documents = quoted_documents(text)
        return cls(doc, text, published, documents=documents, story_published=published,
                   updated=update_day(published, updated),
                   document_starts=[q.start for q in documents],
                   nouns=sorted(noun for q in documents for noun in q.nouns))

    def tense(self, cand: Candidate) -> Tense:
        if cand.start not in self.tenses:
            lead = max(0, cand.start - _TERM_CHARS)
            if _TERM_OF.search(self.text, lead, cand.start):
                self.tenses[cand.start] = "present"
            elif after_since(self.text, cand.start) or \
                    _BACK.search(self.text, max(0, cand.start - _BACK_CHARS), cand.start):
                self.tenses[cand.start] = "past"
            elif put_off_to(self.doc, cand.start, cand.end):
                self.tenses[cand.start] = "future"
            else:
                self.tenses[cand.start] = tense_at(self.doc, cand.start, cand.end)
        return self.tenses[cand.start]

    def note_years(self, cands: list[Candidate]) -> None:
        """The bare years of the text ("in 2016", "the 2016 campaign"), for the dates around them."""
        self.years = [(c.start, c.end, int(c.parts["year"])) for c in cands if c.rule in ("year", "mod_year")]

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
            self.quarter = self.reported = None
            self.ref = placed
            self.refs[anchor.granularity] = placed
            # "killed on Feb. 4 ... most recently last October ... crossed out that same day": once
            # the story's time moves to a whole month or year, "that day" or "the next day" is a day
            # in it the text does not name, no longer the day told before it
            for finer in _FINER[anchor.granularity]:
                self.refs.pop(finer, None)
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
            if not ahead:
                self.reported = self.quarter

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


def update_day(published: dt.date | None, updated: dt.date | None) -> dt.date | None:
    """The day a page was updated, when that is within a week after its publication (else None)."""
    if published is None or updated is None:
        return None
    return updated if published < updated <= published + dt.timedelta(days=_UPDATE_DAYS) else None


def after_since(text: str, at: int) -> bool:
    """The date at `at` follows "since" ("since Oct. 23", "since shortly after the Oct. 23 attack"):
    where a stretch began, a time already past whatever the verb."""
    return _SINCE.search(text, max(0, at - _TERM_CHARS), at) is not None


def coarsen(value: str | None, granularity: Granularity) -> str | None:
    """A value computed from a stand-in day cut to what the document's date really tells."""
    if value is None or granularity == "day":
        return value
    m = _DAY_VALUE.match(value)
    if m is None:
        return value
    year = m[1] or m[3]
    return f"{year}-{m[2]}" if granularity == "month" and m[2] else year
