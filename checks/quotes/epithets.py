"""Speakers named by a description: `The 56-year-old said`, `“…,” the veteran coach added`.

A definite description in a cue's speaker slot usually refers back to a person the story has
named, and an editor reads it so:
- an age (`the 56-year-old`) is the person the story gave that age (`Harlow, 56,`), else the
  one person named in the sentences just before, else the most salient of them (the order of
  antecedents.antecedent), whose gender fits the sentence's `his` or `her`;
- a role noun (`the former midfielder`, `the Democrat`, `the actress`) is the one person the
  story gave that role (`Harlow, a former midfielder,`: roles.own_role), else the one person
  named in the sentences just before when nothing the story says of them contradicts it.
A description stays a description when the story introduced someone unnamed with the same
words (`a senior official said … the official added`), when two named people fit, and when
its noun is a source's (`the spokesman`) or anyone's (`the woman`) and no one was given it.
roles.named_for_role asks `referent` about every anonymous speaker; speakers.resolve lets an age
in the subject slot (`The 56-year-old said`, which no person list knows) through as a description.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Span, Token

from .antecedents import antecedent
from .cast import Cast, Mention, Person
from .companies import company
from .cues import ABBREVIATED_TITLES, ANON_NOUNS
from .phrases import sentences_back
from .pronouns import ANYONE, PRONOUN_GENDER, noun_gender

__all__ = ["Epithet", "aged", "epithet", "referent"]

_AGE = re.compile(r"(\d{1,3})[- ]years?[- ]old", re.IGNORECASE)
# Sentences before the description's own in which its person is looked for.
_SENTENCES_BACK = 2
_WORDS = 6  # `the 56-year-old former Rovers midfielder`: longer phrases describe, they do not refer
# Role nouns that name one kind of job: `the manager` after `Harlow, the club's coach,` is Harlow.
_SAME_JOB = (frozenset({"coach", "manager", "boss", "gaffer", "skipper"}),
             frozenset({"lawmaker", "legislator", "senator", "congressman", "congresswoman"}),
             frozenset({"democrat", "democratic"}), frozenset({"republican", "gop"}))
# A title as a name's role writes it (`Sen. Ana Ruiz`) and as a description does (`the senator`).
_ABBREVIATED = ABBREVIATED_TITLES
# Who asks is not who answers: `“…?” Roe asked. “…,” the senator said`.
_ASKING = frozenset({"ask", "question", "press", "wonder"})
# The determiners that introduce someone new: `a senior official`, `another Democrat`.
_NEW = frozenset({"a", "an", "another", "one", "some"})
_NEW_AGED = re.compile(r"\b(?:an?|another|one)\s+(\d{1,3})[- ]years?[- ]old$", re.IGNORECASE)


@dataclass(frozen=True)
class Epithet:
    """A definite description of one person: its head word, the age it gives, its role noun."""

    head: Token
    age: str | None
    noun: str | None


def aged(tok: Token) -> bool:
    """`old` heading `The 56-year-old`: an age written as a person, which no noun list knows."""
    if tok.lower_ != "old" or tok.tag_ in ("NNS", "NNPS"):
        return False
    return _AGE.fullmatch(tok.doc[tok.left_edge.i:tok.i + 1].text.split(" ", 1)[-1]) is not None \
        and tok.doc[tok.left_edge.i].lower_ == "the"


def epithet(span: Span) -> Epithet | None:
    """`the 56-year-old`, `the veteran coach`, `the Democrat`: `the`, at most a few modifiers and
    one singular noun for a person; no clause, no preposition, no possessive (`the mayor's aide`
    is someone else's)."""
    words = [t for t in span if not (t.is_punct and t.text in "-–")]
    if not 1 < len(words) <= _WORDS or words[0].lower_ != "the":
        return None
    if any(t.pos_ not in ("DET", "ADJ", "NUM", "NOUN", "PROPN") or t.tag_ == "POS" for t in words[1:]):
        return None
    head = words[-1]
    if head.tag_ in ("NNS", "NNPS"):
        return None
    found = _AGE.search(span.text)
    age = found.group(1) if found is not None else None
    # any noun: the slot of a cue holds a speaker (`the coach`, which no list of person nouns knows)
    noun = head.lemma_.lower() if head.lower_ != "old" and head.pos_ in ("NOUN", "PROPN") else None
    if noun is None and (age is None or head.lower_ != "old"):
        return None
    return Epithet(head, age, noun)


def referent(found: Epithet, cast: Cast, role: Callable[[Person], str | None]) -> Mention | None:
    """The mention of the named person the description refers back to, or None (see the module's
    docstring). `role` gives a person's own role as the story states it."""
    if _introduced(found, cast):
        return None
    want = _gender(found, cast)
    before = [m for m in cast.mentions if m.i < found.head.left_edge.i
              and not company(cast.people[m.key], cast) and want in (None, cast.people[m.key].sex())]
    for same_job in (False, True):  # the role itself (`the senator`: Sen. Ruiz), else the same job
        holders = {m.key for m in before if found.noun is not None
                   and _holds(role(cast.people[m.key]), found.noun, same_job)}
        if len(holders) == 1:
            return _just_named(found, cast, before, _last(before, holders.pop()), role)
        if holders:
            return None  # two people given the role: the description does not say which
    if found.age is not None:
        return _of_age(found, cast, before)
    if found.noun is None or found.noun in ANON_NOUNS or found.noun in ANYONE:
        return None
    if _used_before(found, cast):
        return None  # `The judge rubbed his chin. … “…,” the judge said`: someone the story never named
    salient = _salient(found, cast, before)
    if salient is None or role(cast.people[salient.key]) is not None:
        return None  # no one, or a person the story gave another role
    return salient


def _just_named(found: Epithet, cast: Cast, before: list[Mention], holder: Mention,
                role: Callable[[Person], str | None]) -> Mention:
    """`Lena Hart starred in six films … The actress explained` in a list of stars, the one the story
    called an actress named paragraphs before: a holder of the role out of the sentences just before
    yields to the person the story is about there (as for a `she`), when the story gave that
    person no role of their own to contradict the description."""
    if any(m.key == holder.key for m in _near(found, before)):
        return holder
    salient = _salient(found, cast, before)
    near = _near(found, before)
    if salient is None or salient.key == holder.key or not any(m.i == salient.i for m in near):
        return holder
    return salient if role(cast.people[salient.key]) is None else holder


def _of_age(found: Epithet, cast: Cast, before: list[Mention]) -> Mention | None:
    """The person given that age; else the one person of the sentences just before, or the most
    salient of them (someone given another age is someone else)."""
    ages = {m.key: _age_of(cast, m) for m in before}
    same = {k for k, a in ages.items() if a == found.age}
    if len(same) == 1:
        return _last(before, same.pop())
    before = [m for m in before if ages[m.key] is None]
    near = _near(found, before)
    if len({m.key for m in near}) == 1:
        return near[-1]
    salient = antecedent(cast, found.head) if near else None  # no one near: maybe someone unnamed
    return salient if salient is not None and any(m.i == salient.i for m in near) else None


def _salient(found: Epithet, cast: Cast, before: list[Mention]) -> Mention | None:
    """The person the story is about where the description stands, as for a `he` (the order of
    antecedents.antecedent), when they were a subject or spoke last, no one else was a subject
    from there on, and no one near shares their surname: `Harlow replaces Gary Pike. … “…,” the
    veteran coach said` is Harlow; `Jeb Bush brought his brother George W. Bush … “…,” the former
    president said` is not Jeb, and the one who asks (`Roe asked. “…,” the senator said`) is not
    the one who answers."""
    salient = antecedent(cast, found.head)
    if salient is None or not any(m.i == salient.i for m in before):
        return None
    said = cast.doc[salient.i]
    if not (salient.subject or salient.key == cast.last_speaker) or said.head.lemma_.lower() in _ASKING:
        return None
    rivals = {m.key for m in before if m.i >= salient.sent and m.subject} - {salient.key}
    surname = cast.people[salient.key].name.split()[-1]
    kin = {m.key for m in _near(found, before) if cast.people[m.key].name.split()[-1] == surname}
    return None if rivals or kin - {salient.key} else salient


def _near(found: Epithet, before: list[Mention]) -> list[Mention]:
    """The mentions in the description's sentence and the two before it."""
    start = sentences_back(found.head, _SENTENCES_BACK)
    return [m for m in before if m.i >= start]


def _introduced(found: Epithet, cast: Cast) -> bool:
    """`a senior official said … the official added`, `a 56-year-old man was held … the
    56-year-old said`: the story brought someone unnamed in with these words before; the
    description stays theirs."""
    doc, head = cast.doc, found.head
    for tok in doc[:head.left_edge.i]:
        if tok.lower_ != head.lower_ or not cast.narrative(tok.idx):
            continue
        if found.age is not None:
            new = _NEW_AGED.search(doc[max(0, tok.i - 6):tok.i + 1].text)
            if new is not None and new.group(1) == found.age:
                return True
        elif any(c.dep_ in ("det", "nummod") and c.lower_ in _NEW for c in tok.children) \
                and not _of_someone_named(tok, cast):
            return True
    return False


def _used_before(found: Epithet, cast: Cast) -> bool:
    """The story wrote the noun before, in its own words, for no one it named (`The judge rubbed
    his chin`, `where the pope lives`)."""
    doc, head = cast.doc, found.head
    return any(tok.lemma_.lower() == found.noun and tok.tag_ == head.tag_ and cast.narrative(tok.idx)
               and not _of_someone_named(tok, cast) and not any(c.pos_ == "PROPN" for c in tok.children)
               for tok in doc[:head.left_edge.i])


def _of_someone_named(noun: Token, cast: Cast) -> bool:
    """`Tom Vane, a former midfielder,`, `a former midfielder, Tom Vane,`: the noun is a named
    person's role, not someone new."""
    return (noun.dep_ in ("appos", "compound") and cast.person(noun.head) is not None) \
        or any(c.dep_ == "appos" and cast.person(c) is not None for c in noun.children)


def _gender(found: Epithet, cast: Cast) -> str | None:
    """`the actress`, or the first `his` or `her` of the story's own words after the description
    in its sentence (`The 56-year-old said after his appointment`)."""
    said = noun_gender(found.head) if found.noun is not None else None
    if said is not None:
        return said
    sent = found.head.sent
    return next((PRONOUN_GENDER[t.lower_] for t in cast.doc[found.head.i + 1:sent.end]
                 if t.lower_ in PRONOUN_GENDER and t.tag_ == "PRP$" and cast.narrative(t.idx)), None)


def _age_of(cast: Cast, mention: Mention) -> str | None:
    """The age written with a name: `Harlow, 56,` or `56-year-old Harlow`."""
    doc = cast.doc
    tok = doc[mention.i]
    start, end = cast.bounds(tok) or (tok.i, tok.i + 1)
    after = doc[end:end + 3]
    if len(after) >= 2 and after[0].text == "," and after[1].like_num and after[1].text.isdigit():
        return after[1].text
    found = _AGE.search(doc[max(0, start - 6):start].text)
    return found.group(1) if found is not None and doc[start - 1].lower_ == "old" else None


def _holds(role: str | None, noun: str, same_job: bool) -> bool:
    """The role names the noun (`Sen.` for `the senator`), or with `same_job` a noun of the same
    job (`manager` for `the coach`)."""
    if not role:
        return False
    words = {_ABBREVIATED.get(w, w) for w in (word.strip(".,").lower() for word in role.split())}
    if not same_job:
        return noun in words
    return any(noun in job and words & job for job in _SAME_JOB)


def _last(mentions: list[Mention], key: str) -> Mention:
    return [m for m in mentions if m.key == key][-1]
