"""The fact-check search under its postings budget: which claims it scores and by which words, a
check's sentences searched together, the count a check asks for, and the PostgreSQL index kept whole
after an import.

On SQLite and, when DESKCHECK_TEST_POSTGRES_URL is set, on real PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import text

from checks.factchecks import ClaimReview
from storage import open_store
from storage.db import alembic_config, engine_for, upgrade
from storage.factchecks import FactCheckStore, fact_checks

SOURCE = ClaimReview(url="https://desk.example/novak-clinics", rating="False",
                     claim="Mayor Lena Novak closed 12 clinics in Halifax.")
# Shorter claims that hold the sentence's two rarest words, its name, and nothing else of it
NAMESAKES = tuple(ClaimReview(url=f"https://desk.example/resigned/{n}", rating="False",
                              claim="Lena Novak resigned.") for n in range(5))
# The rest of the sentence's words, without the name
UNNAMED = tuple(ClaimReview(url=f"https://desk.example/unnamed/{n}", rating="Misleading",
                            claim="The mayor closed 12 clinics in Halifax.") for n in range(7))
UNRELATED = tuple(ClaimReview(url=f"https://desk.example/farm/{n}", rating="Half True",
                              claim=f"Wind farm {n} opened beside the harbour.") for n in range(20))
SENTENCE = "Reporters were told that Mayor Lena Novak shut 12 clinics in Halifax"


@pytest.fixture()
def store(database_url: str) -> FactCheckStore:
    # a budget of three claims: even the rarest word of the sentence is held by more
    store = FactCheckStore(open_store(database_url).engine, postings_budget=3)
    store.import_reviews([SOURCE, *NAMESAKES, *UNNAMED, *UNRELATED], None)
    return store


def test_the_claim_holding_most_of_the_sentence_comes_first_when_its_rarest_words_exceed_the_budget(
        store: FactCheckStore) -> None:
    # The two rarest words ('lena', 'novak') are held by six claims, over the budget: they are
    # searched together, and each candidate is scored by all the sentence's words, so the claim that
    # also holds 'mayor', '12', 'clinics' and 'Halifax' outranks the shorter namesakes.
    hits = store.index(None).search(SENTENCE, 5)
    assert hits[0].review == SOURCE
    assert all(hit.review not in UNRELATED for hit in hits)


def test_a_checks_sentences_searched_together_find_what_each_finds_alone(store: FactCheckStore) -> None:
    index = store.index("T024")
    sentences = [SENTENCE, "Wind farm 7 opened", "the of and to in", "Lena Novak resigned"]
    assert index.search_many(sentences, 3) == [index.search(sentence, 3) for sentence in sentences]
    assert index.search_many(sentences, 3)[2] == []  # stop words alone match nothing
    assert index.search_many([], 3) == [] and index.search_many(sentences, 0) == [[], [], [], []]


def test_an_import_leaves_no_pending_entries_in_postgresqls_index(tmp_path: Path) -> None:
    # A GIN index's pending list is PostgreSQL's alone, so this runs there only (and, like every
    # PostgreSQL test, fails under CI when no server is set rather than skip).
    from support.history import fresh_database

    with fresh_database("postgresql", tmp_path) as url:
        store = FactCheckStore(open_store(url).engine, postings_budget=3)
        more = [ClaimReview(url=f"https://desk.example/ferry/{n}", rating="False",
                            claim=f"Ferry fares rose {n} percent in one year.") for n in range(8)]
        store.import_reviews(more, None)
        with store.engine.connect() as conn:
            # the pages the import left in the pending list, which every search would read whole
            left = conn.scalar(text("SELECT gin_clean_pending_list('ix_fact_checks_tsv')"))
        store.engine.dispose()
    assert left == 0


def test_the_count_a_check_asks_for_follows_imports_and_a_database_from_before_is_counted_once(
        database_url: str) -> None:
    engine = engine_for(database_url)
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), "0005")
    now = dt.datetime.now(dt.UTC)
    with engine.begin() as conn:  # rows written before the counts were kept
        conn.execute(fact_checks.insert(), [
            {"workspace": workspace, "url": f"https://desk.example/old/{n}", "claim": "Ferry fares rose.",
             "rating": "False", "search_text": "ferry fare rose", "terms": 3, "imported_at": now,
             "updated_at": now} for n, workspace in enumerate([None, None, "T024"])])
    assert upgrade(engine, force=True) is True
    store = FactCheckStore(engine)
    assert (store.count(None), store.count("T024"), store.count("G998")) == (2, 3, 2)
    store.import_reviews([SOURCE, *NAMESAKES], "G998")
    store.import_reviews([SOURCE], None)
    store.import_reviews([SOURCE], None)  # an update counts no new review
    assert (store.count(None), store.count("T024"), store.count("G998")) == (3, 4, 9)


def test_a_database_from_before_titles_were_indexed_is_analysed_again(database_url: str) -> None:
    engine = engine_for(database_url)
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), "0006")
    now = dt.datetime.now(dt.UTC)
    with engine.begin() as conn:  # rows indexed by their claim alone, as imports did then
        conn.execute(fact_checks.insert(), [
            {"workspace": workspace, "url": f"https://desk.example/old/{n}", "claim": "Ferry fares rose.",
             "title": title, "rating": "False", "search_text": "ferry fare rose", "terms": 3,
             "imported_at": now, "updated_at": now}
            for n, (workspace, title) in enumerate([(None, "Did the harbour toll triple?"), (None, None),
                                                    ("T024", "Were ferry tickets repriced?")])])
        conn.execute(text("INSERT INTO fact_check_terms (term, docs) VALUES ('ferry', 3), ('fare', 3), "
                          "('rose', 3), ('#docs', 3), ('#terms', 9), ('#reviews @reference', 2), "
                          "('#reviews T024', 1)"))
    assert upgrade(engine, force=True) is True
    store = FactCheckStore(engine)
    assert [h.review.url for h in store.index(None).search("harbour toll", 5)] == ["https://desk.example/old/0"]
    assert [h.review.url for h in store.index("T024").search("tickets repriced", 5)] == [
        "https://desk.example/old/2"]
    with engine.connect() as conn:
        counts = dict(conn.execute(text("SELECT term, docs FROM fact_check_terms")).all())
    # ferry fare rose, + harbour toll triple, + ticket repric: the counts are rebuilt, the totals kept
    assert counts["#docs"] == 3 and counts["ferry"] == 3 and counts["toll"] == 1
    assert counts["#terms"] == 6 + 3 + 6  # the third title's "ferry" is listed again (migration 0009)
    assert (store.count(None), store.count("T024")) == (2, 3)
