"""Who said a quoted fragment inside a sentence: the speech verb or noun that governs it.

`accusing Carney of “arrogance”` is attributed, the “strongman” playbook is not. A fragment
inside what someone else reports (`Pike said Ferris called it “a disgrace”`) reaches the reader
through the teller, the outermost speaker of the sentence.
"""

from __future__ import annotations

from spacy.tokens import Token

from .attribution import Attribution, Locator, according_to
from .cues import STATEMENT_NOUNS, is_speech_verb
from .marks import Paragraph
from .speakers import Cast, Speaker, resolve
from .subjects import subject_of

__all__ = ["attribute_fragment"]

_REPORTED_LINKS = frozenset({"ccomp", "xcomp"})  # a clause that is the content of the verb above it
# How words in front of a noun modify it: `a ‘phase one’ deal`, `his “tough on crime” record`
_PREMODIFIER = frozenset({"amod", "compound", "nmod", "nummod"})
_ARTICLES = frozenset({"a", "an", "the"})


def attribute_fragment(first: Token, last_tok: Token, paragraph: Paragraph, loc: Locator, cast: Cast,
                       last: Speaker | None) -> Attribution | None:
    """A fragment inside a sentence counts only when a speech verb or noun governs it:
    that is what separates `accusing Carney of “arrogance”` from the “strongman” playbook."""
    if _names_the_noun_after(first, last_tok):
        return None
    para = paragraph.start
    for tok in first.doc[first.i:last_tok.i + 1]:
        if first.i <= tok.head.i <= last_tok.i:
            continue
        found = _governing(_past_characterised(tok), para, loc, cast, last)
        if found is not None:
            return found if found.cue else None
    sentence = [t for t in first.sent if paragraph.start <= t.idx < paragraph.end]
    if (source := according_to(sentence)) is not None:
        return Attribution(resolve(source, cast, last), "according to")
    return None


def _names_the_noun_after(first: Token, last_tok: Token) -> bool:
    """`A ‘phase one’ trade deal … could slip into next year, analysts say`: quoted words between an
    article and the noun they modify, that noun the subject of its clause, name a thing the story
    talks about (a plan, an approach); the speech verb governs the claim, not the label, so nobody is
    credited with the label's words. In an object the label is the speaker's own (`Sroka called it a
    “let a thousand flowers bloom” approach`), and a possessive says whose words they are
    (`Romney's “47 percent” remark`); both stay quotes, as one judging word does (`a “rigged” process`).
    The noun is read from the parse, or from the words after the marks when the parse stumbles."""
    doc = first.doc
    if first.i == last_tok.i and first.pos_ in ("ADJ", "VERB"):
        return False
    before = next((t for t in reversed(doc[max(first.i - 3, 0):first.i]) if not t.is_punct), None)
    if before is None or before.lower_ not in _ARTICLES or last_tok.i - first.i >= 6:
        return False
    outside = [t for t in doc[first.i:last_tok.i + 1] if not first.i <= t.head.i <= last_tok.i]
    noun: Token | None
    if outside and all(t.dep_ in _PREMODIFIER and t.head.i > last_tok.i for t in outside):
        noun = outside[0].head
    else:
        noun = next((t for t in doc[last_tok.i + 1:last_tok.i + 4] if not t.is_punct), None)
    while noun is not None and noun.dep_ in _PREMODIFIER and noun.head.i > noun.i:
        noun = noun.head  # `a ‘phase one’ trade deal`: the deal, not the trade
    return (noun is not None and noun.pos_ in ("NOUN", "PROPN") and noun.dep_ in ("nsubj", "nsubjpass")
            and noun.sent == first.sent)


def _teller(cue: Token, para: int, loc: Locator, cast: Cast, last: Speaker | None) -> Attribution | None:
    """`Pike said Ferris called the plan “a disgrace”`: a fragment inside what someone else reports
    reaches the reader through the teller; the outermost speaker of the sentence is the source."""
    found, tok = None, cue
    for _ in range(4):
        # `The Gazette, Pike said, called the plan “…”`: a parenthetical teller is the outermost
        aside = next((c for c in tok.children if c.dep_ == "parataxis" and is_speech_verb(c)), None)
        if aside is not None and (told := _told_by(aside, loc, cast, last)) is not None:
            return told
        if tok.dep_ not in _REPORTED_LINKS or tok.head is tok or tok.head.idx < para:
            break
        tok = tok.head
        if is_speech_verb(tok) and not loc.quoted(tok.idx):
            if (told := _told_by(tok, loc, cast, last)) is None:
                break
            found = told
    return found


def _told_by(verb: Token, loc: Locator, cast: Cast, last: Speaker | None) -> Attribution | None:
    subject = subject_of(verb, loc)
    speaker = resolve(subject, cast, last, loose=False) if subject is not None else None
    return None if speaker is None or speaker.kind == "unresolved" else Attribution(speaker, verb.text)


def _past_characterised(tok: Token) -> Token:
    """`stated that Trump's “divisive” comments…`: an adjective in quotes judges the words it
    describes; it is the judge's, so the climb starts above the statement noun, not at its owner."""
    head = tok.head
    if tok.dep_ == "amod" and head.pos_ == "NOUN" and head.lemma_.lower() in STATEMENT_NOUNS \
            and head.head is not head:
        return head.head
    return head


def _owned_before(noun: Token) -> Token:
    """`his claim in the same interview that the pair were “…”`: the clause may hang on the occasion,
    but the words are the claim's, and the claim has an owner; the occasion owns nothing."""
    if noun.dep_ != "pobj" or noun.head.dep_ != "prep" or any(c.dep_ == "poss" for c in noun.children):
        return noun
    before = noun.doc[noun.head.i - 1] if noun.head.i > 0 else noun
    owned = before.pos_ == "NOUN" and before.lemma_.lower() in STATEMENT_NOUNS and any(
        c.dep_ == "poss" for c in before.children)
    return before if owned else noun


def _reported(clause: Token) -> bool:
    """`his response that China represents “…”`: a clause that is the content of speech."""
    head = clause.head
    return clause.dep_ in ("ccomp", "acl", "relcl") and (
        is_speech_verb(head) or (head.pos_ == "NOUN" and head.lemma_.lower() in STATEMENT_NOUNS))


def _governing(cue: Token, para: int, loc: Locator, cast: Cast, last: Speaker | None) -> Attribution | None:
    """Climb from a fragment to the speech verb or noun over it, within its own clause chain.

    Returns an Attribution without a cue to say `this fragment is governed, by no speaker`
    (`the collapse denies Trump a perceived “win”`)."""
    for _ in range(6):
        if cue.idx < para:
            return None
        if is_speech_verb(cue) and not loc.quoted(cue.idx):
            subject = subject_of(cue, loc)
            if subject is None:
                return Attribution(None, cue.text)
            speaker = resolve(subject, cast, last, loose=False)  # `the collapse denies Trump a “win”`
            if speaker is not None and (outer := _teller(cue, para, loc, cast, last)) is not None:
                return outer
            return Attribution(speaker, cue.text if speaker else None)
        if cue.pos_ == "NOUN" and cue.lemma_.lower() in STATEMENT_NOUNS:
            cue = _owned_before(cue)
            return Attribution(resolve(cue, cast, last), cue.text)
        if cue.head is cue:
            return None
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in cue.children) and not _reported(cue):
            return None  # a clause of its own that is not about speech
        cue = cue.head
    return None
