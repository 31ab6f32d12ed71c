"""Who a cue verb's subject is, when the parse hung it somewhere else.

`Ruiz said` is easy; news writing also says `…, reportedly saying`, `was heard to say`, `Durbin,
noting the size of it, said`, `rejected the notion …, saying that` and `issued a statement saying`.
subject_of walks a few steps up the parse from the cue to the word that speaks, and never into a
quotation.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from ..nlp import same_line
from .cast import misread_subject, rooted_verb
from .cues import STATEMENT_NOUNS, is_person_noun, is_speech_verb

if TYPE_CHECKING:
    from .attribution import Locator

__all__ = ["aside_teller", "modal_name", "subject_of"]

# How an object noun hangs inside its clause, up to the clause's verb: `rejected the notion of …`
_INSIDE_PHRASE = frozenset({"dobj", "pobj", "prep", "attr", "oprd", "appos", "compound"})
_PARTICIPLE_WORDS = 20  # tokens of `asked about the deaths of journalists under Putin,` between name and cue
# Verbs whose passive subject is the one spoken to (`was asked`, `was told`).
_ADDRESSING = frozenset({"ask", "tell", "question"})
# Verbs of disputing or holding, not of speech, whose `that` clause is what their subject maintains.
_HOLDING = frozenset("""dispute deny contend maintain insist believe argue reject doubt question
    challenge counter acknowledge concede admit""".split())


def _last_inverted_subject(child: Token, verb: Token) -> Token:
    """`…, said study co-author Ann Lee`: after an inverted cue the parser may split a hyphenated title
    into subjects of their own (`co`, `-`) before the name; the noun phrase's head comes last, so of
    several subjects after the verb the last one speaks."""
    if child.i < verb.i:
        return child
    return next((c for c in reversed(list(verb.rights)) if c.dep_ == child.dep_ and c.i > child.i), child)


def subject_of(verb: Token, loc: Locator | None = None) -> Token | None:
    """The speaker slot of a cue: its subject, the `by` agent of a passive, or the subject of the
    verb it hangs from (`was heard to say`, `smiled and responded`, `…, reportedly saying`)."""
    for child in verb.children:  # only the cue's own agent: `waylaid by mistrust, arguing…` is not
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    if _addressed(verb):
        return None
    if (cut := _cut_off_subject(verb) or _run_on_subject(verb, loc) or _apposed_before(verb)
            or _before_relative(verb) or _before_participle(verb, loc)) is not None:
        return cut
    tok = verb
    for _ in range(4):
        # nearest first: where the parser ran a line above into the sentence and gave the verb several
        # subjects (`Berea, OH, …, Gov. John Kasich (R-OH), said`), the one next to the verb is its own
        for child in (*reversed(list(tok.lefts)), *tok.rights):
            if child.dep_ in ("nsubj", "nsubjpass") and (loc is None or not loc.quoted(child.idx)) \
                    and not _sentence_between(child, tok):
                child = _last_inverted_subject(child, tok)
                # `a banner that said`: a relative pronoun stands for the noun its clause describes;
                # `who` always for a person, whatever the verb (`Baker, who thinks the staff “…”`)
                relative = tok.dep_ == "relcl" and (child.lower_ == "who" or (
                    child.tag_ in ("WDT", "WP") and is_speech_verb(tok)))
                return tok.head if relative else aside_teller(child, tok) or child
        misread = next((c for c in tok.children if misread_subject(c) or modal_name(c)), None)
        if misread is not None:  # `Early says …`, `“…,” May said`: a surname taken for an adverb, a modal
            return misread
        if (held := _held_by_participle(tok, loc)) is not None:
            return held
        if tok.dep_ == "acl" and tok.head.pos_ == "NOUN" and tok.head.lemma_.lower() in STATEMENT_NOUNS:
            return tok.head  # `issued a statement saying, “…”`: the statement speaks, for whoever issued it
        if (aside := _aside_of(tok, loc)) is not None:
            if aside.dep_ in ("nsubj", "nsubjpass") or rooted_verb(aside) is not None:
                return aside
            tok = aside
            continue
        if tok.dep_ not in ("xcomp", "conj", "advcl", "pcomp", "prep") or tok.head == tok:
            return None
        participle = tok.tag_ == "VBG" and tok.dep_ == "advcl"
        joined = tok.dep_ == "conj" and is_speech_verb(tok)
        tok = tok.head
        if joined and tok.dep_ == "ccomp" and is_speech_verb(tok.head) and not _speaks(tok) \
                and (loc is None or not loc.quoted(tok.head.idx)):
            tok = tok.head  # `Ruiz said the move was made by the chief and said, “…”`: Ruiz said it twice
        if participle and tok.dep_ == "ccomp" and _reports(tok.head) and not is_speech_verb(tok) \
                and (loc is None or not loc.quoted(tok.head.idx)):
            tok = tok.head  # `Kerr told them that Lund “had a plan,” adding, …`: Kerr adds, not Lund
    return None


def _addressed(verb: Token) -> bool:
    """`In an interview, Trump was asked, “…?”`: the subject of a passive `asked` or `told` is who
    heard the words, not who said them; with no `by` agent the cue names no speaker."""
    return verb.lemma_.lower() in _ADDRESSING and verb.tag_ == "VBN" \
        and any(c.dep_ == "nsubjpass" for c in verb.children) \
        and any(c.dep_ == "auxpass" for c in verb.children)


def modal_name(tok: Token) -> bool:
    """`“…,” May said`, `Will wrote that …`: a capitalised modal whose verb is inflected is a surname
    (Theresa May, George Will) the tagger read as the modal. An English modal takes the bare verb
    (`may say`, `will write`), never `said` or `writes`, so the word cannot be the modal there."""
    verb = tok.head
    return tok.tag_ == "MD" and tok.dep_ == "aux" and tok.text.istitle() and verb.i > tok.i \
        and verb.pos_ == "VERB" and verb.lower_ != verb.lemma_.lower()


def _sentence_between(subject: Token, verb: Token) -> bool:
    """`Chaos, for sure, and also “Thumper.” Called a “…” by its creators, …`: a full stop, question
    or exclamation mark followed by a capital (after any closing mark) ends a sentence; a subject
    before it that the parser hung on a verb after it belongs to the sentence it ran into this one.
    Only within a line: a subject across a line break (a headline's `Bill Clinton: …` over the lead's
    `former president Bill Clinton said`) is read by the rules for lines (`_run_on_subject`)."""
    if not same_line(subject, verb):
        return False
    doc = verb.doc
    for i in range(subject.i + 1, verb.i):
        if doc[i].text in (".", "?", "!"):
            nxt = i + 1
            while nxt < verb.i and (doc[nxt].is_quote or doc[nxt].is_space):
                nxt += 1
            if nxt <= verb.i and doc[nxt].text[:1].isupper():
                return True
    return False


def _reports(verb: Token) -> bool:
    """A verb whose clause says what its subject holds: `told`, and also `disputed that Lund was
    estranged, saying instead…` or `denied that…, adding`: the participle is the subject's."""
    return is_speech_verb(verb) or (verb.pos_ == "VERB" and verb.lemma_.lower() in _HOLDING)


def _aside_of(tok: Token, loc: Locator | None) -> Token | None:
    """Where the parse hangs a cue set off by commas on the wrong word: `Carson rejected the notion
    …, saying that` (a participle read as the object noun's modifier: the clause's verb is where
    its subject is), `De Blasio, speaking on the radio, called Trump a “…”` (a verb read as a
    modifier of the subject noun: that noun speaks), `Durbin, noting the size of it, said, “…”`
    (the participle read as the root and the cue as an aside to it: the participle's subject).
    None when the cue is attached as English news writes it."""
    head = tok.head
    if head == tok or tok.i == 0:
        return None
    after_comma = tok.doc[tok.i - 1].text == "," and (loc is None or loc.narrative(head.idx))
    if tok.dep_ == "acl" and after_comma and tok.pos_ == "VERB" and head.pos_ in ("NOUN", "PROPN"):
        # `Mr. Warner, the Virginia Democrat, called the bill “…”` parsed with the name as the root and
        # `called` (and any verb after it, `…, saying`) hung on it: a sentence has a verb, so the root
        # noun is the subject of the verbs hung on it
        if head.dep_ in ("nsubj", "nsubjpass") or rooted_verb(head) is not None:
            return head if same_line(head, tok) else None
        while head.dep_ in _INSIDE_PHRASE and head.head != head:
            head = head.head
        # a parse run over a paragraph break is no clause of this cue's
        return head if head.pos_ in ("VERB", "AUX") and same_line(head, tok) else None
    if tok.dep_ == "parataxis" and head.tag_ == "VBG" and same_line(head, tok) and head.dep_ == "ROOT" \
            and any(c.dep_ in ("nsubj", "nsubjpass") and c.i < head.i for c in head.children):
        return head
    return None


def _held_by_participle(verb: Token, loc: Locator | None) -> Token | None:
    """`Whitcomb, noting the size of the crowd, said, “…”` parsed with the subject hanging from
    `noting`: the subject written before the participle and its verb is the verb's. Only in the
    story's own words, with the participle set off by commas: a quotation's `they're going` is not."""
    for child in verb.lefts:
        if child.dep_ in ("advcl", "ccomp") and child.tag_ == "VBG" and child.i > 0 \
                and child.doc[child.i - 1].text == "," and (loc is None or loc.narrative(child.idx)):
            subject = next((c for c in child.lefts if c.dep_ in ("nsubj", "nsubjpass")), None)
            own = subject is not None and (loc is None or loc.narrative(subject.idx))
            if subject is not None and own and same_line(subject, verb):
                return subject
    return None


def _cut_off_subject(verb: Token) -> Token | None:
    """`CLICK HERE TO GET THE APP` over `Swift's rep told Fox News…`: the parser ran a line without a
    full stop into the next one and hung the noun before the verb on the line above; the noun that
    opens the verb's own line, right before it, is its subject."""
    if verb.i == 0:
        return None
    noun = verb.doc[verb.i - 1]
    if noun.pos_ not in ("NOUN", "PROPN") or same_line(noun, noun.head) or not same_line(noun, verb):
        return None
    start = noun.i
    while start > 0 and "\n" not in noun.doc[start - 1].text_with_ws:
        start -= 1
    line = noun.doc[start:noun.i]
    return noun if all(t.head.i in range(start, noun.i + 1) for t in line) else None


def _run_on_subject(verb: Token, loc: Locator | None) -> Token | None:
    """`“… block the way out of the camp”⏎A reporter's source inside the camp, a refugee who asked not
    to be named, said that…`: a line before it without a full stop, the parser ran into the cue's own
    line and hung its opening noun phrase (and any appositive) on a word of the line above, leaving the
    cue without a subject. The noun phrase that opens the cue's line, before the cue, is its subject."""
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    doc, start = verb.doc, verb.i
    while start > 0 and "\n" not in doc[start - 1].text_with_ws:
        start -= 1
    # the words before the cue that hang outside the stretch from the line's start to the cue
    tops = [t for t in doc[start:verb.i] if not t.is_punct and not t.is_space
            and not (start <= t.head.i <= verb.i and t.head.i != t.i)]
    words = [t for t in doc[start:verb.i] if not t.is_punct and not t.is_space]
    if not tops or start == 0 or tops[0].left_edge.i > words[0].i:
        return None
    if not all(t.pos_ in ("NOUN", "PROPN") and t.head.i < start for t in tops):
        return None
    return tops[0] if loc is None or loc.narrative(tops[0].idx) else None


def _apposed_before(verb: Token) -> Token | None:
    """`In a call on Monday, Col. Ann Roe, a spokeswoman in Kabul, said, “…”`: news opens with
    when or where, then names the speaker and their role between commas right before the cue. The
    parser often reads the name as an apposition to the opening phrase's last noun (`Monday, Col.
    Ann Roe`), leaving the cue without a subject. A name so hung, set off by a comma before it and
    whose phrase (with its role) ends at the comma right before the cue, is the cue's subject."""
    if not _bare_after_comma(verb):
        return None
    doc = verb.doc
    name = doc[verb.i - 2]
    for _ in range(8):  # from the role's last word up to the name it describes
        if name.dep_ == "appos" and name.pos_ == "PROPN" and name.ent_type_ == "PERSON":
            break
        if name.head == name or name.head.i >= verb.i:
            return None
        name = name.head
    opens = name.left_edge.i
    # the comma before the cue hangs on the name or on the cue, as the parse has it
    if name.head.i >= opens or name.right_edge.i < verb.i - 2 or opens == 0 or doc[opens - 1].text != ",":
        return None
    return name if same_line(name, verb) else None


def _before_relative(verb: Token) -> Token | None:
    """`Ruiz, meanwhile, who sits on no committee, said…`: a `who` clause set off by commas between a
    speaker and the cue; the parser may read it as the cue's clause and hang the speaker on it as a
    second subject, leaving the cue without one. The subject before `who` is the cue's."""
    if not _bare_after_comma(verb):
        return None
    for clause in verb.lefts:
        subjects = [c for c in clause.lefts if c.dep_ in ("nsubj", "nsubjpass")]
        if clause.right_edge.i >= verb.i - 2 and len(subjects) == 2 and subjects[1].lower_ == "who" \
                and subjects[0].pos_ in ("PROPN", "NOUN") and subjects[0].doc[subjects[0].i + 1].text == ",":
            return subjects[0] if same_line(subjects[0], verb) else None
    return None


def _before_participle(verb: Token, loc: Locator | None) -> Token | None:
    """`… after Mr. Fenwick, asked about the deaths, had said, “…”`: a participle phrase set off by
    commas between a name and its cue; the parser may hang the name on a word before it and the cue
    nowhere, leaving the cue without a subject. The name right before the participle's comma is the
    cue's subject (only a person the model tagged, in the story's own words, on the cue's line)."""
    if verb.tag_ not in ("VBD", "VBN", "VBZ") or any(
            c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children):
        return None
    doc, i = verb.doc, verb.i - 1
    while i > 0 and doc[i].pos_ == "AUX":
        i -= 1  # `, had said`
    if i < 3 or doc[i].text != ",":
        return None
    for n in range(i - 2, max(0, i - _PARTICIPLE_WORDS) - 1, -1):
        if doc[n].text != ",":
            if doc[n].is_quote or doc[n].text in (".", "?", "!", ";"):
                return None
            continue
        opens, name = doc[n + 1], doc[n - 1] if n > 0 else None
        # `asked` may be tagged a past tense; a regular form is the participle as well
        participle = opens.tag_ in ("VBN", "VBG") or (opens.tag_ == "VBD" and opens.lower_.endswith("ed"))
        if not participle or name is None or name.ent_type_ != "PERSON" \
                or not same_line(name, verb) or (loc is not None and not loc.narrative(name.idx)):
            return None
        return name
    return None


def aside_teller(subject: Token, verb: Token) -> Token | None:
    """`Clinton, a top aide said, “is very confident in the contrast”`: a description after the name
    and a comma, the cue right after it with no comma between, and a quotation that goes on with the
    name's verb (`is`, `has`, `will`…): the name is the subject of the quoted words and the one
    described tells them (`Clinton, a top aide, said` would make them one person). The description."""
    doc = verb.doc
    appos = next((c for c in subject.children if c.dep_ == "appos" and c.i > subject.i), None)
    if appos is None or appos.pos_ != "NOUN" or appos.right_edge.i != verb.i - 1 \
            or doc[subject.i + 1].text != "," or not any(c.dep_ == "det" for c in appos.children) \
            or verb.i + 3 >= len(doc):
        return None
    comma, mark, first = doc[verb.i + 1], doc[verb.i + 2], doc[verb.i + 3]
    goes_on = first.pos_ in ("AUX", "VERB") and first.text[:1].islower() \
        and first.tag_ in ("VBZ", "VBD", "MD")
    return appos if comma.text == "," and mark.is_quote and goes_on else None


def _bare_after_comma(verb: Token) -> bool:
    """A finite cue right after a comma, with no subject of its own in the parse. A participle
    (`…, Hillary Clinton, saying “…”`) takes the subject of its clause, never the name before it."""
    return verb.i >= 3 and verb.tag_ in ("VBD", "VBZ", "VBP") and verb.doc[verb.i - 1].text == "," \
        and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children)


def _speaks(verb: Token) -> bool:
    """The verb's subject is someone who can say something: a name, a pronoun, a person noun."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is not None and (subject.pos_ in ("PROPN", "PRON")
                                    or subject.ent_type_ in ("PERSON", "ORG") or is_person_noun(subject))
