"""Outlets, companies and other organisations in a speaker's place, where the model may see a person.

`Politico reported`, `according to the Post's Fact Checker`: a publication or one of its desks, which
the model often tags as a person; `Big Machine have denied it`: a company (companies.py tells which
names are); `the Justice Department said`: a name the model tagged an organisation. speakers.resolve
asks here before it takes a name of the cast for a person's.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .antecedents import antecedent
from .cast import Cast, Person, Speaker
from .companies import company, company_title
from .cues import is_speech_verb
from .names import gender_of_first_name
from .phrases import end_char, name_bounds, proper_bounds

__all__ = ["ORG_LABELS", "joined_name_start", "organisation", "outlet_or_company"]

# The model's labels for an organisation, a people or a place: never a misread name of a person.
ORG_LABELS = frozenset({"ORG", "NORP", "GPE", "FAC"})
# What a news outlet does that a person quoted in the story rarely does under a bare one-word name.
_PUBLISHING = frozenset({"report", "publish"})
_GENDERED = frozenset({"he", "she", "him", "her", "his", "hers", "himself", "herself"})
# The last word of a newsroom's desk or column: `the Post's Fact Checker`, `the Times' Editorial Board`.
_DESKS = frozenset("checker board desk team unit column blog newsletter podcast bureau staff editors".split())


def outlet_or_company(tok: Token, person: Person, cast: Cast) -> Speaker | None:
    """The organisation a name of the cast stands for when it is an outlet's (`Politico reported`)
    or a company's (`Big Machine have denied`); None when it is a person's."""
    doc = tok.doc
    if _outlet(tok, person, cast):
        start, end = proper_bounds(tok)
        name = doc[start:end].text
        return Speaker(name, "organization", doc[start].idx, end_char(doc, end), name.lower(),
                       evidence="organization")
    if not company(person, cast):
        return None
    start, end = proper_bounds(tok)  # `Google`, not the `Google Stadia` the names were merged into
    while start < end - 1 and (doc[start].lower_ == "the" or company_title(doc[start])):
        start += 1  # `Developer Valve` is Valve
    while end > start and doc[end - 1].tag_ == "POS":
        end -= 1
    name = doc[start:end].text if start < end else tok.text
    return Speaker(name, "organization", doc[start].idx, end_char(doc, end), name.lower(),
                   evidence="organization")


def joined_name_start(doc: Doc, start: int) -> int | None:
    """`the Parks and Wildlife Service said`, where the model tags `Parks` apart (a person) and the
    subject's name starts after `and`: capitalised words joined by `and` after `the` make one body's
    name (people are not named with `the`), so the name opens after `the`."""
    j = start - 1
    while j > 0 and doc[j].pos_ == "PROPN" and doc[j].is_title:
        j -= 1
    if j < 2 or doc[j].lower_ not in ("and", "&"):
        return None
    k = j - 1
    while k > 0 and doc[k].pos_ == "PROPN" and doc[k].is_title:
        k -= 1
    return k + 1 if k < j - 1 and doc[k].lower_ == "the" else None


def organisation(tok: Token) -> Speaker:
    """The organisation an entity the model tagged names, without `the` or a possessive `'s`."""
    doc = tok.doc
    start, end = tok.i, tok.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":  # walk to the entity's edges, not over all entities
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    # `Wired Italy reports`, `Vogue Paris`: a proper noun the model left out of the entity but hung
    # on it is the rest of the name (a brand and the country of its edition), not a word before it
    while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].dep_ == "compound" \
            and doc[start - 1].ent_iob_ == "O" and start <= doc[start - 1].head.i < end:
        start -= 1
    if (opened := joined_name_start(doc, start)) is not None:
        start = opened  # `the Parks and Wildlife Service`, tagged `Parks` (a person) and `Wildlife Service`
    while start < end and doc[start].lower_ == "the":
        start += 1
    while end > start and doc[end - 1].tag_ == "POS":
        end -= 1
    text = doc[start:end].text
    return Speaker(text, "organization", doc[start].idx, end_char(doc, end), text.lower(),
                   evidence="organization")


def _outlet(tok: Token, person: Person, cast: Cast) -> bool:
    """A publication or one of its columns the model tagged as a person: `Politico reported`,
    `according to the Post's Fact Checker`. Never a name the story treats as a person's: with a
    title, a role, a Mr. or a he or she. `Politico's Jake Sherman` and `Huawei's Ren Zhengfei`
    stay people: neither ends in a desk's name, and Jake is a first name."""
    if person.titles or person.gender or person.role:
        return False
    if person.first is None or any(c.lower_ == "the" and c.dep_ == "det" for c in tok.children):
        return _publisher(person, cast)  # `Politico`, `the Atlanta Ledger`: no one's full name
    start, end = cast.bounds(tok) or name_bounds(tok)
    doc = tok.doc
    owner = doc[start - 1] if start > 0 else None
    return owner is not None and owner.tag_ == "POS" and owner.head.ent_type_ == "ORG" \
        and doc[end - 1].lower_ in _DESKS and gender_of_first_name(person.first) is None


def _publisher(person: Person, cast: Cast) -> bool:
    """The subject of `reported` or `published` somewhere in the story, never of `said` or `told`
    (`Kessler reported the leak. “…,” Kessler said.` is a person), and never the antecedent of a
    he or she (`Kessler reported it to his bosses`). Decided once per story and kept on its cast:
    the answer reads every sentence and every he and she, and every quote may ask it again."""
    known = cast.publishers.get(person.key)
    if known is None:
        known = cast.publishers[person.key] = _reads_as_publisher(person, cast)
    return known


def _reads_as_publisher(person: Person, cast: Cast) -> bool:
    doc = cast.doc
    verbs = [t.head for t in doc if t.dep_ == "nsubj" and t.is_title and cast.person(t) is person]
    if not any(_publishes(v) for v in verbs) \
            or any(is_speech_verb(v) and v.lemma_.lower() not in _PUBLISHING for v in verbs):
        return False
    return not any((m := antecedent(cast, t)) is not None and m.key == person.key
                   for t in doc if t.lower_ in _GENDERED)


def _publishes(verb: Token) -> bool:
    """`Politico reported`, `the Ledger first published`: a publisher's verb."""
    return verb.pos_ == "VERB" and verb.lemma_.lower() in _PUBLISHING
