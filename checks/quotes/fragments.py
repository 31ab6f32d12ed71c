"""Who said a quoted fragment inside a sentence: the speech verb or noun that governs it.

`accusing Carney of “arrogance”` is attributed, the “strongman” playbook is not. A fragment
inside what someone else reports (`Pike said Ferris accused them of “negligence”`) reaches the
reader through the teller, the outermost speaker of the sentence; a short term someone calls a
thing is the caller's (`Pike said Ferris called it “a disgrace”` → Ferris), or nobody's when
denied. Verbs of naming, voicing and thinking (`dubbed him “…”`, `chanted “…”`, `thought that
“…”`) and a speaker set off by commas (`the plan, she said, is “…”`) also give a fragment its
speaker, and a long run of words woven into a sentence is its subject's whatever the verb (`Moore
thanked him for “…”`); a scare quote, a label or a title nobody is said to have said stays out.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from .attribution import Attribution, Locator, according_to, cited, imagined
from .cast import rooted_verb
from .cues import QUOTE_VERBS, STATEMENT_NOUNS, is_speech_verb
from .marks import Paragraph
from .speakers import Cast, Speaker, resolve
from .subjects import subject_of

__all__ = ["attribute_fragment"]

_REPORTED_LINKS = frozenset({"ccomp", "xcomp"})  # a clause that is the content of the verb above it
# How words in front of a noun modify it: `a ‘phase one’ deal`, `his “tough on crime” record`
_PREMODIFIER = frozenset({"amod", "compound", "nmod", "nummod"})
_ARTICLES = frozenset({"a", "an", "the"})
# How a clause hangs inside what someone said: `said he was targeted because he was “…”`, `said he
# is hopeful the bill can be “…”` (the content of an adjective of feeling or certainty)
_WITHIN_LINKS = frozenset({"advcl", "conj", "ccomp", "xcomp", "acomp"})
# Verbs that name or judge something as the quoted words: the words are the subject's
# (`dubbed him “…”`, `defended the plan as “…”`, `attacked Romney for being a “…”`, `rejected the
# claims as “…”`).
_NAMING_VERBS = frozenset("""
    dub nickname refer portray cast hail defend deride mock ridicule denounce decry condemn slam blast
    attack bemoan lambaste lambast assail chastise castigate rebuke scold tout champion reject
""".split())
# Verbs that judge a remark as the quoted words: `called Falk's remarks “racist”`, `dismissed his
# comments as “…”`, `played down the claim as “…”` (the remark is someone else's; the judgment is not).
_JUDGING = _NAMING_VERBS | frozenset("""
    call label brand term describe characterize characterise dismiss deem consider play treat view
    regard judge find rate
""".split())
# Judging verbs that need a complement after their object: `called the plan “absurd”`.
_COMPLEMENT_VERBS = frozenset("call label brand term deem dub nickname find rate judge consider".split())
_COMPLEMENTS = frozenset({"oprd", "xcomp", "acomp", "ccomp", "attr", "dobj"})
# Verbs of voicing words aloud whose object is the words: `the protesters chanted “…”`.
_VOICING_VERBS = frozenset("chant shout yell scream whisper mutter exclaim cheer sing mouth holler".split())
# Verbs next to a quotation that also report speech in a `that` clause (`mused that`, `vented that`).
_SAYING_THAT = QUOTE_VERBS - frozenset("""
    read begin continue start put address press shoot interrupt cheer boo sing chant order command
    instruct smile beam
""".split())
# Verbs of thinking whose content is the thinker's: `he thought that “Yellen is keeping rates too low”`.
_THOUGHT_VERBS = frozenset("think believe feel fear hope worry suspect reckon figure doubt".split())
# Verbs that, in the passive with no `by`, tell what something is called: the words are a term.
_TERM_VERBS = frozenset("call name term dub label nickname know brand title".split())
# Verbs of using a term for a thing, and how the term hangs on them (`called it “…”`: an object
# predicate; `dubbed the plan “…”`: beside the object; `referred to it as “…”`).
_USING_TERMS = frozenset("call dub nickname label brand term refer".split())
_TERM_SLOTS = frozenset({"oprd", "dobj", "appos", "attr"})
# Verbs whose subject disowns the term in their complement: `denied ever calling them “…”`.
_DISOWNING = frozenset("deny dispute refuse decline".split())
# A sentence inside the marks: a term has none (`“the Ladd problem”`, not `“It is over. We lost”`).
_SENTENCE_INSIDE = re.compile(r"[.!?]\s")
_CLOSING = ".,!? \u201d\"'\u2019"
_NAMED_REACH = 2  # steps from the fragment up to such a verb: `for being a “…”`, not a long phrase later
# Words in marks from which a fragment is too long to be a term someone calls a thing (`called it “the
# Ladd problem”`); woven into a sentence, three words or more are already someone's (`_DEEP_WORDS`).
_SPOKEN_WORDS = 6
# Linking and perception verbs: their subject is described or perceives, it does not speak.
_NOT_SAYING = frozenset("seem appear become remain look sound see hear watch feel read learn".split())
# `so-called “Schutzverträge,” or “protection contracts,”`: a term and its translation, nobody's speech.
# Only the gloss: a so-called term alone may be the words of whoever the sentence reports (PolNeAR
# `train` has one, `the so-called “governor’s bracket”`, rightly credited to a campaign).
_SO_CALLED = re.compile(r"\bso[- ]called\s+[“\"‘'][^“”\"\n]{1,60}[”\"’']\s*,?\s+or\s+[“\"‘']\s*\Z")
_SO_CALLED_REACH = 80  # characters before a fragment that hold `so-called` and a term's gloss
_SO_CALLED_TOKENS = 40  # tokens enough to hold those characters
# Words in marks from which a fragment deep in what someone says is taken as their words even past a
# clause of its own with no speech verb (`said there was evidence that Park was “extremely careless
# with it”`): a word or two there is more often the story's label for a thing.
_DEEP_WORDS = 3
# How the climb from such a deep clause may reach the speech verb: as what is said (its clause or its
# object), never as its subject or a circumstance (`After the crowd booed the “…”, Ruiz said`).
_CONTENT_LINKS = frozenset({"ccomp", "xcomp", "dobj"})
_CLIMB = 8  # steps from a fragment up to its speech verb
_DEEP_CLIMB = 12  # and through a deep clause, whose chain of nouns and clauses is longer
# Nouns of claiming, promising and demanding: what they hold is their owner's words (`Ruiz's pledge
# to stay “strictly neutral”`, `his call for “a total freeze”`, `her accusation that Baker is playing
# the “…”`), when the noun names its owner (`Ruiz's`, `his`, `by Ruiz`); the statement nouns of
# `cues` also own a document's or a poll's words, these only a speaker's.
_CLAIM_NOUNS = frozenset("""
    accusation allegation pledge promise vow suggestion call assumption prediction insistence
    contention demand boast denial admission plea
""".split())
# How such a noun holds what was claimed: its clause (`pledge to be …`, `accusation that …`) or
# `for`/`of` (`call for …`, `promise of …`), never a phrase of time or place.
_CLAIM_LINKS = frozenset({"acl", "ccomp"})
_CLAIM_PREPOSITIONS = frozenset({"for", "of"})
# Verbs of wondering: what follows is a question the story puts in its own words.
_WONDERING = frozenset("wonder ponder".split())
# Words that open a noun phrase: the article or the owner before a labelled noun.
_OWNERS = frozenset("a an the our their his her its my your this that these those".split())
# Prepositions of concession and time: what they open is when or despite what someone spoke.
_CIRCUMSTANCES = frozenset("despite notwithstanding amid during after before until".split())


def attribute_fragment(first: Token, last_tok: Token, paragraph: Paragraph, loc: Locator, cast: Cast,
                       last: Speaker | None) -> Attribution | None:
    """A fragment inside a sentence counts only when a speech verb or noun governs it:
    that is what separates `accusing Carney of “arrogance”` from the “strongman” playbook."""
    quoted = first.doc[first.i:last_tok.i + 1]
    # the words just before the marks, built from a few tokens (never the whole text: see test_engine_scaling)
    before = first.doc[max(0, first.i - _SO_CALLED_TOKENS):first.i].text_with_ws
    if _SO_CALLED.search(before[-_SO_CALLED_REACH:]):
        return None  # `so-called “Schutzverträge,” or “protection contracts,”`: a term's gloss
    words = [t for t in quoted if t.is_alpha]
    # the quoted words that hang on a word outside the marks: how the fragment joins its sentence
    outside = [t for t in quoted if not first.i <= t.head.i <= last_tok.i]
    if _names_the_noun_after(quoted, outside) or _quoted_possessor(quoted, words) \
            or _named_subject(quoted, words) or _epithet_of_subject(outside):
        return None
    para = paragraph.start
    # `none reached the “top secret” level`: words before the noun they modify are a label, which a
    # speaker further out (`Democrats pointed out that …, though none reached the “…” level`) does
    # not make theirs; a verb governing them, or a speaker set off by commas, still does
    label = (bool(outside) and all(t.dep_ in _PREMODIFIER and t.head.i > last_tok.i for t in outside)) \
        or _between_owner_and_noun(first, last_tok)
    term = len(words) < _SPOKEN_WORDS and not _SENTENCE_INSIDE.search(quoted.text.rstrip(_CLOSING))
    spoken = len(words) >= _DEEP_WORDS and not all(w.text[0].isupper() or w.is_stop for w in words)
    for tok in outside:
        found = _governing(_past_characterised(tok), para, loc, cast, last, tok, label, term, spoken)
        if found is not None:
            return found if found.cue else None
    root = first.sent.root
    if not outside and first.i <= root.i <= last_tok.i and root.idx >= para and (
            told := _aside_teller(root, loc, cast, last)) is not None:
        return told  # `The industry, she said, is “doing much better”`: the clause's verb is quoted
    sentence = [t for t in first.sent if paragraph.start <= t.idx < paragraph.end]
    if (source := according_to(sentence)) is not None:
        return cited(source, cast, last)
    if spoken and not label:
        return _sentence_subject(outside, para, loc, cast, last)
    return None


def _between_owner_and_noun(first: Token, last_tok: Token) -> bool:
    """`our “eureka!” moments`: marks between a determiner or an owner and a common noun hold a label
    of that noun, even where the parse, thrown by the `!` inside, hangs the noun elsewhere."""
    doc = first.doc
    before = doc[first.i - 2] if first.i >= 2 else None
    after = doc[last_tok.i + 1] if last_tok.i + 1 < len(doc) else None
    if after is not None and after.is_punct and after.i + 1 < len(doc):
        after = doc[after.i + 1]  # past the closing mark
    return before is not None and after is not None and before.lower_ in _OWNERS \
        and after.pos_ == "NOUN" and after.text.islower() and not after.ent_type_


def _sentence_subject(outside: list[Token], para: int, loc: Locator, cast: Cast,
                      last: Speaker | None) -> Attribution | None:
    """`He offered “my thoughts and prayers for all of the victims' families”`, `Moore thanked him
    for “stepping up and taking action when Congress won't”`: a scare quote or a label is a word or
    two; a run of three words or more (not Title Case, not a label before its noun) woven into a
    sentence is what the sentence's subject said or wrote, whatever the verb (`offered`, `thanked`,
    `blamed … on “…”`). Only a subject known to be someone,
    and only when no clause with a subject of its own lies between the words and the sentence's main
    verb, the words' own included: such a clause has another voice (`a website that ran headlines
    such as “…”`, `ads using her comments that “I was responsible…”`), and so has a phrase describing
    a noun (`signed an agreement barring her from publishing a “…”`: the agreement's words), and so
    has a verb of speaking or chanting on the way up that found no speaker of its own (`spoke near
    where strikers stood, chanting “…”`, as the parse may hang it). A subject that only seems or
    perceives (`he seemed …`, `will see “…”`) says nothing."""
    if not outside or (any(c.dep_ in ("nsubj", "nsubjpass", "expl") for t in outside for c in t.children)
                       and not _content_clause(outside)):
        return None
    tok = outside[0].head
    for _ in range(12):
        if tok.idx < para or loc.quoted(tok.idx):
            return None
        if tok.dep_ == "ROOT":
            break
        if tok.dep_ == "acl" or any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in tok.children):
            return None
        if is_speech_verb(tok) or tok.lemma_.lower() in _VOICING_VERBS:
            return None  # `Ruiz spoke near where strikers stood, chanting “…”`: the chant's voice
        tok = tok.head
    else:
        return None
    subject = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if tok.pos_ != "VERB" or tok.lemma_.lower() in _NOT_SAYING or subject is None or loc.quoted(subject.idx) \
            or subject.idx < para:
        return None
    speaker = resolve(subject, cast, last, loose=False)
    if speaker is None or speaker.kind not in ("named", "organization"):
        return None
    return Attribution(speaker, tok.text)


def _content_clause(outside: list[Token]) -> bool:
    """`Woods concluded that “it would have been an insult”`, `Hewlett sniped that Fiorina was
    “learning on the job”`: a clause with a subject of its own, the words in it, that is what the
    main verb (one of concluding, predicting, finding, not a speech verb's list) holds, opening right
    after that verb (`that`, its subject and nothing else between; the opening mark may stand
    between too: `Roe welcomed “the news that the plant will stay open”`, the whole clause in the
    marks; the verb may be a participle on the main verb, `issued a statement condemning “…”`): the
    sentence's subject says or thinks the whole clause. A clause further off (`hired
    Bannon of a website that ran headlines such as “…”`) has another voice."""
    words = [t for t in outside if not t.is_punct]
    if len(words) != 1:
        return False
    clause, verb = words[0], words[0].head
    return clause.dep_ == "ccomp" and (verb.dep_ == "ROOT" or _participle_of_root(verb)) \
        and verb.pos_ == "VERB" and verb.i < clause.i \
        and _opens_after(verb, clause.left_edge) and not is_speech_verb(verb) \
        and verb.lemma_.lower() not in _NOT_SAYING


def _participle_of_root(verb: Token) -> bool:
    """`Ruiz issued a statement condemning “what appears to be …”`: a participle on a main verb whose
    object is a statement, with no subject of its own, says what the statement's issuer said;
    `walked out, leaving “the whole crowd stunned”` says what happened."""
    return verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.head.dep_ == "ROOT" \
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) \
        and any(c.dep_ == "dobj" and c.lemma_.lower() in STATEMENT_NOUNS for c in verb.head.children)


def _opens_after(verb: Token, edge: Token) -> bool:
    """Nothing between a verb and the first word of its clause but opening marks, the verb's particle
    (`fired back that`), an adverb (`argued again that`) and whom it was said to (`groused to a crowd
    in Dayton that`): the clause is what the verb holds, said to someone, not a clause further off."""
    if edge.i <= verb.i:
        return False
    between = verb.doc[verb.i + 1:edge.i]
    addressed = {t.i for c in verb.children if c.i < edge.i and (
        c.dep_ in ("prt", "advmod") or (c.dep_ == "prep" and c.lower_ == "to")) for t in c.subtree}
    return all(t.is_quote or t.is_space or t.i in addressed for t in between)


def _epithet_of_subject(outside: list[Token]) -> bool:
    """`Lorenz, “the father of chaos,” started a revolution`: words set beside a named subject are
    what the story, or the world, calls that person, not words the person said, whatever the verb
    (`Baker, “a man of few words,” wrote the score` is no line of Baker's)."""
    return any(t.dep_ == "appos" and t.head.pos_ == "PROPN" and t.head.dep_ in ("nsubj", "nsubjpass")
               and t.head.i < t.i for t in outside)


def _quoted_possessor(quoted: Span, words: list[Token]) -> bool:
    """`keep the “whistleblower’s” identity secret`: one word in marks, the owner of the noun after
    them, is the writer's doubt about the word, not anyone's words."""
    if len(words) != 1 or not quoted.text.endswith(("'s", "\u2019s")):
        return False  # the parse may tag `’s` anything: the spelling says it is a possessive
    after = next((t for t in quoted.doc[quoted.end:quoted.end + 3] if not t.is_punct), None)
    return after is not None and after.pos_ in ("NOUN", "PROPN", "ADJ")


def _named_subject(quoted: Span, words: list[Token]) -> bool:
    """`when the “reset” proved to be appeasement`: one noun in marks after an article, the subject
    of a clause that is not what someone said (`when …`, `which …`), is what the story calls a thing,
    not anyone's words; said (`Ruiz said the “compromise” was a trap`) or as an object (`called it a
    “disgrace”`) it may still be."""
    doc, first = quoted.doc, quoted.start
    before = next((t for t in reversed(doc[max(first - 2, 0):first]) if not t.is_punct), None)
    return len(words) == 1 and words[0].pos_ == "NOUN" and words[0].dep_ in ("nsubj", "nsubjpass") \
        and before is not None and before.lower_ in _ARTICLES and words[0].head.dep_ not in _REPORTED_LINKS


def _names_the_noun_after(quoted: Span, outside: list[Token]) -> bool:
    """`A ‘phase one’ trade deal … could slip into next year, analysts say`: quoted words between an
    article and the noun they modify, that noun the subject of its clause, name a thing the story
    talks about (a plan, an approach); the speech verb governs the claim, not the label, so nobody is
    credited with the label's words. In an object the label is the speaker's own (`Sroka called it a
    “let a thousand flowers bloom” approach`), and a possessive says whose words they are
    (`Romney's “47 percent” remark`); both stay quotes, as one judging word does (`a “rigged” process`).
    The noun is read from the parse, or from the words after the marks when the parse stumbles."""
    doc, first, last = quoted.doc, quoted[0], quoted.end - 1
    if len(quoted) == 1 and first.pos_ in ("ADJ", "VERB"):
        return False
    before = next((t for t in reversed(doc[max(first.i - 3, 0):first.i]) if not t.is_punct), None)
    if before is None or before.lower_ not in _ARTICLES or last - first.i >= 6:
        return False
    noun: Token | None
    if outside and all(t.dep_ in _PREMODIFIER and t.head.i > last for t in outside):
        noun = outside[0].head
    else:
        noun = next((t for t in doc[last + 1:last + 4] if not t.is_punct), None)
    while noun is not None and noun.dep_ in _PREMODIFIER and noun.head.i > noun.i:
        noun = noun.head  # `a ‘phase one’ trade deal`: the deal, not the trade
    return (noun is not None and noun.pos_ in ("NOUN", "PROPN") and noun.dep_ in ("nsubj", "nsubjpass")
            and noun.sent == first.sent)


def _teller(cue: Token, para: int, loc: Locator, cast: Cast, last: Speaker | None) -> Attribution | None:
    """`Pike said Ferris accused the board of “negligence”`: a fragment inside what someone else reports
    reaches the reader through the teller; the outermost speaker of the sentence is the source."""
    found, tok = None, cue
    for _ in range(4):
        # `The Gazette, Pike said, called the plan “…”`: a parenthetical teller is the outermost
        aside = next((c for c in tok.children if c.dep_ == "parataxis" and is_speech_verb(c)), None)
        if aside is not None and (told := _told_by(aside, loc, cast, last)) is not None:
            return told
        if tok.dep_ not in _REPORTED_LINKS or tok.head == tok or tok.head.idx < para:
            break
        tok = tok.head
        if is_speech_verb(tok) and not loc.quoted(tok.idx):
            if (told := _told_by(tok, loc, cast, last)) is None:
                break
            found = told
    if found is None and (trailing := _trailing_teller(cue.sent.root, cue)) is not None:
        found = _told_by(trailing, loc, cast, last) or _named_after(trailing, cast, last)
    return found


def _named_after(verb: Token, cast: Cast, last: Speaker | None) -> Attribution | None:
    """`…, said another witness, Ana Pike.`: in a closing `, said X` the parse may take the speaker
    after the verb for its object; nothing is said *to* anyone there, so that noun is the speaker."""
    after = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    speaker = resolve(after, cast, last, loose=False) if after is not None else None
    return None if speaker is None or speaker.kind == "unresolved" else Attribution(speaker, verb.text)


def _trailing_teller(top: Token, cue: Token) -> Token | None:
    """`Ferris was known for telling others “…” despite …, said another witness, Ana Pike.`: a
    `, said X` that closes the sentence, its speaker after it, reports the whole sentence (the parse
    hangs it on the main verb as a second verb); whatever the sentence says anyone told or called,
    the reader has it from X. A verb with its own subject before it (`…, and Pike said`) is a second
    statement, not the sentence's attribution."""
    # the parse makes such a `said` the root (its speaker an object) or a second verb of the root
    for verb in [top, *(c for c in top.rights if c.dep_ == "conj")]:
        if verb.i > cue.i and is_speech_verb(verb) and verb.doc[verb.i - 1].text == "," \
                and not any(c.dep_ == "cc" for c in top.children) \
                and any(c.dep_ in ("nsubj", "dobj") and c.i > verb.i for c in verb.children) \
                and not any(c.dep_ == "nsubj" and c.i < verb.i for c in verb.children):
            return verb
    return None


def _told_by(verb: Token, loc: Locator, cast: Cast, last: Speaker | None,
             loose: bool = False) -> Attribution | None:
    subject = subject_of(verb, loc)
    speaker = resolve(subject, cast, last, loose=loose) if subject is not None else None
    return None if speaker is None or speaker.kind == "unresolved" else Attribution(speaker, verb.text)


def _past_characterised(tok: Token) -> Token:
    """`stated that Trump's “divisive” comments…`: an adjective in quotes judges the words it
    describes; it is the judge's, so the climb starts above the statement noun, not at its owner."""
    head = tok.head
    if tok.dep_ == "amod" and head.pos_ == "NOUN" and head.lemma_.lower() in STATEMENT_NOUNS:
        return head.head  # a statement noun that is the root is its own head: the climb stays there
    return head


def _owned_before(noun: Token) -> Token:
    """`his claim in the same interview that the pair were “…”`: the clause may hang on the occasion,
    but the words are the claim's, and the claim has an owner; the occasion owns nothing."""
    if noun.dep_ != "pobj" or noun.head.dep_ != "prep" or any(c.dep_ == "poss" for c in noun.children):
        return noun
    before = noun.doc[noun.head.i - 1] if noun.head.i > 0 else noun
    owned = before.pos_ == "NOUN" and before.lemma_.lower() in STATEMENT_NOUNS and any(
        c.dep_ == "poss" for c in before.children)
    return before if owned else noun


def _claimed(noun: Token, came_from: Token) -> bool:
    """`her call for “…”`, `his pledge to be “…”`: the climb reached a noun of claiming through
    what it claims."""
    return noun.pos_ == "NOUN" and noun.lemma_.lower() in _CLAIM_NOUNS and came_from.head.i == noun.i \
        and came_from.i > noun.i and (came_from.dep_ in _CLAIM_LINKS or (
            came_from.dep_ == "prep" and came_from.lower_ in _CLAIM_PREPOSITIONS))


def _claimant(noun: Token, cast: Cast, last: Speaker | None) -> Speaker | None:
    """Who the noun of claiming says claimed: its possessive or its `by` phrase, a person or a body
    known to the story (`his call` through the pronoun), never a day (`Tuesday's pledge`)."""
    for child in noun.children:
        if child.dep_ == "poss" and child.ent_type_ not in ("DATE", "TIME"):
            owner: Token | None = child
        elif child.dep_ in ("prep", "agent") and child.lower_ == "by":
            owner = next((c for c in child.children if c.dep_ == "pobj"), None)
        else:
            continue
        if owner is not None:
            speaker = resolve(owner, cast, last, loose=False)
            return speaker if speaker is not None and speaker.kind in ("named", "organization") else None
    return None


def _answered(noun: Token, owner: Speaker, loc: Locator, cast: Cast, last: Speaker | None) -> bool:
    """`Ruiz blasted Baker's call for a “…”`, `Aides suggested his call for “…” is …`: a claim that
    someone else acts on or talks about reaches the reader through them; the words are the owner's,
    but the story may be giving them as the other's account, so the owner is not credited there (the
    climb goes on: a teller above may be, as for any fragment inside what someone else reports)."""
    tok = noun
    while tok.dep_ in ("dobj", "pobj", "prep", "nsubj", "nsubjpass") and tok.head.i != tok.i \
            and tok.head.pos_ not in ("VERB", "AUX"):
        tok = tok.head
    verb = tok.head
    if tok.dep_ not in ("dobj", "pobj", "prep", "nsubj", "nsubjpass") or verb.pos_ not in ("VERB", "AUX"):
        return False
    if tok.dep_ in ("nsubj", "nsubjpass") and not _reported(verb):
        return False  # `his call for “…” draws thousands`: the claim is the subject, no one answers it
    subject = subject_of(verb, loc) if tok.dep_ not in ("nsubj", "nsubjpass") else subject_of(verb.head, loc)
    other = resolve(subject, cast, last) if subject is not None else None
    return other is not None and other.kind != "unresolved" and other.key != owner.key


def _reported(clause: Token) -> bool:
    """`his response that China represents “…”`: a clause that is the content of speech."""
    head = clause.head
    if clause.dep_ in _CLAIM_LINKS and _claimed(head, clause):
        return True  # `her accusation that Baker is playing the “…”`
    return clause.dep_ in ("ccomp", "acl", "relcl") and (
        is_speech_verb(head) or (head.pos_ == "NOUN" and head.lemma_.lower() in STATEMENT_NOUNS)
        or (clause.dep_ == "ccomp" and head.pos_ == "VERB" and head.lemma_.lower() in _THOUGHT_VERBS))


def _within_report(clause: Token) -> bool:
    """`He said he was targeted because he was “a threat”`, `said that Doe was “…” while Roe is “…”`:
    a clause hanging from the content of speech (its reason, its contrast, its second half) is still
    what the speaker said."""
    tok = clause
    for _ in range(4):
        if _reported(tok):
            return True
        if tok.dep_ not in _WITHIN_LINKS or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _aside_teller(clause: Token, loc: Locator, cast: Cast, last: Speaker | None) -> Attribution | None:
    """`The industry, she said, is “doing much better”`, `The boom, as Ruiz explained, was an “…”`:
    the speaker set off by commas inside the clause tells the whole clause, fragment included (the
    parse hangs an `as` aside on the clause's subject)."""
    subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
    for tok in [clause, *subjects]:
        for c in tok.children:
            aside = c.dep_ == "parataxis" or (c.dep_ in ("advcl", "relcl") and any(
                m.dep_ == "mark" and m.lower_ == "as" for m in c.children)) or (
                tok is clause and _said_first(c, subjects))
            if aside and is_speech_verb(c) and not loc.quoted(c.idx):
                return _told_by(c, loc, cast, last)
    return None


def _said_first(verb: Token, subjects: list[Token]) -> bool:
    """`Instead, Ruiz told the Gazette, her plan would be “…”`: a speech verb with its own subject
    before the clause's subject and a comma after it opens the sentence as its teller (the parse
    makes it the clause's complement)."""
    if verb.dep_ != "ccomp" or not subjects or verb.i > subjects[0].i or not _own_subject(verb):
        return False
    after = verb.right_edge.i + 1
    return after < len(verb.doc) and verb.doc[after].text == ","


def _aside_above(clause: Token, loc: Locator, cast: Cast, last: Speaker | None) -> Attribution | None:
    """`And so, he said, while members are “horrified” …, they admire …`: the teller set off by
    commas in the main clause tells the clauses that hang on it (its reason, its contrast)."""
    tok = clause
    for _ in range(3):
        if tok.dep_ not in ("advcl", "conj") or tok.head.i == tok.i:
            return None
        tok = tok.head
        if (told := _aside_teller(tok, loc, cast, last)) is not None:
            return told
    return None


def _named_as(verb: Token, came_from: Token, para: int, loc: Locator, cast: Cast,
              last: Speaker | None) -> Attribution | None:
    """`Trump defended his manager as a “very decent man”`, `Rubio, who he dubbed “the little
    senator”`, `attacked Romney for being a “failed candidate”`: a verb of naming or judging gives
    the words to its subject when they are what the thing is named or judged as. Only a subject that
    is someone counts: `the files were marked “top secret”` names nobody's words; one inside what
    someone else reports reaches the reader through the teller, as with speech verbs.
    Returns None when `verb` is no such verb; an Attribution without a cue when nobody is named."""
    lemma = verb.lemma_.lower()
    if verb.pos_ != "VERB" or loc.quoted(verb.idx) or came_from.head.i != verb.i:
        return None
    if lemma in _NAMING_VERBS:
        named = came_from.dep_ == "oprd" or (came_from.dep_ == "prep" and came_from.lower_ in ("as", "for"))
    # `protesters gathered, chanting “…”`, `Believing that “maximum pressure” would work, Trump…`: a
    # participle hangs on another verb, whose subject need not be the one voicing or thinking the words
    elif lemma in _VOICING_VERBS:
        named = came_from.dep_ in ("dobj", "ccomp", "xcomp", "oprd") and _own_subject(verb)
    else:
        named = lemma in _THOUGHT_VERBS and came_from.dep_ == "ccomp" and _own_subject(verb)
    if not named:
        return None
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or _bare_participle(verb)
    if passive and not any(c.dep_ == "agent" for c in verb.children):
        return Attribution(None, None)  # `Rubio was dubbed “…”`: the one named did not name himself
    # `the protesters chanted “…”`: the voice is the verb's own subject, right next to the words, and
    # any person noun voices them, as beside a whole quotation (`“…,” the crowd chanted`)
    if (told := _told_by(verb, loc, cast, last, loose=lemma in _VOICING_VERBS)) is None or (
            lemma in _THOUGHT_VERBS and told.speaker is not None and told.speaker.kind != "named"):
        return Attribution(None, None)  # `why would any rational person believe …`: nobody's words
    if lemma in _VOICING_VERBS:
        # `Ruiz posted, “Told that the gunman shouted “…” as he fired”`: the words are the shout, as
        # a term is its user's (`_term_user`); the teller only reports that they were shouted
        return told
    if (outer := _teller(verb, para, loc, cast, last)) is not None:
        return outer
    if verb.dep_ in _REPORTED_LINKS and is_speech_verb(verb.head):
        return Attribution(None, None)  # `a woman told him she worries he is “…”`: her words, unknown
    return told


def _term_user(verb: Token, came_from: Token, loc: Locator, cast: Cast,
               last: Speaker | None) -> Attribution | None:
    """`He said Sondland called it “the Ladd problem”`, `referred to them as “the night crew”`: a
    short term (a few words, no sentence) that someone calls a thing is the caller's word, whoever
    tells the sentence; the teller only reports that it was used. One the subject denies, refuses or
    is said not to have used (`denied ever calling them “the three amigos”`, `never called it “…”`)
    is nobody's words the story can name: kept as a quote, with no speaker.
    Returns None when `verb` is no such verb, or its subject is no one known (the usual climb decides)."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in _USING_TERMS or loc.quoted(verb.idx) \
            or came_from.head.i != verb.i:
        return None
    if not (came_from.dep_ in _TERM_SLOTS or (came_from.dep_ == "prep" and came_from.lower_ == "as")):
        return None  # `called on members to be “…”`, `called for “…”`: asking, not naming
    if came_from.dep_ == "dobj" and loc.quoted(came_from.idx) \
            and not any(c.dep_ in ("dobj", "dative") and c != came_from for c in verb.children):
        return None  # `were calling “every 15 minutes”`: the words are no name given to anything
    if any(c.dep_ in ("nsubjpass", "auxpass", "agent") for c in verb.children):
        return None  # `was called “…” by Ruiz`, `is called “…”`: the passive rules decide
    if _disowned(verb):
        return Attribution(None, verb.text)
    subject = subject_of(verb, loc)
    speaker = resolve(subject, cast, last, loose=False) if subject is not None else None
    if speaker is None or speaker.kind == "unresolved" \
            or (speaker.kind == "named" and speaker.name.islower()):
        return None  # `the billionaire front-runner`, tagged a name: the usual climb decides
    return Attribution(speaker, verb.text, term=True)


def _disowned(verb: Token) -> bool:
    """`did not call it`, `never called it`, `denied calling them`, `refused to call it`."""
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    head = verb.head
    return (verb.dep_ in ("xcomp", "ccomp", "pcomp") and head.lemma_.lower() in _DISOWNING) \
        or (verb.dep_ == "pcomp" and head.head.lemma_.lower() in _DISOWNING)


def _bare_participle(verb: Token) -> bool:
    """`4.1.1 (described as “a micro update” in the announcement)`, `Called a “…” by its makers, X
    is`: a past participle without a subject, an auxiliary or an object is a passive; what it
    describes was described, and the subject of the clause it hangs on did not describe it. With an
    object (`De Luca, …, called Fisk a “…”`, misread as a modifier) it is the active verb of a name."""
    return verb.tag_ == "VBN" and verb.dep_ in ("acl", "advcl", "ccomp") and rooted_verb(verb.head) != verb \
        and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "dobj") for c in verb.children)


def _own_subject(verb: Token) -> bool:
    return any(c.dep_ == "nsubj" for c in verb.children)


def _governing(cue: Token, para: int, loc: Locator, cast: Cast, last: Speaker | None,
               came_from: Token | None = None, label: bool = False, term: bool = False,
               spoken: bool = False) -> Attribution | None:
    """Climb from a fragment to the speech verb or noun over it, within its own clause chain.
    A `spoken` fragment (a few words, not a title) also climbs out of a clause of its own with no
    speech verb (`While Kim said there was evidence that Park was “extremely careless with it”`,
    `He said he saw schools that reminded him of “a third-world country”`): the speech verb it then
    reaches must hold that clause as what it says, and only a speaker known by name gets the words.

    Returns an Attribution without a cue to say `this fragment is governed, by no speaker`
    (`the collapse denies Trump a perceived “win”`)."""
    came_from = came_from or cue  # the word below `cue` on the climb: how the fragment hangs
    top = came_from  # the fragment's own word that hangs outside the marks
    through_report = False  # climbed out of a clause of its own inside what someone said
    deep = False  # climbed out of a clause of its own with no speech verb over it
    for step in range(_DEEP_CLIMB):
        if cue.idx < para or (step >= _CLIMB and not deep):
            return None
        used = _term_user(cue, came_from, loc, cast, last) if term and step <= _NAMED_REACH else None
        if used is not None:
            return used
        if step <= _NAMED_REACH and (named := _named_as(cue, came_from, para, loc, cast, last)) is not None:
            return named
        if _named_passively(cue):
            return Attribution(None, None)  # `HP is called “feather duvet lung”`: a term, nobody's words
        if (is_speech_verb(cue) or _said_that(cue, came_from)) and not loc.quoted(cue.idx) \
                and not (step >= 2 and _circumstance(came_from)):
            if deep and came_from.dep_ not in _CONTENT_LINKS:
                return None  # `After the crowd booed the “…”, Ruiz said`: not what Ruiz said
            if imagined(cue):
                return Attribution(None, None)  # `stared as if to say “…”`: words nobody spoke
            if label and _asked_to_do(cue, came_from) and _teller(cue, para, loc, cast, last) is None:
                # `asked five people to perform a “…” task`, `told staff to follow a “…” rule`: a label
                # in what someone is asked or told to do names the thing done; the request is the
                # speaker's, the label is the story's name for a thing, no one's words (told by
                # someone, `She said she would ask him to lead a “…” effort`, it is the teller's)
                return Attribution(None, None)
            if label and term and cue.lemma_.lower() in _WONDERING:
                # `wondered whether it explains our “eureka” moments`: wondering is the story's account
                # of a question, not words said; a word in marks naming a kind of thing in it is a term
                return Attribution(None, None)
            if _bare_participle(cue) and not any(c.dep_ == "agent" for c in cue.children):
                return Attribution(None, None)  # `(described as “…” in the announcement)`: by nobody named
            subject = _inverted_subject(cue, came_from) or subject_of(cue, loc) \
                or _verbless_root(cue, para, loc)
            if subject is None:
                return Attribution(None, None if through_report else cue.text)
            # The verb governs the quotation itself, so any person noun speaks (`the senator said
            # the man would “not get beat up”`), as one right next to a quotation does; a thing does
            # not (`the collapse denies Trump a “win”`), nor a person deeper in a report.
            speaker = resolve(subject, cast, last, loose=not through_report)
            if through_report and (speaker is None or speaker.kind == "unresolved"
                                   or subject.ent_type_ in ("DATE", "TIME")):
                return Attribution(None, None)  # a deep clause is credited only to someone known
            if speaker is not None and not _closes_quote(cue, subject) \
                    and (outer := _teller(cue, para, loc, cast, last)) is not None:
                return outer
            return Attribution(speaker, cue.text if speaker else None)
        if _claimed(cue, came_from) and not label and (owner := _claimant(cue, cast, last)) is not None \
                and not _answered(cue, owner, loc, cast, last):
            return Attribution(owner, cue.text)  # `Ruiz's pledge to be “neutral”`: the owner's words
        if cue.pos_ == "NOUN" and cue.lemma_.lower() in STATEMENT_NOUNS and not _when_of(cue):
            if (judge := _judged(cue, top, came_from)) is not None:
                return _judge(judge, para, loc, cast, last)
            cue = _owned_before(cue)
            owner = resolve(cue, cast, last)
            if deep and (came_from.dep_ != "acl" or owner is None or owner.kind == "unresolved"):
                # `the ad, which shows the “…”`: words nobody known said; `Ruiz's speech at the
                # summit, which Baker claims affirmed “…”`: a clause on a phrase of the noun, not
                # what the statement says (`Ruiz's claim that the plan was “…”` is)
                return None
            if label and step == 0 and (owner is None or owner.kind == "unresolved"):
                return Attribution(None, None)  # blue “neon” letters: a label on a noun nobody owns
            return Attribution(owner, cue.text)
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in cue.children) and not _reported(cue):
            aside = _aside_teller(cue, loc, cast, last) or _aside_above(cue, loc, cast, last)
            if aside is not None:
                return aside  # `The boom, as Ruiz explained, was a “bubble”`: at the root, too
            if label or not (_within_report(cue) or spoken):
                return None  # a clause of its own that is not about speech
            deep = deep or not _within_report(cue)
            through_report = True
        if cue.head == cue:
            # `…, the two nations, Xi said, now have a “…”`: a root the parse left without a subject
            return _aside_teller(cue, loc, cast, last)
        came_from, cue = cue, cue.head
    return None


def _said_that(verb: Token, came_from: Token) -> bool:
    """`Rubio mused that Clinton was “…”`, `she vented to her husband that it would be “…”`: a verb
    that attributes only next to a quotation (`QUOTE_VERBS`) reports speech as well when what it holds
    is a `that` clause; `read that`, `began that` and the like do not say anything."""
    return verb.pos_ == "VERB" and verb.lemma_.lower() in _SAYING_THAT and came_from.dep_ == "ccomp" \
        and came_from.head.i == verb.i \
        and any(c.dep_ == "mark" and c.lower_ == "that" for c in came_from.children)


def _inverted_subject(verb: Token, came_from: Token) -> Token | None:
    """`The vote signals “the beginning of the end” for the pact, said Ann Ruiz, a lawyer.`: a
    sentence that ends in `, said <name>` is what the name said; the parse may take the clause before
    the comma for a second subject of the verb, and the fragment, in it, reaches the verb as its
    subject. The subject after the verb is the speaker; the words are the content."""
    if came_from.dep_ != "nsubj" or came_from.head.i != verb.i or came_from.i > verb.i \
            or verb.i == 0 or verb.doc[verb.i - 1].text != ",":
        return None
    return next((c for c in verb.rights if c.dep_ == "nsubj"), None)


def _judged(noun: Token, top: Token, came_from: Token) -> Token | None:
    """`called Ostrander's remarks about the judge “racist”`, `played down her comments as “…”`: a
    statement noun that is what a verb of judging judges owns the remark, not the judgment; the words
    after it (an adjective the parse hung on the noun, or `as …`) are the judge's. The verb, or None.
    Words inside the remark stay its owner's (`called Falk's “rigged” claim false`, `called her claim
    that the vote was “rigged” a lie`): only an adjective after its noun or `as` on the noun count."""
    verb = noun.head
    if noun.dep_ not in ("dobj", "oprd") or verb.pos_ != "VERB" or verb.lemma_.lower() not in _JUDGING:
        return None
    as_what = came_from.dep_ == "prep" and came_from.lower_ == "as" and came_from.head.i == noun.i
    after = top.i > noun.i and (_after_the_phrase(top) or _hidden_complement(verb, noun, top))
    return verb if as_what or after else None


def _hidden_complement(verb: Token, noun: Token, top: Token) -> bool:
    """`Marsh called the claim that the bridge would fall “certainly absurd.”`: a verb that needs a
    complement (what it calls the claim) has none of its own, and the quoted words end the claim's
    clause, where the parse hung them: they are the complement, the judge's. Words followed by the
    complement (`called her claim that the vote was “rigged” a lie`) stay the claim's."""
    if verb.lemma_.lower() not in _COMPLEMENT_VERBS or top.dep_ not in _COMPLEMENTS \
            or top.head.lemma_ == "be" or top.head.i == noun.i:
        return False  # `the claim that the vote was “rigged”`: the claim's own predicate
    if any(c.i > noun.i and (c.dep_ in _COMPLEMENTS or (c.dep_ == "prep" and c.lower_ == "as"))
           for c in verb.children):
        return False
    last = max(t.i for t in noun.subtree if not (t.is_punct or t.is_space))
    return last <= top.right_edge.i


def _after_the_phrase(top: Token) -> bool:
    """`remarks about a Latino judge “racist”`, `statements on Sunday “childish”`: quoted words right
    after a finished noun phrase (a noun or an adjective before the marks) are no part of it,
    whatever the parse hangs them on; after a preposition or an article (`remarks about “the wall”`,
    `claim of a “rigged” vote`) they are."""
    i = top.left_edge.i
    doc = top.doc
    while i > 0 and (doc[i].is_quote or doc[i].is_space):
        i -= 1
    before = doc[i]
    return before.i < top.i and not before.is_punct and before.pos_ in ("NOUN", "PROPN", "ADJ", "NUM")


def _judge(verb: Token, para: int, loc: Locator, cast: Cast, last: Speaker | None) -> Attribution:
    """Whoever judged: the verb's subject, or the teller of the sentence around it; nobody known
    gives a quote without a speaker rather than the remark's owner."""
    if (outer := _teller(verb, para, loc, cast, last)) is not None:
        return outer
    subject = subject_of(verb, loc)
    if subject is not None and subject.tag_ in ("WP", "WDT") and subject.head.dep_ == "relcl":
        subject = subject.head.head  # `Stevens, who served …, called …`: the one the clause describes
    subject = subject or _verbless_root(verb, para, loc)
    speaker = resolve(subject, cast, last) if subject is not None else None
    return Attribution(speaker, verb.text)


def _closes_quote(verb: Token, subject: Token) -> bool:
    """`Holt cannot say that “from his point of view,” Pruitt added`: a cue and its subject right
    after the quotation's comma and closing mark attribute the quotation itself; the parse may hang
    them in the clause before, but no one there reports them."""
    first = min(verb.i, subject.left_edge.i)
    doc = verb.doc
    return first >= 2 and doc[first - 1].is_quote and doc[first - 2].text == ","


def _verbless_root(verb: Token, para: int, loc: Locator) -> Token | None:
    """`Sen. Ray Ostrander, the state's top Republican, on Tuesday called …`: the parse found no verb
    for the sentence and took its verb for a phrase describing the name before it; the name at the
    root, before the verb, is the verb's subject."""
    root = verb.sent.root
    if verb.dep_ not in ("acl", "relcl") or root.pos_ != "PROPN" or not root.i < verb.i \
            or root.idx < para or loc.quoted(root.idx):
        return None
    return root


def _asked_to_do(verb: Token, came_from: Token) -> bool:
    """`asked five people to perform…`: a speech verb with the person asked as its object and what
    they are to do as an infinitive; `promised to create…` (no one asked) says what the speaker will."""
    return came_from.dep_ == "xcomp" and not is_speech_verb(came_from) \
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in came_from.children) \
        and any(c.dep_ == "dobj" and c.i < came_from.i for c in verb.children)


def _circumstance(came_from: Token) -> bool:
    """`demanding credit despite having little say, and of having to endure “rude” managers`: a
    phrase of concession or time on a speech verb tells the circumstances of the speaking, never
    what was said (that is the verb's object, its clause, or `of`/`as`/`about` after it), so the
    words deep in it are not that verb's speaker's; the climb goes on to whoever tells the sentence.
    Words that are the phrase itself or its own object (`“despite repeated requests”`, `after
    “sliming” fish`) are not deep in it: `_governing` asks only two steps or more above them."""
    return came_from.dep_ == "prep" and came_from.lower_ in _CIRCUMSTANCES


def _when_of(noun: Token) -> bool:
    """`telling reporters after the address that it had become “impossible”`: a statement noun nobody
    owns, in a phrase of time or concession, dates the speaking and is not who speaks (the parser may
    hang the words on it); the climb goes on to the verb. `after Yoon's address` still names its owner."""
    return noun.dep_ == "pobj" and noun.head.lower_ in _CIRCUMSTANCES \
        and not any(c.dep_ == "poss" for c in noun.children)


def _named_passively(verb: Token) -> bool:
    """`the illness is called “…”`, `what is known as “…”`: a passive of naming with no one doing it."""
    deps = {c.dep_ for c in verb.children}
    passive = bool(deps & {"nsubjpass", "auxpass"})
    return verb.lemma_.lower() in _TERM_VERBS and passive and "agent" not in deps
