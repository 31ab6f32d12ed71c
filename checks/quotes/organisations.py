"""Which organisation `the company` or `the agency` is, when the story has just named it.

`GateHouse laid off 60 people (the company would not disclose the number)`: the company is
GateHouse. A bare definite noun is linked back only when one organisation of the right kind can
be meant: a company is a business (a name with `Inc.`, `Media`, `Group`…, in any of the story's
forms of it), an agency or a ministry a government body (`Department`, `Customs`, `Bureau`…,
also through an acronym the story spells out: `Customs and Border Protection`, then `CBP`).
The organisation has to be the only one named earlier in the same sentence, or, when the
sentence names none, the only one in that paragraph and the one before, with no other company
(`joined a startup`) or agency written in between. An organisation whose kind no word tells
(`Instagram`, `Facebook’s platforms`) is the company only when it is the only one named in the
same sentence, and not the outlet the story was told to (`confirmed to Reuters`) or that reported
it. Anything else keeps the noun, with its article: crediting a quote to the wrong organisation is
worse than a vague one, and `the company` reads as the story's words where a bare `company` reads
like a name.
"""

from __future__ import annotations

import dataclasses

from spacy.tokens import Doc, Span, Token

from .cast import Cast, Speaker
from .organisation_names import ACRONYM, BUSINESS_WORDS, PARTICLES, named_like_organisation, spelled_out

# named_like_organisation lives in organisation_names (companies.py asks it too); find and sources
# import it from here, with the rest of what makes a speaker an organisation
__all__ = ["named_like_organisation", "named_organisation"]

# The noun a story uses for an organisation it has named, and the kind it must be.
_NOUN_KIND = {"company": "business", "firm": "business", "agency": "government",
              "ministry": "government", "department": "government"}
_GOVERNMENT = frozenset("""agency ministry department administration bureau commission office police
    patrol customs authority protection security directorate inspectorate enforcement immigration
    treasury service""".split())
# Words that make a name something other than a company: a party, a court, a school…
_INSTITUTION = frozenset("""university college school party union committee congress senate parliament
    court church hospital association foundation institute league council nations house army navy
    club""".split())
# Nouns between the name and `the company` that may be the company meant instead.
_OTHER = {"business": frozenset("""company firm startup business chain maker retailer publisher owner
              parent subsidiary unit division rival competitor supplier brand bank corporation""".split()),
          "government": frozenset("""agency ministry department office bureau body regulator authority
              service administration government""".split())}


def named_organisation(doc: Doc, speaker: Speaker, cast: Cast) -> Speaker | None:
    """The organisation a bare `the company`/`the agency` speaker stands for; the noun with its
    article (`the company`, `the government`) when no one organisation can be meant; None when
    the speaker is not a bare noun."""
    span = doc.char_span(speaker.start, speaker.end, alignment_mode="expand")
    if span is None or not 1 <= len(span) <= 2 or span.start == 0:
        return None
    noun = span[-1]
    if len(span) == 2 and not (span[0].dep_ == "compound" and span[0].pos_ == "NOUN" and span[0].is_lower):
        return None  # `the production company` is still a company; `the Acme company` names one
    before = doc[span.start - 1]
    if noun.tag_ != "NN" or before.lower_ != "the" \
            or any(c.dep_ not in ("det", "punct", "compound") for c in noun.children if c.i < noun.i):
        return None
    return _apposed(doc, noun, speaker) or _linked(doc, span, speaker, cast) \
        or _with_article(before, span, speaker)


def _apposed(doc: Doc, noun: Token, speaker: Speaker) -> Speaker | None:
    """`The group, Harbour Workers United, said …`: the name set beside the noun, between commas."""
    for child in noun.children:
        if child.dep_ != "appos" or child.i <= noun.i or child.ent_type_ != "ORG":
            continue
        ent = next((e for e in doc.ents if e.start <= child.i < e.end), None)
        if ent is None or ent.start != noun.i + 2 or doc[noun.i + 1].text != ",":
            return None
        start = ent.start + (doc[ent.start].lower_ == "the")
        name = doc[start:ent.end].text
        return dataclasses.replace(speaker, name=name, kind="organization", start=doc[start].idx,
                                   end=doc[ent.end - 1].idx + len(doc[ent.end - 1].text), key=name.lower())
    return None


def _with_article(article: Token, span: Span, speaker: Speaker) -> Speaker | None:
    """`the government`, not `government`: a common noun alone is no name to show as a speaker."""
    if not span[-1].is_lower or speaker.name != span.text:
        return None
    name = f"{article.text} {span.text}"
    return dataclasses.replace(speaker, name=name, start=article.idx, key=name.lower())


def _linked(doc: Doc, span: Span, speaker: Speaker, cast: Cast) -> Speaker | None:
    noun = span[-1]
    want = _NOUN_KIND.get(noun.lower_)
    if want is None:
        return None
    earlier = [e for e in doc.ents if e.label_ == "ORG" and e.end <= span.start - 1
               and cast.person(e.root) is None]  # `Reed`, a person the model tagged ORG
    in_sentence = [e for e in earlier if e.start >= noun.sent.start]
    nearby = in_sentence or [e for e in earlier if e.start_char >= _previous_paragraph(doc.text, noun.idx)]
    groups = _distinct(nearby)
    if len(groups) != 1:
        return None
    mention = groups[0][-1]
    kind = _kind(doc, mention)
    unknown = kind is None and want == "business" and bool(in_sentence) and not _outlet(mention)
    if (kind != want and not unknown) or any(t.pos_ == "NOUN" and t.lemma_.lower() in _OTHER[want]
                                             for t in doc[mention.end:span.start - 1]):
        return None  # `left Acme Media and joined a startup; the company said`: the startup
    start, end = mention.start, mention.end
    while start < end and doc[start].lower_ == "the":
        start += 1
    while end > start and doc[end - 1].tag_ == "POS":
        end -= 1
    if start >= end:
        return None
    name = doc[start:end].text
    return dataclasses.replace(speaker, name=name, kind="organization", start=doc[start].idx,
                               end=doc[end - 1].idx + len(doc[end - 1].text), key=name.lower(),
                               guessed=True, evidence="organization")


def _previous_paragraph(text: str, at: int) -> int:
    """Where the paragraph before the one holding `at` starts."""
    here = text.rfind("\n", 0, at)
    if here < 0:
        return 0
    before = text[:here].rstrip("\n")
    return before.rfind("\n") + 1


def _words(span: Span) -> frozenset[str]:
    return frozenset(t.lower_ for t in span if t.is_alpha and t.lower_ not in PARTICLES)


def _distinct(mentions: list[Span]) -> list[list[Span]]:
    """Mentions grouped by organisation: `GateHouse` and `GateHouse Media` are one, so are an
    acronym and the name it stands for."""
    groups: list[list[Span]] = []
    for m in mentions:
        for group in groups:
            if any(_same(m, other) for other in group):
                group.append(m)
                break
        else:
            groups.append([m])
    return groups


def _same(a: Span, b: Span) -> bool:
    wa, wb = _words(a), _words(b)
    if wa and wb and (wa <= wb or wb <= wa):
        return True
    return _initials(a) == b.text.strip() or _initials(b) == a.text.strip()


def _initials(span: Span) -> str:
    return "".join(t.text[0] for t in span if t.is_title and t.lower_ not in PARTICLES)


def _kind(doc: Doc, mention: Span) -> str | None:
    """`business`, `government`, `institution` (a party, a court, a school…) or None, from every
    form of the name the story uses."""
    words = set(_words(mention))
    for ent in doc.ents:
        if ent.label_ == "ORG" and _words(ent) and _words(mention) <= _words(ent):
            words |= _words(ent)
    last = mention[-1]
    for tok in doc:  # `GateHouse` is the story's `GateHouse Media`, tagged or not
        if tok.text == last.text:
            end = tok.i + 1
            while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].is_title \
                    and "\n" not in doc[end - 1].whitespace_:
                end += 1
            words |= _words(doc[tok.i:end])
    acronym = mention.text.strip()
    if ACRONYM.fullmatch(acronym):
        words |= spelled_out(doc, acronym)
    if words & _GOVERNMENT:
        return "government"
    if words & _INSTITUTION:
        return "institution"
    return "business" if words & BUSINESS_WORDS else None


def _outlet(mention: Span) -> bool:
    """`confirmed to Reuters`, `a letter to the Ledger`, `told Reuters`, `Reuters reported`: the
    outlet (or anyone else) the words went to or that published them, not the company speaking."""
    root = mention.root
    head = root.head
    if root.dep_ == "pobj" and head.lower_ == "to":
        return True
    if root.dep_ in ("dative", "dobj") and head.lemma_.lower() == "tell":
        return True
    return root.dep_ == "nsubj" and head.lemma_.lower() in ("report", "publish")
