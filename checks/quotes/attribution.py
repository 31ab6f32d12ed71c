"""Who said a quotation, read from the words around it and the parse spaCy already made.

The order follows how English news attributes speech: a cue verb right after the quote
(`…,” Trump said`), an introduction before it (`she said:` / `According to X,`), the verb
that governs a fragment (`accusing Carney of “…”`), a colon at the end of the previous
paragraph, then the conventions for split and continued quotes. Every step looks at a
bounded number of tokens, so the whole pass stays linear in the article's length.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.attrs import IDX
from spacy.tokens import Doc, Token

from .cues import (
    QUOTE_VERBS,
    STATEMENT_NOUNS,
    deals_with_a_matter,
    is_person_noun,
    is_quote_cue,
    is_speech_verb,
)
from .marks import Marked, Paragraph
from .phrases import is_topic
from .speaker_slot import document_after_quote
from .speakers import DELIVERING, Cast, Speaker, described, in_speaker_slot, resolve
from .subjects import modal_name, subject_of

__all__ = ["Attribution", "Locator", "according_to", "answer_after", "attribute_fragment", "attribute_full",
           "attribute_trailing", "cited", "imagined", "label_before_colon"]

_WINDOW = 40  # tokens: attributions sit next to their quote, never paragraphs away
_ASKED = 4  # tokens after `?`/`!` in which a cue still belongs to the quote
_TOPIC_OPENERS = frozenset({"of", "on", "about", "regarding", "asked"})
# `2. Rob Kane's transit plan`: a numbered subheading, no sentence of the story (nobody speaks in it)
_SUBHEADING = re.compile(r"(?m)^[ \t]*\d{1,2}[.)][ \t]+[^\n.!?:;\u201c\u201d\"]{1,80}[ \t]*$")
_TERMINAL = frozenset(".?!")
_NOMINAL = frozenset({"PROPN", "NOUN", "PRON", "NUM"})
_NP_LINKS = frozenset({"compound", "amod", "nummod", "det", "poss", "nmod", "flat", "case"})
_PHRASE_ENDS = frozenset({"ADP", "VERB", "AUX", "SCONJ", "CCONJ", "PRON"})  # `said the boy, who…`
# Modals that make a cue a possibility, not an event: `fans may well ask:`, `one might wonder:`,
# `you could say`, `voters should ask:`. `will` and `would` are left out: `Obama will say tonight:`
# (a speech's released text) and `Smith would later tell reporters` are real lines.
_MAYBE = frozenset({"may", "might", "could", "should", "must"})
# `would`, `will` and `can` with nobody in particular as their subject (`anyone would tell you:`,
# `you can say`, `you will always wonder:`) make a line imagined too; `Reyes can say only this:`
# reports what Reyes says.
_ANYONE = frozenset({"you", "one", "anyone", "anybody", "someone", "somebody"})
_GENERIC_MODALS = frozenset({"would", "'d", "’d", "can", "ca", "will", "'ll", "’ll"})
# `as if`/`as though` before a cue compare a look or a gesture with words nobody spoke
# (`he grinned, as if to say “…”`): the writer's reading of a face, never a quote.
_UNREAL = frozenset({"if", "though"})
# `could only quip:`, `could barely whisper:`: what someone managed to say, and did.
_DID_SAY = frozenset({"only", "barely", "hardly", "just", "later", "finally"})
# A cue in a clause that describes a noun (`All she could say was, “…”`) is not the line's cue.
_CLAUSE_OF_NOUN = frozenset({"relcl", "acl", "csubj", "amod"})
# Verbs of answering, and the particle of `shot back`: after a question they bring its answer.
_ANSWERING = frozenset({"respond", "reply", "answer", "retort", "counter"})
_BACK_VERBS = frozenset({"shoot", "fire", "hit"})
# What an answer says, when it is not the quotation: `responded that…`, `replied by saying…`.
_CONTENT = frozenset({"ccomp", "dobj", "xcomp"})
_WORDS_THAT_COME = STATEMENT_NOUNS | {"question", "query", "shout", "cry", "call"}
_CONTENT_PREPS = frozenset({"by", "with"})
# A speaker's label before a colon, as headlines, digests and transcripts write it (`Reid: '…'`,
# `Pollsters agree - Carl Bialik: “…”`): a few capitalised words, after the line's start or a dash.
_LABEL_WORDS = 5
_LABEL_DASHES = frozenset({"-", "–", "—", "--"})
_LABEL_POS = frozenset({"PROPN", "NOUN"})
# `More from the report:`, `Also from the memo:`: the words before `from` in a document's label, and
# the words of the document's name after it (`the 2019 annual report`, `Pew's report`).
_MORE = frozenset({"more", "also", "again", "and"})
_FROM_POS = frozenset({"DET", "ADJ", "NUM", "NOUN", "PROPN", "PART"})

# What one says as an act, beyond the statement nouns: `a threat many people make: “…”`.
_SAID_NOUNS = frozenset("""threat promise vow pledge question joke line refrain saying mantra boast excuse
    request demand plea prayer chant cry catchphrase greeting toast advice wish""".split())
# Nouns that present the words after them as a name for a thing (`the term “…”`): American style puts
# the sentence's comma inside the marks, so `the term “…,”` ends a phrase, not someone's quotation.
_TERM_NOUNS = frozenset({"term", "phrase", "word", "expression", "slogan", "motto", "label", "nickname"})


@dataclass(frozen=True)
class Attribution:
    speaker: Speaker | None
    cue: str | None
    # `fans may well ask: “…”`, `X will be left to wonder: “…”`: the writer imagines the line; nobody
    # said it, so it is no quote at all (find.py drops it) rather than a quote credited to someone
    imagined: bool = False
    # `Jacobs called Merkel “The Chancellor of the Free World.”`: the words are what a known speaker
    # calls someone or something, theirs even in Title Case (find.py drops other Title Case runs)
    term: bool = False


class Locator:
    """Character offsets to tokens; whether an offset lies inside a quotation or a headline."""

    def __init__(self, doc: Doc, marked: Sequence[Marked], headlines: Sequence[Paragraph] = (),
                 text: str | None = None) -> None:
        self.doc = doc
        # read from spaCy's array: a walk over the Doc builds a Python Token for every word
        self._starts = doc.to_array(IDX).tolist() if len(doc) else []
        # An unclosed mark's extent is a guess; the words after it stay readable as narrative.
        self._spans = sorted((m.open, m.close if m.close is not None else m.end) for m in marked
                             if m.close is not None or m.runs_on)
        self._opens = [s for s, _ in self._spans]
        numbered = [(h.start(), h.end()) for h in _SUBHEADING.finditer(text)] if text is not None else []
        self._heads = sorted([(p.start, p.end) for p in headlines] + numbered)
        self._head_starts = [s for s, _ in self._heads]

    def token(self, char: int) -> int:
        return max(0, bisect.bisect_right(self._starts, char) - 1)

    def quoted(self, char: int) -> bool:
        at = bisect.bisect_right(self._opens, char) - 1
        return at >= 0 and self._spans[at][0] <= char <= self._spans[at][1]

    def narrative(self, char: int) -> bool:
        """The article's own voice: not a quotation, not a headline."""
        at = bisect.bisect_right(self._head_starts, char) - 1
        in_headline = at >= 0 and self._heads[at][0] <= char < self._heads[at][1]
        return not in_headline and not self.quoted(char)


def according_to(window: Sequence[Token]) -> Token | None:
    for tok in window:
        if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to":
            obj = next((c for c in tok.doc[tok.i + 1].children if c.dep_ == "pobj"), None)
            return obj
    return None


def cited(source: Token, cast: Cast, last: Speaker | None) -> Attribution:
    """`according to X`: X's words. A thing that is no speaker the cast or the source lists know (`a
    Pentagon readout`, `its Amazon summary`, `Axelrod's memoir`) is shown as where the words are
    from, `unresolved` as `the statement said` is: the verifier sees the source the story gives,
    and no author it does not name."""
    speaker = resolve(source, cast, last)
    if speaker is None and source.pos_ == "NOUN":
        speaker = _made_by(source, cast, last) or described(source)
    return Attribution(speaker, "according to")


def _made_by(thing: Token, cast: Cast, last: Speaker | None) -> Speaker | None:
    """`calculations by Amy Glasmeier`, `a paper from the Brookings Institution`: whoever the thing is
    by or from, when that is someone the story can name."""
    for prep in thing.children:
        if prep.dep_ == "prep" and prep.lower_ in ("by", "from"):
            for obj in prep.children:
                found = resolve(obj, cast, last) if obj.dep_ == "pobj" else None
                if found is not None and found.kind in ("named", "organization"):
                    return found
    return None


def _np_head(tok: Token, window: Sequence[Token]) -> Token:
    first, last = window[0].i, window[-1].i
    while tok.dep_ in _NP_LINKS and first <= tok.head.i <= last and tok.head != tok:
        tok = tok.head
    return tok


def _first_speaker(tokens: Sequence[Token], window: Sequence[Token], cast: Cast,
                   last: Speaker | None, inverted: bool = False) -> Speaker | None:
    """The first noun phrase that can speak; `in a statement Tuesday` is where, not who.
    After the verb (`added Murphy`) the parser often calls the speaker an object."""
    fallback = None
    skip = ("pobj", "npadvmod") if inverted else ("pobj", "npadvmod", "dobj")
    for tok in tokens:
        if tok.pos_ not in _NOMINAL or tok.lower_ in ("it", "that", "this", "who", "which"):
            continue
        head = _np_head(tok, window)
        if head != tok and head.lemma_.lower() in QUOTE_VERBS:
            head = tok  # `…,” Conway notes.` parsed as the noun phrase `Conway notes`
        if head.dep_ in skip and not (head.dep_ == "npadvmod" and cast.person(head) is not None):
            continue  # `Ramos, 58, told AFP` parsed as an adverb is still Ramos; `Tuesday` is not
        found = resolve(head, cast, last)
        if found is not None and found.kind != "unresolved":
            return found
        fallback = fallback or found
    return fallback


def _from_window(window: Sequence[Token], loc: Locator, cast: Cast, last: Speaker | None,
                 after: bool) -> Attribution | None:
    """A cue verb in the window and its speaker. After a quote the word order is fixed
    (`…,” Trump said` / `…,” said Trump`), which beats a parse confused by the quote."""
    cues = [t for t in window if is_quote_cue(t)]
    source = according_to(window)
    # `X said, according to AFP` and `According to AFP, one user posted:` are X's and the user's:
    # the outlet only passed the words on
    if source is not None and not any(_own_subject(c, window) is not None for c in cues
                                      if c.i < source.i or (not after and _introduces(c, window))):
        return cited(source, cast, last)
    if not cues and not after and (misread := _noun_cue(window, cast)) is not None:
        return Attribution(resolve(misread.doc[misread.i - 1], cast, last), misread.text)
    if not cues and after and (document := document_after_quote(window)) is not None:
        return Attribution(document[0], document[1].text)  # `…,” the email read.`
    if not cues and after:  # `…,” an angry Greer retaliated`: the parse makes the quote the verb's content
        # (its content the quoted words themselves: `Facebook is a “…,” albeit … the company owns X`
        # has a clause of the writer's around the quote, and `owns` says nothing)
        cues = [t for t in window if t.pos_ == "VERB" and any(
            c.dep_ == "ccomp" and c.i < window[0].i and loc.quoted(c.idx) for c in t.children)
            and not _expletive(t)]
    if after:
        cues = [t for t in cues if not _subject_before(t, window, loc)]
    if not cues:
        return None
    main = [t for t in cues if t.dep_ not in ("acl", "relcl", "amod")] or cues
    cue = main[0] if after else main[-1]
    if not after and is_speech_verb(cues[-1]) and _introduces(cues[-1], window):
        cue = cues[-1]  # `under a headline that said,`: the clause right before the quote introduces it
    speaker = None
    if after and (own := _own_subject(cue, window)) is not None and own.pos_ == "PRON":
        # `…the U.S., he warned`: the cue's own subject, not a name in the words before it
        speaker = resolve(own, cast, last)
    elif after and (named := _named_subject(cue, window, cast, last)) is not None:
        speaker = named  # `…,” CBS anchor Dana Roe said`: the person, not the outlet named first
    if after and speaker is None:
        speaker = _name_before_cue(cue, window, cast, last)
    if after and speaker is None:
        ahead = [t for t in window if t.i < cue.i and not t.is_punct]  # `,'' said X`: a stray mark
        # `…,” telling reporters`, `…,” told Fox 35`: who is told is never who speaks
        behind = [t for t in window if t.i > cue.i][:6] if _inverts(cue) else []
        if ahead and (ahead[0].pos_ in ("SCONJ", "VERB", "AUX") or ahead[0].lower_ == "that"):
            # `…” that Sanders can win, said Elmendorf`: the quote's sentence goes on before its cue
            speaker = _first_speaker(behind, window, cast, last, inverted=True)
        speaker = speaker or _first_speaker(ahead or behind, window, cast, last, inverted=not ahead) \
            or in_speaker_slot(ahead or _leading_phrase(behind))
    if speaker is None and (subject := subject_of(cue, loc)) is not None:
        if not after and subject.i < window[0].i and not loc.narrative(subject.idx):
            # the parse ran a subhead above into this sentence (`Near-term outlook|Investor Ann Roe
            # had said, "…"`) and took its noun for the subject: the speaker is in the attribution's line
            ahead = [t for t in window if t.i < cue.i and not t.is_punct]
            speaker = _first_speaker(ahead, window, cast, last, inverted=False) if ahead else None
        else:
            speaker = resolve(subject, cast, last)
    return Attribution(speaker, cue.text, imagined(cue))


def _name_before_cue(cue: Token, window: Sequence[Token], cast: Cast, last: Speaker | None) -> Speaker | None:
    """`…,” screenwriter Cole Haddon wrote on Twitter`: after a quotation, a person the story names
    right before the cue, with nothing but the words of their description between the quote and
    the name, is the cue's subject, however the parse hung the name (here on `screenwriter`, read
    as a verb, as its object). A comma, a `that` or a verb of its own before the name is another
    clause (`…” that Sanders can win, Ruiz said`), left to the parse."""
    doc = cue.doc
    if cue.i - 1 < window[0].i or doc[cue.i - 1].pos_ != "PROPN":
        return None
    name = doc[cue.i - 1]
    if any(t.is_punct or t.pos_ in ("AUX", "SCONJ", "PRON", "ADP", "CCONJ") or t.lower_ == "that"
           for t in window if t.i < name.i):
        return None
    found = resolve(name, cast, last) if cast.person(name) is not None else None
    return found if found is not None and found.kind == "named" else None


def _noun_cue(window: Sequence[Token], cast: Cast) -> Token | None:
    """`…, Emery states, “…”`: the tagger read the cue after a surname as a plural noun (as in `the
    Gulf states`). A person the story named, then a lower-case `-s` form of a quote verb, then only
    the punctuation that opens the quote, can only be that person speaking."""
    words = [t for t in window if not t.is_punct]
    if len(words) < 2:
        return None
    cue, name = words[-1], words[-2]
    if cue.tag_ != "NNS" or not cue.is_lower or cue.lemma_.lower() not in QUOTE_VERBS \
            or name.i != cue.i - 1 or cast.person(name) is None:
        return None
    return cue


def imagined(cue: Token) -> bool:
    """A cue the writer imagines, not one that happened: under a modal of possibility (`fans may
    well ask:`), `would` or `can` with a generic subject (`you would say`), a `left to wonder` (`X will
    be left to wonder:`), or an `as if to say`. `may have said` reports a real line with doubt, and
    stays a quote."""
    after = cue.doc[cue.i + 1] if cue.i + 1 < len(cue.doc) else None
    if not is_quote_cue(cue) or cue.dep_ in _CLAUSE_OF_NOUN or (after is not None and after.lemma_ == "be"):
        return False  # `All Ruiz could say was, “…”`, however the parse hangs it: what he did say
    if cue.dep_ in ("advcl", "xcomp") and cue.head.lemma_.lower() == "leave" and (
            cue.tag_ == "VBG" or any(c.dep_ == "aux" and c.lower_ == "to" for c in cue.children)):
        return True  # `left to wonder:`, `left wondering:`
    marks = {c.lower_ for c in cue.children if c.dep_ == "mark"}
    if "as" in marks and marks & _UNREAL:
        return True  # `a shrug, as if to say “…”`: a comparison with what was not said
    aux = {c.lower_ for c in cue.children if c.dep_ == "aux" and not modal_name(c)}  # not `May said`
    if "have" in aux or any(c.dep_ == "advmod" and c.lower_ in _DID_SAY for c in cue.children):
        return False
    if aux & _MAYBE:
        return True
    subject = next((c for c in cue.children if c.dep_ == "nsubj"), None)
    return bool(aux & _GENERIC_MODALS) and subject is not None and subject.lower_ in _ANYONE


def _expletive(verb: Token) -> bool:
    """`…,” it turns out`: an `it` that stands for nothing; no one said the quotation."""
    return any(c.dep_ == "nsubj" and c.lower_ == "it" for c in verb.children)


def _named_subject(cue: Token, window: Sequence[Token], cast: Cast, last: Speaker | None) -> Speaker | None:
    """The person the cue's own subject names, between the quote and the cue."""
    subject = next((c for c in cue.lefts if c.dep_ in ("nsubj", "nsubjpass") and c.i >= window[0].i), None)
    found = resolve(subject, cast, last) if subject is not None and subject.pos_ != "PRON" else None
    return found if found is not None and found.kind == "named" else None


def _subject_before(cue: Token, window: Sequence[Token], loc: Locator) -> bool:
    """`Lorenz, “the father of chaos,” started a revolution`: a verb whose subject stands in the
    narrative before the quotation is what that subject did; the quotation only interrupts the
    sentence between them (an epithet, an aside), so the verb does not attribute it and its object
    never speaks. A cue after a quotation has its subject after the quote or none (`…,” she said`,
    `…,” said the mayor`, `…,” adding`); when the parse gives the cue a subject there too (`An
    argument between those who fear … (“…,” Monica Crowley wrote`), that one is the speaker."""
    subjects = [c for c in cue.lefts if c.dep_ in ("nsubj", "nsubjpass")]
    return any(c.i < window[0].i and loc.narrative(c.idx) for c in subjects) \
        and not any(c.i >= window[0].i for c in subjects)


def _inverts(cue: Token) -> bool:
    """`said the mayor`, `added Murphy`: a finite cue may put its speaker after it; a participle
    (`…,” telling reporters`) and `tell` (`told Reuters`) put their listener there instead."""
    return cue.tag_ != "VBG" and cue.lemma_.lower() != "tell"


def _leading_phrase(tokens: Sequence[Token]) -> list[Token]:
    """The words right after an inverted cue up to a comma, a preposition or a clause."""
    out: list[Token] = []
    for tok in tokens:
        if tok.pos_ in _PHRASE_ENDS or (tok.is_punct and tok.text not in "-–"):
            break
        out.append(tok)
    return out


def _own_subject(cue: Token, window: Sequence[Token]) -> Token | None:
    """The cue's own subject, written before it at the window's start or after a clause break
    (`…,” he told settler leaders`, `…the U.S., he warned`), or None."""
    first = window[0].i
    for child in cue.lefts:
        edge = child.left_edge.i
        if child.dep_ in ("nsubj", "nsubjpass") and (
                edge == first or (edge > first and child.doc[edge - 1].text == ",")):
            return child
    return None


def _introduces(cue: Token, window: Sequence[Token]) -> bool:
    """A cue whose clause ends the window: nothing but punctuation stands between it and the quote."""
    return all(t.is_punct for t in window if t.i > cue.i)


def _words_of(window: Sequence[Token]) -> Token | None:
    """`in the words of the patient:`, `in her own words:`: whose words the quote is."""
    for tok in window:
        if tok.lower_ == "words" and tok.dep_ == "pobj" and tok.head.lower_ == "in":
            of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            owner = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
            return owner or next((c for c in tok.children if c.dep_ == "poss"), None)
    return None


def _in_words_of(window: Sequence[Token], cast: Cast, last: Speaker | None) -> Attribution | None:
    owner = _words_of(window)
    speaker = resolve(owner, cast, last) if owner is not None else None
    return Attribution(speaker, "words") if speaker is not None else None


def _intro(window: Sequence[Token], cast: Cast, last: Speaker | None) -> Attribution | None:
    """`Carney shot back with an analogy:` / `Her answer was two words:`: whoever the sentence
    that introduces the quote is about."""
    if (held := _held_statement(window) or _quoted_from(window, cast, last)) is not None:
        return held
    if (words := _in_words_of(window, cast, last)) is not None:
        return words
    if (asker := _came_from(window)) is not None and (speaker := resolve(asker, cast, last)) is not None:
        return Attribution(speaker, asker.head.head.text)
    for tok in window:
        # `help attendees address some of the fears …:` is about the fears, not anyone's words; nor are
        # `the fears people have:` the words of those who have them (`the letter he wrote:` are his)
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.head in window and not deals_with_a_matter(tok.head) \
                and not _describes_a_thing(tok.head):
            speaker = resolve(tok, cast, last)
            if speaker is not None:
                return Attribution(speaker, tok.head.text)
    if _topic_intro(window):  # `Of Governor Fisk:`: about Fisk, by whoever was speaking
        return Attribution(_carried(cast.last_said), None) if cast.last_said is not None else None
    # `…doesn't surprise Republican pollster Daron Shaw:`: the person named nearest the colon
    for tok in reversed(window):
        if tok.ent_type_ == "PERSON" and cast.person(tok) is not None and not is_topic(tok):
            return Attribution(_nearby(resolve(tok, cast, last)), None)
    return None


def _ends_in_colon(word: str) -> bool:
    """A colon, or one the tokenizer glued to a closing parenthesis (`(R-S.C.):`, `):`)."""
    return word == ":" or word.endswith("):")


def label_before_colon(window: Sequence[Token], cast: Cast, last: Speaker | None) -> Attribution | None:
    """`Reid: 'Never underestimate Trump.'` (a headline), `Pollsters agree - Carl Bialik: “…”` (a
    newsletter's line: topic, dash, source), `Continued Stone: “…”`: a name standing alone before the
    colon, at the start of its sentence or after a dash, labels the words after it as that person's,
    as a transcript does; a party and state in brackets after the name (`Rep. Tom Harlan (R-S.C.):`)
    are left out of it. The name must be someone the story names (`Trump:` is the Donald Trump of
    the story), or a proper name the model tagged a person, an organisation or nothing (`Pew
    Research:`, `HuffPollster:`), never a place (`WASHINGTON:`, a dateline); a label
    with a preposition (`CNN President On Trump:`), a possessive or a word in lower case
    (`Transcript as follows:`) names no speaker, and one capitalised word the story does not know
    (`UPDATE:`, `WATCH:`) neither."""
    words = [t for t in window if not t.is_space]
    if len(words) < 2 or not _ends_in_colon(words[-1].text):
        return None
    label = words[:-1] if words[-1].text == ":" else words
    if len(label) > 2 and label[-1].text.rstrip(":").endswith(")"):
        # `Rep. Tom Harlan (R-S.C.):`: the party and state after the name (the tokenizer may glue
        # the closing parenthesis and the colon onto the state)
        opening = max((n for n, t in enumerate(label) if t.text == "("), default=0)
        label = label[:opening] if opening > 0 and len(label) - opening <= _LABEL_WORDS else []
    elif words[-1].text != ":":
        return None
    dash = max((n for n, t in enumerate(label) if t.text in _LABEL_DASHES), default=-1)
    label = label[dash + 1:]
    if len(label) > 1 and is_quote_cue(label[0]) and label[0].lemma_.lower() != "ask":
        label = label[1:]  # `Continued Stone:`, `Added Ruiz:`
    cut = next((n for n, t in enumerate(label) if t.lower_ in ("and", "&")), len(label))
    name = label[:cut]  # `Frank Newport and Jim Harter:`: the first one named
    if not 1 <= len(name) <= _LABEL_WORDS or any(
            t.pos_ not in _LABEL_POS or not t.text[:1].isupper() or not t.text[:1].isalpha() for t in name):
        return None
    for tok in reversed(name):
        person = cast.person(tok) or cast.people.get(tok.lower_)
        if person is not None:
            end = name[-1].idx + len(name[-1].text)
            speaker = Speaker(person.name, "named", name[0].idx, end, person.key, evidence="name_nearby")
            return Attribution(speaker, None)
    head = name[-1]
    if head.pos_ != "PROPN" or head.ent_type_ not in ("", "PERSON", "ORG") \
            or (len(name) == 1 and head.is_upper):
        return None
    found = resolve(head, cast, last)
    return Attribution(_nearby(found), None) if found is not None and found.kind != "unresolved" else None


def _issued(window: Sequence[Token], cast: Cast, last: Speaker | None) -> Attribution | None:
    """`Immediately after the attacks, Trump issued a statement, “…”`: a statement given right
    before the quotation, with a comma, is its text; whoever issued it speaks (speakers.resolve
    reads a statement noun's owner or deliverer)."""
    if len(window) < 2 or window[-1].text != ",":
        return None
    noun = window[-2]
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in STATEMENT_NOUNS or noun.dep_ != "dobj" \
            or noun.head.lemma_.lower() not in DELIVERING:
        return None
    found = resolve(noun, cast, last)
    speaks = found is not None and found.kind in ("named", "organization")
    return Attribution(found, noun.head.text) if speaks else None

def _describes_a_thing(verb: Token) -> bool:
    """`the worries first-time borrowers have`: a relative clause on a noun that is not words, its verb
    not one of speech, tells what the thing is; its subject is not the sentence's speaker. Words are
    statements and what one says as a threat, a promise, a joke (`a threat many people make: “…”`)."""
    noun = verb.head.lemma_.lower()
    return verb.dep_ == "relcl" and not is_quote_cue(verb) and noun not in STATEMENT_NOUNS \
        and noun not in _SAID_NOUNS


def _came_from(window: Sequence[Token]) -> Token | None:
    """`A question came from a member of the audience:`, `The reply came from the mayor:`: words that
    `came from` someone are that someone's; the words themselves (the subject) are nobody."""
    for tok in window:
        came = tok.head.lemma_.lower() == "come"
        if tok.dep_ != "nsubj" or tok.lemma_.lower() not in _WORDS_THAT_COME or not came:
            continue
        source = next((c for c in tok.head.children if c.dep_ == "prep" and c.lower_ == "from"), None)
        return next((c for c in source.children if c.dep_ == "pobj"), None) if source is not None else None
    return None


def _held_statement(window: Sequence[Token]) -> Attribution | None:
    """`She shared the campaign's website, which carries the following statement:` the statement is
    the website's, not the words of whoever shared it: a `which` clause whose object is the statement
    noun that ends the introduction hands the quote to the thing it describes."""
    words = [t for t in window if not t.is_punct]
    if not words or words[-1].pos_ != "NOUN" or words[-1].lemma_.lower() not in STATEMENT_NOUNS:
        return None
    verb = words[-1].head
    if words[-1].dep_ != "dobj" or verb.dep_ != "relcl" or verb not in window or not any(
            c.lower_ in ("which", "that") and c.dep_ == "nsubj" for c in verb.children):
        return None
    held = verb.head
    while held.dep_ in ("pobj", "prep") and held.head.pos_ in ("NOUN", "PROPN", "X", "ADP"):
        held = held.head  # `the website for the initiative, which`: the website, not the initiative
    if held.pos_ not in ("NOUN", "PROPN", "X") or held.ent_type_ == "PERSON" or is_person_noun(held):
        return None
    return Attribution(described(held), verb.text)


def _quoted_from(window: Sequence[Token], cast: Cast, last: Speaker | None) -> Attribution | None:
    """`From the report:`, `More from the memo:`: a line that is only the document the words after it
    come from (after a dash, as a digest writes it) gives them to that document, shown as what spoke,
    or to its owner (`From Bush's Facebook post:` is Bush's)."""
    words = [t for t in window if not t.is_space and t.text != ":"]
    words = words[max((n for n, t in enumerate(words) if t.text in _LABEL_DASHES), default=-1) + 1:]
    if len(words) > 1 and words[0].lower_ in _MORE:
        words = words[1:]  # `More from the report:`
    if len(words) < 2 or words[0].lower_ != "from" or len(words) > _LABEL_WORDS:
        return None
    noun = words[-1]
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in STATEMENT_NOUNS \
            or any(t.pos_ not in _FROM_POS for t in words[1:-1]):
        return None
    return Attribution(resolve(noun, cast, last) or described(noun), None)


def _topic_intro(window: Sequence[Token]) -> bool:
    """`Of Fisk:`, `On the budget:`, `Asked about Fisk:`: an intro naming what the quote is about."""
    words = [t for t in window if not t.is_punct]
    return bool(words) and words[0].lower_ in _TOPIC_OPENERS and not any(
        t.dep_ in ("nsubj", "nsubjpass") and not is_topic(t) for t in window)


def _continued(found: Attribution | None, window: Sequence[Token], loc: Locator,
               cast: Cast) -> Attribution | None:
    """`Sanders said the process could be “messy,” adding, “Democracy is messy.”`: a cue with no
    speaker of its own, right after the previous quote, goes on with that quote's speaker."""
    if found is None or found.speaker is not None or found.cue is None or cast.last_said is None \
            or found.imagined:
        return found
    before = window[0].i - 1
    if before < 0 or not loc.quoted(loc.doc[before].idx):
        return found
    return Attribution(_carried(cast.last_said), found.cue)


def _carried(speaker: Speaker) -> Speaker:
    return dataclasses.replace(speaker, guessed=True, evidence="carried")


def _asked(window: list[Token]) -> list[Token]:
    """After `?` or `!` a new sentence may start: the attribution counts only when nothing but its
    speaker stands before its cue (`“Where?” Jane Roe, the deputy director of …, asked.`)."""
    cue = next((n for n, t in enumerate(window) if is_quote_cue(t)), None)
    if cue is None or any(t.pos_ in ("VERB", "AUX") for t in window[:cue]):
        return window[:_ASKED]
    return window


def _opens_next(window: Sequence[Token], loc: Locator) -> bool:
    """`When a man shouted, “Garner,” Abbott joked, “Amen!”`, `Kolb replied with, “Why now?” Roarke
    then wrote back, “…”`: a cue after a quotation whose clause ends in a comma or colon right before
    the next quotation introduces that one; the quotation before it keeps its own introduction, when
    it has one (the cue is still tried after it)."""
    if not window or window[-1].text not in (",", ":"):
        return False
    doc = loc.doc
    after = next((t for t in doc[window[-1].i + 1:window[-1].i + 3] if not t.is_space), None)
    return after is not None and after.is_quote and loc.quoted(after.idx)


def _nearby(speaker: Speaker | None) -> Speaker | None:
    """A name tied to the quote by position, not as the subject of its cue."""
    if speaker is None or speaker.evidence != "name_at_cue":
        return speaker
    return dataclasses.replace(speaker, evidence="name_nearby")


def _after_window(m: Marked, loc: Locator, limit: int) -> list[Token]:
    if m.close is None:
        return []
    doc, out = loc.doc, list[Token]()
    i = loc.token(m.close) + 1
    while i < len(doc) and len(out) < limit:
        tok = doc[i]
        if tok.idx >= m.paragraph.end or loc.quoted(tok.idx) or tok.text in _TERMINAL:
            break
        if not tok.is_space:  # a non-breaking space is a token of its own
            out.append(tok)
        i += 1
    return out


def _before_window(open_at: int, para_start: int, loc: Locator) -> list[Token]:
    doc, out = loc.doc, list[Token]()
    i = loc.token(open_at) - 1
    while i >= 0 and len(out) < _WINDOW:
        tok = doc[i]
        if tok.idx < para_start or loc.quoted(tok.idx) or tok.text in _TERMINAL:
            break
        if not tok.is_space:
            out.append(tok)
        i -= 1
    return out[::-1]


def attribute_full(m: Marked, text: str, loc: Locator, cast: Cast, last: Speaker | None,
                   previous_colon: int | None) -> Attribution | None:
    """A quotation that stands as its own sentence or clause."""
    # `…It's very simple.'”` ends with a full stop too: the nested quotation's mark is not the end
    quoted = text[m.start:m.end].rstrip().rstrip("'’\"”")
    ends = quoted[-1:] if quoted else ""
    tried: list[Attribution | None] = []
    joined: Attribution | None = None
    opens_next: Attribution | None = None  # the cue after may be the next quotation's
    if ends != ".":
        window = _after_window(m, loc, _WINDOW)
        if ends in ("?", "!"):
            window = _asked(window)
        found_after = _from_window(window, loc, cast, last, after=True) if window else None
        if ends == "?" and found_after is not None and answer_after(window, found_after):
            found_after = None  # `“…?” Grayson responded that…`: the answer's speaker did not ask
        if window and window[0].pos_ == "CCONJ":
            joined = found_after  # `Ruiz says, “…,” and the union asks…`: a new clause, with a new subject
        elif _opens_next(window, loc):
            opens_next = found_after  # `When a man shouted, “…,” Abbott joked, “…”`: the next line's cue
        else:
            tried.append(found_after)
    before = _before_window(m.open, m.paragraph.start, loc)
    intro = before[-1].text if before else ""
    if opens_next is not None:
        if _spoken_before(before, intro):
            joined = opens_next  # this quotation has a speech verb of its own before it
        else:  # `put up a flag – “igniting,” as Reuters reported, “…”`: the cue serves both
            tried.append(opens_next)
    if intro == ";" and len(before) > 1 and is_speech_verb(before[-2]):
        intro = ":"  # `he added; “…”`: nothing follows a speech verb but its words, so the mark is a slip
    if _ends_in_colon(intro):  # the tokenizer may keep `(R-S.C.):` as one token
        tried.append(label_before_colon(before, cast, last))
    if intro in (",", ":", "—", "–"):
        said = _continued(_from_window(before, loc, cast, last, after=False), before, loc, cast)
        if _said_right_before(before, intro) and said is not None and said.speaker is not None:
            # `recalled that he said, “…,” the office said`: the words are his; the office reports them
            tried.insert(0, said)
        tried.append(said)
        if intro == ":":
            tried.append(_intro(before, cast, last))
        else:  # `In Dr. Ruiz's words, “…”`: a comma introduces them as well as a colon does
            tried.append(_in_words_of(before, cast, last))
            tried.append(_issued(before, cast, last))
    tried.append(joined)
    if previous_colon is not None and not text[m.paragraph.start:m.open].strip():
        window = _before_window(previous_colon + 1, 0, loc)
        tried += [label_before_colon(window, cast, last),
                  _from_window(window, loc, cast, last, after=False),
                  _intro(window, cast, last)]
    found = [a for a in tried if a is not None]
    # an imagined line (`one might wonder: “…”`) is nobody's, whoever a later reading would name
    return next((a for a in found if a.speaker is not None or a.imagined), found[0] if found else None)


# What may close a speech verb's clause before the quotation it opens: its object, its addressee, a phrase.
_VERB_TAIL = frozenset({"dobj", "dative", "pobj", "prep", "npadvmod"})
_VERB_TAIL_PASSIVE = _VERB_TAIL | {"agent"}  # and a passive's `by` (`was asked by the host, “…”`)


def _clause_verb(before: Sequence[Token], tails: frozenset[str]) -> Token | None:
    """The verb whose clause ends right before the comma or colon that opens the quotation: the word
    before the mark, or up to three steps up from its object or phrase (`told the crowd, “…”`, `said
    in a speech, “…”`); None when punctuation stands between that verb and the mark."""
    verb = before[-2]
    for _ in range(3):
        if verb.pos_ == "VERB" or verb.dep_ not in tails or verb.head.i >= verb.i:
            break
        verb = verb.head
    return None if any(t.is_punct for t in verb.doc[verb.i + 1:before[-2].i + 1]) else verb


def _spoken_before(before: Sequence[Token], intro: str) -> bool:
    """`someone shouted, “…”`, `was asked by the host, “…”`: a cue (active or passive) right before
    the comma or colon that opens the quotation introduces it, whoever speaks."""
    if intro not in (",", ":") or len(before) < 2:
        return False
    verb = _clause_verb(before, _VERB_TAIL_PASSIVE)
    return verb is not None and is_quote_cue(verb)


def _said_right_before(before: Sequence[Token], intro: str) -> bool:
    """`he said, “…”`: a speech verb with its own subject right before the comma or colon that opens
    the quotation says whose words it holds, whatever attribution follows the quotation."""
    if intro not in (",", ":") or len(before) < 2:
        return False
    if intro == ":" and before[-2].pos_ == "PROPN":
        return False  # `Pollsters agree - Carl Bialik: “…”`: a name before a colon is a label
    verb = _clause_verb(before, _VERB_TAIL)
    return verb is not None and verb.pos_ == "VERB" and is_speech_verb(verb) \
        and any(c.dep_ == "nsubj" and c.i < verb.i for c in verb.children)


def answer_after(window: Sequence[Token], found: Attribution) -> bool:
    """`“Which rockets can fly by 2028?” Grayson responded that only one could`: the cue after a question
    brings an answer with words of its own (a clause, an object, `by saying`), so whoever answers did
    not ask. `“Why not?” she replied.` has nothing but the question to say: it is her answer, and hers;
    `“Why would I?” he replied, “I…”` is one answer split by its cue."""
    cue = next((t for t in window if t.text == found.cue and is_quote_cue(t)), None)
    if cue is None:
        return False
    lemma = cue.lemma_.lower()
    back = any(c.dep_ in ("prt", "advmod") and c.lower_ == "back" for c in cue.children)
    if lemma not in _ANSWERING and not (lemma in _BACK_VERBS and back):
        return False
    doc = cue.doc
    # the words the answer says in the narrative, not a quotation the parse hangs on the cue
    return any(c.i > cue.i and (c.dep_ in _CONTENT or (c.dep_ == "prep" and c.lower_ in _CONTENT_PREPS))
               and not any(t.is_quote for t in doc[cue.i + 1:c.left_edge.i + 1]) for c in cue.children)


def attribute_trailing(m: Marked, text: str, loc: Locator, cast: Cast,
                       last: Speaker | None) -> Attribution | None:
    """`Towns like it “deserve someone who is with them,” said the man who…`: a fragment that
    ends the way a quotation does takes the attribution that follows it."""
    if not text[m.start:m.end].rstrip().endswith(","):
        return None
    before = _before_window(m.open, m.paragraph.start, loc)
    if before and before[-1].pos_ == "NOUN" and before[-1].lemma_.lower() in _TERM_NOUNS:
        return None  # `who popularized the term “…,” later led the team that wrote…`: a term's comma
    window = _after_window(m, loc, _WINDOW)
    if window and window[0].pos_ == "CCONJ" and _new_subject(window):
        return None  # `rejected it as “false,” and analysts told…`: a new clause, with words of its own
    found = _from_window(window, loc, cast, last, after=True) if window else None
    return found if found is not None and found.speaker is not None else None


def _new_subject(window: Sequence[Token]) -> bool:
    """`…,” and two residents told…`: the clause after the conjunction has a subject of its own, not a
    pronoun that goes on with the one before (`…,” and he vowed`) and not none (`…,” and telling…`)."""
    for tok in window:
        if is_quote_cue(tok):
            return False
        if tok.dep_ in ("nsubj", "nsubjpass"):
            return tok.pos_ != "PRON"
    return False


# Fragments inside a sentence live in fragments.py; imported last because they build on the above.
from .fragments import attribute_fragment  # noqa: E402
