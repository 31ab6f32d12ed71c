"""What fills a cue's speaker slot when the cast has no name for it.

A description: `“…,” said one Trump confidant`, `the 46-year-old told Reuters` (in_speaker_slot),
`the statement said` (described), `a Nevada Democrat` (member); or a name the tagger misread as a
common noun or a verb right after a quotation, `“…,” Hannity said` (name_after_quote).
speakers.resolve and attribution.py read the slot with these.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Token

from .cast import Speaker
from .cues import QUOTE_VERBS, STATEMENT_NOUNS, is_quote_cue, is_speech_verb
from .outlets import ORG_LABELS
from .phrases import end_char, noun_phrase

__all__ = ["RELATIVE", "described", "document_after_quote", "handle", "in_speaker_slot", "member",
           "name_after_quote"]

# Words that point back at a subject rather than name one: `the statement that…`, `it said`.
RELATIVE = frozenset({"that", "which", "who", "it", "this"})
# A description in a cue's speaker slot: `the 46-year-old`, `one Trump confidant` (see in_speaker_slot).
_SLOT_POS = frozenset({"DET", "ADJ", "NUM", "NOUN", "PROPN"})
_SLOT_WORDS = 6
_TIME_NOUNS = frozenset("""time day days week weeks month months year years morning afternoon evening night
    today tonight yesterday tomorrow later earlier""".split())
_CLOSING = frozenset({"”", "\"", "''", "’"})
_GOES_ON = frozenset({",", "?", "!", "—", "–"})
_DOCUMENT_WORDS = 6  # `a voice-over in the ad`

# A handle's usual shape: lower-case letters, then digits (`jayk1984`, `elmo666`).
_HANDLE = re.compile(r"[a-z][a-z_.]{2,}[0-9]{2,}")
_HANDLE_NOUNS = frozenset({"user", "username", "handle", "commenter", "poster"})


def in_speaker_slot(words: Sequence[Token]) -> Speaker | None:
    """`“…,” the gambling tycoon told Reuters`, `“…,” said one Trump confidant`: the noun phrase
    that fills the speaker's slot of a quotation's cue, when nothing in it resolved, is the speaker
    described, whatever its noun (the source and person lists cannot know every `confidant`,
    `neurosurgeon` or `46-year-old`). Only a plain noun phrase that opens with a determiner or a
    number counts: no verb, no preposition, no time (`“…,” last week`)."""
    words = [t for t in words if not (t.is_punct and t.text in "-–")]  # the hyphens of `46-year-old`
    if not 1 < len(words) <= _SLOT_WORDS or words[0].pos_ not in ("DET", "NUM"):
        return None
    head = words[-1]
    if any(t.pos_ not in _SLOT_POS for t in words) or head.pos_ not in ("NOUN", "ADJ", "NUM"):
        return None
    if head.lower_ in _TIME_NOUNS or head.lower_ in RELATIVE or head.lemma_.lower() in STATEMENT_NOUNS:
        return None
    doc = head.doc
    text = doc[words[0].i:head.i + 1].text
    return Speaker(text, "anonymous", words[0].idx, end_char(doc, head.i + 1), text.lower(),
                   evidence="description")


def described(tok: Token) -> Speaker:
    """`the statement said`, `the suit alleges`, `the website for the campaign`: no one to name, but
    the verifier sees what spoke."""
    start, end = noun_phrase(tok)
    text = tok.doc[start:end].text
    return Speaker(text, "unresolved", tok.doc[start].idx, end_char(tok.doc, end), text.lower(),
                   evidence="description")


def member(tok: Token) -> Speaker:
    """`a Nevada Democrat`, `another Republican`: one unnamed member of a group is a person."""
    start, end = tok.left_edge.i, tok.i + 1
    text = tok.doc[start:end].text
    return Speaker(text, "anonymous", tok.doc[start].idx, end_char(tok.doc, end), text.lower(),
                   evidence="description")


def handle(tok: Token) -> Speaker | None:
    """`wrote user jayk1984`, `the poster bluefox1987`: a forum or social-media handle is someone
    writing under a pseudonym, a person source, whatever the model tags it (often an organisation).
    A handle is a one-word name after `user` or a lower-case word ending in digits; a capitalised
    brand with digits (`Area 51`, `3M`) is neither."""
    word = tok.text
    after_user = tok.i > 0 and tok.doc[tok.i - 1].lower_ in _HANDLE_NOUNS and tok.pos_ in ("PROPN", "NOUN")
    if not (after_user or _HANDLE.fullmatch(word)) or tok.tag_ in ("NNS", "NNPS"):
        return None
    return Speaker(word, "named", tok.idx, tok.idx + len(word), word.lower(), evidence="name_at_cue")


def name_after_quote(tok: Token) -> bool:
    """`“…,” Hannity said`, `“…,” O’Donnell said`: a capitalised word that opens the attribution
    right after a quotation, as the subject of its cue, is a name the tagger read as a common noun
    or a verb. Only there: elsewhere a capital may just start a sentence."""
    if tok.pos_ not in ("NOUN", "VERB", "ADJ") or tok.tag_ in ("NNS", "NNPS") or not tok.text[:1].isupper() \
            or tok.dep_ not in ("nsubj", "nsubjpass") or tok.ent_type_ in ORG_LABELS:
        return False
    if tok.i == 0 or not (is_quote_cue(tok.head) or is_speech_verb(tok.head)):
        return False
    doc = tok.doc
    mark = doc[tok.i - 1]  # `,” Hannity said`: the quote's sentence goes on; after `.”` a capital starts one
    return tok.i > 1 and (mark.is_quote or mark.text in _CLOSING) and doc[tok.i - 2].text in _GOES_ON


def document_after_quote(words: Sequence[Token]) -> tuple[Speaker, Token] | None:
    """`“…,” the email read.`, `“…,” a voice-over in the ad states.`: the tagger read the cue after a
    document's noun as a noun too (`email read` as one thing, `ad states` as plural). A noun phrase
    opening with a determiner, ending on a statement noun (`email`, `ad`, `editorial`), then a
    lower-case quote verb that closes the sentence, is the document speaking: shown as what spoke,
    `unresolved`, as `the statement said` is."""
    words = [t for t in words if not t.is_space and t.text not in "-–"]  # the hyphen of `voice-over`
    while words and (words[0].is_quote or words[0].text in _CLOSING or words[0].text == ","):
        words = words[1:]
    end = next((n for n, t in enumerate(words) if t.is_punct), len(words))
    if end < 3 or end > _DOCUMENT_WORDS + 1 or (end < len(words) and words[end].text not in ".;"):
        return None
    phrase, cue = words[:end - 1], words[end - 1]
    noun = phrase[-1]
    if phrase[0].pos_ != "DET" or cue.pos_ not in ("NOUN", "ADJ") or not cue.is_lower \
            or cue.lemma_.lower() not in QUOTE_VERBS or noun.lemma_.lower() not in STATEMENT_NOUNS \
            or any(t.pos_ in ("VERB", "AUX", "PRON", "PROPN") for t in phrase):
        return None
    doc = noun.doc
    text = doc[phrase[0].i:noun.i + 1].text
    return Speaker(text, "unresolved", phrase[0].idx, end_char(doc, noun.i + 1), text.lower(),
                   evidence="description"), cue
