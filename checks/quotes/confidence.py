"""How far to trust a quote's speaker: `speaker_confidence`, a calibrated probability.

Each attributed quote falls in a *cell*: how its speaker was found (`speaker_evidence`: a
name at the cue, a pronoun whose gender agrees, a carried-over speaker, a description at the cue
that refers back to a named person (`epithet`: `The 56-year-old said`; no cell of its own until
the table is next fitted, and held under HIGH as a pronoun is, see below)…) refined, one plain
feature at a time, by
- *reach*: where the speaker's words are: touching the quote, in its paragraph, in the
  paragraph next to it, or farther. A paragraph break is where a story changes who it is
  about: on PolNeAR train, speakers resolved from an agreeing pronoun were right 97% of the
  time with the name in the quote's paragraph, 94% in the paragraph next to it, 78% farther;
- *lead*: whether the speaker's words open their sentence (`leads`, after at most an
  honorific: `Sen. Ruiz said…`, the person the sentence is about) or stand inside it (`inside`:
  an object, a possessive, a name after a preposition). Agreeing pronouns on PolNeAR train
  (pronoun sources resolved by hand): 98% right when the name leads its sentence in the
  paragraph next to the quote, 90% when it does not; 97% against 94% in the quote's
  paragraph, 89% against 66% farther;
- *distance*: how many sentences back the speaker's words are (`same_sentence`,
  `one_sentence`, `sentences` for two or more). Agreeing pronouns in the next paragraph: 96%
  right when the name is in the sentence just before, 89% when farther back; speakers carried
  over from the quote before: 98% against 73%;
- *support*: whether another quote of the story credits the same speaker by name (or
  description) at its own cue (`backed`) or not (`alone`). A speaker the story quotes by name
  elsewhere is rarely a wrong guess;
- *rival*: whether someone else the story quotes by name is named between the speaker's words
  and the quote (`rival`), the person a `he said` may stand for instead (agreeing pronouns:
  94% right without one, 88% with one);
- *shape*: whether the quote is a whole statement, a fragment inside the story's sentence, a
  document's words, or a fragment given to the owner of a remark (`owned`: a statement noun at
  its cue, `Romney's “47 percent” remark`), held under HIGH whatever its cell (OWNED_CEILING).
Tried and left out because they did not separate right speakers from wrong ones on PolNeAR
train (in-sample or cross-validated): the number of people named just before the quote,
whether the quote before had the same speaker, the quote's length, the cue verb (`said` against
the others) and people of the pronoun's gender named in the sentences before (the cast's
candidates, counted with spaCy): each moved figures by less than the noise between folds. The
probability of a cell is the share of right
speakers among PolNeAR `train` quotes in the same cell (Newell et al. 2018), smoothed towards
its coarser cell (the same cell without its last feature, down to the evidence alone and then
all quotes) so a rare cell borrows from its parent instead of swinging on a handful of cases:
histogram binning, the simplest calibration that stays explainable (Zadrozny and Elkan 2001).
A quote speaks from its finest cell of MIN_CELL fitted quotes or more. When its next cell is
smaller, it takes the share of the parent's *rest* (`…|rest`: the parent's quotes that fall in
children under MIN_CELL, pooled and smoothed towards the parent), not the parent's own share:
a parent's share is mostly that of its big children, and the quotes of its rare children are
not like them: on train, the 297 quotes that fell back on a parent's share of 0.8 or more
(0.91 on average) with cells of 25 quotes were right 80% of the time.

The shares are then read through a *calibration map* (`calibration`, seventeenth session): the
samples are split into CALIBRATION_FOLDS folds of stories, each scored by the shares fitted
without its fold, and those out-of-fold scores are fitted to right and wrong by isotonic
regression (pool adjacent violators; Zadrozny and Elkan 2002), in steps of MIN_STEP quotes or
more, each step's share counting one right and one wrong quote more. A share is worth what
quotes given that share were worth in stories that did not make it: on PolNeAR train the
smoothed shares alone put quotes at 0.985 on average that were right 0.980 of the time out of
fold (a cell of five quotes, all right, speaks for them at 0.99), and quotes of small cells
scored under 0.5 were right 0.63 of the time.

A speaker resolved from a pronoun (`he said`, or carried over from a quote whose speaker was,
`“…,” he said. “…”`: evidence `carried_pronoun` in the table) stays at or below
PRONOUN_CEILING, under HIGH (0.8), whatever its cell, also when its cells are too small and the
prior would speak: the pronoun sample of train is hand-resolved (1,018 matched quotes) and
real pages showed such speakers wrong at high confidence. `fit_table` lifts that ceiling only
inside cells listed as proven, which bench/polnear.py does for a cell whose quotes, scored out
of fold (5 folds split by article) without the ceiling, are right 96% of the time or more where
they reach HIGH, on 25 quotes or more there. The ceiling is lifted for the proven cell and the
finer cells under it: the test scored that cell's quotes at their finest cells' values, so it
proved those values; a finer cell tested alone is mostly too small to pass or fail. The
table is fitted by `bench/polnear.py --fit` and ships as `confidence.json` next to this module.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import json
import random
import re
from collections import Counter
from collections.abc import Collection, Mapping, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from ..models import Quote
from .cues import STATEMENT_NOUNS

__all__ = ["CALIBRATION_FOLDS", "CARRIED_EPITHET", "CARRIED_PRONOUN", "CARRIED_UNKNOWN", "DISTANCE_NAMES",
           "EPITHET", "GUESS_CEILING", "HIGH", "LEAD_NAMES", "MIN_CELL", "MIN_STEP", "OWNED", "OWNED_CEILING",
           "PRONOUN_CEILING", "PRONOUN_EVIDENCE", "REACH_NAMES", "REST", "RIVAL_NAMES", "SMOOTHING",
           "TABLE_PATH", "Sample", "apply_confidence", "calibrated", "calibration", "cell_keys",
           "confidence_of", "fit_table", "lifted", "load_table", "quote_cells"]

TABLE_PATH = Path(__file__).with_name("confidence.json")
# A cell needs this many fitted quotes to speak for itself; below it, its parent's rest does.
MIN_CELL = 5
# The last part of the key of a parent's rest: its quotes in children under MIN_CELL, pooled.
REST = "rest"
# Pseudo-quotes that pull a cell's share of right speakers towards its parent cell's share.
SMOOTHING = 8.0
# The calibration map of the fitted shares (see `calibration`): folds of stories, and their draw.
CALIBRATION_FOLDS = 5
CALIBRATION_SEED = 14
# The quotes (weighted) a step of the calibration map holds at least: a few quotes that were all
# right out of fold are no proof that a share is worth 1.0.
MIN_STEP = 50.0
# Where the speaker's words are: touching the quote (`…,” Ruiz said`, 40 characters or less
# and no line break), in its paragraph, in the paragraph next to it, or farther.
TOUCHING_CHARS = 40
REACH_NAMES = ("touching", "same_paragraph", "next_paragraph", "far")
_BREAK = re.compile(r"\n+")
# Whether the speaker's words open their sentence (after at most an honorific) or stand inside it.
LEAD_NAMES = ("leads", "inside")
_HONORIFICS = frozenset("Mr Mrs Ms Dr Sen Rep Gov Gen Lt Col Sgt Prof Rev St".split())
# The end of a sentence: a full stop, `?` or `!` (and a closing mark) before a space, or a line
# break; a full stop after an honorific (`Mr. Ruiz`) is not one (see _sentence_ends).
_SENTENCE_END = re.compile(r"(\w*)[.!?][\"”’']*\s+|\n\s*")
# How many sentences back the speaker's words are: none, one, two or more.
DISTANCE_NAMES = ("same_sentence", "one_sentence", "sentences")
# Someone else the story quotes by name is named between the speaker's words and the quote.
RIVAL_NAMES = ("no_rival", "rival")
_NAME_SUFFIXES = frozenset({"Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV"})
# What is quoted: a whole statement, a fragment inside the story's own sentence (more often
# given to the wrong person), words a document said (`the statement read`), or a fragment given
# to the owner of a remark it belongs to (`owned`: `Romney's “47 percent” remark`, `his claim that
# “…”`, a statement noun at its cue).
SHAPE_NAMES = ("whole", "fragment", "document", "owned")
OWNED = SHAPE_NAMES[3]
# A remark's owner is a thin reading of whose words a fragment is: the remark may be one someone
# else names, judges or reports (`McCaskill said voters will not look past Sanders' description of
# himself as a “…”`, `discussing Trump's “woman's card” remark`). On PolNeAR train, after the
# judged remarks went to their judges (session 15), such speakers at 0.8 or more were right 30
# times out of 42 (71%): they are held under HIGH, as a pronoun's are, whatever their cell.
OWNED_CEILING = 0.79
# Where `_possessed` looks for the cue's noun and its owner: characters around the quote, words
# before the noun (`Trump's absurd and inaccurate claim`).
_CUE_BACK = 200
_OWNER_WORDS = 5
_POSSESSIVES = frozenset({"his", "her", "their", "its", "my", "our", "your"})
# Words that open the noun's phrase without an owner: `a statement`, `the words`, `in a message`.
_NOT_OWNED = frozenset({"a", "an", "the", "this", "that", "these", "those", "in", "of", "on", "with",
                        "by", "during", "from", "to", "some", "any", "one"})
# Evidence another quote's speaker lends support to: found by a name or a description at its cue.
_NAMED_AT_CUE = frozenset({"name_at_cue", "organization", "description"})
# The confidence from which no "confirm the speaker" note is raised (checks/signals.py's CONFIRM_BELOW).
HIGH = 0.8
# Speakers resolved from a pronoun stay below HIGH unless their cell is proven (see the docstring).
CARRIED_PRONOUN = "carried_pronoun"  # a cell of its own: carried over from a pronoun's speaker
# A description that refers back to a person (`epithet`: `the 56-year-old said`) is read back as a
# pronoun is, and held like one, as are the quotes carried over from it (a cell of their own: the
# proven cells of quotes carried from a pronoun prove nothing about them): the rule changed 25
# quotes of train, too few to prove a cell.
EPITHET = "epithet"
CARRIED_EPITHET = "carried_epithet"
# A quote carried over from a pronoun of unknown gender (`“…,” he said. “…”`, the person `he` was
# read as not known to be a man) is a cell of its own, held under HIGH as the pronoun is (no cell
# in the table until it is next fitted): the carry adds no evidence of who `he` is, and the proven
# `carried_pronoun` cells were proven mostly on pronouns whose gender agreed. On PolNeAR train
# (records of 2026-12-03) the 26 such quotes those cells put at 0.8 or more while the pronoun's
# own quote stayed under it were right 23 times (0.88); a real page gave `he told me` to the last
# speaker of the paragraph before at 0.48, and the quote carried on from it at 0.91.
CARRIED_UNKNOWN = "carried_unknown"
PRONOUN_EVIDENCE = frozenset({"pronoun", "pronoun_agree", CARRIED_PRONOUN, EPITHET, CARRIED_EPITHET,
                              CARRIED_UNKNOWN})
PRONOUN_CEILING = 0.79
# A person named near a quote, not at a cue, given its words as a guess (the named subject of the
# sentence before, the label of the transcript turn a quote stands in): held under HIGH whatever
# its cell, which whole quotations with a headline's label (`Reid: '…'`) fill on train.
GUESS_CEILING = 0.79


class Sample(NamedTuple):
    """One fitted quote: its cells, whether its speaker was right, and what it stands for (a
    hand-resolved pronoun quote stands for every pronoun quote of its kind)."""

    cells: tuple[str, ...]
    right: bool
    weight: float = 1.0
    group: str = ""  # the story it comes from: the calibration's folds keep a story's quotes together


def _between(quote: Quote, text: str) -> str | None:
    """The story's words between the quote and its speaker's, or None without a speaker span."""
    if quote.speaker_span is None:
        return None
    start, end = quote.speaker_span
    return text[end:quote.start] if end <= quote.start else text[quote.end:max(quote.end, start)]


def _reach(between: str | None) -> str:
    """Touching, in the quote's paragraph, in the paragraph next to it, or farther."""
    if between is None:
        return REACH_NAMES[-1]
    breaks = len(_BREAK.findall(between))
    if breaks == 0:
        return REACH_NAMES[0] if len(between) <= TOUCHING_CHARS else REACH_NAMES[1]
    return REACH_NAMES[2] if breaks == 1 else REACH_NAMES[3]


def _sentence_ends(text: str, start: int = 0, end: int | None = None) -> list[int]:
    """Where each sentence of text[start:end] ends (the offset after its closing space)."""
    return [m.end() for m in _SENTENCE_END.finditer(text, start, len(text) if end is None else end)
            if m.group(1) not in _HONORIFICS]


def _lead(quote: Quote, text: str) -> str:
    """`leads` when the speaker's words open their sentence, after at most an honorific (`Sen.
    Ruiz said…`, the person the sentence is about), else `inside` (`…asked Ruiz`, `Ruiz's aide`)."""
    if quote.speaker_span is None:
        return LEAD_NAMES[1]
    start = quote.speaker_span[0]
    ends = _sentence_ends(text, max(0, start - 400), start)
    opening = text[ends[-1] if ends else 0:start].split()
    leads = not opening or (len(opening) == 1 and opening[0].rstrip(".") in _HONORIFICS)
    return LEAD_NAMES[0] if leads else LEAD_NAMES[1]


def _distance(between: str | None) -> str:
    """How many sentences back the speaker's words are: none, one, or two and more."""
    if between is None:
        return DISTANCE_NAMES[-1]
    return DISTANCE_NAMES[min(2, len(_sentence_ends(between)))]


def _rival(quote: Quote, between: str | None, surnames: Mapping[str, re.Pattern[str]]) -> str:
    """`rival` when someone else the story quotes by name is named between the speaker's words
    and the quote: the person a pronoun or a carried-over speaker may stand for instead."""
    own = (quote.speaker or "").lower()
    crossed = between is not None and any(
        name != own and pattern.search(between) for name, pattern in surnames.items())
    return RIVAL_NAMES[crossed]


def _surnames(quotes: Sequence[Quote]) -> dict[str, re.Pattern[str]]:
    """Each person the story quotes by name (lower-cased) and a pattern for their surname."""
    out: dict[str, re.Pattern[str]] = {}
    for q in quotes:
        if q.speaker and q.speaker_kind == "named":
            words = [w for w in q.speaker.split() if w not in _NAME_SUFFIXES]
            if words and words[-1][:1].isupper():
                out[q.speaker.lower()] = re.compile(rf"\b{re.escape(words[-1])}\b")
    return out


def _shape(quote: Quote, text: str) -> str:
    """A whole quotation, a fragment inside a sentence, words given to a document, or a fragment
    of someone's remark."""
    if quote.speaker_kind == "unresolved":
        return SHAPE_NAMES[2]
    if quote.partial and (quote.cue or "").lower() in STATEMENT_NOUNS and _possessed(quote, text):
        return OWNED
    return SHAPE_NAMES[1] if quote.partial else SHAPE_NAMES[0]


def _possessed(quote: Quote, text: str) -> bool:
    """The statement noun at the quote's cue has an owner before it (`Romney's “47 percent” remark`,
    `his claim that “…”`, `Trump's recent evidence-free assertion that “…”`): the remark is
    someone's, named by whoever else is speaking of it. A statement the speaker makes or issues
    (`said in a statement that it “…”`, `posted a message reading “…”`) is only the cue, and its
    speaker is read as any fragment's. The noun is the cue's last use in the words just before
    the quote, else its first just after it (then the words before the quotation are its own)."""
    cue = re.compile(rf"\b{re.escape(quote.cue or '')}\b", re.IGNORECASE)
    before = text[max(0, quote.start - _CUE_BACK):quote.start]
    found = list(cue.finditer(before))
    if found:
        words = before[:found[-1].start()]
    elif cue.match(text[quote.end:quote.end + _CUE_BACK].lstrip(" \t'’\"”.,")):
        words = before.rstrip(" \t'‘\"“")
    else:
        return False
    for word in reversed(words.split()[-_OWNER_WORDS:]):
        low = word.lower()
        if low in _POSSESSIVES or low.endswith(("'s", "’s", "s'", "s’")):
            return True
        if low in _NOT_OWNED or (not word[-1:].isalnum() and word[-1:] != "-"):
            return False  # `in a statement`, `the words`, a clause's comma or quotation mark
    return False


def cell_keys(evidence: str, *features: str) -> tuple[str, ...]:
    """A quote's cells, coarsest first: its evidence, then one feature more at each level
    (reach, lead, distance, support, rival, shape)."""
    keys = [evidence]
    for feature in features:
        keys.append(f"{keys[-1]}|{feature}")
    return tuple(keys)


def _support(quote: Quote, named: Counter[str]) -> str:
    """`backed` when another quote of the story credits the same speaker at its own cue."""
    others = named[(quote.speaker or "").lower()] - (quote.speaker_evidence in _NAMED_AT_CUE)
    return "backed" if others > 0 else "alone"


def quote_cells(quotes: Sequence[Quote], text: str) -> list[tuple[str, ...] | None]:
    """The cells of each quote of one story (`text`), in story order (None for a quote without
    a speaker)."""
    out: list[tuple[str, ...] | None] = []
    named = Counter((q.speaker or "").lower() for q in quotes if q.speaker_evidence in _NAMED_AT_CUE)
    surnames = _surnames(quotes)
    origin: dict[str, str] = {}  # speaker -> how they were last found other than by carrying over
    found_end: dict[str, int] = {}  # speaker -> where that quote ends
    for q in quotes:
        if q.speaker is None:
            out.append(None)
            continue
        speaker = q.speaker.lower()
        evidence: str = q.speaker_evidence or "unknown"
        # `Erekat said it was …. “…”` after his `he said` quote: carried from the name written again
        # since, not from the pronoun
        named_since = q.speaker_span is not None and q.speaker_span[0] >= found_end.get(speaker, len(text))
        if evidence == "carried" and origin.get(speaker) == "pronoun" and not named_since:
            evidence = CARRIED_UNKNOWN  # `“…,” he said. “…”`, a `he` of unknown gender
        elif evidence == "carried" and origin.get(speaker) == EPITHET:
            evidence = CARRIED_EPITHET  # `“…,” the 56-year-old said. “…”`
        elif evidence == "carried" and origin.get(speaker) in PRONOUN_EVIDENCE:
            evidence = CARRIED_PRONOUN  # `“…,” he said. “…”`: the second quote's speaker is the pronoun's
        elif evidence != "carried":
            origin[speaker] = evidence
            found_end[speaker] = q.end
        between = _between(q, text)
        out.append(cell_keys(evidence, _reach(between), _lead(q, text), _distance(between),
                             _support(q, named), _rival(q, between, surnames), _shape(q, text)))
    return out


@functools.lru_cache(maxsize=1)
def load_table(path: Path = TABLE_PATH) -> Mapping[str, Any]:
    """The fitted table: {"prior": p, "cells": {key: {"n": count, "p": probability}}}."""
    try:
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {"prior": 0.5, "cells": {}}
    return data


def lifted(key: str, proven: Collection[str]) -> bool:
    """Whether a pronoun cell may rise above the ceiling: it, or a coarser cell of it, is proven."""
    parts = key.removesuffix(f"|{REST}").split("|")
    return any("|".join(parts[:n]) in proven for n in range(1, len(parts) + 1))


def confidence_of(cells: Sequence[str], table: Mapping[str, Any]) -> float:
    """The probability of the finest cell fitted on MIN_CELL quotes or more, or of its rest when
    the next cell is smaller (see the docstring). A pronoun's speaker is held at the ceiling
    unless that cell lies in a proven one, also when its cells are too small to speak and the
    prior does (carried_pronoun is such a cell on train)."""
    found, used = _lookup(cells, table)
    if cells and cells[0] in PRONOUN_EVIDENCE and not (used and lifted(used, table.get("proven", ()))):
        found = min(found, PRONOUN_CEILING)
    if cells and cells[-1].endswith(f"|{OWNED}"):
        found = min(found, OWNED_CEILING)
    return round(found, 2)


def _lookup(cells: Sequence[str], table: Mapping[str, Any]) -> tuple[float, str | None]:
    """The probability of the finest cell that speaks (or its parent's rest), and that cell's key."""
    found, used = float(table["prior"]), None
    for key in cells:
        cell = table["cells"].get(key)
        if cell is None or cell["n"] < MIN_CELL:
            rest = table["cells"].get(f"{used}|{REST}") if used is not None else None
            if rest is not None:
                found, used = float(rest["p"]), f"{used}|{REST}"
            break
        found, used = float(cell["p"]), key
    return found, used


def fit_table(samples: Sequence[Sample], note: str = "", proven: Collection[str] = ()) -> dict[str, Any]:
    """The table for `samples`: per cell, how many quotes and the share of right speakers,
    smoothed towards the parent cell's share (the prior, for an evidence cell), and per parent
    of MIN_CELL quotes or more the rest of it (its quotes in smaller children); then, when the
    samples come from CALIBRATION_FOLDS stories or more, every share is read through the
    calibration map (`calibration`: what the shares were worth out of fold). A pronoun cell
    outside every proven cell is held at PRONOUN_CEILING."""
    prior, shares, sizes = _shares(samples)
    knots = calibration(samples)
    if knots:
        prior = calibrated(prior, knots)
        shares = {key: calibrated(p, knots) for key, p in shares.items()}
    cells: dict[str, dict[str, float]] = {}
    for key, p in shares.items():
        if key.split("|", 1)[0] in PRONOUN_EVIDENCE and not lifted(key, proven):
            p = min(p, PRONOUN_CEILING)
        if key.removesuffix(f"|{REST}").endswith(f"|{OWNED}"):
            p = min(p, OWNED_CEILING)
        cells[key] = {"n": sizes[key], "p": round(p, 4)}
    return {"fitted_on": note, "min_cell": MIN_CELL, "smoothing": SMOOTHING, "prior": round(prior, 4),
            "pronoun_ceiling": PRONOUN_CEILING, "proven": sorted(proven),
            "calibration": [[round(lo, 4), round(p, 4)] for lo, p in knots], "cells": cells}


def calibration(samples: Sequence[Sample]) -> list[tuple[float, float]]:
    """The calibration map of the cells' shares, as knots (lowest share of a step, probability of
    the step): each sample is scored by shares fitted without its story's fold (CALIBRATION_FOLDS
    folds split by `group`, so a story's quotes are never scored by a table that counted them),
    and the scores are fitted to right and wrong by isotonic regression (pool adjacent
    violators): the probability never falls as the share rises, each step holds MIN_STEP quotes
    or more, and its probability is the share of right speakers among them, out of fold, counting
    one right and one wrong quote more. Empty (no map) for samples from fewer than
    CALIBRATION_FOLDS stories."""
    groups = sorted({s.group for s in samples})
    if len(groups) < CALIBRATION_FOLDS:
        return []
    random.Random(CALIBRATION_SEED).shuffle(groups)
    fold = {g: n % CALIBRATION_FOLDS for n, g in enumerate(groups)}
    scored: list[tuple[float, float, float]] = []  # (out-of-fold share, weight right, weight)
    for k in range(CALIBRATION_FOLDS):
        prior, shares, sizes = _shares([s for s in samples if fold[s.group] != k])
        table = {"prior": prior, "cells": {key: {"n": sizes[key], "p": p} for key, p in shares.items()}}
        scored += [(_lookup(s.cells, table)[0], s.weight * s.right, s.weight)
                   for s in samples if fold[s.group] == k]
    return _isotonic(scored)


def _isotonic(scored: list[tuple[float, float, float]]) -> list[tuple[float, float]]:
    """Pool adjacent violators: blocks of scores, lowest first, whose shares of right rise."""
    pooled: dict[float, list[float]] = {}  # quotes of the same score first: they cannot be told apart
    for score, right, weight in scored:
        count = pooled.setdefault(score, [0.0, 0.0])
        count[0] += right
        count[1] += weight
    blocks: list[list[float]] = []  # [lowest score, weight right, weight]
    for score, (right, weight) in sorted(pooled.items()):
        blocks.append([score, right, weight])
        while len(blocks) > 1 and blocks[-2][1] * blocks[-1][2] >= blocks[-1][1] * blocks[-2][2]:
            lo, right_, weight_ = blocks.pop()
            blocks[-1][1] += right_
            blocks[-1][2] += weight_
    steps: list[list[float]] = []  # a step of fewer than MIN_STEP quotes joins the step below it
    for block in blocks:
        if steps and (block[2] < MIN_STEP or steps[-1][2] < MIN_STEP):
            steps[-1][1] += block[1]
            steps[-1][2] += block[2]
        else:
            steps.append(block)
    knots: list[tuple[float, float]] = []  # each step counts a right and a wrong quote more: none is certain
    for lo, right, weight in steps:
        knots.append((lo, max((right + 1) / (weight + 2), knots[-1][1] if knots else 0.0)))
    return knots


def calibrated(share: float, knots: Sequence[Sequence[float]]) -> float:
    """A share read through the calibration map: the probability of the highest step at or below
    it (of the lowest step, for a share under every step)."""
    at = bisect.bisect_right([lo for lo, _ in knots], share) - 1
    return float(knots[max(at, 0)][1])


def _shares(samples: Sequence[Sample]) -> tuple[float, dict[str, float], dict[str, int]]:
    """The prior, each cell's and each rest's smoothed share of right speakers, and its quotes."""
    total = sum(s.weight for s in samples)
    prior = sum(s.weight for s in samples if s.right) / total if total else 0.5
    counts: dict[str, list[float]] = {}
    for sample in samples:
        for key in sample.cells:
            _add(counts, key, sample)
    rests: dict[str, list[float]] = {}
    for sample in samples:  # the quotes that will fall back: in a small child of a big parent
        small = next((k for k in sample.cells[1:] if counts[k][2] < MIN_CELL), None)
        if small is not None and counts[parent := small.rsplit("|", 1)[0]][2] >= MIN_CELL:
            _add(rests, f"{parent}|{REST}", sample)
    shares: dict[str, float] = {}
    for key in sorted(counts, key=lambda k: k.count("|")):  # parents first
        shares[key] = _smoothed(counts[key], shares[key.rsplit("|", 1)[0]] if "|" in key else prior)
    for key in rests:
        shares[key] = _smoothed(rests[key], shares[key.removesuffix(f"|{REST}")])
    return prior, shares, {key: int(count[2]) for key, count in (counts | rests).items()}


def _add(counts: dict[str, list[float]], key: str, sample: Sample) -> None:
    weight, right, quotes = counts.setdefault(key, [0.0, 0.0, 0.0])
    counts[key] = [weight + sample.weight, right + sample.weight * sample.right, quotes + 1]


def _smoothed(count: list[float], parent: float) -> float:
    weight, right, _ = count
    return (right + SMOOTHING * parent) / (weight + SMOOTHING)


def _scored(quote: Quote, cells: Sequence[str], table: Mapping[str, Any]) -> Quote:
    found = confidence_of(cells, table)
    if quote.speaker_guessed and quote.speaker_evidence == "name_nearby":
        found = min(found, GUESS_CEILING)
    return dataclasses.replace(quote, speaker_confidence=found)


def apply_confidence(quotes: Sequence[Quote], text: str,
                     table: Mapping[str, Any] | None = None) -> tuple[Quote, ...]:
    """The quotes of `text` with `speaker_confidence` set (None where there is no speaker)."""
    table = table if table is not None else load_table()
    return tuple(q if cells is None else _scored(q, cells, table)
                 for q, cells in zip(quotes, quote_cells(quotes, text), strict=True))
