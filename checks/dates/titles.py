"""A year that is part of a title: "Farming Simulator 2019", "Football Manager 2020", "2001: A Space
Odyssey".

A product or a game named with its year names no time. The sign is a run of capitalised words
right before the year, with no preposition or month between ("in 2019", "since May 2019" are
times): two words or more ("Windows Server 2019"), or one word when the year's item sits in a
list of such titles ("Football Manager 2020, Grid 2019 and Just Dance 2020"). A single name with
its year ("Election 2020", "Vision 2030", "Expo 2020") may be an event of that year and stays a
date, and so does a name ending in a word of time or of an event ("Fiscal Year 2019", "World Cup
2022", "Memorial Day 2020"). A year that is the whole of a quoted title right after a work noun
(`the film “1917,”`) is that work's title.
"""

from __future__ import annotations

import re

from ..works import WORK_NOUNS
from .grammar import Candidate
from .timex import MONTHS

__all__ = ["titled_year"]

# Capitalised words that make the year a time, not part of a title.
_TIME_WORDS = {
    "Year", "Fiscal", "FY", "Class", "Season", "Day", "Eve", "Week", "Weekend", "Spring", "Summer", "Fall",
    "Autumn", "Winter", "Quarter", "Half", "Term", "Session", "Budget", "Census", "Election", "Elections",
    "Olympics", "Olympic", "Games", "Cup", "Championship", "Championships", "Expo", "Summit",
    "Conference", "Festival", "Awards", "Open", "Marathon", "Series", "Tour", "Fair", "Show", "Vision",
    "Agenda", "Plan", "Strategy", "Convention", "Forum", "Race", "Campaign", "Primary", "Caucus",
    "Since", "In", "By",
    "Until", "Through", "Before", "After", "From", "During", "Of", "The", "A", "An", "And", "Or",
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
} | set(MONTHS) | {m + "." for m in MONTHS}
_WORD = r"[A-Z][\w'\u2019&:.+-]*"
# The title words right before a year: up to four capitalised words, each followed by one space.
_NAME_BEFORE = re.compile(rf"((?:{_WORD} )+)$")
# An item of a list of titles: a capitalised name and its year, between list separators.
_ITEM = re.compile(rf"(?:^|,\s+|;\s+|\band\s+|\bor\s+|:\s+)((?:{_WORD} )+)(?:19|20)\d\d"
                   r"(?=\s*(?:,|;|\band\b|\bor\b|\)|\.|$))")
# "2001: A Space Odyssey": a colon and two capitalised words (or an article and one) after the year.
_TITLE_AFTER = re.compile(r":[ \t]+(?:A|An|The|[A-Z]\w+)[ \t]+[A-Z]\w+")
# A year that is a whole quotation right after a noun naming a work (`the film “1917,”`, `his album
# '1989'`): news writing sets a work's title in quotation marks, never a time, so the year is the title.
_WORK_BEFORE = re.compile(r"\b(\w+),?[ \t]+[\"\u201c\u2018']$")
_QUOTE_CLOSED = re.compile(r"[,.]?[\"\u201d\u2019']")
_LOOK_BACK = 80
_LIST_CHARS = 400


def titled_year(cand: Candidate, text: str) -> bool:
    """The bare year at `cand` closes a product's or a game's title, or opens one ("2001: A Space
    Odyssey", a colon and a capitalised title right after the year), or is a work's quoted title."""
    if _TITLE_AFTER.match(text, cand.end):
        return True
    work = _WORK_BEFORE.search(text, max(0, cand.start - _LOOK_BACK), cand.start)
    if work is not None and work[1].lower() in WORK_NOUNS and _QUOTE_CLOSED.match(text, cand.end):
        return True
    words = _title_words(text[max(0, cand.start - _LOOK_BACK):cand.start])
    if not words:
        return False
    if len(words) >= 2:
        return True
    left = max(text.rfind("\n", 0, cand.start) + 1, cand.start - _LIST_CHARS)
    right = text.find("\n", cand.end)
    line = text[left:right if right >= 0 else min(len(text), cand.end + _LIST_CHARS)]
    items = [m for m in _ITEM.finditer(line) if _title_words(m[1])]
    here = cand.start - left
    return len(items) >= 2 and any(m.start(1) <= here <= m.end() for m in items) and \
        any(len(_title_words(m[1])) >= 2 for m in items)


def _title_words(before: str) -> list[str]:
    """The capitalised words of a title just before a year ('Football Manager '), none if the last is
    a word of time, a month, a preposition or a possessive; the title stops at the first such word."""
    m = _NAME_BEFORE.search(before)
    if m is None:
        return []
    words = m[1].split()[-4:]
    last = words[-1]
    if last in _TIME_WORDS or last.rstrip(".:") in _TIME_WORDS or last.endswith(("'s", "\u2019s")):
        return []  # "Navigation Mixte's 1989 profit": the year of the company's figure
    title: list[str] = []
    for word in reversed(words):
        if word in _TIME_WORDS or word.rstrip(".:") in _TIME_WORDS:
            break
        title.insert(0, word)
    return title
