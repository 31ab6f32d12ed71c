"""checks.similar on its own: normalising, MinHash estimates, sentence-level shared quotes."""

from __future__ import annotations

import random
import re
from typing import Any

import pytest
from rapidfuzz import fuzz

from checks.models import Quote
from checks.similar import (
    Candidate,
    Fingerprint,
    QuoteSentence,
    StoredQuote,
    estimate_jaccard,
    find_similar,
    fingerprint,
    match_quotes,
    normalise,
    quote_sentences,
)

CARNEY = ("If your concern is fair burden-sharing, the ledger is open for you to review. "
          "We negotiate as equals, or we do not negotiate at all.")
OFFICIAL = ("He stated, ‘The United States is our most important ally, but Canada is a sovereign nation. "
            "We negotiate as equals—or we don’t negotiate at all.’ He then thanked the U.S. team.")
STORY = ("The city council voted on Tuesday to close the Elm Street library branch after a budget review "
         "found that repairs to the roof would cost more than the building is worth. Residents who "
         "packed the meeting said the branch was the only quiet place for children to study after "
         "school, and several asked the council to delay the vote until the spring.")
OTHER = ("Heavy rain flooded the lower level of the transit station on Friday, and the operator said "
         "trains would skip the stop until pumps cleared the water and inspectors signed off.")


def quote(text: str, speaker: str | None) -> Quote:
    return Quote(text=text, start=0, end=len(text), speaker=speaker, speaker_kind="named")


class ListCorpus:
    """A Corpus over a plain list: every article is a candidate, the filtering is find_similar's."""

    def __init__(self, *candidates: Candidate) -> None:
        self.items = list(candidates)

    def candidates(self, fingerprint: Fingerprint) -> list[Candidate]:
        return self.items


def test_normalise_folds_curly_quotes_dashes_and_contractions() -> None:
    assert normalise("We negotiate as equals—or we don’t negotiate at all.’") == \
        normalise("We negotiate as equals, or we do not negotiate at all.")
    assert normalise("It’s “not” for SALE!") == "it is not for sale"


def test_quote_is_split_into_sentences_without_the_nested_quote_marks() -> None:
    texts = [s.text for s in quote_sentences([quote(OFFICIAL, "a senior Canadian official")])]
    assert "We negotiate as equals—or we don’t negotiate at all." in texts
    assert all(not t.startswith(("‘", "’")) and not t.endswith("’") for t in texts)


def test_reworded_nested_quote_is_shared_with_both_speakers() -> None:
    here = quote_sentences([quote(CARNEY, "Mark Carney")])
    there = quote_sentences([StoredQuote(OFFICIAL, "a senior Canadian official")])
    [shared] = match_quotes(here, there)
    assert shared.text == "We negotiate as equals, or we do not negotiate at all."
    assert (shared.here, shared.there) == ("Mark Carney", "a senior Canadian official")
    assert shared.similarity == 1.0


def test_a_slightly_reworded_sentence_still_matches_but_a_different_one_does_not() -> None:
    here = quote_sentences([quote("We will rebuild the bridge before the winter comes.", "Mayor Lee")])
    close = quote_sentences([StoredQuote("We will rebuild this bridge before winter comes.", "Lee")])
    far = quote_sentences([StoredQuote("The bridge will stay closed for another year at least.", "Lee")])
    assert match_quotes(here, close)
    assert not match_quotes(here, far)


def test_short_quotes_are_not_evidence_of_a_shared_quote() -> None:
    assert quote_sentences([quote("No comment.", "the ministry")]) == []


def test_minhash_estimates_high_for_a_copy_and_low_for_another_story() -> None:
    story = fingerprint(STORY).signature
    copy = fingerprint(STORY.replace("Tuesday", "Wednesday")).signature
    assert estimate_jaccard(story, copy) > 0.7
    assert estimate_jaccard(story, fingerprint(OTHER).signature) < 0.1


def test_fingerprint_has_one_key_per_band_and_quote_shingles() -> None:
    fp = fingerprint(STORY, [quote(CARNEY, "Mark Carney")])
    assert len(fp.bands) == 32 and len(set(fp.bands)) == 32
    assert len(fp.quote_keys) == 2
    assert len(fp.quote_shingles) > 10


def test_find_similar_lists_shared_quotes_first_and_drops_unrelated_articles() -> None:
    copy = Candidate(id="item:1", title="Library to close", signature=fingerprint(STORY).signature)
    quoted = Candidate(id="seed:001", title="Talks collapse", signature=fingerprint(OTHER).signature,
                       quotes=(StoredQuote(OFFICIAL, "a senior Canadian official"),))
    unrelated = Candidate(id="item:2", title="Flooded station", signature=fingerprint(OTHER).signature)
    found = find_similar(STORY + " " + CARNEY, (quote(CARNEY, "Mark Carney"),),
                         ListCorpus(unrelated, copy, quoted))
    assert [s.id for s in found] == ["seed:001", "item:1"]
    assert found[0].shared_quotes[0].there == "a senior Canadian official"
    assert found[1].score > 0.5 and found[1].shared_quotes == ()


def test_the_same_words_from_another_speaker_come_before_a_plain_copy() -> None:
    here = (quote(CARNEY, "Mark Carney"),)
    copy = Candidate(id="seed:000", title="Same story", signature=fingerprint(CARNEY).signature,
                     quotes=(StoredQuote(CARNEY, "Carney"),))
    relayed = Candidate(id="seed:001", title="Talks collapse", signature=fingerprint(OTHER).signature,
                        quotes=(StoredQuote(OFFICIAL, "Dominic Leblanc"),))
    assert [s.id for s in find_similar(CARNEY, here, ListCorpus(copy, relayed))] == ["seed:001", "seed:000"]


def _seed_sentences(seed_texts: dict[str, str]) -> list[str]:
    text = " ".join(seed_texts.values())
    return sorted({s.strip() for s in re.split(r"(?<=[.!?])\s+", text) if len(s.split()) >= 6})


def _reference_match(here: list[QuoteSentence], there: list[QuoteSentence]) -> list[tuple[str, float]]:
    """The shared-quote rule spelled out pair by pair, with every rapidfuzz score computed."""
    found = []
    for mine in here:
        best, best_score = None, 0.0
        for theirs in there:
            score = 100.0 if mine.norm == theirs.norm else \
                fuzz.ratio(mine.norm, theirs.norm, score_cutoff=88.0)
            if not score and min(len(mine.norm.split()), len(theirs.norm.split())) >= 6:
                score = fuzz.partial_ratio(mine.norm, theirs.norm, score_cutoff=95.0)
            if score > best_score:
                best, best_score = theirs, score
        if best is not None:
            found.append((mine.text, round(best_score / 100, 3)))
    return found


def _contained_and_reworded(sentences: list[str]) -> list[StoredQuote]:
    """Another article's quotes: some sentences nested in longer ones, some slightly changed."""
    rng = random.Random(3)
    out = []
    for n, s in enumerate(sentences):
        if n % 5 == 0:
            out.append(StoredQuote(f"As we said before, {s} And that is all."))
        elif n % 5 == 1:
            out.append(StoredQuote(s.replace(" the ", " a ", 1)))
        elif n % 5 == 2:
            words = s.split()
            out.append(StoredQuote(" ".join(rng.sample(words, len(words)))))
    return out


def test_shared_quotes_match_the_pair_by_pair_rule_exactly(seed_texts: dict[str, str]) -> None:
    sentences = _seed_sentences(seed_texts)
    here = quote_sentences(StoredQuote(s) for s in sentences[::2])
    there = quote_sentences(_contained_and_reworded(sentences))
    shared = match_quotes(here, there)
    assert [(q.text, q.similarity) for q in shared] == _reference_match(here, there)
    assert sum(1 for q in shared if q.similarity < 1.0) >= 5


def test_unrelated_quotes_are_not_aligned_pair_by_pair(seed_texts: dict[str, str],
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """partial_ratio is the costly step; a q-gram count rules out most pairs before it."""
    sentences = _seed_sentences(seed_texts)
    here = quote_sentences(StoredQuote(s) for s in sentences[::2])
    there = quote_sentences(StoredQuote(s) for s in sentences[1::2])
    calls = []
    real = fuzz.partial_ratio

    def counted(a: str, b: str, **kwargs: Any) -> float:
        calls.append(1)
        return real(a, b, **kwargs)

    monkeypatch.setattr(fuzz, "partial_ratio", counted)  # the module checks.similar calls through
    match_quotes(here, there)
    assert len(here) * len(there) > 10_000
    assert len(calls) < 0.02 * len(here) * len(there)
