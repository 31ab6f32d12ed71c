"""Noun phrases in the parse: a source's description, a name without its title, a role.

Shared by the speakers and the sources, so the words a report shows are cut the same way.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from .cues import ORG_NOUNS, TITLE_WORDS, is_person_noun
from .names import gender_of_first_name, glued_hyphen, surname_before

__all__ = ["HONORIFICS", "after_the", "end_char", "is_topic", "name_bounds", "noun_phrase", "proper_bounds",
           "role_of", "sentences_back", "strip_name"]

_AGE = re.compile(r"(?:an? )?\d{1,3}[- ](?:year|month)s?[- ]old", re.IGNORECASE)
# Words of time a sentence may open with ahead of a name (`Day-by-day Schiff's hearings…`): never a role.
_TIME_NOUNS = frozenset("""day days week weeks month months year years night nights morning evening
    hour hours time times season decade weekend""".split())
_BORN = frozenset({"née", "nee", "né", "born"})  # before a maiden or birth name
HONORIFICS = frozenset({"dr", "dr.", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "prof", "prof.", "sir"})
_NP_RIGHT = frozenset({"amod", "compound", "nummod", "prep", "pobj", "det", "poss", "case", "acomp",
                       "npadvmod"})
# Prepositions that make a name the topic of a sentence, not its actor: `asked about Trump`.
_TOPIC_PREPS = frozenset({"about", "of", "on", "regarding", "against", "toward", "towards", "over"})
_NP_PREPS = frozenset({"at", "from", "with", "in", "of", "to", "for", "close", "familiar", "inside",
                       "within"})


def noun_phrase(tok: Token) -> tuple[int, int]:
    """Token range [start, end) of a descriptive noun phrase, cut before clauses and commas."""
    start = tok.left_edge.i
    while start < tok.i and (tok.doc[start].is_punct or "\n" in tok.doc[start:tok.i].text_with_ws):
        start += 1
    end = tok.i + 1
    for child in tok.rights:
        if child.dep_ not in _NP_RIGHT or (child.dep_ == "prep" and child.lower_ not in _NP_PREPS):
            break
        if any(t.is_punct and t.text not in "-’'" for t in tok.doc[end:child.right_edge.i + 1]):
            break
        end = child.right_edge.i + 1
    return start, end


def strip_name(span: Span) -> tuple[int, int] | None:
    """A name without honorifics, titles, or the possessive ending; with a surname the model left
    out of a one-word name (`He Jianxiong`) and across the hyphens of `Cheuk Hau-yip`."""
    start, end = span.start, span.end
    doc = span.doc
    end = next((t.i for t in span
                if t.tag_ == "POS" or (t.is_punct and t.text != "." and not glued_hyphen(t))), end)
    while start < end and (doc[start].lower_ in HONORIFICS or doc[start].lower_ in TITLE_WORDS
                           or not doc[start].text[:1].isupper() or _role_word(doc[start], end - start)
                           or _sentence_adverb(doc[start])):
        start += 1
    titled = any(t.lower_ in HONORIFICS or t.lower_ in TITLE_WORDS for t in doc[span.start:start])
    if start < end and _not_a_name(doc[start], titled, end - start):
        return None
    if end - start == 1 and start == span.start:
        start = surname_before(doc, start)
    return (start, end) if end > start else None


def after_the(tok: Token) -> bool:
    """`the Bill`, `the British Bill`: news writes no person's name after `the`, so one proper noun
    with that article is a thing's or an institution's name, never a person's. A role between them
    (`the most able candidate Viguerie`, `the billionaire mogul`) is a title before a name."""
    the = next((c for c in tok.children if c.dep_ == "det" and c.lower_ == "the"), None)
    return the is not None and not any(t.pos_ in ("NOUN", "PROPN") for t in tok.doc[the.i + 1:tok.i])


def _not_a_name(first: Token, titled: bool, words: int) -> bool:
    """`Hosting Cook at the summit is our dream`: a gerund opening the sentence, tagged a proper
    noun before a surname, is not a first name unless the lists know it (`Sterling Brown`); a lone
    `Manning` stays a surname. A first name alone after `the` (`the Bill`, `the British Bill`) is a
    thing's name, legislation or a brand: news writes no person's name after `the` (another word
    after it, `the Chronicle`, stays for the publications' rules to read)."""
    if not titled and words == 1 and after_the(first) and gender_of_first_name(first.text) is not None:
        return True
    if titled or words < 2 or not first.is_sent_start or not first.lower_.endswith("ing"):
        return False
    return gender_of_first_name(first.text) is None


def _sentence_adverb(tok: Token) -> bool:
    """`Thankfully, now we know…`: an `-ly` adverb opening its sentence, which the model sometimes tags
    PERSON, comments on the sentence; it is never a name unless the lists know it (`Kelly`, `Holly`)."""
    return bool(tok.is_sent_start) and tok.tag_ == "RB" and tok.lower_.endswith("ly") \
        and gender_of_first_name(tok.text) is None


def _role_word(tok: Token, left: int) -> bool:
    """`Librarian Ellen Marsh`: a capitalised job the model took into the name (never a first name)."""
    return left > 2 and is_person_noun(tok) and gender_of_first_name(tok.text) is None


def name_bounds(tok: Token) -> tuple[int, int]:
    start, doc = tok.i, tok.doc
    while start > 1 and glued_hyphen(doc[start - 1]) and doc[start - 2].pos_ == "PROPN":
        start -= 2  # `Hau-yip`: one part of the name
    while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].dep_ in ("compound", "flat"):
        start -= 1
        if doc[start].lower_ in TITLE_WORDS or doc[start].lower_ in HONORIFICS:
            start += 1
            break
    return start, tok.i + 1


def proper_bounds(tok: Token) -> tuple[int, int]:
    """`the Prime Minister’s Office`: compounds and a possessive owner, without the article. An
    office keeps whose it is (`Russia's foreign ministry`, `the French foreign ministry`: two
    ministries, not two `ministry`) and the rest of its formal name (`High Commissioner for
    Human Rights`)."""
    start = tok.i
    doc = tok.doc
    office = tok.lower_ in ORG_NOUNS
    left = ("compound", "flat", "poss", "case", "amod") if office else ("compound", "flat", "poss", "case")
    while start > 0 and tok.is_ancestor(doc[start - 1]) \
            and doc[start - 1].dep_ in left and doc[start - 1].pos_ != "DET":
        start -= 1
    return start, _formal_name_end(tok)


def _formal_name_end(tok: Token) -> int:
    """`Commissioner for Human Rights`, `Ministry of Defence`: an office's name goes on through
    `for`/`of` and capitalised words; `Minister for a decade` does not."""
    end = tok.i + 1
    if not (tok.is_title and (tok.lower_ in TITLE_WORDS or tok.lower_ in ORG_NOUNS)):
        return end
    prep = next((c for c in tok.rights if c.i == end and c.dep_ == "prep" and c.lower_ in ("for", "of")),
                None)
    if prep is None:
        return end
    words = list(prep.subtree)[1:]
    if words and words[0].pos_ == "PROPN" and all(
            w.is_title or w.lower_ in ("and", "of", "the", "for") for w in words) and not words[-1].is_stop:
        return words[-1].i + 1
    return end


def role_of(tok: Token) -> str | None:
    """`Fen Hampson, professor of …` (an apposition) or `Commerce Secretary Howard Lutnick`."""
    for child in tok.rights:
        # `Dana Kline, CEO of Take-Two,`: a title the tagger read as a proper noun is still a title
        # `Ana Ruiz, her former label and two senators`: a list, not an apposition
        listed = any(c.dep_ == "cc" for c in child.children)
        if child.dep_ == "appos" and (child.pos_ == "NOUN" or child.lower_ in TITLE_WORDS) and not listed:
            start, end = noun_phrase(child)
            last = child
            while last.i + 2 < len(tok.doc) and glued_hyphen(tok.doc[last.i + 1]):
                last = tok.doc[last.i + 2]  # `co-director of …` split into three appositions: one role
            end = max(end, noun_phrase(last)[1])
            text = tok.doc[start:end].text
            return text if len(text.split()) <= 14 else None
    words: list[Token] = []
    for left in reversed(list(tok.lefts)):
        if left.dep_ not in ("compound", "amod", "nmod"):
            break
        if left.ent_type_ != "PERSON":  # `Donald` in `President Donald Trump` is the name itself
            words = [t for t in left.subtree if t.dep_ != "det" and t.ent_type_ != "PERSON"] + words
    first_name = name_bounds(tok)[0]
    titled = [w for w in words if w.i < first_name and "\n" not in tok.doc[w.i:tok.i].text_with_ws]
    # `"…water in vapor form," lead researcher Ana Ruiz said`: the parse may hang the quote's last
    # words on the title; a role never runs back across a quotation mark
    quote = max((n for n, w in enumerate(titled) if w.is_quote), default=-1)
    titled = titled[quote + 1:]
    # `Ellen Gille, née Fetter`: the name someone was born with, not a role
    titled = [w for w in titled if w.lower_ not in _BORN]
    # `in 2011 winemaker Ana Ruiz was awarded`: the year belongs to the phrase before the role
    while titled and (titled[0].is_punct or _year_of_phrase(titled[0])):
        titled.pop(0)
    if titled and any(w.lower_ in TITLE_WORDS or (w.pos_ == "NOUN" and w.lower_ not in _TIME_NOUNS)
                      for w in titled):
        start = titled[0].i
        while start >= 2 and glued_hyphen(tok.doc[start - 1]):
            start -= 2  # `Oscar-winning actress`, `co-CEO`: a word glued on by a hyphen is the role's
        role = tok.doc[start:titled[-1].i + 1].text
        return None if _AGE.fullmatch(role) else role  # `43-year-old Ana Ruiz`: an age, not a role
    return None


def _year_of_phrase(word: Token) -> bool:
    """A number right after a preposition (`in 2011`) ends that phrase; a role never opens with it."""
    return word.like_num and word.i > 0 and word.doc[word.i - 1].pos_ == "ADP"


def sentences_back(tok: Token, count: int) -> int:
    """Where the sentence `count` sentences before the one of `tok` starts (the text's start at most):
    how far back a `they`, an `it` or `the analyst` may look for what it stands for."""
    doc, start = tok.doc, tok.sent.start
    for _ in range(count):
        if start == 0:
            break
        start = doc[start - 1].sent.start
    return start


def end_char(doc: Doc, end: int) -> int:
    last = doc[end - 1]
    return last.idx + len(last.text)


def is_topic(tok: Token) -> bool:
    """A name governed by `about`, `of`, `on`: the sentence is about this person, not by them."""
    head = tok
    while head.dep_ in ("compound", "flat") and head.head != head:
        head = head.head
    return head.dep_ == "pobj" and head.head.lower_ in _TOPIC_PREPS
