"""Who a speaker token stands for: a person of the article's cast, a description, an organisation.

`resolve` turns the token in a cue's speaker slot into a Speaker. People come from the cast
(cast.py: names, bare surnames; antecedents.py: who a pronoun or `the president` stands for); a
platform (`wrote on Twitter`) is never a speaker.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Token

from ..models import SpeakerEvidence, SpeakerKind
from .antecedents import agrees, antecedent, described_antecedent, group_antecedent, titled_antecedent
from .cast import Cast, Mention, Person
from .companies import company, company_before, company_name
from .cues import (
    ANON_NOUNS,
    GROUP_PRONOUNS,
    ORG_NOUNS,
    PERSON_PRONOUNS,
    PLATFORMS,
    STATEMENT_NOUNS,
    TITLE_WORDS,
    is_person_noun,
    is_quote_cue,
    is_speech_verb,
)
from .names import gender_of_first_name
from .phrases import end_char, name_bounds, noun_phrase, proper_bounds, sentences_back
from .pronouns import PRONOUN_GENDER

__all__ = ["Cast", "Person", "Speaker", "described", "in_speaker_slot", "resolve"]

_ORG_LABELS = frozenset({"ORG", "NORP", "GPE", "FAC"})
# `said in a statement`, `during an interview`: the prepositions that put words in someone's mouth
_DELIVERED_IN = frozenset({"in", "during"})
# Verbs whose subject is the author of the statement they take: `Vance issued a statement`.
_DELIVERING = frozenset("""issue release make give deliver send post write publish offer share present file
    put submit sign pen tweet defend express voice read""".split())
_RELATIVE = frozenset({"that", "which", "who", "it", "this"})
_INDEFINITE = frozenset({"a", "an", "another", "one"})
# What a news outlet does that a person quoted in the story rarely does under a bare one-word name.
_PUBLISHING = frozenset({"report", "publish"})
# Nouns for words named as words (`the phrase “…”`), not for a statement that speaks.
_MENTIONED = frozenset({"phrase", "word", "words", "term", "label"})
_GENDERED = frozenset({"he", "she", "him", "her", "his", "hers", "himself", "herself"})
# The last word of a newsroom's desk or column: `the Post's Fact Checker`, `the Times' Editorial Board`.
_DESKS = frozenset("checker board desk team unit column blog newsletter podcast bureau staff editors".split())
# A description in a cue's speaker slot: `the 46-year-old`, `one Trump confidant` (see in_speaker_slot).
_SLOT_POS = frozenset({"DET", "ADJ", "NUM", "NOUN", "PROPN"})
_SLOT_WORDS = 6
_TIME_NOUNS = frozenset("""time day days week weeks month months year years morning afternoon evening night
    today tonight yesterday tomorrow later earlier""".split())
_CLOSING = frozenset({"”", "\"", "''", "’"})
_GOES_ON = frozenset({",", "?", "!", "—", "–"})
# A generic plural is nobody in particular: `billboards in which people say, “…”`.
_GENERIC = frozenset({"people", "folks"})


@dataclass(frozen=True)
class Speaker:
    name: str
    kind: SpeakerKind
    start: int
    end: int
    key: str
    guessed: bool = False
    evidence: SpeakerEvidence | None = None


def resolve(tok: Token, cast: Cast, last_group: Speaker | None = None, depth: int = 0,
            loose: bool = True) -> Speaker | None:
    """The speaker a subject token stands for, or None when it is not a speaker at all.

    `loose` is for a subject right next to a quotation, where any person noun speaks
    (`the crowd chanted`); reported speech elsewhere needs a known source noun."""
    doc = tok.doc
    low = tok.lower_
    if low in PERSON_PRONOUNS:
        mention = antecedent(cast, tok)
        unnamed = described_antecedent(cast, tok, mention) if depth == 0 else None
        found = _common_noun(unnamed, cast, loose=True) if unnamed is not None else None
        if found is not None:
            return dataclasses.replace(found, guessed=True)
        if mention is not None and company(cast.people[mention.key], cast):
            return _last_person(cast, tok)  # `he` is never a company, a label or a product
        return _from_mention(mention, cast, guessed=True, pronoun=tok)
    if low == "it" and depth < 2 and (document := _statement_before(tok, cast)) is not None:
        return _guess(resolve(document, cast, last_group, depth + 1))
    if low in GROUP_PRONOUNS:
        group = (group_antecedent(cast, tok) or company_before(tok, cast)) if depth < 2 else None
        nearest = resolve(group, cast, None, depth + 1, loose=False) if group is not None else None
        return _guess(nearest or last_group)
    if tok.pos_ == "PRON" and low not in ("one", "another", "someone"):
        return None
    if low in PLATFORMS:  # `wrote on Twitter`: the platform carried the words, someone else wrote them
        return _organisation(tok) if tok.dep_ in ("nsubj", "nsubjpass") else None
    if tok.pos_ == "NOUN" and tok.lemma_.lower() in STATEMENT_NOUNS and depth < 2:
        return _owner(tok, cast, last_group, depth) or _voiced_by(tok, cast, last_group, depth) \
            or _user(tok, cast, last_group, depth) or described(tok)
    if (person := cast.person(tok)) is not None and _outlet(tok, person, cast):
        start, end = proper_bounds(tok)
        name = doc[start:end].text
        return Speaker(name, "organization", doc[start].idx, end_char(doc, end), name.lower(),
                       evidence="organization")
    if person is not None and company(person, cast):
        start, end = proper_bounds(tok)  # `Google`, not the `Google Stadia` the names were merged into
        while start < end and doc[start].lower_ == "the":
            start += 1
        while end > start and doc[end - 1].tag_ == "POS":
            end -= 1
        name = doc[start:end].text if start < end else tok.text
        return Speaker(name, "organization", doc[start].idx, end_char(doc, end), name.lower(),
                       evidence="organization")
    if person is not None:
        start, end = cast.bounds(tok) or name_bounds(tok)
        return Speaker(person.name, "named", doc[start].idx, end_char(doc, end), person.key,
                       evidence="name_at_cue")
    if tok.ent_type_ == "NORP" and tok.tag_ == "NNP" and any(
            c.dep_ == "det" and c.lower_ in _INDEFINITE for c in tok.children):
        return _member(tok)
    if tok.ent_type_ in _ORG_LABELS and tok.pos_ == "PROPN":
        return _organisation(tok)
    if tok.pos_ == "PROPN":
        start, end = proper_bounds(tok)
        words = {t.lower_ for t in doc[start:end]}
        kind: SpeakerKind = "organization" if words & ORG_NOUNS or company_name(tok) else "named"
        name = doc[start:end].text
        return Speaker(name, kind, doc[start].idx, end_char(doc, end), name.lower(),
                       evidence="organization" if kind == "organization" else "name_at_cue")
    if _name_after_quote(tok):
        return Speaker(tok.text, "named", tok.idx, tok.idx + len(tok.text), low, evidence="name_at_cue")
    return _common_noun(tok, cast, loose)


def _last_person(cast: Cast, pronoun: Token) -> Speaker | None:
    """A `he` or `she` whose nearest candidate is a company: the person who spoke last, when the
    pronoun fits them (`Universal's division sent demos. “…,” he said` after the director's quote)."""
    said = cast.last_said
    person = cast.people.get(cast.last_speaker) if cast.last_speaker is not None else None
    if said is None or person is None or said.name != person.name or company(person, cast):
        return None
    want = PRONOUN_GENDER.get(pronoun.lower_)
    sex = person.sex()
    if sex is not None and want is not None and sex != want:
        return None
    agrees = sex is not None and sex == want
    return dataclasses.replace(said, guessed=True, evidence="pronoun_agree" if agrees else "pronoun")


def _name_after_quote(tok: Token) -> bool:
    """`“…,” Hannity said`, `“…,” O’Donnell said`: a capitalised word that opens the attribution
    right after a quotation, as the subject of its cue, is a name the tagger read as a common noun
    or a verb. Only there: elsewhere a capital may just start a sentence."""
    if tok.pos_ not in ("NOUN", "VERB", "ADJ") or tok.tag_ in ("NNS", "NNPS") or not tok.text[:1].isupper() \
            or tok.dep_ not in ("nsubj", "nsubjpass") or tok.ent_type_ in _ORG_LABELS:
        return False
    if tok.i == 0 or not (is_quote_cue(tok.head) or is_speech_verb(tok.head)):
        return False
    doc = tok.doc
    mark = doc[tok.i - 1]  # `,” Hannity said`: the quote's sentence goes on; after `.”` a capital starts one
    return tok.i > 1 and (mark.is_quote or mark.text in _CLOSING) and doc[tok.i - 2].text in _GOES_ON


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


def described(tok: Token) -> Speaker:
    """`the statement said`, `the suit alleges`, `the website for the campaign`: no one to name, but
    the verifier sees what spoke."""
    start, end = noun_phrase(tok)
    text = tok.doc[start:end].text
    return Speaker(text, "unresolved", tok.doc[start].idx, end_char(tok.doc, end), text.lower(),
                   evidence="description")


def _owner(tok: Token, cast: Cast, last_group: Speaker | None, depth: int) -> Speaker | None:
    """`his response`, `a statement from the Prime Minister's Office`: whose words they are."""
    for child in tok.children:
        if child.dep_ == "poss" and child.ent_type_ not in ("DATE", "TIME"):  # not `Thursday's memo`
            return resolve(child, cast, last_group, depth + 1)
        if child.dep_ in ("prep", "agent") and child.lower_ in ("from", "by", "of"):
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return resolve(obj, cast, last_group, depth + 1)
    return None


def _voiced_by(tok: Token, cast: Cast, last_group: Speaker | None, depth: int) -> Speaker | None:
    """`Okafor said in a statement that…`, `In an address…, Greer argued`, `issued a statement`: words
    nobody owns by name belong to whoever delivered them, the subject of the verb they hang from."""
    verb = tok.head
    if tok.dep_ == "pobj" and verb.dep_ == "prep" and verb.lower_ in _DELIVERED_IN:
        verb = verb.head
    elif not (tok.dep_ == "dobj" and verb.lemma_.lower() in _DELIVERING):
        return None
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.lower_ in _RELATIVE:
        return None
    found = resolve(subject, cast, last_group, depth + 1, loose=False)
    return found if found is not None and found.kind != "unresolved" else None


def _user(tok: Token, cast: Cast, last_group: Speaker | None, depth: int) -> Speaker | None:
    """`Ruiz promised to stop using the phrase “…”`, `Roe did not like the word “…”`: words named
    as words are not a document that speaks; whoever uses them, or judges them, is the speaker
    (the subject of the verb the noun is the object of, through `promised to stop using`)."""
    if tok.lemma_.lower() not in _MENTIONED or tok.dep_ not in ("dobj", "pobj"):
        return None
    verb = tok.head.head if tok.dep_ == "pobj" else tok.head
    for _ in range(4):
        if verb.pos_ not in ("VERB", "AUX"):
            return None
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None:
            if subject.lower_ in _RELATIVE:
                return None
            found = resolve(subject, cast, last_group, depth + 1, loose=True)
            return found if found is not None and found.kind != "unresolved" else None
        if verb.dep_ not in ("xcomp", "advcl", "pcomp", "conj") or verb.head == verb:
            return None
        verb = verb.head.head if verb.dep_ == "pcomp" else verb.head
    return None


def _common_noun(tok: Token, cast: Cast, loose: bool) -> Speaker | None:
    doc = tok.doc
    lemma = tok.lemma_.lower()
    if tok.pos_ in ("NOUN", "PRON", "NUM") and (named := _apposed_name(tok, cast)) is not None:
        return named  # `one of the top deans, Walter Brisco,`: the description names its person
    if tok.pos_ == "NOUN" and lemma in TITLE_WORDS and any(c.lower_ == "the" for c in tok.lefts):
        found = _from_mention(titled_antecedent(cast, tok), cast, guessed=True)
        if found:
            return found
    if tok.pos_ not in ("NOUN", "NUM", "PRON"):
        return None
    if lemma not in ANON_NOUNS and lemma not in ORG_NOUNS and not (loose and is_person_noun(tok)):
        return None
    if tok.lower_ in _GENERIC and all(c.is_punct or c.dep_ in ("cc", "conj") for c in tok.children):
        return None  # `people say`: no one in particular; `some people`, `people close to him` are sources
    start, end = noun_phrase(tok)
    kind: SpeakerKind = "organization" if lemma in ORG_NOUNS else "anonymous"
    if kind == "organization" and doc[start].lower_ == "the":
        start += 1  # `the Trump administration` is named `Trump administration`
    text = doc[start:end].text
    return Speaker(text, kind, doc[start].idx, end_char(doc, end), text.lower(),
                   evidence="organization" if kind == "organization" else "description")


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
    if head.lower_ in _TIME_NOUNS or head.lower_ in _RELATIVE or head.lemma_.lower() in STATEMENT_NOUNS:
        return None
    doc = head.doc
    text = doc[words[0].i:head.i + 1].text
    return Speaker(text, "anonymous", words[0].idx, end_char(doc, head.i + 1), text.lower(),
                   evidence="description")


def _member(tok: Token) -> Speaker:
    """`a Nevada Democrat`, `another Republican`: one unnamed member of a group is a person."""
    start, end = tok.left_edge.i, tok.i + 1
    text = tok.doc[start:end].text
    return Speaker(text, "anonymous", tok.doc[start].idx, end_char(tok.doc, end), text.lower(),
                   evidence="description")


def _apposed_name(tok: Token, cast: Cast) -> Speaker | None:
    named = next((c for c in tok.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
    if named is None or cast.person(named) is None:
        named = _name_before_verb(tok, cast)
    if named is None or (person := cast.person(named)) is None:
        return None
    start, end = cast.bounds(named) or name_bounds(named)
    return Speaker(person.name, "named", tok.doc[start].idx, end_char(tok.doc, end), person.key,
                   evidence="name_at_cue")


def _name_before_verb(tok: Token, cast: Cast) -> Token | None:
    """`The editor I was talking to, Tim Grieve, interrupted…`, `One of her former supporters who
    backs Ruiz, former Rep. Pat Roe, wrote…`: a name set off by commas that closes the subject right
    before its verb names the described person, however the parse hung it on the clause inside."""
    verb = tok.head
    if tok.dep_ not in ("nsubj", "nsubjpass") or verb.i <= tok.i or verb.i - tok.i > 30:
        return None
    doc = tok.doc
    if doc[verb.i - 1].text != ",":
        return None
    opened = next((j for j in range(verb.i - 2, max(tok.i, verb.i - 8), -1) if doc[j].text == ","), None)
    if opened is None:
        return None
    name = doc[verb.i - 2]
    # only a name, with its title: `an aide to Senator Jane Doyle` serves the name, it is not hers
    if name.pos_ != "PROPN" or name.ent_type_ != "PERSON" \
            or any(t.pos_ in ("VERB", "ADP", "NOUN", "PRON") for t in doc[opened + 1:verb.i - 1]):
        return None
    return name if cast.person(name) is not None else None


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
    return Speaker(text, "organization", doc[start].idx, end_char(doc, end), text.lower(),
                   evidence="organization")


def _from_mention(mention: Mention | None, cast: Cast, *, guessed: bool,
                  pronoun: Token | None = None) -> Speaker | None:
    """The person a pronoun or a bare title (`the president`) stands for."""
    if mention is None:
        return None
    tok = cast.doc[mention.i]
    start, end = cast.bounds(tok) or name_bounds(tok)
    person = cast.people[mention.key]
    agreeing = pronoun is not None and agrees(cast, mention.key, pronoun)
    evidence: SpeakerEvidence = "pronoun_agree" if agreeing else "pronoun"
    return Speaker(person.name, "named", cast.doc[start].idx, end_char(cast.doc, end), person.key, guessed,
                   evidence)


def _statement_before(tok: Token, cast: Cast) -> Token | None:
    """`Now they've put out another statement. “…,” it says.`: `it` is the statement the sentence
    before (or its own, before the pronoun) names outside quotes, not the last organisation; one
    statement, not a kind of them (`a group that monitors extremist statements. It said`)."""
    start = sentences_back(tok, 1)
    nouns = [t for t in tok.doc[start:tok.i] if t.tag_ == "NN" and t.lemma_.lower() in STATEMENT_NOUNS
             and cast.narrative(t.idx) and not _said_by_it(t)]
    return nouns[-1] if nouns else None


def _said_by_it(noun: Token) -> bool:
    """`It also pointed up a core complaint`: what an earlier `it` said is not that `it`."""
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ == "it" for c in noun.head.children)


def _guess(speaker: Speaker | None) -> Speaker | None:
    """A group pronoun (`they said`) standing for the last group that spoke: a guess."""
    if speaker is None:
        return None
    # a company carried over to a `they` is shown as what it is, with an organisation's confidence
    evidence = "organization" if speaker.kind == "organization" else speaker.evidence
    return dataclasses.replace(speaker, guessed=True, evidence=evidence)
