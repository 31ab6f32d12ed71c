"""Named and anonymous sources: to whom the article attributes statements.

A source is a speaker of a quotation, or the subject of reported speech without quote marks
(`Bishop notes potential leverage`, `according to Canadian officials`, `the ministry issued a
statement`). Everyone else the article names is a mention, not a source: listing every
PERSON entity would bury the two people a verifier has to call.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from spacy.tokens import Doc, Token

from ..models import AnonymousSource, NamedSource, Quote, Sources
from .attribution import imagined
from .cues import ANON_NOUNS, ORG_NOUNS, STATEMENT_NOUNS, TITLE_WORDS, is_person_noun, is_speech_verb
from .find import Analysis, analyse
from .organisation_names import ACRONYM, LEGAL_FORMS, PARTICLES
from .organisations import named_like_organisation
from .roles import in_dateline, is_place, named_for_role, own_role, role_holder, surname_mentions
from .speakers import Person, Speaker, resolve
from .subjects import subject_of

__all__ = ["find_sources"]

# `a senior official, speaking on condition of anonymity` belongs to the source's description.
_ANONYMITY = re.compile(r",?\s*(?:speaking |who (?:spoke|asked|requested|declined)[^,.;]*? )?"
                        r"(?:on (?:the )?condition of anonymity|not to be (?:named|identified))")
# `the diplomat`, `the senior official`: short enough to point back rather than describe anew.
_BACK_REFERENCE_WORDS = 3
_WORDS = re.compile(r"[a-z][a-z'’-]*")
_NAMED_WORDS = re.compile(r"[A-Za-z][A-Za-z'’-]*")  # as written, capitals kept
_ISSUE_VERBS = frozenset({"deliver", "issue", "make", "give", "release", "publish", "send"})
# What a company reports that is no statement of a source's: `reports earnings Wednesday`.
_FIGURES = frozenset({"earnings", "results", "revenue", "revenues", "profit", "profits", "loss", "losses",
                      "sales", "growth"})
# Words after a role's head noun: `head of the group`, `a group based in Ohio`, `founder and CEO`.
_ROLE_ENDS = frozenset({"of", "at", "in", "for", "with", "from", "on", "based", "who", "which", "that",
                        "and", "to"})
# Speech verbs whose other sense takes a thing as its object: `added 36 dishes`, `maintains status
# pages`; as speech they take a clause, a quotation or a statement (`maintained his innocence`).
_THING_VERBS = frozenset({"add", "maintain"})
_PLACES = frozenset({"GPE", "NORP", "LOC"})
# The last word of a law's or a treaty's name: a document, never a source.
_LAWS = frozenset({"bill", "act", "treaty", "agreement", "accord", "accords", "constitution", "amendment",
                   "directive", "regulation", "protocol", "statute"})
_WORD_PART = 4  # letters in each part of a one-word name an acronym abbreviates (`Volks` `wagen`)
_COURTESY = frozenset({"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "mx", "mx."})
_ANY_AMOUNT = frozenset({"the", "some", "certain", "many", "most", "few", "a", "lot", "of", "other", "more"})


@dataclass
class _Named:
    name: str
    kind: str
    start: int
    end: int
    key: str
    quotes: int = 0
    forms: set[str] = dataclasses.field(default_factory=set)  # as written: `Office`, `office`


def find_sources(doc: Doc, quotes: tuple[Quote, ...], *, text: str | None = None) -> Sources:
    """Named and anonymous sources; `text` is `doc.text` when the caller already has it."""
    text = doc.text if text is None else text
    analysis = analyse(doc, text)
    named: dict[str, _Named] = {}
    anonymous: dict[int, AnonymousSource] = {}
    for speaker, quoted in _speakers(doc, quotes, analysis):
        if speaker.kind == "anonymous":
            _add_anonymous(text, speaker, quoted, anonymous)
        elif speaker.kind in ("named", "organization") and _a_source(doc, text, speaker, analysis):
            entry = named.setdefault(speaker.key, _Named(speaker.name, speaker.kind, speaker.start,
                                                         speaker.end, speaker.key))
            if speaker.start < entry.start:  # the row shows the name as the story first writes it
                entry.name, entry.start, entry.end = speaker.name, speaker.start, speaker.end
            entry.forms.add(speaker.name.replace("’", "'"))
            entry.quotes += quoted
    _merge_short_forms(named, doc)
    mentions = surname_mentions(analysis.cast)
    return _described_by_role(
        [_named_source(text, entry, analysis, mentions.get(entry.key, [])) for entry in
         sorted(named.values(), key=lambda e: e.start)],
        _first_descriptions([anonymous[k] for k in sorted(anonymous)]))


def _described_by_role(named: list[NamedSource], anonymous: tuple[AnonymousSource, ...]) -> Sources:
    """`China's ambassador to Britain warned …`, then `China's ambassador to Britain Li Wen has
    said …`: a definite description that is word for word the role of one named source is that
    source, named, and its quotes count for them. An indefinite one (`a spokesman`) may be another
    holder of the same job and stays."""
    by_role: dict[str, list[int]] = {}
    for n, source in enumerate(named):
        if source.role:
            by_role.setdefault(_role_words(source.role), []).append(n)
    kept: list[AnonymousSource] = []
    for anon in anonymous:
        first = anon.text.split(maxsplit=1)[0].lower() if anon.text.strip() else ""
        definite = first == "the" or first.endswith(("'s", "’s"))
        rows = by_role.get(_role_words(anon.text), []) if definite else []
        if len(rows) == 1:
            row = rows[0]
            named[row] = dataclasses.replace(named[row], quotes=named[row].quotes + anon.quotes)
        else:
            kept.append(anon)
    return Sources(named=tuple(named), anonymous=tuple(kept))


def _role_words(role: str) -> str:
    words = _WORDS.findall(role.lower().replace("’", "'"))
    return " ".join(words[1:] if words[:1] in (["the"], ["a"], ["an"]) else words)


def _speakers(doc: Doc, quotes: tuple[Quote, ...], analysis: Analysis) -> Iterator[tuple[Speaker, int]]:
    """Every attribution in document order: quote speakers count a quote, reported speech none."""
    for q in quotes:
        if q.speaker and q.speaker_span and q.speaker_kind != "unresolved":
            yield Speaker(q.speaker, q.speaker_kind, *q.speaker_span,
                          key=_key(q.speaker, analysis, q.speaker_kind)), 1
    last: Speaker | None = None
    for tok in analysis.cast.tokens:  # the story's tokens, built once on the cast
        subject = _reported_speaker(tok, analysis)
        if subject is None or not analysis.locator.narrative(subject.idx):
            continue
        subject = role_holder(subject, analysis.cast) or subject  # `her aide, Tom Okafor, said`
        found = resolve(subject, analysis.cast, last, loose=False)
        if found is not None and _credible(subject, found, analysis):
            found = named_for_role(doc, found, analysis.cast) or found  # as the quote finder does
            if found.kind != "named":
                last = found
            key = _key(found.name, analysis, found.kind)
            yield Speaker(found.name, found.kind, found.start, found.end, key), 0


def _accuses(charge: Token) -> bool:
    """`charge` reports words only as an accusation: `charged that …`, `charged Ruiz with fraud`."""
    return any(c.dep_ == "ccomp" or (c.dep_ == "prep" and c.lower_ == "with") for c in charge.children)


def _credible(subject: Token, found: Speaker, analysis: Analysis) -> bool:
    """Reported speech without quote marks is a weaker signal: `Washington warned` and a
    capitalised word the model did not recognise as anyone are left out."""
    if subject.ent_type_ in ("GPE", "NORP", "LOC") or found.kind == "unresolved":
        return False
    if found.kind == "named":
        return analysis.cast.person(subject) is not None or subject.ent_type_ == "PERSON" \
            or (subject.lower_ in ("he", "she", "his", "her") and _known_person(found, analysis))
    return True


def _known_person(found: Speaker, analysis: Analysis) -> bool:
    """`he added` with no person of known gender or role near: the model took a place or an acronym
    for a name (`São Paulo`, `SAG`) or missed the real speaker's name, and a `he` resolved to it is too
    weak to list a source on; a `he` that agrees with the person's known gender, or stands for someone
    the story gave a role or a title, is a person speaking."""
    person = analysis.cast.people.get(found.key)
    return found.evidence == "pronoun_agree" or (person is not None and bool(person.role or person.titles))


def _reported_speaker(tok: Token, analysis: Analysis) -> Token | None:
    """The token naming who speaks, when `tok` is reported speech outside quotation marks."""
    if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to":
        if not analysis.locator.narrative(tok.idx):
            return None
        return next((c for c in tok.doc[tok.i + 1].children if c.dep_ == "pobj"), None)
    said = is_speech_verb(tok) and tok.dep_ not in ("acl", "amod", "relcl")
    issued = tok.pos_ == "VERB" and tok.lemma_.lower() in _ISSUE_VERBS and any(
        c.dep_ == "dobj" and c.lemma_.lower() in STATEMENT_NOUNS for c in tok.children)
    # the token's own words first: most tokens are no speech and fail them, which is cheaper to tell
    if not (said or issued) or not analysis.locator.narrative(tok.idx):
        return None
    if any(c.dep_ == "nsubjpass" for c in tok.children):
        return None  # `Carney is said to have closed his book`: the subject is talked about
    figures = any(c.dep_ == "dobj" and c.lower_ in _FIGURES for c in tok.children)
    if tok.lemma_.lower() == "report" and (figures or _reports_for_duty(tok) or _reports_from(tok)):
        return None  # `Acme reports earnings Wednesday`, `before reporting to duty`: no statement
    if _by_doing(tok):
        return None  # `Garrett responded by hitting Rudolph`: an act, no words
    if tok.lemma_.lower() == "charge" and not _accuses(tok):
        return None  # `while charging a laptop`: power, not an accusation
    if tok.lemma_.lower() in _THING_VERBS and _thing_object(tok):
        return None  # `adding 36 dishes`, `Meta maintains status pages`: a thing added or kept, no words
    if tok.lemma_.lower() == "recall" and any(c.dep_ in ("auxpass", "agent") for c in tok.children):
        return None  # `recalled by the Reich`: summoned back; who remembers or tells is active
    if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in tok.children) or imagined(tok):
        return None  # `if the patient reports no birds`, `X will be left to wonder`: imagined, no source
    return subject_of(tok, analysis.locator)


def _reports_for_duty(verb: Token) -> bool:
    """`before reporting to duty`, `reported for work`: showing up, not telling; `reported to police`
    (someone told) and `reported to police that…` (what was told) stay statements."""
    if any(c.dep_ in ("ccomp", "dobj") for c in verb.children):
        return False
    places = [p for c in verb.children if c.dep_ == "prep" and c.lower_ in ("to", "for")
              for p in c.children if p.dep_ == "pobj"]
    return any(p.pos_ == "NOUN" and not is_person_noun(p) and p.lemma_.lower() not in ORG_NOUNS
               and not p.ent_type_ for p in places)


def _reports_from(verb: Token) -> bool:
    """`Ann Lee reported from Seoul`: the writer's credit line under a story (where the reporting
    was done), no statement; `reported from Seoul that…` says something."""
    return not any(c.dep_ in ("ccomp", "dobj") for c in verb.children) and any(
        c.dep_ == "prep" and c.lower_ == "from"
        and any(p.ent_type_ in ("GPE", "LOC", "FAC") or p.pos_ == "PROPN" for p in c.children)
        for c in verb.children)


def _by_doing(verb: Token) -> bool:
    """`responded by hitting him`, `answered by walking out`: how someone reacted, no words said."""
    return not any(c.dep_ in ("ccomp", "dobj") for c in verb.children) and any(
        c.dep_ == "prep" and c.lower_ == "by"
        and any(p.dep_ == "pcomp" and p.tag_ == "VBG" for p in c.children) for c in verb.children)


def _thing_object(verb: Token) -> bool:
    """The verb's object is a thing (a noun or a number that is no statement) and no clause is said."""
    if any(c.dep_ == "ccomp" for c in verb.children):
        return False
    return any(c.dep_ == "dobj" and c.pos_ in ("NOUN", "NUM") and c.lemma_.lower() not in STATEMENT_NOUNS
               for c in verb.children)


def _key(name: str, analysis: Analysis, kind: str = "named") -> str:
    """One key per person: `Liu` alone, when the story names one Liu Xiaming and calls him by
    the name it opens with, is his row, not a second one. An organisation is never the row of a
    person with a first name (`the Bill`, legislation, is not Bill Horan's)."""
    person = analysis.cast.people.get(name.split()[-1].lower()) if name else None
    if person is None or (kind != "named" and person.first is not None):
        return _folded(name)
    one_word = " " not in name and name.lower() in (person.first, person.name.split()[-1].lower())
    if person.name == name or one_word:
        return person.key
    return _folded(name)


def _folded(name: str) -> str:
    """`U.S. Attorney’s Office` and `U.S. attorney's office`: one office, whatever the case and the
    apostrophe it is written with; `Microsoft Corp` and `Microsoft`: one company, with or without its
    legal form."""
    return _without_legal_form(name).lower().replace("’", "'")


def _without_legal_form(name: str) -> str:
    words = name.split()
    while len(words) > 1 and words[-1].lower().strip(".,") in LEGAL_FORMS:
        words.pop()
    return " ".join(words)


def _a_source(doc: Doc, text: str, speaker: Speaker, analysis: Analysis) -> bool:
    """Places and common nouns are not sources: `Hillsborough` said nothing, nor did `voters`; nor
    did a law or a treaty named for what its text says (`the explanatory notes of the British Bill`,
    `the Paris Agreement states`): a document, like `the lawsuit alleges`."""
    return speaker.name[:1].isupper() and _proper(doc, speaker, analysis) \
        and not _a_law(speaker.name) \
        and not in_dateline(text, speaker.start) \
        and not is_place(doc, text, speaker.start, speaker.end, analysis.cast)


def _a_law(name: str) -> bool:
    """`British Bill`, `Clean Air Act`, `Paris Agreement`: two capitalised words or more ending in the
    kind of a law or a treaty (not `ACT`, a party's name in capitals)."""
    words = name.split()
    return len(words) >= 2 and words[-1].istitle() and words[-1].lower() in _LAWS


def _proper(doc: Doc, speaker: Speaker, analysis: Analysis) -> bool:
    """`Both companies`, `His office`: capitalised only because they open a sentence. A surname the
    story has already given in full is a name however the parser tagged it (`Petrides said`, opening
    a sentence after a quote, is read as a common noun)."""
    span = doc.char_span(speaker.start, speaker.end, alignment_mode="expand")
    return span is None or any(t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG")
                               or analysis.cast.person(t) is not None for t in span)


def _named_source(text: str, entry: _Named, analysis: Analysis, named_at: list[Token]) -> NamedSource:
    named = entry.kind == "named" and not named_like_organisation(entry.name, analysis.cast.doc)
    person = analysis.cast.people.get(entry.key) if named else None
    if person is not None and (_only_after_the(text, person)
                               or _rarely_a_person(text, person, analysis.cast.doc)):
        person, named = None, False  # `according to the Ledger`: a paper, not a person
    if person is not None:
        role = own_role(person, named_at)
        if role is not None and role.lower() in _COURTESY:
            role = None  # `Ms. Price`: how the paper addresses her, not what she does (shown only: the
            # cast and the epithets keep it, where a first title decides which later ones are hers)
        kind_of: Literal["person", "organization"] = "organization" if _organisation_role(role) else "person"
        return NamedSource(person.name, kind_of, role, entry.quotes, person.mentions, entry.start, entry.end)
    kind: Literal["person", "organization"] = "person" if named else "organization"
    # a person the cast missed (`Kurt Vogler`, tagged an organisation) is mostly called by surname
    written = text.replace("’", "'")
    written_as = {_without_legal_form(f) for f in entry.forms}  # `Microsoft Corp` is counted as `Microsoft`
    # each mention counted once: `New Zealand Department of Conservation` is not also a
    # `Department of Conservation`, nor `Microsoft Corp` a `Microsoft`
    forms = re.compile("|".join(re.escape(f) for f in sorted(written_as, key=len, reverse=True) if f))
    mentions = max(1, text.count(entry.name.split()[-1]) if kind == "person"
                   else sum(1 for _ in forms.finditer(written)))
    return NamedSource(entry.name, kind, None, entry.quotes, mentions, entry.start, entry.end)


def _merge_short_forms(named: dict[str, _Named], doc: Doc) -> None:
    """`VW` beside `Volkswagen`, `CBP` beside `Customs and Border Protection`, `Department of
    Conservation` beside `New Zealand Department of Conservation`: an organisation's short form is
    the row of the one organisation of the sources whose name it abbreviates (an acronym of its
    initials, or of a one-word name's letters in order from its first) or ends (the full name
    only adds a place before it). A short form two rows could stand for stays its own row."""
    orgs = [e for e in named.values() if e.kind == "organization"]
    for short in orgs:
        full = [e for e in orgs if e is not short and _short_form(short.name, e, doc)]
        if len(full) != 1:
            continue
        into = full[0]
        into.quotes += short.quotes
        into.forms |= short.forms
        del named[short.key]
        orgs = [e for e in orgs if e is not short]  # one level: a short form of a short form stays


def _short_form(short: str, full: _Named, doc: Doc) -> bool:
    words, whole = short.split(), full.name.split()
    if ACRONYM.fullmatch(short):
        initials = "".join(w[0] for w in whole if w[:1].isupper() and w.lower() not in PARTICLES)
        if initials == short:
            return True
        # `VW` for `Volkswagen`: a one-word name, its letters opening its parts in order
        return len(whole) == 1 and _compound_initials(full.name.upper(), short)
    if len(words) < 2 or len(whole) <= len(words) or whole[-len(words):] != words:
        return False
    span = doc.char_span(full.start, full.end, alignment_mode="expand")
    if span is None:
        return False
    place = [t for t in span[:len(span) - len(words)] if not t.is_space and t.lower_ != "the"]
    if not place:
        return False
    # the model tags the whole name an organisation; the place is one where it is tagged alone
    # (`in New Zealand`, `Canadian`)
    written = " ".join(t.text for t in place)
    return all(t.ent_type_ in _PLACES for t in place) or any(
        e.label_ in _PLACES and e.text == written for e in doc.ents)


def _compound_initials(name: str, letters: str) -> bool:
    """`VW` in `VOLKSWAGEN`, `MS` in `MICROSOFT`: the letters open parts of the word of a few letters
    each (`Volks` `wagen`), never a letter or two apart (`AP` is not `Apple`, nor `GM` `Goldman`)."""
    if not name or name[0] != letters[0]:
        return False
    if len(letters) == 1:
        return len(name) >= _WORD_PART
    return any(_compound_initials(name[cut:], letters[1:]) for cut in range(_WORD_PART, len(name)))


def _organisation_role(role: str | None) -> bool:
    """`whale rescue group Project Jonah`, `Oxfam, a charity group based in …`: a role whose head
    noun (its last word before a preposition or a clause) is an organisation's describes an
    organisation, whatever the model tagged its name; `campaign manager`, `member of the board` are
    people's roles. A role that ends on one person's job after an office's name written in full
    (`Department of Health public information officer`) is that person's, not the office's."""
    written = _NAMED_WORDS.findall(role) if role else []
    if len(written) > 2 and written[-1].islower() and written[0][:1].isupper() and all(
            w[:1].isupper() or w in PARTICLES for w in written[:-1]):
        return written[-1] in ORG_NOUNS  # `Department of Conservation ranger`: a name, then the head
    words = [w.lower() for w in written]
    cut = next((n for n, w in enumerate(words) if w in _ROLE_ENDS), len(words))
    return cut > 0 and words[cut - 1] in ORG_NOUNS and not _ends_on_a_job(words[cut + 1:])


def _ends_on_a_job(words: list[str]) -> bool:
    """`health public information officer`: two words or more without an article or another
    preposition, the last one person's job (`the mayor` in `office of the mayor` is whose office)."""
    return len(words) >= 2 and not (set(words) & (_ROLE_ENDS | _ANY_AMOUNT)) \
        and words[-1] in (ANON_NOUNS | TITLE_WORDS) and not words[-1].endswith("s")


def _only_after_the(text: str, person: Person) -> bool:
    """`according to the Intelligencer`: people are not named with `the` before their name, so a
    one-word name the story never writes without it, no first name, title or he or she given, is
    a publication's or an institution's."""
    if " " in person.name or person.first or person.titles or person.gender or person.role:
        return False
    before = [text[max(0, m.start() - len("the ")):m.start()].lower()
              for m in re.finditer(rf"\b{re.escape(person.name)}\b", text)]
    return bool(before) and all(b == "the " for b in before)


def _rarely_a_person(text: str, person: Person, doc: Doc) -> bool:
    """`Roscosmos said in a statement`: news introduces a person by full name, a title or a role,
    and goes on with he or she; a one-word name given none of these, which the model reads as a
    person at fewer than half of its mentions, is an agency's or a company's."""
    if " " in person.name or person.first or person.titles or person.gender or person.role:
        return False
    # its mentions found in the text, not by walking every token: one walk per source would grow
    # with the article times its sources (test_engine_scaling)
    spans = (doc.char_span(m.start(), m.end()) for m in re.finditer(rf"\b{re.escape(person.name)}\b", text))
    tags = [span[0].ent_type_ for span in spans if span is not None and len(span) == 1]
    return bool(tags) and 2 * tags.count("PERSON") < len(tags)


def _first_descriptions(found: list[AnonymousSource]) -> tuple[AnonymousSource, ...]:
    """`A senior EU diplomat said…` then `“…,” the diplomat said`: one source, under its full
    description; a definite back-reference to an earlier source with the same head noun goes,
    and so does the same description written again (`experts say`, three times: one row). Their
    quotes count for the source they stand for."""
    kept: list[AnonymousSource] = []
    by_words: dict[tuple[str, ...], int] = {}  # a description's words -> its row in `kept`
    by_head: dict[str, int] = {}  # a head noun -> the last row with it
    for source in found:
        words = _description_words(source.text)
        # `The authors of the research published in …`: the head is the noun before the phrase after it
        cut = next((n for n, w in enumerate(words) if n and w in _ROLE_ENDS), len(words))
        head = words[cut - 1] if words else ""
        back = words[:1] == ("the",) and len(words) <= _BACK_REFERENCE_WORDS and head in by_head
        row = by_words.get(words) if words else None
        if back and row is None:
            row = by_head[head]
        elif row is None and words == ("the", "source") and kept and _one_person(kept[-1].text):
            row = len(kept) - 1  # `an insider told …`, then `the source further claimed`: any informant
        if row is None:
            row = len(kept)
            kept.append(source)
            by_words.setdefault(words, row)
        else:
            kept[row] = dataclasses.replace(kept[row], quotes=kept[row].quotes + source.quotes)
        by_head[head] = row
    return tuple(kept)


def _one_person(description: str) -> bool:
    """`an insider`, `a person familiar with the talks`: one informant, whom `the source` can mean."""
    words = _description_words(description)
    return words[:1] in (("a",), ("an",), ("one",)) and len(words) >= 2


def _description_words(description: str) -> tuple[str, ...]:
    """A description's words up to its first comma, lower-cased: `A senior EU diplomat, who …`."""
    return tuple(_WORDS.findall(description.split(",")[0].lower()))


def _add_anonymous(text: str, speaker: Speaker, quoted: int, found: dict[int, AnonymousSource]) -> None:
    if len(speaker.name.split()) < 2 and speaker.name.lower() in ("one", "another", "someone"):
        return  # `one expressed…`: the group it belongs to is described elsewhere
    words = _WORDS.findall(speaker.name.lower())
    if not quoted and words[-1:] in (["people"], ["folks"]) and set(words[:-1]) <= _ANY_AMOUNT:
        return  # `People will ask you…`, `certain people claim…`: no one a desk could call
    end = speaker.end
    if (m := _ANONYMITY.match(text, end)) is not None:
        end = m.end()
    if speaker.start in found:
        source = found[speaker.start]
        found[speaker.start] = dataclasses.replace(source, quotes=source.quotes + quoted)
    else:
        found[speaker.start] = AnonymousSource(text[speaker.start:end], speaker.start, end, quoted)
