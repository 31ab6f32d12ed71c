"""'Today's youth', 'the leaders of tomorrow': a deictic word that names an age, not a day.

"Today's meeting" is the day of publication, but "today's youth", "in today's world" and "in today's
dollars" speak of the present age, and "the people of tomorrow" of the future: nothing happened on the
day, so the value is TimeML's PRESENT_REF (FUTURE_REF), kept with the story's vague references, not a
calendar day. The sign is the noun the word qualifies: people taken as a generation, or the state of
the world (`_AGE_NOUNS`). Any other noun keeps the day ("today's editions", "tomorrow's vote").
A "today" on a state in the present tense that describes a thing or makes a comparison ("the galaxies we
observe today", "as it is today", "than they are today") is the present age too. "Today" on a main
clause keeps the day ("the president is in Ohio today"): a state of the day and one of the age read
alike there ("Today the valley has a reputation for wine" is not done yet).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .grammar import Candidate

__all__ = ["generic_time"]

_AGE_VALUES = {"today": "PRESENT_REF", "tomorrow": "FUTURE_REF"}
# Nouns that "today's" or "of today" qualify as an age: a generation of people, or the state of the
# world and its measures ("in today's dollars") and machines ("many of today's personal computers");
# none of them is an event of one day.
_AGE_NOUNS = frozenset("""world society youth generation generations children kids teens teenagers youngsters
students parents families women men people workers workforce consumers voters leaders culture economy
climate environment standards times age era dollars terms technology jobs
computers machines cars vehicles phones smartphones devices""".split())

# Verbs of a state or of perceiving, whose present tense with "today" in a relative or comparing clause
# describes the present age, not an event of the day.
_STATES = frozenset("be have see observe know live use look appear seem exist remain stand".split())
_COMPARING = frozenset({"as", "than"})


def generic_time(cand: Candidate, doc: Doc) -> str | None:
    """PRESENT_REF for 'today's youth' or 'the world of today', FUTURE_REF for 'tomorrow's leaders'
    or 'the people of tomorrow'; None when the word names its day."""
    word = cand.parts.get("word", "").lower()
    if word not in _AGE_VALUES or "pod" in cand.parts:
        return None
    span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
    if span is None or len(span) != 1:
        return None
    token = span[0]
    if word == "today" and _present_state(token):
        return "PRESENT_REF"
    if token.dep_ == "poss":  # "today's youth"
        noun = token.head
    elif token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.dep_ == "prep":
        noun = token.head.head  # "the youth of today"
    else:
        return None
    if noun.pos_ != "NOUN" or not noun.is_lower or noun.lower_ not in _AGE_NOUNS:  # "in today's Times"
        return None
    return _AGE_VALUES[word]


def _present_state(token: Token) -> bool:
    """'the galaxies we observe today', 'why it looks as it does today': the present age."""
    verb = token.head
    if token.dep_ != "npadvmod" or verb.tag_ not in ("VBP", "VBZ") or verb.lemma_.lower() not in _STATES:
        return False
    return verb.dep_ == "relcl" or (verb.dep_ in ("advcl", "ccomp") and any(
        c.dep_ == "mark" and c.lower_ in _COMPARING for c in verb.children))
