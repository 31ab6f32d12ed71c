"""A word a fact-check's claim and its title share counts twice in the search: the index lists it for
each, the BM25 score counts it held twice, and databases indexed before are analysed again.

On SQLite and, when DESKCHECK_TEST_POSTGRES_URL is set, on real PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
import math

from alembic import command
from sqlalchemy import text
from support.bm25 import okapi

from checks.factchecks import ClaimReview
from checks.factchecks.match import supported
from storage import open_store
from storage.db import alembic_config, engine_for, upgrade
from storage.factchecks import FactCheckStore, fact_checks, search_terms

# The same claim twice; the second review's headline words it again.
BARE = ClaimReview(url="https://harbourcheck.example/ferry-fares", rating="False",
                   claim="Island ferry fares doubled overnight.")
ECHOED = ClaimReview(url="https://tidecheck.example/ferry-fares", rating="Misleading",
                     claim="Island ferry fares doubled overnight.", title="Did island ferry fares double?")
FILLER = tuple(ClaimReview(url=f"https://tidecheck.example/other/{n}", rating="Half True",
                           claim=f"Council {n} voted to close the library branch on Elm Street.")
               for n in range(12))
SENTENCE = "Commuters say island ferry fares doubled overnight"


def test_a_word_the_claim_and_its_title_share_is_listed_for_each() -> None:
    terms = search_terms("Island ferry fares doubled overnight.", "Did island ferry fares double?")
    assert [terms.count(term) for term in ("island", "ferry", "far", "doubl", "overnight")] == [2, 2, 2, 2, 1]
    once = search_terms("Ferry fares rose and rose again.", None)
    assert len(once) == len(set(once)) == 3  # a word one wording repeats is listed once


def test_the_review_whose_headline_repeats_the_claim_outranks_the_same_claim_alone(database_url: str) -> None:
    store = FactCheckStore(open_store(database_url).engine)
    store.import_reviews([BARE, ECHOED, *FILLER], None)  # BARE first: a tie would keep it on top
    assert [hit.review.url for hit in store.index(None).search(SENTENCE, 2)] == [ECHOED.url, BARE.url]


def test_the_score_is_okapi_bm25_with_a_shared_word_held_twice(database_url: str) -> None:
    store = FactCheckStore(open_store(database_url).engine)
    store.import_reviews([BARE, ECHOED, *FILLER], None)
    documents = [search_terms(r.claim, r.title) for r in (BARE, ECHOED, *FILLER)]

    hits = {hit.review.url: hit.score for hit in store.index(None).search(SENTENCE, 5)}
    assert math.isclose(hits[ECHOED.url], okapi(SENTENCE, documents[1], documents), rel_tol=1e-9)
    assert math.isclose(hits[BARE.url], okapi(SENTENCE, documents[0], documents), rel_tol=1e-9)


def test_a_database_from_before_shared_words_counted_twice_is_analysed_again(database_url: str) -> None:
    engine = engine_for(database_url)
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), "0008")
    now = dt.datetime.now(dt.UTC)
    old = [(BARE, "island ferry far doubl overnight"), (ECHOED, "island ferry far doubl overnight")]
    with engine.begin() as conn:  # each term once, as imports wrote them before
        conn.execute(fact_checks.insert(), [
            {"url": r.url, "claim": r.claim, "title": r.title, "rating": r.rating, "search_text": terms,
             "terms": 5, "imported_at": now, "updated_at": now} for r, terms in old])
        conn.execute(text("INSERT INTO fact_check_terms (term, docs) VALUES ('island', 2), ('ferry', 2), "
                          "('far', 2), ('doubl', 2), ('overnight', 2), ('#docs', 2), ('#terms', 10), "
                          "('#reviews @reference', 2)"))
    assert upgrade(engine, force=True) is True
    with engine.connect() as conn:
        stored = dict(conn.execute(text("SELECT url, terms FROM fact_checks")).all())
        counts = dict(conn.execute(text("SELECT term, docs FROM fact_check_terms")).all())
    assert stored == {BARE.url: 5, ECHOED.url: 9}
    # a review holding a word twice is still one document holding it; the lengths count both
    assert counts["island"] == 2 and counts["#terms"] == 14 and counts["#docs"] == 2
    store = FactCheckStore(engine)
    assert [hit.review.url for hit in store.index(None).search(SENTENCE, 2)] == [ECHOED.url, BARE.url]
    assert store.count(None) == 2


def test_a_claim_too_short_to_repeat_is_never_supported() -> None:
    assert not supported("We found her. We found her.", "Found you.")


def test_a_sentence_sharing_only_the_claims_names_does_not_support_it() -> None:
    claim = "Senator Ana Ruiz owns the largest ranch in her state."
    assert not supported("Senator Ana Ruiz has led the polls for months.", claim)
    assert supported("Senator Ana Ruiz owns a ranch bigger than any other in the state.", claim)


def test_a_title_cased_claim_is_not_judged_by_its_predicate() -> None:
    assert supported("The harbour will close for good.", "Harbour Closing Forever Says Mayor")
