"""checks.similar on its own: normalising, MinHash estimates, sentence-level shared quotes."""

from __future__ import annotations

from checks.models import Quote
from checks.similar import (
    Candidate,
    Fingerprint,
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
                        quotes=(StoredQuote(OFFICIAL, "a senior Canadian official"),))
    assert [s.id for s in find_similar(CARNEY, here, ListCorpus(copy, relayed))] == ["seed:001", "seed:000"]
