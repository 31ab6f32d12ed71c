"""Direct quotations and who said them.

find_quotes finds the marks (quotemarks), tells fragments from whole quotations, drops
scare quotes (a fragment no speech verb or noun governs), and attributes the rest
(attribution). Split quotes take the speaker of the quote before them in the paragraph; a
paragraph that is only a quotation continues the speaker of the previous paragraph's
quote, flagged speaker_guessed because a verifier should confirm it.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..models import Quote
from ..similar import normalise
from ..works import WORK_NOUNS
from .attribution import (
    Attribution,
    Locator,
    answer_after,
    attribute_fragment,
    attribute_full,
    attribute_trailing,
)
from .cues import SPEECH_VERBS, TITLE_WORDS
from .followup import attribute_next
from .marks import Marked, Paragraph, find_marked, paragraphs
from .organisations import named_like_organisation
from .phrases import HONORIFICS
from .roles import named_for_role
from .speakers import Cast, Speaker, resolve
from .turns import opens_a_turn, turn_label

__all__ = ["Analysis", "analyse", "find_quotes"]

_CACHE_KEY = "deskcheck.quotes"
_EMBEDDED_AFTER = frozenset(":.?!;—–(")
# A sentence's end inside a closing mark, single or double (`“Meet the Press.”`, `''This Week.''`).
_SENTENCE_CLOSED = re.compile(r"[.?!…][\"”’']+$")
_WORDS = re.compile(r"[^\W\d_][\w'’-]*")
# The word before a quotation, maybe set off by a comma (`in his book, “Out There”`).
_LAST_WORD = re.compile(r"(\w+),?[ \t]*$")
# `“Museum opens a new wing,” by Ana Ruiz`: a comma ends the quoted words, then `by` and two
# capitalised words, a name or an outlet's (`by Times' Ana Ruiz`), never a day (`by Friday, the…`).
# A printed story cited by its page, as letters to the editor do: `“…,” Page A8` or `“…” (Page B1, Jan. 15)`.
_PAGE_CITED = re.compile(r"[ \t]*,?[ \t]*\(?(?:Page|Pg\.|p\.)[ \t]+[A-Z]?\d+\b")
_BYLINE = re.compile(r"[ \t]*,?[ \t]+by[ \t]+(?:the[ \t]+)?[A-Z][\w.'’]*[ \t]+[A-Z]")
_TITLE_SMALL = frozenset({"that", "which", "who", "when", "where", "but", "nor", "so", "yet", "into", "over",
                          "about", "through", "up", "vs", "upon", "onto", "than"})
_MARK_CHARS = frozenset("\"“”„‟«»")
_CAMEL = re.compile(r"[a-z][A-Z]")  # a capital inside one word (`factcheckUK`, `McCain`, `iPhone`): a name
_SMALL_WORDS = frozenset({"of", "the", "and", "a", "an", "in", "on", "for", "to", "at", "with", "by", "or",
                          "from", "is", "as"})
# A line that signs the quotation above it, as reader reviews, letters and pull quotes do: a dash,
# a name (masked or not), maybe where the writer is from after a comma (`– Ali***`, `— Jane D.`,
# `—Mayor Tom Reyes`, `– Ali***, Leeds`). A pull quote may be signed without the dash, by the full
# name of someone the story named (`Tom Reyes, Ph.D.`): a line that is only a known person's name
# under a quotation is its credit, as a byline is; an unknown name without a dash may be a subhead.
_SIGNATURE = re.compile(r"(?P<dash>[—–-]{1,2})?[ \t\u00a0]*"
                        r"(?P<name>[^\W\d_][\w.*'’-]*(?:[ \t\u00a0]+[^\W\d_][\w.*'’-]*){0,4})"
                        r"[ \t\u00a0]*(?:,[^\n\"“”.!?]{1,60}(?:\.[^\W\d_]{1,3})*\.?)?")
_SIGNATURE_WORD = re.compile(r"[^ \t\u00a0]+")
# Lower-case words inside a name: `Ana de Souza`, `Rafiq al Aziz`, `Jan van der Berg`.
_PARTICLES = frozenset({"de", "da", "do", "dos", "das", "van", "von", "der", "den", "del", "della", "la",
                        "le", "al", "el", "bin", "ibn", "du", "di", "y"})
_TITLED = TITLE_WORDS | HONORIFICS
_INITIAL_OR_SUFFIX = re.compile(r"[A-Z]\.|[JS]r\.")
_ELLIPSIS = re.compile(r"…|\.\.\.|\[…\]|\[\.\.\.\]")
_ECHO_WORDS = 4  # words of a repeated piece: fewer may be a phrase anyone uses
_CUE_CLAUSE = 4  # words of `he said.`, `said Mayor Ruiz.`: a cue clause, not a sentence going on
_NAMED_CUE_CLAUSE = 12  # words of `Jane Roe, a Clinton supporter, told the New Yorker.`, naming the speaker
# words of a cue clause that names the speaker of the quotation before it (`said Tom Baker, head of
# policy at the Harbour Council of the Northern Coast.`): an apposition can be long
_LONG_CUE_CLAUSE = 24
_OPENER_WORDS = 6  # words of `In Europe, by contrast,` before a quotation that goes on
_TERMINAL = frozenset(".?!")
_AFTER_QUESTION = 40  # tokens after a question in which an answer's cue is looked for
# `I`, `me`, `my`: one person's voice. An organisation quoted in the news speaks as `we` (a statement,
# a spokesman for it); only a person says `I played my best match`.
_FIRST_PERSON = re.compile(r"\b(?:I|I['’](?:m|ve|d|ll)|me|my|myself)\b")
# What a sentence says a person thinks or feels, before a paragraph of their words: verbs of belief,
# hope and fear, and adjectives of a stand after `is`, `remains`.
_STANCE_VERBS = frozenset("believe think feel fear worry hope doubt see view regard consider trust".split())
_COPULAS = frozenset("be remain seem sound appear stay".split())
_STANCE_ADJECTIVES = frozenset("""upbeat optimistic pessimistic confident hopeful skeptical sceptical doubtful
    adamant unapologetic defiant blunt candid frank upfront outspoken vocal emphatic insistent certain sure
    convinced unconvinced worried concerned bullish bearish sanguine enthusiastic critical dismissive
    unequivocal""".split())
_SAID = frozenset({"said", "says"})


@dataclass(frozen=True)
class Analysis:
    """What sources.py reuses: the quotes, the cast of people, and where the quotes are."""

    quotes: tuple[Quote, ...]
    cast: Cast
    locator: Locator


def find_quotes(doc: Doc, text: str | None = None) -> tuple[Quote, ...]:
    """The quotations in `doc`; `text` is `doc.text` when the caller already has it."""
    return analyse(doc, text).quotes


def analyse(doc: Doc, text: str | None = None) -> Analysis:
    cached = doc.user_data.get(_CACHE_KEY)
    if isinstance(cached, Analysis):
        return cached
    text = doc.text if text is None else text
    paras = paragraphs(text)
    every = find_marked(text, paras)
    marked = [m for m in every if not m.paragraph.headline]
    headed = {_term_key(text[m.start:m.end]) for m in every
              if m.paragraph.headline and not _reporting_headline(text, m)} - {""}
    locator = Locator(doc, marked, [p for p in paras if p.headline], text)
    cast = Cast(doc, locator.narrative)
    by_index = {p.index: p for p in paras}
    quotes = _attribute_all(doc, text, marked, by_index, locator, cast, headed)
    analysis = Analysis(tuple(quotes), cast, locator)
    doc.user_data[_CACHE_KEY] = analysis
    return analysis


def _embedded(text: str, m: Marked) -> bool:
    """A fragment sits inside a sentence: `of “an arrogant kind of thought” and` . A quotation after
    a sentence that ended inside a closing mark (`he said on NBC's “Meet the Press.” “We…`, as
    American style puts the full stop inside the marks of a show's or a song's name) opens its own
    sentence: the speaker's next words, not a fragment of the narrative."""
    before = text[m.paragraph.start:m.open].rstrip()
    if _SENTENCE_CLOSED.search(before):
        return False
    if not before or before[-1] in _EMBEDDED_AFTER:
        return False
    if before[-1] == ",":
        return text[m.start:m.end][:1].islower()
    return True


def _title_like(quoted: str) -> bool:
    """`on “Sunday Morning Futures”`: a short run of capitalised words is a title, not speech."""
    words = _WORDS.findall(quoted)
    if not words or len(words) > 6 or (quoted.rstrip()[-1:] in ("?", "!") and len(words) > 1):
        return False
    return words[0][0].isupper() and _title_cased(words)


def _title_cased(words: list[str], small: frozenset[str] = _SMALL_WORDS) -> bool:
    return all(w[0].isupper() or w.lower() in small for w in words)


def _handle_like(quoted: str) -> bool:
    """`@cityhall`, `#NoMoreCuts`, `factcheckUK`: an account name, a hashtag or a brand written as
    one word with capitals inside is a name in quote marks, never something someone said."""
    word = quoted.strip()
    if not word or any(c.isspace() for c in word):
        return False
    return word[0] in "@#" or _CAMEL.search(word) is not None


def _cited_title(text: str, m: Marked) -> bool:
    """`her book, “Out There” (Harbor Press, 2018), is out now`: a title followed by its citation in
    brackets is a work's name; the publisher in the brackets did not say it."""
    after = text[m.close + 1:m.close + 3].lstrip(" ") if m.close is not None else ""
    quoted = text[m.start:m.end]
    return after.startswith("(") and _title_like(quoted) and quoted.rstrip()[-1:] not in ("!", "?")


def _named_work(text: str, m: Marked) -> bool:
    """`In his book “Financial Freedom: A Proven Path to Wealth,” Ruiz shares…`, `in her 2019 memoir,
    “Out There,”`: a title-cased quotation right after the noun of a work, however long, is the
    work's name."""
    before = _LAST_WORD.search(text, m.paragraph.start, m.open)
    if before is None or before.group(1).lower() not in WORK_NOUNS:
        return False
    words = _WORDS.findall(text[m.start:m.end])
    # a long title keeps its conjunctions and relative words small too (`Communities that Arise`)
    return bool(words) and _title_cased(words, _SMALL_WORDS | _TITLE_SMALL)


def _bylined(text: str, m: Marked) -> bool:
    """`“Museum opens a new wing,” by the Gazette's Ana Ruiz: …`, `according to “Out Past the Wall” by
    Ana Ruiz`: newsletters, reading lists and stories cite a story or a book by its title and its
    author (after a comma, or a title in Title Case); the author wrote the title, nobody said it."""
    if m.close is None:
        return False
    quoted = text[m.start:m.end]
    set_off = quoted.rstrip().endswith(",") or text[m.close + 1:m.close + 2] == "," \
        or _title_cased(_WORDS.findall(quoted) or ["x"])  # `“Perfect Enough: …” by George Anders`
    if _PAGE_CITED.match(text, m.close + 1, m.paragraph.end):
        return True  # `Re. “Prop. 13 proves costly,” Page A8, Jan. 13:`: a letter cites the paper's page
    return set_off and _BYLINE.match(text, m.close + 1, m.paragraph.end) is not None


def _subhead(text: str, m: Marked, doubled: bool) -> bool:
    """`'A fight from start to finish.'` alone on its line, in a story that quotes people in double
    marks: a subhead quoting, headline-style, in single marks, what a section below is about; the
    story's own quotations, and whoever spoke the paragraph before, do not own it. (A story that
    quotes in single marks, as British papers do, keeps such a line as a quotation.)"""
    return m.single and doubled and m.close is not None and not text[m.paragraph.start:m.open].strip() \
        and not text[m.close + 1:m.paragraph.end].strip()


def _label_like(quoted: str) -> bool:
    """A stand-alone quotation nobody is said to have said: a title, a label, a slogan."""
    asked = quoted.rstrip()[-1:] in ("?", "!")  # `“Who cares?”` is still somebody's question
    return not asked and (_title_like(quoted) or len(_WORDS.findall(quoted)) <= 2)


def _previous_colon(text: str, m: Marked, previous_end: int | None) -> int | None:
    """The colon ending the paragraph before, when this paragraph opens with the quote."""
    if previous_end is None:
        return None
    head = text[:previous_end].rstrip()
    return len(head) - 1 if head.endswith(":") else None


def _attribute_all(doc: Doc, text: str, marked: list[Marked], paras: dict[int, Paragraph], loc: Locator,
                   cast: Cast, headed: set[str]) -> list[Quote]:
    """`headed`: the short words the headlines put in marks (see `_term_key`, `_verb_in_use`)."""
    out: list[tuple[Marked, Quote]] = []
    last_group: Speaker | None = None
    doubled = 2 * sum(not m.single for m in marked) > len(marked)  # the story quotes in double marks
    for m in marked:
        if _handle_like(text[m.start:m.end]) or _cited_title(text, m) or _named_work(text, m) \
                or _bylined(text, m) or _subhead(text, m, doubled):
            continue
        partial = _embedded(text, m)
        if partial and _term_key(text[m.start:m.end]) in headed and _verb_in_use(doc, loc, m):
            continue  # the story's own term again (`Cells That 'Taste' Danger` … `able to “taste” …`)
        if partial:
            first, last = loc.token(m.start), loc.token(m.end - 1)
            found = attribute_fragment(doc[first], doc[last], m.paragraph, loc, cast, last_group)
            if found is None or found.speaker is None:
                # a verb inside the sentence that names no one who speaks does not settle it: the
                # attribution after the words (`…, “…,” said Ana Ruiz`) names the speaker
                found = attribute_trailing(m, text, loc, cast, last_group) \
                    or _introduced(m, text, loc, cast, last_group) or found
            if (found is None or found.speaker is None) and _goes_on(text, m, out, loc):
                found, partial = _convention(m, out, text), False
            if found is None or found.imagined \
                    or (_title_like(text[m.start:m.end]) and not (found.term and found.speaker)):
                continue  # a scare quote or a title: nobody is said to have said it (a name someone
                # calls a person or a thing, `called Merkel “The Chancellor of the Free World”`, is theirs)
        else:
            before = paras.get(m.paragraph.index - 1)
            colon = _previous_colon(text, m, before.end if before is not None else None)
            found = _signed(m, text, paras.get(m.paragraph.index + 1), loc, cast) \
                or attribute_full(m, text, loc, cast, last_group, colon)
            if found is not None and found.imagined:
                continue  # `fans may well ask: “…”`: a line the writer imagines, nobody's words
            found = found or _colon_subject(m, text, loc, cast, out) or _convention(m, out, text)
            if found is None or found.speaker is None:
                found = _asker(m, text, loc, cast, attribute_next(m, text, loc, cast, last_group)) or found
            if found is None and _label_like(text[m.start:m.end]):
                continue
            if found is None and m.close is not None \
                    and ((subject := _subject_before(m, text, loc, cast, alone=True)) is not None
                         or (subject := _stance_before(m, text, before, loc, cast)) is not None):
                found = Attribution(dataclasses.replace(subject, guessed=True, evidence="name_nearby"), None)
        found = turn_label(m, text, loc, cast, last_group, found)
        found = _speaking_as_one(_plausible_speaker(_role_named(doc, found, cast), doc), text[m.start:m.end])
        quote = _quote(text, m, found, partial)
        if quote is None:
            continue
        if found and found.speaker and found.speaker.kind in ("anonymous", "organization"):
            last_group = found.speaker
        cast.heard(found.speaker if found else None)
        out.append((m, quote))
    return _echoed(_carry_back([q for _, q in out], [m for m, _ in out]))


def _reporting_headline(text: str, m: Marked) -> bool:
    """`Ruiz Says Rival 'Gutted' Fund`, `Ruiz: Rival 'Gutted' Fund`: a headline that reports someone's
    words (a speech verb, or a name and a colon) quotes them, not a term of the story's own."""
    line = text[m.paragraph.start:m.paragraph.end]
    if ":" in text[m.paragraph.start:m.open]:
        return True
    words = [w.lower() for w in _WORDS.findall(line)]
    return any(w in SPEECH_VERBS or (w.endswith("s") and w[:-1] in SPEECH_VERBS)
               or (w.endswith("es") and w[:-2] in SPEECH_VERBS) for w in words)


def _term_key(quoted: str) -> str:
    """A fragment of at most three words, lower-cased, for matching the headline's words in marks;
    "" for anything longer."""
    words = _WORDS.findall(quoted.lower())
    return " ".join(words) if 0 < len(words) <= 3 else ""


def _verb_in_use(doc: Doc, loc: Locator, m: Marked) -> bool:
    """`being able to “taste” minute traces`: one word in marks that is the sentence's own verb, its
    object outside the marks. With the headline's same word in marks (`Cells That 'Taste' Danger`),
    that is the story's figure of speech; a word the headline quotes from someone is most often a
    name or a judgement (`Rival's plan 'reckless'`), which this leaves to the speaker."""
    first, last = loc.token(m.start), loc.token(m.end - 1)
    words = [t for t in doc[first:last + 1] if t.is_alpha]
    if len(words) != 1 or words[0].pos_ != "VERB":
        return False
    verbs = [words[0], *(c for c in words[0].children if c.dep_ == "conj")]
    return any(c.dep_ in ("dobj", "obj") and c.i > last for v in verbs for c in v.children)


def _speaking_as_one(found: Attribution | None, words: str) -> Attribution | None:
    """`“I think I played my best match,” the 14th-ranked Lockhart said`: a one-word name the model
    tagged an organisation, saying `I` or `my` of itself, is a person's surname (news calls people
    by surname after the first mention, and the model often tags a rare one, or one after an epithet
    like `14th-ranked`, an organisation); a company, an agency or a team speaks as `we`."""
    speaker = found.speaker if found is not None else None
    if found is None or speaker is None or speaker.kind != "organization" \
            or speaker.evidence != "organization" or not speaker.name.isalpha() \
            or not speaker.name.istitle() \
            or (found.cue or "").lower() not in _SAID or not _FIRST_PERSON.search(words):
        return found
    return Attribution(dataclasses.replace(speaker, kind="named", evidence="name_at_cue"), found.cue)


def _asker(m: Marked, text: str, loc: Locator, cast: Cast, found: Attribution | None) -> Attribution | None:
    """`“…by 2028?” Grayson responded that only one rocket could.`: the sentence after a question
    answers it; its speaker did not ask it. The asker is the person the sentence before is about,
    a guess (`Whitcombe returned to the issue. “…?”`), else nobody."""
    if found is None or m.close is None or not text[m.start:m.end].rstrip().rstrip("'’\"”").endswith("?"):
        return found
    first = loc.token(m.close) + 1
    after = [t for t in loc.doc[first:first + _AFTER_QUESTION] if not t.is_space]
    if not answer_after(after, found):
        return found
    asker = _subject_before(m, text, loc, cast)
    if asker is None or (found.speaker is not None and asker.key == found.speaker.key):
        return None
    return Attribution(dataclasses.replace(asker, guessed=True, evidence="name_nearby"), None)


def _subject_before(m: Marked, text: str, loc: Locator, cast: Cast, alone: bool = False) -> Speaker | None:
    """The named person who is the active subject of the narrative sentence right before a quote
    that opens its own sentence in the same paragraph; `alone`: the subject of the one main clause
    (`Playbook won't go that far, but Sherman wants…` has two)."""
    if not text[m.paragraph.start:m.open].rstrip().endswith("."):
        return None
    sentence = _sentence_before(m, loc, m.paragraph.start, m.open)
    return _main_subject(sentence, loc, cast, alone) if sentence is not None else None


def _sentence_before(m: Marked, loc: Locator, start: int, end: int) -> list[Token] | None:
    """The words of the sentence that ends right before the quote's opening mark, from `start` on (the
    parser may run the line above into it); None when its last word is not within `start`–`end`."""
    before = loc.token(m.open) - 1
    while before >= 0 and (loc.doc[before].is_space or loc.doc[before].is_punct):
        before -= 1
    if before < 0 or not start <= loc.doc[before].idx < end:
        return None
    return [t for t in loc.doc[loc.doc[before].sent.start:before + 1] if t.idx >= start]


def _colon_subject(m: Marked, text: str, loc: Locator, cast: Cast,
                   done: list[tuple[Marked, Quote]]) -> Attribution | None:
    """`Buckley, who phoned in from the set, had a similar experience: “…”`: a quotation after a
    colon that closes a sentence of its paragraph, with no cue of its own, is a guess of that
    sentence's named subject when the subject is someone other than the speaker of the quote
    before (who would otherwise be carried over: the story has turned to a new person); a colon
    after the same speaker (`Ruiz recalled the night:`) leaves the carry as it was."""
    if not text[m.paragraph.start:m.open].rstrip().endswith(":"):
        return None
    sentence = _sentence_before(m, loc, m.paragraph.start, m.open)
    if not sentence:
        return None
    inside = {t.i for t in sentence}
    subject = next((t for t in sentence if t.dep_ == "nsubj" and t.head.i in inside and t.head.dep_ == "ROOT"
                    and t.pos_ == "PROPN" and not loc.quoted(t.idx)), None)
    speaker = resolve(subject, cast) if subject is not None else None
    if speaker is None or speaker.kind != "named":
        return None
    previous = done[-1][1].speaker if done else None
    if previous is not None and previous.lower() in (speaker.key.lower(), speaker.name.lower()):
        return None
    return Attribution(dataclasses.replace(speaker, guessed=True, evidence="name_nearby"), None)


def _stance_before(m: Marked, text: str, above: Paragraph | None, loc: Locator, cast: Cast) -> Speaker | None:
    """`Viguerie is upbeat about Cruz's chances.` then a paragraph that is only a quotation: news
    states where a person stands, then gives their words. The named person who opens the last
    sentence of the paragraph above, when that sentence says what they think or feel (a verb of
    belief or fear, `is upbeat`, `remains skeptical`), is a guess; a sentence of what they did
    (`Maalouf drove to the crossing.`) says nothing of who speaks next."""
    if above is None or text[m.paragraph.start:m.open].strip() \
            or not text[above.start:above.end].rstrip().endswith("."):
        return None
    sentence = _sentence_before(m, loc, above.start, above.end)
    words = [t for t in sentence if not t.is_space] if sentence is not None else []
    if not words or any(loc.quoted(t.idx) for t in words if not t.is_punct):
        return None
    subject = words[0]
    while subject.dep_ == "compound" and subject.head.i > subject.i:
        subject = subject.head
    # the sentence opens with its subject (`In Iowa, Ruiz …` is about Iowa first), a name, whatever
    # clause the parse makes of the stance (`Ruiz is upbeat …, in part because he sees …` may hang
    # `is upbeat` on `sees`)
    if subject.dep_ != "nsubj" or subject.pos_ != "PROPN" or subject.left_edge.i != words[0].i \
            or not _stance(subject.head):
        return None
    if any(t.dep_ in ("nsubj", "nsubjpass") and t.i != subject.i and t.pos_ in ("PROPN", "NOUN")
           for t in words):
        return None  # `Ruiz thinks the board will …`: someone else is in the sentence to speak
    speaker = resolve(subject, cast)
    return speaker if speaker is not None and speaker.kind == "named" else None


def _stance(verb: Token) -> bool:
    """`believes`, `fears`, `sees Cruz as a uniter`; `is upbeat`, `remained skeptical`."""
    lemma = verb.lemma_.lower()
    if any(c.dep_ == "neg" for c in verb.children):
        return False
    if lemma in _STANCE_VERBS:
        return True
    return lemma in _COPULAS and any(c.dep_ == "acomp" and c.lemma_.lower() in _STANCE_ADJECTIVES
                                     for c in verb.children)


def _main_subject(sentence: list[Token], loc: Locator, cast: Cast, alone: bool) -> Speaker | None:
    """The named person who is the active subject of a narrative sentence's main clause."""
    if any(loc.quoted(t.idx) for t in sentence if not t.is_punct):
        return None
    inside = {t.i for t in sentence}
    subject = next((t for t in sentence if t.dep_ == "nsubj" and t.head.i in inside
                    and (t.head.dep_ == "ROOT" or t.head.head.i not in inside)), None)
    speaker = resolve(subject, cast) if subject is not None and subject.pos_ == "PROPN" else None
    if alone and subject is not None and any(
            t.dep_ in ("nsubj", "nsubjpass") and t.i != subject.i and t.pos_ in ("PROPN", "NOUN")
            and (t.head.dep_ == "ROOT" or (t.head.dep_ == "conj" and t.head.head.dep_ == "ROOT"))
            for t in sentence):
        # `Playbook won't go that far, but Sherman wants…`: two main clauses' subjects, either may
        # speak (a subject deeper down, `mentioned that the picture had been…`, is what is told)
        return None
    return speaker if speaker is not None and speaker.kind == "named" else None


def _role_named(doc: Doc, found: Attribution | None, cast: Cast) -> Attribution | None:
    """`said the mayor's communications director, Jennifer Morrow`: the role's holder said it."""
    named = named_for_role(doc, found.speaker, cast) if found is not None and found.speaker else None
    return found if named is None or found is None else Attribution(named, found.cue)


def _plausible_speaker(found: Attribution | None, doc: Doc | None = None) -> Attribution | None:
    """A speaker whose words include a quotation mark (`profoundly pleased” at the release`) is a
    stretch of the sentence the parse mistook for a description, never someone: no speaker beats
    that one. A `named` speaker called like a company (`Dick Clark Productions`) or by an acronym the
    story spells out (`WHO`) is an organisation, and then no `he` or `she` stood for it."""
    if found is None or found.speaker is None:
        return found
    if _MARK_CHARS & set(found.speaker.name):
        return Attribution(None, found.cue)
    if found.speaker.kind == "named" and named_like_organisation(found.speaker.name, doc):
        if found.speaker.evidence in ("pronoun", "pronoun_agree"):
            return Attribution(None, found.cue)  # `he added`: a person's pronoun never stands for the Guild
        return Attribution(dataclasses.replace(found.speaker, kind="organization"), found.cue)
    return found


def _signed(m: Marked, text: str, sign: Paragraph | None, loc: Locator, cast: Cast) -> Attribution | None:
    """A paragraph that is only a quotation, then a line that is only a dash and a name: the name
    signs it (`“Super fun!”⏎– Ali***`). Nothing else in the story attributes such a quote, and the
    quote before it, signed by someone else, must not lend it its speaker."""
    if sign is None or m.close is None or text[m.paragraph.start:m.open].strip() \
            or text[m.close + 1:m.paragraph.end].strip():
        return None
    line = text[sign.start:sign.end]
    found = _SIGNATURE.fullmatch(line.strip())
    if found is None:
        return None
    at = sign.start + len(line) - len(line.lstrip()) + found.start("name")
    words = list(_SIGNATURE_WORD.finditer(found.group("name")))
    while len(words) > 1 and words[0].group().lower() in _TITLED:
        words.pop(0)  # `—Mayor Tom Reyes` is Tom Reyes, the mayor
    if not words[0].group()[:1].isupper() or any(
            w.group().lower() in _SMALL_WORDS or (w.group()[:1].islower() and w.group() not in _PARTICLES)
            for w in words):
        return None  # `— and that was it.`, `– The End`: no name
    start, end = at + words[0].start(), at + words[-1].end()
    if text[end - 1] == "." and not _INITIAL_OR_SUFFIX.fullmatch(words[-1].group()):
        end -= 1  # `— Tom Reyes.`: the line's full stop; `— Jane D.` keeps her initial
    name = key = text[start:end]
    person = cast.person(loc.doc[loc.token(end - 1)])
    first = words[0].group().lower()
    if found.group("dash") is None and (person is None or len(words) < 2 or person.first != first):
        return None  # no dash: only a full name the story gave a person signs the quote
    if person is not None and (len(words) == 1 or person.first in (None, first)):
        name, key = person.name.strip(), person.key  # `— Tom Reyes` after a story that named him
    return Attribution(Speaker(name, "named", start, end, key.lower(), evidence="signature"), None)


def _introduced(m: Marked, text: str, loc: Locator, cast: Cast, last: Speaker | None) -> Attribution | None:
    """`she said, “this town will flood…”`: a lower-case quotation after `X said,`."""
    if not text[m.paragraph.start:m.open].rstrip().endswith(","):
        return None
    found = attribute_full(m, text, loc, cast, last, None)
    return found if found is not None and found.speaker is not None else None


def _convention(m: Marked, done: list[tuple[Marked, Quote]], text: str) -> Attribution | None:
    """`“A,” she said. “B.”`: B is hers. A paragraph that is only a quotation right after a
    quoted paragraph goes on with the same speaker (a guess the report flags), also after a
    paragraph that ends with a fragment and its cue (`… “what's possible,” he said.`)."""
    if not done:
        return None
    prev_m, prev = done[-1]
    if prev.speaker is None:
        return None
    guessed = prev.speaker_guessed
    if prev_m.paragraph.index == m.paragraph.index:
        pass
    elif prev_m.paragraph.index == m.paragraph.index - 1 and m.open - m.paragraph.start <= 1 \
            and (not prev.partial or _ends_with_its_cue(text, prev_m, prev)
                 or _closes_its_speech(text, done)):
        guessed = True
    else:
        return None
    speaker = Speaker(prev.speaker, prev.speaker_kind, *(prev.speaker_span or (0, 0)),
                      key=prev.speaker.lower(), guessed=guessed, evidence="carried")
    return Attribution(speaker, prev.cue)


def _goes_on(text: str, m: Marked, done: list[tuple[Marked, Quote]], loc: Locator) -> bool:
    """`“I don't think it's over,” Roe said. But “the bill is stronger now.”`, `Instead, “he just
    acts like a defeated man.”`, `In Europe, by contrast, “claims …”`: a sentence that is a quotation
    after a connective or an adverbial opener, right after the same paragraph's whole quotation and
    its cue clause, is the speaker going on, as a split quote is. The opener has no verb and starts
    with a conjunction, an adverb or a preposition (a subject before the marks, `Biden “misspoke.”`,
    is a sentence of the writer's); the quotation ends the sentence."""
    if not done or m.close is None:
        return False
    prev_m, prev = done[-1]
    if prev_m.paragraph.index != m.paragraph.index or prev.speaker is None \
            or prev_m.close is None or text[m.start:m.end].rstrip()[-1:] not in _TERMINAL:
        return False
    if prev.partial and not _ends_a_sentence(text, prev_m):
        return False  # `… “bill,” she said`: a word woven into a sentence, not the speaker's sentence
    if text[m.close + 1:m.paragraph.end].lstrip()[:1] not in ("", "\"", "“", "'", "‘"):
        return False  # words after the marks: the quotation is part of a sentence of the writer's
    between = text[prev_m.close + 1:m.open]
    ends = [n for n, c in enumerate(between) if c in _TERMINAL]
    if ends:
        cue, opener = between[:ends[-1]], between[ends[-1] + 1:]
    elif text[prev_m.start:prev_m.end].rstrip()[-1:] in _TERMINAL:
        cue, opener = "", between  # `Ruiz said, “… jobs.” In Europe, “…”`: the full stop was inside
    else:
        return False
    span = prev.speaker_span
    named = span is not None and prev_m.close < span[0] < prev_m.close + 1 + len(cue)
    if len(_WORDS.findall(cue)) > (_LONG_CUE_CLAUSE if named else _NAMED_CUE_CLAUSE):
        return False
    words = [t for t in loc.doc[loc.token(m.open - len(opener)):loc.token(m.open)]
             if not t.is_space and not t.is_punct and t.idx >= m.open - len(opener)]
    if not words or len(words) > _OPENER_WORDS or words[0].pos_ not in ("CCONJ", "ADV", "ADP", "SCONJ"):
        return False
    return not any(t.pos_ in ("VERB", "AUX") for t in words)


def _ends_a_sentence(text: str, m: Marked) -> bool:
    """`Ruiz said, “it is about jobs.”`, `the lawyers write, “to be fair is to be free.”`: words in
    marks that end with their sentence's full stop, after a comma, close a sentence of the speaker's,
    as a whole quotation does; `… “bill,” she said` does not."""
    if m.close is None or text[m.start:m.end].rstrip()[-1:] not in _TERMINAL:
        return False
    return text[m.paragraph.start:m.open].rstrip().endswith(",")


def _ends_with_its_cue(text: str, m: Marked, quote: Quote) -> bool:
    """`Children … “will see it differently,” he said.` closing its paragraph: a fragment that ends
    as a quotation does (a comma), followed by nothing but its short cue clause, is how a quote is
    carried into the next paragraph, as a whole quoted paragraph is; a fragment inside the
    narrative (`accused Ruiz of “arrogance.”`) is not."""
    if m.close is None or quote.cue is None or not text[m.start:m.end].rstrip().endswith(","):
        return False
    tail = text[m.close + 1:m.paragraph.end].split()
    if not tail or quote.cue not in (w.strip(".,") for w in tail):
        return False
    # `Sanders “is tapping into …,” Simon Rosenberg, a Clinton supporter, told the New Yorker.`: a
    # longer cue clause still closes the quote when it names the speaker (with a role, an outlet)
    named = quote.speaker_span is not None and m.close < quote.speaker_span[0] < m.paragraph.end
    return len(tail) <= (_NAMED_CUE_CLAUSE if named else _CUE_CLAUSE)


def _closes_its_speech(text: str, done: list[tuple[Marked, Quote]]) -> bool:
    """`“By the way, …,” Trump told a rally, saying Clinton would “abolish the second amendment.”`: a
    fragment that closes its paragraph after a whole quotation of the same speaker in it is that
    speaker going on; the next paragraph's quotation goes on with them, as after the whole one."""
    if len(done) < 2:
        return False
    (whole_m, whole), (last_m, last) = done[-2], done[-1]
    return last_m.close is not None and not text[last_m.close + 1:last_m.paragraph.end].strip() \
        and whole_m.paragraph.index == last_m.paragraph.index and not whole.partial \
        and whole.speaker is not None and whole.speaker == last.speaker


def _carry_back(quotes: list[Quote], marks: list[Marked]) -> list[Quote]:
    """A quotation running over several paragraphs is one speaker's: attributed at its end, it is
    carried back; attributed where it starts (`Ruiz said the deal “gives us hope…` and the next
    paragraph opening with a mark), it is carried forward. A paragraph opening with a transcript's
    label (`"RAMOS: …`) starts a new turn: nothing is carried into it, nor back from it."""
    turns = [opens_a_turn(q.text) for q in quotes]  # a transcript's turns are each their speaker's
    for n in range(len(quotes) - 2, -1, -1):
        if marks[n].runs_on and quotes[n].speaker is None and quotes[n + 1].speaker is not None \
                and not turns[n] and not turns[n + 1]:
            quotes[n] = _carried(quotes[n], quotes[n + 1])
    for n in range(1, len(quotes)):
        if marks[n - 1].runs_on and quotes[n].speaker is None and quotes[n - 1].speaker is not None \
                and marks[n].paragraph.index == marks[n - 1].paragraph.index + 1 and not turns[n]:
            quotes[n] = _carried(quotes[n], quotes[n - 1])
    return quotes


def _echoed(quotes: list[Quote]) -> list[Quote]:
    """`Uber tweeted: “We are all concerned … Fares have increased …”` and later `Let’s parse that
    tweet: “We are all concerned …”`: a writer who quotes again words already quoted and credited
    (whole, or in pieces cut with an ellipsis) is repeating that speaker's words, so the earlier
    speaker is theirs. Only pieces of a few words count: a short phrase may be anyone's. The words
    are compared as the similar-articles check compares quotes (similar.normalise): a repeat may
    straighten a curly apostrophe or spell a contraction out (`don’t`, `do not`)."""
    credited: list[tuple[str, Quote]] = []
    for n, quote in enumerate(quotes):
        if quote.speaker is not None:
            credited.append((f" {normalise(quote.text)} ", quote))
            continue
        pieces = [p for p in _ELLIPSIS.split(quote.text) if normalise(p)]
        if not pieces or any(len(_WORDS.findall(p)) < _ECHO_WORDS for p in pieces):
            continue
        source = next((q for text, q in reversed(credited)
                       if all(f" {normalise(p)} " in text for p in pieces)), None)
        if source is not None:
            quotes[n] = _carried(quote, source)
    return quotes


def _carried(quote: Quote, source: Quote) -> Quote:
    return Quote(quote.text, quote.start, quote.end, source.speaker, source.speaker_kind, source.speaker_span,
                 source.cue, quote.partial, True, "carried")


def _quote(text: str, m: Marked, found: Attribution | None, partial: bool) -> Quote | None:
    start, end = m.start, m.end
    while end > start and text[end - 1] in ", \t":
        end -= 1  # the comma before `she said` belongs to the sentence, not to the speaker
    if not any(c.isalpha() for c in text[start:end]):
        return None
    speaker = found.speaker if found else None
    if speaker is None:
        return Quote(text[start:end], start, end, cue=found.cue if found else None, partial=partial)
    return Quote(text[start:end], start, end, speaker.name, speaker.kind, (speaker.start, speaker.end),
                 found.cue if found else None, partial, speaker.guessed, speaker.evidence)

