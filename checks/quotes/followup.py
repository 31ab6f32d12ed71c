"""Attribution from the sentence after or before a quote: the last resort for a quote with no cue
of its own.

`“This is a sad day for the town.” Librarian Ellen Marsh said she would retire in June.` A
quote that ends a sentence with no attribution takes the speaker of the next sentence when that
sentence opens with its speaker and a speech verb. In the paragraph, or in the next paragraph
when the quote is a paragraph of its own. A reaction (`The board members laughed.`) is no
attribution: they laughed at the words, someone else said them.

Failing that, a quote that opens its sentence takes the speaker of the sentence just before
when that sentence is reported speech (`Tully said the council had not asked anyone.` then a
paragraph `“Nobody knocked on a single door.”`; `Sometimes clerks skip it, he said. “But …”`),
also when that sentence quotes a few of the person's words or says they gave words of their own
(`Ruiz issued a statement.`): news goes on quoting the person it has just paraphrased. A guess the
report flags. Tried after the conventions for continued quotes.
"""

from __future__ import annotations

import dataclasses

from spacy.tokens import Doc, Span, Token

from .attribution import Attribution, Locator
from .cast import Cast
from .cues import QUOTE_VERBS, is_quote_cue, is_speech_verb
from .marks import Marked
from .speakers import DELIVERING, Speaker, resolve
from .subjects import subject_of

__all__ = ["attribute_next"]

_NEXT_LIMIT = 30  # tokens of the next sentence that are read
_TERMINAL = frozenset(".?!")
_SPEAKING = frozenset({"named", "anonymous"})
_NOT_SPEAKERS = frozenset({"it", "this", "that", "which", "who"})
# What listeners do after a quote: their reaction, not an attribution of the words before it.
_REACTIONS = frozenset("smile laugh shrug sigh chuckle cheer boo roar nod grin applaud gasp".split())
_SUMMING = frozenset({"summarize", "summarise"})  # with `sum up` and `put it`: verbs that word a thought
_OPENS_SENTENCE = frozenset(".?!")  # what may stand before a quote that opens its own sentence
_CONTENT = frozenset({"ccomp", "xcomp", "dobj"})  # where a reporting verb's words are
# Nouns for words their deliverer speaks (not `report`, `letter`, `book`: those may quote others).
_OWN_WORDS = frozenset("""statement remarks remark comments comment speech address response reply answer
    message""".split())
# `He defended his decision to visit.` then a quotation: news states a position, then quotes the
# defence of it; only the verbs whose object is a stand someone took (a decision, a record, a policy).
_DEFENDING = frozenset({"defend", "justify"})
_WHERE_SAID = frozenset({"prep", "npadvmod", "advmod"})  # `argued in his email`, `said Tuesday`
_ASIDE_TOKENS = 120  # the longest parenthesis read as an aside between a speaker and the quote
# `Ruiz spoke about the case.`: what the speaking was about, then the words (not `spoke with Roe`)
_SPOKE_ABOUT = frozenset({"about", "of", "on"})


def attribute_next(m: Marked, text: str, loc: Locator, cast: Cast,
                   last: Speaker | None) -> Attribution | None:
    """The speaker of the sentence after a quote that has no attribution of its own, else of
    the reported speech just before it."""
    return _from_next(m, text, loc, cast, last) or _from_previous(m, text, loc, cast, last)


def _from_next(m: Marked, text: str, loc: Locator, cast: Cast, last: Speaker | None) -> Attribution | None:
    if m.close is None or text[m.start:m.end].rstrip()[-1:] not in _TERMINAL:
        return None
    sentence = _next_sentence(m, text, loc)
    if not sentence:
        return None
    cue = next((t for t in sentence if is_quote_cue(t) and t.dep_ == "ROOT"
                and t.lemma_.lower() not in _REACTIONS), None)
    if cue is None or any(c.dep_ == "neg" for c in cue.children):
        return None  # `A rep did not respond to a request for comment`: whoever did not speak
    subject = next((c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.i > cue.i or subject.lower_ in _NOT_SPEAKERS:
        return None
    if subject.left_edge.i > sentence[0].i:
        return None  # `In somber comments, Trump called…`: the sentence is not about the quote
    speaker = resolve(subject, cast, last, loose=False)
    if speaker is None or speaker.kind not in _SPEAKING:
        return None
    if speaker.evidence == "name_at_cue":
        speaker = dataclasses.replace(speaker, evidence="name_nearby")
    return Attribution(speaker, cue.text)


def _next_sentence(m: Marked, text: str, loc: Locator) -> list[Token]:
    """The tokens of the sentence after the quote, up to its end or another quotation."""
    assert m.close is not None
    doc, out = loc.doc, list[Token]()
    i = loc.token(m.close) + 1
    own_paragraph = not text[m.close + 1:m.paragraph.end].strip()
    while i < len(doc) and len(out) < _NEXT_LIMIT:
        tok = doc[i]
        if loc.quoted(tok.idx):
            return []  # the sentence has a quotation of its own: its attribution is that one's
        if (tok.idx >= m.paragraph.end and not own_paragraph) or tok.text in _TERMINAL:
            break
        if not tok.is_space:
            out.append(tok)
        i += 1
    return out


def _from_previous(m: Marked, text: str, loc: Locator, cast: Cast,
                   last: Speaker | None) -> Attribution | None:
    """`Tully said the council had asked nobody.` / `…, he said.` right before a quote that opens
    its own sentence: the person just reported goes on speaking."""
    before = text[m.paragraph.start:m.open].rstrip()
    if before and before[-1] not in _OPENS_SENTENCE:
        return None
    doc = loc.doc
    i = loc.token(m.open) - 1
    while i >= 0 and (doc[i].is_space or doc[i].is_punct):
        i -= 1
    i = _before_aside(doc, i)  # `Ruiz also spoke about the case. (The law requires …)` then her words
    if i < 0:
        return None
    sent = doc[i].sent
    if before == "" and text[sent.start_char:m.paragraph.start].count("\n") == 0:
        return None  # the sentence ends a headline or is glued to the quote: not a paragraph before
    # the mark's own token counts for nothing: `said. ''We…` glues an archive's opening apostrophes
    # to the sentence before
    # a line without a full stop the parser ran into this one (`CLICK HERE TO GET THE APP`) is no
    # part of it: the sentence is narrative when its last line is
    line = text.rfind("\n", sent.start_char, doc[i].idx) + 1 or sent.start_char
    if not loc.narrative(line):
        return None
    verb = _reporting_verb(_line_root(sent, line))
    if verb is None or not _own_words_after(sent, verb, loc):
        return None
    if _spoke_about(verb) and m.close is not None and text[m.close + 1:m.paragraph.end].strip():
        return None  # `“…?” reacted Trump.`: words after the quote may name its speaker; a topic is no cue
    # a surname the parser reads as an adverb (`Tully said …`) is still the one who said it
    subject = subject_of(verb, loc) or next((c for c in verb.lefts if cast.person(c) is not None), None)
    if subject is None or subject.lower_ in _NOT_SPEAKERS:
        return None
    speaker = resolve(subject, cast, last, loose=False)
    # an organisation that issued a statement (`The DNC issued a statement apologizing to …`) speaks
    # in the quotation after it, the statement's text; one only paraphrased may have a spokesman
    if speaker is None or (speaker.kind not in _SPEAKING
                           and not (speaker.kind == "organization" and _delivers(verb))):
        return None
    if speaker.evidence in ("name_at_cue", "name_nearby"):
        speaker = dataclasses.replace(speaker, evidence="carried", guessed=True)
    elif speaker.kind == "organization":
        speaker = dataclasses.replace(speaker, guessed=True)
    return Attribution(speaker, (verb if is_speech_verb(verb) else _framed(verb)).text)


def _before_aside(doc: Doc, i: int) -> int:
    """The last word before a parenthesis of whole sentences that closes the paragraph (the writer's
    aside on a law, a case: `(The law requires …. It also bans ….)`), else `i`: the aside is no
    one's speech and no sentence the quote goes on from."""
    end = i + 1
    while end < len(doc) and doc[end].is_punct and doc[end].text != ")":
        end += 1
    if i < 0 or end >= len(doc) or doc[end].text != ")":
        return i
    opening = next((t.i for t in reversed(doc[max(0, i - _ASIDE_TOKENS):i]) if t.text in "()"), None)
    if opening is None or doc[opening].text != "(" or opening == 0 or doc[opening - 1].text not in _TERMINAL \
            or "\n" in doc[opening:end].text:
        return i
    i = opening - 1
    while i >= 0 and (doc[i].is_space or doc[i].is_punct):
        i -= 1
    return i


def _own_words_after(sent: Span, verb: Token, loc: Locator) -> bool:
    """No quotation in the sentence, or only fragments of what its speaker is reported to say
    (`Baxter now said the mayor had “the obligation to act.”`, also before the cue: `The mayor had
    “the obligation to act,” Baxter said.`): the speaker, paraphrased with a few quoted words, goes
    on in the quote that follows. A quotation before the reporting verb
    (`“…,” Ruiz said, adding…`) is a quote with an attribution of its own, and so is one whose
    clause the verb does not govern."""
    quoted = [t for t in sent if not t.is_punct and loc.quoted(t.idx)]
    if not quoted:
        return True
    speech = verb if is_speech_verb(verb) else _framed(verb)
    content = {t.i for c in speech.children if c.i > speech.i and c.dep_ in _CONTENT for t in c.subtree}
    # `People should not use words like “maybe” and “perhaps”, he told reporters.`: a paraphrase
    # before its cue with a few quoted words in it is the speaker's as well; a clause that is all
    # quotation (`“…,” Ruiz said.`) is a quote with its own attribution
    before = [t for t in sent if t.i < speech.i and not t.is_punct and not t.is_space]
    if _closing(speech) is not None and any(not loc.quoted(t.idx) for t in before):
        content.update(t.i for t in before)
    return all(t.i in content for t in quoted)


def _closing(verb: Token) -> Token | None:
    """`…, he told reporters.`: a speech verb whose clause closes the sentence after a comma, its
    subject first, however the parse hangs it (a `conj` of the paraphrase's verb); its subject."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    if not is_speech_verb(verb) or subject is None or subject.left_edge.i == 0 \
            or verb.doc[subject.left_edge.i - 1].text != ",":
        return None
    end = verb.sent.end
    rest = [t for t in verb.doc[verb.i + 1:end] if not t.is_space and not t.is_punct]
    return subject if all(verb.is_ancestor(t) for t in rest) else None


def _line_root(sent: Span, line: int) -> Token:
    """The root of the sentence's last line when the parser hung it on a line above (`DOWNLOAD OUR
    APP` over `Harlow's rep told…`), else the sentence's root."""
    if line <= sent.start_char or sent.root.idx >= line:
        return sent.root
    own = [t for t in sent if t.idx >= line and t.pos_ in ("VERB", "AUX")]
    return next((t for t in own if t.head.idx < line), sent.root)


def _reporting_verb(root: Token) -> Token | None:
    """The speech verb a sentence reports with: its root (`Tully said the council…`, also `Tully
    defended the vote.`) or a
    parenthetical (`Sometimes clerks skip it, he said.`, `Rather, he said, the vote will…`), or the
    root that only frames it (`Tully was quick to add that…`, `Tully went on to say…`), or a
    speech verb joined to the root, whose subject is the speaker."""
    if is_speech_verb(root) or _announces(root) or root.lemma_.lower() in _DEFENDING or _spoke_about(root):
        return root
    aside = next((c for c in root.children if c.dep_ == "parataxis" and is_speech_verb(c)), None)
    # `It's easy, she says, for people to marvel…`: the parse may hang the aside on a clause
    # below the root; set off by commas with a subject of its own, it still tells the whole sentence
    # (`If anything, Ash argued in his email, the rule…`: read as a clause before the root, still one)
    aside = aside or next((t for t in root.sent
                           if (t.dep_ == "parataxis" or (t.dep_ == "ccomp" and t.i < root.i))
                           and is_speech_verb(t) and t.i > 0 and t.doc[t.i - 1].i >= root.sent.start
                           and _set_off(t)), None)
    if aside is not None:
        return aside
    # `Schoen argued in an op-ed that the delegates, even those pledged early, may reconsider.`: the
    # parse may make the reported clause's verb the root and the speech verb, opening the sentence
    # with its subject, a clause before it (a root with a subject of its own reports it: `Ruiz's plan
    # fails, critics argue`)
    opening = next((c for c in root.children
                    if c.dep_ == "ccomp" and c.i < root.i and is_speech_verb(c)), None)
    said_by = next((c for c in opening.children if c.dep_ == "nsubj"), None) if opening is not None else None
    if opening is not None and said_by is not None and said_by.left_edge.i == root.sent.start \
            and not any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in root.children):
        return opening
    closing = next((t for t in reversed(root.sent) if t.pos_ == "VERB"), None)
    if closing is not None and closing.dep_ == "conj" and _closing(closing) is not None:
        return closing  # `People should show proof, he told reporters.` parsed as two joined clauses
    if _framed(root) != root or _delivers(root):
        return root
    # `Baxter backed the governor, but now said…`, `Ruiz shot back in a statement, saying…`: the
    # sentence's speech is its second verb, whose subject the parse finds through the first
    joined = (c for c in root.children if c.dep_ in ("conj", "advcl") and c.i > root.i and is_speech_verb(c))
    return next((c for c in joined if not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)), None)


def _spoke_about(verb: Token) -> bool:
    """`Richards also spoke about the case before the court.`: a speaker's topic, then their words; with
    someone (`spoke with Roe about it`), either may speak next."""
    preps = {c.lower_ for c in verb.children if c.dep_ == "prep"}
    return verb.lemma_.lower() == "speak" and bool(preps & _SPOKE_ABOUT) and "with" not in preps \
        and not any(c.dep_ == "neg" for c in verb.children)


def _set_off(verb: Token) -> bool:
    """`, she says,`: a speech verb with its own subject between commas."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    if subject is None or verb.doc[subject.left_edge.i - 1].text != ",":
        return False
    # `, Ash argued in his email,`: where or when the words were said may stand before the comma
    rights = [c for c in verb.rights if c.dep_ != "punct"]
    end = verb.right_edge.i if rights and all(c.dep_ in _WHERE_SAID for c in rights) else verb.i
    return end + 1 < len(verb.doc) and verb.doc[end + 1].text == ","


def _delivers(root: Token) -> bool:
    """`Trump issued a statement.`, `Howard continued his remarks.`: the subject gives words of their
    own, and the quotation that follows is those words (`Ruiz read Roe's statement` gives Roe's, and
    `Ruiz made no comment` none)."""
    lemma = root.lemma_.lower()
    if (lemma not in DELIVERING and lemma not in QUOTE_VERBS) or any(c.dep_ == "neg" for c in root.children):
        return False  # `Ruiz did not issue a statement`, `Ruiz made no comment`: no words of theirs follow
    return any(c.dep_ == "dobj" and c.lemma_.lower() in _OWN_WORDS and not any(
        (p.dep_ == "poss" and p.pos_ != "PRON") or (p.dep_ == "det" and p.lower_ == "no") for p in c.children)
        for c in root.children)


def _announces(verb: Token) -> bool:
    """`Schultze once summed up the danger with a metaphor.`, `Ruiz put it this way.`: a verb of
    wording whose own sentence gives no words (no clause of content) announces the quotation that
    follows, as news writes it to introduce a line in the next sentence."""
    lemma = verb.lemma_.lower()
    worded = lemma in _SUMMING \
        or (lemma == "sum" and any(c.dep_ == "prt" and c.lower_ == "up" for c in verb.children)) \
        or (lemma == "put" and any(c.dep_ == "dobj" and c.lower_ == "it" for c in verb.children))
    return worded and not any(c.dep_ in ("ccomp", "xcomp") for c in verb.children)


def _framed(root: Token) -> Token:
    """The speech verb a root frames (`was quick to add`, `went on to say`), or the root itself."""
    framed = [c for c in root.children if c.dep_ == "xcomp"]
    framed += [x for c in root.children if c.dep_ == "acomp" for x in c.children if x.dep_ == "xcomp"]
    return next((c for c in framed if is_speech_verb(c)), root)
