"""Names the model took for people's that a story treats as a company's or a product's.

`Big Machine have denied it`, `Universal's music division`, `the group that owns her music, Big
Machine,`: a name nothing personal is said of (no title, role, he or she, or a person's first name)
that the story writes like a company at least once is a company, shown as an organisation and never
the one a `he` or `she` stands for. The model's ORG and PERSON tags alone never decide: it calls
`Sanders` or `Christie` an organisation half the time (on PolNeAR train, letting the tags decide
turned four politicians into organisations).
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from .cast import Cast, Person
from .cues import ORG_NOUNS
from .organisation_names import named_like_organisation
from .phrases import proper_bounds, sentences_back

__all__ = ["company", "company_before", "company_name", "company_title"]

# What only a company or a product has: `Universal's music division`, `Stadia's launch titles`.
_ORG_PARTS = frozenset("""division subsidiary subsidiaries unit label platform service services product
    products shares stock headquarters website app servers employees executives brand subscribers
    customers catalogue catalog roster lineup""".split())
# What a company or a product is called in apposition: `the group that owns her music, Big Machine,`.
_ORG_KINDS = frozenset("""company firm label group business brand platform service startup network studio
    app website publisher maker retailer chain subsidiary conglomerate marketplace forum""".split())
# What a name written before these nouns is: a site or a platform (`an Evolution user`, `the Agora
# market`, `in an Agora forum post`), never a person (`a Trump supporter` is not among them).
_PLATFORM_PARTS = frozenset("user users forum forums market marketplace community".split())
# What a company is called in the title's place before its name (`Developer Valve`, `automaker Acme`).
_COMPANY_TITLES = _ORG_KINDS | frozenset("""developer automaker carmaker chipmaker manufacturer broadcaster
    insurer lender airline carrier distributor supplier""".split())
# A stock-exchange symbol in brackets right after the name (`Lowe's (LOW)`, `Acme (NYSE: ACM)`).
_TICKER = re.compile(r"(?:['’]s)?\s?\((?:[A-Z]{2,8}:\s?)?[A-Z]{1,5}(?:\.[A-Z])?\)")
# Characters the longest match of _TICKER spans (`’s (NASDAQ: ABCDE.F)`): the tokens that far after a
# name are all it needs to read (each token holds a character at least), not doc.text, which joins
# every token of the story each time it is read.
_TICKER_CHARS = 24
_NOT_A_PERSON = frozenset({"ORG", "PRODUCT", "GPE", "FAC", "NORP", "WORK_OF_ART", "LOC"})
_SENTENCES_BACK = 2  # sentences before a `they` in which the company it stands for may be the subject


def company(person: Person, cast: Cast) -> bool:
    """A name the model took for a person's that the story treats as a company's or a product's:
    nothing personal is said of it (no title, no role, no he or she, no first name of a person),
    and it owns a division or a product, names the site of `an Evolution user`, stands in apposition to
    `the label` or after a company's
    kind as a title (`Developer Valve`, `automaker Acme`), takes a `which`,
    a plural verb (`Big Machine have denied`), or is tagged an organisation more often than a person.
    Decided for every name at once, the first time a story asks, and kept on its cast."""
    if cast.companies is None:
        cast.companies = _companies(cast)
    return cast.companies.get(person.key, False)


def _companies(cast: Cast) -> dict[str, bool]:
    votes: dict[str, list[int]] = {}  # key -> [tagged a person, tagged otherwise, shaped like a company]
    listed: set[str] = set()  # `Lowe's (LOW) stock`: a stock-exchange symbol names a listed company
    for tok in cast.tokens:
        if not (tok.pos_ == "PROPN" or cast.bounds(tok) is not None) or not cast.narrative(tok.idx) \
                or (person := cast.person(tok)) is None:
            continue  # a proper noun, or a name the model read as a common noun (`Acme’s division`)
        if tok.dep_ == "compound" and tok.head.pos_ == "PROPN" and cast.person(tok.head) is person:
            continue  # one vote per mention: its last word
        vote = votes.setdefault(person.key, [0, 0, 0])
        vote[0] += tok.ent_type_ == "PERSON"
        vote[1] += tok.ent_type_ in _NOT_A_PERSON
        vote[2] += _shaped(tok)
        if person.first is None and _TICKER.match(_text_after(tok)):
            listed.add(person.key)
    # the model's tags alone never decide: it calls `Sanders` or `Christie` an organisation half the
    # time; a full name it tagged a person's most of the time needs more than one odd context
    # (`a row involving Taylor Swift, her label` parses like an apposition)
    return {key: key in listed or (not _personal(cast.people[key]) and shaped > 0 and (
                cast.people[key].first is None or shaped + other > tagged))
            for key, (tagged, other, shaped) in votes.items()}


def _text_after(tok: Token) -> str:
    """The story's text from the end of `tok`, at least _TICKER_CHARS characters of it (or to the end)."""
    return tok.whitespace_ + tok.doc[tok.i + 1:tok.i + 1 + _TICKER_CHARS].text_with_ws


def company_name(tok: Token) -> bool:
    """A name the story never gives a person (not in the cast) that it writes like a company's, here
    (`Big Machine have denied`) or where it names it again (`Big Machine, which…`)."""
    return any(t.text == tok.text and _shaped(t) for t in tok.doc if t.pos_ == "PROPN")


def company_before(pronoun: Token, cast: Cast) -> Token | None:
    """`Big Machine have denied it. “…,” they said`: a company the model did not tag, the subject
    of the sentence before the pronoun's, or of its own before it."""
    doc = pronoun.doc
    start = sentences_back(pronoun, _SENTENCES_BACK)  # the quote's own sentence may stand between
    found = []
    for tok in doc[start:pronoun.i]:
        if tok.dep_ != "nsubj" or not cast.narrative(tok.idx):
            continue
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in _ORG_KINDS | ORG_NOUNS:
            # `The company that runs the awards, Acme Productions, denies…`: the company it names
            tok = next((t for t in tok.subtree if t.dep_ == "appos" and t.pos_ == "PROPN"), tok)
            if tok.pos_ == "PROPN" and named_like_organisation(doc[proper_bounds(tok)[0]:tok.i + 1].text):
                found.append(tok)
                continue
        if tok.pos_ == "PROPN" and cast.person(tok) is None and (tok.ent_type_ == "ORG" or (
                tok.ent_type_ == "" and _shaped(tok))):
            found.append(tok)
    return found[-1] if found else None


def company_title(tok: Token) -> bool:
    """A company's kind written where a person's title would stand, right before a capitalised name:
    `Developer` of `Developer Valve` (never `the business mogul`, a description)."""
    doc = tok.doc
    return tok.lemma_.lower() in _COMPANY_TITLES and tok.dep_ == "compound" and tok.head.i > tok.i \
        and tok.head.is_title and tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ == "PROPN" \
        and doc[tok.i + 1].is_title


def _personal(person: Person) -> bool:
    """Something the story or the first name says only of a person."""
    return bool(person.titles or person.role or person.sex() is not None)


def _shaped(tok: Token) -> bool:
    if any(company_title(c) for c in tok.children):
        return True  # `Developer Valve`: a company's kind where a person's title would stand
    if tok.dep_ == "poss" and tok.head.lemma_.lower() in _ORG_PARTS:
        return True
    if tok.dep_ == "compound" and tok.head.pos_ == "NOUN" and tok.head.lower_ in _PLATFORM_PARTS:
        return True
    if tok.dep_ == "appos" and tok.head.lemma_.lower() in _ORG_KINDS:
        return True
    for child in tok.children:
        if child.dep_ == "appos" and child.lemma_.lower() in _ORG_KINDS \
                and not any(c.dep_ == "poss" for c in child.children):  # `Swift, her label`: someone else's
            return True
        if child.dep_ == "relcl" and any(c.lower_ == "which" and c.dep_ in ("nsubj", "nsubjpass")
                                         for c in child.children):
            return True
    verb = tok.head  # one name, a plural verb: `Acme have denied`; never `Ruiz and Roe have`
    return tok.dep_ == "nsubj" and tok.tag_ == "NNP" and not any(c.dep_ == "conj" for c in tok.children) and (
        verb.tag_ == "VBP" or any(c.dep_ == "aux" and c.tag_ == "VBP" for c in verb.children))
