"""What the fact-check search costs SQLite: a large import leaves FTS5's index in one segment, and a
sentence that shares a single word with the corpus is searched without temporary tables, its ranking
still BM25's. SQLite only: these are FTS5's segments and SQLite's query plan.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, text
from support.bm25 import okapi

from checks.factchecks import ClaimReview
from storage import open_store
from storage.factchecks import FactCheckStore, search_terms

# A village paper's fact-checks: every claim names the ferry, a few of them twice (claim and title)
FERRY = tuple(ClaimReview(url=f"https://villagecheck.example/ferry/{n}", rating="Half True",
                          claim=f"The Brimley ferry ran {n} crossings late in {2000 + n}.",
                          title="Was the Brimley ferry late?" if n % 3 == 0 else None)
              for n in range(24))
BAKERY = tuple(ClaimReview(url=f"https://villagecheck.example/bakery/{n}", rating="False",
                           claim=f"The bakery on Mill Lane sold {n} loaves to the council.")
               for n in range(6))
# Of the sentence's words only 'ferry' is in the corpus
SENTENCE = "Commuters grumbled that the ferry kept them waiting"


@pytest.fixture()
def store(tmp_path: Path) -> FactCheckStore:
    return FactCheckStore(open_store(f"sqlite:///{tmp_path / 'desk.db'}").engine)


def segments(store: FactCheckStore) -> int:
    with store.engine.connect() as conn:
        return int(conn.scalar(text("SELECT count(DISTINCT segid) FROM fact_checks_fts_idx")))


def test_a_large_import_leaves_fts5s_index_in_one_segment(store: FactCheckStore,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("storage.factchecks.store.ANALYZE_AFTER", 10)
    store.import_reviews(BAKERY[:3], None)  # small imports: FTS5 adds segments as it goes
    store.import_reviews(BAKERY[3:], None)
    assert segments(store) > 1
    store.import_reviews(FERRY, None)  # a large one: the index merged, every segment into one
    assert segments(store) == 1
    found = store.index(None).search("the bakery on Mill Lane sold 4 loaves", 1)
    assert [hit.review.url for hit in found] == [BAKERY[4].url]


@pytest.fixture()
def plans(store: FactCheckStore) -> Iterator[list[str]]:
    """SQLite's query plan of every search statement the store runs while the test does."""
    seen: list[str] = []

    def explain(conn: Any, cursor: Any, statement: str, parameters: Any, *_args: Any) -> None:
        if "fact_checks_fts" in statement:
            rows = cursor.connection.execute(f"EXPLAIN QUERY PLAN {statement}", parameters).fetchall()
            seen.append("\n".join(row[-1] for row in rows))

    event.listen(store.engine, "before_cursor_execute", explain)
    yield seen
    event.remove(store.engine, "before_cursor_execute", explain)


def test_a_sentence_sharing_one_word_is_searched_without_temporary_tables(
        store: FactCheckStore, plans: list[str]) -> None:
    store.import_reviews([*FERRY, *BAKERY], None)
    found = store.index(None).search(SENTENCE, 5)
    # One group ('ferry') brings each claim once: no temporary table to remove duplicates; one term
    # scores them: their padded terms are not copied into one either
    [plan] = plans
    assert "FOR DISTINCT" not in plan, plan
    assert "MATERIALIZE hits0" not in plan and "MATERIALIZE c0" not in plan, plan
    # the ranking is BM25's all the same: the claims whose title says 'ferry' again, shortest first
    documents = [search_terms(r.claim, r.title) for r in (*FERRY, *BAKERY)]
    expected = sorted(range(len(FERRY)), key=lambda n: (-okapi(SENTENCE, documents[n], documents), n))[:5]
    assert [hit.review.url for hit in found] == [FERRY[n].url for n in expected]
    for hit, n in zip(found, expected, strict=True):
        assert math.isclose(hit.score, okapi(SENTENCE, documents[n], documents), rel_tol=1e-9)
