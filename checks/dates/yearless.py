"""The year of a date written without one: "on March 3", "by December", "the May figures".

The sentence may state it ("a September 11 commemoration during the 2016 campaign"), a narrative
may carry it on from a month written with its year ("in November 2016 ... by December"); else the
publication date and the tense of the date's verb decide, as HeidelTime does for news: the nearest
such date, the one gone when the verb is past, the one ahead when it is future.
"""

from __future__ import annotations

import bisect
import re

from spacy.tokens import Token

from .acts import will_happen_on
from .context import Story, after_since
from .grammar import Candidate, shared_year
from .tense import PLAN_VERBS, governing_verb, schedule_present, under_infinitive
from .timex import Tense, month_number, nearest_year

__all__ = ["year_for"]

# "As of March 20": a status on a day already past, whatever the verb.
_AS_OF = re.compile(r"\bas\s+(?:of|at)\s+$", re.I)
_AS_OF_CHARS = 8
# The prepositions that make a month after a past verb the verb's own time ("changed it in December").
_DURING = {"in", "during"}
# Bare months a narrative carries on ("by December", "in early March"), and what parts paragraphs.
_NARRATED = {"prep_month", "mod_month", "md", "dm"}
# Dates a schedule gives with a verb in the present ("stops there on July 22", "opens in March").
_SCHEDULED_DAYS = {"md", "dm", "prep_month"}
# How far ahead (in months) the infinitive of a past verb may still place a plan ("agreed to buy the
# unit in February", in October, is next February; "decided to reopen it in May", in November, is May gone).
_PLAN_MONTHS = 5
_PARAGRAPH_BREAK = re.compile(r"\n\s*")


def year_for(
    story: Story, month: int, day: int | None, cand: Candidate, tense: Tense | None = None
) -> int | None:
    """The year of a date written without one: the year its sentence states, else publication and
    tense (`tense` overrides the verb's), else the story's last year.

    "As of March 20" is a status on a day already past: the latest March 20 by publication."""
    listed = shared_year(story.text, cand.end)
    if listed is not None and (listed[1] is not None or day is not None):
        # "from December to February 2015": a span that runs over New Year starts the year before
        last = month_number(listed[1]) if listed[1] is not None else month
        return listed[0] - (1 if last is not None and month > last else 0)
    pub = story.published
    stated = _stated_year(story, cand)
    if stated is not None and (pub is None or stated < pub.year):
        return stated
    told = _narrative_year(story, month, day, cand)
    if told is not None:
        return told
    if pub is not None:
        if _AS_OF.search(story.text, max(0, cand.start - _AS_OF_CHARS), cand.start):
            return pub.year - (1 if (month, day or 1) > (pub.month, pub.day) else 0)
        verb_tense = tense or _day_tense(story, cand)
        year = nearest_year(pub, month, day or 1, verb_tense)
        if day is None and (year, month) > (pub.year, pub.month) and _leads_past_clause(story, cand):
            year -= 1  # "In December, the firm bid" in November: a month not yet begun is last year's
        elif day is None and tense is None and verb_tense == "present" and story.tense(cand) == "past" and \
                (year - pub.year) * 12 + month - pub.month >= _PLAN_MONTHS:
            # "decided to reopen the case in May", in November: a plan a past verb reports is for the
            # months just ahead; half a year on, the May gone is the likelier. A day ("agreed to sign
            # on May 16") is the precision of a plan, and keeps the nearest year
            year -= 1
        elif verb_tense == "future" and (year, month, day or 31) < (pub.year, pub.month, pub.day) and \
                will_happen_on(story.doc, cand.start, cand.end):
            year += 1  # "will play Denver Oct. 10", in November: the one ahead, however near the one gone
        return year
    return story.ref.date.year if story.ref is not None else None


def _narrative_year(story: Story, month: int, day: int | None, cand: Candidate) -> int | None:
    """'Visited his doctor in November 2016. ... But by December, they worsened': a bare month
    told in the past right after a written month and year (in its paragraph or the one before)
    goes on from it, as HeidelTime anchors a narrative's dates: the December nearest November
    2016, not the one nearest publication. Only a date that has begun by publication."""
    told, pub = story.narrative, story.published
    if cand.rule not in _NARRATED or told is None or pub is None or story.document is not None or \
            told.date > pub or len(_PARAGRAPH_BREAK.findall(story.text, told.start, cand.start)) > 1:
        return None
    if after_since(story.text, told.start):
        return None  # "duties since July 2013": where a stretch began, not the time the story tells
    if story.tense(cand) != "past" or (day is None and month == told.date.month):
        # "sold in October", right after "in October 2015": the written month's own name again is
        # the story's October, not a narrative going on from 2015
        return None
    base = told.date if told.granularity == "day" else told.date.replace(day=1)
    year = nearest_year(base, month, day or 1, "present")
    if (year, month, day or 1) > (pub.year, pub.month, pub.day if day else 1):
        return None
    story.narrated = cand.start
    return year


def _day_tense(story: Story, cand: Candidate) -> Tense:
    """The tense that places a date without a year. "Agreed to buy the unit in February": what
    a past verb agreed on may still lie ahead, so an infinitive's date is the nearest one (a
    weekday keeps the past: "lobbied for the league to act on Thursday" is the Thursday gone)."""
    tense = story.tense(cand)
    if tense == "past" and under_infinitive(story.doc, cand.start, cand.end) and \
            not after_since(story.text, cand.start):
        return "present"
    if tense == "present" and cand.rule in _SCHEDULED_DAYS and story.document is None and \
            schedule_present(story.doc, cand.start, cand.end):
        return "future"  # "the tour stops at the arena on July 22", in November: next July
    return tense


def _leads_past_clause(story: Story, cand: Candidate) -> bool:
    """'In December, the firm bid ...', 'the firm changed its fiscal year in December': a month
    that is the time of a past-tense verb itself, put before it or after it with "in" or
    "during". A month hanging on a noun or an infinitive may be the time of a plan the verb
    reports ("told of a cutback in September", "decided to admit them in March"), and one after
    "until" or "to" a new date ("postponed the vote until December"): those can lie ahead."""
    span = story.doc.char_span(cand.start, cand.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    prep = span.root.head
    verb = prep.head
    if prep.dep_ != "prep" or verb.tag_ != "VBD":
        return False
    # after the verb, "planned a vote in December" is a plan: its month may lie ahead
    return span.root.i < verb.i or (prep.lower_ in _DURING and verb.lemma_ not in PLAN_VERBS)


def _stated_year(story: Story, cand: Candidate) -> int | None:
    """The year the sentence itself gives a date written without one: "fainted at a September 11
    commemoration during the 2016 campaign" is 2016's. The year must hang on the date's own verb
    or a verb above it, not on a clause of its own ("the firm, founded in 1998, said on March 3")."""
    span = story.doc.char_span(cand.start, cand.end, alignment_mode="expand")
    if span is None or len(span) == 0 or not story.years:
        return None
    sent = span.root.sent
    lo = bisect.bisect_left(story.years, (sent.start_char, 0, 0))
    hi = bisect.bisect_left(story.years, (sent.end_char, 0, 0))
    verb = governing_verb(span.root)
    found = set()
    for start, end, year in story.years[lo:hi]:
        token = story.doc.char_span(start, end, alignment_mode="expand")
        if token is None or len(token) == 0:
            continue
        other = governing_verb(token.root)
        while other is not None and other.dep_ == "xcomp":
            other = other.head  # "sought to make it an issue in 2016": the year is sought's
        if other == verb or (verb is not None and other is not None and _above(other, verb)):
            found.add(year)
    return found.pop() if len(found) == 1 else None


def _above(verb: Token, below: Token) -> bool:
    """`verb` governs the clause of `below` ("after she was seen ..."), not merely a clause joined to
    it by "and" ("sales rose in 2016, and on March 3 the firm said"): that is another event."""
    token = below
    while token.head.i != token.i and token.dep_ != "conj":
        token = token.head
        if token == verb:
            return True
    return False
