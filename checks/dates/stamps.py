"""The page's own lines about itself, whose dates are not the story's time.

A story republished from another outlet ("This article originally appeared on VICE US") tells its
days from the original's publication, not from the day it was published again: "yesterday" in it
is the day before the original. A date on that line ("This story was first published on March 3,
2025") is the original's, and stands in for the publication date; without one the original day is
unknown, so nothing is placed from the publication date (its "yesterday" gets no value rather than
the day before the republication).

An update stamp ("Updated Jan. 5, 2025, 4:10 p.m.", "Published Dec. 20 | Last updated Jan. 5") dates
the page's last edit: it is listed, but later anaphora ("that day", "the next day") and dates without
a year do not hang on it."""

from __future__ import annotations

import datetime as dt
import re

from .grammar import Candidate
from .timex import written_day

__all__ = ["edit_stamp", "original_publication"]

# The page's own line about where the story first ran, at the head of its line (after a mark such as
# "*" or "("): "This article originally appeared on …", "A version of this story was first published
# in …", "This piece is republished from The Conversation". Not "the novel, first published in 1851".
_REPUBLISHED = re.compile(
    r"^[^\S\n]*[*_(\[\u2014-]?[^\S\n]*(?:(?:a\s+)?(?:version\s+of\s+)?this\s+(?:article|story|piece|"
    r"post|essay|column|report|interview|op-ed)\s+(?:was\s+|is\s+|has\s+been\s+)?(?:originally|first)\s+"
    r"(?:appeared|published|ran|posted)\b|(?:this\s+(?:article|story|piece|post|essay)\s+)?"
    r"(?:is|was|has\s+been)\s+republished\s+(?:from|with)\b)", re.I | re.M)
_FULL_DATES = ("iso", "mdy", "dmy")
# The label of an update stamp right before its date, at the head of its line or after the
# publication stamp's separator: "Updated", "UPDATED:", "Last modified on", "Correction added".
_EDIT_LABEL = re.compile(
    r"^[^\S\n]*[*(\[]*[^\S\n]*(?:[^\n|\u2022\u00b7]{0,60}[|\u2022\u00b7][^\S\n]*)?(?:last\s+)?"
    r"(?:updated|modified|revised|corrected|correction\s+(?:added|appended))(?:\s+(?:on|at))?"
    r"[^\S\n]*[:\u2013\u2014-]?[^\S\n]*$", re.I)
_LABEL_CHARS = 100


def original_publication(text: str, cands: list[Candidate], published: dt.date | None) -> dt.date | None:
    """The day the story's days are told from: the original's day when the story says it was
    republished (None when that line gives no date), else `published`."""
    if published is None or ("publish" not in text and "appeared" not in text):
        return published
    m = _REPUBLISHED.search(text)
    if m is None:
        return published
    end = text.find("\n", m.end())
    end = len(text) if end < 0 else end
    for cand in cands:
        if m.start() <= cand.start < end and cand.rule in _FULL_DATES:
            day = written_day(cand.rule, cand.parts)
            if day is not None:
                return day if day <= published else None
    return None


def edit_stamp(text: str, start: int) -> bool:
    """The date at `start` is the page's update stamp ("Updated Jan. 5, 2025"), not a time of the story."""
    line = text.rfind("\n", max(0, start - _LABEL_CHARS), start) + 1
    if line == 0 and start > _LABEL_CHARS:
        return False  # no line break near: the date is deep in a paragraph
    return _EDIT_LABEL.match(text[line:start]) is not None
