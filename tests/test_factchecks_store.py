"""Fact-checks in the database: upsert by review URL per scope, workspace scoping, BM25 search the
database keeps.

On SQLite and, when DESKCHECK_TEST_POSTGRES_URL is set, on real PostgreSQL.
"""

from __future__ import annotations

from dataclasses import replace
from itertools import pairwise
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from checks.factchecks import ClaimReview, parse_feed
from storage import StoreError, open_store
from storage.factchecks import FactCheckStore, ImportSummary, analyse, fact_check_terms, search_terms

FEEDS = Path(__file__).resolve().parent / "factchecks"

DAIRY = ClaimReview(url="https://dairyfacts.example/checks/270-percent", claim="Canada charges a 270 percent "
                    "tariff on all U.S. dairy products.", rating="Misleading", publisher="Dairy Facts Desk",
                    publisher_site="dairyfacts.example", review_date="2025-03-02", claimant="Jordan Hale",
                    claim_date="2025-02-27", language="en", title="No, not all dairy")
OTHERS = tuple(
    ClaimReview(url=f"https://checks.example/{n}", claim=claim, rating=rating, publisher="Checks Desk",
                review_date=f"2024-0{n + 1}-1{n}")
    for n, (claim, rating) in enumerate([
        ("Noise from wind turbines causes cancer in nearby residents.", "False"),
        ("BC Ferries fares rose 40 percent in one year.", "Mostly False"),
        ("The mayor doubled her own salary in 2023.", "Half True"),
        ("COVID-19 vaccines contain microchips that track people.", "Pants on Fire"),
        ("The city council voted to ban gas stoves in all homes.", "Missing Context"),
        ("Drinking hot water every fifteen minutes kills the coronavirus.", "False"),
    ]))


@pytest.fixture()
def store(database_url: str) -> FactCheckStore:
    return FactCheckStore(open_store(database_url).engine)


def urls(store: FactCheckStore, query: str, workspace: str | None = None, limit: int = 5) -> list[str]:
    return [hit.review.url for hit in store.index(workspace).search(query, limit)]


def rows(store: FactCheckStore) -> int:
    with store.engine.connect() as conn:
        return int(conn.scalar(text("SELECT count(*) FROM fact_checks")) or 0)


def test_a_reimport_updates_the_rows_and_never_duplicates_them(store: FactCheckStore) -> None:
    assert store.import_reviews([DAIRY, *OTHERS], None) == ImportSummary(7, 0, 0)
    assert store.import_reviews([DAIRY, *OTHERS], None, skipped=2) == ImportSummary(0, 7, 2)
    assert rows(store) == 7 and store.count(None) == 7


def test_an_updated_review_keeps_its_row_and_is_found_by_its_new_words_only(store: FactCheckStore) -> None:
    store.import_reviews([DAIRY, *OTHERS], None)
    corrected = replace(DAIRY, claim="Canada taxes American butter imports at 300 percent.", rating="False")
    assert store.import_reviews([corrected], None) == ImportSummary(0, 1, 0)
    assert rows(store) == 7
    [hit] = store.index(None).search("butter", 5)
    assert hit.review == corrected
    # the old words left the index (its title still holds "dairy")
    assert store.index(None).search("tariff products", 5) == []


def test_the_same_url_twice_in_one_feed_is_one_row_holding_the_later_entry(store: FactCheckStore) -> None:
    later = replace(DAIRY, rating="False")
    assert store.import_reviews([DAIRY, later], None) == ImportSummary(1, 1, 0)
    assert store.recent(None, 5) == (later,)


def test_a_reworded_claim_is_found_by_its_words_best_first(store: FactCheckStore) -> None:
    store.import_reviews([DAIRY, *OTHERS], None)
    hits = store.index(None).search("Ottawa slaps a 270% tariff on American dairy imports, officials said", 5)
    assert hits[0].review == DAIRY
    assert hits[0].score > 0 and all(a.score >= b.score for a, b in pairwise(hits))
    assert urls(store, "wind turbine noise gives people cancer")[0] == "https://checks.example/0"
    assert urls(store, "the of and to in") == []  # stop words alone match nothing


def test_a_workspaces_reviews_are_its_own_and_the_shared_ones_are_everyones(store: FactCheckStore) -> None:
    store.import_reviews(OTHERS, None)
    assert store.import_reviews([DAIRY], "T024") == ImportSummary(1, 0, 0)
    assert urls(store, "dairy tariff", "T024") == [DAIRY.url]
    assert urls(store, "dairy tariff", "G998") == [] and urls(store, "dairy tariff") == []
    assert urls(store, "wind turbines cancer", "G998") == ["https://checks.example/0"]
    assert (store.count(None), store.count("T024"), store.count("G998")) == (6, 7, 6)
    assert DAIRY not in store.recent("G998", 10) and DAIRY in store.recent("T024", 10)


def test_one_url_shared_and_in_a_workspace_is_two_rows_and_one_hit(store: FactCheckStore) -> None:
    store.import_reviews([DAIRY], None)
    own = replace(DAIRY, rating="False (our desk)")
    assert store.import_reviews([own], "T024") == ImportSummary(1, 0, 0)
    assert rows(store) == 2
    hits = store.index("T024").search("dairy tariff", 5)
    assert [h.review.url for h in hits] == [DAIRY.url]
    assert store.index(None).search("dairy tariff", 5)[0].review.rating == "Misleading"


def test_the_reserved_reference_name_is_no_workspace(store: FactCheckStore) -> None:
    with pytest.raises(StoreError, match="cannot name a workspace"):
        store.import_reviews([DAIRY], "@reference")
    assert rows(store) == 0


def test_scores_are_okapi_bm25_with_fts5s_idf_whatever_the_database(store: FactCheckStore) -> None:
    store.import_reviews([DAIRY, *OTHERS], None)
    [hit] = store.index(None).search("wind turbines", 5)
    # one document in seven holds each term: idf = ln((7 - 1 + 0.5) / 1.5); length 7 of an average 7.43
    with store.engine.connect() as conn:
        average = conn.scalar(select(func.avg(text("terms"))).select_from(text("fact_checks")))
    assert average is not None
    norm = 1.2 * (1 - 0.75 + 0.75 * 7 / float(average))
    expected = 2 * 1.466337068793427 * 2.2 / (1 + norm)
    assert len(analyse(OTHERS[0].claim)) == 7
    assert hit.score == pytest.approx(expected, rel=1e-6)


def test_the_term_counts_follow_imports_and_updates(store: FactCheckStore) -> None:
    store.import_reviews([DAIRY, *OTHERS], None)
    store.import_reviews([replace(DAIRY, claim="Canada taxes butter.")], "T024")
    store.import_reviews([replace(DAIRY, claim="Canada taxes butter and cheese.")], "T024")
    with store.engine.connect() as conn:
        counts = dict(conn.execute(select(fact_check_terms.c.term, fact_check_terms.c.docs)).all())
    assert counts["#docs"] == 8 and counts["canada"] == 2 and counts["butter"] == 1
    [cheese, taxes, dairy] = analyse("cheese taxes dairy")
    # "dairy": the shared review's claim and the workspace's review's title ("No, not all dairy")
    assert counts[cheese] == 1 and counts[taxes] == 1 and counts[dairy] == 2
    assert counts["#terms"] == sum(len(search_terms(r.claim, r.title)) for r in
                                   [DAIRY, *OTHERS, replace(DAIRY, claim="Canada taxes butter and cheese.")])


def test_every_feed_file_imports_and_searches(store: FactCheckStore) -> None:
    total = 0
    for name in ("claimreview.json", "graph.jsonld", "list.json", "datacommons.json",
                 "google_claims_search.json", "factchecks.csv"):
        feed = parse_feed((FEEDS / name).read_bytes(), name=name)
        total += store.import_reviews(feed.reviews, None, skipped=feed.skipped).imported
    assert store.count(None) == total == 12
    nursing = "https://atlanticcheck.example/2024/nursing-jobs"
    assert urls(store, "a nursing job cut by the province", limit=1) == [nursing]
    found = store.index(None).search("Does Canada put a 270% tariff on dairy?", 3)
    assert {h.review.publisher for h in found} == {"Dairy Facts Desk", "PolitiFact", "AFP Factuel"}


def test_non_ascii_claims_are_found_by_their_words(store: FactCheckStore) -> None:
    review = ClaimReview(url="https://factuel.example/1", rating="Faux",
                         claim="Le Québec interdit les véhicules à essence dès 2026.")
    store.import_reviews([review], None)
    assert urls(store, "Quebec interdit vehicules essence") == [review.url]


def test_a_large_import_renews_postgresqls_planner_statistics(store: FactCheckStore,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("storage.factchecks.store.ANALYZE_AFTER", 5)
    store.import_reviews([DAIRY, *OTHERS], None)
    if store.engine.dialect.name != "postgresql":
        return
    with store.engine.connect() as conn:
        analysed = conn.scalar(text("SELECT last_analyze FROM pg_stat_user_tables "
                                    "WHERE relname = 'fact_checks'"))
    assert analysed is not None


def test_a_review_is_found_by_its_titles_words_too(store: FactCheckStore) -> None:
    napping = ClaimReview(url="https://checks.example/napping", rating="False",
                          claim="A photo shows the mayor asleep at a council meeting.",
                          title="Was Mayor Reyes Napping During the Budget Vote?")
    store.import_reviews([napping, *OTHERS], None)
    assert urls(store, "Reyes was napping through the budget debate") == [napping.url]
