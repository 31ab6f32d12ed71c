"""What the words around a date say of the act it dates, beyond the verb's tense.

Four readings the tense alone gets wrong on real pages:

- a weekday that dates a thing said ("his vow on Monday", "the minister's remarks on Tuesday") is
  the day it was said: it has been said by the time the story refers to it by name, whatever the
  tense of the clause the noun sits in ("voters back his vow on Monday to cut the levy");
- a weekday of a plan told in the past ("was set to dock on Saturday", "was due to arrive on
  Friday") is the day as planned, near the story's events, gone or still ahead: the nearest one,
  as for the verbs of intent; the past tense says when the plan stood, not when its day is;
- a date that is the time of a verb under "will" ("will play Denver on Sept. 12, with … the final
  date, Oct. 10") is ahead of the story, however near the same date last year is;
- a date in a clause that only describes a thing ("Pell, who died in 2010", "a paper written in
  1971", "Published in 1971, it…") is background: it is not the time the story is telling, so
  "at the time" after it may mean the story's time instead (`at_the_time`).
"""

from __future__ import annotations

import bisect

from spacy.tokens import Doc, Token

from ..models import DateKind
from .context import Story
from .grammar import Candidate
from .tense import PLAN_VERBS, governing_verb
from .timex import Anchor
from .values import latest

__all__ = ["at_the_time", "background", "past_plan", "said_on", "will_happen_on"]

# Things said: made when they are said, so a day naming one is behind the story that names it.
_SAID = frozenset({"vow", "pledge", "promise", "remark", "remarks", "comment", "comments", "statement",
                   "announcement", "speech", "address", "admission", "apology", "warning", "threat",
                   "claim", "denial", "assurance", "testimony", "declaration", "confession", "rebuke"})
# "his vow", "the remarks", "this statement": one act already known; "a statement on Monday" may be ahead.
_KNOWN = frozenset({"the", "this", "that", "these", "those"})
_AHEAD_AUX = frozenset({"will", "'ll", "\u2019ll", "shall", "wo", "would", "could", "might", "may",
                        "should", "must", "can", "ca"})
# "was set to dock", "was due to arrive", "was supposed to open": a plan as it stood.
_PLANNED = frozenset({"set", "due", "supposed", "poised", "slate", "slated"}) | PLAN_VERBS


def said_on(doc: Doc, start: int, end: int) -> bool:
    """The weekday at start..end dates a thing said, named as one already known ("his vow on
    Monday", "the governor's remarks Tuesday"), in a clause that does not look ahead: not "will
    deliver the speech on Monday", "his remarks on Monday could change that", "is expected to give
    the address on Monday"."""
    noun = _noun_dated(doc, start, end)
    if noun is None or (noun.lemma_.lower() not in _SAID and noun.lower_ not in _SAID):
        return False
    if not any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in _KNOWN) for c in noun.children):
        return False
    verb = governing_verb(noun)
    for _ in range(3):  # the verb and the verbs its infinitive hangs on ("is expected to give")
        if verb is None:
            return True
        if verb.lemma_ in PLAN_VERBS or any(c.dep_ in ("aux", "auxpass") and c.lower_ in _AHEAD_AUX
                                            for c in verb.children):
            return False
        if verb.dep_ != "xcomp" or verb.head == verb:
            return True
        verb = verb.head
    return True


def _noun_dated(doc: Doc, start: int, end: int) -> Token | None:
    """The noun a weekday modifies: 'vow' of 'his vow on Monday' or of 'his vow Monday'."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    token = span.root  # "on" when the span holds its preposition, else the weekday
    if token.dep_ == "pobj" and token.head.dep_ == "prep" and token.head.lower_ == "on":
        token = token.head
    elif not (token.dep_ == "npadvmod" or (token.dep_ == "prep" and token.lower_ == "on")):
        return None
    head = token.head
    return head if head.pos_ == "NOUN" and head != token else None


def past_plan(doc: Doc, start: int, end: int) -> bool:
    """The date at start..end is the time of an infinitive under a plan told in the past: "was set
    to dock on Saturday", "was due to arrive Friday", "were supposed to meet on Tuesday"."""
    span = doc.char_span(start, end, alignment_mode="expand")
    verb = governing_verb(span.root) if span is not None and len(span) else None
    if verb is None or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    above = verb.head
    if above == verb or (above.lower_ not in _PLANNED and above.lemma_.lower() not in _PLANNED):
        return False
    if above.pos_ == "ADJ":  # "was due to arrive": the copula holds the tense
        return above.dep_ == "acomp" and above.head.tag_ == "VBD"
    auxes = (c for c in above.children if c.dep_ in ("aux", "auxpass"))
    return above.tag_ == "VBD" or any(c.tag_ == "VBD" for c in auxes)


def background(doc: Doc, start: int, end: int) -> bool:
    """The date at start..end is in a clause that describes a thing, not the story's time: a
    relative clause ("Pell, who died in 2010"), a participle after a noun ("a paper written in
    1971") or one opening its sentence with no subject ("Published in 1971, it is still cited").
    A "when" clause ("When she joined the lab in 1961, …") tells the story's time and is not one."""
    span = doc.char_span(start, end, alignment_mode="expand")
    verb = governing_verb(span.root) if span is not None and len(span) else None
    if verb is None:
        return False
    if verb.dep_ in ("relcl", "acl"):
        return True
    return verb.dep_ == "advcl" and verb.tag_ == "VBN" and not any(
        c.dep_ in ("nsubj", "nsubjpass", "mark", "aux", "auxpass") for c in verb.children)


# How many dates back "at the time" looks for the story's own time past describing clauses.
_LOOK_BACK = 4
_WILL = frozenset({"will", "'ll", "\u2019ll", "shall"})
_WHEN_PREPS = frozenset({"on", "in", "during", "by"})


def will_happen_on(doc: Doc, start: int, end: int) -> bool:
    """The date at start..end is the time of a verb under "will" or "shall" itself, bare ("will
    play Denver Oct. 10") or after "on", "in", "during", "by" ("will close on Oct. 10"): not a
    noun's ("will appeal the Oct. 10 ruling"), nor a verb reached through others."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    token = span.root
    if token.dep_ == "pobj" and token.head.lower_ in _WHEN_PREPS:
        token = token.head
    elif not (token.dep_ == "npadvmod" or (token.dep_ == "prep" and token.lower_ in _WHEN_PREPS)):
        return False
    verb = token.head
    return verb.pos_ in ("VERB", "AUX") and any(c.dep_ == "aux" and c.lower_ in _WILL for c in verb.children)


def at_the_time(cand: Candidate, story: Story) -> tuple[str | None, DateKind, None]:
    """'at the time': the last date the story mentioned, at its own granularity; vague without one.

    A date in a clause that only describes a thing ("Pell, who died in 2010", "Published in 1971,
    the paper…") may not be the time meant: when the story's last date outside such clauses names
    another time ("In the fall of 2019, Ruiz reread the paper"), the two disagree and "at the time"
    gets no value rather than a guess."""
    ref = latest(story.distal_refs())
    if ref is None:
        return "PAST_REF", "relative", None
    told = _told_before(story, ref)
    if told is not None and not (told.value().startswith(ref.value()) or
                                 ref.value().startswith(told.value())):
        return None, "relative", None  # "2019" and "2019-10" agree; "2019" and "1971" do not
    return ref.value(), "relative", None


def _told_before(story: Story, ref: Anchor) -> Anchor | None:
    """The last date before `ref` outside a describing clause, when `ref` is in one (else None)."""
    at = bisect.bisect_left(story.starts, ref.start)
    if at >= len(story.dated) or story.starts[at] != ref.start or \
            not background(story.doc, ref.start, story.dated[at][0]):
        return None
    for end, anchor in reversed(story.dated[max(0, at - _LOOK_BACK):at]):
        if anchor.granularity in ("day", "month", "year") and anchor.date != story.published and \
                not background(story.doc, anchor.start, end):
            return anchor
    return None
