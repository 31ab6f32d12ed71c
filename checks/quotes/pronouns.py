"""What the article itself says about a person's gender: honorifics, family nouns, their own `his`.

This evidence always outranks the first-name lists (names.py): `Mr. Jordan` is a man whatever
the name statistics say.
"""

from __future__ import annotations

from spacy.tokens import Token

from .cues import ANON_NOUNS, HUMAN_NOUNS, TITLE_WORDS, is_person_noun
from .names import Gender

__all__ = ["ANYONE", "HONORIFIC_GENDER", "INDEFINITE", "PRONOUN_GENDER", "described_person",
           "gender_evidence", "named_owner", "noun_gender"]

# Determiners that introduce someone new (`a spokesman`, `another witness`, `one Canadian`).
INDEFINITE = frozenset({"a", "an", "another", "one"})
# Nouns for anyone at all: `the woman said` after `Harlow said` is rarely Harlow.
ANYONE = frozenset("""man woman men women boy girl child kid person people crowd audience voter fan
    resident neighbor neighbour patient victim survivor citizen parent mother father son daughter
    wife husband student worker guest host owner passenger driver caller viewer reader""".split())
PRONOUN_GENDER: dict[str, Gender] = {
    "he": "m", "him": "m", "his": "m", "himself": "m",
    "she": "f", "her": "f", "hers": "f", "herself": "f",
}
HONORIFIC_GENDER: dict[str, Gender] = {"mr": "m", "mr.": "m", "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f"}
_GENDER_NOUNS: dict[str, Gender] = {
    **dict.fromkeys("husband father son brother man boy king prince uncle nephew grandfather widower "
                    "businessman congressman chairman spokesman".split(), "m"),
    **dict.fromkeys("wife mother daughter sister woman girl queen princess aunt niece grandmother "
                    "widow businesswoman congresswoman chairwoman spokeswoman".split(), "f"),
}
_SUBJECT = frozenset({"nsubj", "nsubjpass"})
_LOOKAHEAD = 12  # tokens after a subject in which its own `his`/`her` counts
# Singular nouns for many people: never what `he` or `she` stands for.
_COLLECTIVE = frozenset("crowd audience administration campaign committee team group staff public".split())
# Words that make a person noun a kind of person, nobody in particular: `a typical doctor`, `the average
# voter`, `any parent`. Such a phrase is never someone a later `he` or `she` quotes.
_GENERIC_MODIFIERS = frozenset("typical average ordinary hypothetical generic".split())
_GENERIC_DETERMINERS = frozenset("any every each no".split())


def noun_gender(tok: Token) -> Gender | None:
    """`a retired nurse` says nothing; `a grandmother of four` says `she`."""
    return _GENDER_NOUNS.get(tok.lemma_.lower())


def gender_evidence(tok: Token, start: int, subject: bool) -> Gender | None:
    """`Mr. Sanders`, `her husband Bill`, or a subject followed in its own sentence by `his`/`her`
    (`Carney did not raise his voice`). `tok` is the name's head, `start` where its words begin."""
    doc = tok.doc
    related = [c.lemma_.lower() for c in tok.children if c.dep_ in ("appos", "compound")]
    if tok.dep_ == "appos":
        related.append(tok.head.lemma_.lower())
    if (noun := next((r for r in related if r in _GENDER_NOUNS), None)) is not None:
        return _GENDER_NOUNS[noun]  # `her husband Bill`, `Chelsea, their daughter`
    for before in doc[max(0, start - 2):tok.i]:
        if before.lower_ in HONORIFIC_GENDER:
            return HONORIFIC_GENDER[before.lower_]
    if not subject:
        return None
    if any(t.pos_ == "PROPN" and t.ent_type_ == "PERSON" for t in doc[tok.sent.start:start]):
        return None  # `Sanders pushes his plan, while Clinton has slammed his proposal`: the `his` may be
        # the one named before the subject
    after = tok.right_edge.i + 1  # past `, her campaign manager,`: that `her` is someone else
    found: Gender | None = None
    seen: set[Gender] = set()
    for nxt in doc[after:min(tok.sent.end, after + _LOOKAHEAD)]:
        if nxt.pos_ == "PROPN" and nxt.ent_type_ == "PERSON":
            break  # another person in between: the pronoun may be theirs
        if nxt.lower_ in PRONOUN_GENDER:
            seen.add(PRONOUN_GENDER[nxt.lower_])
            if found is None and _same_actor(tok, nxt):
                found = PRONOUN_GENDER[nxt.lower_]
    # `Harper knew in his bones that she was right`: a he and a she by one subject say nothing of it
    return found if len(seen) == 1 else None


def _same_actor(subject: Token, pronoun: Token) -> bool:
    """`Reyes thanked his volunteers`, `Trump said he would`: the pronoun can only be the
    subject's own; `Sanders raised money for her challenger` says nothing about Sanders."""
    verb = subject.head
    if pronoun.dep_ == "poss":
        return pronoun.head.dep_ == "dobj" and pronoun.head.head == verb
    return pronoun.dep_ == "nsubj" and pronoun.head.head == verb and pronoun.head.dep_ in ("ccomp", "conj")


def described_person(tok: Token) -> bool:
    """A singular person noun without a name or a title as a subject: `a retired nurse`, `one voter`."""
    if tok.dep_ not in _SUBJECT or tok.tag_ != "NN" or not is_person_noun(tok):
        return False
    if any(a.dep_ == "ccomp" for a in tok.ancestors):
        return False  # `Trump said only an outsider could do it`: someone talked about, not present
    if tok.lemma_.lower() in _COLLECTIVE or _generic(tok):
        return False
    if tok.lemma_.lower() in TITLE_WORDS and not _indefinite(tok) \
            and not any(named_owner(c) for c in tok.children):  # `Smith's spokeswoman`: not Smith
        return False  # `the president`: a title, resolved to its holder elsewhere; but `a spokesperson
        # for the association` holds no office the story named: an unnamed person, like `a nurse`
    return not any((c.pos_ == "PROPN" and c.dep_ != "poss") or (c.dep_ == "poss" and not named_owner(c))
                   for c in tok.children)


def _generic(tok: Token) -> bool:
    """`questions that a typical doctor is not prepared to answer`, `any parent would`: a kind of person."""
    return any((c.dep_ == "amod" and c.lower_ in _GENERIC_MODIFIERS)
               or (c.dep_ == "det" and c.lower_ in _GENERIC_DETERMINERS) for c in tok.children)


def named_owner(poss: Token) -> bool:
    """`Reyes's lawyer`, `Hadvar's uncle`: a name owning a person noun (a relative, a role) is
    someone else than that person; `his lawyer` may be the one a `he` is about, so only a name."""
    # the tagger may read a name before `'s` as a plural noun (`Reyes's`): its capital says it is one
    # only nouns the lists know as people: `Mrs. Clinton's career` ends like `manager`, no one's aide
    head = poss.head.lemma_.lower()
    return poss.dep_ == "poss" and poss.pos_ != "PRON" and poss.text[:1].isupper() \
        and (head in HUMAN_NOUNS or head in ANON_NOUNS or head in TITLE_WORDS)


def _indefinite(tok: Token) -> bool:
    """`a spokesman`, `one spokeswoman`: a noun its article introduces as someone new."""
    return any(c.dep_ in ("det", "nummod") and c.lower_ in INDEFINITE for c in tok.children)
