"""Signals: explained, offset-linked observations for a human verifier.

Each signal has a stable `code`, a `severity` (info: worth knowing; warn: worth checking)
and a message a verifier can act on. Signals never judge the story; they point at text.

Codes: weekday_mismatch, date_after_publication, date_conflict, date_phrase_conflict,
quoted_day_assumed, no_absolute_date (checks.dates.signals); mostly_anonymous, unattributed_quote,
speaker_guessed, quote_multiple_speakers (here).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .dates.signals import date_signals
from .models import Quote, Report, Signal

__all__ = ["find_signals"]

# Below this many attributed statements a share of anonymous ones says little.
MIN_ATTRIBUTED = 3
ANONYMOUS_SHARE = 0.5
# Short quoted fragments ("win", "ending") are terms, not statements that need a speaker.
MIN_QUOTE_WORDS = 4
# "Confirm the speaker" below this speaker_confidence. On PolNeAR train (bench/polnear.py) the
# quotes at or above it had the right speaker far more often than those below; see
# docs/engine/confidence.md for the reliability table it was read from.
CONFIRM_BELOW = 0.8
# Below this the speaker is more likely wrong than right: a warning, not a note.
DOUBT_BELOW = 0.5
# How a speaker was found (Quote.speaker_evidence), as the message says it.
_FOUND_BY = {
    "name_at_cue": "named with the quote's own verb",
    "name_nearby": "named near the quote, not as the one speaking",
    "pronoun_agree": "through a pronoun",
    "pronoun": "through a pronoun that could stand for more than one person",
    "carried": "carried over from the quote before",
    "description": "from a description, not a name",
    "epithet": "through a description that refers back to them, not a name",
    "signature": "from the name signed under it",
    "organization": "as an organisation, not a person",
}
_FOLD = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"',
                       "\u2014": "-", "\u2013": "-"})


def find_signals(report: Report, text: str) -> tuple[Signal, ...]:
    found = [*date_signals(report, text), *_quote_signals(report, text)]
    return tuple(sorted(found, key=lambda s: (s.start if s.start is not None else -1, s.code)))


def _quote_signals(report: Report, text: str = "") -> Iterator[Signal]:
    anonymous = _mostly_anonymous(report, text)
    if anonymous is not None:
        yield anonymous
    for quote in report.quotes:
        if quote.speaker is None:
            if not quote.partial and len(quote.text.split()) >= MIN_QUOTE_WORDS:
                yield Signal("unattributed_quote", "warn",
                             f"No speaker found for the quote '{_short(quote.text)}'", quote.start, quote.end)
        elif quote.speaker_kind == "unresolved":
            # `says the letter signed by seven physicians`: the text does say where the words are
            # from, so "no speaker" would be false; what is missing is the person behind it.
            if not quote.partial and len(quote.text.split()) >= MIN_QUOTE_WORDS:
                yield Signal("unattributed_quote", "info",
                             f"'{_short(quote.text)}' is attributed to {quote.speaker}, not to a person: "
                             "find who wrote or issued it", quote.start, quote.end)
        elif (doubt := _speaker_doubt(quote)) is not None:
            yield doubt
    yield from _multiple_speakers(report.quotes)


def _speaker_doubt(quote: Quote) -> Signal | None:
    """`speaker_guessed`: confirm the speaker. Raised only when the calibrated speaker_confidence
    is below CONFIRM_BELOW (a report read back from before the confidence: when the speaker was
    guessed), saying how the speaker was found and how often that way is right."""
    confidence = quote.speaker_confidence
    if confidence is None:
        if not quote.speaker_guessed:
            return None
        return Signal("speaker_guessed", "info",
                      f"'{_short(quote.text)}' is attributed to {quote.speaker} from the surrounding "
                      "paragraphs, not a name next to the quote: confirm the speaker", quote.start, quote.end)
    if confidence >= CONFIRM_BELOW:
        return None
    how = _FOUND_BY.get(quote.speaker_evidence or "", "from the surrounding text")
    tenths = max(1, round(confidence * 10))
    return Signal("speaker_guessed", "warn" if confidence < DOUBT_BELOW else "info",
                  f"'{_short(quote.text)}' is attributed to {quote.speaker} {how}; about {tenths} in 10 "
                  "quotes attributed this way have the right speaker: confirm the speaker",
                  quote.start, quote.end)


def _mostly_anonymous(report: Report, text: str = "") -> Signal | None:
    """Most attributed statements come from unnamed sources. A spokesperson for a body the story
    names (`a spokesperson for the Hospitals Association said`) is that body speaking on the record,
    not an unnamed source."""
    attributed = [q for q in report.quotes if q.speaker and q.speaker_kind != "unresolved"]
    unnamed = [q for q in attributed if q.speaker_kind == "anonymous" and not _speaks_for_named(q, text)]
    if len(attributed) >= MIN_ATTRIBUTED:
        if len(unnamed) / len(attributed) <= ANONYMOUS_SHARE:
            return None
        first = unnamed[0]
        return Signal("mostly_anonymous", "warn",
                      f"{len(unnamed)} of {len(attributed)} attributed quotes come from unnamed sources "
                      f"(first: {first.speaker})", first.start, first.end)
    anon, named = report.sources.anonymous, report.sources.named
    if len(anon) >= 2 and len(anon) > len(named):
        return Signal("mostly_anonymous", "warn",
                      f"{len(anon)} unnamed sources against {len(named)} named "
                      f"{'one' if len(named) == 1 else 'ones'} "
                      f"(first: '{anon[0].text}')", anon[0].start, anon[0].end)
    return None


# `a spokesperson for the Universities Association`: someone who speaks for a named body (a
# capitalised name after `for`/`of`/`at`).
_SPOKES = r"(?:spokes(?:person|man|woman)|representative|press\s+officer)"
_FOR_NAMED = re.compile(rf"(?:an?|the|one)\s+(?:[a-z-]+\s+){{0,2}}{_SPOKES}\s+"
                        r"(?:for|of|at)\s+(?:the\s+)?[A-Z]")


def _speaks_for_named(quote: Quote, text: str) -> bool:
    if not text or quote.speaker_span is None:
        return False
    start, end = quote.speaker_span
    said = text[start:end + 80]
    return _FOR_NAMED.match(said, 0) is not None


def _multiple_speakers(quotes: tuple[Quote, ...]) -> Iterator[Signal]:
    """The same words given to two different people in one article."""
    seen = EarlierQuotes()
    for quote in quotes:
        if not quote.speaker or quote.speaker_kind == "unresolved":
            continue
        key = _fold(quote.text)
        if len(key.split()) < MIN_QUOTE_WORDS:
            continue
        earlier = seen.find(key)
        if earlier is not None and _fold(earlier.speaker or "") != _fold(quote.speaker):
            yield Signal("quote_multiple_speakers", "warn",
                         f"'{_short(quote.text)}' is attributed to {quote.speaker} here and to "
                         f"{earlier.speaker} earlier in the article", quote.start, quote.end)
        seen.add(key, quote)


class EarlierQuotes:
    """Folded quotes seen so far, found by containment either way without a scan of them all.

    A key inside another is a stretch of it, so every word of the inner key but its first and
    last (which may be cut) is a whole word of the outer one. The earliest key that contains
    the new one is among those holding its rarest inner word; the earliest one inside it is
    among those whose longest inner word the new key has. Keys have MIN_QUOTE_WORDS or more."""

    def __init__(self) -> None:
        self._keys: list[str] = []
        self._quotes: list[Quote] = []
        self._known: set[str] = set()
        self._by_word: dict[str, list[int]] = {}  # every word of a key -> the keys that have it
        self._by_inner: dict[str, list[int]] = {}  # a key's longest inner word -> those keys
        self.compared = 0  # keys compared character by character

    def find(self, key: str) -> Quote | None:
        """The first quote seen whose key contains `key` or is contained in it."""
        words = key.split()
        rarest = min(words[1:-1], key=lambda w: len(self._by_word.get(w, ())))
        maybe = set(self._by_word.get(rarest, ()))
        for word in set(words):
            maybe.update(self._by_inner.get(word, ()))
        for n in sorted(maybe):
            self.compared += 1
            if key in self._keys[n] or self._keys[n] in key:
                return self._quotes[n]
        return None

    def add(self, key: str, quote: Quote) -> None:
        if key in self._known:
            return  # the first quote with these words stays the one later ones are compared with
        self._known.add(key)
        n = len(self._keys)
        self._keys.append(key)
        self._quotes.append(quote)
        words = key.split()
        for word in set(words):
            self._by_word.setdefault(word, []).append(n)
        self._by_inner.setdefault(max(words[1:-1], key=len), []).append(n)


def _fold(text: str) -> str:
    return re.sub(r"[^\w' ]+", "", " ".join(text.translate(_FOLD).lower().split())).strip()


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"
