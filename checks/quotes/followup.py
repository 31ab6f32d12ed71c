"""Attribution from the sentence after a quote: the last resort for a quote with no cue of its own.

`“This is a sad day for the town.” Librarian Ellen Marsh said she would retire in June.` A
quote that ends a sentence with no attribution takes the speaker of the next sentence when that
sentence opens with its speaker and a speech verb. In the paragraph, or in the next paragraph
when the quote is a paragraph of its own. Tried after the conventions for continued quotes.
"""

from __future__ import annotations

import dataclasses

from spacy.tokens import Token

from .attribution import Attribution, Locator
from .cast import Cast
from .cues import is_quote_cue
from .marks import Marked
from .speakers import Speaker, resolve

__all__ = ["attribute_next"]

_NEXT_LIMIT = 30  # tokens of the next sentence that are read
_TERMINAL = frozenset(".?!")
_SPEAKING = frozenset({"named", "anonymous"})
_NOT_SPEAKERS = frozenset({"it", "this", "that", "which", "who"})


def attribute_next(m: Marked, text: str, loc: Locator, cast: Cast,
                   last: Speaker | None) -> Attribution | None:
    """The speaker of the sentence after a quote that has no attribution of its own."""
    if m.close is None or text[m.start:m.end].rstrip()[-1:] not in _TERMINAL:
        return None
    sentence = _next_sentence(m, text, loc)
    if not sentence:
        return None
    cue = next((t for t in sentence if is_quote_cue(t) and t.dep_ == "ROOT"), None)
    if cue is None:
        return None
    subject = next((c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.i > cue.i or subject.lower_ in _NOT_SPEAKERS:
        return None
    if subject.left_edge.i > sentence[0].i:
        return None  # `In somber comments, Trump called…`: the sentence is not about the quote
    speaker = resolve(subject, cast, last, loose=False)
    if speaker is None or speaker.kind not in _SPEAKING:
        return None
    if speaker.evidence == "name_at_cue":
        speaker = dataclasses.replace(speaker, evidence="name_nearby")
    return Attribution(speaker, cue.text)


def _next_sentence(m: Marked, text: str, loc: Locator) -> list[Token]:
    """The tokens of the sentence after the quote, up to its end or another quotation."""
    assert m.close is not None
    doc, out = loc.doc, list[Token]()
    i = loc.token(m.close) + 1
    own_paragraph = not text[m.close + 1:m.paragraph.end].strip()
    while i < len(doc) and len(out) < _NEXT_LIMIT:
        tok = doc[i]
        if loc.quoted(tok.idx):
            return []  # the sentence has a quotation of its own: its attribution is that one's
        if (tok.idx >= m.paragraph.end and not own_paragraph) or tok.text in _TERMINAL:
            break
        if not tok.is_space:
            out.append(tok)
        i += 1
    return out
