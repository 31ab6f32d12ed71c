"""Similar articles: near-duplicate fingerprints and shared quotes.

Two routes lead to a similar article, as in a search engine:
- the whole text: a MinHash signature of word shingles, cut into LSH bands; an article
  that shares a band with this one is a candidate, and the share of equal signature
  values estimates the Jaccard similarity of the two shingle sets (the score);
- the quotes: every quoted sentence, normalised, gives an exact fingerprint and a set
  of hashed 3-word shingles, so the same words are found in articles that otherwise
  tell a different story, even when reworded ("do not" / "don't", a dash for a comma).

This module is pure: storage keeps the band keys and quote shingles in indexed tables
and hands back candidates through the `Corpus` protocol.
"""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np
from rapidfuzz import fuzz

from .models import Quote, SharedQuote, Similar
from .people import another_speaker

__all__ = [
    "BANDS",
    "MAX_SIMILAR",
    "MIN_SCORE",
    "PERMUTATIONS",
    "Candidate",
    "Corpus",
    "Fingerprint",
    "QuoteSentence",
    "StoredQuote",
    "estimate_jaccard",
    "find_similar",
    "fingerprint",
    "match_quotes",
    "normalise",
    "quote_sentences",
]

PERMUTATIONS = 128
BANDS = 32  # 4 rows a band: a pair with Jaccard 0.5 shares a band 87% of the time, 0.2 only 5%
ROWS = PERMUTATIONS // BANDS
SHINGLE_WORDS = 3
MIN_SCORE = 0.2  # below this a text-only match is topic overlap, not the same story
MAX_SIMILAR = 10
MIN_QUOTE_WORDS = 4  # "he said no" is not evidence of a shared quote
FUZZY_RATIO = 88.0  # rapidfuzz ratio for a reworded sentence
CONTAINED_RATIO = 95.0  # partial_ratio for a sentence nested inside a longer one
MIN_CONTAINED_WORDS = 6
# Character q-grams for the containment filter: a sentence within CONTAINED_RATIO of a stretch
# of another loses at most GRAM * 2 * (1 - CONTAINED_RATIO / 100) of its q-grams per character.
GRAM = 3
_MAX_LOST_GRAMS = GRAM * 2 * (1 - CONTAINED_RATIO / 100)

_rng = np.random.default_rng(20251205)  # fixed: stored signatures must stay comparable
_A = _rng.integers(1, 1 << 63, size=PERMUTATIONS, dtype=np.uint64) | np.uint64(1)
_B = _rng.integers(0, 1 << 63, size=PERMUTATIONS, dtype=np.uint64)
_MIX = (np.uint64(0x9E3779B97F4A7C15), np.uint64(0xC2B2AE3D27D4EB4F), np.uint64(0x165667B19E3779F9))

_FOLDS = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2013": " ", "\u2014": " ", "\u2212": " ", "\u2026": " ", "\u00a0": " ",
}
# re.sub over the few characters to fold is several times faster than str.translate on long text
_FOLD = re.compile("[" + "".join(_FOLDS) + "]")
_WHOLE_CONTRACTIONS = {"won't": "will not", "can't": "can not", "cannot": "can not",
                       "shan't": "shall not", "it's": "it is"}
_SUFFIXES = {"n't": " not", "'re": " are", "'ve": " have", "'ll": " will", "'m": " am"}
_CONTRACTION = re.compile(r"\b(?:won't|can't|cannot|shan't|it's)\b|n't\b|'(?:re|ve|ll|m)\b")
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
# A sentence ends at . ! ? (with any closing quote marks) before a space and a capital or an opening quote.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'\u2019\u201d]*\s+(?=[\"'\u2018\u201c]?[A-Z0-9])")
# A quote shingle of function words only ("we do not", "it is a") is in every other quote: its
# posting list would grow with the history and it says nothing about a shared source.
_FUNCTION_WORDS = frozenset("""
a about after all also an and any are as at be been but by can could did do does for from had has
have he her him his i if in into is it its just me more my no not now of on one only or our out she
so some than that the their them then there they this to up us was we were what when which who will
with would you your
""".split())
_QUOTE_MARKS = "\"'\u2018\u2019\u201c\u201d\u201e\u00ab\u00bb "


@dataclass(frozen=True)
class QuoteSentence:
    """One sentence of a quote, as printed (`text`) and as compared (`norm`)."""

    text: str
    norm: str
    speaker: str | None = None
    speaker_kind: str | None = None  # `named`, `anonymous`...; None when not kept (checks.people)

    @property
    def key(self) -> int:
        return _hash64(self.norm)

    @functools.cached_property
    def words(self) -> int:
        return len(self.norm.split())

    @functools.cached_property
    def grams(self) -> frozenset[str]:
        return frozenset(self.norm[i: i + GRAM] for i in range(len(self.norm) - GRAM + 1))


@dataclass(frozen=True)
class Fingerprint:
    """What an article is looked up by: band keys of its text, keys and shingles of its quotes."""

    signature: tuple[int, ...]
    bands: tuple[int, ...]
    quote_keys: tuple[int, ...]
    quote_shingles: tuple[int, ...]


@dataclass(frozen=True)
class StoredQuote:
    text: str
    speaker: str | None = None
    speaker_kind: str | None = None


@dataclass(frozen=True)
class Candidate:
    """An earlier article the corpus found through a shared band or quote shingle."""

    id: str
    title: str | None
    signature: tuple[int, ...]
    quotes: tuple[StoredQuote, ...] = ()
    url: str | None = None


class Corpus(Protocol):
    """Where earlier articles are looked up; storage implements it over indexed tables."""

    def candidates(self, fingerprint: Fingerprint) -> list[Candidate]: ...


def normalise(text: str) -> str:
    """Lower-case words only: curly quotes, dashes, contractions and punctuation folded away."""
    if not text.isascii():  # most pasted text is; translate() is the slowest step here
        text = _FOLD.sub(lambda m: _FOLDS[m.group(0)], unicodedata.normalize("NFKC", text))
    folded = text.lower()
    folded = _CONTRACTION.sub(_expand, folded)
    return " ".join(w.replace("'s", "").replace("'", "") if "'" in w else w for w in _WORD.findall(folded))


def _expand(match: re.Match[str]) -> str:
    found = match.group(0)
    return _WHOLE_CONTRACTIONS.get(found) or _SUFFIXES[found]


@functools.lru_cache(maxsize=1 << 16)
def _hash64(token: str) -> int:
    return int.from_bytes(hashlib.blake2b(token.encode("utf-8"), digest_size=8).digest(), "big")


def _signed(value: int) -> int:
    """SQL BIGINT is signed: fold the unsigned 64-bit hash into its range."""
    return value - (1 << 64) if value >= 1 << 63 else value


def _shingles_in_order(words: Sequence[str]) -> np.ndarray:
    """Hashes of the word n-grams, one per position, combined in numpy so long articles stay cheap."""
    if not words:
        return np.zeros(0, dtype=np.uint64)
    ids = np.fromiter(map(_hash64, words), dtype=np.uint64, count=len(words))
    n = min(SHINGLE_WORDS, len(ids))
    out = ids[: len(ids) - n + 1] * _MIX[0]
    for i in range(1, n):
        out = (out ^ ids[i: len(ids) - n + 1 + i]) * _MIX[i]
    return out


def _shingles(words: Sequence[str]) -> np.ndarray:
    return np.unique(_shingles_in_order(words))


def _quote_shingles(words: Sequence[str]) -> np.ndarray:
    """Shingles of a quoted sentence, without the runs of function words only."""
    n = min(SHINGLE_WORDS, len(words))
    content = np.asarray([any(w not in _FUNCTION_WORDS for w in words[i: i + n])
                          for i in range(len(words) - n + 1)], dtype=bool)
    return np.unique(_shingles_in_order(words)[content]) if words else np.zeros(0, dtype=np.uint64)


def _minhash(shingles: np.ndarray) -> np.ndarray:
    # multiply-shift hashing: the high 32 bits of a*x+b (mod 2^64) are a good universal family
    if shingles.size == 0:
        return np.full(PERMUTATIONS, np.iinfo(np.uint32).max, dtype=np.uint64)
    hashed = (shingles[:, None] * _A[None, :] + _B[None, :]) >> np.uint64(32)
    return np.asarray(hashed.min(axis=0), dtype=np.uint64)


def _band_keys(signature: np.ndarray) -> tuple[int, ...]:
    """One 64-bit key per band: its rows mixed together with the band number, as a signed BIGINT."""
    rows = signature.reshape(BANDS, ROWS)
    keys = np.arange(1, BANDS + 1, dtype=np.uint64) * _MIX[2]
    for r in range(ROWS):
        keys = (keys ^ rows[:, r]) * _MIX[r % 2]
    keys ^= keys >> np.uint64(29)
    return tuple(keys.view(np.int64).tolist())


def quote_sentences(quotes: Iterable[Quote | StoredQuote]) -> list[QuoteSentence]:
    """The sentences inside the quotes, long enough to be evidence, each once."""
    seen: set[str] = set()
    out: list[QuoteSentence] = []
    for quote in quotes:
        for piece in _SENTENCE_END.split(quote.text):
            text = piece.strip(_QUOTE_MARKS + ",;:")
            norm = normalise(text)
            if len(norm.split()) >= MIN_QUOTE_WORDS and norm not in seen:
                seen.add(norm)
                out.append(QuoteSentence(text=text, norm=norm, speaker=quote.speaker,
                                         speaker_kind=quote.speaker_kind))
    return out


def fingerprint(text: str, quotes: Iterable[Quote | StoredQuote] = ()) -> Fingerprint:
    signature = _minhash(_shingles(normalise(text).split()))
    sentences = quote_sentences(quotes)
    shingles: set[int] = set()
    for s in sentences:
        shingles.update(_quote_shingles(s.norm.split()).view(np.int64).tolist())
    return Fingerprint(
        signature=tuple(signature.tolist()),
        bands=_band_keys(signature),
        quote_keys=tuple(sorted({_signed(s.key) for s in sentences})),
        quote_shingles=tuple(sorted(shingles)),
    )


def estimate_jaccard(a: Sequence[int], b: Sequence[int]) -> float:
    if len(a) != len(b) or not a:
        return 0.0
    return float(np.mean(np.asarray(a, dtype=np.uint64) == np.asarray(b, dtype=np.uint64)))


def _sentence_similarity(here: QuoteSentence, there: QuoteSentence) -> float:
    if here.norm == there.norm:
        return 100.0
    score = fuzz.ratio(here.norm, there.norm, score_cutoff=FUZZY_RATIO)
    if not score and min(here.words, there.words) >= MIN_CONTAINED_WORDS and _may_contain(here, there):
        score = fuzz.partial_ratio(here.norm, there.norm, score_cutoff=CONTAINED_RATIO)
    return float(score)


def _may_contain(a: QuoteSentence, b: QuoteSentence) -> bool:
    """Whether partial_ratio can reach CONTAINED_RATIO, by the q-gram lemma (Ukkonen 1992).

    partial_ratio is fuzz.ratio of the shorter string (either one when of equal length)
    against a stretch of the other no longer than it. For that ratio, the Indel distance is
    at most 2 * (1 - CONTAINED_RATIO / 100) * len(shorter), and each insertion or deletion
    spoils at most GRAM of the shorter string's q-grams; the rest occur in the other string.
    Unrelated sentences fail this set difference, which costs far less than the alignment."""
    if len(a.norm) > len(b.norm):
        a, b = b, a
    needles = [(a, b), (b, a)] if len(a.norm) == len(b.norm) else [(a, b)]
    return any(len(n.grams - other.grams) <= _MAX_LOST_GRAMS * len(n.norm) for n, other in needles)


def match_quotes(here: Sequence[QuoteSentence], there: Sequence[QuoteSentence]) -> tuple[SharedQuote, ...]:
    """Each sentence here paired with its best match there; `text` is this article's wording."""
    shared: list[SharedQuote] = []
    for mine in here:
        best, best_score = None, 0.0
        for theirs in there:
            score = _sentence_similarity(mine, theirs)
            if score > best_score:
                best, best_score = theirs, score
        if best is not None:
            shared.append(SharedQuote(text=mine.text, here=mine.speaker, there=best.speaker,
                                      similarity=round(best_score / 100, 3),
                                      another_speaker=another_speaker(mine.speaker, best.speaker,
                                                                      mine.speaker_kind, best.speaker_kind)))
    return tuple(shared)


def find_similar(text: str, quotes: tuple[Quote, ...], corpus: Corpus) -> tuple[Similar, ...]:
    """The corpus articles that tell the same story or carry the same quoted words, best first."""
    here = quote_sentences(quotes)
    mine = fingerprint(text, quotes)
    found: list[Similar] = []
    for candidate in corpus.candidates(mine):
        score = round(estimate_jaccard(mine.signature, candidate.signature), 3)
        shared = match_quotes(here, quote_sentences(candidate.quotes))
        if score >= MIN_SCORE or shared:
            found.append(Similar(id=candidate.id, title=candidate.title, score=score,
                                 shared_quotes=shared, url=candidate.url))
    # the same words in another speaker's mouth first: that is what a verifier most needs to see
    found.sort(key=lambda s: (not any(q.another_speaker for q in s.shared_quotes), -len(s.shared_quotes),
                              -s.score, s.id))
    return tuple(found[:MAX_SIMILAR])
