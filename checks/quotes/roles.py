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
from collections.abc import Callable, Sequence

from spacy.tokens import Doc, Span, Token

from .cues import ORG_NOUNS, STATEMENT_NOUNS, TITLE_WORDS, is_person_noun
from .epithets import epithet, referent
from .names import gender_of_first_name, glued_hyphen, name_start
from .organisations import named_like_organisation, named_organisation
from .phrases import name_bounds, noun_phrase, proper_bounds, role_of, sentences_back
from .speakers import Cast, Person, Speaker, resolve

__all__ = ["in_dateline", "is_place", "mentions_by_surname", "named_for_role", "own_role", "role_holder",
           "surname_mentions"]

_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_ORG_NAME_WORDS = 3  # `Ukraine Kurt Volker`: a place, a first name, a surname; longer ones are institutions
# `in Hillsborough,`: where something happens, not who speaks.
_WHERE = "(?:[Ii]n|[Nn]ear|[Aa]cross|[Oo]utside|[Tt]hroughout|[Aa]round)"
# The last word of a place's name (`Hillsborough County`); `State` is left out: `Ohio State` speaks.
_PLACE_NOUNS = frozenset({"county", "township", "parish", "province", "borough", "district", "village",
                          "city", "town", "valley", "island", "islands", "peninsula"})
# Between a title and a name, these mean the title belongs to something else: a dateline's dash,
# a line break, a clause.
# Sentences back (besides its own) where `the analyst` may find the analyst the story named.
_ROLE_SENTENCES_BACK = 2
# Marks inside a title in capitals: `CEO & founder`, `Vice-President`.
_IN_TITLE = frozenset({"&", "-", "’", "'"})
_TITLE_WORDS_MAX = 14  # a longer run after a name is a clause, not a title
_TITLE_HEADS = frozenset({"head", "manager", "founder", "partner", "counsel"})
_ROLE_BREAKS = frozenset({"—", "–", "--", "\n", ";", ":", "(", ")"})
# `SPRINGFIELD, Ill. —`, `RALEIGH, N.C.—`, `KYIV, Ukraine (AP) —`: a place in capitals opening a story.
_DATELINE = re.compile(r"[A-Z][A-Z .'’-]{2,}(?:,[ \t]*[A-Z][\w.]*(?:[ \t][A-Z][\w.]*)*)?[ \t]*"
                       r"(?:\([^)\n]{1,20}\)[ \t]*)?[—–-]{1,2}")


def role_holder(tok: Token, cast: Cast) -> Token | None:
    """The name in apposition to a role noun (`director, Jennifer Morrow,`), if it names a person."""
    if tok.pos_ not in ("NOUN", "PROPN") or cast.person(tok) is not None:
        return None
    for child in tok.children:
        if child.dep_ == "appos" and child.pos_ == "PROPN" and _a_person(child, cast):
            return child
        # `Another diplomat, former special envoy to Ukraine Kurt Volker,`: the name ends the role
        last = child.right_edge
        if child.dep_ == "appos" and child.pos_ == "NOUN" and is_person_noun(child) and last.pos_ == "PROPN" \
                and last.i > child.i and _a_person(last, cast) and _closed(last) \
                and _after_the_role(last, cast):
            return last
    return _holder_after_of(tok, cast)


def _holder_after_of(tok: Token, cast: Cast) -> Token | None:
    """`The leader of Ennahda, Rachid Ghannouchi,`: the parse hangs the name on the party, place or
    body after `of`; a person's name in apposition to what is no person names the role's holder."""
    if not is_person_noun(tok):
        return None
    for of in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"):
        for owner in (c for c in of.children if c.dep_ == "pobj" and not _a_person(c, cast)):
            name = next((a for a in owner.children if a.dep_ == "appos" and a.pos_ == "PROPN"), None)
            if name is not None and _a_person(name, cast) and _closed(name):
                return name
    return None


def _after_the_role(name: Token, cast: Cast) -> bool:
    """`envoy to Ukraine Kurt Volker`: the name follows a finished role, so it is the role's holder;
    `aide to Senator Ana Ruiz`, `adviser to Ana Ruiz` name whom the role serves."""
    first = _first_name_before(name)
    bounds = cast.bounds(name)
    start = first.i if first is not None else (bounds[0] if bounds is not None else name.i)
    before = name.doc[start - 1]
    return before.pos_ in ("PROPN", "NOUN") and before.lower_.rstrip(".") not in TITLE_WORDS


def _a_person(tok: Token, cast: Cast) -> bool:
    return tok.ent_type_ == "PERSON" or cast.person(tok) is not None or _first_name_before(tok) is not None


def _closed(tok: Token) -> bool:
    """The name ends the apposition: a comma, a dash or the sentence's end follows it."""
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return nxt is None or nxt.is_punct


def _first_name_before(tok: Token) -> Token | None:
    """`Kurt` in `Kurt Volker`: a first name the name lists know, written right before a surname
    the model took for something else (an organisation, a place)."""
    if tok.i == 0 or not (tok.is_title and tok.is_alpha):
        return None
    first = tok.doc[tok.i - 1]
    if first.pos_ != "PROPN" or not first.is_title or first.whitespace_ != " " or first.ent_type_ == "GPE":
        return None
    return first if gender_of_first_name(first.text) is not None else None


def _person_by_first_name(doc: Doc, speaker: Speaker, tokens: Sequence[Token]) -> Speaker | None:
    """`Volker said`, tagged an organisation, when the article also writes `Kurt Volker`: a
    one-word organisation is that person once the story gives the word a first name; so is an
    organisation that ends in a first name and a surname (`Ukraine Kurt Volker`, a role's place
    taken into the name), and so is a longer one whose words before the first name are a role
    (`Lions DE Carl Hendricks`: a team and a position, see names.name_start)."""
    span = doc.char_span(speaker.start, speaker.end, alignment_mode="expand")
    if span is None or not span or span[-1].ent_type_ != "ORG" or any(t.lower_ in ORG_NOUNS for t in span):
        return None
    if len(span) > 1 and named_like_organisation(span.text, doc):
        return None  # `New York Times`: a newspaper's name, whatever first name (York) it holds
    last = span[-1]
    if len(span) > 1:
        first = _first_name_before(last)
        if first is None or first.i < span.start \
                or (len(span) > _ORG_NAME_WORDS and name_start(span) != first.i):
            return None
        name = f"{first.text} {last.text}"
        return dataclasses.replace(speaker, name=name, kind="named", key=name.lower(), start=first.idx,
                                   evidence="name_at_cue")
    for tok in tokens:  # the story's tokens, the cast's list (a walk over the Doc builds each anew)
        if tok.text == last.text and (first := _first_name_before(tok)) is not None:
            name = f"{first.text} {tok.text}"
            if named_like_organisation(name, doc):  # `the Times`: the `New York Times` named before
                start, end = proper_bounds(tok)
                name = doc[start:end].text
                return dataclasses.replace(speaker, name=name, kind="organization", key=name.lower(),
                                           evidence="organization")
            return dataclasses.replace(speaker, name=name, kind="named", key=name.lower(),
                                       evidence="name_at_cue")
    return None


def named_for_role(doc: Doc, speaker: Speaker, cast: Cast) -> Speaker | None:
    """The named person an anonymous-looking speaker (`her top aide`) is, when the sentence names
    them; the subject of a statement noun used as a verb (`with Foreign Minister Ana Ruiz warning
    of…`: Ana Ruiz warned, not `Ana Ruiz warning`); an office, not a person (`the High
    Commissioner for Refugees`)."""
    if speaker.kind == "unresolved":
        return _statement_owner(doc, speaker, cast)
    if speaker.kind == "named":
        return _office(doc, speaker, cast)
    if speaker.kind == "organization":  # `the company would not say`: the company just named
        return _person_by_first_name(doc, speaker, cast.tokens) or named_organisation(doc, speaker, cast)
    if speaker.kind != "anonymous":
        return None
    span = doc.char_span(speaker.start, speaker.end, alignment_mode="expand")
    holder = role_holder(span.root, cast) if span is not None and len(span) else None
    holder = holder or (_named_with_role(span) if span is not None else None)
    if holder is None and span is not None:
        return _described_person(span, cast)  # `the 56-year-old`, `the veteran coach`
    found = resolve(holder, cast) if holder is not None else None
    if found is not None and found.kind == "organization":
        found = _person_by_first_name(doc, found, cast.tokens)
    if found is None or found.kind != "named":
        return None
    evidence = "name_at_cue" if speaker.evidence == "description" else speaker.evidence
    return dataclasses.replace(found, guessed=speaker.guessed, evidence=evidence)


def _described_person(span: Span, cast: Cast) -> Speaker | None:
    """The named person a definite description refers back to (epithets.py): `guessed`, as a
    pronoun's antecedent is."""
    described = epithet(span)
    if described is None:
        return None
    roles: dict[str, str | None] = {}

    def role(person: Person) -> str | None:
        if person.key not in roles:
            surname = person.key.removesuffix(f" {person.suffix}" if person.suffix else "").split()[-1]
            roles[person.key] = own_role(person, _surname_mentions(cast, surname))
        return roles[person.key]

    mention = referent(described, cast, role)
    found = resolve(cast.doc[mention.i], cast) if mention is not None else None
    if found is None or found.kind != "named":
        return None
    return dataclasses.replace(found, guessed=True, evidence="epithet")


def _named_with_role(span: Span) -> Token | None:
    """`Harlow analyst Mira Castell said… according to the analyst`: `the analyst` is the one
    person named with that role in this sentence or the two before, not an anonymous source."""
    if len(span) != 2 or span[0].lower_ != "the" or span[1].pos_ != "NOUN":
        return None
    doc, start = span.doc, sentences_back(span[0], _ROLE_SENTENCES_BACK)
    holders = {ent.text: doc[ent.end - 1] for ent in doc.ents
               if ent.label_ == "PERSON" and start <= ent.start and ent.end <= span.start
               and _role_noun(doc[ent.end - 1]) == span[1].lower_}
    return next(iter(holders.values())) if len(holders) == 1 else None


def _role_noun(name: Token) -> str | None:
    role = role_of(name)
    return role.lower().split()[-1] if role else None


def _statement_owner(doc: Doc, speaker: Speaker, cast: Cast) -> Speaker | None:
    span = doc.char_span(speaker.start, speaker.end, alignment_mode="expand")
    if span is None or not len(span) or span.root.lemma_.lower() not in STATEMENT_NOUNS:
        return None
    root = span.root
    # `with Safadi warning of …`: a bare -ing noun is a verb in all but its tag, its name its subject;
    # `the Rove ad`, `the Obama headline` are the ad's and the headline's, not Rove's or Obama's
    verbal = root.lower_.endswith("ing") and not any(c.dep_ == "det" for c in root.children)
    for child in root.lefts:
        if (child.dep_ == "nsubj" or (verbal and child.dep_ == "compound")) and child.pos_ == "PROPN" \
                and cast.person(child) is not None:
            found = resolve(child, cast)
            if found is not None and found.kind == "named":
                return dataclasses.replace(found, guessed=speaker.guessed, evidence="name_at_cue")
    return None


def _office(doc: Doc, speaker: Speaker, cast: Cast) -> Speaker | None:
    """An office by its formal name (`Commissioner for Human Rights`) with no one's name in it."""
    span = doc.char_span(speaker.start, speaker.end, alignment_mode="expand")
    if span is None or not len(span) or any(t.ent_type_ == "PERSON" or cast.person(t) for t in span):
        return None
    head = next((t for t in span if t.lower_ in ("for", "of")), None)
    if head is None or head.i == span.start or doc[head.i - 1].lower_ not in TITLE_WORDS:
        return None
    return dataclasses.replace(speaker, kind="organization", evidence="organization")


def _surname_mentions(cast: Cast, surname: str) -> list[Token]:
    """A surname's narrative mentions (see surname_mentions)."""
    return surname_mentions(cast).get(surname, [])


def surname_mentions(cast: Cast) -> dict[str, list[Token]]:
    """Every surname's narrative mentions, found in one pass per story, when first asked: a check
    asks for the surnames of each description it resolves and of each source it lists, and a pass
    over the tokens per surname grew with the story's length times its people. Kept on the cast,
    so they go with the story (a cache keyed by the cast outside it kept every story alive: its
    tokens hold the document, which holds the cast)."""
    if cast.surname_mentions is None:
        cast.surname_mentions = mentions_by_surname(cast.tokens, cast.narrative)
    return cast.surname_mentions


def mentions_by_surname(tokens: Sequence[Token], narrative: Callable[[int], bool]) -> dict[str, list[Token]]:
    """Every narrative mention of every surname, in one pass over the story's tokens: all of them, in
    order (the cast's list, or the Doc)."""
    found: dict[str, list[Token]] = {}
    for tok in tokens:
        # `Moon Jae-in`: the model may tag the last part of a hyphened name a common noun (`in`)
        # (a surname's start other than the token itself needs a glued hyphen just before it: asked
        # first, so most tokens build no second Token)
        named = tok.pos_ == "PROPN" or (tok.i > 1 and glued_hyphen(tokens[tok.i - 1])
                                        and _surname_start(tok).pos_ == "PROPN")
        if named and narrative(tok.idx):
            found.setdefault(_surname_at(tok), []).append(tok)
    return found


def _surname_at(tok: Token) -> str:
    """The surname a token ends, with the parts a glued hyphen joins to it (`Hau-yip`)."""
    return "-".join(tok.doc[at].lower_ for at in range(_surname_start(tok).i, tok.i + 1, 2))


def _surname_start(tok: Token) -> Token:
    """The first part of a surname glued by hyphens (`Jae` of `Jae-in`), or the token itself."""
    at = tok.i
    while at > 1 and glued_hyphen(tok.doc[at - 1]):
        at -= 2
    return tok.doc[at]


def own_role(person: Person, mentions: Sequence[Token]) -> str | None:
    """The first role the article gives this person by their own name: the full name, or the
    surname alone when no one else in the story has it; cut free of datelines."""
    first = person.name.split()[0].lower() if " " in person.name else None
    # `president Moon Jae-in`: the parse hangs the title and the family name on the hyphened name's
    # first part, so that part stands for the name
    mentions = [_surname_start(tok) if tok.pos_ != "PROPN" else tok for tok in mentions]
    given = [_given_name(tok, first) for tok in mentions]
    shared = len({g for g in given if g is not None}) > 1  # `Bill Holloway` and `Jane Holloway`
    for tok, name in zip(mentions, given, strict=True):
        if (name is not None and first is not None and name != first) or (name is None and shared):
            continue  # maybe another person with the same surname: their title is theirs
        role = role_of(tok) or _appositive_head(tok) or _role_in_name(tok) or _title_after(tok)
        if role is not None and _own(tok, role) and not _plural(tok, role):
            return _up_to_name(tok, role, first)
    return None


def _given_name(tok: Token, first: str | None) -> str | None:
    """The first name written with this surname: `Britain Liu Xiaming` (the parse runs a role's
    place into the name) is Liu's, and `Browns DL Sheldon Richardson` Sheldon's."""
    start, _ = name_bounds(tok)
    while start >= 2 and glued_hyphen(tok.doc[start - 1]) and tok.doc[start - 2].is_title:
        start -= 2  # `Eva-Marie Persson`: one first name across the hyphen
    words = tok.doc[start:tok.i].text.lower().split()
    if first is not None and first in words:
        return first
    start = name_start(tok.doc[start:tok.i + 1])
    return tok.doc[start].lower_ if start < tok.i else None


def _appositive_head(tok: Token) -> str | None:
    """`the mayor's communications director, Jennifer Morrow,`: the role the name stands beside."""
    if tok.dep_ != "appos" or tok.head.pos_ != "NOUN":
        return None
    start, end = noun_phrase(tok.head)
    # `is whether the firm's founder, Ana Ruiz, …`: the clause's conjunction is no part of the role
    while start < tok.head.i and tok.doc[start].dep_ in ("mark", "cc"):
        start += 1
    while start >= 2 and glued_hyphen(tok.doc[start - 1]):
        start -= 2  # `a co-worker, Ana Ruiz,`: the word glued on by a hyphen is the role's
    return tok.doc[start:end].text


def _title_after(name: Token) -> str | None:
    """`says Ana Ruiz, Head of Sales for Acme`, `said Ana Ruiz, CEO & founder, Acme`: a title in
    capitals after the name, which the model reads as a proper noun and role_of passes over. It
    runs to the next comma or the sentence's end."""
    doc = name.doc
    for child in name.rights:
        if child.dep_ != "appos" or child.pos_ != "PROPN" or not _title_word(child):
            continue
        start = end = child.left_edge.i
        while end < name.sent.end and not (doc[end].is_punct and doc[end].text not in _IN_TITLE) \
                and not doc[end].is_space:
            end += 1
        words = doc[start:end]
        if 0 < len(words) <= _TITLE_WORDS_MAX and not any(t.ent_type_ == "PERSON" for t in words):
            return words.text
    return None


def _title_word(tok: Token) -> bool:
    """`Head`, `General Manager`, `CEO`: the head of a job title, capitalised."""
    return tok.lower_ in TITLE_WORDS or tok.lower_ in _TITLE_HEADS or is_person_noun(tok)


def _plural(name: Token, role: str) -> bool:
    """`founding members Tom Ng, Ana Ruiz and …`: a plural names the group the person belongs to,
    not a role of their own."""
    doc = name.doc
    sentence = doc[name.sent.start:name.i + 1] if name.sent.start <= name.i else None
    if sentence is None:
        return False
    at = sentence.text.rfind(role)
    if at < 0:
        return False
    start = sentence.start_char + at
    span = doc.char_span(start, start + len(role), alignment_mode="expand")
    # `Jaguars DL`: a team's name in capitals is where the person plays, not a group noun
    return span is not None and len(span) > 0 and span.root.tag_ == "NNS" and span.root.is_lower


def _up_to_name(name: Token, role: str, first: str | None) -> str:
    """The whole role when the parse hung its last words on the name: `China's ambassador to
    Britain Liu Xiaming` (Britain compounded to Liu Xiaming), `Lt. Col. Alexander Vindman`
    (Col. taken for a word of the name). The words between the role read off the page and the
    first name, all proper nouns or abbreviation points joined to the name, are the role's."""
    doc = name.doc
    start = name.sent.start
    before = doc[start:name.i].text_with_ws
    at = before.rfind(role)
    if at < 0 or first is None:
        return role
    role_end = doc[start].idx + at + len(role)
    given = next((t for t in doc[start:name.i] if t.lower_ == first and t.idx >= role_end), None)
    between = [t for t in doc[start:given.i] if t.idx >= role_end] if given is not None else []
    if given is None or not between or any(not (t.pos_ == "PROPN" or t.text == ".")
                                           or t.dep_ not in ("compound", "flat") or "\n" in t.whitespace_
                                           for t in between):
        return role
    return doc.text[doc[start].idx + at:between[-1].idx + len(between[-1].text)]


def _role_in_name(tok: Token) -> str | None:
    """`Browns DL` in `Browns DL Sheldon Richardson`: the role the model tagged into the name."""
    doc = tok.doc
    if tok.ent_type_ != "PERSON":
        return None
    start = tok.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    name = name_start(doc[start:tok.i + 1])
    return doc[start:name].text if name > start else None


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
    if span is None or not len(span) or any(_full_name(cast.person(t)) or _described(cast.person(t))
                                            for t in span):
        return False  # `Ana Hillsborough` is a person, whatever else the town is called
    words = [t for t in span if not t.is_punct]
    if not words:
        return False
    if any((p := cast.person(t)) is not None and _place_role(p.role or "") for t in span):
        return True  # `Amazonas (the largest state in Brazil) declared …`: described as a place
    if all(t.ent_type_ in _PLACE_LABELS for t in words) or words[-1].lower_ in _PLACE_NOUNS:
        return True
    if any(e.text == span.text and e.label_ in _PLACE_LABELS for e in doc.ents):
        return True  # the small model calls `Spokane` a place once and a person the next time
    return any(not _modifies_noun(doc, m.end()) for m in
               re.finditer(rf"\b{_WHERE}\s+{re.escape(text[start:end])}\b(?![ \t]+[A-Z])", text))


def _modifies_noun(doc: Doc, end: int) -> bool:
    """`in CBP custody`, `in Acme stores`, `across Facebook’s platforms`: the name qualifies the
    noun after it or owns it; the place (if any) is that noun's, so the name is not written as a
    place."""
    nxt = next((t for t in doc if t.idx >= end), None)
    if nxt is not None and nxt.idx == end and nxt.tag_ == "POS":
        return True
    return nxt is not None and nxt.idx - end <= 1 and nxt.pos_ == "NOUN" and nxt.text[:1].islower()


def _described(person: Person | None) -> bool:
    """A one-word name the story describes as someone (`Yoon, 63, a former chief prosecutor`) is a
    person even where the model tags it a place; one described as a place (`Amazonas (the largest
    state in Brazil)`, `Tarn, a province of …`) is not."""
    return person is not None and bool(person.role) and not _place_role(person.role or "")


# Head nouns of a description that make the thing described a place (with _PLACE_NOUNS).
_PLACE_HEADS = _PLACE_NOUNS | {"state", "states", "country", "nation", "region", "territory", "capital",
                               "municipality", "republic", "kingdom", "emirate", "city-state"}
# Words that end the head noun of a place's description. Not `and`, which sources._ROLE_ENDS has for
# a person's (`a senior official and former aide`): `a state and federal prosecutor` is a prosecutor.
_HEAD_ENDS = frozenset({"of", "in", "on", "near", "with", "where", "which", "that", "whose", "known"})


def _place_role(role: str) -> bool:
    """`the largest state in Brazil`, `a small island nation`: a description whose head noun (its
    last word before a preposition or a clause) is a place's. `state senator`, `city manager` end on
    a person's job, and `the state's governor` on the governor."""
    words = [w.lower() for w in re.findall(r"[A-Za-z][A-Za-z'’-]*", role)]
    cut = next((n for n, w in enumerate(words) if w in _HEAD_ENDS), len(words))
    return cut > 0 and words[cut - 1] in _PLACE_HEADS


def _full_name(person: Person | None) -> bool:
    """A first name and a surname, the first one a person's: `São Paulo`, which the model may tag a
    person, has no first name the lists or the story (a gender, a title, a role) vouch for."""
    if person is None or " " not in person.name:
        return False
    vouched = bool(person.gender or person.titles or person.role)
    return vouched or gender_of_first_name(person.first or "") is not None
