"""A period of a game is not a period of the calendar.

"Got a technical foul in the third quarter" tells of a basketball game, not of a fiscal quarter; the
words around the quarter say which: a game's (foul, scored, touchdown, the court, a 10-point lead)
or a results story's (revenue, earnings, profit, fiscal). The sentence decides first, then its
paragraph; a results word anywhere in them keeps the business reading, so a sports company's
"revenue in the third quarter" stays a date.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from .grammar import Candidate

__all__ = ["game_period"]

# Words of a results story: any of them keeps the calendar quarter.
_RESULTS = re.compile(
    r"\b(?:revenues?|earnings|profits?|sales|GDP|fiscal|quarter['\u2019]s|quarterly|income|margins?|"
    r"dividends?|shareholders|investors|analysts|economy|economic|inflation|per\s+share|"
    r"year[-\s](?:earlier|ago)|net\s+(?:loss|gain)|operating|output|shipments|deliveries|orders)\b", re.I)
# Words of a game: the play, the score, the court or field. Not "points" (an index gains points too),
# "goals" or "penalty", which results stories use as well.
_GAME = re.compile(
    r"\b(?:fouls?|fouled|scored|scoring|baskets?|touchdowns?|quarterback|rebounds?|assists?|"
    r"free[-\s]throws?|three[-\s]pointers?|layups?|dunks?|field\s+goals?|interceptions?|fumbled?|"
    r"halftime|half[-\s]time|buzzer|innings?|the\s+game|"
    r"(?:on|off|left|leave|leaves|leaving)\s+the\s+(?:court|field|ice|pitch))\b|"
    r"\b(?:a|the|their|his|her|its)\s+(?:\d+-point\s+)?lead\b|"
    r"\b\d{1,3}-\d{1,3}\s+(?:win|loss|victory|defeat|lead)\b", re.I)


def game_period(cand: Candidate, doc: Doc, text: str) -> bool:
    """'The third quarter' (or 'the quarter') that is a period of a game by its sentence or paragraph."""
    span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    sent = span.root.sent
    sentence = text[sent.start_char:sent.end_char]
    if _RESULTS.search(sentence):
        return False
    if _GAME.search(sentence):
        return True
    left = text.rfind("\n", 0, cand.start) + 1
    right = text.find("\n", cand.end)
    paragraph = text[left:right if right >= 0 else len(text)]
    return not _RESULTS.search(paragraph) and _GAME.search(paragraph) is not None
