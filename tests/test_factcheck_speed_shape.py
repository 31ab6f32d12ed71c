"""What a check's fact-check matching costs, by its shape rather than its clock: one statement for all
of a check's sentences (a sentence with the same plan as another asked once), no vectors for sentences
none of whose candidates could be shown, and the story's entities read once. Each result is the one the
sentence-by-sentence path gives.

On SQLite and, when DESKCHECK_TEST_POSTGRES_URL is set, on real PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import combinations
from typing import Any

import pytest
from sqlalchemy import event

from checks.engine import check_text
from checks.factchecks import ClaimReview, FactCheckHit, claim_sentences, match_fact_checks
from checks.factchecks.embed import SentenceEmbedder, Vectors, load_embedder
from checks.factchecks.match import (
    CANDIDATES,
    THRESHOLD,
    _Entities,
    _lines,
    query_text,
    rank_candidates,
)
from checks.models import ClaimSentence, FactCheck
from checks.nlp import parse
from storage import open_store
from storage.factchecks import FactCheckStore
from storage.factchecks.search import PLANS_PER_STATEMENT

REVIEWS = [
    ClaimReview(url="https://checks.example/ferry-fares", rating="False", publisher="Harbour Checks",
                review_date="2025-04-01",
                claim="The island ferry tripled its fares for pensioners last winter.",
                title="Did the island ferry triple pensioners' fares?"),
    ClaimReview(url="https://checks.example/ferry-engines", rating="Misleading", publisher="Harbour Checks",
                review_date="2025-02-11", claim="The island ferry runs on engines from 1962."),
    ClaimReview(url="https://checks.example/library-hours", rating="True", publisher="Civic Facts",
                review_date="2024-09-30", claim="Marlow library cut its opening hours by half in 2024.",
                title="Marlow library halved its opening hours"),
    ClaimReview(url="https://checks.example/orchard", rating="False", publisher="Civic Facts",
                review_date="2023-06-12",
                claim="Apple orchards near Marlow were sprayed with banned pesticides."),
    *[ClaimReview(url=f"https://checks.example/council/{n}", rating="Half True", publisher="Civic Facts",
                  claim=f"Councillor Ada Brook missed {n} votes on the harbour budget.") for n in range(6)],
]
OWN = ClaimReview(url="https://desk.example/ferry-fares", rating="Unproven", publisher="Our desk",
                  claim="The island ferry tripled its fares for pensioners last winter.")

SENTENCES = [
    "Pensioners say the island ferry has tripled its fares since last winter.",
    "“The island ferry tripled the fares,” one pensioner said.",
    "Marlow library now opens half the hours it did in 2024.",
    "The budget vote was delayed again.",
    "Nothing in this sentence is known to any fact-check.",
]


@pytest.fixture()
def store(database_url: str) -> FactCheckStore:
    store = FactCheckStore(open_store(database_url).engine)
    store.import_reviews(REVIEWS, None)
    store.import_reviews([OWN], "T024")
    return store


@pytest.fixture()
def statements(store: FactCheckStore) -> Iterator[list[str]]:
    """The SQL statements the store's engine runs while the test does, those about fact-checks."""
    seen: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if "fact_check" in statement:
            seen.append(statement)

    event.listen(store.engine, "before_cursor_execute", record)
    yield seen
    event.remove(store.engine, "before_cursor_execute", record)


def test_one_statement_searches_every_sentence_of_a_check(store: FactCheckStore,
                                                           statements: list[str]) -> None:
    index = store.index("T024")
    alone = [index.search(sentence, CANDIDATES) for sentence in SENTENCES]
    statements.clear()
    together = index.search_many(SENTENCES, CANDIDATES)
    assert together == alone
    assert any(hit.review == OWN for hit in together[0]) and together[4] == []
    searches = [s for s in statements if "JOIN fact_checks fc" in s]
    assert len(searches) == 1  # sentence by sentence, it was one each
    assert len(statements) == 2  # and the document frequencies of all their terms, read once


def test_sentences_with_the_same_plan_are_searched_once(store: FactCheckStore, statements: list[str]) -> None:
    # the same words the index knows ('island', 'ferry', 'fare'...), in another order and with others
    # no fact-check holds: the same plan, so the same candidates and scores
    index = store.index(None)
    same = ["The island ferry tripled fares for pensioners last winter",
            "Last winter, quietly, the island ferry tripled fares for pensioners"]
    found = index.search_many([*same, SENTENCES[2]], 5)
    assert found[0] == found[1] == index.search(same[1], 5)
    search = next(s for s in statements if "JOIN fact_checks fc" in s)
    assert "best1" in search and "best2" not in search  # two plans for three sentences


def test_a_long_batch_is_cut_into_statements_of_a_few_plans(store: FactCheckStore,
                                                            statements: list[str]) -> None:
    index = store.index(None)
    known = "island ferry fares pensioners winter Marlow library hours orchards pesticides engines budget"
    # two words the index knows each, no two sentences the same two: a plan each
    sentences = [" ".join(pair) for pair in combinations(known.split(), 2)][:2 * PLANS_PER_STATEMENT + 3]
    together = index.search_many(sentences, 3)
    assert len([s for s in statements if "JOIN fact_checks fc" in s]) == 3
    assert together == [index.search(sentence, 3) for sentence in sentences]


class CountingEmbedder(SentenceEmbedder):
    """The bundled model, keeping the texts it was asked to embed."""

    def __init__(self) -> None:
        model = load_embedder()
        super().__init__(model._table, model._tokenizer)
        self.asked: list[str] = []

    def embed(self, texts: list[str]) -> Vectors:
        self.asked += texts
        return super().embed(texts)


def every_sentence_ranked(sentences: list[ClaimSentence], pools: list[list[FactCheckHit]],
                          embedder: SentenceEmbedder) -> tuple[FactCheck, ...]:
    """match_fact_checks as it was before the gate: every sentence embedded and ranked."""
    best: dict[str, tuple[float, FactCheckHit, ClaimSentence]] = {}
    for sentence, pool in zip(sentences, pools, strict=True):
        if not pool:
            continue
        query = query_text(sentence.text)
        texts = [h.review.claim for h in pool] + [h.review.title or "" for h in pool]
        vectors = embedder.embed([query, *texts])
        claims, titles = vectors[1:len(pool) + 1], vectors[len(pool) + 1:]
        for hit, score in rank_candidates(query, pool, vectors[0], claims, titles):
            if score >= THRESHOLD and (hit.review.url not in best or score > best[hit.review.url][0]):
                best[hit.review.url] = (score, hit, sentence)
    return tuple(FactCheck(claim=h.review.claim, rating=h.review.rating, publisher=h.review.publisher,
                           url=h.review.url, date=h.review.review_date, score=round(s, 3), sentence=sentence)
                 for s, h, sentence in sorted(best.values(), key=lambda b: -b[0])[:5])


def test_a_sentence_no_candidate_of_which_could_be_shown_is_not_embedded(store: FactCheckStore) -> None:
    index = store.index(None)
    sentences = [ClaimSentence(text, 0, len(text)) for text in SENTENCES]
    embedder = CountingEmbedder()
    found = match_fact_checks(sentences, index, embedder=embedder)
    pools = index.search_many(SENTENCES, CANDIDATES)
    assert found == every_sentence_ranked(sentences, pools, load_embedder())
    assert found and found[0].url == "https://checks.example/ferry-fares"
    # The budget sentence shares 'budget' and 'vote' with the councillor's claims, under half of what
    # they assert, and the gate refuses them: neither it nor they were embedded.
    assert SENTENCES[3] not in embedder.asked
    assert not any("Ada Brook" in text for text in embedder.asked)
    # A story that shares a word or a name with the fact-checks and no more asks for no vectors at all.
    embedder.asked.clear()
    unrelated = [ClaimSentence(text, 0, len(text))
                 for text in ("Marlow won the regional rowing final on Sunday.",
                              "The harbour festival drew record crowds.")]
    assert index.search_many([s.text for s in unrelated], CANDIDATES)[0]  # candidates there are
    assert match_fact_checks(unrelated, index, embedder=embedder) == () and embedder.asked == []


ARTICLE = """Ferry fares row reaches Marlow council

MARLOW — Councillor Ada Brook said on Tuesday that the Island Ferry Company tripled fares for pensioners.
“We were told in March 2024 that the Marlow Public Library would close early,” said Brook, a member of
the Harbour Party since 2019.
The company's chief, Tom Reyes of Bristol, denied it in a letter to the Marlow Gazette.
"""


def test_the_sentences_entities_are_those_spacy_gives_each_sentence() -> None:
    doc = next(parse([ARTICLE]))
    entities = _Entities(doc)
    spans = [span for _, _, span in _lines(doc, doc.text)]
    # and spans that cut an entity in two, which Span.ents leaves out
    spans += [doc[e.start + 1:e.end + 3] for e in doc.ents if len(e) > 1]
    assert spans and any(span.ents for span in spans)
    for span in spans:
        assert entities.labels_within(span) == [e.label_ for e in span.ents]
    assert claim_sentences(doc, check_text(ARTICLE))
