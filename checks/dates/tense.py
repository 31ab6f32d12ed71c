"""The grammatical tense around a temporal expression, read from spaCy's parse.

"On Friday" in a story published on a Friday means that day, the Friday before
("met on Friday") or the Friday after ("will meet on Friday"): the tense of the verb
the expression modifies decides, as in HeidelTime's news rules.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..nlp import same_line
from .timex import Tense

__all__ = ["PLAN_VERBS", "forecast_time", "governing_verb", "noun_tense", "put_off_to", "schedule_present",
           "tense_at", "under_infinitive"]

_FUTURE_AUX = {"will", "'ll", "\u2019ll", "shall", "wo"}
# Prepositions that make a date the time of the verb they hang on ("recover in the first quarter"), and
# the nouns of a period's part between ("cut jobs by the end of the first quarter").
_TIME_PREPS = {"in", "during", "by", "until", "till", "through", "before", "after", "from", "within"}
_PERIOD_PARTS = {"end", "start", "beginning", "middle", "close"}
# Verbs of intent: "planned a rally on Saturday", "has scheduled a news conference Thursday" tell of
# an event near the story, ahead or just past, whatever their own tense: the nearest day is meant.
PLAN_VERBS = {"plan", "schedule", "expect", "intend", "prepare", "slate", "aim"}
_CLIMB = 6  # heads to walk up before giving up: a date hangs close to its verb
# Modals say nothing of when: "said Thursday's vote could change that" may be either Thursday.
_MODALS = {"would", "could", "might", "may", "should", "must", "can", "ca"}
# "ahead of Thursday's vote", "until Sunday's deadline": the event is still to come when the verb happens,
# so the verb's past tense does not place it before publication.
_FORWARD_PREPS = {"before", "until", "till", "toward", "towards", "into"}
# "called off Thursday's strike", "postponed Saturday's game": a past verb done to an event still ahead.
_ACTS_AHEAD = {"cancel", "postpone", "delay", "scrap", "reschedule", "preview", "announce", "await"}
# "Thursday's scheduled vote": the noun itself says the event lies ahead.
_AHEAD_WORDS = {"upcoming", "scheduled", "planned", "expected", "coming", "proposed", "looming"}
# "picked a candidate for the December election": an event a past act prepared for may lie ahead ("was
# arrested for the December robbery" is no such event: its noun is not one that is scheduled).
_SCHEDULED = {"election", "vote", "primary", "caucus", "referendum", "runoff", "ballot", "debate", "hearing",
              "trial", "summit", "meeting", "deadline", "launch", "match", "game", "race", "opening",
              "premiere", "release", "conference", "convention", "inauguration", "ceremony", "rally",
              "auction", "tournament", "final", "festival", "concert", "show", "exam", "visit", "talk",
              "session", "sale"}
# "up from Thursday's closing price", "Friday's close": a level measured, so a day already gone.
_MEASURES = {"close", "closing", "high", "low", "finish", "reading"}
# "postponed the vote until January", "extended the loans through March", "moved the hearing to
# Tuesday", "gave them until Friday": the new date a verb of putting off or of granting time names
# lies ahead of the act, whatever its tense.
_PUTS_OFF = {"postpone", "delay", "defer", "adjourn", "suspend", "extend", "reschedule", "recess", "push",
             "put", "move", "give", "grant"}
_TO_PREPS = {"until", "till", "through", "to", "into"}
# The hour a day's deadline may name before the day: "extended its deadline until 9 a.m. EST Tuesday".
_CLOCK = {"a.m.", "p.m.", "am", "pm", "a.m", "p.m", "noon", "midnight"}
# Verbs whose infinitive happened, or was attempted, when they did: "tried to cross on May 16".
_DONE_OR_TRIED = frozenset({"try", "attempt", "manage", "fail", "begin", "start", "continue", "refuse",
                            "decline", "help", "dare", "bother", "neglect", "get"})
# Nouns of an act done whose infinitive tells its result: "capped a comeback to lift the Islanders
# Tuesday night" is as past as the capping. Not a noun of intent ("a plan to vote Tuesday" looks ahead).
_RESULT_NOUNS = frozenset({"comeback", "rally", "surge", "charge", "finish", "performance", "outing",
                           "burst", "flurry", "spree", "win", "victory", "shot", "kick", "homer", "basket",
                           "touchdown", "knockout"})
# Present verbs that tell of a record, a thought or a state, not of a date on a schedule.
_NOT_SCHEDULE = frozenset({"be", "have", "say", "tell", "show", "report", "note", "find", "indicate",
                           "estimate", "mean", "remember", "recall", "mark", "know", "think", "believe",
                           "feel", "see", "cover", "include", "date", "remain", "stay", "claim", "argue",
                           "write", "suggest", "add", "compare", "reflect", "follow", "come", "trace",
                           "recount", "describe", "detail", "list", "cite", "count"})


def tense_at(doc: Doc, start: int, end: int) -> Tense:
    """The tense of the verb governing the characters start..end ('present' when unclear)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return "present"
    verb = governing_verb(span.root)
    if verb is None:
        return "present"
    return _verb_tense(verb)


def schedule_present(doc: Doc, start: int, end: int) -> bool:
    """The characters start..end hang on a verb in the simple present that tells a schedule ("the tour
    stops at the arena on July 22", "the fair opens in March"): a date already past would be told in
    the past ("stopped"), so the date lies ahead. Not a verb of saying or showing ("the report shows
    sales fell on July 22"), a passive ("is dated July 22") or one with an auxiliary."""
    span = doc.char_span(start, end, alignment_mode="expand")
    verb = governing_verb(span.root) if span is not None and len(span) else None
    return verb is not None and verb.tag_ in ("VBZ", "VBP") and verb.lemma_ not in _NOT_SCHEDULE and \
        not any(c.dep_ in ("aux", "auxpass", "neg") for c in verb.children)


def forecast_time(doc: Doc, start: int, end: int) -> bool:
    """The characters start..end are the time of a verb told in the future or under a modal: "will
    recover in the first quarter", "said it would cut jobs by the end of the first quarter", "sales
    should pick up in the second quarter". Not a noun's time ("will restate revenue for the third
    quarter", "a loss in the second quarter"), nor a modal of the past ("would have cut jobs in
    March"), which tells what did not happen."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    token = span.root
    if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lower_ in _PERIOD_PARTS:
        token = token.head.head
    prep = token.head
    if token.dep_ != "pobj" or prep.lower_ not in _TIME_PREPS or prep.head.pos_ not in ("VERB", "AUX"):
        return False
    verb = prep.head
    auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    return _verb_tense(verb) == "future" or (bool(auxes & _MODALS) and "have" not in auxes)


def under_infinitive(doc: Doc, start: int, end: int) -> bool:
    """The characters start..end hang on an infinitive ("agreed to buy the unit in February") that
    may tell of what still lies ahead: not one whose verb says it was done or tried ("tried to
    cross on May 16 but was caught", "managed to land on Monday")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    verb = governing_verb(span.root) if span is not None and len(span) else None
    return verb is not None and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) \
        and not (verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _DONE_OR_TRIED) \
        and not _act_charged(verb)


def _act_charged(verb: Token) -> bool:
    """"Pleaded guilty to threatening to kill her in March", "was convicted of conspiring to sell it
    in May": an infinitive under a gerund that a past verb's preposition takes tells the act itself,
    done when the verb says, not a plan that may lie ahead."""
    above = verb.head
    return verb.dep_ == "xcomp" and above.tag_ == "VBG" and above.dep_ == "pcomp" and \
        _verb_tense(above) == "past"


def put_off_to(doc: Doc, start: int, end: int) -> bool:
    """The characters start..end are the new date of something put off or extended ("postponed the
    vote until January", "delayed until Tuesday morning any action")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    token = span.root
    while token.head != token and (token.dep_ in ("compound", "npadvmod", "nmod") or
                                   (token.dep_ == "appos" and token.head.lower_ in _CLOCK)):
        token = token.head  # "Tuesday" of "until Tuesday morning", of "until 9 a.m. EST Tuesday"
    if token.dep_ == "prep":  # the span holds its own preposition ("until Tuesday morning")
        prep = token
    elif token.dep_ == "pobj":
        prep = token.head
    else:
        return False
    return prep.lower_ in _TO_PREPS and prep.head.pos_ == "VERB" and prep.head.lemma_ in _PUTS_OFF


def noun_tense(doc: Doc, start: int, end: int) -> Tense:
    """The tense of the event a weekday names as the modifier of a noun ("Thursday night's fight").

    A past verb on the noun places it before publication: "asked about Thursday night's fight" in a
    Tuesday paper is the Thursday before, not the one two days ahead; so does a past relative clause
    ("Thursday's fight that led to suspensions"), whatever the main verb. Anything else leaves the
    nearest day ('present'): a present or future verb ("will appeal Tuesday's ruling" is about a
    ruling made), a modal, a verb done to an event still ahead ("called off Thursday's strike"), a
    preposition that looks forward ("ahead of Thursday's vote"), a word of plan ("Thursday's
    scheduled vote")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return "present"
    noun = span.root
    while noun.dep_ in ("poss", "compound", "nmod") and noun.head != noun:
        noun = noun.head
    if any(c.lower_ in _AHEAD_WORDS for c in noun.children if c.dep_ in ("amod", "compound")):
        return "present"
    done = [_verb_tense(c) for c in noun.children if c.dep_ == "relcl" and c.pos_ in ("VERB", "AUX")]
    if "past" in done:
        return "past"
    if _looks_forward(noun):
        return "present"
    if noun.lemma_ in _MEASURES or any(c.lower_ in _MEASURES for c in noun.children
                                       if c.dep_ in ("amod", "compound")):
        return "past"
    verb = governing_verb(noun)
    if verb is None or verb.lemma_ in _ACTS_AHEAD or _put_off(verb) or \
            any(c.dep_ == "aux" and c.lower_ in _MODALS for c in verb.children):
        return "present"
    # Only the past places the event: "will appeal Tuesday's ruling" is about a ruling already made.
    return "past" if _verb_tense(verb) == "past" else "present"


def _put_off(verb: Token) -> bool:
    """'called off Thursday's strike', 'put off Friday's vote'."""
    return verb.lemma_ in ("call", "put") and any(c.dep_ == "prt" and c.lower_ == "off"
                                                   for c in verb.children)


def _looks_forward(noun: Token) -> bool:
    """'ahead of Thursday's vote', 'prior to Thursday's vote', 'until Sunday's deadline', 'campaigned
    for Thursday's vote'."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep":
        return False
    if prep.lower_ in _FORWARD_PREPS or (prep.lower_ == "for" and noun.lemma_.lower() in _SCHEDULED):
        return True
    return prep.lower_ in ("of", "to") and prep.i > 0 and prep.doc[prep.i - 1].lower_ in ("ahead", "prior")


def governing_verb(token: Token) -> Token | None:
    """The verb `token` hangs on, a few heads up at most (None in a verbless fragment)."""
    for _ in range(_CLIMB):
        if token.pos_ in ("VERB", "AUX"):
            return token
        if token.head == token or not same_line(token, token.head):
            return None
        token = token.head
    return token if token.pos_ in ("VERB", "AUX") else None


def _verb_tense(verb: Token, depth: int = 0) -> Tense:
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    if words & _FUTURE_AUX or verb.lower_ in _FUTURE_AUX:
        return "future"
    if verb.lemma_ in PLAN_VERBS:
        return "present"
    if verb.i >= 2 and verb.doc[verb.i - 2].lower_ == "going" and verb.doc[verb.i - 1].lower_ == "to":
        return "future"
    if "to" in words and depth < 2 and verb.head != verb and same_line(verb, verb.head):
        # "agreed to meet on Friday" / "is expected to meet on Friday": the main verb decides,
        # and an infinitive under a present verb looks forward. "Was due to be released in September",
        # "was likely to close": the copula of the adjective holds the tense, and so does the verb of
        # "made it hard for the mill to meet orders into the summer" (an adjective as its complement).
        above = verb.head
        if above.pos_ == "ADJ" and above.dep_ in ("acomp", "ccomp") and above.head != above:
            above = above.head
        if above.lemma_.lower() in _RESULT_NOUNS:
            done = governing_verb(above)
            if done is not None and done != verb and _verb_tense(done, depth + 1) == "past":
                return "past"
        if above.lemma_ == "set" and above.tag_ == "VBN" and \
                not any(c.tag_ == "VBD" for c in above.children if c.dep_ in ("aux", "auxpass")):
            # "talks set to resume Monday", "is set to open": a plan, as "scheduled to" is; "was set to
            # begin Wednesday" is the plan as it stood, the past's
            head: Tense = "present"
        else:
            head = _verb_tense(above, depth + 1) if above.pos_ in ("VERB", "AUX") else "present"
        return "future" if head == "present" else head
    if verb.tag_ == "VBG" and not auxes and verb.dep_ in ("xcomp", "advcl") and depth < 3 \
            and verb.head.pos_ in ("VERB", "AUX"):
        # "Rain began falling at 2 a.m. on Thursday", "spent Monday trying to forget it": a bare -ing
        # verb has no tense of its own; the verb it completes tells when.
        return _verb_tense(verb.head, depth + 1)
    if verb.tag_ == "VBG" and not auxes and verb.dep_ == "pcomp" and depth < 3:
        # "pleaded guilty to threatening…", "was charged with stealing…": nor does one a preposition
        # takes; the verb the preposition hangs on tells when
        taker = governing_verb(verb.head)
        if taker is not None and taker != verb and same_line(verb, taker):
            return _verb_tense(taker, depth + 1)
    tags = {verb.tag_} | {a.tag_ for a in auxes}
    if "VBD" in tags or (verb.tag_ == "VBN" and (any(a.lemma_ == "have" for a in auxes) or not auxes)):
        return "past"
    if verb.tag_ == "VBG" and any(a.lemma_ == "have" for a in auxes):
        return "past"  # "have been searching since Oct. 23": a perfect, not a plan
    if verb.tag_ == "VBG" and tags & {"VBZ", "VBP"}:
        return "future"  # "is meeting on Friday": the present progressive of a plan
    if not auxes and verb.dep_ in ("conj", "relcl") and depth < 2 and _under_future(verb, depth):
        # "will tour during the trek, which kicks off June 9", "will meet Monday and vote Friday": a
        # present verb inside what a future verb tells of is that future's, not the nearest day
        return "future"
    if "to" in words and verb.head == verb:
        return "future"  # "Senate to vote on the budget Tuesday": a headline's bare infinitive is its plan
    return "present"


def _under_future(verb: Token, depth: int) -> bool:
    """The verb `verb` is joined to (a conjunct) or whose noun it describes (a relative clause) is future."""
    above = verb.head if verb.dep_ == "conj" else governing_verb(verb.head)
    return above is not None and above != verb and above.pos_ in ("VERB", "AUX") and \
        same_line(verb, above) and _verb_tense(above, depth + 1) == "future"
