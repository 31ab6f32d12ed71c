"""The grammatical tense around a temporal expression, read from spaCy's parse.

"On Friday" in a story published on a Friday means that day, the Friday before
("met on Friday") or the Friday after ("will meet on Friday"): the tense of the verb
the expression modifies decides, as in HeidelTime's news rules.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .timex import Tense

__all__ = ["governing_verb", "tense_at"]

_FUTURE_AUX = {"will", "'ll", "\u2019ll", "shall", "wo"}
# Verbs of intent: "planned a rally on Saturday", "has scheduled a news conference Thursday" tell of
# an event near the story, ahead or just past, whatever their own tense: the nearest day is meant.
_PLAN_VERBS = {"plan", "schedule", "expect", "intend", "prepare", "slate", "aim"}
_CLIMB = 6  # heads to walk up before giving up: a date hangs close to its verb


def tense_at(doc: Doc, start: int, end: int) -> Tense:
    """The tense of the verb governing the characters start..end ('present' when unclear)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return "present"
    verb = governing_verb(span.root)
    if verb is None:
        return "present"
    return _verb_tense(verb)


def governing_verb(token: Token) -> Token | None:
    """The verb `token` hangs on, a few heads up at most (None in a verbless fragment)."""
    for _ in range(_CLIMB):
        if token.pos_ in ("VERB", "AUX"):
            return token
        if token.head is token:
            return None
        token = token.head
    return token if token.pos_ in ("VERB", "AUX") else None


def _verb_tense(verb: Token, depth: int = 0) -> Tense:
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    if words & _FUTURE_AUX or verb.lower_ in _FUTURE_AUX:
        return "future"
    if verb.lemma_ in _PLAN_VERBS:
        return "present"
    if verb.i >= 2 and verb.doc[verb.i - 2].lower_ == "going" and verb.doc[verb.i - 1].lower_ == "to":
        return "future"
    if "to" in words and depth < 2 and verb.head is not verb:
        # "agreed to meet on Friday" / "is expected to meet on Friday": the main verb decides,
        # and an infinitive under a present verb looks forward.
        head = _verb_tense(verb.head, depth + 1) if verb.head.pos_ in ("VERB", "AUX") else "present"
        return "future" if head == "present" else head
    tags = {verb.tag_} | {a.tag_ for a in auxes}
    if "VBD" in tags or (verb.tag_ == "VBN" and (any(a.lemma_ == "have" for a in auxes) or not auxes)):
        return "past"
    if verb.tag_ == "VBG" and tags & {"VBZ", "VBP"}:
        return "future"  # "is meeting on Friday": the present progressive of a plan
    return "present"
