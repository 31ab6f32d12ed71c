"""Who a pronoun stands for: `he` or `she` (`antecedent`: a person of the cast, and
`described_antecedent`: an unnamed person the story described, `a retired nurse`), `they` or `it`
(`group_antecedent`: a group or an organisation that was a subject just before), and who a bare
title stands for (`titled_antecedent`: `the president said`). speakers.resolve asks these.

cast.py keeps the record (the people, their mentions in story order, the groups and unnamed
people); the rules that choose among them live here, as functions of the cast that keep no state
of their own, so the record and the salience rules can each be read, and grow, on their own.
`antecedent` tries, in order: the person an `As for X,` before the pronoun turns to; the person whose
`who` clause holds the pronoun (`student Nia Porter, who … when she called him`); the main-clause
subject of the pronoun's own sentence (never a name
inside a participle the pronoun is the subject of: `Asked about …, she replied`); the same
pronoun as the main subject earlier in the sentence or the one before, followed back (`_chained`),
or an unnamed person's description where that chain begins (`referent`: `One delegate said he …`);
the subject highest in its own sentence; the one person the sentence just before is about
(`_topic_just_before`); the most salient fitting person of the two sentences before (`_rank`).
Everyone has to fit the pronoun's gender (`_fits`) and not be whom its verb addresses (`_addressed`);
a bare title as a subject just before (`the admiral said`) counts as a mention of its one holder
(`_titled_subjects`).
"""

from __future__ import annotations

import bisect
import dataclasses

from spacy.tokens import Token

from .cast import ASKING, LOOKBACK, SUBJECT, Cast, Mention, Person, named_by, sentence_start
from .cues import ANON_NOUNS, TITLE_WORDS, is_person_noun, is_speech_verb
from .phrases import sentences_back
from .pronouns import ANYONE, HONORIFIC_GENDER, PRONOUN_GENDER, noun_gender

__all__ = ["agrees", "antecedent", "described_antecedent", "group_antecedent", "referent",
           "titled_antecedent"]

_DEFINITE = frozenset({"the", "this", "that"})
_SENTENCES_BACK = 2  # sentences with a fitting person a pronoun may look back over
_CHAIN = 3  # sentences in a row about the same `he` a pronoun may follow back
_SKIPPED = 1  # sentences naming nobody that a chain of the same `he` may pass over
_QUOTED = 4  # sentences wholly inside a quotation that a chain of the same `he` may pass over
_TITLED_BACK = 4  # sentences back in which a bare title as a subject counts as a mention of its holder
_INVERTED_WORDS = 4  # words from `said` to the head of `the woman` after it
_UNNAMED_REACH = 80  # tokens from an unnamed person to a `the woman` that may be her
_REFERRED = 2  # `her`s after a name in its sentence that make it what the sentence is about


def antecedent(cast: Cast, pronoun: Token) -> Mention | None:
    """Who a `he` or `she` is: a fitting subject of its own sentence, else the person the same
    pronoun stood for as the subject of the sentence before, else the most salient fitting
    person of the sentences just before (see `_rank`). None when nobody fits, or when the chain
    of the same pronoun leads back to an unnamed person's description (`referent` gives it)."""
    found = referent(cast, pronoun)
    return found if isinstance(found, Mention) else None


def referent(cast: Cast, pronoun: Token, depth: int = 0, at: Token | None = None) -> Mention | Token | None:
    """`antecedent`, or the unnamed person's description a chain of the same `he`/`she` leads back
    to as the main subject of a sentence just before (`One delegate said he tried …. He could not
    …, he said. “…,” he said`: the delegate, not a man named before), the token of its head noun;
    a definite one of a kind of person (`the singer`) is read in turn as the pronoun would be where
    it stands (`at`): the person named before it, else (another description, nobody) the pronoun is
    read as if its chain broke there. A description with a name beside it is that person
    (`_described_subject`). speakers.resolve credits the description."""
    tok = at or pronoun  # where the pronoun is read from; its gender is always the pronoun's
    found_at = bisect.bisect_left(cast.mention_at, tok.i)
    sent = sentence_start(tok)
    addressed = _addressed(cast, tok)
    reach = cast.mentions[max(0, found_at - LOOKBACK):found_at]  # the mentions a pronoun may reach back to
    near = [m for m in sorted([*reach, *_titled_subjects(cast, tok, reach)], key=lambda m: m.i)
            if _fits(cast, m, pronoun) and m.key not in addressed]
    if (namesake := _unfit_namesake(cast, reach, pronoun, sent)):
        subject, fitting = namesake
        return dataclasses.replace(subject, key=fitting[0].key) if len(fitting) == 1 else None
    if (topic := _as_for(near, tok)) is not None:
        return topic
    if (owner := _relative_owner(near, tok)) is not None:
        return owner
    same = [m for m in near
            if m.sent == sent and m.subject and not _in_own_participle(cast.doc[m.i], tok)]
    if same and any(m.main for m in same):  # the main clause's subject over one inside a clause
        return [m for m in same if m.main][-1]  # ("X declined to say whether Y …")
    if depth < _CHAIN and (before := _chained(cast, pronoun, sent, tok)) is not None:
        if isinstance(before, Token) and before.lower_ in PRONOUN_GENDER:
            return referent(cast, before, depth + 1)
        if not (isinstance(before, Token) and _refers_back(before)):
            return before  # a description, or the person named beside it
        # read afresh from the definite description (the text before it is shorter): the person
        # named it stands for, else the salience below, as if the chain had broken there
        if isinstance(back := referent(cast, pronoun, at=before), Mention):
            return back
    if same:  # the subject highest in the sentence: `Tyler said that … Cruz has “…,” he said` is Tyler
        return min(reversed(same), key=lambda m: sum(1 for _ in cast.doc[m.i].ancestors))
    earlier = [m for m in near if m.sent != sent]
    if not earlier:
        return None
    if (topic := _topic_just_before(cast, earlier, sent)) is not None:
        return topic
    sents = sorted({m.sent for m in earlier})
    recent = [m for m in earlier if m.sent in sents[-_SENTENCES_BACK:]]
    return max(recent, key=lambda m: _rank(cast, m, sents, pronoun))


def _refers_back(description: Token) -> bool:
    """`the singer`, `the campaign manager`: a definite description of a kind of person, most often
    someone the story named before; `the woman`, `the man` may be anyone, and `the spokesman` a
    source the story did not name (epithets' rules too)."""
    return description.lemma_.lower() not in ANYONE | ANON_NOUNS and _definite(description)


def _definite(noun: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in noun.children)


def _in_own_participle(name: Token, pronoun: Token) -> bool:
    """`Asked about her vote in the event that Alvarado faces Marr, she replied`: the one asked is
    the pronoun itself (the participle has no subject of its own), so a name inside that clause is
    someone it is about, never the pronoun's antecedent."""
    verb = pronoun.head
    if pronoun.dep_ not in SUBJECT or verb == pronoun:
        return False
    for up in name.ancestors:
        if up == verb:
            return False
        if up.dep_ == "advcl" and up.head == verb and up.tag_ in ("VBN", "VBG") \
                and not any(c.dep_ in SUBJECT for c in up.children):
            return True
    return False


def _titled_subjects(cast: Cast, pronoun: Token, reach: list[Mention]) -> list[Mention]:
    """`The comments had two goals, the admiral said. … “…,” he said`: a bare title as the subject of a
    sentence just before (`the admiral`) is the person named with that title, as salient as their
    name would be there, when one person of the story holds it and was named not long before (`the
    Vermont senator`, `the former president` say more than a title, and a story's senators are not all
    known as senators)."""
    out: list[Mention] = []
    recent = {m.key for m in reach}
    for tok in cast.doc[sentences_back(pronoun, _TITLED_BACK):pronoun.i]:
        if tok.dep_ in SUBJECT and tok.pos_ == "NOUN" and tok.lemma_.lower() in TITLE_WORDS \
                and [c.lower_ for c in tok.children] == ["the"] and cast.narrative(tok.idx) \
                and (m := titled_antecedent(cast, tok)) is not None and m.key in recent \
                and sum(1 for k, p in cast.people.items() if k == p.key and tok.lower_ in p.titles) == 1 \
                and not _other_subject_before(cast, tok, m.key):
            out.append(Mention(tok.i, m.key, True, sentence_start(tok), main=tok.head == tok.sent.root,
                               speaks=is_speech_verb(tok.head)))
    return out


def _other_subject_before(cast: Cast, tok: Token, key: str) -> bool:
    """`Rubio stopped by his headquarters. …, the senator said`: a title right after sentences about
    someone else (the two before it) is most likely that one, whatever title the story gave them."""
    start = sentence_start(tok)
    at = bisect.bisect_left(cast.mention_at, sentences_back(tok, 2))
    return any(m.main and m.key != key for m in cast.mentions[at:bisect.bisect_left(cast.mention_at, start)])


def _as_for(near: list[Mention], pronoun: Token) -> Mention | None:
    """`As for Ruiz, she said she is not worried`: the person a sentence turns to with `as for`
    before its pronoun subject is who that pronoun is."""
    verb = pronoun.head
    if pronoun.dep_ not in SUBJECT or verb == pronoun:
        return None
    named = {o.i for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" and c.i < pronoun.i
             for f in c.children if f.lower_ == "for" for o in f.children if o.dep_ == "pobj"}
    return next((m for m in reversed(near) if m.i in named), None)


def _relative_owner(near: list[Mention], pronoun: Token) -> Mention | None:
    """`student Nia Porter, who made me feel old when she called him “…”`: a pronoun inside the `who`
    clause of a person who fits it is that person (the clause is about them), not the sentence's
    subject nor the last speaker; not the clause's own subject (`Ruiz, who she says lied`)."""
    for up in pronoun.ancestors:
        if up.dep_ == "relcl" and pronoun.head != up and _who_clause(up):
            return next((m for m in reversed(near) if m.i == up.head.i), None)
    return None


def _who_clause(verb: Token) -> bool:
    return any(c.dep_ == "nsubj" and c.lower_ == "who" for c in verb.children)


def _unfit_namesake(cast: Cast, before: list[Mention], pronoun: Token,
                    sent: int) -> tuple[Mention, list[Person]] | None:
    """`Gille recalls that …; she said …` in a story with John Gille and two women named Gille: the
    main subject of the pronoun's sentence, else of the sentence just before when its own names
    nobody, is a bare surname that several people hold, and the one the cast took it for is not of
    the pronoun's gender. The pronoun stands for a namesake known to fit: that one when only one does;
    when several do, the words do not say which (when none is known to, the rule does not apply).
    Either way, never someone the sentence is not about, named earlier. The subject and the namesakes
    who fit, or None when no such subject stands there."""
    own = [m for m in before if m.sent == sent]
    if not own and sent:
        own = [m for m in before if m.sent == sentence_start(cast.doc[sent - 1])]
    subjects = [m for m in own if m.main] or [m for m in own if m.subject]
    if not subjects:
        return None
    # the subject highest in the sentence, as `antecedent` reads it
    top = min(reversed(subjects), key=lambda m: sum(1 for _ in cast.doc[m.i].ancestors))
    namesakes = cast.namesakes(cast.doc[top.i])
    if not namesakes or _fits(cast, top, pronoun) or _titled(cast.doc[top.i]):
        return None
    # only a namesake the story shows to be of the pronoun's gender: one of unknown gender (a book
    # titled `Trump v. Trump`, a first name the lists do not know) is no evidence the subject is wrong
    want = PRONOUN_GENDER.get(pronoun.lower_)
    fitting = [p for p in namesakes if p.sex() == want]
    return (top, fitting) if fitting else None


def _titled(surname: Token) -> bool:
    """`Mrs. Clinton, with her service …, “…,” he said`: a surname under Mr. or Mrs. is of a known
    gender, so a pronoun of the other one is somebody else (the speaker), not a namesake."""
    return surname.i > 0 and surname.doc[surname.i - 1].lower_ in HONORIFIC_GENDER


def _fits(cast: Cast, mention: Mention, pronoun: Token) -> bool:
    """`she` is not a man: the story's own evidence, else the first name, rules people out."""
    want = PRONOUN_GENDER.get(pronoun.lower_)
    known = cast.people[mention.key].sex()
    return want is None or known is None or known == want


def _addressed(cast: Cast, pronoun: Token) -> set[str]:
    """`“…,” he told Rubio`, `she asked Ms. Ortiz`: whoever the pronoun's own verb speaks to is
    someone else, however salient they were the sentence before."""
    verb = pronoun.head
    if pronoun.dep_ not in SUBJECT or verb == pronoun:
        return set()
    heard = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    heard += [o for c in verb.children if c.dep_ == "prep" and c.lower_ == "to"
              for o in c.children if c.dep_ == "pobj"]
    return {person.key for tok in heard if (person := cast.person(tok)) is not None}


def _chained(cast: Cast, pronoun: Token, start: int, at: Token) -> Token | Mention | None:
    """`Nefzi said… He said Brandt “did not…” “We never…,” he said`: when the pronoun's own
    sentence, or else the sentence before, is about the same `he` (its main subject), this `he`
    is that one too, not a man the sentence names inside its clause."""
    if pronoun.lower_ not in PRONOUN_GENDER:
        return None
    own = _main_subject(cast, range(start, at.i))
    if own is not None and own.i < at.i and (found := _same_pronoun(cast, own, pronoun)) is not None:
        return found
    # a description ends the chain only for a pronoun its own sentence is about (`her claim that she
    # “…”` in a sentence about `the comments` follows no one's chain)
    free = own is None or own.i >= at.i or not cast.narrative(own.idx)
    skipped = quoted = 0
    opens = _quoted(cast, range(start, at.i), empty=True)  # `“…,” she added`, `She added:`
    while skipped <= _SKIPPED:
        if start == 0:
            return None
        before = sentence_start(cast.doc[start - 1])
        if opens and _quoted(cast, range(before, start)) and quoted < _QUOTED:
            quoted += 1  # `she replied: “I don't know. I'm going to see.” ⏎ “Really,” she added`: the
            start = before  # parser's sentence inside a quotation goes on with its speaker's
            continue
        subject = _main_subject(cast, range(before, start))
        if subject is not None and (same := _same_pronoun(cast, subject, pronoun)) is not None:
            return same
        described = _described_subject(cast, subject, pronoun) if subject is not None and free else None
        if described is not None:
            return described
        if not _nobody(cast, range(before, start)):
            return None
        skipped += 1
        start = before  # `… he was photographed with Vosk. Was this a farewell? He told…`: a
        # sentence naming nobody, with no `he` of its own, does not break the chain
    return None


def _quoted(cast: Cast, span: range, empty: bool = False) -> bool:
    """Every word of the tokens in `span` is inside quotation marks (or there is none, when `empty`):
    a sentence the parser cut out of a quotation, whose speaker is named before or after it, not a
    speaker of its own."""
    words = [t for t in cast.doc[span.start:span.stop] if not (t.is_space or t.is_punct)]
    return (empty or bool(words)) and not any(cast.narrative(t.idx) for t in words)


def _main_subject(cast: Cast, span: range) -> Token | None:
    """The subject of the main verb of the tokens in `span` (a sentence, cut at a paragraph)."""
    if not span:
        return None
    last = cast.doc[span.stop - 1]
    root = last.sent.root if last.sent.root.i in span else next(
        (t for t in cast.doc[span.start:span.stop] if t.head.i not in span and t.pos_ in ("VERB", "AUX")),
        last)
    found = next((c for c in root.children if c.dep_ in SUBJECT), None)  # `he was photographed`
    return found if found is not None or not is_speech_verb(root) else _inverted_subject(root)


def _inverted_subject(verb: Token) -> Token | None:
    """`“…,” said the woman, who like many did not want …`: after a speech verb that opens its clause
    with no subject of its own, the noun phrase right after it is its speaker (the parse may hang
    that noun on the relative clause that follows)."""
    for tok in verb.doc[verb.i + 1:min(len(verb.doc), verb.i + _INVERTED_WORDS + 1)]:
        if tok.pos_ in ("NOUN", "PROPN"):
            while tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].pos_ in ("NOUN", "PROPN"):
                tok = tok.doc[tok.i + 1]  # `said the store clerk`: the last noun is the head
            return tok
        if tok.pos_ not in ("DET", "ADJ", "NUM"):
            return None
    return None


def _described_subject(cast: Cast, subject: Token, pronoun: Token) -> Token | Mention | None:
    """`One delegate said he tried …`, `the singer said`: an unnamed person's description (cast.unnamed,
    `a retired nurse`, `the actress`; a bare title is its holder's mention, `_titled_subjects`) of
    the pronoun's gender as far as the noun says, as the main subject where a chain of the same
    `he` goes back: the chain ends with them. Not one who asks (the one asked answers), nor `the
    woman`, `the man` (the chain does not say whether she is the woman named before). A description
    with a name set beside it (`The other man, his cousin Jim Yost, 40,`) is that person's mention."""
    if _asks(subject):
        return None  # `a reporter asked …. “…,” he said`: the one asked answers
    if subject.pos_ == "NOUN" and (named := _apposed_mention(cast, subject)) is not None:
        return named if _fits(cast, named, pronoun) else None
    if subject.lemma_.lower() in ANYONE and _definite(subject) and subject.tag_ == "NN":
        # `the woman` may be a woman the story named (`a resident named Caroline`), and then the chain
        # does not say which and ends nowhere, or the unnamed one just before her (`a cashier … said
        # the woman`)
        return _unnamed_before(cast, subject, pronoun)
    at = bisect.bisect_left(cast.unnamed, subject.i)
    if at == len(cast.unnamed) or cast.unnamed[at] != subject.i:
        return None
    said = noun_gender(subject)
    return subject if said is None or said == PRONOUN_GENDER[pronoun.lower_] else None


def _unnamed_before(cast: Cast, noun: Token, pronoun: Token) -> Token | None:
    """`A cashier was shaken by …. “…,” said the woman. “…,” she said`: `the woman` is the unnamed
    person the story brought in just before her (`a cashier`, of her gender as far as its noun says),
    when nobody named since, of the pronoun's gender, could be her; the chain ends with that
    description. Someone of that gender named in between (`a resident named Caroline`) leaves it open."""
    at = bisect.bisect_left(cast.unnamed, noun.i)
    if at == 0:
        return None
    before = cast.doc[cast.unnamed[at - 1]]
    want = PRONOUN_GENDER[pronoun.lower_]
    if noun.i - before.i > _UNNAMED_REACH or _definite(before) \
            or noun_gender(before) not in (None, want) or noun_gender(noun) not in (None, want):
        return None
    since = range(bisect.bisect_left(cast.mention_at, before.i), bisect.bisect_left(cast.mention_at, noun.i))
    return None if any(_fits(cast, cast.mentions[n], pronoun) for n in since) else before


def _asks(subject: Token) -> bool:
    """The subject asks (`a reporter asked`, `a reporter can be heard asking Trump`)."""
    verb = subject.head
    return verb.lemma_.lower() in ASKING or any(
        c.dep_ == "xcomp" and c.lemma_.lower() in ASKING for c in verb.children)


def _apposed_mention(cast: Cast, noun: Token) -> Mention | None:
    """The first person named in an appositive of `noun` (or in one of that appositive's own)."""
    for appos in (c for c in noun.children if c.dep_ == "appos"):
        at = bisect.bisect_left(cast.mention_at, appos.left_edge.i)
        if at < len(cast.mentions) and cast.mention_at[at] <= appos.right_edge.i:
            return cast.mentions[at]
    # `a worker named Luis Ortega`: the name given by the participle after the noun
    for name in (g for c in noun.children if c.dep_ == "acl" for g in c.children if named_by(g) == noun):
        at = bisect.bisect_left(cast.mention_at, name.left_edge.i)
        if at < len(cast.mentions) and cast.mention_at[at] <= name.i:
            return cast.mentions[at]
    return None


def _same_pronoun(cast: Cast, subject: Token, pronoun: Token) -> Token | None:
    same = PRONOUN_GENDER.get(subject.lower_) == PRONOUN_GENDER[pronoun.lower_] and subject.pos_ == "PRON"
    return subject if same and subject != pronoun and cast.narrative(subject.idx) else None


def _nobody(cast: Cast, span: range) -> bool:
    """No person named and no he/she in the tokens of `span`, all of them the story's own words
    (a quotation is someone speaking, which does break the chain)."""
    at = bisect.bisect_left(cast.mention_at, span.start)
    if at < len(cast.mention_at) and cast.mention_at[at] < span.stop:
        return False
    return not any(t.lower_ in PRONOUN_GENDER or not (t.is_space or cast.narrative(t.idx))
                   for t in cast.doc[span.start:span.stop])


def _topic_just_before(cast: Cast, earlier: list[Mention], sent: int) -> Mention | None:
    """`I immediately thought of Carla Benning. … “…,” she replied`: a person the sentence just
    before is about, with nobody else who fits named in it, is who the next `she` is; the topic's
    low rank is for the cue's own sentence (`asked about Fisk, Roe said`), not the next one."""
    latest = max(earlier, key=lambda m: m.i)
    if not latest.topic or sent == 0 or latest.sent != sentence_start(cast.doc[sent - 1]):
        return None
    if any(t.lower_ in ("he", "she") or is_person_noun(t) for t in cast.doc[latest.sent:latest.i]):
        return None  # `A reporter asked about Governor Briggs.`: the one asked answers; only the
        # writer may be the one thinking or asking (`I immediately thought of Benning.`)
    return latest if all(m.key == latest.key for m in earlier if m.sent == latest.sent) else None


def _rank(cast: Cast, m: Mention, sents: list[int], pronoun: Token) -> tuple[int, int, bool, bool, int]:
    """Salience: the last speaker and the subjects first, a topic (`asked about X`) last, then
    the nearest sentence, then the main clause's subject over a name in a clause inside it
    (`Figgins declined to say whether … the night Epstein died`), then the one who speaks in it
    over whom their words are about (`Coffman, who …, said Mr. Trump had disrespected the troops.
    “…,” he said` is Coffman, also where the parse lost the main clause), then the latest mention. A
    known gender that agrees is no reason to prefer someone: that would punish every name
    the lists do not know. A person their sentence keeps calling `her` (`visited his agent Voss
    at her flat … on her table`) ranks with the subjects."""
    tier = 2 if (m.subject or m.key == cast.last_speaker or _referred(cast, m, pronoun)
                 or _own_clause_says(cast, m, pronoun)) \
        else (0 if m.topic else 1)
    # a speaker set in as an aside (`Trump, Sexton said, has created …`) holds the main clause's
    # rank: the sentence is his words about the subject, and the next `he said` goes on with him
    return tier, sents.index(m.sent), m.main or m.speaks, m.speaks, m.i


def _own_clause_says(cast: Cast, m: Mention, pronoun: Token) -> bool:
    """`… from student Nia Porter, who made me feel old when she called him “…”.` then `“…,” she
    said`: a person whose own `who` clause calls them by the pronoun (outside quotes) is what the
    sentence is about, as a subject is."""
    tok = cast.doc[m.i]
    return any(_who_clause(c) and any(t.lower_ == pronoun.lower_ and t.dep_ in SUBJECT and t.head != c
                                      and cast.narrative(t.idx) for t in c.subtree)
               for c in tok.children if c.dep_ == "relcl")


def _referred(cast: Cast, m: Mention, pronoun: Token) -> bool:
    """The only person of the pronoun's gender in their sentence, who it refers back to at least
    twice with that gender's `her`/`his` (outside quotes)."""
    want = PRONOUN_GENDER.get(pronoun.lower_)
    if want is None or cast.people[m.key].sex() != want:
        return False
    sentence = cast.doc[m.i].sent
    at = bisect.bisect_left(cast.mention_at, sentence.start)
    others = {o.key for o in cast.mentions[at:bisect.bisect_left(cast.mention_at, sentence.end)]
              if o.key != m.key and cast.people[o.key].sex() in (want, None)}
    if others:
        return False
    back = [t for t in cast.doc[m.i + 1:sentence.end] if PRONOUN_GENDER.get(t.lower_) == want
            and t.lower_ not in ("he", "she") and cast.narrative(t.idx)]
    return len(back) >= _REFERRED


def agrees(cast: Cast, key: str, pronoun: Token) -> bool:
    """The person's gender, as far as it is known, is the pronoun's."""
    want = PRONOUN_GENDER.get(pronoun.lower_)
    return want is not None and cast.people[key].sex() == want


def described_antecedent(cast: Cast, pronoun: Token, mention: Mention | None) -> Token | None:
    """An unnamed person (`a retired nurse`) who was the subject of the pronoun's sentence or the
    one before, and came after the named candidate: the pronoun stands for them."""
    at = bisect.bisect_left(cast.unnamed, pronoun.i)
    if at == 0:
        return None
    tok = cast.doc[cast.unnamed[at - 1]]
    sent = pronoun.sent.start
    previous = sentences_back(pronoun, 1)
    if tok.sent.start not in (sent, previous) or (mention is not None and mention.i > tok.i):
        return None
    if mention is not None and _definite(tok):
        return None  # `the front-runner`: a definite description is someone the story already named
    if _asks(tok) and tok.sent.start != sent:
        return None  # `A reporter asked whether …. “…,” he said`: the one asked answers
    want, said = PRONOUN_GENDER.get(pronoun.lower_), noun_gender(tok)
    return tok if want is None or said is None or said == want else None


def group_antecedent(cast: Cast, pronoun: Token) -> Token | None:
    """The last group or organisation that was the subject of a sentence just before."""
    at = bisect.bisect_left(cast.groups, pronoun.i)
    if at == 0:
        return None
    found = cast.doc[cast.groups[at - 1]]
    near = pronoun.sent.start - found.sent.start <= 60 or found.sent == pronoun.sent
    plural_ok = pronoun.lower_ not in ("it", "its") or found.ent_type_ == "ORG"
    return found if near and plural_ok else None


def titled_antecedent(cast: Cast, tok: Token) -> Mention | None:
    """`the president said`: the last person mentioned with that title."""
    at = bisect.bisect_left(cast.mention_at, tok.i)
    for m in reversed(cast.mentions[max(0, at - LOOKBACK):at]):
        if tok.lower_ in cast.people[m.key].titles:
            return m
    return None
