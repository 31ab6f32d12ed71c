"""What a check's fact-check search costs PostgreSQL, and that both databases still score alike: the
term lookup and the search are the only statements (the planner setting rides on the lookup and ends
with its transaction), and a candidate is scored from its stored terms as on SQLite, so a word
PostgreSQL's parser reads another way ('𝗩𝗮𝗰𝗰𝗶𝗻𝗲𝘀', as viral posts style them) counts the same.

On SQLite and, when DESKCHECK_TEST_POSTGRES_URL is set, on real PostgreSQL.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import event, text
from support.bm25 import okapi

from checks.factchecks import ClaimReview
from storage import open_store
from storage.factchecks import FactCheckStore, analyse, search_terms

# A viral post's styled letters: their compatibility form is capitals, which the analyser keeps
# ('Vaccin') and PostgreSQL's parser lowers ('vaccin').
STYLED = ClaimReview(url="https://pondcheck.example/styled-microchips", rating="False",
                     claim="𝗩𝗮𝗰𝗰𝗶𝗻𝗲𝘀 hide microchips that track pensioners in Marlow.")
PLAIN = ClaimReview(url="https://pondcheck.example/plain-microchips", rating="False",
                    claim="Microchips in library cards track pensioners in Marlow.",
                    title="Do Marlow library cards hide microchips?")
FILLER = tuple(ClaimReview(url=f"https://pondcheck.example/other/{n}", rating="Half True",
                           claim=f"The Marlow council voted {n} times to close the ferry dock.")
               for n in range(10))
SENTENCE = "A post claims 𝗩𝗮𝗰𝗰𝗶𝗻𝗲𝘀 hide microchips that track pensioners"


@pytest.fixture()
def store(database_url: str) -> FactCheckStore:
    store = FactCheckStore(open_store(database_url).engine)
    store.import_reviews([STYLED, PLAIN, *FILLER], None)
    return store


@pytest.fixture()
def statements(store: FactCheckStore) -> Iterator[list[str]]:
    """Every statement the store's engine runs through SQLAlchemy while the test does."""
    seen: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        seen.append(statement)

    event.listen(store.engine, "before_cursor_execute", record)
    yield seen
    event.remove(store.engine, "before_cursor_execute", record)


def test_a_checks_search_is_two_statements(store: FactCheckStore, statements: list[str]) -> None:
    found = store.index(None).search_many([SENTENCE, "Marlow council ferry dock"], 5)
    assert found[0][0].review.url == STYLED.url and found[1]
    # the terms' document frequencies, then one search for every sentence: on PostgreSQL the
    # planner setting was a third statement of its own
    assert len(statements) == 2, statements


def test_the_planner_setting_holds_for_the_search_and_ends_with_it(store: FactCheckStore) -> None:
    if store.engine.dialect.name != "postgresql":
        pytest.skip("a PostgreSQL planner setting")
    during: list[str] = []

    def look(_conn: Any, cursor: Any, statement: str, *_args: Any) -> None:
        if "JOIN fact_checks fc" in statement:  # the search: its transaction's setting
            during.append(cursor.connection.execute("SHOW enable_seqscan").fetchone()[0])

    event.listen(store.engine, "after_cursor_execute", look)
    try:
        assert store.index(None).search(SENTENCE, 5)
    finally:
        event.remove(store.engine, "after_cursor_execute", look)
    assert during == ["off"]
    with store.engine.connect() as conn:  # the pooled connection the search gave back
        assert conn.scalar(text("SHOW enable_seqscan")) == "on"


def test_a_word_the_databases_parse_differently_scores_as_bm25_says(store: FactCheckStore) -> None:
    assert "Vaccin" in analyse(SENTENCE)  # the styled word, as the analyser keeps it
    documents = [search_terms(r.claim, r.title) for r in (STYLED, PLAIN, *FILLER)]

    hits = {hit.review.url: hit.score for hit in store.index(None).search(SENTENCE, 5)}
    assert math.isclose(hits[STYLED.url], okapi(SENTENCE, documents[0], documents), rel_tol=1e-9)
    assert math.isclose(hits[PLAIN.url], okapi(SENTENCE, documents[1], documents), rel_tol=1e-9)
