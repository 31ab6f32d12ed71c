"""Roles and the people who hold them: what keeps the sources list honest.

- A role noun with the holder's name beside it (`the mayor's communications director, Jennifer
  Morrow`, `her top aide Huma Jensen`) is that named person, not an anonymous source.
- A person's role comes from that person's own title or appositive: never from another person
  with the same surname (`Gov. Bill Holloway` is not Jane Holloway's role) and never from a
  dateline (`SPRINGFIELD, Ill. — Jane Holloway`).
- A place is not a source: `Hillsborough` said nothing; `Hillsborough County officials` did.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Collection, Sequence

from spacy.tokens import Doc, Token

from .phrases import name_bounds, noun_phrase, role_of
from .speakers import Cast, Person, Speaker, resolve

__all__ = ["in_dateline", "is_place", "mentions_by_surname", "named_for_role", "own_role", "role_holder"]

_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# `in Hillsborough,`: where something happens, not who speaks.
_WHERE = "(?:[Ii]n|[Nn]ear|[Aa]cross|[Oo]utside|[Tt]hroughout|[Aa]round)"
# The last word of a place's name (`Hillsborough County`); `State` is left out: `Ohio State` speaks.
_PLACE_NOUNS = frozenset({"county", "township", "parish", "province", "borough", "district", "village",
                          "city", "town", "valley", "island", "islands", "peninsula"})
# Between a title and a name, these mean the title belongs to something else: a dateline's dash,
# a line break, a clause.
_ROLE_BREAKS = frozenset({"—", "–", "--", "\n", ";", ":", "(", ")"})
# `SPRINGFIELD, Ill. —`, `RALEIGH, N.C.—`, `KYIV, Ukraine (AP) —`: a place in capitals opening a story.
_DATELINE = re.compile(r"[A-Z][A-Z .'’-]{2,}(?:,[ \t]*[A-Z][\w.]*(?:[ \t][A-Z][\w.]*)*)?[ \t]*"
                       r"(?:\([^)\n]{1,20}\)[ \t]*)?[—–-]{1,2}")


def role_holder(tok: Token, cast: Cast) -> Token | None:
    """The name in apposition to a role noun (`director, Jennifer Morrow,`), if it names a person."""
    if tok.pos_ not in ("NOUN", "PROPN") or cast.person(tok) is not None:
        return None
    for child in tok.children:
        if child.dep_ == "appos" and child.pos_ == "PROPN" and (
                child.ent_type_ == "PERSON" or cast.person(child) is not None):
            return child
    return None


def named_for_role(doc: Doc, speaker: Speaker, cast: Cast) -> Speaker | None:
    """The named person an anonymous-looking speaker (`her top aide`) is, when the sentence names them."""
    if speaker.kind != "anonymous":
        return None
    span = doc.char_span(speaker.start, speaker.end, alignment_mode="expand")
    holder = role_holder(span.root, cast) if span is not None and len(span) else None
    found = resolve(holder, cast) if holder is not None else None
    if found is None or found.kind != "named":
        return None
    evidence = "name_at_cue" if speaker.evidence == "description" else speaker.evidence
    return dataclasses.replace(found, guessed=speaker.guessed, evidence=evidence)


def mentions_by_surname(doc: Doc, keys: Collection[str],
                        narrative: Callable[[int], bool]) -> dict[str, list[Token]]:
    """Every narrative mention of each surname in `keys`, in one pass over the tokens."""
    found: dict[str, list[Token]] = {}
    for tok in doc:
        if tok.pos_ == "PROPN" and tok.lower_ in keys and narrative(tok.idx):
            found.setdefault(tok.lower_, []).append(tok)
    return found


def own_role(person: Person, mentions: Sequence[Token]) -> str | None:
    """The first role the article gives this person by their own name: the full name, or the
    surname alone when no one else in the story has it; cut free of datelines."""
    first = person.name.split()[0].lower() if " " in person.name else None
    given = [_given_name(tok) for tok in mentions]
    shared = len({g for g in given if g is not None}) > 1  # `Bill Holloway` and `Jane Holloway`
    for tok, name in zip(mentions, given, strict=True):
        if (name is not None and first is not None and name != first) or (name is None and shared):
            continue  # maybe another person with the same surname: their title is theirs
        role = role_of(tok) or _appositive_head(tok)
        if role is not None and _own(tok, role):
            return role
    return None


def _given_name(tok: Token) -> str | None:
    start, _ = name_bounds(tok)
    return tok.doc[start].lower_ if start < tok.i else None


def _appositive_head(tok: Token) -> str | None:
    """`the mayor's communications director, Jennifer Morrow,`: the role the name stands beside."""
    if tok.dep_ != "appos" or tok.head.pos_ != "NOUN":
        return None
    start, end = noun_phrase(tok.head)
    return tok.doc[start:end].text


def _own(name: Token, role: str) -> bool:
    """A title read off the page before a name is the person's own unless a dash, a break or a
    dateline (`SPRINGFIELD, Ill. — Jane Holloway`) stands in between."""
    before = name.doc[name.sent.start:name.i].text_with_ws  # the sentence up to the name, not doc.text
    at = before.rfind(role)
    if at < 0:
        return True  # an appositive after the name is the name's own
    if any(mark in before[at + len(role):] for mark in _ROLE_BREAKS):
        return False
    line = before.rfind("\n", 0, at) + 1
    dateline = _DATELINE.match(before, line)
    return dateline is None or dateline.end() <= at


def in_dateline(text: str, start: int) -> bool:
    """Whether `start` lies in the dateline opening its line (`RALEIGH, N.C.—`): a place, never a source."""
    line = text.rfind("\n", 0, start) + 1
    found = _DATELINE.match(text, line)
    return found is not None and start < found.end()


def is_place(doc: Doc, text: str, start: int, end: int, cast: Cast) -> bool:
    """Whether a source's name is only a place: tagged as one throughout, named like one
    (`Hillsborough County`), or written as where things happen (`in Hillsborough,`) and never
    as anyone's name."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span) or any(_full_name(cast.person(t)) for t in span):
        return False  # `Ana Hillsborough` is a person, whatever else the town is called
    words = [t for t in span if not t.is_punct]
    if not words:
        return False
    if all(t.ent_type_ in _PLACE_LABELS for t in words) or words[-1].lower_ in _PLACE_NOUNS:
        return True
    if any(e.text == span.text and e.label_ in _PLACE_LABELS for e in doc.ents):
        return True  # the small model calls `Spokane` a place once and a person the next time
    return re.search(rf"\b{_WHERE}\s+{re.escape(text[start:end])}\b(?![ \t]+[A-Z])", text) is not None


def _full_name(person: Person | None) -> bool:
    return person is not None and " " in person.name
