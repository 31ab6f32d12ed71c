"""The article's cast: its people, their fullest names, their gender as the story tells it, and
where each is mentioned, for pronouns and bare surnames.

Built in one pass over the entities and tokens the pipeline already computed. A person is a
first name and a surname (a middle initial and a suffix such as `Jr.` are parts of the name, not
surnames), so `Dan Okafor` and `Josh Okafor` stay two people, and a bare `Okafor` is the one the
story spoke of last. The small English model tags a surname PERSON in one sentence and GPE or
ORG in the next, so a proper noun counts as a person whenever the article names a person with
that surname.

The cast is the record; who a `he`, `she`, `they` or `the president` stands for is antecedents.py's
question, answered from the record kept here: every person's mentions in story order (`mentions`,
with their token positions in `mention_at` for bisecting), the groups a `they` may stand for
(`groups`) and the unnamed people a `she` may stand for (`unnamed`).
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise

from spacy.tokens import Doc, Span, Token

from ..models import SpeakerEvidence, SpeakerKind
from ..nlp import line_breaks
from .cues import (
    ABBREVIATED_TITLES,
    ANON_NOUNS,
    ORG_NOUNS,
    TITLE_WORDS,
    is_person_noun,
    is_quote_cue,
    is_speech_verb,
)
from .names import (
    SUFFIXES,
    Gender,
    Person,
    family_first,
    formal_names,
    gender_of_first_name,
    glued_hyphen,
    name_parts,
    name_run,
    untagged_name,
    with_suffix,
    without_possessive,
)
from .phrases import HONORIFICS, after_the, is_topic, name_bounds, role_of, strip_name
from .pronouns import HONORIFIC_GENDER, described_person, gender_evidence, named_owner

__all__ = ["ASKING", "LOOKBACK", "SUBJECT", "Cast", "Mention", "Person", "Speaker", "misread_subject",
           "named_by", "sentence_start"]

SUBJECT = frozenset({"nsubj", "nsubjpass"})
_TYPO_MIN = 5  # letters a surname needs before a word one letter off it is read as a slip for it
_CLAUSE_OPENERS = frozenset({",", ";", ":", ")", "—", "–"})  # what may stand before a clause's first word
_CLOSING_MARKS = frozenset({'"', "”", "''", "’", "'"})
# Entity labels a title can overrule: the small model calls `Mayor Tess Greer` a PRODUCT at times.
_VOUCHABLE = frozenset({"", "PERSON", "PRODUCT", "ORG", "WORK_OF_ART"})
# Labels the small model gives a relative's name it did not know (`Brigitta Vesper`, `Ivana Roe`).
_MISREAD_AS_THINGS = frozenset({"WORK_OF_ART", "PRODUCT"})
_TITLED = TITLE_WORDS | HONORIFICS  # words before a name that are not part of it
ASKING = frozenset({"ask", "question", "wonder"})
LOOKBACK = 40  # mentions a pronoun may reach back over
_NAME_WINDOW = 80  # tokens: a full name this close decides which of two same-surname people is meant


@dataclass(frozen=True)
class Mention:
    i: int
    key: str
    subject: bool
    sent: int
    topic: bool = False
    main: bool = False  # the subject of its sentence's main clause, not of a clause inside it
    speaks: bool = False  # the subject of a speech verb (`Coffman said Trump had …`): the one talking


@dataclass(frozen=True)
class Speaker:
    """Who a quote is credited to, as the report shows it: a person of the cast, an organisation or
    a description (speakers.py resolves it); kept here because the cast remembers who spoke last."""

    name: str
    kind: SpeakerKind
    start: int
    end: int
    key: str
    guessed: bool = False
    evidence: SpeakerEvidence | None = None


class Cast:
    """The people of the article, their mentions, and who spoke last (kept up by the quote finder)."""

    def __init__(self, doc: Doc, narrative: Callable[[int], bool]) -> None:
        self.doc = doc
        self._narrative = narrative
        self.people: dict[str, Person] = {}  # every way the article refers to someone -> that person
        self.last_speaker: str | None = None  # the key of the person who spoke last
        self.last_said: Speaker | None = None  # and how they were named
        # whether a name is a publication's (`Politico reported`), asked by many quotes and
        # answered once per story (outlets._publisher); the cast lives as long as its story
        self.publishers: dict[str, bool] = {}
        # whether a name is a company's (`Big Machine have denied`): decided for every name at once,
        # when a quote first asks (companies.company)
        self.companies: dict[str, bool] | None = None
        # every surname's narrative mentions, found in one pass when first asked for
        # (roles.surname_mentions)
        self.surname_mentions: dict[str, list[Token]] | None = None
        self._surnames: dict[str, list[Person]] = {}
        self._at: dict[int, tuple[Person, int, int]] = {}  # token -> person and the name's bounds
        self.mentions: list[Mention] = []  # in story order, the story's own words only
        self.mention_at: list[int] = []  # each mention's token, for bisect
        # The story's tokens, built once: each walk over the Doc itself builds a new Python Token for
        # every word, and the cast and the passes that ask it (companies, surnames, sources) walk the
        # story about a dozen times. Kept here, so they go with the story, as the cast does.
        self.tokens = tokens = list(doc)
        self._collect_names(doc, narrative, tokens)
        self._collect_mentions(doc, narrative, tokens)
        # `officials`, `the ministry`: who `they` and `it` can stand for
        # (the token's own tags are read first: most tokens fail them, and cheaper than `narrative`)
        self.groups = [t.i for t in tokens if t.dep_ in SUBJECT and (
            (t.tag_ in ("NNS", "NNPS") and t.lemma_.lower() in ANON_NOUNS) or t.ent_type_ == "ORG")
            and narrative(t.idx)]
        # `A retired nurse waited outside`: someone a `she` can stand for who has no name
        self.unnamed = [t.i for t in tokens if described_person(t) and narrative(t.idx)]

    # -- names ---------------------------------------------------------------------------------

    def _collect_names(self, doc: Doc, narrative: Callable[[int], bool], words: list[Token]) -> None:
        ents = doc.ents  # built anew (a Span each) every time it is read
        # The names the model tagged a person and the ones a title, a first name, a role or a bare
        # surname vouches for are claimed in the order the story gives them: a bare surname is the
        # first full name before it (`Brannock` after `Carly Brannock`, tagged an organisation, is
        # Carly, not her husband `Frank Brannock`, tagged a person and named later)
        names: list[Span] = []
        for ent in ents:
            if ent.label_ != "PERSON" or not narrative(ent.start_char) or not (bounds := strip_name(ent)):
                continue
            tokens = doc[bounds[0]:with_suffix(doc, bounds[1])]
            # words, not tokens: `Patrick Liu-Shiu-Cheong` is two words the tokenizer makes six
            if sum(not glued_hyphen(t) for t in tokens) <= 5:
                names.append(tokens)
        for tok in words:  # `Mayor Ana Ruiz`: a title vouches for a name the model did not tag
            if tok.pos_ == "PROPN" and tok.dep_ != "compound" and tok.ent_type_ in _VOUCHABLE \
                    and narrative(tok.idx) and tok.lower_ not in SUFFIXES:
                start, end = name_bounds(tok)
                # `Justice Department`, `General Manager`: a title before an office or a job is no name
                if start > 0 and doc[start - 1].lower_ in _TITLED \
                        and all(t.is_title and t.is_alpha and not _office_or_job(t) for t in doc[start:end]):
                    names.append(doc[start:with_suffix(doc, end)])
        for tok in words[:-1]:  # `Carly Fiorina`, untagged: a known first name vouches for it
            if untagged_name(tok) and narrative(tok.idx):
                start = tok.i
                while start >= 2 and glued_hyphen(doc[start - 1]) and doc[start - 2].is_title:
                    start -= 2  # `Eva-Marie Persson`: the first name starts before the hyphen
                names.append(doc[start:with_suffix(doc, tok.i + 2)])
        for tok in words:  # `Tarun Vellaiyan, a trade professor,` tagged ORG: a person's role vouches for it
            if (bounds := _apposed_person(tok)) is not None and narrative(tok.idx):
                names.append(doc[bounds[0]:bounds[1]])
        # `Montell Figgins` tagged ORG, then `Figgins said` tagged PERSON: one person (`Kate York`
        # tagged a place, then `York said`, likewise), and so when `Figgins` alone is the subject of
        # a quote's verb, whatever its tag (`Figgins interjected:`)
        speaking = {t.text for t in words if t.dep_ in SUBJECT and t.is_title and t.ent_iob_ != "I"
                    and is_quote_cue(t.head)}  # alone: not the last word of a longer name
        for ent in ents:
            if ent.label_ in ("ORG", "GPE") and narrative(ent.start_char) \
                    and _surname_named_alone(ent, speaking):
                names.append(ent)
        for span in sorted(names, key=lambda span: span.start):
            self._add_name(span)
        for tok in words[:-1]:  # `Brigitta Vesper` tagged a work after `Margit Vesper`: a relative
            if self._relative(tok) and narrative(tok.idx):
                self._add_name(doc[tok.i:tok.i + 2])
        self._join_double_surnames()
        titled = {(tok.lower_, HONORIFIC_GENDER[before.lower_]) for before, tok in pairwise(words)
                  if before.lower_ in HONORIFIC_GENDER}
        for tok in words[1:]:  # `Ms. Khan` where the story named only Khizr Khan: his wife, someone else
            if narrative(tok.idx):
                self._add_spouse(tok, titled)
        persons = {id(p): p for group in self._surnames.values() for p in group}.values()
        for person in persons:
            person.settle_name()
            self.people.setdefault(person.key, person)
            self.people.setdefault(person.name.split()[-1].lower(), person)  # `… Jr.` as written
        for tok in words:  # `Baird's wife, Melinda,`: a first name alone, set beside a relative of someone
            if narrative(tok.idx) and (owner := _relative_named(tok)) is not None:
                self._add_relative(tok, owner)
        firsts: dict[str, list[Person]] = {}
        for person in persons:
            if person.first:
                firsts.setdefault(person.first, []).append(person)
        for first, same in firsts.items():  # a first name alone (`Anya said`) is that person
            if len(same) == 1 and (first not in self.people or self.people[first].first is None):
                self.people[first] = same[0]

    def _add_relative(self, first: Token, owner: Token) -> None:
        """`Baird's wife, Melinda,` is Melinda Baird, whom the story goes on to call `Melinda`. She
        joins the people by her first name only: the bare surname `Baird` stays Tom Baird's (a
        relative named this way is rarely the one a bare surname means)."""
        group = self._surnames.get(owner.lower_)
        key = f"{first.lower_} {owner.lower_}"
        if not group or _match(group, first.lower_, None) is not None or key in self.people:
            return
        alone = self.people.get(first.lower_)  # `Melinda` alone, taken for a surname so far
        if alone is not None and not (alone.first is None and alone.key == first.lower_):
            return
        if alone is not None:
            self._surnames.pop(first.lower_, None)
            self.people = {k: p for k, p in self.people.items() if p is not alone}
        person = Person(key, f"{first.text} {owner.text}", first=first.lower_)
        person.forms[person.name] = 1
        self.people[key] = person
        self.people[first.lower_] = person

    def _join_double_surnames(self) -> None:
        """`Ms. Acosta said` after `Melba Acosta Febo`: a name of three words, a first name and two
        surnames (the Spanish and Portuguese custom), is often shortened to the first surname; a
        surname the story gives nobody else, or only someone known by it alone, is that person.
        A middle word that is a first name (`Anne Marie Murphy`) is no surname."""
        holders: dict[str, list[Person]] = {}
        for group in self._surnames.values():
            for person in group:
                for form in person.forms:
                    words = form.split()
                    if person.first is None or len(words) != 3 or words[0].lower() != person.first:
                        continue
                    middle = words[1]
                    if middle.isalpha() and middle.istitle() and gender_of_first_name(middle) is None \
                            and person not in holders.get(middle.lower(), []):
                        holders.setdefault(middle.lower(), []).append(person)
        for middle, found in holders.items():
            group = self._surnames.get(middle, [])
            if len(found) != 1 or len(group) > 1 or any(p.first is not None for p in group):
                continue
            holder = found[0]
            for alone in group:  # `Acosta said`, taken so far for someone known by the surname alone
                for form, times in alone.forms.items():
                    holder.forms[form] = holder.forms.get(form, 0) + times
                self.people = {k: (holder if p is alone else p) for k, p in self.people.items()}
            self._surnames[middle] = [holder]

    def _add_spouse(self, tok: Token, honorifics: set[tuple[str, Gender]]) -> None:
        """`Ms. Khan` in a story that named only Khizr Khan and calls him `Mr. Khan`: an honorific
        whose gender every first name of that surname contradicts, when the story gives the surname
        the other honorific too, is someone else of the family, a person of their own known by the
        honorific (`Ms. Khan`), not the one named in full. Alone (`Andrea Bellini … Mr. Bellini`) the
        honorific tells the named person's gender instead; a surname the story also names alone,
        with no first name, may be anyone, and stays."""
        group = self._surnames.get(tok.lower_)
        if not group:
            return  # most tokens: asked first, so they build no Token beside them
        doc = tok.doc
        titled = HONORIFIC_GENDER.get(doc[tok.i - 1].lower_)
        other: Gender = "f" if titled == "m" else "m"
        if titled is None or (tok.lower_, other) not in honorifics \
                or tok.pos_ != "PROPN" or not tok.is_title \
                or (tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ == "PROPN"):
            return
        key = f"{'mr' if titled == 'm' else 'ms'}. {tok.lower_}"  # `Mrs. Khan` and `Ms. Khan` are one
        if key in self.people or any(p.first is None or gender_of_first_name(p.first) in (None, titled)
                                     for p in group):
            return
        form = f"{doc[tok.i - 1].text} {tok.text}"
        person = Person(key, form)
        person.forms[form] = 1
        person.gender[titled] = 1
        group.append(person)
        self.people[key] = person

    def _relative(self, tok: Token) -> bool:
        """A known first name and a surname the story already gives a person, which the model typed
        as a thing (a work, a product). Family businesses, farms and wineries
        are written about through their members, who share the surname; without this the bare-surname
        rule would credit `Brigitta Vesper tells me` to the one Vesper the model did tag."""
        nxt = tok.doc[tok.i + 1]
        if tok.pos_ != "PROPN" or nxt.pos_ != "PROPN" or not (nxt.is_title and nxt.is_alpha):
            return False
        if not {tok.ent_type_, nxt.ent_type_} <= _MISREAD_AS_THINGS:
            return False  # an organisation (`the Washington Post`) keeps its label
        before = tok.doc[tok.i - 1] if tok.i > 0 else None
        after = tok.doc[tok.i + 2] if tok.i + 2 < len(tok.doc) else None
        if (before is not None and (before.pos_ == "PROPN" or before.lower_ == "the")) or (
                after is not None and after.pos_ == "PROPN"):
            return False
        group = self._surnames.get(nxt.lower_, [])
        return gender_of_first_name(tok.text) is not None and any(
            p.first is not None and p.first != tok.lower_ for p in group)

    def _add_name(self, tokens: Span) -> None:
        parts = name_parts(tokens)
        if parts is None:
            return
        person = self._claim(*parts, family_name_first=family_first(tokens))
        form = without_possessive(tokens.text)
        person.forms[form] = person.forms.get(form, 0) + 1

    def _claim(self, first: str | None, surname: str, suffix: str | None,
               family_name_first: bool = False) -> Person:
        """The person this name belongs to, added when the story has not named them before."""
        group = self._surnames.setdefault(surname, [])
        found = _match(group, first, suffix) or _particle_of(group, first)
        if found is not None:
            found.first = found.first or first
            found.suffix = found.suffix or suffix
            return found
        # `Leung Wai-man` is keyed by the word that ends the name as written, as any name is
        named = (surname, first) if family_name_first else (first, surname)
        key = (named[-1] or surname) if not group else " ".join(w for w in (*named, suffix) if w)
        person = Person(key, surname, first=first, suffix=suffix)
        group.append(person)
        self.people[key] = person
        return person

    # -- mentions ------------------------------------------------------------------------------

    def _collect_mentions(self, doc: Doc, narrative: Callable[[int], bool], tokens: list[Token]) -> None:
        i = 0
        while i < len(tokens):
            tok = tokens[i]
            if not self._may_name(tok):
                i += 1
                continue
            start, end = name_run(tok)
            i = max(end, i + 1)
            found = self._mention(doc, start, end)
            if found is None:
                continue
            person, name_start, name_end, root = found
            for n in range(start, end):
                self._at[n] = (person, name_start, name_end)
            person.mentions += 1
            if narrative(root.idx):
                self._note(person, root, start)

    def _may_name(self, tok: Token) -> bool:
        """A proper noun, or a name the tagger read as something else: a capitalised noun tagged
        PERSON or holding a known surname ("Figgins declined"), or a known surname read as the
        adverb of a speech verb ("Early says")."""
        if tok.pos_ == "PROPN":
            return True
        known = tok.lower_ in self._surnames
        if tok.pos_ == "NOUN" and tok.is_title and (tok.ent_type_ == "PERSON" or known):
            return True
        if known and tok.pos_ == "VERB" and tok.is_title and tok.dep_ in SUBJECT:
            return True  # `Trump himself was delighted`, the surname tagged the verb `trump`
        return known and misread_subject(tok)

    def _mention(self, doc: Doc, start: int, end: int) -> tuple[Person, int, int, Token] | None:
        """The person a run of proper nouns names, the name's own bounds and its head token."""
        tagged = [t.i for t in doc[start:end] if t.ent_type_ == "PERSON"]
        name_start = tagged[0] if tagged else start  # `House Speaker Paul Ryan`: the name the model saw
        while name_start < end and (doc[name_start].lower_ in _TITLED
                                    or not doc[name_start].text[:1].isupper()):
            name_start += 1
        if name_start >= end or (end - name_start == 1 and after_the(doc[name_start])):
            return None  # `the British Bill` is no mention of Bill Shorten
        parts = name_parts(doc[name_start:end])
        if parts is None:
            return None
        first, surname, suffix = parts
        titled = HONORIFIC_GENDER.get(doc[name_start - 1].lower_) if name_start else None
        person = self._lookup(first, surname, suffix, start, titled)
        if person is None:
            return None
        root = next((t for t in doc[name_start:end] if not (name_start <= t.head.i < end) or t.head == t),
                    doc[end - 1])
        return person, name_start, end, root

    def _lookup(self, first: str | None, surname: str, suffix: str | None, at: int,
                titled: str | None = None) -> Person | None:
        group = self._surnames.get(surname)
        if not group:
            alias = self.people.get(surname) if first is None else None
            return alias if alias is not None and alias.first == surname else None
        if first is not None or suffix is not None or len(group) == 1:
            return _match(group, first, suffix) or (group[0] if len(group) == 1 else None)
        if titled is not None:  # `Ms. Haddad` in a story with Omar and Leila Haddad: the one whose
            # first name is a woman's, or else who is not known to be a man (the story's own evidence
            # is still being gathered here: only the first names are settled)
            known = {p.key: gender_of_first_name(p.first) if p.first else None for p in group}
            fitting = [p for p in group if known[p.key] == titled] or [
                p for p in group if known[p.key] is None]
            if fitting:  # of several (`Mrs. Clinton`: Hillary and Chelsea), the salient one of them
                return fitting[0] if len(fitting) == 1 else self._salient(fitting, at)
        return self._salient(group, at)

    def _salient(self, group: list[Person], at: int) -> Person:
        """A bare surname two people share: the one just before that was the subject of a
        sentence, else the one the story names most."""
        keys = {p.key for p in group}
        last = bisect.bisect_left(self.mention_at, at)
        near = [m for m in self.mentions[max(0, last - LOOKBACK):last]
                if m.key in keys and at - m.i <= _NAME_WINDOW]
        subjects = [m for m in near if m.subject]
        if subjects:
            return next(p for p in group if p.key == subjects[-1].key)
        return max(group, key=lambda p: (sum(p.forms.values()), -group.index(p)))

    def _note(self, person: Person, root: Token, start: int) -> None:
        if person.role is None:
            person.role = role_of(root)
            words = [w.lower() for w in (person.role or "").split()]
            # `Col. Ann Roe` is `the colonel` too
            person.titles.update(words + [t for w in words if (t := ABBREVIATED_TITLES.get(w.rstrip(".")))])
        rooted = rooted_verb(root) is not None or _fronted(root)
        head = _apposed_to(root)  # `His cousin James York, 40, cited …`: the subject is the cousin
        # `Clinton's campaign said`: the owner of a subject speaks through it; `Reyes's lawyer said` is
        # someone else, a person of their own (the lawyer, not Reyes, is the next `he`)
        owns = root.dep_ == "poss" and root.head.dep_ in SUBJECT and not named_owner(root)
        subject = (head.dep_ in SUBJECT or owns or _says(root)
                   or misread_subject(root) or rooted)
        topic = is_topic(root)
        main = (head.dep_ in SUBJECT and head.head == root.sent.root) or rooted
        # the one asking is not the one answering: `when Tapper asked whether …. “…,” he said` is not Tapper
        speaks = (head.dep_ in SUBJECT and is_speech_verb(head.head) and _reports(head.head)
                  and head.head.lemma_.lower() not in ASKING) or misread_subject(root)
        self.mentions.append(Mention(root.i, person.key, subject, sentence_start(root), topic, main, speaks))
        self.mention_at.append(root.i)
        if (said := gender_evidence(root, start, subject)) is not None:
            # `Mr. Lou` after `Lou Jiwei`: the one-word name is the key of the person whose first name
            # it is (`_collect_names`); the honorific is evidence of that person's gender, not of the
            # bare-surname entry the key no longer stands for
            owner = self.people.get(person.key, person)
            owner.gender[said] = owner.gender.get(said, 0) + 1

    # -- lookups for the attribution ------------------------------------------------------------

    def narrative(self, at: int) -> bool:
        """The character at `at` is the story's own words: outside quotes and headlines."""
        return self._narrative(at)

    def heard(self, speaker: Speaker | None) -> None:
        """The quote finder tells who spoke, in story order: the first candidate for `he said`."""
        if speaker is not None and speaker.kind == "named":
            self.last_speaker = speaker.key if speaker.key in self.people else self.last_speaker
            self.last_said = speaker

    def person(self, tok: Token) -> Person | None:
        found = self._at.get(tok.i)
        if found is not None:
            return found[0]
        # a known surname the model tagged oddly (`Trump` as ADJ, ORG) is still them, and so is one
        # it read as a verb or a common noun where only a name fits: a capitalised subject
        # (`“…,” Trump shot back`, where `Trump` came out a verb)
        oddly = (tok.dep_ in SUBJECT and tok.is_title) or misread_subject(tok)
        if not (tok.pos_ == "PROPN" or tok.ent_type_ or oddly) or tok.lower_ in SUFFIXES:
            return None
        group = self._surnames.get(tok.lower_)
        if group:
            return self._salient(group, tok.i)
        alias = self.people.get(tok.lower_)
        return alias if alias is not None and alias.first == tok.lower_ and not after_the(tok) else None

    def misspelt(self, word: str) -> Person | None:
        """`“…,” Hauser said` in a story about Tom Houser: the one person whose surname the word
        misspells by a letter (one changed, added or dropped; the first letter kept, five letters
        or more), or None. Asked only of a one-word speaker the model took for an organisation."""
        low = word.lower()
        found = {id(p): p for surname, group in self._surnames.items() if len(group) == 1
                 and len(surname) >= _TYPO_MIN and surname[0] == low[0] and _one_letter_off(surname, low)
                 for p in group}
        return next(iter(found.values())) if len(found) == 1 else None

    def namesakes(self, tok: Token) -> list[Person]:
        """Everyone a bare surname at `tok` may stand for when two or more people of the story share
        it (`Gille` in a story about a mother and her daughter); empty for a full name or a surname
        only one person holds."""
        found = self._at.get(tok.i)
        if found is None or found[2] - found[1] != 1:
            return []
        group = self._surnames.get(tok.lower_, [])
        return group if len(group) > 1 else []

    def bounds(self, tok: Token) -> tuple[int, int] | None:
        """The name's token range [start, end) around `tok`, without titles, with a suffix."""
        found = self._at.get(tok.i)
        return (found[1], found[2]) if found is not None else None


_APPOSED_WORDS = 3  # words in a name a role vouches for: longer runs are institutions
_JOBS = ANON_NOUNS | frozenset({"manager", "counsel", "head"})  # `General Manager`: a job, not a name


def _one_letter_off(a: str, b: str) -> bool:
    """One letter changed, added or dropped, not the same word."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long = sorted((a, b), key=len)
    return any(long[:n] + long[n + 1:] == short for n in range(len(long)))


def misread_subject(tok: Token) -> bool:
    """`Early says there is a chance`, `…, but Early still says`, `“…,” Early said`: a surname that is
    also an English word, opening its clause, read by the tagger as an adverb of the speech verb that
    has no subject of its own. A name only when the story knows it (the callers ask the cast)."""
    head = tok.head
    if not (tok.is_title and tok.dep_ in ("advmod", "npadvmod") and tok.i < head.i and is_speech_verb(head)):
        return False
    before = tok.doc[tok.i - 1] if tok.i > tok.sent.start else None
    # `“We are ready,” Early said`: right after the quotation's closing mark, the cue's subject
    opens = (before is None or "\n" in before.text or before.text in _CLAUSE_OPENERS
             or before.pos_ in ("CCONJ", "SCONJ") or before.text in _CLOSING_MARKS)
    return opens and not any(c.dep_ in SUBJECT for c in head.children)


def rooted_verb(tok: Token) -> Token | None:
    """`Mr. Warner, the Virginia Democrat, called the bill …` parsed with the name as the sentence's
    root and `called` as a modifier after the commas: the verb the sentence is built on, whose
    subject the name is (a sentence has a verb; a noun at its root with one hung on it after a comma
    is the subject the parser lost), or None."""
    # the parse may hang a name that opens its paragraph on the paragraph before (`…not doing that
    # song.’” ⏎ Buckley, who …, worried`): a root all the same
    if tok.pos_ not in ("NOUN", "PROPN"):
        return None
    # the tokens' own text, not doc.text: building the whole text per name made a check quadratic
    opens = tok.head.i < tok.i and any("\n" in t.text_with_ws for t in tok.doc[tok.head.i:tok.i])
    if not (tok.dep_ == "ROOT" or opens):
        return None
    # (`Buckley, who hadn't sung …, worried about …`: the verb may come out as a modifier, `amod`)
    return next((c for c in tok.rights if c.dep_ in ("acl", "amod") and c.pos_ == "VERB"
                 and c.tag_ in ("VBD", "VBN", "VBZ") and tok.doc[c.i - 1].text == ","), None)


def _fronted(tok: Token) -> bool:
    """`And Obama, for all the progress he helped wrangle …, seems to agree.` parsed with the name
    as a modifier and no subject for the root: a name that opens its sentence (after `and`, `but`),
    set off by a comma, is the subject of a root verb that has none."""
    doc, root = tok.doc, tok.sent.root
    if tok.pos_ != "PROPN" or tok.dep_ not in ("npadvmod", "nmod", "dep", "advmod") \
            or root.pos_ not in ("VERB", "AUX"):
        return False
    if any(c.dep_ in SUBJECT or c.dep_ == "expl" for c in root.children):
        return False
    if tok.i + 1 >= len(doc) or doc[tok.i + 1].text != ",":
        return False
    start = sentence_start(tok)
    before = [t for t in doc[start:tok.i] if not t.is_space and t.head != tok]
    return all(t.pos_ == "CCONJ" for t in before)


def _reports(verb: Token) -> bool:
    """A speech verb the sentence rests on: no verb above it in the sentence has a subject of its own
    (`Carson turned …, pointing out that Costa had reported …` is Carson's sentence), or one set in
    as an aside (`Mr. Graham said, Mr. Trump's jabs were …`). The parse may hang a sentence on the
    cue of the quotation after it; a verb past the paragraph does not count."""
    if verb.dep_ == "parataxis":
        return True
    start = sentence_start(verb)
    return not any(sentence_start(up) == start and any(c.dep_ in SUBJECT for c in up.children)
                   for up in verb.ancestors)


def _apposed_to(tok: Token) -> Token:
    """The person noun a name stands in apposition to (`his cousin James York`, `Trump's attorney,
    Alan Garten,`), which holds the name's place in the sentence; else the name itself. A plural noun
    is several people (`the two candidates - Cruz and Kasich - spoke`): no one of them is its subject."""
    noun = tok.head
    if tok.dep_ == "appos" and noun.tag_ == "NN" and is_person_noun(noun):
        return noun
    named = named_by(tok)  # `a worker named Luis Ortega has …`: the worker's place is the name's
    return named if named is not None else tok


def named_by(tok: Token) -> Token | None:
    """`a worker named Luis Ortega`, `a nurse called Ellen Park`: the person noun a name is given to
    by `named` or `called` right after it (the parse hangs the name on the participle), else None."""
    verb = tok.head
    if tok.dep_ not in ("oprd", "dobj", "attr") or verb.dep_ != "acl" or verb.tag_ != "VBN" \
            or verb.lower_ not in _NAMING or verb.i + 1 > tok.i:
        return None
    noun = verb.head
    return noun if noun.tag_ == "NN" and is_person_noun(noun) and noun.i == verb.i - 1 else None


def _says(tok: Token) -> bool:
    """`…by Sen. Ana Ruiz, who said none of it was true`: a person whose own relative clause
    reports their words is as much a speaker of the sentence as its subject."""
    return any(c.dep_ == "relcl" and is_speech_verb(c) and any(
        g.dep_ == "nsubj" and g.lower_ == "who" for g in c.children) for c in tok.children)


def sentence_start(tok: Token) -> int:
    """Where the sentence of `tok` starts: the parser's sentence, cut at a paragraph break (the
    small model runs a sentence on over `ill.”⏎⏎“We never…` at times)."""
    first = tok.sent.start
    breaks = line_breaks(tok.doc)  # the last break before the token, looked up, not walked back to
    last = bisect.bisect_left(breaks, tok.i) - 1
    return breaks[last] + 1 if last >= 0 and breaks[last] >= first else first


def _apposed_person(tok: Token) -> tuple[int, int] | None:
    """The bounds of a two- or three-word proper name the model typed ORG or nothing, whose
    apposition is a person noun (`Tarun Vellaiyan, a trade professor at …`): a person."""
    if tok.pos_ != "PROPN" or tok.ent_type_ not in ("", "ORG") or tok.dep_ in ("compound", "flat"):
        return None
    # `the deputy director, Eva-Marie Persson, said`: the role may come first, the name apposed to it
    role_first = tok.dep_ == "appos" and tok.head.pos_ == "NOUN" and is_person_noun(tok.head)
    if not role_first and not any(c.dep_ == "appos" and c.pos_ == "NOUN" and is_person_noun(c)
                                  for c in tok.rights):
        return None
    start, end = name_bounds(tok)
    while start >= 2 and glued_hyphen(tok.doc[start - 1]) and tok.doc[start - 2].is_title:
        start -= 2  # `Eva-Marie Persson`: the first name starts before the hyphen
    words = [t for t in tok.doc[start:end] if not glued_hyphen(t)]
    if not 2 <= len(words) <= _APPOSED_WORDS or not all(t.is_title and t.is_alpha for t in words):
        return None
    return None if any(t.lower_ in _TITLED or t.lower_ in ORG_NOUNS for t in words) else (start, end)


_NAMING = frozenset({"named", "called"})  # `a worker named Luis Ortega`
_KIN = frozenset("wife husband son daughter brother sister mother father".split())


def _relative_named(tok: Token) -> Token | None:
    """`Baird's wife, Melinda,`, `Baird's daughter Ivette`: a lone first name apposed to a kin noun
    that a named person owns is that relative's first name, and shares the owner's surname (in the
    story's usage: the wife of a Trump is named as a Trump). The owner's surname token, or None."""
    head = tok.head
    if tok.pos_ != "PROPN" or tok.dep_ != "appos" or head.lemma_.lower() not in _KIN or head.tag_ != "NN" \
            or gender_of_first_name(tok.text) is None or any(c.dep_ == "compound" for c in tok.children):
        return None
    if tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].pos_ == "PROPN":
        return None
    owner = next((c for c in head.children if c.dep_ == "poss"), None)
    named = owner is not None and owner.pos_ == "PROPN" and owner.is_title and owner.is_alpha
    return owner if named else None


def _surname_named_alone(ent: Span, speaking: set[str]) -> bool:
    """`Montell Figgins, who represents…` tagged ORG, and elsewhere `Figgins said` tagged PERSON, or
    `Figgins` alone the subject of a speech verb (`speaking`, whatever the tagger made of it): a
    known first name and a surname the story also uses alone for a person is that person's full
    name. A company or agency is named by its full name or an acronym, never by its last word as a
    person, and names made of a given name and a family name are how stories introduce people."""
    words = list(ent)
    if not 2 <= len(words) <= _APPOSED_WORDS or not all(t.is_title and t.is_alpha for t in words) \
            or any(t.lower_ in _TITLED or t.lower_ in ORG_NOUNS for t in words) \
            or gender_of_first_name(words[0].text) is None:
        return False
    if words[-1].text in speaking or any(
            e.label_ == "PERSON" and len(e) == 1 and e.text == words[-1].text for e in ent.doc.ents):
        return True
    # `Carly Fiorina threw her support behind …` tagged ORG: the story's own `her` for it, the
    # first name's gender, makes it a person (a company is `its`)
    head = words[-1]
    return head.dep_ in SUBJECT and ent.label_ == "ORG" \
        and gender_evidence(head, ent.start, True) == gender_of_first_name(words[0].text)


def _office_or_job(tok: Token) -> bool:
    """`Department` of `Justice Department`, `Manager` of `General Manager`: words no surname is."""
    return tok.lower_ in ORG_NOUNS or tok.lower_ in _TITLED or tok.lower_ in _JOBS


def _particle_of(group: list[Person], first: str | None) -> Person | None:
    """`De Miranda evokes…` after `the philosopher Luis de Miranda`, `Hawk Sawyer testified` after
    `Kathleen Hawk Sawyer`: a name's first word that stands right before the surname in the full name
    of one person the story named (a particle, a middle or a double-barrelled name) is part of that
    person's name, not a first name of someone else."""
    def before_surname(form: str) -> bool:
        words = form.split()
        return len(words) > 2 and words[-2].lower() == first
    found = [p for p in group if p.first not in (None, first) and any(map(before_surname, p.forms))]
    return found[0] if first is not None and len(found) == 1 else None


def _match(group: list[Person], first: str | None, suffix: str | None) -> Person | None:
    """The person in a same-surname group a name fits: the same first name and suffix, or a
    person known so far by the surname alone."""
    def fits(p: Person) -> bool:
        return (first is None or p.first is None or p.first == first) and \
            (suffix is None or p.suffix is None or p.suffix == suffix)
    exact = [p for p in group if p.first == first and p.suffix == suffix]
    if exact:
        return exact[0]
    loose = [p for p in group if fits(p)]
    if loose:
        return loose[0] if len(loose) == 1 or (first is None and suffix is None) else None
    return _short_form_of(group, first)


def _short_form_of(group: list[Person], first: str | None) -> Person | None:
    """`Mike Ford` after `Michael Ford` or `John M. Ford`: a common short form of a given name is the
    one person of the surname whose first name it shortens, or whose middle initial it opens. Two
    such people, or none, and it is someone else."""
    formal = formal_names(first) if first else ()
    if not formal:
        return None
    initials = {f"{name[0]}.".upper() for name in formal}  # `M.` of `John M. Ford`, as written or not
    found = [p for p in group if p.first in formal or any(
        len(words := form.split()) > 2 and words[1].upper() in initials for form in p.forms)]
    return found[0] if len(found) == 1 else None
