"""Transcripts: the speaker label that opens a turn (`RAMOS: …`, `Luciana Lopez: …`).

A transcript printed in a story gives each turn a label, a name in capitals or as written, then a
colon. The label may stand inside the quotation marks (`"CLINTON: I feel …"`), naming whoever says
those words, or open a paragraph that holds quoted words later on (`Lopez: Well, no one is like,
‘My 401(k) is speculation.’`), which the turn's speaker said aloud. attribution.label_before_colon
reads the label as a headline's `Reid: '…'` is read: someone the story names, or a proper name the
model tagged a person or an organisation. A label that is no one the story knows (`VIDEO:`, `Transcript
as follows:`, `Q:`) names nobody, and the interviewer's and the guest's turns need their names.
"""

from __future__ import annotations

import dataclasses
import re

from .attribution import Attribution, Locator, label_before_colon
from .cast import Cast, Speaker
from .marks import Marked

__all__ = ["opens_a_turn", "turn_label"]

_LABEL_CHARS = 40  # `Rep. Tom Harlan (R-S.C.):` fits, a sentence with a colon in it does not
# Words that open with a label, known or not: a few capitalised words, maybe a party and state in
# brackets, a colon (`RAMOS:`, `VIDEO:`, `Rep. Tom Harlan (R-S.C.):`).
_OPENING_LABEL = re.compile(r"(?:[A-Z][\w.’'-]*\s){0,3}[A-Z][\w.’'-]*(?:\s?\([^)\n]{1,12}\))?:\s")


def opens_a_turn(words: str) -> bool:
    """Quoted words that open with a label are a turn of their own: a quotation running over several
    paragraphs does not lend them its speaker, nor they theirs to the paragraphs before."""
    return _OPENING_LABEL.match(words) is not None


def turn_label(m: Marked, text: str, loc: Locator, cast: Cast, last: Speaker | None,
               found: Attribution | None) -> Attribution | None:
    """The person a transcript label names for the quotation `m`, or `found` as it was.

    A label opening the quoted words wins over a speaker the finder only guessed (a paragraph of
    quotation is otherwise given the speaker of the one before it); a label opening the paragraph
    before the quotation, only when nothing else named a speaker (`Matthews: Trump told me “…”` is
    Trump's)."""
    speaker = found.speaker if found is not None else None
    if speaker is not None and not speaker.guessed:
        return found
    labelled = _label_at(m.start, text[m.start:m.end], loc, cast, last)
    if labelled is None and speaker is None and m.paragraph.start < m.open:
        labelled = _label_at(m.paragraph.start, text[m.paragraph.start:m.open], loc, cast, last)
        if labelled is not None and labelled.speaker is not None:
            # words quoted inside someone's turn: theirs, most likely, but they may be quoting someone
            labelled = Attribution(dataclasses.replace(labelled.speaker, guessed=True), None)
    return labelled or found


def _label_at(start: int, words: str, loc: Locator, cast: Cast, last: Speaker | None) -> Attribution | None:
    colon = words.find(":", 0, _LABEL_CHARS)
    if colon <= 0 or not words[:1].isupper():
        return None
    first, end = loc.token(start), loc.token(start + colon)
    found = label_before_colon(list(loc.doc[first:end + 1]), cast, last)
    return found if found is not None and found.speaker is not None else None
