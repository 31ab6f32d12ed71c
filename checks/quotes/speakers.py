"""Who a speaker token stands for: a person of the article's cast, a description, an organisation.

`resolve` turns the token in a cue's speaker slot into a Speaker (the record is cast.py's). People
come from the cast (cast.py: names, bare surnames; antecedents.py: who a pronoun or `the president`
stands for); a platform (`wrote on Twitter`) is never a speaker. Here: the pronouns, the statement
that speaks for its owner (`his statement`, `said in a statement`), and the people a common noun
stands for. Outlets, companies and organisations the model tagged are outlets.py's; descriptions
and misread names in the slot are speaker_slot.py's.
"""

from __future__ import annotations

import bisect
import dataclasses

from spacy.tokens import Doc, Token

from ..models import SpeakerEvidence, SpeakerKind
from .antecedents import agrees, described_antecedent, group_antecedent, referent, titled_antecedent
from .cast import Cast, Mention, Person, Speaker
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
)
from .epithets import aged
from .outlets import ORG_LABELS, joined_name_start, organisation, outlet_or_company
from .phrases import after_the, end_char, name_bounds, noun_phrase, proper_bounds, sentences_back
from .pronouns import INDEFINITE, PRONOUN_GENDER
from .speaker_slot import RELATIVE, described, handle, in_speaker_slot, member, name_after_quote
from .subjects import aside_teller, modal_name, subject_of

# Cast, Person, Speaker, described and in_speaker_slot live elsewhere: the quote finders import
# them from here, with resolve
__all__ = ["DELIVERING", "Cast", "Person", "Speaker", "described", "in_speaker_slot", "resolve"]

# `said in a statement`, `during an interview`: the prepositions that put words in someone's mouth
_DELIVERED_IN = frozenset({"in", "during"})
# Verbs whose subject is the author of the statement they take: `Vance issued a statement`.
DELIVERING = frozenset("""issue release make give deliver send post write publish offer share present file
    put submit sign pen tweet defend express voice read""".split())
# Nouns for words named as words (`the phrase “…”`), not for a statement that speaks.
_MENTIONED = frozenset({"phrase", "word", "words", "term", "label"})
# A generic plural is nobody in particular: `billboards in which people say, “…”`.
_GENERIC = frozenset({"people", "folks"})
# Roles of someone who speaks for an organisation, whom a singular `they` may stand for.
_SPEAKS_FOR = frozenset("spokesperson spokesman spokeswoman representative publicist".split())
_ROLE_PREPOSITIONS = frozenset({"for", "of", "at", "with", "to"})
_DATELINE_MARKS = frozenset({"—", "–", "-", "--", ","})


def resolve(tok: Token, cast: Cast, last_group: Speaker | None = None, depth: int = 0,
            loose: bool = True) -> Speaker | None:
    """The speaker a subject token stands for, or None when it is not a speaker at all.

    `loose` is for a subject right next to a quotation, where any person noun speaks
    (`the crowd chanted`); reported speech elsewhere needs a known source noun."""
    doc = tok.doc
    low = tok.lower_
    if low in PERSON_PRONOUNS:
        found_for = referent(cast, tok)
        mention = found_for if isinstance(found_for, Mention) else None
        chained = found_for if isinstance(found_for, Token) else None  # the description a chain began with
        unnamed = chained if chained is not None else (
            described_antecedent(cast, tok, mention) if depth == 0 else None)
        found = _common_noun(unnamed, cast, loose=True) if unnamed is not None else None
        if found is not None:  # a description reached through a chain of pronouns is the pronoun's
            # reading, confirmed as one (`A president who … . Where he used to boast …, he said`)
            evidence = "pronoun" if chained is not None else found.evidence
            return dataclasses.replace(found, guessed=True, evidence=evidence)
        if mention is not None and company(cast.people[mention.key], cast):
            return _last_person(cast, tok)  # `he` is never a company, a label or a product
        return _from_mention(mention, cast, guessed=True, pronoun=tok)
    if low == "it" and depth < 2 and (document := _statement_before(tok, cast)) is not None:
        return _guess(resolve(document, cast, last_group, depth + 1))
    if low == "they" and depth == 0 and (spokesperson := _spokesperson(tok, cast)) is not None:
        return spokesperson
    if low in GROUP_PRONOUNS:
        group = (group_antecedent(cast, tok) or company_before(tok, cast)) if depth < 2 else None
        nearest = resolve(group, cast, None, depth + 1, loose=False) if group is not None else None
        return _guess(nearest or last_group)
    if tok.pos_ == "PRON" and low not in ("one", "another", "someone"):
        return None
    if low in PLATFORMS:  # `wrote on Twitter`: the platform carried the words, someone else wrote them
        return organisation(tok) if tok.dep_ in ("nsubj", "nsubjpass") else None
    if tok.pos_ == "NOUN" and tok.lemma_.lower() in STATEMENT_NOUNS and depth < 2:
        return _owner(tok, cast, last_group, depth) or _voiced_by(tok, cast, last_group, depth) \
            or _user(tok, cast, last_group, depth) or described(tok)
    if modal_name(tok):
        return _modal_named(tok, cast)
    if (person := cast.person(tok)) is not None:
        if (organisation_named := outlet_or_company(tok, person, cast)) is not None:
            return organisation_named  # `Politico reported`, `Big Machine have denied`
        start, end = cast.bounds(tok) or name_bounds(tok)
        return Speaker(person.name, "named", doc[start].idx, end_char(doc, end), person.key,
                       evidence="name_at_cue")
    if tok.ent_type_ == "NORP" and tok.tag_ == "NNP" and any(
            c.dep_ == "det" and c.lower_ in INDEFINITE for c in tok.children):
        return member(tok)
    if (tok.ent_type_ in ("DATE", "TIME") and tok.pos_ == "PROPN") or _dateline(tok):
        return None  # `Tuesday in New York City, … Clinton said`, `TALLAHASSEE — Rep. …`: a day or a
        # dateline the parse made the subject
    if (pseudonym := handle(tok)) is not None:
        return pseudonym  # `wrote user jayk1984`: someone's handle, not an organisation
    if tok.ent_type_ in ORG_LABELS and tok.pos_ == "PROPN":
        return _misspelt(tok, cast) or organisation(tok)
    if tok.pos_ == "PROPN":
        start, end = proper_bounds(tok)
        words = {t.lower_ for t in doc[start:end]}
        kind: SpeakerKind = "organization" if words & ORG_NOUNS or company_name(tok) or after_the(tok) \
            else "named"  # `the British Bill`: no person
        if (joined := _joined_name_end(tok, start, end, cast)) is not None:
            end, kind = joined, "organization"
        elif kind == "organization" and (opened := joined_name_start(doc, start)) is not None:
            start = opened
        name = doc[start:end].text
        return Speaker(name, kind, doc[start].idx, end_char(doc, end), name.lower(),
                       evidence="organization" if kind == "organization" else "name_at_cue")
    if name_after_quote(tok):
        return Speaker(tok.text, "named", tok.idx, tok.idx + len(tok.text), low, evidence="name_at_cue")
    if aged(tok):  # `The 56-year-old said`: a description; roles.named_for_role asks whom it refers to
        return in_speaker_slot(list(tok.subtree))
    return _common_noun(tok, cast, loose)


def _joined_name_end(tok: Token, start: int, end: int, cast: Cast) -> int | None:
    """`Customs and Border Protection said`: one name the model tagged whole (as a thing, not a
    person) that goes on past `and` in capitalised words is one body's name, not a person called
    by its first word. People joined by `and` are tagged apart, and a person of the story inside
    it (`Smith and Jones`) keeps the name apart."""
    doc = tok.doc
    label = tok.ent_type_
    if not label or label == "PERSON" or doc[start].ent_iob_ != "B" or end >= len(doc) \
            or doc[end].lower_ not in ("and", "&") or doc[end].ent_iob_ != "I":
        return None
    last = end + 1
    while last < len(doc) and doc[last].ent_iob_ == "I":
        last += 1
    rest = doc[end + 1:last]
    if not len(rest) or not all(t.pos_ == "PROPN" and t.is_title for t in rest) \
            or any(cast.person(t) is not None for t in doc[start:last]):
        return None
    return last


def _dateline(tok: Token) -> bool:
    """A word in capitals opening its line before a dash or a comma: `TALLAHASSEE —`."""
    doc = tok.doc
    opens = tok.i == 0 or "\n" in doc[tok.i - 1].text_with_ws
    after = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    return opens and tok.is_upper and len(tok.text) > 2 and after is not None \
        and after.text in _DATELINE_MARKS


def _misspelt(tok: Token, cast: Cast) -> Speaker | None:
    """`“…,” Hauser said` in a story about Tom Houser: a lone capitalised word the model took for an
    organisation, a letter off the surname of one person of the story and nothing else in the
    story's forms of it like a company's (`Inc.`, `Group`…), is that person's name mistyped."""
    doc = tok.doc
    lone = tok.ent_iob_ == "B" and (tok.i + 1 == len(doc) or doc[tok.i + 1].ent_iob_ != "I")
    if not lone or not tok.is_alpha or not tok.is_title or company_name(tok):
        return None
    person = cast.misspelt(tok.text)
    if person is None:
        return None
    return Speaker(person.name, "named", tok.idx, tok.idx + len(tok.text), person.key, guessed=True,
                   evidence="name_at_cue")


def _modal_named(tok: Token, cast: Cast) -> Speaker | None:
    """`“…,” Will wrote` in a story about George Will: the surname the tagger read as a modal is the
    person of the cast who holds it; a name the model saw as a person's (`Theresa May`) that the cast
    missed is still named as written. Anything else is no speaker."""
    person = cast.people.get(tok.lower_)
    end = tok.idx + len(tok.text)
    if person is not None and person.key == tok.lower_:
        return Speaker(person.name, "named", tok.idx, end, person.key, evidence="name_at_cue")
    if tok.ent_type_ == "PERSON":
        return Speaker(tok.text, "named", tok.idx, end, tok.lower_, evidence="name_at_cue")
    return None


def _spokesperson(pronoun: Token, cast: Cast) -> Speaker | None:
    """`Kym Lino, a spokesperson for Instagram, confirmed the change. “…,” they said`: a singular
    `they` for the person who speaks for the company, when that person is the last subject of the
    pronoun's sentence or the one before, after any group a plural `they` could stand for."""
    at = bisect.bisect_left(cast.mention_at, pronoun.i)
    last = next((m for m in reversed(cast.mentions[max(0, at - 3):at]) if m.subject), None)
    if last is None or last.i < sentences_back(pronoun, 1):
        return None
    group = bisect.bisect_left(cast.groups, pronoun.i)
    if group > 0 and cast.groups[group - 1] > last.i:
        return None  # `Whitlock said the company agreed. “…,” they said`: the company
    person = cast.people[last.key]
    role = (person.role or "").lower().split()
    head = role[:next((k for k, w in enumerate(role) if w in _ROLE_PREPOSITIONS), len(role))]
    if not _SPEAKS_FOR.intersection(head) or company(person, cast):
        return None
    return _from_mention(last, cast, guessed=True, pronoun=pronoun)


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
    elif not (tok.dep_ == "dobj" and verb.lemma_.lower() in DELIVERING):
        return None
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None and verb.tag_ == "VBG":
        subject = subject_of(verb)  # `X condemned the attack, saying in a statement that…`: X says it
    if subject is None or subject.lower_ in RELATIVE:
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
            if subject.lower_ in RELATIVE:
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
    after = next((t for t in doc[tok.i + 1:tok.i + 3] if not t.is_space), None)
    if lemma not in ANON_NOUNS and lemma not in ORG_NOUNS and after is not None and after.pos_ == "PROPN":
        return None  # `his nephew Ali Haddad added`: a title right before a name; the name is who speaks
    if tok.lower_ in _GENERIC and all(c.is_punct or c.dep_ in ("cc", "conj") for c in tok.children):
        return None  # `people say`: no one in particular; `some people`, `people close to him` are sources
    start, end = noun_phrase(tok)
    start = _after_named_conjunct(doc, start, tok.i, cast)
    kind: SpeakerKind = "organization" if lemma in ORG_NOUNS else "anonymous"
    if kind == "organization" and doc[start].lower_ == "the":
        start += 1  # `the Trump administration` is named `Trump administration`
    text = doc[start:end].text
    return Speaker(text, kind, doc[start].idx, end_char(doc, end), text.lower(),
                   evidence="organization" if kind == "organization" else "description")


def _after_named_conjunct(doc: Doc, start: int, head: int, cast: Cast) -> int:
    """`Holcomb and GOP legislative leaders touted the plan`, parsed with the leaders as the subject:
    the unnamed part is what comes after `and`; the person named before it is no part of the
    description (an anonymous source that opened with a name would be anything but anonymous)."""
    for j in range(start + 1, head):
        if doc[j].lower_ in ("and", "&") and any(cast.person(t) is not None for t in doc[start:j]):
            start = j + 1
    return start


def _apposed_name(tok: Token, cast: Cast) -> Speaker | None:
    named = next((c for c in tok.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
    if named is None and tok.dep_ == "appos" and tok.head.pos_ == "PROPN" \
            and aside_teller(tok.head, tok.head.head) != tok:  # `Clinton, a top aide said, “is …”`
        # `said Scott Reed, the Chamber's chief strategist, who added that…`: the description set
        # beside a name is that person, wherever a clause after it picks the description up
        named = tok.head
    if named is None or cast.person(named) is None:
        named = _name_before_verb(tok, cast) or _titled_conjunct(tok)
    if named is None or (person := cast.person(named)) is None:
        return None
    start, end = cast.bounds(named) or name_bounds(named)
    return Speaker(person.name, "named", tok.doc[start].idx, end_char(tok.doc, end), person.key,
                   evidence="name_at_cue")


def _titled_conjunct(tok: Token) -> Token | None:
    """`Transit analyst and staff writer Tom Reyes wrote…`: news style stacks a person's titles
    before the name with no article, so a bare singular role joined by `and` to a name that carries
    a role of its own is that one person's first title. `The mayor and Jane Doe said` is two people:
    a role with an article (or a number, or an owner) stands for someone else."""
    if tok.tag_ != "NN" or any(c.dep_ in ("det", "poss", "nummod") for c in tok.children) \
            or not any(c.dep_ == "cc" and c.lower_ == "and" for c in tok.children):
        return None
    name = next((c for c in tok.children if c.dep_ == "conj"), None)
    if name is None or name.pos_ != "PROPN" or name.ent_type_ != "PERSON":
        return None
    titled = any(c.dep_ == "compound" and c.pos_ == "NOUN" and c.i < name.i for c in name.children)
    return name if titled and not any(c.dep_ == "det" for c in name.children) else None


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
