"""Who a speaker token stands for: the article's cast of people, their fullest names and roles.

Built in one pass over the entities and tokens the pipeline already computed. The small
English model tags a surname PERSON in one sentence and GPE or ORG in the next, so a
proper noun counts as a person whenever the article names a person with that surname.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ..models import SpeakerKind
from .cues import (
    ANON_NOUNS,
    GROUP_PRONOUNS,
    ORG_NOUNS,
    PERSON_PRONOUNS,
    STATEMENT_NOUNS,
    TITLE_WORDS,
    is_person_noun,
)
from .phrases import HONORIFICS, end_char, name_bounds, noun_phrase, proper_bounds, role_of, strip_name

__all__ = ["Cast", "Person", "Speaker", "resolve"]

_ORG_LABELS = frozenset({"ORG", "NORP", "GPE", "FAC"})
_SUBJECT = frozenset({"nsubj", "nsubjpass"})


@dataclass(frozen=True)
class Speaker:
    name: str
    kind: SpeakerKind
    start: int
    end: int
    key: str
    guessed: bool = False


@dataclass
class Person:
    key: str
    name: str
    role: str | None = None
    mentions: int = 0
    titles: set[str] = field(default_factory=set)
    gender: dict[str, int] = field(default_factory=dict)  # "m"/"f" -> evidence from the article itself
    forms: dict[str, int] = field(default_factory=dict)  # name as written -> times, in order of first use

    def settle_name(self) -> None:
        """`Clinton` is the Clinton the article names in full most often, not the longest name:
        one mention of `Anne Marie Murphy` does not rename Chris Murphy."""
        order = list(self.forms)
        self.name = max(order, key=lambda f: (" " in f, self.forms[f], -order.index(f)))


@dataclass(frozen=True)
class _Mention:
    i: int
    key: str
    subject: bool
    sent: int


class Cast:
    """The people of the article, keyed by surname, plus their mentions for pronouns."""

    def __init__(self, doc: Doc, narrative: Callable[[int], bool]) -> None:
        self.doc = doc
        self.people: dict[str, Person] = {}
        self._mentions: list[_Mention] = []
        self._collect_names(doc, narrative)
        self._collect_mentions(doc, narrative)
        self._mention_at = [m.i for m in self._mentions]
        # `officials`, `the ministry`: who `they` and `it` can stand for
        self._groups = [t.i for t in doc if narrative(t.idx) and t.dep_ in _SUBJECT and (
            (t.tag_ in ("NNS", "NNPS") and t.lemma_.lower() in ANON_NOUNS) or t.ent_type_ == "ORG")]

    def _collect_names(self, doc: Doc, narrative: Callable[[int], bool]) -> None:
        for ent in doc.ents:
            if ent.label_ != "PERSON" or not narrative(ent.start_char) or not (bounds := strip_name(ent)):
                continue
            tokens = doc[bounds[0]:bounds[1]]
            if len(tokens) > 4:
                continue
            self._add_name(tokens)
        for tok in doc:  # `Mayor Ana Ruiz`: a title vouches for a name the model did not tag
            if tok.pos_ == "PROPN" and tok.dep_ != "compound" and tok.ent_type_ in ("", "PERSON") \
                    and narrative(tok.idx):
                start, end = name_bounds(tok)
                if start > 0 and doc[start - 1].lower_ in TITLE_WORDS | HONORIFICS \
                        and all(t.is_title and t.is_alpha for t in doc[start:end]):
                    self._add_name(doc[start:end])
        for person in self.people.values():
            person.settle_name()
        firsts = {p.name.split()[0].lower(): p for p in self.people.values() if " " in p.name}
        for first, person in firsts.items():  # a first name alone (`Anya said`) is that person
            existing = self.people.get(first)
            if existing is None or " " not in existing.name:
                self.people[first] = person

    def _add_name(self, tokens: Span) -> None:
        key = tokens[-1].lower_
        person = self.people.setdefault(key, Person(key, tokens.text))
        person.forms[tokens.text] = person.forms.get(tokens.text, 0) + 1

    def _collect_mentions(self, doc: Doc, narrative: Callable[[int], bool]) -> None:
        for tok in doc:
            if tok.pos_ != "PROPN" or (person := self.people.get(tok.lower_)) is None:
                continue
            if tok.dep_ == "compound" and tok.head.pos_ == "PROPN" and tok.head.lower_ in self.people:
                continue  # `Donald` in `Donald Trump`: one mention, counted at the surname
            person.mentions += 1
            if person.role is None and narrative(tok.idx):
                person.role = role_of(tok)
                person.titles.update(w.lower() for w in (person.role or "").split())
            if narrative(tok.idx):
                subject = tok.dep_ in _SUBJECT or (tok.dep_ == "poss" and tok.head.dep_ in _SUBJECT)
                self._mentions.append(_Mention(tok.i, person.key, subject, tok.sent.start))
                if (said := _gender_evidence(tok, subject)) is not None:
                    person.gender[said] = person.gender.get(said, 0) + 1

    def _fits(self, mention: _Mention, pronoun: Token) -> bool:
        """`she` is not a man the article calls `he` or `Mr.` more often than `she` or `Ms.`"""
        want = _PRONOUN_GENDER.get(pronoun.lower_)
        votes = self.people[mention.key].gender
        other = "f" if want == "m" else "m"
        return want is None or votes.get(other, 0) <= votes.get(want, 0)

    def person(self, tok: Token) -> Person | None:
        return self.people.get(tok.lower_) if tok.pos_ == "PROPN" or tok.ent_type_ else None

    def antecedent(self, pronoun: Token) -> _Mention | None:
        """The last fitting person before a pronoun: a subject of its own sentence, else of
        the nearest earlier sentence that names someone (subjects preferred)."""
        at = bisect.bisect_left(self._mention_at, pronoun.i)
        sent = pronoun.sent.start
        near = [m for m in self._mentions[max(0, at - 30):at] if self._fits(m, pronoun)]
        same = [m for m in near if m.sent == sent and m.subject]
        if same:
            return same[-1]
        earlier = [m for m in near if m.sent != sent]
        if not earlier:
            return None
        last_sent = earlier[-1].sent
        group = [m for m in earlier if m.sent == last_sent]
        return next((m for m in reversed(group) if m.subject), group[-1])

    def group(self, pronoun: Token) -> Token | None:
        """The last group or organisation that was the subject of a sentence just before."""
        at = bisect.bisect_left(self._groups, pronoun.i)
        if at == 0:
            return None
        found = self.doc[self._groups[at - 1]]
        near = pronoun.sent.start - found.sent.start <= 60 or found.sent == pronoun.sent
        plural_ok = pronoun.lower_ not in ("it", "its") or found.ent_type_ == "ORG"
        return found if near and plural_ok else None

    def by_title(self, tok: Token) -> _Mention | None:
        """`the president said`: the last person mentioned with that title."""
        at = bisect.bisect_left(self._mention_at, tok.i)
        for m in reversed(self._mentions[max(0, at - 40):at]):
            if tok.lower_ in self.people[m.key].titles:
                return m
        return None


_PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "himself": "m",
                   "she": "f", "her": "f", "hers": "f", "herself": "f"}
_HONORIFIC_GENDER = {"mr": "m", "mr.": "m", "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f"}
_GENDER_NOUNS = {
    **dict.fromkeys("husband father son brother man boy king prince uncle nephew grandfather".split(), "m"),
    **dict.fromkeys("wife mother daughter sister woman girl queen princess aunt niece".split(), "f"),
}


def _gender_evidence(tok: Token, subject: bool) -> str | None:
    """`Mr. Sanders`, or a subject followed in its own sentence by `his`/`her` (`Carney did not
    raise his voice`): evidence from the article, no name lists."""
    before = tok.doc[tok.i - 1].lower_ if tok.i > 0 else ""
    related = [c.lemma_.lower() for c in tok.children if c.dep_ in ("appos", "compound")]
    if tok.dep_ == "appos":
        related.append(tok.head.lemma_.lower())
    if (noun := next((r for r in related if r in _GENDER_NOUNS), None)) is not None:
        return _GENDER_NOUNS[noun]  # `her husband Bill`, `Chelsea, their daughter`
    if before in _HONORIFIC_GENDER or (tok.i > 1 and tok.doc[tok.i - 2].lower_ in _HONORIFIC_GENDER):
        return _HONORIFIC_GENDER.get(before) or _HONORIFIC_GENDER[tok.doc[tok.i - 2].lower_]
    if not subject:
        return None
    after = tok.right_edge.i + 1  # past `, her campaign manager,`: that `her` is someone else
    for nxt in tok.doc[after:min(tok.sent.end, after + 12)]:
        if nxt.pos_ == "PROPN" and nxt.ent_type_ == "PERSON":
            return None  # another person in between: the pronoun may be theirs
        if nxt.lower_ in _PRONOUN_GENDER and _same_actor(tok, nxt):
            return _PRONOUN_GENDER[nxt.lower_]
    return None


def _same_actor(subject: Token, pronoun: Token) -> bool:
    """`Reyes thanked his volunteers`, `Trump said he would`: the pronoun can only be the
    subject's own; `Sanders raised money for her challenger` says nothing about Sanders."""
    verb = subject.head
    if pronoun.dep_ == "poss":
        return pronoun.head.dep_ == "dobj" and pronoun.head.head == verb
    return pronoun.dep_ == "nsubj" and pronoun.head.head == verb and pronoun.head.dep_ in ("ccomp", "conj")


def resolve(tok: Token, cast: Cast, last_group: Speaker | None = None, depth: int = 0,
            loose: bool = True) -> Speaker | None:
    """The speaker a subject token stands for, or None when it is not a speaker at all.

    `loose` is for a subject right next to a quotation, where any person noun speaks
    (`the crowd chanted`); reported speech elsewhere needs a known source noun."""
    doc = tok.doc
    low = tok.lower_
    if low in PERSON_PRONOUNS:
        return _from_mention(cast.antecedent(tok), cast, guessed=True)
    if low in GROUP_PRONOUNS:
        group = cast.group(tok) if depth < 2 else None
        nearest = resolve(group, cast, None, depth + 1, loose=False) if group is not None else None
        return _guess(nearest or last_group)
    if tok.pos_ == "PRON" and low not in ("one", "another", "someone"):
        return None
    if tok.pos_ == "NOUN" and tok.lemma_.lower() in STATEMENT_NOUNS and depth < 2:
        return _owner(tok, cast, last_group, depth) or _document(tok)
    if (person := cast.person(tok)) is not None:
        start, end = name_bounds(tok)
        return Speaker(person.name, "named", doc[start].idx, end_char(doc, end), person.key)
    if tok.ent_type_ in _ORG_LABELS and tok.pos_ == "PROPN":
        return _organisation(tok)
    if tok.pos_ == "PROPN":
        start, end = proper_bounds(tok)
        words = {t.lower_ for t in doc[start:end]}
        kind: SpeakerKind = "organization" if words & ORG_NOUNS else "named"
        name = doc[start:end].text
        return Speaker(name, kind, doc[start].idx, end_char(doc, end), name.lower())
    return _common_noun(tok, cast, loose)


def _document(tok: Token) -> Speaker:
    """`the statement said`, `the suit alleges`: no one to name, but the verifier sees what spoke."""
    start, end = noun_phrase(tok)
    text = tok.doc[start:end].text
    return Speaker(text, "unresolved", tok.doc[start].idx, end_char(tok.doc, end), text.lower())


def _owner(tok: Token, cast: Cast, last_group: Speaker | None, depth: int) -> Speaker | None:
    """`his response`, `a statement from the Prime Minister's Office`: whose words they are."""
    for child in tok.children:
        if child.dep_ == "poss":
            return resolve(child, cast, last_group, depth + 1)
        if child.dep_ in ("prep", "agent") and child.lower_ in ("from", "by", "of"):
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return resolve(obj, cast, last_group, depth + 1)
    return None


def _common_noun(tok: Token, cast: Cast, loose: bool) -> Speaker | None:
    doc = tok.doc
    lemma = tok.lemma_.lower()
    if tok.pos_ == "NOUN" and lemma in TITLE_WORDS and any(c.lower_ == "the" for c in tok.lefts):
        found = _from_mention(cast.by_title(tok), cast, guessed=True)
        if found:
            return found
    if tok.pos_ not in ("NOUN", "NUM", "PRON"):
        return None
    if lemma not in ANON_NOUNS and lemma not in ORG_NOUNS and not (loose and is_person_noun(tok)):
        return None
    start, end = noun_phrase(tok)
    kind: SpeakerKind = "organization" if lemma in ORG_NOUNS else "anonymous"
    if kind == "organization" and doc[start].lower_ == "the":
        start += 1  # `the Trump administration` is named `Trump administration`
    text = doc[start:end].text
    return Speaker(text, kind, doc[start].idx, end_char(doc, end), text.lower())


def _organisation(tok: Token) -> Speaker:
    doc = tok.doc
    start, end = tok.i, tok.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":  # walk to the entity's edges, not over all entities
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    while start < end and doc[start].lower_ == "the":
        start += 1
    while end > start and doc[end - 1].tag_ == "POS":
        end -= 1
    text = doc[start:end].text
    return Speaker(text, "organization", doc[start].idx, end_char(doc, end), text.lower())


def _from_mention(mention: _Mention | None, cast: Cast, *, guessed: bool) -> Speaker | None:
    if mention is None:
        return None
    tok = cast.doc[mention.i]
    start, end = name_bounds(tok)
    person = cast.people[mention.key]
    return Speaker(person.name, "named", cast.doc[start].idx, end_char(cast.doc, end), person.key, guessed)


def _guess(speaker: Speaker | None) -> Speaker | None:
    if speaker is None:
        return None
    return Speaker(speaker.name, speaker.kind, speaker.start, speaker.end, speaker.key, True)
